"""The workspace menu in every template, for signed-in users only."""

from __future__ import annotations

from django.http import HttpRequest

from varna.web.workspace.navigation import workspace_links


def workspace(request: HttpRequest) -> dict[str, object]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"workspace_links": workspace_links(request)}
