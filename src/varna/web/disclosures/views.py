"""Thin views of disclosures: assess, then confirm; the detail and the list of one matter."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from varna.law import Setting
from varna.web.disclosures.forms import DisclosureForm
from varna.web.disclosures.selectors import disclosure_for, disclosures_visible, shown_decision
from varna.web.disclosures.services import (
    Assessment,
    AssessmentChangedError,
    BalancingRequiredError,
    DisclosureError,
    NotAllowedError,
    disclosure_assess,
    disclosure_record,
)
from varna.web.matters.access import matter_for, matter_for_holder
from varna.web.matters.models import Matter, Status
from varna.web.matters.selectors import authority_label
from varna.web.sharing.selectors import vocabulary_label


def _page(request: HttpRequest, matter: Matter, form: DisclosureForm, assessment: Assessment | None,
          *, status: int = HTTPStatus.OK, changed: bool = False) -> HttpResponse:
    context: dict[str, Any] = {"matter": matter, "form": form, "assessment": assessment, "changed": changed,
                               "errors": form.summary_errors() if form.is_bound else []}
    if assessment is not None:
        form.show_facts(assessment.fact_sources)
        context["shown"] = shown_decision(assessment.decision.as_dict())
        context["consent"] = assessment.consent
        context["consent_label"] = vocabulary_label("consent", assessment.question.consent.value)
    return render(request, "disclosures/create.html", context, status=status)


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def create(request: HttpRequest, pk: int) -> HttpResponse:
    matter = matter_for_holder(request.user, pk, purpose="lämna ut uppgifter")
    if not matter.is_individual:
        raise Http404("a group-level matter has no individual to disclose about")
    if matter.status != Status.OPEN:
        messages.error(request, _("The matter is closed: nothing can be disclosed from it."))
        return HttpResponseRedirect(reverse("matters:detail", args=[matter.pk]))
    user: Any = request.user  # matter_for_holder let only the holding branch's staff this far
    kwargs = {"discloser": user.unit.party.actor, "own_holder": user.holder}
    if request.method != "POST":
        form = DisclosureForm(initial={"setting": Setting.DIRECT.value,
                                       "information_kind": "personal_circumstances"}, **kwargs)
        return _page(request, matter, form, None)
    form = DisclosureForm(request.POST, **kwargs)
    if not form.is_valid():
        return _page(request, matter, form, None, status=HTTPStatus.BAD_REQUEST)
    values = form.values()
    try:
        if request.POST.get("step") != "confirm":
            assessment = disclosure_assess(user=user, matter=matter, **values)
            data = request.POST.copy()
            data["fingerprint"] = assessment.fingerprint
            data.setlist("facts", sorted(f.value for f in assessment.question.facts))
            shown = DisclosureForm(data, **kwargs)
            shown.is_valid()
            return _page(request, matter, shown, assessment)
        disclosure = disclosure_record(
            user=user, matter=matter, content=form.cleaned_data["content"],
            balancing=form.cleaned_data["balancing"], expected=form.cleaned_data["fingerprint"] or None,
            **values,
        )
    except AssessmentChangedError as exc:
        if exc.assessment is None:
            raise
        data = request.POST.copy()
        data["fingerprint"] = exc.assessment.fingerprint
        data.setlist("facts", sorted(f.value for f in exc.assessment.question.facts))
        shown = DisclosureForm(data, **kwargs)
        shown.is_valid()
        return _page(request, matter, shown, exc.assessment, status=HTTPStatus.CONFLICT, changed=True)
    except NotAllowedError as exc:
        form.add_error(None, _("Secrecy prevents this disclosure, so it cannot be recorded. The answer and "
                               "its reasons are shown below."))
        return _page(request, matter, form, exc.assessment, status=HTTPStatus.BAD_REQUEST)
    except BalancingRequiredError as exc:
        form.add_error("balancing", _("The answer rests on the general clause (OSL 10:27): write down the "
                                      "balancing of interests before the disclosure can be saved."))
        return _page(request, matter, form, exc.assessment, status=HTTPStatus.BAD_REQUEST)
    except DisclosureError:
        form.add_error(None, _("The disclosure cannot be recorded from this matter."))
        return _page(request, matter, form, None, status=HTTPStatus.BAD_REQUEST)
    messages.success(request, _("The disclosure was recorded."))
    return HttpResponseRedirect(reverse("disclosures:detail", args=[disclosure.pk]))


@never_cache
@login_required
@require_safe
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    disclosure, view = disclosure_for(request.user, pk)
    return render(request, "disclosures/detail.html", {
        "disclosure": disclosure,
        "view": view,
        "matter": view.matter,
        "shown": shown_decision(disclosure.decision),
        "information_label": vocabulary_label("information", disclosure.information_kind),
        "setting_label": vocabulary_label("settings", disclosure.setting),
        "facts": [vocabulary_label("facts", f) for f in disclosure.facts],
        "from_name": authority_label(disclosure.from_authority),
        "to_name": authority_label(disclosure.to_authority),
    })


@never_cache
@login_required
@require_safe
def matter_list(request: HttpRequest, pk: int) -> HttpResponse:
    view = matter_for(request.user, pk, purpose="lista utlämnanden")
    if not view.matter.is_individual:
        raise Http404("a group-level matter has no disclosures")
    rows = [
        {"disclosure": d, "to_name": authority_label(d.to_authority),
         "outcome": vocabulary_label("outcomes", d.outcome),
         "information": vocabulary_label("information", d.information_kind)}
        for d in disclosures_visible(request.user, view)
    ]
    return render(request, "disclosures/list.html", {"view": view, "matter": view.matter, "rows": rows})
