"""The review behind the page: marked words, kept originals, the final text and its fingerprint."""

from __future__ import annotations

import pytest
from django.utils import translation
from tests.web.deid.helpers import SAMPLE

from varna.deid import LABELS_SV, deidentify
from varna.deid.model import GENERALISED_LABELS, PLACEHOLDER_WORDS
from varna.web.deid import labels
from varna.web.deid.forms import split_words
from varna.web.deid.review import MARKED, parse_keys, review, word_pattern


def test_without_choices_the_final_text_is_the_tools_proposal() -> None:
    result = review(SAMPLE)
    proposal = deidentify(SAMPLE)
    assert result.final == proposal.text
    assert [(c.start, c.end, c.label, c.replacement) for c in result.changes] == [
        (e.start, e.end, e.label, e.replacement) for e in proposal.entities]
    assert result.risks == proposal.residual_risks


def test_the_segments_are_the_whole_text_cut_at_every_change() -> None:
    result = review(SAMPLE, words=["kiosken"])
    segments = result.segments()
    assert "".join(s.change.original if s.change else s.text for s in segments) == SAMPLE
    assert "".join(s.text for s in segments) == result.final


@pytest.mark.parametrize(
    ("written", "found"),
    [
        ("Lillen", "Lillen"),
        ("lillen", "lillen"),
        ("LILLEN", "LILLEN"),
        ("Lillens", "Lillens"),
        ("Lillen's", "Lillen's"),
        ("Lillen’s", "Lillen’s"),
        ("Lillen:s", "Lillen:s"),
        ("Lillen'", "Lillen'"),
        ("(Lillen)", "Lillen"),
        ("”Lillen”", "Lillen"),
    ],
)
def test_a_marked_word_is_found_in_any_case_and_with_a_possessive(written: str, found: str) -> None:
    match = word_pattern("Lillen").search(f"Hon sa {written} igen.")
    assert match and match.group() == found


@pytest.mark.parametrize("text", ["Lillena", "Smålillen", "lillenberg", "Lille n"])
def test_a_marked_word_is_only_found_whole(text: str) -> None:
    assert word_pattern("Lillen").search(text) is None


def test_a_phrase_matches_across_any_spaces_and_a_line_break() -> None:
    assert word_pattern("Lilla  torg").search("vid lilla\ntorg i går")


def test_marked_words_are_numbered_in_the_order_they_first_appear_and_keep_a_possessive() -> None:
    text = "Vi träffades vid bryggan och tornet. Tornets tak syns från bryggan."
    result = review(text, words=["tornet", "Bryggan"])
    assert deidentify(text).entities == ()  # ordinary words: only the person knows they point to someone
    marked = [(c.original, c.replacement) for c in result.changes if c.marked]
    assert marked == [("bryggan", "[Borttaget 1]"), ("tornet", "[Borttaget 2]"),
                      ("Tornets", "[Borttaget 2]s"), ("bryggan", "[Borttaget 1]")]
    assert result.final == ("Vi träffades vid [Borttaget 1] och [Borttaget 2]. "
                            "[Borttaget 2]s tak syns från [Borttaget 1].")
    assert all(c.label == MARKED for c in result.changes if c.marked)


def test_a_longer_phrase_is_taken_before_a_word_inside_it() -> None:
    result = review("vid stora torget och stora", words=["stora", "stora torget"])
    assert result.final == "vid [Borttaget 1] och [Borttaget 2]"


def test_a_word_inside_a_proposed_change_is_left_to_that_change_and_reported() -> None:
    result = review(SAMPLE, words=["Hassan", "Finns Inte"])
    assert result.final == deidentify(SAMPLE).text
    assert result.not_found == ("Hassan", "Finns Inte")


def test_keeping_an_original_restores_only_that_span() -> None:
    proposal = deidentify(SAMPLE)
    age = next(e for e in proposal.entities if e.label == "age")
    result = review(SAMPLE, keep={(age.start, age.end)})
    assert [c.original for c in result.kept] == [age.text]
    assert age.text in result.final and age.replacement not in result.final
    assert len(result.applied) == len(proposal.entities) - 1
    assert result.digest != review(SAMPLE).digest


def test_the_fingerprint_follows_the_final_text_only() -> None:
    assert review(SAMPLE).digest == review(SAMPLE, keep={(0, 1)}).digest  # a span that is no change
    assert review(SAMPLE).digest != review(SAMPLE, words=["kiosken"]).digest
    assert len(review(SAMPLE).digest) == 32


def test_keys_from_the_form() -> None:
    assert parse_keys(["0-5", " 12-20 ", "x", "5-", "-3", "1-2-3", ""]) == {(0, 5), (12, 20)}


def test_marked_words_are_split_by_lines_and_commas_once_each() -> None:
    assert split_words("Lillen, lillen\n\n  Lilla   torg ;Kiosken,") == ["Lillen", "Lilla torg", "Kiosken"]


def test_every_label_the_tool_gives_has_a_name_and_a_colour() -> None:
    known = set(PLACEHOLDER_WORDS) | set(GENERALISED_LABELS) | set(LABELS_SV)
    assert known - set(labels.KINDS) == set()
    assert known - set(labels.GROUPS) == set()


def test_a_new_label_still_gets_a_name() -> None:
    with translation.override("en"):
        assert labels.kind("boat_name") == "Boat name"
        assert labels.kind("person") == "Person's name"
    with translation.override("sv"):
        assert labels.kind("person") == "Namn på person"
    assert labels.group("boat_name") == "other"
