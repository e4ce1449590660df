"""One thin view: show the form, check what was sent, and answer with the PDF.

Nothing is stored – no database, no session, no file – and nothing written is
logged: the POST parameters and the local variables are marked sensitive, so
even Django's error report would not show them. Every response says
``Cache-Control: no-store``.

A valid note whose text seems to hold a personal identity number, a phone number
or an e-mail address is shown again with a reminder beside that answer; the
person may change the text or create the PDF as it is. Checking never blocks.
"""

from __future__ import annotations

from http import HTTPStatus

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_http_methods

from varna.web.concern_note.forms import (
    GROUPS,
    QUESTION_BY_NAME,
    QUESTIONS,
    ConcernNoteForm,
    Section,
    field_views,
    note_warnings,
)
from varna.web.concern_note.pdf import note_filename, render_note

# The name and value of the button that creates the PDF despite the reminders.
DESPITE_WARNINGS = "despite_warnings"


def _page(
    request: HttpRequest, form: ConcernNoteForm, *, warnings: dict[str, list[str]], status: HTTPStatus
) -> HttpResponse:
    fields = field_views(form, warnings)
    errors = [
        # The shared error summary puts the label right before the message; the colon separates them.
        {"label": f"{QUESTION_BY_NAME[name].title}:", "messages": field.errors, "anchor": field.id}
        for name, field in fields.items()
        if field.errors
    ]
    warned = [field for field in fields.values() if field.warnings]
    context = {
        "groups": [(legend, [fields[name] for name in names]) for legend, names in GROUPS],
        "errors": errors,
        "warned": warned,
        # Creating the PDF despite the reminders is offered once the note itself is valid.
        "despite_warnings": DESPITE_WARNINGS if warned and not errors else None,
    }
    return render(request, "concern_note/note.html", context, status=status)


@sensitive_variables()
@sensitive_post_parameters()
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def note(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _page(request, ConcernNoteForm(), warnings={}, status=HTTPStatus.OK)
    form = ConcernNoteForm(request.POST)
    if not form.is_valid():
        # Reminders about the text that was sent, so the next attempt can take both into account.
        shown = [Section(name=q.name, title=str(q.title), text=form.shown_value(q.name)) for q in QUESTIONS]
        return _page(request, form, warnings=note_warnings(shown), status=HTTPStatus.BAD_REQUEST)
    sections = form.sections()
    warnings = note_warnings(sections)
    if warnings and request.POST.get(DESPITE_WARNINGS) != "yes":
        return _page(request, form, warnings=warnings, status=HTTPStatus.OK)
    written_at = timezone.localtime()
    response = HttpResponse(render_note(sections=sections, written_at=written_at),
                            content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{note_filename(written_at)}"'
    return response
