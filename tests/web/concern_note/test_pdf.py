"""The PDF itself: every answer in order, long answers over several pages, any character survives."""

from __future__ import annotations

import datetime as dt
import re

from django.utils import translation
from tests.web.concern_note.helpers import NOTE, flat, note_text

from varna.web.concern_note.forms import MAX_TEXT, QUESTIONS, Section
from varna.web.concern_note.pdf import note_filename, render_note

WRITTEN = dt.datetime(2016, 2, 1, 12, 30, tzinfo=dt.UTC)


def _sections(**texts: str) -> list[Section]:
    return [Section(name=q.name, title=str(q.title), text=texts.get(q.name, "")) for q in QUESTIONS]


def test_the_answers_come_in_the_order_of_the_questions() -> None:
    with translation.override("sv"):
        text = note_text(render_note(sections=_sections(**NOTE), written_at=WRITTEN))
    positions = [text.index(flat(NOTE[q.name])) for q in QUESTIONS]
    assert positions == sorted(positions)
    assert "Skriven med Värna 2016-02-01 12:30." in text


def test_the_longest_note_allowed_flows_over_several_pages() -> None:
    sentence = "Han sa att han skulle åka och att ingen fick veta det. "
    full = (sentence * (MAX_TEXT // len(sentence)))[:MAX_TEXT]
    with translation.override("sv"):
        pdf = render_note(sections=_sections(**{q.name: full for q in QUESTIONS}), written_at=WRITTEN)
    pages = len(re.findall(rb"/Type /Page\b", pdf))
    assert pages >= 4
    assert f"Sida {pages}" in note_text(pdf)


def test_a_word_longer_than_the_line_is_broken_rather_than_cut_off() -> None:
    word = "x" * 600
    with translation.override("sv"):
        text = note_text(render_note(sections=_sections(observed=word), written_at=WRITTEN))
    assert text.replace(" ", "").count("x") >= 600


def test_characters_the_font_lacks_are_marked_not_dropped() -> None:
    with translation.override("sv"):
        text = note_text(render_note(sections=_sections(observed="Han skrev ✓ och 🙂 – ”åäö é”"),
                                     written_at=WRITTEN))
    assert "Han skrev ? och ? – ”åäö é”" in text


def test_the_file_is_named_by_the_day() -> None:
    assert note_filename(WRITTEN) == "varna-anteckning-2016-02-01.pdf"
