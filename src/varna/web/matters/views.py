"""Thin views of matters and persons: read through ``access``, write through ``services``."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from http import HTTPStatus
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from varna.web.consent.selectors import consents_of
from varna.web.core.editing import EditConflict, edit_status, rebind
from varna.web.disclosures.selectors import disclosures_visible
from varna.web.matters.access import (
    MatterView,
    Reach,
    authority_of,
    holds,
    matter_for,
    matter_for_holder,
    matters_for,
    person_for,
    persons_for,
)
from varna.web.matters.forms import (
    DecisionForm,
    GroupMatterForm,
    IndividualMatterForm,
    MatterEditForm,
    MatterFilterForm,
    QuestionOwnerForm,
)
from varna.web.matters.models import Kind, Matter, Status
from varna.web.matters.selectors import (
    authority_label,
    district_label,
    filtered_matters_for,
    list_reach,
)
from varna.web.matters.services import (
    MatterError,
    individual_matter_open,
    matter_close,
    matter_create,
    matter_decision_record,
    matter_question_owner_set,
    matter_reopen,
    matter_update,
)

View = Callable[..., HttpResponse]


def unit_required(view: View) -> View:
    """Only staff placed in a unit act for an authority; anyone else may not write."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if authority_of(request.user) is None:
            raise PermissionDenied("no unit")
        return view(request, *args, **kwargs)

    return wrapped


def _detail_url(matter: Matter) -> str:
    return reverse("matters:detail", args=[matter.pk])


@never_cache
@login_required
@require_safe
def index(request: HttpRequest) -> HttpResponse:
    form = MatterFilterForm(request.GET or None)
    choices = form.cleaned_data if form.is_bound and form.is_valid() else {}
    matters = filtered_matters_for(
        request.user,
        kind=choices.get("kind", ""), status=choices.get("status", ""),
        level=choices.get("level", ""), district=choices.get("district", ""),
    )[:500]
    rows = [
        {"matter": m, "reach": list_reach(request.user, m), "district": district_label(m.district)}
        for m in matters
    ]
    return render(request, "matters/index.html", {"form": form, "rows": rows,
                                                  "can_create": authority_of(request.user) is not None})


@never_cache
@login_required
@unit_required
@require_http_methods(["GET", "POST"])
def create(request: HttpRequest) -> HttpResponse:
    kind = request.POST.get("kind") or request.GET.get("kind")
    if kind not in (Kind.GROUP, Kind.INDIVIDUAL):
        return render(request, "matters/create_choice.html")
    individual = kind == Kind.INDIVIDUAL
    data = request.POST if request.method == "POST" else None
    form: GroupMatterForm | IndividualMatterForm
    if individual:
        form = IndividualMatterForm(data, persons=persons_for(request.user))
    else:
        form = GroupMatterForm(data)
    if data is not None and form.is_valid():
        values = form.cleaned_data
        fields = {name: values[name] for name in ("title", "summary", "level", "concern", "district")}
        if individual and values.get("person") is None:
            matter = individual_matter_open(user=request.user, person_name=values["person_name"],
                                            birth_year=values["birth_year"], **fields)
        else:
            matter = matter_create(user=request.user, kind=Kind(kind), person=values.get("person"), **fields)
        messages.success(request, _("The matter was opened."))
        return HttpResponseRedirect(_detail_url(matter))
    status = HTTPStatus.BAD_REQUEST if form.is_bound else HTTPStatus.OK
    return render(request, "matters/create.html", {"form": form, "kind": kind, "individual": individual},
                  status=status)


def _detail_page(request: HttpRequest, view: MatterView, *, status: int = HTTPStatus.OK,
                 **forms_: Any) -> HttpResponse:
    matter = view.matter
    holder = view.reach is not Reach.DISCLOSED and holds(request.user, matter)
    context: dict[str, Any] = {
        "view": view,
        "matter": matter,
        "full": view.full,
        "holder": holder,
        "can_disclose": holder and matter.is_individual and matter.status == Status.OPEN
        and getattr(getattr(request.user, "unit", None), "actor", None) == matter.owner_unit.actor,
        "disclosures": list(disclosures_visible(request.user, view)),
        "owner_name": authority_label(matter.owner_authority),
        "question_owner_name": authority_label(matter.question_owner),
        "district_name": district_label(matter.district),
        "errors": [e for f in forms_.values() for e in f.summary_errors()],
    }
    if view.full:
        context["decisions"] = [
            {"decision": d, "authority": authority_label(d.owner_authority)} for d in matter.decisions.all()
        ]
    if holder and matter.status == Status.OPEN:
        context["decision_form"] = forms_.get("decision_form") or DecisionForm(
            initial={"decided_on": timezone.localdate()})
        context["owner_form"] = forms_.get("owner_form") or QuestionOwnerForm(
            initial={"question_owner": matter.question_owner})
    return render(request, "matters/detail.html", context, status=status)


