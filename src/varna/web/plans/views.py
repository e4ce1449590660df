"""The plans pages: thin views that parse, call a service or selector, and render.

Every view needs a logged-in user with a unit, and changing needs the right to edit
the plan, else 403 (:mod:`varna.web.plans.guards`).
A missing plan, area or activity is 404.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any, TypedDict, TypeVar

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from varna.web.core.editing import EditConflict, rebind
from varna.web.core.spreadsheet import csv_download, text_cell
from varna.web.meetings.selectors import actions_for
from varna.web.plans import selectors
from varna.web.plans.forms import ActivityForm, AreaForm, FollowUpForm, IndicatorForm, PlanForm, ReportForm
from varna.web.plans.guards import editable, reader, refused
from varna.web.plans.models import LEVEL_CHOICES, Activity, ActivityStatus, Plan
from varna.web.plans.pdf import render_report, report_filename
from varna.web.plans.permissions import can_edit, owner_units_for
from varna.web.plans.services import (
    activity_create,
    activity_follow_up,
    activity_link_action,
    activity_unlink_action,
    activity_update,
    area_create,
    area_update,
    indicator_create,
    indicator_delete,
    indicator_update,
    plan_create,
    plan_update,
)
from varna.web.workspace.forms import error_summary

T = TypeVar("T")


def _found(obj: T | None) -> T:
    if obj is None:
        raise Http404
    return obj


class _Page(TypedDict):
    """What an edit page shows both times: on opening, and again after a conflict."""

    title: str
    back: str
    submit: str


def _form_page(
    request: HttpRequest,
    form: forms.Form,
    *,
    title: str,
    back: str,
    submit: str,
    conflict: list[tuple[str, str]] | None = None,
    intro: str = "",
    delete: str = "",
    status: int = HTTPStatus.OK,
) -> HttpResponse:
    return render(
        request,
        "plans/form.html",
        {
            "form": form,
            "errors": error_summary(form),
            "title": title,
            "back": back,
            "submit": submit,
            "conflict": conflict,
            "intro": intro,
            "delete": delete,
        },
        status=status if not form.errors or status != HTTPStatus.OK else HTTPStatus.BAD_REQUEST,
    )


def _conflict_rows(obj: Any, names: list[str]) -> list[tuple[str, str]]:
    rows = []
    for name in names:
        model_field = obj._meta.get_field(name)
        value = (
            getattr(obj, f"get_{name}_display")()
            if getattr(model_field, "choices", None)
            else getattr(obj, name)
        )
        rows.append(
            (
                str(getattr(model_field, "verbose_name", name)).capitalize(),
                "" if value is None else str(value),
            )
        )
    return rows


def _conflict_page(
    request: HttpRequest,
    clash: EditConflict,
    form_class: type[forms.Form],
    *,
    shown: list[str],
    title: str,
    back: str,
    submit: str,
    form_kwargs: dict[str, Any] | None = None,
) -> HttpResponse:
    """409: the ``shown`` fields as saved now, above the user's own text bound to the saved version."""
    saved = clash.current
    form = rebind(
        form_class,
        request.POST,
        version=saved.version,
        message=_(
            "Someone else saved this while you were editing, so your changes have NOT been saved. "
            "Your text is still in the form below. Compare it with what is saved now (shown above the "
            "form), then save again to replace it – or leave the page to keep what is saved."
        ),
        **(form_kwargs or {}),
    )
    return _form_page(
        request,
        form,
        title=title,
        back=back,
        submit=submit,
        conflict=_conflict_rows(saved, shown),
        status=HTTPStatus.CONFLICT,
    )


# -- plans ------------------------------------------------------------------------------


@reader
def index(request: HttpRequest) -> HttpResponse:
    plans = list(selectors.plans_for(request.user).order_by("-starts_on", "name"))
    return render(
        request, "plans/index.html", {"plans": plans, "can_create": bool(owner_units_for(request.user))}
    )


@reader
@require_http_methods(["GET", "HEAD", "POST"])
def plan_new(request: HttpRequest) -> HttpResponse:
    units = owner_units_for(request.user)
    form = PlanForm(request.POST or None, owner_units=units)
    if request.method == "POST" and form.is_valid():
        try:
            plan = plan_create(user=request.user, data=form.plan_fields())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The plan was created."))
            return redirect("plans:detail", plan.pk)
    return _form_page(
        request, form, title=_("New plan"), back=reverse("plans:index"), submit=_("Create the plan")
    )


def _plan(request: HttpRequest, pk: int, *, edit: bool = False) -> Plan:
    plan = _found(selectors.plan_for(request.user, pk))
    if edit:
        editable(request, plan)
    return plan


