"""Reads of matters; always starting from :mod:`varna.web.matters.access`.

Also the organisation's vocabulary the workspace forms offer (authorities,
districts), read from the deployment's organisation file and named in the page's
language.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import get_language

from varna.web.core.municipality import current_municipality
from varna.web.matters.access import Reach, holds, matters_for
from varna.web.matters.models import Matter, Status


def open_matters_for(user: Any) -> QuerySet[Matter]:
    """Open matters the user may open, the newest first (the start page's list)."""
    return matters_for(user).filter(status=Status.OPEN).order_by("-opened_at")


def _english() -> bool:
    return (get_language() or "sv").startswith("en")


def authority_choices() -> list[tuple[str, str]]:
    """Every authority of the organisation file, as (id, name in the page's language)."""
    english = _english()
    return [
        (a.id, (a.name_en or a.name_sv) if english else a.name_sv)
        for a in current_municipality().authorities
    ]


def authority_label(authority_id: str) -> str:
    """An authority's name in the page's language; the id itself when the file does not know it."""
    if not authority_id:
        return ""
    return dict(authority_choices()).get(authority_id, authority_id)


def district_choices() -> list[tuple[str, str]]:
    english = _english()
    return [
        (d.id, (d.name_en or d.name_sv) if english else d.name_sv) for d in current_municipality().districts
    ]


def district_label(district_id: str) -> str:
    return dict(district_choices()).get(district_id, district_id)


def filtered_matters_for(
    user: Any, *, kind: str = "", status: str = "", level: str = "", district: str = ""
) -> QuerySet[Matter]:
    """The list page: the matters the user may open, narrowed by the filter's choices."""
    matters = matters_for(user)
    if kind:
        matters = matters.filter(kind=kind)
    if status:
        matters = matters.filter(status=status)
    if level:
        matters = matters.filter(level=level)
    if district:
        matters = matters.filter(district=district)
    return matters.order_by("-opened_at", "-pk")


def list_reach(user: Any, matter: Matter) -> Reach:
    """How much of a listed matter the list may show (it is in ``matters_for``, so it has a reach)."""
    if not matter.is_individual:
        return Reach.GROUP
    if holds(user, matter):
        return Reach.HOLDER
    return Reach.DISCLOSED
