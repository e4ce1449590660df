"""The rule base is versioned by date: both sides of every boundary are tested."""

from __future__ import annotations

import pytest
from tests.law.helpers import ask

from varna.law import Outcome

FAMILY_RISK = ["risk_of_serious_crime_against_family_member", "helps_prevent"]


@pytest.mark.parametrize(
    ("day", "version"),
    [("2020-07-31", "malmo-2015-12-13"), ("2020-08-01", "lagandringar-2025-11")],
)
def test_the_answering_version_follows_the_date(day: str, version: str) -> None:
    assert ask("leisure", "police", on_date=day).rulebase == version


@pytest.mark.parametrize(("day", "expected"), [("2021-07-31", Outcome.NOT_ALLOWED),
                                               ("2021-08-01", Outcome.ALLOWED)])
def test_10_18c_comes_into_force_on_2021_08_01(day: str, expected: Outcome) -> None:
    d = ask("social_services", "police", on_date=day, subject_age=40, facts=FAMILY_RISK)
    assert d.outcome is expected
    assert ("OSL 10:18c" in d.provisions) is (expected is Outcome.ALLOWED)


def test_10_18c_covers_medical_student_health_but_never_a_group() -> None:
    direct = ask("school_health_medical", "police", on_date="2022-03-01", subject_age=15,
                 facts=FAMILY_RISK)
    group = ask("school_health_medical", "police", on_date="2022-03-01", subject_age=15,
                facts=FAMILY_RISK, setting="cooperation_group")
    assert direct.outcome is Outcome.ALLOWED
    assert group.outcome is Outcome.NOT_ALLOWED


def test_the_duty_to_report_moves_to_the_new_social_services_act() -> None:
    old = ask("school_staff", "social_services", on_date="2025-06-30", subject_age=10,
              facts=["child_may_be_suffering"])
    new = ask("school_staff", "social_services", on_date="2025-07-01", subject_age=10,
              facts=["child_may_be_suffering"])
    assert old.outcome is new.outcome is Outcome.OBLIGED
    assert "SoL 14:1" in old.provisions and "SoL (2025:400)" not in old.provisions
    assert "SoL (2025:400)" in new.provisions and "SoL 14:1" not in new.provisions
    assert any("inte verifierat" in w for w in new.warnings)


def test_a_question_after_the_last_review_names_the_review_date_and_open_changes() -> None:
    d = ask("social_services", "police", on_date="2026-11-25", subject_age=16)
    warning = next(w for w in d.warnings if "granskning" in w)
    assert "2025-11-30" in warning
    assert "prop. 2024/25:180" in warning  # the proposed OSL 10:15a touches social services → police


def test_a_question_before_the_last_review_gets_no_review_warning() -> None:
    d = ask("social_services", "police", on_date="2025-11-30", subject_age=16)
    assert not any("granskning" in w for w in d.warnings)


def test_an_unverified_change_in_force_warns_but_decides_nothing() -> None:
    d = ask("social_services", "security_police", on_date="2022-01-01", subject_age=19)
    assert d.outcome is Outcome.NOT_ALLOWED
    assert any("terroristbrott" in w for w in d.warnings)


def test_the_terrorism_exchange_is_not_mentioned_before_it_came_into_force() -> None:
    d = ask("social_services", "security_police", on_date="2020-07-31", subject_age=19)
    assert not any("terroristbrott" in w for w in d.warnings)