@reader
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk)
    areas, loose = selectors.plan_detail(plan)
    return render(
        request,
        "plans/detail.html",
        {
            "plan": plan,
            "areas": areas,
            "loose": loose,
            "can_edit": can_edit(request.user, plan),
            "partner_orgs": [selectors.org_name(i) for i in plan.partner_orgs],
            "partner_units": list(plan.partner_units.all()),
            "today": timezone.localdate(),
            "year": timezone.localdate().year,
        },
    )


@reader
@require_http_methods(["GET", "HEAD", "POST"])
def plan_edit(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk, edit=True)
    units = owner_units_for(request.user)
    if plan.owner_unit not in units:
        units.append(plan.owner_unit)
    initial = {
        "name": plan.name,
        "name_en": plan.name_en,
        "kind": plan.kind,
        "owner_unit": plan.owner_unit_id,
        "starts_on": plan.starts_on,
        "ends_on": plan.ends_on,
        "description": plan.description,
        "partner_units": list(plan.partner_units.values_list("pk", flat=True)),
        "partner_orgs": plan.partner_orgs,
        "other_partners": plan.other_partners,
        "version": plan.version,
    }
    form = PlanForm(request.POST or None, initial=initial, owner_units=units)
    page: _Page = {
        "title": _("Change the plan"),
        "back": reverse("plans:detail", args=[pk]),
        "submit": _("Save the plan"),
    }
    if request.method == "POST" and form.is_valid():
        try:
            plan_update(plan=plan, expected_version=form.expected_version(), data=form.plan_fields())
        except EditConflict as clash:
            shown = ["name", "kind", "starts_on", "ends_on", "description"]
            return _conflict_page(
                request, clash, PlanForm, shown=shown, form_kwargs={"owner_units": units}, **page
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The plan was saved."))
            return redirect("plans:detail", plan.pk)
    return _form_page(request, form, **page)


# -- areas ------------------------------------------------------------------------------


@reader
@require_http_methods(["GET", "HEAD", "POST"])
def area_new(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk, edit=True)
    form = AreaForm(request.POST or None, initial={"position": plan.areas.count() + 1})
    if request.method == "POST" and form.is_valid():
        area_create(plan=plan, data=form.area_fields())
        messages.success(request, _("The area was added."))
        return redirect("plans:detail", plan.pk)
    return _form_page(
        request,
        form,
        title=_("New area in %(plan)s") % {"plan": plan.shown_name},
        back=reverse("plans:detail", args=[pk]),
        submit=_("Add the area"),
    )


@reader
@require_http_methods(["GET", "HEAD", "POST"])
def area_edit(request: HttpRequest, pk: int) -> HttpResponse:
    area = _found(selectors.area_for(request.user, pk))
    editable(request, area.plan)
    initial = {
        "name": area.name,
        "name_en": area.name_en,
        "problem_picture": area.problem_picture,
        "measures": area.measures,
        "position": area.position,
        "version": area.version,
    }
    form = AreaForm(request.POST or None, initial=initial)
    back = reverse("plans:detail", args=[area.plan_id])
    page: _Page = {"title": _("Change the area"), "back": back, "submit": _("Save the area")}
    if request.method == "POST" and form.is_valid():
        try:
            area_update(area=area, expected_version=form.expected_version(), data=form.area_fields())
        except EditConflict as clash:
            return _conflict_page(
                request, clash, AreaForm, shown=["name", "problem_picture", "measures"], **page
            )
        messages.success(request, _("The area was saved."))
        return redirect(back)
    return _form_page(request, form, **page)


# -- activities -------------------------------------------------------------------------


def _activity(request: HttpRequest, pk: int, *, edit: bool = False) -> Activity:
    activity = _found(selectors.activity_for(request.user, pk))
    if edit:
        editable(request, activity.plan)
    return activity


@reader
@require_http_methods(["GET", "HEAD", "POST"])
def activity_new(request: HttpRequest, pk: int) -> HttpResponse:
    plan = _plan(request, pk, edit=True)
    initial: dict[str, Any] = {
        "starts_on": plan.starts_on,
        "ends_on": plan.ends_on,
        "responsible_unit": plan.owner_unit_id,
    }
    if request.GET.get("area", "").isdigit():
        initial["area"] = int(request.GET["area"])
    form = ActivityForm(request.POST or None, initial=initial, plan=plan)
    if request.method == "POST" and form.is_valid():
        activity = activity_create(plan=plan, data=form.activity_fields())
        messages.success(request, _("The activity was added."))
        return redirect("plans:activity", activity.pk)
    return _form_page(
        request,
        form,
        title=_("New activity in %(plan)s") % {"plan": plan.shown_name},
        back=reverse("plans:detail", args=[pk]),
        submit=_("Add the activity"),
    )


@reader
def activity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _activity(request, pk)
    linked, hidden = selectors.linked_actions(request.user, activity)
    editable = can_edit(request.user, activity.plan)
    return render(
        request,
        "plans/activity.html",
        {
            "activity": activity,
            "plan": activity.plan,
            "can_edit": editable,
            "updates": list(selectors.updates_of(activity)),
            "indicators": list(activity.indicators.all()),
            "partner_units": list(activity.partner_units.all()),
            "partner_orgs": [selectors.org_name(i) for i in activity.partner_orgs],
            "linked": linked,
            "hidden_links": hidden,
            "follow_up_form": FollowUpForm(initial={"status": activity.status}) if editable else None,
            "overdue": activity.is_overdue(timezone.localdate()),
        },
    )


@reader
@require_http_methods(["GET", "HEAD", "POST"])
def activity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _activity(request, pk, edit=True)
    initial = {
        "title": activity.title,
        "title_en": activity.title_en,
        "area": activity.area_id,
        "description": activity.description,
        "responsible_unit": activity.responsible_unit_id,
        "starts_on": activity.starts_on,
        "ends_on": activity.ends_on,
        "follow_up": activity.follow_up,
        "level": activity.level,
        "competence": activity.competence,
        "audience": activity.audience,
        "partner_units": list(activity.partner_units.values_list("pk", flat=True)),
        "partner_orgs": activity.partner_orgs,
        "other_partners": activity.other_partners,
        "position": activity.position,
        "version": activity.version,
    }
    form = ActivityForm(request.POST or None, initial=initial, plan=activity.plan)
    back = reverse("plans:activity", args=[pk])
    page: _Page = {"title": _("Change the activity"), "back": back, "submit": _("Save the activity")}
    if request.method == "POST" and form.is_valid():
        try:
            activity_update(
                activity=activity, expected_version=form.expected_version(), data=form.activity_fields()
            )
        except EditConflict as clash:
            shown = ["title", "description", "starts_on", "ends_on", "follow_up"]
            return _conflict_page(
                request, clash, ActivityForm, shown=shown, form_kwargs={"plan": activity.plan}, **page
            )
        messages.success(request, _("The activity was saved."))
        return redirect(back)
    return _form_page(request, form, **page)


@reader
@require_http_methods(["GET", "HEAD", "POST"])
def activity_status(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _activity(request, pk, edit=True)
    form = FollowUpForm(request.POST or None, initial={"status": activity.status})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        activity_follow_up(
            activity=activity,
            user=request.user,
            on=data["on"],
            status=data["status"],
            note=data.get("note") or "",
        )
        messages.success(request, _("The follow-up was recorded."))
        return redirect("plans:activity", activity.pk)
    return _form_page(
        request,
        form,
        title=_("Follow up: %(activity)s") % {"activity": activity.shown_title},
        back=reverse("plans:activity", args=[pk]),
        submit=_("Record the follow-up"),
    )


@reader
@require_http_methods(["GET", "HEAD", "POST"])
def indicator_new(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _activity(request, pk, edit=True)
    form = IndicatorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        indicator_create(activity=activity, data=form.indicator_fields())
        messages.success(request, _("The indicator was added."))
        return redirect("plans:activity", activity.pk)
    return _form_page(
        request,
        form,
        title=_("New indicator"),
        back=reverse("plans:activity", args=[pk]),
        submit=_("Add the indicator"),
    )


@reader
@require_http_methods(["GET", "HEAD", "POST"])
def indicator_edit(request: HttpRequest, pk: int) -> HttpResponse:
    indicator = _found(selectors.indicator_for(request.user, pk))
    activity = indicator.activity
    editable(request, activity.plan)
    back = reverse("plans:activity", args=[activity.pk])
    if request.method == "POST" and request.POST.get("delete") == "yes":
        indicator_delete(indicator=indicator)
        messages.success(request, _("The indicator was removed."))
        return redirect(back)
    initial = {
        "name": indicator.name,
        "target": indicator.target,
        "current": indicator.current,
        "unit": indicator.unit,
    }
    form = IndicatorForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        indicator_update(indicator=indicator, data=form.indicator_fields())
        messages.success(request, _("The indicator was saved."))
        return redirect(back)
    return _form_page(
        request,
        form,
        title=_("Change the indicator"),
        back=back,
        submit=_("Save the indicator"),
        delete=_("Remove the indicator"),
    )


@reader
@require_http_methods(["GET", "HEAD", "POST"])
def activity_actions(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _activity(request, pk)
    editable = can_edit(request.user, activity.plan)
    if request.method == "POST":
        if not editable:
            return refused(request)
        raw = request.POST.get("action", "")
        action = actions_for(request.user).filter(pk=int(raw)).first() if raw.isdigit() else None
        if action is None:
            messages.error(request, _("Choose one of the actions in the list."))
        elif request.POST.get("unlink") == "yes":
            activity_unlink_action(activity=activity, action=action)
            messages.success(request, _("The action is no longer linked to the activity."))
        else:
            activity_link_action(activity=activity, action=action)
            messages.success(request, _("The action was linked to the activity."))
        return redirect("plans:actions", activity.pk)
    linked, hidden = selectors.linked_actions(request.user, activity)
    return render(
        request,
        "plans/actions.html",
        {
            "activity": activity,
            "linked": linked,
            "hidden_links": hidden,
            "can_edit": editable,
            "linkable": list(selectors.linkable_actions(request.user, activity)) if editable else [],
        },
    )


# -- follow-up, report, export ------------------------------------------------------------


@reader
def follow_up(request: HttpRequest) -> HttpResponse:
    mine = request.GET.get("mine") == "1"
    today = timezone.localdate()
    lists = selectors.follow_up_for(request.user, today=today, mine=mine)
    return render(
        request,
        "plans/follow_up.html",
        {
            "overdue": lists.overdue,
            "due_soon": lists.due_soon,
            "mine": mine,
            "today": today,
            "soon_days": selectors.SOON_DAYS,
        },
    )


def _report_form(request: HttpRequest) -> ReportForm:
    plans = [(p.pk, p.shown_name) for p in selectors.plans_for(request.user).order_by("name")]
    data = request.GET if "year" in request.GET else None
    return ReportForm(
        data,
        years=selectors.report_years(request.user),
        plans=plans,
        initial={"year": timezone.localdate().year},
    )


@reader
def report(request: HttpRequest) -> HttpResponse:
    form = _report_form(request)
    if form.is_bound and form.is_valid():
        year, plan_pk = form.cleaned_data["year"], form.cleaned_data.get("plan")
        query = f"?year={year}" + (f"&plan={plan_pk}" if plan_pk else "")
        return redirect(reverse("plans:report_pdf") + query)
    status = HTTPStatus.BAD_REQUEST if form.is_bound else HTTPStatus.OK
    return render(
        request,
        "plans/report.html",
        {"form": form, "errors": error_summary(form)},
        status=status,
    )


@reader
def report_pdf(request: HttpRequest) -> HttpResponse:
    form = _report_form(request)
    if not form.is_bound or not form.is_valid():
        return render(
            request,
            "plans/report.html",
            {"form": form, "errors": error_summary(form)},
            status=HTTPStatus.BAD_REQUEST,
        )
    year, plan_pk = form.cleaned_data["year"], form.cleaned_data.get("plan")
    content = render_report(
        year=year,
        plans=selectors.report_for(request.user, year=year, plan_pk=plan_pk),
        generated_at=timezone.localtime(),
        user=request.user,
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{report_filename(year)}"'
    return response


def _number(value: Any) -> str:
    return "" if value is None else f"{value.normalize():f}"


@reader
def export_csv(request: HttpRequest) -> HttpResponse:
    raw = request.GET.get("plan", "")
    plan_pk = int(raw) if raw.isdigit() else None
    response, writer = csv_download("varna-aktiviteter.csv", delimiter=";")
    writer.writerow(
        [
            _("Plan"),
            _("Area"),
            _("Activity"),
            _("Responsible unit"),
            _("Starts"),
            _("Ends"),
            _("Status"),
            _("Prevention level"),
            _("Competence-development offer"),
            _("Offered to"),
            _("Indicators (target / current)"),
            _("Source"),
        ]
    )
    statuses = dict(ActivityStatus.choices)
    levels = dict(LEVEL_CHOICES)
    for activity in selectors.activities_for_export(request.user, plan_pk=plan_pk):
        indicators = " | ".join(
            f"{i.name}: {_number(i.target) or '–'} / {_number(i.current) or '–'} {i.unit}".strip()
            for i in activity.indicators.all()
        )
        writer.writerow(
            [
                text_cell(activity.plan.shown_name),
                text_cell(activity.area.shown_name if activity.area else ""),
                text_cell(activity.shown_title),
                text_cell(activity.responsible_unit.name if activity.responsible_unit else ""),
                activity.starts_on or "",
                activity.ends_on or "",
                statuses.get(activity.status, activity.status),
                levels.get(activity.level, ""),
                _("Yes") if activity.competence else _("No"),
                text_cell(activity.audience),
                text_cell(indicators),
                text_cell(activity.source),
            ]
        )
    return response
