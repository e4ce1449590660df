"""The one form behind every state of the page, and how what was sent is checked.

The same fields travel with every request: the original text, the words the person
marked, the proposed changes whose original they keep, the confirmation box and the
fingerprint of the text they were shown. Line endings are made uniform and invisible
control characters – which may hide or reorder text – are refused, and the rest of
the text is kept and shown again for correction. Nothing is stored.
"""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from varna.web.concern_note.forms import CONTROL, uniform_lines, without_control
from varna.web.deid.review import parse_keys

MAX_TEXT = 20_000  # about eight pages: a case description, not a file
MAX_WORDS_TEXT = 2_000
MAX_WORDS = 50
MAX_WORD = 100

# Field names, the titles the error summary gives them, and the ids their errors link to.
TEXT, WORDS, KEEP, CONFIRMED, SHOWN = "text", "remove", "keep", "confirmed", "shown"
TITLES = {
    TEXT: gettext_lazy("Case description"),
    WORDS: gettext_lazy("Words that should also be removed"),
    CONFIRMED: gettext_lazy("Confirmation"),
}
ANCHORS = {TEXT: "field-text", WORDS: "field-remove", CONFIRMED: "field-confirmed"}

_SEPARATORS = re.compile(r"[\n,;]")


def split_words(value: str) -> list[str]:
    """The marked words, one per line or separated by commas, each once, in the order written."""
    words: dict[str, str] = {}
    for part in _SEPARATORS.split(value):
        word = " ".join(part.split())
        if word:
            words.setdefault(word.casefold(), word)
    return list(words.values())


class PlainTextField(forms.CharField):
    """Free text: trimmed, uniform line endings, no control characters, at most ``limit`` characters.

    The length is checked here rather than through ``max_length``, so the message can
    say how long the text is, and no ``maxlength`` attribute can make a browser cut
    off pasted text without a word.
    """

    def __init__(self, *, limit: int, required_message: str | None = None, **kwargs: Any) -> None:
        super().__init__(required=required_message is not None, strip=True, **kwargs)
        self.validators = []  # null characters are control characters too; named by the check below
        self.limit = limit
        if required_message is not None:
            self.error_messages["required"] = required_message

    def to_python(self, value: Any) -> str:
        return uniform_lines(super().to_python(value) or "")

    def validate(self, value: Any) -> None:
        super().validate(value)
        controls = len(CONTROL.findall(value))
        if controls:
            raise forms.ValidationError(
                ngettext(
                    "The text contained %(count)s invisible control character, which may hide or reorder "
                    "text. It has been removed – check the text and send it again.",
                    "The text contained %(count)s invisible control characters, which may hide or reorder "
                    "text. They have been removed – check the text and send it again.",
                    controls,
                ),
                code="control",
                params={"count": controls},
            )
        if len(value) > self.limit:
            raise forms.ValidationError(
                _("The text can be at most %(limit)s characters; it has %(count)s. Shorten it, or "
                  "de-identify it in parts."),
                code="max_length",
                params={
                    "limit": number_format(self.limit, force_grouping=True),
                    "count": number_format(len(value), force_grouping=True),
                },
            )


class KeepField(forms.Field):
    """The proposed changes whose original the person keeps, by their span in the text."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value: Any) -> frozenset[tuple[int, int]]:
        if not value:
            return frozenset()
        values = value if isinstance(value, list | tuple) else [value]
        return parse_keys(str(item) for item in values)


class DeidForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Made with each form, so the messages are already in the request's language.
        self.fields[TEXT] = PlainTextField(limit=MAX_TEXT,
                                           required_message=_("Paste or write the text to de-identify."))
        self.fields[WORDS] = PlainTextField(limit=MAX_WORDS_TEXT)
        self.fields[KEEP] = KeepField(required=False)
        self.fields[CONFIRMED] = forms.BooleanField(required=False)
        self.fields[SHOWN] = forms.CharField(required=False, max_length=64)

    def clean_remove(self) -> list[str]:
        words = split_words(self.cleaned_data.get(WORDS, ""))
        if len(words) > MAX_WORDS:
            raise forms.ValidationError(
                _("Mark at most %(limit)s words at a time; the list has %(count)s."),
                code="too_many", params={"limit": MAX_WORDS, "count": len(words)},
            )
        too_long = [word for word in words if len(word) > MAX_WORD]
        if too_long:
            raise forms.ValidationError(
                _("A word or phrase can be at most %(limit)s characters: “%(word)s…” is longer. Write one "
                  "word or name per line."),
                code="too_long", params={"limit": MAX_WORD, "word": too_long[0][:40]},
            )
        empty = [word for word in words if not any(char.isalnum() for char in word)]
        if empty:
            raise forms.ValidationError(
                _("“%(word)s” has no letter or digit, so it cannot be looked for in the text."),
                code="no_word", params={"word": empty[0]},
            )
        return words

    def shown_value(self, name: str) -> str:
        """What to put back in a field: the text as sent, less what could not be kept."""
        if not self.is_bound:
            return ""
        raw = self.data.get(name, "")
        return without_control(raw if isinstance(raw, str) else "").strip()

    def error_list(self) -> list[dict[str, Any]]:
        """The errors for the summary at the top: the field's title, its messages and where it is."""
        if not self.is_bound:
            return []
        return [
            {"label": f"{TITLES[name]}:", "messages": [str(m) for m in messages], "anchor": ANCHORS[name]}
            for name, messages in self.errors.items()
            if name in TITLES
        ]
