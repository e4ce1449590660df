"""Ages and school classes in the writings staff use: colloquial "e", words, ranges, lower-case classes."""

from __future__ import annotations

import pytest
from tests.deid.helpers import gone, kept, labels


@pytest.mark.parametrize(("text", "age"), [
    ("Vi såg Tobbe igår, han e bara 16 typ.", "16"),
    ("kusinen e 19 o bor kvar hemma", "19"),
    ("Hon är snart 16 och vill byta skola.", "16"),
    ("Hon fyller snart 16. Mamman är orolig.", "16"),
    ("Ingen av tjejerna var äldre än 16 enligt vakten.", "16"),
])
def test_bare_age_after_a_person_and_a_copula(text: str, age: str) -> None:
    result = gone(text, age)
    assert labels(result)[age] == "age"


@pytest.mark.parametrize("text", [
    "Det är 15 elever i gruppen.",
    "Klockan var 14 när vi gick.",
    "Han är 12 minuter sen varje dag.",
])
def test_counts_and_times_are_no_ages(text: str) -> None:
    result = kept(text, next(word for word in text.split() if word.isdigit()))
    assert "age" not in labels(result).values()


@pytest.mark.parametrize(("text", "age"), [
    ("Pojken är sexton år och går i nian.", "sexton år"),
    ("Dottern har nu fyllt nitton.", "nitton"),
    ("Eleven Sara Lind, fjorton år, har", "fjorton år"),
])
def test_age_in_words(text: str, age: str) -> None:
    result = gone(text, age)
    assert labels(result)[age] == "age"


@pytest.mark.parametrize(("text", "span"), [
    ("Killarna var i 14–16-årsåldern.", "14–16-årsåldern"),
    ("Ålder: ca 11-12", "11-12"),
    ("Två tjejer, 15 år och 16 år, stod vid kiosken.", "16 år"),
    ("Samtliga 16 år, enligt polisen.", "16 år"),
])
def test_age_ranges_and_lists(text: str, span: str) -> None:
    gone(text, span)


def test_hours_and_pages_are_no_age_range() -> None:
    kept("Öppet 14-16 och läs sidan 12-14.", "14-16", "12-14")


@pytest.mark.parametrize(("text", "klass"), [
    ("Ahmed från 7d har slutat komma.", "7d"),
    ("hela 8a var med på utflykten", "8a"),
    ("Samtal med eleven (9e) idag.", "9e"),
    ("Hon går på Tallbacksskolan 6c sedan i höstas.", "6c"),
    ("Angående Noah i 8B: frånvaron ökar.", "8B"),
])
def test_lower_case_class_after_a_placing_word(text: str, klass: str) -> None:
    result = gone(text, klass)
    assert labels(result)[klass] == "school_class"


def test_law_sections_and_3d_are_no_class() -> None:
    result = kept("Enligt 2 kap. 4a § och filmen i 3d.", "4a", "3d")
    assert "school_class" not in labels(result).values()


def test_ordinal_after_a_copula_is_no_age() -> None:
    result = kept("Det här e 4:e gången i år.", "4:e")
    assert "age" not in labels(result).values()
