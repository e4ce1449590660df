"""Properties over generated texts: nothing reported survives, nothing crashes, offsets hold."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from varna.deid import deidentify
from varna.deid.model import GENERALISED_LABELS

NAMES = ["Amir", "amir", "Amirs", "Fatima", "Hodan", "Yohannes", "Lisa Björk", "Björk", "Johansson", "Zeynep",
         "Dragan Petrović", "Agnieszka", "Mehdi Rezaei", "Xhevdet", "Rojin", "Hassan", "sara", "Kalle"]
IDENTIFIERS = ["070-123 45 67", "+46 70 123 45 67", "040-34 10 00", "811218-9876", "198112189876",
               "701063-2391", "amir.k@hotmail.com", "snap: kingen_99", "@shadowboy", "ABC 123", "MLB 55F",
               "Lönngatan 12 B", "lgh 1103", "214 45 Malmö", "Dnr SoN 2016/123", "K123456-15",
               "född 2001-05-14", "Rosengårdsskolan", "Kroksbäcks IF", "www.example.se/amir", "Rosengård",
               "Möllevångstorget", "15 år", "9B", "den 12 mars 2016", "15-åringen"]
FILLERS = ["har", "varit", "orolig", "för", "att", "han", "hon", "skolan", "socialtjänsten", "och", "i", "på",
           "björk", "rosor", "Förintelsen", "mentorn", "kuratorn", "bror", "sa", "kallas", "heter", "Malmö",
           "Syrien", "IS", "propaganda", "frånvaro", "Han", "Hon", "Alla", "Hans", "Bara", "fängelse"]
SEPARATORS = [" ", " ", " ", ", ", ". ", "\n", ": ", "! ", " (", ") ", "'s ", "s "]

pieces = st.one_of(st.sampled_from(NAMES), st.sampled_from(IDENTIFIERS), st.sampled_from(FILLERS),
                   st.sampled_from(SEPARATORS))
notes = st.lists(pieces, min_size=1, max_size=40).map("".join)


def _word(text: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w@.\-]){re.escape(text)}(?![\w@\-])")


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notes)
@example("+46 70 123 45 67+46 70 123 45 67")  # the same number twice, glued
@example("070-123 45 67 född 2001-05-14070-123 45 67")  # glued to another identifier
def test_no_reported_identifier_survives(text: str) -> None:
    result = deidentify(text)
    for entity in result.entities:
        if entity.label in GENERALISED_LABELS:
            continue
        assert not _word(entity.text).search(result.text), (entity, result.text)


@settings(max_examples=300, deadline=None)
@given(notes)
def test_offsets_and_rebuild_hold_on_generated_notes(text: str) -> None:
    result = deidentify(text)
    rebuilt, position = [], 0
    for entity in result.entities:
        assert text[entity.start:entity.end] == entity.text
        assert entity.start >= position
        rebuilt.append(text[position:entity.start])
        rebuilt.append(entity.replacement)
        position = entity.end
    rebuilt.append(text[position:])
    assert "".join(rebuilt) == result.text


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=400))
def test_never_crashes_on_arbitrary_text(text: str) -> None:
    result = deidentify(text)
    for entity in result.entities:
        assert text[entity.start:entity.end] == entity.text


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8", categories=["L", "N", "P", "Zs"]), max_size=300))
def test_never_crashes_on_letters_digits_and_punctuation(text: str) -> None:
    deidentify(text)
