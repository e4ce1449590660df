"""The meeting pages: thin views that read through the selectors and write through the services.

Every page needs login, and every page of a meeting answers "not found" to anyone
who neither attends nor convenes it. Forms post, then redirect (POST-redirect-GET);
a form with a problem comes back with the problem named and nothing the user wrote
lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from http import HTTPStatus
from typing import Any, TypeVar, cast

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from varna.deid import deidentify
from varna.deid.model import GENERALISED_LABELS
from varna.web.accounts.models import User
from varna.web.audit.models import Action as AuditAction
from varna.web.audit.services import audit_record
from varna.web.core.editing import EditConflict, edit_status, rebind
from varna.web.deid import labels as deid_labels
from varna.web.deid.review import review
from varna.web.matters.access import held_matters_for, matter_for_holder, matters_for
from varna.web.matters.models import Kind, Matter
from varna.web.meetings import forms as f
from varna.web.meetings import selectors as sel
from varna.web.meetings import services
from varna.web.meetings.models import Action, AgendaItem, Meeting, Presentation
from varna.web.meetings.participation import Verdict, item_participation, meeting_day
from varna.web.meetings.pdf import minutes_filename, render_minutes
from varna.web.sharing.selectors import vocabulary_label

GET_POST = ["GET", "HEAD", "POST"]
T = TypeVar("T")


def _user(request: HttpRequest) -> User:
    return cast(User, request.user)  # every view is behind login_required


def _detail_url(meeting: Meeting, anchor: str = "") -> str:
    return reverse("meetings:detail", args=[meeting.pk]) + (f"#{anchor}" if anchor else "")


def _matter_url(matter: Matter) -> str | None:
    try:
        return reverse("matters:detail", args=[matter.pk])
    except NoReverseMatch:
        return None


def _render(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    """A form page: 400 when it comes back after a POST (a POST that saved has redirected)."""
    status = HTTPStatus.BAD_REQUEST if request.method == "POST" else HTTPStatus.OK
    return render(request, template, context, status=status)


def _error_from(form: f.MeetingFormBase, error: services.MeetingError) -> None:
    field = error.field if error.field in form.fields else None
    form.add_error(field, error.message)


def _saved(request: HttpRequest, form: f.MeetingFormBase, save: Callable[[dict[str, Any]], T]) -> T | None:
    """What ``save`` makes of a valid POSTed form's data; else None.

    None on a GET, for a form with a problem, and when a rule of the workspace refuses
    the write – the refusal is then named on the form, at its field where it has one.
    """
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        return save(form.cleaned_data)
    except services.MeetingError as error:
        _error_from(form, error)
        return None


# --- meetings ----------------------------------------------------------------------------------


def _meeting_fields(data: dict[str, Any]) -> dict[str, Any]:
    """The meeting form's values, as both meeting services take them."""
    return {
        "title": data["title"],
        "starts_at": data["starts_at"],
        "place": data["place"],
        "attendees": list(data["attendees"]),
    }


@login_required
def index(request: HttpRequest) -> HttpResponse:
    meetings = list(sel.meeting_list_for(request.user))
    now = timezone.now()
    return render(
        request,
        "meetings/index.html",
        {
            "coming": [m for m in meetings if m.starts_at >= now][::-1],
            "past": [m for m in meetings if m.starts_at < now],
            "can_create": _user(request).is_convener and _user(request).unit_id is not None,
        },
    )


