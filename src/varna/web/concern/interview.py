"""Which steps the interview asks, given the answers so far – and the answers as a concern.

Five short steps, each one screen, all in the query string: who you are; where you
work (the kind of workplace only when your role can have several, the district only
when the municipality has districts); the young person's age band; what you have
seen or heard; how serious it is. An answer that no longer fits an earlier one (a
workplace after the role changed) is dropped and asked again, never silently used.

No Django here: the municipality is passed in, so the flow can be tested without a
request, like the sharing wizard's ``wizard`` module it is modelled on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

from varna.guide.concern import (
    ROLE_WORKPLACES,
    AgeBand,
    Category,
    Concern,
    Seriousness,
    Workplace,
    needs_workplace,
)
from varna.guide.model import Municipality, Role

# The answer "something else" to what was seen or heard: counts as an answer, changes no level.
OTHER = "other"


class Step(StrEnum):
    ROLE = "role"
    PLACE = "place"
    PERSON = "person"
    OBSERVED = "observed"
    SERIOUSNESS = "seriousness"


STEP_FIELDS: dict[Step, tuple[str, ...]] = {
    Step.ROLE: ("role",),
    Step.PLACE: ("workplace", "district"),
    Step.PERSON: ("age",),
    Step.OBSERVED: ("observed",),
    Step.SERIOUSNESS: ("seriousness",),
}
FIELD_STEP: dict[str, Step] = {name: step for step, names in STEP_FIELDS.items() for name in names}


@dataclass(frozen=True, slots=True)
class Answers:
    """What the user has answered so far; ``None`` (or empty) means not validly answered.

    ``district`` is what was chosen – a district id or a neighbourhood name – already
    checked against the municipality; ``observed`` may hold :data:`OTHER`.
    """

    role: Role | None = None
    workplace: Workplace | None = None
    district: str | None = None
    age: AgeBand | None = None
    observed: frozenset[str] = frozenset()
    seriousness: Seriousness | None = None

    def has(self, name: str) -> bool:
        if name == "observed":
            return bool(self.observed)
        return getattr(self, name) is not None


@dataclass(frozen=True, slots=True)
class Plan:
    """The steps to ask, the fields each shows, and answers dropped because they no longer fit."""

    answers: Answers
    steps: tuple[Step, ...]
    fields: dict[Step, tuple[str, ...]]
    dropped: tuple[str, ...] = ()

    def answered(self, step: Step) -> bool:
        return all(self.answers.has(name) for name in self.fields[step])

    def first_unanswered(self) -> Step | None:
        return next((s for s in self.steps if not self.answered(s)), None)

    @property
    def complete(self) -> bool:
        return self.first_unanswered() is None


def plan(answers: Answers, *, municipality: Municipality) -> Plan:
    """The steps for these answers; a workplace that does not go with the role is dropped."""
    dropped: list[str] = []
    a = answers
    place: list[str] = []
    role = a.role
    if role is None:
        place.append("workplace")  # not known yet whether it will be asked
    elif needs_workplace(role):
        place.append("workplace")
        if a.workplace is not None and a.workplace not in ROLE_WORKPLACES[role]:
            dropped.append("workplace")
            a = replace(a, workplace=None)
    else:
        # One workplace for the role: it is the answer, and nothing is asked.
        a = replace(a, workplace=ROLE_WORKPLACES[role][0])
    if municipality.districts:
        place.append("district")
    steps = [Step.ROLE]
    fields: dict[Step, tuple[str, ...]] = {Step.ROLE: ("role",)}
    if place:
        steps.append(Step.PLACE)
        fields[Step.PLACE] = tuple(place)
    for step in (Step.PERSON, Step.OBSERVED, Step.SERIOUSNESS):
        steps.append(step)
        fields[step] = STEP_FIELDS[step]
    return Plan(answers=a, steps=tuple(steps), fields=fields, dropped=tuple(dropped))


def concern_of(answers: Answers) -> Concern:
    """The complete answers as the guide's :class:`Concern` ("something else" changes nothing)."""
    a = answers
    if a.role is None or a.workplace is None or a.age is None or a.seriousness is None:
        raise ValueError("the answers are not complete")
    return Concern(
        role=a.role,
        workplace=a.workplace,
        district=a.district,
        age_band=a.age,
        observed=frozenset(Category(v) for v in a.observed if v != OTHER),
        seriousness=a.seriousness,
    )


def query_items(answers: Answers, *, leave_out: Iterable[str] = ()) -> list[tuple[str, str]]:
    """The answers as query parameters, in the order of the steps – the one spelling used by
    hidden fields, "change" links and the link to the answer."""
    skip = set(leave_out)
    items: list[tuple[str, str]] = []
    a = answers
    for name, value in (("role", a.role), ("workplace", a.workplace), ("district", a.district),
                        ("age", a.age)):
        if name not in skip and value is not None:
            items.append((name, str(value)))
    if "observed" not in skip:
        order = [c.value for c in Category] + [OTHER]
        items.extend(("observed", v) for v in order if v in a.observed)
    if "seriousness" not in skip and a.seriousness is not None:
        items.append(("seriousness", a.seriousness.value))
    return items


def current_step(plan: Plan, *, error_fields: Iterable[str], requested: Step | None) -> Step:
    """The step to show: the first with an error, else the one asked for, else the next unanswered.

    A step asked for by a "change" link is shown only when every step before it is
    answered, so a hand-made link cannot skip a question. With everything answered
    and nothing submitted, the last step is shown so that any answer can be changed.
    """
    errored = {FIELD_STEP[name] for name in error_fields if name in FIELD_STEP}
    for step in plan.steps:
        if step in errored:
            return step
    if requested is not None and requested in plan.steps:
        before = plan.steps[: plan.steps.index(requested)]
        if all(plan.answered(s) for s in before):
            return requested
    first = plan.first_unanswered()
    return first if first is not None else plan.steps[-1]
