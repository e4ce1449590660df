"""The rule base as typed, immutable objects, and the choice of what is in force when.

Loading validates first (``check.py``) and refuses a rule base with problems: an
engine answering from half-valid data would be worse than one that does not start.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from varna.law.check import RawEntry, check_rules
from varna.law.model import Actor, Consent, Fact, Information, Outcome, Setting

DEFAULT_RULES_DIR = Path(__file__).parent / "rules"


class RuleBaseError(Exception):
    """The rule base on disk has problems; each is listed with file, entry and field."""

    def __init__(self, problems: list[Any]) -> None:
        self.problems = problems
        lines = "\n".join(f"  {p}" for p in problems)
        super().__init__(f"the rule base has {len(problems)} problem(s):\n{lines}")


@dataclass(frozen=True, slots=True)
class InForce:
    start: dt.date | None
    end: dt.date | None

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class Conditions:
    """The `when` of an exception. ``None`` means the condition is not used."""

    discloser: frozenset[Actor] | None = None
    recipient: frozenset[Actor] | None = None
    recipient_must_be_authority: bool = False
    age_below: int | None = None
    age_unknown_met: bool = False
    facts_all: frozenset[Fact] = frozenset()
    facts_any: frozenset[Fact] = frozenset()
    facts_none: frozenset[Fact] = frozenset()
    consent_in: frozenset[Consent] | None = None
    identifiable: bool | None = None
    known_to_all_present: bool | None = None


@dataclass(frozen=True, slots=True)
class Provision:
    """One entry of the rule base; which fields matter depends on ``kind``."""

    id: str
    citation: str | None
    title_sv: str
    kind: str
    in_force: InForce
    version: str
    status: str
    source: dict[str, str]
    summary_sv: str
    file: str
    line: int
    cite_with: tuple[str, ...] = ()
    replaces: str | None = None
    # secrecy
    strength: str | None = None
    harm_test: str | None = None
    holders: frozenset[Actor] | None = None
    information: frozenset[Information] | None = None
    open_towards_same_authority: frozenset[Actor] = frozenset()
    # breaking / principle
    order: int = 0
    outcome: Outcome | None = None
    breaks: frozenset[str] | None = None
    breaks_except: frozenset[str] = frozenset()
    settings: frozenset[Setting] = frozenset()
    when: Conditions = Conditions()
    requires_duty: tuple[str, ...] = ()
    scope: str | None = None
    applies_sv: str = ""
    not_applicable_sv: str = ""
    warnings_sv: tuple[str, ...] = ()
    # meeting
    secrecy: frozenset[str] = frozenset()
    lifted_only_by: frozenset[str] = frozenset()
    # pending
    touches_discloser: frozenset[Actor] | None = None
    touches_recipient: frozenset[Actor] | None = None
    touches_any_authority: bool = False

    @property
    def label(self) -> str:
        """How the entry is named to a person: its citation, or its title."""
        return self.citation or self.title_sv

    def breaks_secrecy(self, secrecy_id: str) -> bool:
        if self.breaks is not None:
            return secrecy_id in self.breaks
        return secrecy_id not in self.breaks_except


@dataclass(frozen=True, slots=True)
class Version:
    id: str
    answers_from: dt.date
    reviewed_on: dt.date
    reviewed_by: str
    summary_sv: str


@dataclass(frozen=True, slots=True)
class RuleSet:
    """What one rule-base version holds in force on one day, ready for the engine."""

    version: Version
    latest_review: dt.date
    secrecy: tuple[Provision, ...]
    exceptions: tuple[Provision, ...]
    duties: tuple[Provision, ...]
    meeting: tuple[Provision, ...]
    pending: tuple[Provision, ...]
    by_id: dict[str, Provision]


def _actors(value: Any) -> frozenset[Actor] | None:
    if value is None or value == "all" or value == "authority":
        return None
    return frozenset(Actor(v) for v in value)


def _facts(value: Any) -> frozenset[Fact]:
    return frozenset(Fact(v) for v in value or ())


def _conditions(raw: dict[str, Any] | None) -> Conditions:
    raw = raw or {}
    consent = raw.get("consent_in")
    return Conditions(
        discloser=_actors(raw.get("discloser")),
        recipient=_actors(raw.get("recipient")),
        recipient_must_be_authority=raw.get("recipient") == "authority",
        age_below=raw.get("age_below"),
        age_unknown_met=raw.get("age_unknown") == "met",
        facts_all=_facts(raw.get("facts_all")),
        facts_any=_facts(raw.get("facts_any")),
        facts_none=_facts(raw.get("facts_none")),
        consent_in=frozenset(Consent(c) for c in consent) if consent else None,
        identifiable=raw.get("identifiable"),
        known_to_all_present=raw.get("known_to_all_present"),
    )


def _provision(entry: RawEntry) -> Provision:
    d = entry.data
    in_force = d.get("in_force") or {}
    touches = d.get("touches") or {}
    information = d.get("information")
    outcome = d.get("outcome")
    breaks = d.get("breaks")
    return Provision(
        id=d["id"],
        citation=d.get("citation"),
        title_sv=d["title_sv"],
        kind=d["kind"],
        in_force=InForce(in_force.get("from"), in_force.get("to")),
        version=d["version"],
        status=d["status"],
        source={k: str(v) for k, v in (d.get("source") or {}).items()},
        summary_sv=" ".join(str(d["summary_sv"]).split()),
        file=entry.file,
        line=entry.line,
        cite_with=tuple(d.get("cite_with") or ()),
        replaces=d.get("replaces"),
        strength=d.get("strength"),
        harm_test=d.get("harm_test"),
        holders=_actors(d.get("holders")),
        information=None if information in (None, "all")
        else frozenset(Information(i) for i in information),
        open_towards_same_authority=_actors(d.get("open_towards_same_authority")) or frozenset(),
        order=int(d.get("order") or 0),
        outcome=Outcome(outcome) if outcome else None,
        breaks=None if breaks in (None, "all") and "breaks_except" in d
        else (None if breaks == "all" else frozenset(breaks or ())),
        breaks_except=frozenset(d.get("breaks_except") or ()),
        settings=frozenset(Setting(s) for s in d.get("settings") or ()),
        when=_conditions(d.get("when")),
        requires_duty=tuple(d.get("requires_duty") or ()),
        scope=d.get("scope"),
        applies_sv=" ".join(str(d.get("applies_sv") or "").split()),
        not_applicable_sv=" ".join(str(d.get("not_applicable_sv") or "").split()),
        warnings_sv=tuple(" ".join(str(w).split()) for w in d.get("warnings_sv") or ()),
        secrecy=frozenset(d.get("secrecy") or ()),
        lifted_only_by=frozenset(d.get("lifted_only_by") or ()),
        touches_discloser=_actors(touches.get("discloser")),
        touches_recipient=_actors(touches.get("recipient")),
        touches_any_authority=touches.get("recipient") == "authority",
    )


class RuleBase:
    """All versions and entries of one rule-base directory."""

    def __init__(
        self,
        versions: tuple[Version, ...],
        provisions: tuple[Provision, ...],
        organisation: dict[str, Any],
        vocabulary: dict[str, Any],
    ) -> None:
        self.versions = versions
        self.provisions = provisions
        self.by_id = {p.id: p for p in provisions}
        self.organisation = organisation
        self.vocabulary = vocabulary
        self.earliest = versions[0].answers_from
        self.latest_review = max(v.reviewed_on for v in versions)
        # The law changes only on a few days: when a version starts answering, and when an
        # entry comes into or goes out of force. Between two such days everything is the same,
        # so one RuleSet serves the whole interval (and the engine's plans can be shared).
        changes = {v.answers_from for v in versions}
        for p in provisions:
            if p.in_force.start is not None:
                changes.add(p.in_force.start)
            if p.in_force.end is not None and p.in_force.end < dt.date.max:
                changes.add(p.in_force.end + dt.timedelta(days=1))
        self._changes = sorted(changes)
        self._rulesets: dict[int, RuleSet] = {}

    def version_for(self, day: dt.date) -> Version:
        chosen = self.versions[0]
        for version in self.versions:
            if version.answers_from <= day:
                chosen = version
        return chosen

    def rules_for(self, day: dt.date) -> RuleSet:
        """The rule set in force on ``day`` (cached: the engine asks per question)."""
        interval = bisect.bisect_right(self._changes, day)
        cached = self._rulesets.get(interval)
        if cached is not None:
            return cached
        day = self._changes[interval - 1] if interval else day  # any day of the interval will do
        version = self.version_for(day)
        allowed_versions = {v.id for v in self.versions if v.answers_from <= version.answers_from}

        def usable(p: Provision) -> bool:
            if p.version not in allowed_versions:
                return False
            if p.kind == "pending":
                return True  # pending entries decide nothing; they are filtered when warning
            return p.in_force.covers(day)

        live = [p for p in self.provisions if usable(p)]
        ruleset = RuleSet(
            version=version,
            latest_review=self.latest_review,
            secrecy=tuple(p for p in live if p.kind == "secrecy"),
            exceptions=tuple(sorted((p for p in live if p.kind in ("breaking", "principle")),
                                    key=lambda p: p.order)),
            duties=tuple(p for p in live if p.kind == "duty"),
            meeting=tuple(p for p in live if p.kind == "meeting"),
            pending=tuple(p for p in live if p.kind == "pending"),
            by_id=self.by_id,
        )
        self._rulesets[interval] = ruleset
        return ruleset

    def in_force_on(self, day: dt.date) -> list[Provision]:
        """Every entry in force on ``day`` in the answering version, for `rules show`."""
        version = self.version_for(day)
        allowed = {v.id for v in self.versions if v.answers_from <= version.answers_from}
        return [
            p for p in self.provisions
            if p.version in allowed and (p.kind == "pending" or p.in_force.covers(day))
        ]


def load_rulebase(root: Path | None = None) -> RuleBase:
    """Load and validate a rule-base directory; raise :class:`RuleBaseError` on any problem."""
    checked = check_rules(root or DEFAULT_RULES_DIR)
    if checked.problems:
        raise RuleBaseError(checked.problems)
    versions = tuple(
        Version(
            id=v.data["id"],
            answers_from=v.data["answers_from"],
            reviewed_on=v.data["reviewed_on"],
            reviewed_by=str(v.data.get("reviewed_by", "")),
            summary_sv=" ".join(str(v.data.get("summary_sv", "")).split()),
        )
        for v in checked.versions
    )
    provisions = tuple(_provision(e) for e in checked.entries)
    return RuleBase(versions, provisions, checked.organisation, checked.vocabulary)


@cache
def default_rulebase() -> RuleBase:
    """The bundled rule base, loaded once per process."""
    return load_rulebase(DEFAULT_RULES_DIR)
