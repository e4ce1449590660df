"""Thin views: read the query, then show a step, the answer or the PDF record.

Nothing is stored: no session, no database, no log of the answers. Every response
says ``Cache-Control: no-store``, since the address itself describes a situation
that may concern a young person.
"""

from __future__ import annotations

from collections.abc import Iterable
from http import HTTPStatus
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from varna.law import QuestionError, parse_question
from varna.web.sharing.forms import (
    QUESTION_LABELS,
    STEP_TITLES,
    Reading,
    prompts_for,
    question_error,
    read_answers,
    step_fields,
    summary_rows,
)
from varna.web.sharing.pdf import record_filename, render_record
from varna.web.sharing.selectors import Answer, answer_for
from varna.web.sharing.wizard import Answers, Step, current_step, query_items, question_document


def _url(name: str, answers: Answers, extra: Iterable[tuple[str, str]] = ()) -> str:
    query = urlencode([*query_items(answers), *extra])
    return reverse(name) + (f"?{query}" if query else "")


def _edit_url(answers: Answers, step: Step) -> str:
    return _url("sharing:wizard", answers, [("show", step.value)])


def _summary(
    reading: Reading, *, facts_answered: bool, leave_out: Step | None = None
) -> list[dict[str, object]]:
    return [
        {"row": row, "edit_url": _edit_url(reading.answers, row.step)}
        for row in summary_rows(reading.plan, facts_answered=facts_answered, leave_out=leave_out)
    ]


def _wizard_page(request: HttpRequest, reading: Reading) -> HttpResponse:
    plan = reading.plan
    step = current_step(plan, error_fields=reading.errors, submitted=reading.submitted,
                        requested=reading.requested)
    prompts = prompts_for(step, reading, request.GET)
    anchors = {prompt.name: prompt.anchor for prompt in prompts}
    position = plan.steps.index(step)
    context = {
        "step": step,
        "step_title": STEP_TITLES[step],
        "step_number": position + 1,
        "step_total": len(plan.steps),
        "prompts": prompts,
        "single": len(prompts) == 1,
        "hidden": query_items(plan.answers, leave_out=step_fields(step)),
        "errors": [
            {"label": QUESTION_LABELS[name], "messages": messages, "anchor": anchors.get(name)}
            for name, messages in reading.errors.items()
        ],
        "dropped": [QUESTION_LABELS.get(name, name) for name in plan.dropped],
        "summary": _summary(reading, facts_answered=False, leave_out=step),
        "back_url": _edit_url(plan.answers, plan.steps[position - 1]) if position else None,
        "last": position == len(plan.steps) - 1,
    }
    status = HTTPStatus.BAD_REQUEST if reading.errors else HTTPStatus.OK
    return render(request, "sharing/wizard.html", context, status=status)


def _answer(request: HttpRequest) -> tuple[Reading, Answer] | HttpResponse:
    """The answer to a complete question, or the response to send instead.

    An invalid value shows the wizard with its error; a question with a step left
    unanswered goes back to the wizard at that step.
    """
    reading = read_answers(request.GET, facts_submitted=True)
    if reading.errors:
        return _wizard_page(request, reading)
    if not reading.plan.complete(facts_submitted=True):
        return HttpResponseRedirect(_url("sharing:wizard", reading.answers))
    try:
        return reading, answer_for(parse_question(question_document(reading.answers)))
    except QuestionError as exc:  # the engine refused the day (checked by the form, kept as a guard)
        name, message = question_error(exc)
        return _wizard_page(request, Reading(plan=reading.plan, errors={name: [message]},
                                             submitted=None, requested=None))


@never_cache
@require_safe
def wizard(request: HttpRequest) -> HttpResponse:
    reading = read_answers(request.GET, facts_submitted=False)
    finished = reading.plan.complete(facts_submitted=reading.submitted is Step.FACTS)
    if not reading.errors and reading.submitted is not None and finished:
        return HttpResponseRedirect(_url("sharing:result", reading.answers))
    return _wizard_page(request, reading)


@never_cache
@require_safe
def result(request: HttpRequest) -> HttpResponse:
    answered = _answer(request)
    if isinstance(answered, HttpResponse):
        return answered
    reading, answer = answered
    answers = reading.answers
    context = {
        "answer": answer,
        "decision": answer.decision,
        "summary": _summary(reading, facts_answered=True),
        "change_url": _url("sharing:wizard", answers),
        "pdf_url": _url("sharing:pdf", answers),
    }
    return render(request, "sharing/result.html", context)


@never_cache
@require_safe
def record_pdf(request: HttpRequest) -> HttpResponse:
    answered = _answer(request)
    if isinstance(answered, HttpResponse):
        return answered
    reading, answer = answered
    rows = summary_rows(reading.plan, facts_answered=True)
    content = render_record(answer=answer, question=rows, generated_at=timezone.localtime())
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{record_filename(answer)}"'
    return response