@never_cache
@login_required
@require_safe
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail_page(request, matter_for(request.user, pk))


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    matter = matter_for_holder(request.user, pk, purpose="ändra ärendet")
    refused = _open_or_refuse(request, matter)
    if refused:
        return refused
    group = not matter.is_individual
    conflict = False
    if request.method == "POST":
        form = MatterEditForm(request.POST, group=group)
        if form.is_valid():
            values = form.cleaned_data
            try:
                matter_update(
                    user=request.user, matter=matter, version=values["version"], title=values["title"],
                    summary=values["summary"], level=values["level"], concern=values["concern"],
                    district=values["district"],
                )
            except EditConflict:
                # The service has read the matter as saved now; the user's text is kept on its version.
                conflict = True
                form = rebind(MatterEditForm, request.POST, version=matter.version, group=group)
            else:
                messages.success(request, _("The changes were saved."))
                return HttpResponseRedirect(_detail_url(matter))
    else:
        form = MatterEditForm(group=group, initial={
            "title": matter.title, "summary": matter.summary, "level": matter.level,
            "concern": matter.concern, "district": matter.district, "version": matter.version,
        })
    return render(request, "matters/edit.html", {"form": form, "matter": matter, "conflict": conflict},
                  status=edit_status(conflict=conflict, bound=form.is_bound))


def _redisplay_detail(request: HttpRequest, matter: Matter, **forms_: Any) -> HttpResponse:
    view = MatterView(matter, Reach.HOLDER if matter.is_individual else Reach.GROUP)
    return _detail_page(request, view, status=HTTPStatus.BAD_REQUEST, **forms_)


def _open_or_refuse(request: HttpRequest, matter: Matter) -> HttpResponse | None:
    if matter.status != Status.OPEN:
        messages.error(request, _("The matter is closed. Reopen it first."))
        return HttpResponseRedirect(_detail_url(matter))
    return None


@login_required
@require_POST
def decision_add(request: HttpRequest, pk: int) -> HttpResponse:
    matter = matter_for_holder(request.user, pk, purpose="anteckna beslut")
    refused = _open_or_refuse(request, matter)
    if refused:
        return refused
    form = DecisionForm(request.POST, group=not matter.is_individual)
    if not form.is_valid():
        return _redisplay_detail(request, matter, decision_form=form)
    matter_decision_record(user=request.user, matter=matter, text=form.cleaned_data["text"],
                           decided_on=form.cleaned_data["decided_on"],
                           owner_authority=form.cleaned_data["owner_authority"])
    messages.success(request, _("The decision was recorded."))
    return HttpResponseRedirect(_detail_url(matter) + "#decisions")


@login_required
@require_POST
def question_owner(request: HttpRequest, pk: int) -> HttpResponse:
    matter = matter_for_holder(request.user, pk, purpose="ange vem som äger frågan")
    refused = _open_or_refuse(request, matter)
    if refused:
        return refused
    form = QuestionOwnerForm(request.POST)
    if not form.is_valid():
        return _redisplay_detail(request, matter, owner_form=form)
    matter_question_owner_set(user=request.user, matter=matter, authority=form.cleaned_data["question_owner"])
    messages.success(request, _("The authority that owns the question was saved."))
    return HttpResponseRedirect(_detail_url(matter))


@login_required
@require_POST
def close(request: HttpRequest, pk: int) -> HttpResponse:
    matter = matter_for_holder(request.user, pk, purpose="avsluta ärendet")
    try:
        matter_close(user=request.user, matter=matter)
    except MatterError:
        messages.error(request, _("The matter is already closed."))
    else:
        messages.success(request, _("The matter was closed."))
    return HttpResponseRedirect(_detail_url(matter))


@login_required
@require_POST
def reopen(request: HttpRequest, pk: int) -> HttpResponse:
    matter = matter_for_holder(request.user, pk, purpose="öppna ärendet igen")
    try:
        matter_reopen(user=request.user, matter=matter)
    except MatterError:
        messages.error(request, _("The matter cannot be reopened."))
    else:
        messages.success(request, _("The matter was reopened."))
    return HttpResponseRedirect(_detail_url(matter))


@never_cache
@login_required
@require_safe
def persons(request: HttpRequest) -> HttpResponse:
    return render(request, "matters/persons.html", {"persons": persons_for(request.user)[:500]})


@never_cache
@login_required
@require_safe
def person(request: HttpRequest, pk: int) -> HttpResponse:
    found = person_for(request.user, pk)
    today = timezone.localdate()
    consents = [{"consent": c, "in_force": c.in_force_on(today)} for c in consents_of(found)]
    return render(request, "matters/person.html", {
        "person": found,
        "matters": matters_for(request.user).filter(person=found).order_by("-opened_at"),
        "consents": consents,
        "age": found.age_on(today),
    })
