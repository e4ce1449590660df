"""The whole text: offsets, consistency, generalisation and residual risks."""

from __future__ import annotations

import itertools

from varna.deid import LABELS_SV, Result, deidentify
from varna.deid.model import GENERALISED_LABELS, PLACEHOLDER_WORDS

NOTE = """Orosanmälan 2016-02-03
Amir Hassan (f. 2001-05-14), 15 år, går i 9B på Rosengårdsskolan. Han bor med mamma på
Lönngatan 12 B lgh 1103, 214 45 Malmö. Mamma nås på 070-123 45 67.
Mentorn Lisa Björk berättar att Amir har visat IS-propaganda för klasskamrater och att
hans bror som sitter i fängelse har kontakt med honom. amir har skrivit på snap: kingen_99
att han vill "åka". Amirs kompis, som kallas Lillen, hänger på Möllevångstorget.
Dnr SoN 2016/123. Kontakt: lisa.bjork@malmo.se
"""


def test_offsets_point_into_the_input() -> None:
    result = deidentify(NOTE)
    assert result.entities
    for entity in result.entities:
        assert NOTE[entity.start:entity.end] == entity.text


def test_entities_are_in_order_and_do_not_overlap() -> None:
    entities = deidentify(NOTE).entities
    for before, after in itertools.pairwise(entities):
        assert before.end <= after.start


def test_rebuilding_the_output_from_entities() -> None:
    result = deidentify(NOTE)
    rebuilt, position = [], 0
    for entity in result.entities:
        rebuilt.append(NOTE[position:entity.start])
        rebuilt.append(entity.replacement)
        position = entity.end
    rebuilt.append(NOTE[position:])
    assert "".join(rebuilt) == result.text


def test_the_note_loses_every_direct_identifier() -> None:
    text = deidentify(NOTE).text
    for identifier in ("Amir", "amir", "Hassan", "2001-05-14", "Rosengårdsskolan", "Lönngatan", "1103",
                       "214 45", "070-123 45 67", "Lisa", "Björk", "kingen_99", "Lillen", "Möllevångstorget",
                       "2016/123", "lisa.bjork@malmo.se", "9B"):
        assert identifier not in text, identifier
    for useful in ("15–17 år", "årskurs 9", "IS-propaganda", "Mentorn", "Malmö.", "fängelse", "en plats"):
        assert useful in text, useful


def test_the_same_person_keeps_one_placeholder() -> None:
    text = deidentify(NOTE).text
    assert text.count("[Person 1]") >= 4  # Amir Hassan, Amir, amir, Amirs


def test_residual_risks_name_the_combinations() -> None:
    risks = {r.label: r for r in deidentify(NOTE).residual_risks}
    assert "age_and_class" in risks
    assert "family_relation" in risks
    assert "fängelse" in risks["family_relation"].text
    assert "nickname" in risks
    assert all(r.advice for r in risks.values())


def test_a_rare_event_and_a_rare_profession_are_flagged() -> None:
    result = deidentify("Pojkens pappa är imam. Familjen var med om en skottlossning i somras.")
    labels = {r.label for r in result.residual_risks}
    assert {"rare_event", "rare_profession"} <= labels


def test_as_dict_follows_the_contract() -> None:
    document = deidentify(NOTE).as_dict()
    assert set(document) == {"text", "entities", "residual_risks"}
    assert set(document["entities"][0]) == {"start", "end", "label", "text", "replacement"}
    assert set(document["residual_risks"][0]) == {"label", "text", "advice"}


def test_every_label_has_a_swedish_description() -> None:
    for label in [*PLACEHOLDER_WORDS, *GENERALISED_LABELS]:
        assert label in LABELS_SV
    for entity in deidentify(NOTE).entities:
        assert entity.label in LABELS_SV


def test_every_risk_label_has_a_swedish_description() -> None:
    from varna.deid import RISK_LABELS_SV

    texts = [NOTE, "Pojkens pappa är imam. Familjen var med om en skottlossning.",
             "Han skrev محمد på väggen.", "Han flyttade till Nässjö i somras."]
    for text in texts:
        for risk in deidentify(text).residual_risks:
            assert risk.label in RISK_LABELS_SV


def test_a_text_without_identifiers_comes_back_unchanged() -> None:
    text = "Eleven har varit orolig en längre tid och pratar om våld. Skolan har kontaktat socialtjänsten."
    assert deidentify(text) == Result(text=text)


def test_result_is_frozen() -> None:
    import dataclasses

    import pytest

    result = deidentify("Amir kom.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.text = "x"  # type: ignore[misc]
