"""Thin views: read the query, then show a step of the interview or the guide's answer.

Nothing is stored: no session, no database, no log of the answers, and no free text
ever reaches the server. Every response says ``Cache-Control: no-store`` because the
address itself describes a situation that may concern a young person.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from http import HTTPStatus
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from varna.guide.concern import ConcernError, DutyStatus, RoutedContact, Routing
from varna.guide.model import Level
from varna.law import Outcome
from varna.web.concern.forms import (
    QUESTION_LABELS,
    STEP_TITLES,
    Reading,
    prompts_for,
    read_answers,
    summary_rows,
)
from varna.web.concern.interview import (
    FIELD_STEP,
    STEP_FIELDS,
    Answers,
    Step,
    concern_of,
    current_step,
    query_items,
)
from varna.web.concern.selectors import (
    CitationLink,
    citation_links,
    concern_note_url,
    routing_for,
    share_url,
    tel_href,
)

LEVEL_TITLES_EN = {
    Level.UNIVERSAL: _("Community-building level"),
    Level.SELECTIVE: _("Risk-group level"),
    Level.INDICATED: _("Indicated level"),
}
OUTCOME_TITLES = {
    Outcome.ALLOWED: _("You may tell them"),
    Outcome.ALLOWED_AFTER_ASSESSMENT: _("Only after an assessment in the individual case"),
    Outcome.NOT_ALLOWED: _("Secrecy stands in the way"),
    Outcome.OBLIGED: _("You must tell them – in a report"),
}
DUTY_TITLES = {
    DutyStatus.OBLIGED: _("You are obliged to report to social services"),
    DutyStatus.OBLIGED_IF_SUFFERING: _("If you suspect the child is suffering, you are obliged to report"),
    DutyStatus.MAY_REPORT: _("You have no duty to report, but you may report"),
    DutyStatus.NOT_A_CHILD: _("No duty to report: the person is 18 or older"),
    DutyStatus.NO_INDIVIDUAL: _("A report concerns one child"),
    DutyStatus.WITHIN_SOCIAL_SERVICES: _("You work in the social services that receive reports"),
}


def _url(name: str, answers: Answers, extra: Iterable[tuple[str, str]] = ()) -> str:
    query = urlencode([*query_items(answers), *extra])
    return reverse(name) + (f"?{query}" if query else "")


def _edit_url(answers: Answers, step: Step) -> str:
    return _url("concern:interview", answers, [("show", step.value)])


def _summary(reading: Reading, *, leave_out: Step | None = None) -> list[dict[str, object]]:
    return [
        {"row": row, "edit_url": _edit_url(reading.answers, row.step)}
        for row in summary_rows(reading.plan, leave_out=leave_out)
    ]


def _interview_page(request: HttpRequest, reading: Reading) -> HttpResponse:
    plan = reading.plan
    step = current_step(plan, error_fields=reading.errors, requested=reading.requested)
    prompts = prompts_for(step, reading, request.GET)
    anchors = {prompt.name: prompt.anchor for prompt in prompts}
    legends = {prompt.name: prompt.legend for prompt in prompts}
    position = plan.steps.index(step)
    context = {
        "step": step,
        # One question on the step: its own words are the step's title (a relative is asked
        # where the young person lives, not where they work).
        "step_title": prompts[0].legend if len(prompts) == 1 else STEP_TITLES[step],
        "step_number": position + 1,
        "step_total": len(plan.steps),
        "prompts": prompts,
        "single": len(prompts) == 1,
        "hidden": query_items(plan.answers, leave_out=STEP_FIELDS[step]),
        "errors": [
            {"label": legends.get(name, QUESTION_LABELS[name]), "messages": messages,
             "anchor": anchors.get(name)}
            for name, messages in reading.errors.items()
        ],
        "dropped": [QUESTION_LABELS.get(name, name) for name in plan.dropped],
        "summary": _summary(reading, leave_out=step),
        "back_url": _edit_url(plan.answers, plan.steps[position - 1]) if position else None,
        "last": position == len(plan.steps) - 1,
        "note_url": concern_note_url(),
    }
    status = HTTPStatus.BAD_REQUEST if reading.errors else HTTPStatus.OK
    return render(request, "concern/interview.html", context, status=status)


@never_cache
@require_safe
def interview(request: HttpRequest) -> HttpResponse:
    reading = read_answers(request.GET)
    if not reading.errors and reading.submitted is not None and reading.plan.complete:
        return HttpResponseRedirect(_url("concern:result", reading.answers))
    return _interview_page(request, reading)


@dataclass(frozen=True, slots=True)
class ContactView:
    """A routed contact with what the page adds: links, and the titles in the page's language."""

    routed: RoutedContact
    phone_href: str
    outcome_title: str
    citations: tuple[CitationLink, ...]
    share_url: str | None


def _contact_view(routed: RoutedContact, routing: Routing) -> ContactView:
    telling = routed.telling
    return ContactView(
        routed=routed,
        phone_href=tel_href(routed.contact.phone) if routed.contact.phone else "",
        outcome_title=str(OUTCOME_TITLES[telling.outcome]),
        citations=citation_links(telling.citations, on_date=routing.on_date),
        share_url=share_url(telling.share_query),
    )


def _level_title(routing: Routing) -> str:
    if (get_language() or "sv").startswith("en"):
        return str(LEVEL_TITLES_EN[routing.level])
    return routing.level_name_sv


@never_cache
@require_safe
def result(request: HttpRequest) -> HttpResponse:
    reading = read_answers(request.GET)
    if reading.errors:
        return _interview_page(request, reading)
    if not reading.plan.complete:
        return HttpResponseRedirect(_url("concern:interview", reading.answers))
    try:
        routing = routing_for(concern_of(reading.answers), on_date=timezone.localdate())
    except ConcernError as exc:
        field = exc.field if exc.field in FIELD_STEP else "role"
        return _interview_page(request, Reading(plan=reading.plan, errors={field: [exc.message_sv]},
                                                submitted=None, requested=None))
    duty = routing.duty
    context = {
        "routing": routing,
        "level_title": _level_title(routing),
        "contacts": [_contact_view(r, routing) for r in routing.contacts],
        "report_to": _contact_view(routing.report_to, routing) if routing.report_to else None,
        "duty_title": DUTY_TITLES[duty.status],
        "duty_citations": citation_links(duty.citations, on_date=routing.on_date),
        "relatives": [{"contact": c, "phone_href": tel_href(c.phone) if c.phone else ""}
                      for c in routing.relatives],
        "emergency_href": tel_href(routing.emergency_phone),
        "summary": _summary(reading),
        "change_url": _url("concern:interview", reading.answers),
        "note_url": concern_note_url(),
    }
    return render(request, "concern/result.html", context)
