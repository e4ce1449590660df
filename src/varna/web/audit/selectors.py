"""Reading the audit log: the administrators' search, newest first."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils import timezone

from varna.web.audit.models import AuditEntry


@dataclass(frozen=True, slots=True)
class AuditFilter:
    username: str = ""
    action: str = ""
    authority: str = ""
    object_type: str = ""
    object_id: str = ""
    date_from: dt.date | None = None
    date_to: dt.date | None = None


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def audit_search(filters: AuditFilter) -> QuerySet[AuditEntry]:
    """Entries matching every given filter, newest first; ``authority`` matches the data's or the user's.

    Dates are whole days in the local time zone, both ends included.
    """
    entries = AuditEntry.objects.all()
    if filters.username:
        entries = entries.filter(username__iexact=filters.username)
    if filters.action:
        entries = entries.filter(action=filters.action)
    if filters.authority:
        entries = entries.filter(authority=filters.authority) | entries.filter(
            user_authority=filters.authority
        )
    if filters.object_type:
        entries = entries.filter(object_type=filters.object_type)
    if filters.object_id:
        entries = entries.filter(object_id=filters.object_id)
    if filters.date_from:
        entries = entries.filter(at__gte=_start_of(filters.date_from))
    if filters.date_to:
        entries = entries.filter(at__lt=_start_of(filters.date_to + dt.timedelta(days=1)))
    return entries.order_by("-seq")


def audit_object_types() -> list[str]:
    return list(
        AuditEntry.objects.exclude(object_type="")
        .values_list("object_type", flat=True)
        .distinct()
        .order_by("object_type")
    )


def audit_authorities() -> list[str]:
    data = set(AuditEntry.objects.exclude(authority="").values_list("authority", flat=True).distinct())
    users = set(
        AuditEntry.objects.exclude(user_authority="").values_list("user_authority", flat=True).distinct()
    )
    return sorted(data | users)