@login_required
@require_http_methods(GET_POST)
def create(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if not user.is_convener or user.unit_id is None:
        raise PermissionDenied(_("Only a convener or an administrator with a unit can call a meeting."))
    form = f.MeetingForm(request.POST or None, convener=user)
    meeting = _saved(
        request,
        form,
        lambda data: services.meeting_create(convener=user, **_meeting_fields(data)),
    )
    if meeting is not None:
        messages.success(request, _("The meeting is created."))
        return HttpResponseRedirect(_detail_url(meeting))
    return _render(request, "meetings/meeting_form.html", {"form": form, "meeting": None})


@login_required
@require_http_methods(GET_POST)
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    meeting = sel.meeting_for(user, pk)
    if not services.can_manage(user, meeting):
        raise PermissionDenied(_("Only the meeting's convener can change it."))
    initial = {
        "title": meeting.title,
        "starts_at": timezone.localtime(meeting.starts_at),
        "place": meeting.place,
        "attendees": [a.user for a in meeting.attendances.all() if a.user_id != meeting.convener_id],
    }
    form = f.MeetingForm(request.POST or None, initial=initial, convener=meeting.convener)
    saved = _saved(
        request,
        form,
        lambda data: services.meeting_update(meeting=meeting, user=user, **_meeting_fields(data)),
    )
    if saved is not None:
        messages.success(request, _("The meeting is saved."))
        return HttpResponseRedirect(_detail_url(meeting))
    return _render(request, "meetings/meeting_form.html", {"form": form, "meeting": meeting})


def _item_rows(user: User, meeting: Meeting) -> list[dict[str, Any]]:
    """What the page shows of each item to this user, with the law's answer per attendee."""
    attendances = list(meeting.attendances.all())
    day = meeting_day(meeting.starts_at)
    names = sel.authority_names()
    rows = []
    for item in sel.items_read_by(user, meeting):
        holder = services.is_holder(user, item)
        answers = item_participation(item, attendances, on=day)
        verdict = answers[0].verdict if answers else Verdict.NOT_INDIVIDUAL
        rows.append(
            {
                "item": item,
                "holder": holder,
                "verdict": verdict,
                "answers": answers,
                "deidentified_decision": answers[0].decision
                if answers and verdict is Verdict.DEIDENTIFIED
                else None,
                "matter_url": _matter_url(item.matter)
                if item.matter is not None and (holder or not item.matter.is_individual)
                else None,
                "decisions": [
                    (d, names.get(d.owner_authority, d.owner_authority)) for d in item.decisions.all()
                ],
                "actions": [a for a in meeting.actions.all() if a.item_id == item.pk],
                "consent_lapsed": item.consent is not None and not item.consent.in_force_on(day),
                "recorded": _recorded(item) if holder else None,
            }
        )
    return rows


def _recorded(item: AgendaItem) -> dict[str, Any]:
    """The kind of information and the facts the holder recorded, in words (the holder's eyes only)."""
    return {
        "information": vocabulary_label("information", item.information_kind)
        if item.information_kind
        else "",
        "facts": [vocabulary_label("facts", fact) for fact in item.facts or ()],
    }


@login_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    meeting = sel.meeting_for(user, pk)
    today = timezone.localdate()
    actions = list(meeting.actions.all())
    return render(
        request,
        "meetings/detail.html",
        {
            "meeting": meeting,
            "attendances": list(meeting.attendances.all()),
            "rows": _item_rows(user, meeting),
            "actions": actions,
            "overdue": {a.pk for a in actions if sel.is_overdue(a, today)},
            "minutes": services.minutes_of(meeting),
            "can_manage": services.can_manage(user, meeting),
        },
    )


# --- agenda items --------------------------------------------------------------------------------


# What the item form edits, named alike in the form, the model and the services.
ITEM_FIELDS = ("title", "presentation", "information_kind", "facts", "basis_note")


def _agenda_matters(user: User) -> QuerySet[Matter]:
    """Matters this user may put on an agenda: group matters, and individual matters their authority holds."""
    return (
        matters_for(user)
        .filter(Q(kind=Kind.GROUP) | Q(pk__in=held_matters_for(user).values("pk")))
        .order_by("kind", "title")
    )


@login_required
@require_http_methods(GET_POST)
def item_create(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    meeting = sel.meeting_for(user, pk)
    form = f.ItemForm(request.POST or None, matters=_agenda_matters(user))
    item = _saved(
        request,
        form,
        lambda data: services.item_create(
            meeting=meeting,
            user=user,
            matter=data["matter"],
            **{name: data[name] for name in ITEM_FIELDS},
        ),
    )
    if item is not None:
        if services.is_holder(user, item) and item.presentation == Presentation.DEIDENTIFIED:
            messages.info(
                request,
                _(
                    "The item is a draft until you have read and confirmed the de-identified case "
                    "description."
                ),
            )
            return HttpResponseRedirect(reverse("meetings:item_description", args=[item.pk]))
        messages.success(request, _("The item is on the agenda."))
        return HttpResponseRedirect(_detail_url(meeting, f"item-{item.pk}"))
    return _render(request, "meetings/item_form.html", {"form": form, "meeting": meeting, "item": None})


def _editable_item(user: User, item_pk: int) -> tuple[Meeting, AgendaItem]:
    """An item this user may change: an individual matter's item only by the holding authority."""
    meeting, item = sel.item_for(user, item_pk)
    if item.matter is not None and item.matter.is_individual and not services.is_holder(user, item):
        raise Http404("no such item")
    return meeting, item


@login_required
@require_http_methods(GET_POST)
def item_edit(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    meeting, item = _editable_item(user, pk)
    form = f.ItemEditForm(request.POST or None, initial={name: getattr(item, name) for name in ITEM_FIELDS})
    saved = _saved(
        request,
        form,
        lambda data: services.item_update(item=item, user=user, **{name: data[name] for name in ITEM_FIELDS}),
    )
    if saved is not None:
        messages.success(request, _("The item is saved."))
        return HttpResponseRedirect(_detail_url(meeting, f"item-{item.pk}"))
    return _render(request, "meetings/item_form.html", {"form": form, "meeting": meeting, "item": item})


def _review_context(source: str) -> dict[str, Any]:
    """The de-identification page's view of the matter's text: every change, and the risk left."""
    result = review(source)
    changes = [
        {
            "change": change,
            "kind": deid_labels.kind(change.label),
            "group": deid_labels.group(change.label),
            "how": deid_labels.how(change),
            "spoken": deid_labels.spoken(change),
        }
        for change in result.changes
    ]
    by_change = {id(row["change"]): row for row in changes}
    segments = [
        {"text": segment.text, "change": by_change[id(segment.change)] if segment.change else None}
        for segment in result.segments()
    ]
    return {"result": result, "changes": changes, "segments": segments}


@login_required
@require_http_methods(GET_POST)
def item_description(request: HttpRequest, pk: int) -> HttpResponse:
    """The holder reads Värna's proposal, edits it, and confirms it – or leaves it a draft."""
    user = _user(request)
    meeting, item = _editable_item(user, pk)
    if item.matter is None or not item.matter.is_individual or item.presentation != Presentation.DEIDENTIFIED:
        raise Http404("no description to confirm")
    matter = matter_for_holder(user, item.matter.pk, purpose=f"avidentifiera dagordningspunkt {item.pk}")
    confirming = "confirm" in request.POST
    form = f.DescriptionForm(
        request.POST or None, initial={"text": item.case_description}, confirming=confirming
    )
    saved = _saved(
        request,
        form,
        lambda data: services.item_description_save(
            item=item, user=user, text=data["text"], confirm=confirming
        ),
    )
    if saved is not None:
        if confirming:
            messages.success(request, _("The description is confirmed; the item can be presented."))
            return HttpResponseRedirect(_detail_url(meeting, f"item-{item.pk}"))
        messages.info(request, _("The draft is saved. It is not confirmed yet."))
        return HttpResponseRedirect(reverse("meetings:item_description", args=[item.pk]))
    checked = deidentify(form["text"].value() or "")
    context = {
        "form": form,
        "meeting": meeting,
        "item": item,
        "matter": matter,
        # Direct identifiers still in the text; generalised words (an age span, a district) may stay.
        "still_found": [e for e in checked.entities if e.label not in GENERALISED_LABELS],
        "risks_now": checked.residual_risks,
        **_review_context(matter.summary),
    }
    return _render(request, "meetings/item_description.html", context)


@login_required
@require_http_methods(GET_POST)
def decision_create(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    meeting, item = sel.item_for(user, pk)
    form = f.DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.decision_record(
            item=item,
            user=user,
            text=form.cleaned_data["text"],
            owner_authority=form.cleaned_data["owner_authority"],
        )
        messages.success(request, _("The decision is recorded."))
        return HttpResponseRedirect(_detail_url(meeting, f"item-{item.pk}"))
    return _render(request, "meetings/decision_form.html", {"form": form, "meeting": meeting, "item": item})


# --- minutes ---------------------------------------------------------------------------------------


@login_required
@require_http_methods(GET_POST)
def minutes(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    meeting = sel.meeting_for(user, pk)
    current = services.minutes_of(meeting)
    form = f.MinutesForm(request.POST or None, initial={"text": current.text, "version": current.version})
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.minutes_save(
                meeting=meeting,
                user=user,
                text=form.cleaned_data["text"],
                version=form.cleaned_data["version"],
            )
        except EditConflict as clash:
            conflict = clash.current
            form = rebind(
                f.MinutesForm,
                request.POST,
                version=conflict.version,
                message=_(
                    "Someone else saved the minutes while you were writing, so your text was not saved. "
                    "Their version is shown below; your own text is still in the box. "
                    "Merge the two and save again."
                ),
            )
        else:
            messages.success(request, _("The minutes are saved."))
            return HttpResponseRedirect(_detail_url(meeting, "minutes"))
    return render(
        request,
        "meetings/minutes_form.html",
        {
            "form": form,
            "meeting": meeting,
            "minutes": current if conflict is None else conflict,
            "conflict": conflict,
        },
        status=edit_status(conflict=conflict is not None, bound=request.method == "POST"),
    )


@login_required
def minutes_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    meeting = sel.meeting_for(user, pk)
    rows = _item_rows(user, meeting)
    generated = timezone.localtime()
    body = render_minutes(
        meeting=meeting,
        attendances=list(meeting.attendances.all()),
        rows=rows,
        minutes=services.minutes_of(meeting),
        generated_at=generated,
    )
    audit_record(
        user=user,
        action=AuditAction.EXPORT,
        obj=meeting,
        summary=f"Skrev ut protokollet för mötet {meeting.pk} som PDF",
    )
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{minutes_filename(meeting)}"'
    response["Cache-Control"] = "no-store"
    return response


# --- actions ---------------------------------------------------------------------------------------


@login_required
@require_http_methods(GET_POST)
def action_create(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    meeting = sel.meeting_for(user, pk)
    items = meeting.items.all()
    initial: dict[str, Any] = {"due_on": timezone.localdate() + dt.timedelta(days=14)}
    wanted = request.GET.get("item", "")
    if wanted.isdigit():
        initial["item"] = next((i for i in items if i.pk == int(wanted)), None)
    if user.unit_id:
        initial["responsible_unit"] = user.unit_id
    form = f.ActionForm(request.POST or None, initial=initial, items=items)
    action = _saved(
        request,
        form,
        lambda data: services.action_create(
            meeting=meeting,
            user=user,
            title=data["title"],
            responsible_unit=data["responsible_unit"],
            due_on=data["due_on"],
            item=data["item"],
        ),
    )
    if action is not None:
        messages.success(request, _("The action is created."))
        anchor = f"item-{action.item_id}" if action.item_id else "actions"
        return HttpResponseRedirect(_detail_url(meeting, anchor))
    return _render(request, "meetings/action_form.html", {"form": form, "meeting": meeting})


@login_required
def actions(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    form = f.ActionFilterForm(request.GET or None)
    filters: dict[str, Any] = {}
    if form.is_bound and form.is_valid():
        filters = {
            "whose": sel.Whose(form.cleaned_data["whose"] or sel.Whose.ALL),
            "status": form.cleaned_data["status"],
            "overdue": form.cleaned_data["overdue"],
        }
    today = timezone.localdate()
    found: list[Action] = list(sel.filtered_actions_for(user, today=today, **filters))
    return render(
        request,
        "meetings/actions.html",
        {
            "form": form,
            "actions": found,
            "overdue": {a.pk for a in found if sel.is_overdue(a, today)},
        },
        status=HTTPStatus.OK if not form.is_bound or form.is_valid() else HTTPStatus.BAD_REQUEST,
    )


@login_required
@require_http_methods(GET_POST)
def action(request: HttpRequest, pk: int) -> HttpResponse:
    user = _user(request)
    current = sel.action_for(user, pk)
    form = f.ActionUpdateForm(
        request.POST or None,
        initial={"status": current.status, "note": current.note, "version": current.version},
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            services.action_update(
                action=current,
                user=user,
                status=form.cleaned_data["status"],
                note=form.cleaned_data["note"],
                version=form.cleaned_data["version"],
            )
        except EditConflict as clash:
            current = conflict = clash.current
            form = rebind(
                f.ActionUpdateForm,
                request.POST,
                version=conflict.version,
                message=_(
                    "Someone else changed the action while you were writing, so your change was not saved. "
                    "What they saved is shown below; your own note is still in the box. "
                    "Check it and save again."
                ),
            )
        except services.MeetingError as error:
            _error_from(form, error)
        else:
            messages.success(request, _("The action is saved."))
            return HttpResponseRedirect(reverse("meetings:action", args=[current.pk]))
    in_meeting = sel.meetings_for(user).filter(pk=current.meeting_id).exists()
    return render(
        request,
        "meetings/action.html",
        {
            "form": form,
            "action": current,
            "conflict": conflict,
            "in_meeting": in_meeting,
            "is_overdue": sel.is_overdue(current),
        },
        status=edit_status(conflict=conflict is not None, bound=request.method == "POST"),
    )
