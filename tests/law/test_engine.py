"""Unit tests of the rule evaluation: one behaviour of the engine per test.

The scenario tables (tests/law/scenarios) check the guideline's sentences; these
tests pin down the mechanics those sentences rely on: the order of the trace,
precedence between exceptions, age limits, the meeting rule and warnings.
"""

from __future__ import annotations

import pytest
from tests.law.helpers import applied, ask, rules_tried

from varna.law import Outcome, Participation, QuestionError


def test_trace_tries_the_main_rule_before_the_exceptions_in_order() -> None:
    d = ask("social_services", "police", subject_age=16)
    order = rules_tried(d)
    assert order[:2] == ["organisation", "osl-26-1"]
    exceptions = order[2:]
    assert exceptions.index("principle-deidentified") < exceptions.index("osl-10-1")
    assert exceptions.index("osl-10-1") < exceptions.index("osl-10-28")
    assert exceptions.index("osl-10-18a") < exceptions.index("osl-10-2")
    assert exceptions[-1] == "osl-10-27"


def test_every_trace_step_says_why() -> None:
    d = ask("school_staff", "police", information="pupil_support", facts=["harm_expected"])
    assert all(step.reason.strip() for step in d.trace)
    assert all(step.provision is None or step.provision.startswith(("OSL", "SoL", "JO", "BrB"))
               for step in d.trace)


def test_the_duty_to_report_outranks_consent() -> None:
    d = ask("school_health_medical", "social_services", subject_age=12, consent="written",
            facts=["child_may_be_suffering"])
    assert d.outcome is Outcome.OBLIGED
    assert {"osl-10-1", "osl-10-28"} <= set(applied(d))
    assert d.provisions[:1] == ("OSL 25:1",)
    assert "OSL 10:28" in d.provisions and "SoL 14:1" in d.provisions


def test_an_exception_that_cannot_break_the_secrecy_is_not_applied() -> None:
    d = ask("social_services", "police", setting="direct", subject_age=30,
            facts=["necessary_for_own_tasks"])
    # 10:2 breaks 26:1 and applies; 10:27 never does.
    assert d.outcome is Outcome.ALLOWED_AFTER_ASSESSMENT
    general = next(s for s in d.trace if s.rule == "osl-10-27")
    assert not general.applied and "OSL 26:1" in general.reason


@pytest.mark.parametrize(("age", "expected"), [(20, Outcome.ALLOWED), (21, Outcome.NOT_ALLOWED)])
def test_10_18a_reaches_those_under_21(age: int, expected: Outcome) -> None:
    d = ask("social_services", "police", subject_age=age,
            facts=["risk_of_criminal_activity", "helps_prevent"])
    assert d.outcome is expected


def test_10_18a_with_unknown_age_is_not_applied_and_asks_for_the_age() -> None:
    d = ask("social_services", "police", facts=["risk_of_criminal_activity", "helps_prevent"])
    assert d.outcome is Outcome.NOT_ALLOWED
    assert any("ålder" in w for w in d.warnings)


def test_10_18a_is_stopped_by_planned_interventions() -> None:
    d = ask("social_services", "police", subject_age=16,
            facts=["risk_of_criminal_activity", "helps_prevent", "inappropriate_given_interventions"])
    assert d.outcome is Outcome.NOT_ALLOWED
    assert "OSL 10:18a" in d.provisions  # named as the way that was tried and failed


def test_10_18a_does_not_reach_the_security_service() -> None:
    d = ask("social_services", "security_police", subject_age=16,
            facts=["risk_of_criminal_activity", "helps_prevent"])
    assert d.outcome is Outcome.NOT_ALLOWED
    step = next(s for s in d.trace if s.rule == "osl-10-18a")
    assert "Polismyndigheten" in step.reason


@pytest.mark.parametrize(("age", "expected"), [(17, Outcome.ALLOWED), (18, Outcome.NOT_ALLOWED)])
def test_10_20_reaches_those_under_18(age: int, expected: Outcome) -> None:
    d = ask("social_services", "police", subject_age=age,
            facts=["needed_for_immediate_intervention", "caught_committing_crime"])
    assert d.outcome is expected


def test_10_20_needs_the_immediate_intervention() -> None:
    d = ask("social_services", "police", subject_age=15, facts=["imminent_serious_risk"])
    assert d.outcome is Outcome.NOT_ALLOWED


def test_breaks_for_committed_crimes_are_explained_as_no_help_for_prevention() -> None:
    d = ask("social_services", "police", subject_age=16)
    crime = [s for s in d.trace if s.rule in ("osl-10-21", "osl-10-23")]
    assert crime and not any(s.applied for s in crime)
    assert "förebygg" in d.explanation or "vardande" in d.explanation


def test_the_meeting_rule_leaves_social_services_listening_even_with_necessity() -> None:
    d = ask("social_services", "school_staff", setting="cooperation_group",
            facts=["necessary_for_own_tasks"])
    assert d.outcome is Outcome.NOT_ALLOWED
    assert d.participation is Participation.LISTEN_ONLY
    assert "JO 1990/91 s. 369" in d.provisions


def test_other_student_health_may_take_part_after_the_general_clause() -> None:
    d = ask("school_health_other", "police", setting="cooperation_group", subject_age=15)
    assert d.outcome is Outcome.ALLOWED_AFTER_ASSESSMENT
    assert d.participation is Participation.PARTICIPATE
    assert {"OSL 23:2 st. 1", "OSL 10:27", "JO 1990/91 s. 369", "JO 2013/14 s. 238"} <= set(d.provisions)
    assert any("rutinmässigt" in w for w in d.warnings)


def test_the_general_clause_never_reaches_a_private_recipient() -> None:
    d = ask("police", "private", information="crime_prevention")
    assert d.outcome is Outcome.NOT_ALLOWED


