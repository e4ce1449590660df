"""Which steps the wizard asks, and which fields each shows, given the answers so far.

The legal judgement of what can change an answer lives in ``varna.law.relevance``;
this module applies it to a half-filled question. It also *settles* the answers:
when an earlier answer changes, later answers that no longer apply (a police kind of
information after the discloser became a school, an authority that no longer
matters) are dropped rather than silently used, and the step that needs them is
asked again. No Django here beyond the organisation read from the selectors, so the
whole flow can be tested without a request.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from varna.law import Actor, Consent, Fact, Information, Party, Setting
from varna.law.relevance import (
    crosses_boundary,
    fact_sources,
    needs_authority,
    relevant_information,
    relevant_person_fields,
)
from varna.law.rulebase import Provision
from varna.web.sharing.selectors import authorities_for, delegating_authorities, delegation_targets

# The answer "I do not know which authority" (the engine then assumes the default organisation).
UNSPECIFIED = "unspecified"
# The answer "not on delegation".
NO_DELEGATION = "none"
YES, NO = "yes", "no"


class Step(StrEnum):
    DISCLOSER = "discloser"
    RECIPIENT = "recipient"
    ORGANISATION = "organisation"
    DELEGATION = "delegation"
    SETTING = "setting"
    INFORMATION = "information"
    PERSON = "person"
    FACTS = "facts"


# Every field a step can show, in the order it shows them. The query uses the same names.
STEP_FIELDS: dict[Step, tuple[str, ...]] = {
    Step.DISCLOSER: ("discloser",),
    Step.RECIPIENT: ("recipient",),
    Step.ORGANISATION: ("discloser_authority", "recipient_authority"),
    Step.DELEGATION: ("discloser_delegated_by", "recipient_delegated_by"),
    Step.SETTING: ("setting", "on_date"),
    Step.INFORMATION: ("information",),
    Step.PERSON: ("identifiable", "known_to_all_present", "subject_age", "consent"),
    Step.FACTS: ("facts",),
}
FIELD_STEP: dict[str, Step] = {name: step for step, names in STEP_FIELDS.items() for name in names}
FIELD_STEP["age_unknown"] = Step.PERSON  # the other half of the age question


@dataclass(frozen=True, slots=True)
class Answers:
    """What the user has answered so far; ``None`` means not (validly) answered."""

    discloser: Actor | None = None
    recipient: Actor | None = None
    discloser_authority: str | None = None  # an authority id, or UNSPECIFIED
    recipient_authority: str | None = None
    discloser_delegated_by: str | None = None  # a district committee id, or NO_DELEGATION
    recipient_delegated_by: str | None = None
    setting: Setting | None = None
    on_date: dt.date | None = None
    information: Information | None = None
    identifiable: bool | None = None
    known_to_all_present: bool | None = None
    subject_age: int | None = None
    age_unknown: bool = False
    consent: Consent | None = None
    facts: frozenset[Fact] = frozenset()

    def has(self, name: str) -> bool:
        """Is the field answered? The age is answered by a number or by "I do not know"."""
        if name == "subject_age":
            return self.subject_age is not None or self.age_unknown
        if name == "facts":
            return bool(self.facts)
        return getattr(self, name) is not None


@dataclass(frozen=True, slots=True)
class Plan:
    """The wizard's view of a half-filled question.

    ``steps`` are the steps to ask in order – those known to matter, and those whose
    relevance is not known yet because an earlier answer is missing. ``fields`` says
    which fields a step shows now; a step known not to matter has none and is not in
    ``steps``.
    """

    answers: Answers
    steps: tuple[Step, ...]
    fields: dict[Step, tuple[str, ...]]
    determined: frozenset[Step]  # steps whose fields are known, not guessed
    information_choices: tuple[Information, ...]
    facts: dict[Fact, tuple[Provision, ...]]
    dropped: tuple[str, ...] = field(default=())

    def answered(self, step: Step, *, facts_submitted: bool) -> bool:
        """Have all the fields the step shows been answered?

        The circumstances cannot be told apart from "none of these apply" by their
        values, so that step counts as answered only once its form was submitted.
        """
        if step is Step.FACTS:
            return facts_submitted
        if step not in self.determined:
            return False
        return all(self.answers.has(name) for name in self.fields[step])

    def first_unanswered(self, *, facts_submitted: bool) -> Step | None:
        return next((s for s in self.steps if not self.answered(s, facts_submitted=facts_submitted)), None)

    def complete(self, *, facts_submitted: bool) -> bool:
        return self.first_unanswered(facts_submitted=facts_submitted) is None


def _party(actor: Actor, authority: str | None, delegated_by: str | None) -> Party:
    return Party(
        actor=actor,
        authority=None if authority in (None, UNSPECIFIED) else authority,
        delegated_by=None if delegated_by in (None, NO_DELEGATION) else delegated_by,
    )


def discloser_party(answers: Answers) -> Party | None:
    if answers.discloser is None:
        return None
    return _party(answers.discloser, answers.discloser_authority, answers.discloser_delegated_by)


def recipient_party(answers: Answers) -> Party | None:
    if answers.recipient is None:
        return None
    return _party(answers.recipient, answers.recipient_authority, answers.recipient_delegated_by)


def authority_choices(actor: Actor) -> tuple[str, ...]:
    return (*(a.id for a in authorities_for(actor)), UNSPECIFIED)


def delegation_choices() -> tuple[str, ...]:
    return (NO_DELEGATION, *(a.id for a in delegating_authorities()))


class _Settler:
    """Drops answers that no longer apply, remembering which, while the plan is built."""

    def __init__(self, answers: Answers) -> None:
        self.answers = answers
        self.dropped: list[str] = []

    def drop(self, names: Iterable[str], *, quietly: bool = False) -> None:
        for name in names:
            if not self.answers.has(name):
                continue
            if not quietly:
                self.dropped.append(name)
            if name == "subject_age":
                self.answers = replace(self.answers, subject_age=None, age_unknown=False)
            elif name == "facts":
                self.answers = replace(self.answers, facts=frozenset())
            else:
                cleared: dict[str, Any] = {name: None}
                self.answers = replace(self.answers, **cleared)

    def keep_if(self, name: str, allowed: Iterable[object]) -> None:
        if self.answers.has(name) and getattr(self.answers, name) not in set(allowed):
            self.drop([name])


def plan(answers: Answers) -> Plan:
    """Work out the steps for these answers, dropping answers that no longer apply."""
    s = _Settler(answers)
    steps: list[Step] = [Step.DISCLOSER, Step.RECIPIENT]
    fields: dict[Step, tuple[str, ...]] = {Step.DISCLOSER: ("discloser",), Step.RECIPIENT: ("recipient",)}
    determined = {Step.DISCLOSER, Step.RECIPIENT}
    d, r = s.answers.discloser, s.answers.recipient

    # Which authority each side belongs to, only where that can move a secrecy boundary.
    if d is None or r is None:
        steps.append(Step.ORGANISATION)  # may matter; asked once both actors are known
    elif needs_authority(d, r):
        steps.append(Step.ORGANISATION)
        fields[Step.ORGANISATION] = STEP_FIELDS[Step.ORGANISATION]
        determined.add(Step.ORGANISATION)
        s.keep_if("discloser_authority", authority_choices(d))
        s.keep_if("recipient_authority", authority_choices(r))
    else:
        s.drop(STEP_FIELDS[Step.ORGANISATION])
        determined.add(Step.ORGANISATION)

    # Delegation matters only for an authority that acts on another's delegation.
    targets = delegation_targets()
    delegated = tuple(
        f"{side}_delegated_by" for side in ("discloser", "recipient")
        if getattr(s.answers, f"{side}_authority") in targets
    )
    s.drop([n for n in STEP_FIELDS[Step.DELEGATION] if n not in delegated])
    for name in delegated:
        s.keep_if(name, delegation_choices())
    if delegated:
        steps.append(Step.DELEGATION)
        fields[Step.DELEGATION] = delegated
    authorities_known = Step.ORGANISATION in determined and all(
        s.answers.has(n) for n in fields.get(Step.ORGANISATION, ())
    )
    if authorities_known:
        determined.add(Step.DELEGATION)
    organisation_known = authorities_known and all(s.answers.has(n) for n in delegated)

    steps.append(Step.SETTING)
    fields[Step.SETTING] = STEP_FIELDS[Step.SETTING]
    determined.add(Step.SETTING)

    discloser, recipient = discloser_party(s.answers), recipient_party(s.answers)
    crosses: bool | None = None
    if organisation_known and discloser is not None and recipient is not None:
        crosses = crosses_boundary(discloser, recipient)

    information_choices = tuple(relevant_information(d) if d is not None else Information)
    facts: dict[Fact, tuple[Provision, ...]] = {}
    if crosses is False:
        # Within one branch secrecy does not apply: nothing about the information matters.
        s.drop(("information", *STEP_FIELDS[Step.PERSON]))
        s.drop(["facts"], quietly=True)
        determined |= {Step.INFORMATION, Step.PERSON, Step.FACTS}
    else:
        steps.append(Step.INFORMATION)
        fields[Step.INFORMATION] = ("information",)
        determined.add(Step.INFORMATION)
        if d is not None:
            s.keep_if("information", information_choices)
        a = s.answers
        if (crosses and discloser is not None and recipient is not None and a.setting is not None
                and a.on_date is not None and a.information is not None):
            person = tuple(relevant_person_fields(
                discloser=discloser, recipient=recipient, setting=a.setting, information=a.information,
                on_date=a.on_date,
            ))
            s.drop([n for n in STEP_FIELDS[Step.PERSON] if n not in person])
            if person:
                steps.append(Step.PERSON)
                fields[Step.PERSON] = person
            facts = fact_sources(
                discloser=discloser, recipient=recipient, setting=a.setting, information=a.information,
                on_date=a.on_date,
            )
            if s.answers.facts - set(facts):
                # Circumstances that no longer matter are not worth a notice: they were ticked
                # for another situation and cannot change this answer.
                s.answers = replace(s.answers, facts=s.answers.facts & frozenset(facts))
            if facts:
                steps.append(Step.FACTS)
                fields[Step.FACTS] = ("facts",)
            determined |= {Step.PERSON, Step.FACTS}
        else:
            steps += [Step.PERSON, Step.FACTS]  # may matter; asked once the situation is known

    return Plan(
        answers=s.answers,
        steps=tuple(steps),
        fields=fields,
        determined=frozenset(determined),
        information_choices=information_choices,
        facts=facts,
        dropped=tuple(s.dropped),
    )


def query_items(answers: Answers, *, leave_out: Iterable[str] = ()) -> list[tuple[str, str]]:
    """The answers as query parameters, in the order of the steps.

    This is the one spelling of a question in a URL: hidden fields, the link back to
    the wizard and the link to the PDF all use it, so each carries only answers that
    still apply.
    """
    skip = set(leave_out)
    items: list[tuple[str, str]] = []

    def add(name: str, value: object) -> None:
        if name in skip or value is None:
            return
        if isinstance(value, bool):
            value = YES if value else NO
        elif isinstance(value, dt.date):
            value = value.isoformat()
        items.append((name, str(value)))

    a = answers
    add("discloser", a.discloser)
    add("discloser_authority", a.discloser_authority)
    add("discloser_delegated_by", a.discloser_delegated_by)
    add("recipient", a.recipient)
    add("recipient_authority", a.recipient_authority)
    add("recipient_delegated_by", a.recipient_delegated_by)
    add("setting", a.setting)
    add("on_date", a.on_date)
    add("information", a.information)
    add("identifiable", a.identifiable)
    add("known_to_all_present", a.known_to_all_present)
    add("subject_age", a.subject_age)
    if a.age_unknown and "subject_age" not in skip:
        items.append(("age_unknown", YES))
    add("consent", a.consent)
    if "facts" not in skip:
        items.extend(("facts", f.value) for f in Fact if f in a.facts)
    return items


def question_document(answers: Answers) -> dict[str, object]:
    """The answers as the contract's JSON question, for ``parse_question``.

    Fields the wizard did not ask are left out, so the engine applies the contract's
    defaults – the same answer the API would give for the same question.
    """
    a = answers
    doc: dict[str, object] = {}
    if a.on_date is not None:
        doc["on_date"] = a.on_date.isoformat()
    for side, party in (("discloser", discloser_party(a)), ("recipient", recipient_party(a))):
        if party is None:
            continue
        entry: dict[str, object] = {"actor": party.actor.value}
        if party.authority is not None:
            entry["authority"] = party.authority
        if party.delegated_by is not None:
            entry["delegated_by"] = party.delegated_by
        doc[side] = entry
    if a.setting is not None:
        doc["setting"] = a.setting.value
    if a.information is not None:
        doc["information"] = a.information.value
    if a.identifiable is not None:
        doc["identifiable"] = a.identifiable
    if a.known_to_all_present is not None:
        doc["known_to_all_present"] = a.known_to_all_present
    if a.subject_age is not None:
        doc["subject_age"] = a.subject_age
    if a.consent is not None:
        doc["consent"] = a.consent.value
    if a.facts:
        doc["facts"] = [f.value for f in Fact if f in a.facts]
    return doc


def current_step(
    plan: Plan,
    *,
    error_fields: Iterable[str],
    submitted: Step | None,
    requested: Step | None,
) -> Step:
    """The step to show: the first with an error, else the one asked for, else the next unanswered.

    A step asked for by an "edit" link is shown only if every step before it is
    answered, so a hand-made link cannot skip a question that matters. When all is
    answered and nothing was submitted (the link back from the answer), the last step
    is shown with the answers so far, so any of them can be changed.
    """
    errored = {FIELD_STEP[name] for name in error_fields if name in FIELD_STEP}
    for step in plan.steps:
        if step in errored and step in plan.determined:
            return step
    if requested is not None and requested in plan.steps and requested in plan.determined:
        before = plan.steps[: plan.steps.index(requested)]
        if all(plan.answered(s, facts_submitted=True) for s in before):
            return requested
    first = plan.first_unanswered(facts_submitted=submitted is Step.FACTS)
    return first if first is not None else plan.steps[-1]
