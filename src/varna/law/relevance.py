"""Which questions matter, given what is already known?

The wizard asks step by step and only what can change the answer. That judgement
is legal, not presentational: a fact is worth asking about only if some secrecy
provision or exception in force could turn on it for these parties. So it lives
here, next to the rules, and the web layer merely renders what it returns.
"""

from __future__ import annotations

import datetime as dt

from varna.law.engine import Engine, default_engine
from varna.law.model import Actor, Fact, Information, Outcome, Party, Setting
from varna.law.organisation import Relation
from varna.law.rulebase import Provision

POLICE_ONLY = frozenset({
    Information.PRELIMINARY_INVESTIGATION, Information.CRIME_PREVENTION,
    Information.POLICE_REGISTER, Information.SPECIAL_REGISTER, Information.CONTACT_BAN,
})
# The questions about the person, named and ordered as in the contract.
PERSON_FIELDS = ("identifiable", "known_to_all_present", "subject_age", "consent")


def relevant_information(discloser: Actor) -> list[Information]:
    """Information kinds that make sense for this holder (police kinds only at the police)."""
    police = discloser in (Actor.POLICE, Actor.SECURITY_POLICE)
    return [i for i in Information if police or i not in POLICE_ONLY]


def needs_authority(discloser: Actor, recipient: Actor, *, engine: Engine | None = None) -> bool:
    """Does the answer depend on which authority each side belongs to?

    Only where the contract's default puts both in one authority: two social services
    (each district committee is its own authority), a district's social services and
    its leisure, two school actors (the school committees are separate), two leisure
    workers of different districts. Between kinds that are always separate authorities,
    naming them changes nothing.
    """
    if not (discloser.is_authority and recipient.is_authority):
        return False
    engine = engine or default_engine()
    relation = engine.organisation.relate(Party(discloser), Party(recipient)).relation
    return relation in (Relation.SAME_BRANCH, Relation.OTHER_BRANCH)


def crosses_boundary(discloser: Party, recipient: Party, *, engine: Engine | None = None) -> bool:
    """Does the information leave its branch?

    Secrecy applies between authorities and between independent branches (OSL 8:1, 8:2),
    never inside one branch. When nothing is crossed, no answer about the information,
    the person or the circumstances can change the outcome, so none need be asked.
    """
    engine = engine or default_engine()
    return engine.organisation.relate(discloser, recipient).relation is not Relation.SAME_BRANCH


def _reach(
    *,
    discloser: Party,
    recipient: Party,
    setting: Setting,
    information: Information,
    on_date: dt.date,
    engine: Engine,
    any_setting: bool = False,
) -> tuple[list[Provision], list[Provision]]:
    """The secrecy provisions that can protect this information at this holder, and the
    exceptions that could then apply to these parties in this setting (in any setting
    with ``any_setting``: what could apply if the user chose another channel).

    With no secrecy to lift, only the duties to disclose remain – as in the engine, which
    still tries them: a teacher's concern for a child is a duty to report to social
    services whether or not any secrecy protects what the teacher knows.
    """
    if not crosses_boundary(discloser, recipient, engine=engine):
        return [], []
    rules = engine.rulebase.rules_for(on_date)
    holders = [
        p for p in rules.secrecy
        if (p.holders is None or discloser.actor in p.holders)
        and (p.information is None or information in p.information)
    ]
    exceptions: list[Provision] = []
    for p in rules.exceptions:
        c = p.when
        if p.scope is not None or (setting not in p.settings and not any_setting):
            continue
        if holders:
            if not any(p.breaks_secrecy(s.id) for s in holders):
                continue
        elif p.outcome is not Outcome.OBLIGED:
            continue
        if p.requires_duty and not any(d.id in p.requires_duty for d in rules.duties):
            continue
        if c.discloser is not None and discloser.actor not in c.discloser:
            continue
        if c.recipient is not None and recipient.actor not in c.recipient:
            continue
        if c.recipient_must_be_authority and not recipient.actor.is_authority:
            continue
        exceptions.append(p)
    return holders, exceptions


def fact_sources(
    *,
    discloser: Party,
    recipient: Party,
    setting: Setting,
    information: Information,
    on_date: dt.date,
    engine: Engine | None = None,
) -> dict[Fact, tuple[Provision, ...]]:
    """Each fact worth asking about, with the provisions in force that turn on it.

    The provisions let a form say why it asks; the order is the contract's order of facts.
    """
    holders, exceptions = _reach(
        discloser=discloser, recipient=recipient, setting=setting, information=information,
        on_date=on_date, engine=engine or default_engine(),
    )
    sources: dict[Fact, list[Provision]] = {}
    for p in holders:
        if p.harm_test == "reverse":
            sources.setdefault(Fact.NO_HARM_EVIDENT, []).append(p)
        elif p.harm_test == "straight":
            sources.setdefault(Fact.HARM_EXPECTED, []).append(p)
    for p in exceptions:
        c = p.when
        for fact in c.facts_all | c.facts_any | c.facts_none:
            sources.setdefault(fact, []).append(p)
    return {f: tuple(sources[f]) for f in Fact if f in sources}


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
    return list(fact_sources(
        discloser=discloser, recipient=recipient, setting=setting, information=information,
        on_date=on_date, engine=engine,
    ))


def relevant_person_fields(
    *,
    discloser: Party,
    recipient: Party,
    setting: Setting,
    information: Information,
    on_date: dt.date,
    engine: Engine | None = None,
) -> list[str]:
    """Which of the questions about the person could change the answer, in the contract's order.

    ``identifiable``, ``known_to_all_present`` and ``consent`` matter only when an exception
    that could apply looks at them – and ``identifiable`` also whenever a cooperation group
    meets about information under secrecy, since the meeting rule decides whether the
    discloser may take part or only listen. ``subject_age`` matters also for an age-limited
    exception that works only in the other setting: the decision points to it as a way
    forward (OSL 10:18a directly to the police) only if the person is young enough.
    """
    engine = engine or default_engine()
    holders, exceptions = _reach(
        discloser=discloser, recipient=recipient, setting=setting, information=information,
        on_date=on_date, engine=engine,
    )
    _, anywhere = _reach(
        discloser=discloser, recipient=recipient, setting=setting, information=information,
        on_date=on_date, engine=engine, any_setting=True,
    )
    wanted: set[str] = set()
    if holders and setting is Setting.COOPERATION_GROUP:
        wanted.add("identifiable")
    for p in exceptions:
        c = p.when
        if c.identifiable is not None:
            wanted.add("identifiable")
        if c.known_to_all_present is not None:
            wanted.add("known_to_all_present")
        if c.consent_in is not None:
            wanted.add("consent")
    if any(p.when.age_below is not None for p in anywhere):
        wanted.add("subject_age")
    return [name for name in PERSON_FIELDS if name in wanted]