def test_absolute_secrecy_is_not_lifted_by_the_general_clause() -> None:
    d = ask("police", "social_services", information="special_register")
    assert d.outcome is Outcome.NOT_ALLOWED
    assert "OSL 35:3" in d.provisions


def test_weak_secrecy_needs_expected_harm() -> None:
    open_ = ask("school_staff", "police", information="safety_and_study_peace")
    closed = ask("school_staff", "police", information="safety_and_study_peace", facts=["harm_expected"])
    assert open_.outcome is Outcome.ALLOWED
    assert closed.outcome is Outcome.ALLOWED_AFTER_ASSESSMENT


def test_strong_secrecy_yields_when_no_harm_is_evident() -> None:
    d = ask("social_services", "school_staff", facts=["no_harm_evident"])
    assert d.outcome is Outcome.ALLOWED


def test_oral_consent_is_enough_but_warned_about() -> None:
    d = ask("social_services", "police", setting="cooperation_group", consent="oral", subject_age=17)
    assert d.outcome is Outcome.ALLOWED
    assert d.participation is Participation.PARTICIPATE
    assert any("skriftligt" in w for w in d.warnings)
    assert any("vårdnadshavar" in w for w in d.warnings)


def test_a_de_identified_description_has_no_participation_and_a_real_anonymity_warning() -> None:
    d = ask("social_services", "police", setting="cooperation_group", identifiable=False)
    assert d.outcome is Outcome.ALLOWED
    assert d.participation is None
    assert "BrB 20:3" in d.provisions
    assert any("känna igen" in w for w in d.warnings)


def test_the_duty_to_report_never_works_in_a_group() -> None:
    d = ask("school_health_medical", "social_services", setting="cooperation_group", subject_age=14,
            facts=["child_may_be_suffering"])
    assert d.outcome is Outcome.NOT_ALLOWED
    assert d.participation is Participation.LISTEN_ONLY
    assert any("direkt" in w for w in d.warnings)


def test_the_duty_to_report_needs_a_child() -> None:
    assert ask("police", "social_services", subject_age=18,
               facts=["child_may_be_suffering"]).outcome is not Outcome.OBLIGED
    assert ask("police", "social_services", subject_age=None,
               facts=["child_may_be_suffering"]).outcome is Outcome.OBLIGED


def test_same_branch_needs_no_exception() -> None:
    d = ask("school_health_other", "school_staff", information="pupil_support")
    assert d.outcome is Outcome.ALLOWED
    assert rules_tried(d) == ["organisation"]


def test_medical_student_health_is_its_own_branch() -> None:
    d = ask("school_health_medical", "school_staff")
    assert d.outcome is Outcome.NOT_ALLOWED
    assert "OSL 25:1" in d.provisions


def test_two_district_committees_are_two_authorities() -> None:
    d = ask("social_services", "social_services", discloser_authority="sdn-norr",
            recipient_authority="sdn-soder")
    assert d.outcome is Outcome.NOT_ALLOWED
    assert "egen myndighet" in d.explanation


def test_a_missing_committee_is_assumed_the_same_and_said_so() -> None:
    d = ask("social_services", "social_services", discloser_authority="sdn-norr")
    assert d.outcome is Outcome.ALLOWED
    assert any("förutsätter att ni hör till samma nämnd" in w for w in d.warnings)
    named = ask("social_services", "social_services", discloser_authority="sdn-norr",
                recipient_authority="sdn-norr")
    assert not any("samma nämnd" in w for w in named.warnings)


def test_10_18a_is_not_offered_as_a_way_forward_for_those_21_or_older() -> None:
    young = ask("social_services", "police", subject_age=17)
    adult = ask("social_services", "police", subject_age=21)
    assert young.outcome is adult.outcome is Outcome.NOT_ALLOWED
    assert "OSL 10:18a" in young.provisions and "10:18a" in young.explanation
    assert "OSL 10:18a" not in adult.provisions and "10:18a" not in adult.explanation


def test_aliases_name_the_same_authority() -> None:
    d = ask("social_services", "social_services", discloser_authority="sdn-söder",
            recipient_authority="SDN-SODER")
    assert d.outcome is Outcome.ALLOWED


def test_leisure_and_social_services_of_one_district_are_separate_branches() -> None:
    d = ask("social_services", "leisure", discloser_authority="sdn-oster")
    assert d.outcome is Outcome.NOT_ALLOWED
    assert "OSL 8:2" in d.provisions


def test_social_resources_acting_on_delegation_belongs_to_that_district() -> None:
    from varna.law import assess, parse_question

    d = assess(parse_question({
        "on_date": "2016-02-01",
        "discloser": {"actor": "social_services", "authority": "sociala-resursnamnden",
                      "delegated_by": "sdn-norr"},
        "recipient": {"actor": "social_services", "authority": "sdn-norr"},
    }))
    assert d.outcome is Outcome.ALLOWED
    assert any("delegation" in w for w in d.warnings)


def test_unknown_fields_are_ignored_but_warned_about() -> None:
    d = ask("leisure", "police", subjct_age=15)
    assert any("subjct_age" in w for w in d.warnings)


def test_a_date_before_the_act_is_rejected() -> None:
    with pytest.raises(QuestionError) as info:
        ask("leisure", "police", on_date="2009-06-29")
    assert info.value.field == "on_date"


def test_every_not_allowed_decision_warns_of_breach_of_confidentiality() -> None:
    d = ask("school_health_medical", "police", subject_age=15)
    assert d.outcome is Outcome.NOT_ALLOWED
    assert "BrB 20:3" in d.provisions
    assert d.explanation.startswith("Frågan gäller")
