"""Properties that hold for every valid question, checked over the whole input space.

Hypothesis draws questions from every actor, setting, information kind, consent,
age, fact combination and date the rule base covers. Whatever the combination,
the engine must answer, explain itself and stay consistent with the contract.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from varna.law import (
    Actor,
    Consent,
    Fact,
    Information,
    Outcome,
    Participation,
    Setting,
    assess,
    default_rulebase,
    parse_question,
)

AUTHORITIES = [None, "sdn-norr", "sdn-soder", "sociala-resursnamnden", "grundskolenamnden",
               "polisen", "kommunstyrelsen", "okand-namnd"]
CITATIONS = {p.citation for p in default_rulebase().provisions if p.citation}


def party(actors: list[Actor]) -> st.SearchStrategy[dict[str, Any]]:
    return st.builds(
        lambda actor, authority: {"actor": actor.value, **({"authority": authority} if authority else {})},
        st.sampled_from(actors), st.sampled_from(AUTHORITIES),
    )


questions = st.fixed_dictionaries(
    {
        "on_date": st.dates(dt.date(2009, 6, 30), dt.date(2031, 12, 31)).map(dt.date.isoformat),
        "discloser": party([a for a in Actor if a is not Actor.PRIVATE]),
        "recipient": party(list(Actor)),
    },
    optional={
        "setting": st.sampled_from([s.value for s in Setting]),
        "information": st.sampled_from([i.value for i in Information]),
        "identifiable": st.booleans(),
        "known_to_all_present": st.booleans(),
        "subject_age": st.one_of(st.none(), st.integers(0, 130)),
        "consent": st.sampled_from([c.value for c in Consent]),
        "facts": st.lists(st.sampled_from([f.value for f in Fact]), unique=True),
    },
)


@settings(max_examples=600, deadline=None)
@given(questions)
def test_no_valid_question_crashes_and_every_answer_is_complete(data: dict[str, Any]) -> None:
    d = assess(parse_question(data))
    assert d.outcome in Outcome
    assert d.explanation.strip()
    assert d.trace
    assert d.rulebase == default_rulebase().version_for(dt.date.fromisoformat(data["on_date"])).id
    assert set(d.provisions) <= CITATIONS
    json.dumps(d.as_dict(), ensure_ascii=False)


@settings(max_examples=600, deadline=None)
@given(questions)
def test_every_decision_that_is_not_a_plain_yes_cites_a_provision(data: dict[str, Any]) -> None:
    d = assess(parse_question(data))
    if d.outcome is not Outcome.ALLOWED:
        assert d.provisions, d.as_dict()


@settings(max_examples=400, deadline=None)
@given(questions)
def test_participation_is_given_exactly_for_a_group_about_an_identifiable_person(
    data: dict[str, Any],
) -> None:
    q = parse_question(data)
    d = assess(q)
    about_person_in_group = q.setting is Setting.COOPERATION_GROUP and q.identifiable
    assert (d.participation is not None) is about_person_in_group
    if d.participation is Participation.LISTEN_ONLY:
        assert d.outcome is Outcome.NOT_ALLOWED


@settings(max_examples=400, deadline=None)
@given(questions)
def test_a_group_never_creates_a_duty(data: dict[str, Any]) -> None:
    q = parse_question({**data, "setting": "cooperation_group"})
    assert assess(q).outcome is not Outcome.OBLIGED


@settings(max_examples=400, deadline=None)
@given(questions)
def test_consent_or_anonymity_always_opens_the_way(data: dict[str, Any]) -> None:
    with_consent = assess(parse_question({**data, "consent": "written"}))
    anonymous = assess(parse_question({**data, "identifiable": False}))
    assert with_consent.outcome in (Outcome.ALLOWED, Outcome.OBLIGED)
    assert anonymous.outcome in (Outcome.ALLOWED, Outcome.OBLIGED)


@settings(max_examples=300, deadline=None)
@given(questions)
def test_the_engine_is_deterministic(data: dict[str, Any]) -> None:
    assert assess(parse_question(data)) == assess(parse_question(data))


@settings(max_examples=300, deadline=None)
@given(questions)
def test_social_services_never_speak_in_a_group_without_consent_anonymity_or_shared_knowledge(
    data: dict[str, Any],
) -> None:
    q = parse_question({**data, "setting": "cooperation_group", "consent": "none",
                        "identifiable": True, "known_to_all_present": False,
                        "discloser": {"actor": "social_services", "authority": "sdn-norr"}})
    d = assess(q)
    if q.recipient.actor is not Actor.SOCIAL_SERVICES and "no_harm_evident" not in data.get("facts", []):
        assert d.participation is Participation.LISTEN_ONLY
