"""Thin views of the consent register: record, read, withdraw, print."""

from __future__ import annotations

from http import HTTPStatus

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from varna.web.audit.models import Action
from varna.web.consent.forms import ConsentForm, WithdrawForm
from varna.web.consent.models import ConsentRecord
from varna.web.consent.pdf import consent_filename, render_consent_form
from varna.web.consent.selectors import consent_for, scope_labels
from varna.web.consent.services import ConsentError, consent_record, consent_withdraw
from varna.web.matters.access import person_for


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def create(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_for(request.user, pk, purpose="registrera samtycke")
    if request.method == "POST":
        form = ConsentForm(request.POST, person=person)
        if form.is_valid():
            values = form.cleaned_data
            consent = consent_record(
                user=request.user, person=person, information=values["information"],
                information_kinds=values["information_kinds"], recipients=values["recipients"],
                purpose=values["purpose"], form=values["form"], given_by=values["given_by"],
                given_on=values["given_on"], expires_on=values["expires_on"], guardians=values["guardians"],
                child_view=values["child_view"],
            )
            messages.success(request, _("The consent was recorded."))
            return HttpResponseRedirect(reverse("consent:detail", args=[consent.pk]))
    else:
        form = ConsentForm(person=person, initial={"given_on": timezone.localdate(), "form": "written"})
    status = HTTPStatus.BAD_REQUEST if form.is_bound else HTTPStatus.OK
    age = person.age_on(timezone.localdate())
    return render(request, "consent/create.html", {"form": form, "person": person, "age": age},
                  status=status)


def _detail(request: HttpRequest, consent: ConsentRecord, form: WithdrawForm | None,
            status: int = HTTPStatus.OK) -> HttpResponse:
    today = timezone.localdate()
    if form is None and consent.withdrawn_at is None:
        form = WithdrawForm(given_on=consent.given_on, initial={"withdrawn_on": today})
    return render(request, "consent/detail.html", {
        "consent": consent,
        "person": consent.person,
        "scope": scope_labels(consent),
        "in_force": consent.in_force_on(today),
        "form": form,
        "errors": form.summary_errors() if form is not None and form.is_bound else [],
    }, status=status)


@never_cache
@login_required
@require_safe
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail(request, consent_for(request.user, pk), None)


@login_required
@require_POST
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    consent = consent_for(request.user, pk, purpose="återkalla samtycket")
    form = WithdrawForm(request.POST, given_on=consent.given_on)
    if not form.is_valid():
        return _detail(request, consent, form, HTTPStatus.BAD_REQUEST)
    try:
        consent_withdraw(user=request.user, consent=consent, on=form.cleaned_data["withdrawn_on"],
                         note=form.cleaned_data["note"])
    except ConsentError:
        messages.error(request, _("The consent was already withdrawn."))
    else:
        messages.success(request, _("The consent was withdrawn. From now on it covers nothing."))
    return HttpResponseRedirect(reverse("consent:detail", args=[consent.pk]))


@never_cache
@login_required
@require_safe
def pdf(request: HttpRequest, pk: int) -> HttpResponse:
    consent = consent_for(request.user, pk, purpose="skrev ut samtyckesblankett", action=Action.EXPORT)
    language = "en" if request.GET.get("sprak", request.GET.get("lang")) == "en" else "sv"
    response = HttpResponse(render_consent_form(consent=consent, language=language),
                            content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{consent_filename(consent, language)}"'
    return response
