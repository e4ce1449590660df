"""Reads of matters; always starting from :mod:`varna.web.matters.access`."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from varna.web.matters.access import matters_for
from varna.web.matters.models import Matter, Status


def open_matters_for(user: Any) -> QuerySet[Matter]:
    """Open matters the user may open, the newest first (the start page's list)."""
    return matters_for(user).filter(status=Status.OPEN).order_by("-opened_at")
