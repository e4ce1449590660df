"""What the wizard may leave unasked: only what no rule in force could turn on.

The soundness test is the one that matters: for every pair of actors, setting, kind of
information and rule-base period, an answer the relevance functions call irrelevant
must never change the outcome or the participation in a cooperation group.
"""

from __future__ import annotations

import datetime as dt

import pytest

from varna.law import Actor, Consent, Fact, Information, Outcome, Participation, Party, Question, Setting
from varna.law.engine import default_engine
from varna.law.relevance import (
    PERSON_FIELDS,
    crosses_boundary,
    fact_sources,
    needs_authority,
    relevant_facts,
    relevant_information,
    relevant_person_fields,
)

DAY_2016 = dt.date(2016, 2, 1)
DAYS = (DAY_2016, dt.date(2022, 1, 1), dt.date(2026, 1, 1))
DISCLOSERS = [a for a in Actor if a is not Actor.PRIVATE]
# Person answers that some rule turns on; each is tried alone against the defaults.
PROFILES: tuple[dict[str, object], ...] = (
    {},
    {"subject_age": 15},
    {"subject_age": 19},
    {"consent": Consent.WRITTEN},
    {"identifiable": False},
    {"known_to_all_present": True},
)


def _context(discloser: Actor, recipient: Actor, setting: Setting, information: Information,
             day: dt.date) -> dict[str, object]:
    return {"discloser": Party(discloser), "recipient": Party(recipient), "setting": setting,
            "information": information, "on_date": day}


def _same_answer(a: Question, b: Question) -> bool:
    """Outcome and participation agree; a group talking about nobody in particular has no
    participation to state, which is the same as taking part when disclosure is allowed."""
    da, db = default_engine().assess(a), default_engine().assess(b)
    if da.outcome is not db.outcome:
        return False
    free = {None, Participation.PARTICIPATE}
    return da.participation is db.participation or {da.participation, db.participation} <= free


@pytest.mark.parametrize("day", DAYS, ids=str)
@pytest.mark.parametrize("discloser", DISCLOSERS, ids=str)
def test_an_answer_called_irrelevant_never_changes_the_decision(discloser: Actor, day: dt.date) -> None:
    for recipient in Actor:
        for setting in Setting:
            for information in relevant_information(discloser):
                context = _context(discloser, recipient, setting, information, day)
                facts = relevant_facts(**context)
                person = relevant_person_fields(**context)
                others = frozenset(f for f in Fact if f not in facts)
                for profile in PROFILES:
                    asked = {k: v for k, v in profile.items() if k in person}
                    for chosen in (frozenset(), frozenset(facts), *(frozenset({f}) for f in facts)):
                        wizard = Question(facts=chosen, **asked, **context)
                        full = Question(facts=chosen | others, **profile, **context)
                        assert _same_answer(wizard, full), (discloser, recipient, setting, information,
                                                            day, profile, sorted(chosen))


def test_police_kinds_of_information_are_offered_only_at_the_police() -> None:
    school = relevant_information(Actor.SCHOOL_STAFF)
    assert Information.POLICE_REGISTER not in school
    assert Information.PUPIL_SUPPORT in school
    assert Information.POLICE_REGISTER in relevant_information(Actor.POLICE)


def test_authorities_matter_between_two_social_services_but_not_towards_the_police() -> None:
    assert needs_authority(Actor.SOCIAL_SERVICES, Actor.SOCIAL_SERVICES)
    assert needs_authority(Actor.LEISURE, Actor.SOCIAL_SERVICES)
    assert not needs_authority(Actor.SOCIAL_SERVICES, Actor.POLICE)


def test_authorities_matter_wherever_the_default_assumes_one_authority() -> None:
    # Two teachers may work under different school committees, two youth leaders in
    # different districts; the default would hide the boundary.
    assert needs_authority(Actor.SCHOOL_STAFF, Actor.SCHOOL_STAFF)
    assert needs_authority(Actor.LEISURE, Actor.LEISURE)
    assert needs_authority(Actor.SCHOOL_HEALTH_MEDICAL, Actor.SCHOOL_STAFF)
    assert not needs_authority(Actor.SCHOOL_STAFF, Actor.PRIVATE)


