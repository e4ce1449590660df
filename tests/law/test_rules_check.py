"""`varna rules check` and the loader: every problem named with file, line, entry and field.

Each test copies the bundled rule base, breaks one thing the way a hand edit
might, and checks the message points straight at it. The last tests show the
legal unit's workflow: a law change as a new dated entry, with no code change.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from varna.law import Engine, Outcome, RuleBaseError, load_rulebase, parse_question
from varna.law.check import check_rules
from varna.law.rulebase import DEFAULT_RULES_DIR


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    target = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES_DIR, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def messages(root: Path) -> list[str]:
    return [str(p) for p in check_rules(root).problems]


def test_the_bundled_rule_base_is_clean() -> None:
    checked = check_rules(DEFAULT_RULES_DIR)
    assert checked.problems == []
    assert len(checked.entries) >= 30


def test_an_unknown_field_is_named_with_its_line(rules: Path) -> None:
    edit(rules / "provisions" / "10-secrecy.yaml", "    strength: strong\n    harm_test: reverse\n"
         "    holders: [social_services]\n",
         "    strength: strong\n    harm_test: reverse\n    holder: [police]\n"
         "    holders: [social_services]\n")
    found = messages(rules)
    assert any("provisions/10-secrecy.yaml:" in m and "entry 'osl-26-1'" in m
               and "field 'holder'" in m and "unknown field" in m for m in found), found


def test_a_missing_citation_is_reported(rules: Path) -> None:
    edit(rules / "provisions" / "10-secrecy.yaml", "    citation: OSL 25:1\n", "")
    found = messages(rules)
    assert any("entry 'osl-25-1'" in m and "field 'citation'" in m for m in found), found


def test_a_malformed_citation_is_reported(rules: Path) -> None:
    edit(rules / "provisions" / "10-secrecy.yaml", "citation: OSL 25:1", "citation: 25 kap. 1 § OSL")
    assert any("does not follow the format" in m for m in messages(rules))


def test_inverted_dates_are_reported(rules: Path) -> None:
    edit(rules / "provisions" / "30-duties.yaml", "in_force: {from: 2002-01-01, to: 2025-06-30}",
         "in_force: {from: 2025-06-30, to: 2002-01-01}")
    found = messages(rules)
    assert any("entry 'sol-14-1'" in m and "in_force.to" in m and "inverted" in m for m in found)


def test_overlapping_versions_of_one_provision_are_reported(rules: Path) -> None:
    edit(rules / "provisions" / "30-duties.yaml", "citation: SoL (2025:400)", "citation: SoL 14:1")
    edit(rules / "provisions" / "30-duties.yaml", "in_force: {from: 2002-01-01, to: 2025-06-30}",
         "in_force: {from: 2002-01-01, to: 2025-07-01}")
    found = messages(rules)
    assert any("overlaps 'sol-14-1'" in m and "entry 'sol-2025-400-anmalan'" in m for m in found)


def test_a_reference_to_an_unknown_provision_is_reported(rules: Path) -> None:
    edit(rules / "provisions" / "20-breaking.yaml", "breaks_except: [osl-26-1, osl-25-1, osl-35-3]",
         "breaks_except: [osl-26-1, osl-25-9, osl-35-3]")
    found = messages(rules)
    assert any("entry 'osl-10-27'" in m and "field 'breaks_except'" in m and "'osl-25-9'" in m
               for m in found), found


def test_an_unknown_actor_or_fact_is_reported(rules: Path) -> None:
    edit(rules / "provisions" / "20-breaking.yaml",
         "facts_all: [risk_of_criminal_activity, helps_prevent]",
         "facts_all: [risk_of_criminal_activity, helps_to_prevent]")
    assert any("'helps_to_prevent'" in m and "when" not in m.split("field")[0]
               for m in messages(rules))


def test_an_unverified_entry_cannot_change_a_decision(rules: Path) -> None:
    statute = "    source:\n      statute: Offentlighets- och sekretesslag (2009:400) 10 kap. 18 c §"
    edit(rules / "provisions" / "60-after-2015.yaml",
         "    version: lagandringar-2025-11\n    status: verified\n" + statute,
         "    version: lagandringar-2025-11\n    status: proposal\n" + statute)
    assert any("entry 'osl-10-18c'" in m and "only verified entries" in m for m in messages(rules))


def test_an_unknown_version_is_reported(rules: Path) -> None:
    edit(rules / "provisions" / "40-guidance.yaml", "version: malmo-2015-12-13", "version: malmo-2015")
    assert any("unknown rule-base version 'malmo-2015'" in m for m in messages(rules))


def test_broken_yaml_is_reported_with_its_line(rules: Path) -> None:
    (rules / "provisions" / "99-broken.yaml").write_text("entries:\n  - id: x\n   bad: [\n", "utf-8")
    assert any(m.startswith("provisions/99-broken.yaml") or "99-broken.yaml" in m
               for m in messages(rules))


def test_loading_refuses_a_rule_base_with_problems(rules: Path) -> None:
    edit(rules / "provisions" / "10-secrecy.yaml", "citation: OSL 25:1", "citation: OSL 25")
    with pytest.raises(RuleBaseError) as info:
        load_rulebase(rules)
    assert "osl-25-1" in str(info.value)


def test_the_legal_unit_can_change_the_law_with_a_new_dated_entry(rules: Path) -> None:
    """End 10:18a and add an imagined successor reaching those under 25 – data only."""
    path = rules / "provisions" / "20-breaking.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  - id: osl-10-18a\n")
    end = text.index("  - id: osl-10-20\n")
    old_entry = text[start:end]
    successor = (old_entry.replace("id: osl-10-18a", "id: osl-10-18a-2031")
                 .replace("age_below: 21", "age_below: 25")
                 .replace("in_force: {from: 2009-06-30, to: null}",
                          "in_force: {from: 2031-01-01, to: null}"))
    ended = old_entry.replace("in_force: {from: 2009-06-30, to: null}",
                              "in_force: {from: 2009-06-30, to: 2030-12-31}")
    path.write_text(text[:start] + ended + successor + text[end:], encoding="utf-8")
    assert check_rules(rules).problems == []
    engine = Engine(load_rulebase(rules))

    def outcome(day: str) -> Outcome:
        q = parse_question({"on_date": day, "discloser": {"actor": "social_services"},
                            "recipient": {"actor": "police"}, "subject_age": 23,
                            "facts": ["risk_of_criminal_activity", "helps_prevent"]})
        return engine.assess(q).outcome

    assert outcome("2030-12-31") is Outcome.NOT_ALLOWED
    assert outcome("2031-01-01") is Outcome.ALLOWED


def test_marking_a_version_reviewed_moves_the_review_warning(rules: Path) -> None:
    edit(rules / "versions.yaml", "reviewed_on: 2025-11-30", "reviewed_on: 2026-12-31")
    engine = Engine(load_rulebase(rules))
    q = parse_question({"on_date": "2026-11-25", "discloser": {"actor": "leisure"},
                        "recipient": {"actor": "police"}})
    assert not any("granskning" in w for w in engine.assess(q).warnings)
    assert engine.rulebase.latest_review == dt.date(2026, 12, 31)
