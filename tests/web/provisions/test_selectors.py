"""The citation lookup the wizard uses to link each provision of a decision."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from django.utils import translation

from varna.law import assess, default_rulebase, parse_question
from varna.law.rulebase import InForce, RuleBase
from varna.web.api.openapi import EXAMPLES
from varna.web.provisions import selectors
from varna.web.provisions.selectors import (
    GROUP_KINDS,
    provision_for_citation,
    provision_groups,
    provision_url_for_citation,
)


def test_a_citation_gives_the_page_of_its_entry() -> None:
    assert provision_url_for_citation("OSL 10:18a") == "/lagrum/osl-10-18a/"
    assert provision_url_for_citation("  osl   26:1 ") == "/lagrum/osl-26-1/"


def test_the_link_follows_the_language() -> None:
    with translation.override("en"):
        assert provision_url_for_citation("OSL 26:1") == "/en/lagrum/osl-26-1/"


def test_an_unknown_citation_gives_none() -> None:
    assert provision_url_for_citation("OSL 99:1") is None


def test_a_section_finds_its_paragraphs_and_a_paragraph_its_section() -> None:
    entry = provision_for_citation("OSL 23:2")
    assert entry is not None and entry.citation is not None and entry.citation.startswith("OSL 23:2 st.")
    assert provision_for_citation("OSL 26:1 st. 1") == default_rulebase().by_id["osl-26-1"]


def test_every_citation_in_the_rule_base_and_in_the_examples_has_a_page() -> None:
    citations = {p.citation for p in default_rulebase().provisions if p.citation}
    for example in EXAMPLES.values():
        citations.update(assess(parse_question(example["value"])).provisions)
    missing = {c for c in citations if provision_url_for_citation(c, on_date=dt.date(2016, 2, 1)) is None}
    assert not missing


@pytest.fixture
def two_versions_of_one_citation(monkeypatch: pytest.MonkeyPatch) -> None:
    """A rule base in which OSL 26:1 is reworded from 2030: two entries, one citation."""
    real = default_rulebase()
    old = dataclasses.replace(
        real.by_id["osl-26-1"], in_force=InForce(dt.date(2009, 6, 30), dt.date(2029, 12, 31))
    )
    new = dataclasses.replace(old, id="osl-26-1-2030", in_force=InForce(dt.date(2030, 1, 1), None))
    provisions = (*(p for p in real.provisions if p.id != old.id), old, new)
    fake = RuleBase(real.versions, provisions, real.organisation, real.vocabulary)
    monkeypatch.setattr(selectors, "_rulebase", lambda: fake)


@pytest.mark.usefixtures("two_versions_of_one_citation")
@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2016, 2, 1), "osl-26-1"),
        (dt.date(2029, 12, 31), "osl-26-1"),
        (dt.date(2030, 1, 1), "osl-26-1-2030"),
        (dt.date(2040, 1, 1), "osl-26-1-2030"),
        (dt.date(2000, 1, 1), "osl-26-1"),  # before either: the first
    ],
)
def test_several_entries_for_one_citation_choose_the_one_in_force(day: dt.date, expected: str) -> None:
    entry = provision_for_citation("OSL 26:1", on_date=day)
    assert entry is not None and entry.id == expected


def test_every_kind_in_the_rule_base_has_a_group() -> None:
    grouped = {kind for _, kinds in GROUP_KINDS for kind in kinds}
    assert {p.kind for p in default_rulebase().provisions} <= grouped
    assert sum(len(g.provisions) for g in provision_groups()) == len(default_rulebase().provisions)