def test_within_one_branch_nothing_more_is_asked() -> None:
    teacher, counsellor = Party(Actor.SCHOOL_STAFF), Party(Actor.SCHOOL_HEALTH_OTHER)
    assert not crosses_boundary(teacher, counsellor)
    context = {"discloser": teacher, "recipient": counsellor, "setting": Setting.DIRECT,
               "information": Information.PUPIL_SUPPORT, "on_date": DAY_2016}
    assert relevant_facts(**context) == []
    assert relevant_person_fields(**context) == []


def test_the_duty_to_report_is_asked_about_even_where_no_secrecy_protects_the_information() -> None:
    """A leisure worker's concern for a child must reach the duty to report (OSL 10:28)."""
    context = _context(Actor.LEISURE, Actor.SOCIAL_SERVICES, Setting.DIRECT,
                       Information.PERSONAL_CIRCUMSTANCES, DAY_2016)
    assert relevant_facts(**context) == [Fact.CHILD_MAY_BE_SUFFERING]
    assert relevant_person_fields(**context) == ["subject_age"]
    decision = default_engine().assess(Question(
        subject_age=12, facts=frozenset({Fact.CHILD_MAY_BE_SUFFERING}), **context))
    assert decision.outcome is Outcome.OBLIGED


def test_the_duty_is_not_asked_about_in_a_cooperation_group() -> None:
    context = _context(Actor.LEISURE, Actor.SOCIAL_SERVICES, Setting.COOPERATION_GROUP,
                       Information.PERSONAL_CIRCUMSTANCES, DAY_2016)
    assert relevant_facts(**context) == []


def test_social_services_to_the_police_asks_about_the_police_exceptions_and_names_them() -> None:
    context = _context(Actor.SOCIAL_SERVICES, Actor.POLICE, Setting.DIRECT,
                       Information.PERSONAL_CIRCUMSTANCES, DAY_2016)
    sources = fact_sources(**context)
    assert list(sources)[:2] == [Fact.RISK_OF_CRIMINAL_ACTIVITY, Fact.HELPS_PREVENT]
    assert "OSL 10:18a" in {p.citation for p in sources[Fact.RISK_OF_CRIMINAL_ACTIVITY]}
    assert "OSL 26:1" in {p.citation for p in sources[Fact.NO_HARM_EVIDENT]}
    assert Fact.HARM_EXPECTED not in sources  # social services secrecy has the reverse harm test
    assert Fact.RISK_OF_SERIOUS_CRIME_AGAINST_FAMILY_MEMBER not in sources  # OSL 10:18c is from 2021
    later = fact_sources(**{**context, "on_date": dt.date(2022, 1, 1)})
    assert Fact.RISK_OF_SERIOUS_CRIME_AGAINST_FAMILY_MEMBER in later


def test_in_a_group_the_age_is_asked_for_the_direct_channel_it_may_point_to() -> None:
    """OSL 10:18a works only directly, never in a group; the decision still points to it as a
    way forward – but only for someone under 21, so the age is asked in the group too."""
    direct = _context(Actor.SOCIAL_SERVICES, Actor.POLICE, Setting.DIRECT,
                      Information.PERSONAL_CIRCUMSTANCES, DAY_2016)
    assert relevant_person_fields(**direct) == list(PERSON_FIELDS)
    group = {**direct, "setting": Setting.COOPERATION_GROUP}
    assert relevant_person_fields(**group) == list(PERSON_FIELDS)
    assert Fact.RISK_OF_CRIMINAL_ACTIVITY not in relevant_facts(**group)
    young = default_engine().assess(Question(subject_age=16, **group))
    old = default_engine().assess(Question(subject_age=25, **group))
    assert "OSL 10:18a" in young.provisions
    assert "OSL 10:18a" not in old.provisions


def test_the_age_is_not_asked_where_no_age_limited_exception_fits_the_parties() -> None:
    context = _context(Actor.SCHOOL_STAFF, Actor.POLICE, Setting.DIRECT, Information.PUPIL_SUPPORT, DAY_2016)
    assert "subject_age" not in relevant_person_fields(**context)
