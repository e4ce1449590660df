"""Reads of meetings and actions."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from varna.web.meetings.models import Action, ActionStatus, Meeting


def meetings_for(user: Any) -> QuerySet[Meeting]:
    """Meetings the user attends or convenes; a meeting's agenda is no one else's business."""
    if not getattr(user, "is_authenticated", False):
        return Meeting.objects.none()
    return Meeting.objects.filter(Q(attendances__user=user) | Q(convener=user)).distinct()


def upcoming_meetings_for(user: Any) -> QuerySet[Meeting]:
    return meetings_for(user).filter(starts_at__gte=timezone.now()).order_by("starts_at")


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
