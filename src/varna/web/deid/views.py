"""One thin view for every state of the page: the empty form, the draft, the confirmed text, the file.

What the person does arrives as the button they pressed (``action``) with the same
fields each time, so no state lives on the server:

* ``review`` (the default) – de-identify the text, apply the kept originals and the
  marked words, and show the draft;
* ``edit`` – back to the text itself, to change it;
* ``confirm`` – the box must be ticked and the text must be the one the person read
  (its fingerprint), or the draft comes back; then the final text is shown;
* ``download`` – the confirmed text as a plain-text file.

Nothing is stored – no database, no session, no file – and nothing written is logged:
the POST parameters and the local variables are marked sensitive, so even Django's
error report would not show them. Every response says ``Cache-Control: no-store``.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_http_methods

from varna.web.deid import labels
from varna.web.deid.forms import CONFIRMED, KEEP, MAX_TEXT, SHOWN, TEXT, WORDS, DeidForm
from varna.web.deid.review import Review, review

REVIEW, EDIT, CONFIRM, DOWNLOAD = "review", "edit", "confirm", "download"


def _text_page(
    request: HttpRequest, form: DeidForm, *, text: str, words: str, status: HTTPStatus
) -> HttpResponse:
    context = {
        "errors": form.error_list(),
        "text": text,
        "words": words,
        "carried_words": [w for w in words.split("\n") if w],
        "text_errors": form.errors.get(TEXT, []),
        "limit": number_format(MAX_TEXT, force_grouping=True),
    }
    return render(request, "deid/page.html", context, status=status)


def _legend(result: Review) -> list[dict[str, Any]]:
    """Each kind present, in the order it first appears, with how many changes it has."""
    counts: dict[tuple[str, str], int] = {}
    for change in result.changes:
        key = (labels.KEPT, labels.KEPT) if change.kept else (change.label, labels.how(change))
        counts[key] = counts.get(key, 0) + 1
    return [
        {
            "name": str(_("Original kept")) if label == labels.KEPT else labels.kind(label),
            "group": "kept" if label == labels.KEPT else labels.group(label),
            "how": how,
            "count": ngettext("%(count)s change", "%(count)s changes", count) % {"count": count},
        }
        for (label, how), count in counts.items()
    ]


def _changes(result: Review) -> list[dict[str, Any]]:
    return [
        {
            "change": change,
            "kind": labels.kind(change.label),
            "group": labels.group(change.label),
            "how": labels.how(change),
            "spoken": labels.spoken(change),
        }
        for change in result.changes
    ]


def _draft_page(
    request: HttpRequest, form: DeidForm, result: Review, *, words: str, status: HTTPStatus,
    changed: bool = False,
) -> HttpResponse:
    changes = _changes(result)
    by_change = {id(item["change"]): item for item in changes}
    segments = [
        {"text": segment.text, "change": by_change[id(segment.change)] if segment.change else None}
        for segment in result.segments()
    ]
    context = {
        "errors": form.error_list(),
        "result": result,
        "segments": segments,
        "legend": _legend(result),
        "changes": changes,
        "words": words,
        "word_errors": form.errors.get(WORDS, []) if form.is_bound else [],
        "confirm_errors": form.errors.get(CONFIRMED, []) if form.is_bound else [],
        "changed": changed,
    }
    return render(request, "deid/draft.html", context, status=status)


def _final_page(request: HttpRequest, result: Review, *, words: str) -> HttpResponse:
    context = {"result": result, "words": words, "rows": min(30, max(8, result.final.count("\n") + 4))}
    return render(request, "deid/final.html", context)


def _text_file(result: Review) -> HttpResponse:
    response = HttpResponse(result.final + "\n", content_type="text/plain; charset=utf-8")
    day = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="avidentifierad-fallbeskrivning-{day}.txt"'
    return response


@sensitive_variables()
@sensitive_post_parameters()
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def page(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _text_page(request, DeidForm(), text="", words="", status=HTTPStatus.OK)
    form = DeidForm(request.POST)
    action = request.POST.get("action", REVIEW)
    valid = form.is_valid()
    if TEXT in form.errors:
        return _text_page(request, form, text=form.shown_value(TEXT), words=form.shown_value(WORDS),
                          status=HTTPStatus.BAD_REQUEST)
    text = form.cleaned_data[TEXT]
    if not valid:  # the text is fine, the marked words are not: the draft without them, and the error
        keep = form.cleaned_data.get(KEEP, frozenset())
        return _draft_page(request, form, review(text, keep=keep), words=form.shown_value(WORDS),
                           status=HTTPStatus.BAD_REQUEST)
    words: list[str] = form.cleaned_data[WORDS]
    shown_words = "\n".join(words)
    if action == EDIT:
        return _text_page(request, form, text=text, words=shown_words, status=HTTPStatus.OK)
    result = review(text, words=words, keep=form.cleaned_data[KEEP])
    if action in (CONFIRM, DOWNLOAD):
        if result.digest != form.cleaned_data[SHOWN]:
            # Something was changed in the same step as the confirmation: the new text has not been read.
            return _draft_page(request, form, result, words=shown_words, status=HTTPStatus.OK, changed=True)
        if not form.cleaned_data[CONFIRMED]:
            form.add_error(CONFIRMED, _("Tick the box when you have read the text and are sure that nobody "
                                        "can recognise the person."))
            return _draft_page(request, form, result, words=shown_words, status=HTTPStatus.BAD_REQUEST)
        if action == DOWNLOAD:
            return _text_file(result)
        return _final_page(request, result, words=shown_words)
    return _draft_page(request, form, result, words=shown_words, status=HTTPStatus.OK)
