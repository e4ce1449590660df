"""Which questions matter, given what is already known?

The wizard asks step by step and only what can change the answer. That judgement
is legal, not presentational: a fact is worth asking about only if some secrecy
provision or exception in force could turn on it for these parties. So it lives
here, next to the rules, and the web layer merely renders what it returns.
"""

from __future__ import annotations

import datetime as dt

from varna.law.engine import Engine, default_engine
from varna.law.model import Actor, Fact, Information, Party, Setting
from varna.law.organisation import Relation

POLICE_ONLY = frozenset({
    Information.PRELIMINARY_INVESTIGATION, Information.CRIME_PREVENTION,
    Information.POLICE_REGISTER, Information.SPECIAL_REGISTER, Information.CONTACT_BAN,
})


def relevant_information(discloser: Actor) -> list[Information]:
    """Information kinds that make sense for this holder (police kinds only at the police)."""
    police = discloser in (Actor.POLICE, Actor.SECURITY_POLICE)
    return [i for i in Information if police or i not in POLICE_ONLY]


def needs_authority(discloser: Actor, recipient: Actor) -> bool:
    """Does the answer depend on which authority each side belongs to?

    Two social services (each district committee is its own authority), or school
    actors that may sit in different school committees.
    """
    school = {Actor.SCHOOL_STAFF, Actor.SCHOOL_HEALTH_OTHER, Actor.SCHOOL_HEALTH_MEDICAL}
    if discloser is Actor.SOCIAL_SERVICES and recipient is Actor.SOCIAL_SERVICES:
        return True
    if {discloser, recipient} == {Actor.SOCIAL_SERVICES, Actor.LEISURE}:
        return True
    return discloser in school and recipient in school and discloser is not recipient


def relevant_facts(
    *,
    discloser: Party,
    recipient: Party,
    setting: Setting,
    information: Information,
    on_date: dt.date,
    engine: Engine | None = None,
) -> list[Fact]:
    """Facts that some provision in force could turn on for these parties, in a stable order."""
    engine = engine or default_engine()
    rules = engine.rulebase.rules_for(on_date)
    relation = engine.organisation.relate(discloser, recipient).relation
    if relation is Relation.SAME_BRANCH:
        return []
    wanted: set[Fact] = set()
    holders = [
        p for p in rules.secrecy
        if (p.holders is None or discloser.actor in p.holders)
        and (p.information is None or information in p.information)
    ]
    for p in holders:
        if p.harm_test == "reverse":
            wanted.add(Fact.NO_HARM_EVIDENT)
        elif p.harm_test == "straight":
            wanted.add(Fact.HARM_EXPECTED)
    if not holders:
        return []
    for p in rules.exceptions:
        c = p.when
        if p.scope is not None or setting not in p.settings:
            continue
        if not any(p.breaks_secrecy(s.id) for s in holders):
            continue
        if c.discloser is not None and discloser.actor not in c.discloser:
            continue
        if c.recipient is not None and recipient.actor not in c.recipient:
            continue
        if c.recipient_must_be_authority and not recipient.actor.is_authority:
            continue
        wanted |= c.facts_all | c.facts_any | c.facts_none
    return [f for f in Fact if f in wanted]
