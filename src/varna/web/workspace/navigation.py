"""The workspace's own menu: each app adds its entry here, shown only to users it serves."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True, slots=True)
class Entry:
    url_name: str
    label: Promise
    shown_to: Callable[[Any], bool] = lambda user: True


@dataclass(frozen=True, slots=True)
class Link:
    url: str
    label: str
    current: bool


def _is_administrator(user: Any) -> bool:
    return bool(getattr(user, "is_administrator", False))


# The order the menu shows. A name that does not resolve (an app not installed) is skipped.
ENTRIES: tuple[Entry, ...] = (
    Entry("matters:index", _("Matters")),
    Entry("matters:persons", _("Persons")),
    Entry("meetings:index", _("Meetings")),
    Entry("meetings:actions", _("Actions")),
    Entry("plans:index", _("Plans")),
    Entry("picture:index", _("Situational picture")),
    Entry("profiles:index", _("Risk and protective factors")),
    Entry("accounts:users", _("Users and units"), _is_administrator),
    Entry("audit:search", _("Audit log"), _is_administrator),
)


def workspace_links(request: HttpRequest) -> list[Link]:
    links = []
    for entry in ENTRIES:
        if not entry.shown_to(request.user):
            continue
        try:
            url = reverse(entry.url_name)
        except NoReverseMatch:
            continue
        links.append(Link(url, str(entry.label), request.path.startswith(url)))
    return links
