"""The doors of the plans pages, and of the situational picture that follows the same rule.

Why a module of its own: both apps let in every logged-in user placed in a unit and
answer everyone else with the same 403 page (``plans/refused.html``); changing a plan
needs the right to edit it (:mod:`varna.web.plans.permissions`), else that page again.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from http import HTTPStatus
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from varna.web.plans.models import Plan
from varna.web.plans.permissions import can_edit, can_read

View = Callable[..., HttpResponse]


class NotEditor(Exception):  # noqa: N818 (a refusal, not an error of the program)
    """The user may read the plan but not change it; :func:`reader` answers with the 403 page."""


def refused(request: HttpRequest, *, reason: str = "edit") -> HttpResponse:
    """403 with the page that says why: ``unit`` (no unit yet) or ``edit`` (may not change the plan)."""
    return render(request, "plans/refused.html", {"reason": reason}, status=HTTPStatus.FORBIDDEN)


def reader(view: View) -> View:
    """Logged in (else the login page) and placed in a unit (else 403); 403 too on :class:`NotEditor`."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not can_read(request.user):
            return refused(request, reason="unit")
        try:
            return view(request, *args, **kwargs)
        except NotEditor:
            return refused(request)

    return wrapped


def editable(request: HttpRequest, plan: Plan) -> None:
    """Go on only if the user may change ``plan`` (its areas, activities and indicators too)."""
    if not can_edit(request.user, plan):
        raise NotEditor
