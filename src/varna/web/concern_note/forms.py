"""The note's questions, their guidance, and how what was written is checked.

Six questions, two of them required (what happened, and when). Each answer is
plain text with a length limit; line endings are made uniform and invisible
control characters – which cannot be printed and may hide or reorder text – are
refused, with the rest of the text kept and shown again for correction.

Checking never stores anything: the form is read, the note is built, and both are
gone when the response has been sent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from varna.web.concern_note.checks import Finding, Kind, find_details

MAX_TEXT = 4000  # about two pages of the PDF for each answer
MAX_WHEN = 200

# C0 and C1 control characters except tab and newline, and the invisible marks that
# change the direction of text (they can make a printed line say something else).
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def without_control(text: str) -> str:
    """The text as written, with line endings made uniform and control characters removed."""
    return CONTROL.sub("", uniform_lines(text))


def uniform_lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")


@dataclass(frozen=True, slots=True)
class Question:
    """One question of the note: what the field asks, and the guidance given beside it."""

    name: str
    title: Promise  # a short name, for the error summary and the heading in the PDF
    label: Promise
    hint: Promise
    required: Promise | None  # the message when left empty; None for an optional question
    limit: int = MAX_TEXT
    multiline: bool = True


QUESTIONS: tuple[Question, ...] = (
    Question(
        name="observed",
        title=gettext_lazy("What I saw and heard"),
        label=gettext_lazy("What did you see and hear?"),
        hint=gettext_lazy(
            "Describe what happened as you would tell it to someone who was not there: what was said and "
            "what was done. Put the young person's own words in quotation marks. Write what you saw, not "
            "what you think it means – no guesses, diagnoses or rumours."
        ),
        required=gettext_lazy("Write what you saw or heard."),
    ),
    Question(
        name="when",
        title=gettext_lazy("When"),
        label=gettext_lazy("When did it happen?"),
        hint=gettext_lazy(
            "The date and, if you know it, the time – for example 2016-02-01 at about 14.30. If it happened "
            "more than once, give each occasion."
        ),
        required=gettext_lazy("Write when it happened: the date, and the time if you know it."),
        limit=MAX_WHEN,
        multiline=False,
    ),
    Question(
        name="context",
        title=gettext_lazy("Where and in what situation"),
        label=gettext_lazy("Where did it happen, and in what situation?"),
        hint=gettext_lazy(
            "For example: in the schoolyard during the lunch break, at the youth centre, in a conversation "
            "with you. Describe the young person by age and role – “a 15-year-old pupil in year 9” – not "
            "by name."
        ),
        required=None,
    ),
    Question(
        name="others_aware",
        title=gettext_lazy("Who else knows"),
        label=gettext_lazy("Who else knows about it?"),
        hint=gettext_lazy(
            "Give roles, not names: “the class teacher”, “the school counsellor”, “a parent”. Write "
            "“nobody that I know of” if that is so."
        ),
        required=None,
    ),
    Question(
        name="actions_taken",
        title=gettext_lazy("What I have done"),
        label=gettext_lazy("What have you done so far?"),
        hint=gettext_lazy(
            "For example: talked with the young person, told your manager, contacted the student health "
            "team or social services. Give the date of each step."
        ),
        required=None,
    ),
    Question(
        name="wish",
        title=gettext_lazy("What I want to happen"),
        label=gettext_lazy("What do you want to happen now?"),
        hint=gettext_lazy(
            "For example: advice on how to go on, that social services look into the young person's "
            "situation, that someone gets back to you."
        ),
        required=None,
    ),
)
QUESTION_BY_NAME = {question.name: question for question in QUESTIONS}

# The questions in groups, each a fieldset with this legend.
GROUPS: tuple[tuple[Promise, tuple[str, ...]], ...] = (
    (gettext_lazy("What happened"), ("observed", "when", "context")),
    (gettext_lazy("What has been done"), ("others_aware", "actions_taken")),
    (gettext_lazy("What next"), ("wish",)),
)


class NoteTextField(forms.CharField):
    """Free text: trimmed, uniform line endings, no control characters, at most ``limit`` characters.

    The length is checked here rather than through ``max_length``, so the message
    can say how long the text is, and no ``maxlength`` attribute can make a browser
    cut off pasted text without a word.
    """

    def __init__(self, question: Question, **kwargs: Any) -> None:
        super().__init__(required=question.required is not None, strip=True, **kwargs)
        # Null characters are control characters too; this field's own check names them.
        self.validators = []
        self.question = question
        if question.required is not None:
            # Fields are made with each form, so this is already in the request's language.
            self.error_messages["required"] = str(question.required)

    def to_python(self, value: Any) -> str:
        return uniform_lines(super().to_python(value) or "")

    def validate(self, value: Any) -> None:
        super().validate(value)
        controls = len(CONTROL.findall(value))
        if controls:
            raise forms.ValidationError(
                ngettext(
                    "The text contained %(count)s invisible control character, which cannot be printed. "
                    "It has been removed – check the text and send it again.",
                    "The text contained %(count)s invisible control characters, which cannot be printed. "
                    "They have been removed – check the text and send it again.",
                    controls,
                ),
                code="control",
                params={"count": controls},
            )
        limit = self.question.limit
        if len(value) > limit:
            raise forms.ValidationError(
                _("The text can be at most %(limit)s characters; it has %(count)s. Shorten it by leaving out "
                  "what is not needed."),
                code="max_length",
                params={
                    "limit": number_format(limit, force_grouping=True),
                    "count": number_format(len(value), force_grouping=True),
                },
            )


class ConcernNoteForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for question in QUESTIONS:
            self.fields[question.name] = NoteTextField(question)

    def shown_value(self, name: str) -> str:
        """What to put back in the field: the text as sent, less what could not be kept."""
        if not self.is_bound:
            return ""
        raw = self.data.get(name, "")
        return without_control(raw if isinstance(raw, str) else "")

    def sections(self) -> list[Section]:
        """The valid note, one section per question in order (empty where left out)."""
        return [
            Section(name=q.name, title=str(q.title), text=self.cleaned_data.get(q.name, ""))
            for q in QUESTIONS
        ]


@dataclass(frozen=True, slots=True)
class Section:
    name: str
    title: str
    text: str


# --- the gentle check ------------------------------------------------------------------

_DETAIL_MESSAGES: dict[Kind, Promise] = {
    Kind.PERSONAL_NUMBER: gettext_lazy(
        "“%(text)s” looks like a personal identity number. It is rarely needed in a note: who the note is "
        "about can be said when you make contact."
    ),
    Kind.PHONE: gettext_lazy(
        "“%(text)s” looks like a phone number. Leave it out if it belongs to a person and is not needed; "
        "a service's public number may stay."
    ),
    Kind.EMAIL: gettext_lazy(
        "“%(text)s” looks like an e-mail address. Leave it out if it belongs to a person and is not needed."
    ),
}


def detail_message(finding: Finding) -> str:
    return str(_DETAIL_MESSAGES[finding.kind]) % {"text": finding.text}


def note_warnings(sections: list[Section]) -> dict[str, list[str]]:
    """Per question, a reminder for each detail that rarely belongs in a note."""
    warnings: dict[str, list[str]] = {}
    for section in sections:
        messages = [detail_message(finding) for finding in find_details(section.text)]
        if messages:
            warnings[section.name] = list(dict.fromkeys(messages))
    return warnings


# --- what the page shows -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FieldView:
    """One question as the template shows it, with the text written, its errors and reminders."""

    name: str
    title: str
    label: str
    hint: str
    optional: bool
    multiline: bool
    limit: str
    value: str
    errors: tuple[str, ...]
    warnings: tuple[str, ...]

    @property
    def id(self) -> str:
        return f"field-{self.name}"

    @property
    def hint_id(self) -> str:
        return f"{self.name}-hint"

    @property
    def error_id(self) -> str:
        return f"{self.name}-error"

    @property
    def warning_id(self) -> str:
        return f"{self.name}-warning"

    @property
    def described_by(self) -> str:
        ids = [self.hint_id]
        if self.errors:
            ids.append(self.error_id)
        if self.warnings:
            ids.append(self.warning_id)
        return " ".join(ids)


def field_views(form: ConcernNoteForm, warnings: dict[str, list[str]]) -> dict[str, FieldView]:
    errors = form.errors if form.is_bound else {}
    return {
        q.name: FieldView(
            name=q.name,
            title=str(q.title),
            label=str(q.label),
            hint=str(q.hint),
            optional=q.required is None,
            multiline=q.multiline,
            limit=number_format(q.limit, force_grouping=True),
            value=form.shown_value(q.name),
            errors=tuple(str(message) for message in errors.get(q.name, ())),
            warnings=tuple(warnings.get(q.name, ())),
        )
        for q in QUESTIONS
    }
