"""Reads of meetings and actions.

A meeting is the business of the people who attend it (and its convener), nobody
else's: every read of one goes through :func:`meeting_for`, which answers "not
found" to everyone else – so not even the existence of a meeting leaks.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from varna.web.accounts.models import Unit, User
from varna.web.audit.models import Action as AuditAction
from varna.web.audit.services import audit_record
from varna.web.matters.access import holds, matter_for
from varna.web.meetings.models import Action, ActionStatus, AgendaItem, Attendance, Meeting


def meetings_for(user: Any) -> QuerySet[Meeting]:
    """Meetings the user attends or convenes; a meeting's agenda is no one else's business."""
    if not getattr(user, "is_authenticated", False):
        return Meeting.objects.none()
    return Meeting.objects.filter(Q(attendances__user=user) | Q(convener=user)).distinct()


def upcoming_meetings_for(user: Any) -> QuerySet[Meeting]:
    return meetings_for(user).filter(starts_at__gte=timezone.now()).order_by("starts_at")


def meeting_list_for(user: Any) -> QuerySet[Meeting]:
    """The list page: newest first, with the convener and the number of items at hand."""
    return meetings_for(user).select_related("convener", "convener__unit").order_by("-starts_at")


def meeting_for(user: Any, pk: int) -> Meeting:
    """One meeting the user attends or convenes, with what its page shows; anyone else gets 404."""
    meeting = (
        meetings_for(user)
        .select_related("convener", "convener__unit")
        .prefetch_related(
            Prefetch("attendances", queryset=Attendance.objects.select_related("user", "unit")),
            Prefetch(
                "items",
                queryset=AgendaItem.objects.select_related(
                    "matter", "matter__person", "matter__owner_unit", "description_confirmed_by", "consent"
                ).prefetch_related("decisions"),
            ),
            Prefetch("actions", queryset=Action.objects.select_related("responsible_unit", "item")),
        )
        .filter(pk=pk)
        .first()
    )
    if meeting is None:
        raise Http404("no such meeting")
    return meeting


def item_of(meeting: Meeting, pk: int) -> AgendaItem:
    """An item of a meeting already fetched by :func:`meeting_for`; 404 if it belongs elsewhere."""
    for item in meeting.items.all():
        if item.pk == pk:
            return item
    raise Http404("no such item")


def attendance_of(meeting: Meeting, user: Any) -> Attendance | None:
    return next((a for a in meeting.attendances.all() if a.user_id == user.pk), None)


def attendee_candidates() -> QuerySet[User]:
    """Who can be invited: active users placed in an active unit."""
    return (
        User.objects.filter(is_active=True, unit__isnull=False, unit__active=True)
        .select_related("unit")
        .order_by("unit__authority_name", "unit__name", "last_name", "first_name", "username")
    )


def active_units() -> QuerySet[Unit]:
    return Unit.objects.filter(active=True).order_by("authority_name", "name")


def actions_for(user: Any) -> QuerySet[Action]:
    """Actions the user's unit is responsible for, or that came from a meeting they attended."""
    if not getattr(user, "is_authenticated", False) or user.unit_id is None:
        return Action.objects.none()
    return (
        Action.objects.filter(Q(responsible_unit=user.unit_id) | Q(meeting__in=meetings_for(user)))
        .select_related("responsible_unit", "meeting")
        .distinct()
    )


def unfinished_actions_for(user: Any) -> QuerySet[Action]:
    return (
        actions_for(user).exclude(status__in=[ActionStatus.DONE, ActionStatus.CANCELLED]).order_by("due_on")
    )


def is_overdue(action: Action, today: dt.date | None = None) -> bool:
    return not action.is_finished and action.due_on < (today or timezone.localdate())


class Whose(StrEnum):
    ALL = "all"  # every action the user can see
    MINE = "mine"  # created by the user
    UNIT = "unit"  # the user's unit is responsible


def filtered_actions_for(
    user: Any,
    *,
    whose: Whose = Whose.ALL,
    status: str = "",
    overdue: bool = False,
    today: dt.date | None = None,
) -> QuerySet[Action]:
    """The actions list with its filters: whose, status, and only the overdue."""
    actions = actions_for(user)
    if whose is Whose.MINE:
        actions = actions.filter(created_by=user)
    elif whose is Whose.UNIT:
        actions = actions.filter(responsible_unit=user.unit_id)
    if status:
        actions = actions.filter(status=status)
    if overdue:
        actions = actions.exclude(status__in=[ActionStatus.DONE, ActionStatus.CANCELLED]).filter(
            due_on__lt=today or timezone.localdate()
        )
    return actions.order_by("due_on", "pk")


def action_for(user: Any, pk: int) -> Action:
    """One action the user may see (their unit's, or from a meeting they attend); else 404."""
    action = actions_for(user).select_related("item", "created_by").filter(pk=pk).first()
    if action is None:
        raise Http404("no such action")
    return action


def items_read_by(user: Any, meeting: Meeting) -> list[AgendaItem]:
    """The meeting's items as this user reads them; each read of an individual matter's item is logged.

    The holding authority reads through :func:`varna.web.matters.access.matter_for`
    (which logs the read of the matter); any other attendee reads only the heading and
    the confirmed de-identified description, and that read is logged here.
    """
    items = list(meeting.items.all())
    for item in items:
        matter = item.matter
        if matter is None or not matter.is_individual:
            continue
        if holds(user, matter):
            matter_for(user, matter.pk, purpose=f"dagordningspunkt {item.pk} i mötet {meeting.pk}")
            continue
        audit_record(
            user=user,
            action=AuditAction.READ,
            obj=item,
            authority=matter.owner_authority,
            summary=f"Läste dagordningspunkt {item.pk} om individärende {matter.pk} i mötet {meeting.pk}",
            detail={"shown": "deidentified_description" if item.description_confirmed else "heading"},
        )
    return items


def authority_names() -> dict[str, str]:
    """Each authority's name by its id, as the units carry them."""
    return dict(Unit.objects.values_list("authority", "authority_name").distinct())


def item_for(user: Any, pk: int) -> tuple[Meeting, AgendaItem]:
    """An item of a meeting the user attends or convenes, with its meeting; anyone else gets 404."""
    meeting_id = (
        AgendaItem.objects.filter(pk=pk, meeting__in=meetings_for(user))
        .values_list("meeting_id", flat=True)
        .first()
    )
    if meeting_id is None:
        raise Http404("no such item")
    meeting = meeting_for(user, meeting_id)
    return meeting, item_of(meeting, pk)
