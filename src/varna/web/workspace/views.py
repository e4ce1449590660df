"""The workspace start page: what needs the user's attention today."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from varna.web.matters.selectors import open_matters_for
from varna.web.meetings.selectors import unfinished_actions_for, upcoming_meetings_for

SOON = dt.timedelta(days=7)


@login_required
def start(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    actions = list(unfinished_actions_for(request.user)[:50])
    overdue = [a for a in actions if a.due_on < today]
    due_soon = [a for a in actions if today <= a.due_on <= today + SOON]
    later = [a for a in actions if a.due_on > today + SOON]
    return render(
        request,
        "workspace/start.html",
        {
            "overdue": overdue,
            "due_soon": due_soon,
            "later": later,
            "meetings": list(upcoming_meetings_for(request.user)[:5]),
            "matters": list(open_matters_for(request.user)[:10]),
            "today": today,
        },
    )
