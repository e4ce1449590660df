"""Reads: the saved profiles (group-level, readable by every user with a unit)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from varna.web.profiles.models import ProfileRun
from varna.web.profiles.permissions import can_read


def runs_for(user: Any) -> QuerySet[ProfileRun]:
    if not can_read(user):
        return ProfileRun.objects.none()
    return ProfileRun.objects.select_related("created_by", "unit").defer(
        "profile_json", "report_pdf", "report_csv"
    )


def run_for(user: Any, pk: int) -> ProfileRun:
    run = ProfileRun.objects.select_related("created_by", "unit").filter(pk=pk).first()
    if run is None or not can_read(user):
        raise Http404
    return run
