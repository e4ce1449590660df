"""Reads from the bundled rule base for the provision pages and for links to them.

The rule base is data in ``varna.law``, not in the database, so these selectors
return the engine's own immutable ``Provision`` objects. Everything that connects
entries – what cites what, what breaks which secrecy, what replaced what – is
worked out here once, so templates only display it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from django.urls import reverse

from varna.law import default_rulebase
from varna.law.rulebase import Provision, RuleBase, Version

# The groups of the index, in reading order: the main rules, then what lifts them,
# then what surrounds them. Every kind of entry in the rule-base schema has a group.
GROUP_KINDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("secrecy", ("secrecy",)),
    ("exceptions", ("breaking", "principle")),
    ("duties", ("duty",)),
    ("meeting", ("meeting",)),
    ("guidance", ("guidance",)),
    ("consequence", ("consequence",)),
    ("organisation", ("organisation",)),
    ("context", ("context",)),
    ("pending", ("pending",)),
)
_PARAGRAPH = re.compile(r"\s+st\.\s*\d+$")


@dataclass(frozen=True, slots=True)
class ProvisionGroup:
    key: str
    provisions: tuple[Provision, ...]


@dataclass(frozen=True, slots=True)
class Related:
    """Every other entry this one is connected to, by the kind of connection."""

    cite_with: tuple[Provision, ...]
    cited_with_by: tuple[Provision, ...]
    breaks: tuple[Provision, ...]
    breaks_all_except: tuple[Provision, ...] | None
    broken_by: tuple[Provision, ...]
    meeting_secrecy: tuple[Provision, ...]
    meeting_lifted_only_by: tuple[Provision, ...]
    limited_by_meeting: tuple[Provision, ...]
    replaces: tuple[Provision, ...]
    replaced_by: tuple[Provision, ...]

    @property
    def any(self) -> bool:
        return bool(
            self.cite_with or self.cited_with_by or self.breaks or self.breaks_all_except is not None
            or self.broken_by or self.meeting_secrecy or self.meeting_lifted_only_by
            or self.limited_by_meeting or self.replaces or self.replaced_by
        )


def _rulebase() -> RuleBase:
    return default_rulebase()


def provision_groups(*, on_date: dt.date | None = None) -> list[ProvisionGroup]:
    """Entries grouped by kind; with ``on_date``, only what the rule base holds in force that day.

    Pending entries are always included: they are warnings about law that may apply.
    """
    rulebase = _rulebase()
    entries = rulebase.provisions if on_date is None else tuple(rulebase.in_force_on(on_date))
    groups = []
    for key, kinds in GROUP_KINDS:
        members = tuple(p for p in entries if p.kind in kinds)
        if members:
            groups.append(ProvisionGroup(key=key, provisions=members))
    return groups


def earliest_date() -> dt.date:
    """The first day the rule base can answer for (OSL came into force)."""
    return _rulebase().earliest


def version_answering(*, on_date: dt.date) -> Version:
    return _rulebase().version_for(on_date)


def provision_get(*, provision_id: str) -> Provision | None:
    return _rulebase().by_id.get(provision_id)


def provision_version(*, provision: Provision) -> Version | None:
    """The rule-base version that added the entry."""
    return next((v for v in _rulebase().versions if v.id == provision.version), None)


def provision_related(*, provision: Provision) -> Related:
    rulebase = _rulebase()
    entries = rulebase.provisions

    def resolve(ids: frozenset[str]) -> tuple[Provision, ...]:
        return tuple(p for p in entries if p.id in ids)  # in the rule base's own order

    lifting = provision.kind in ("breaking", "principle")
    breaks_all = lifting and provision.breaks is None
    return Related(
        cite_with=tuple(p for i in provision.cite_with if (p := rulebase.by_id.get(i)) is not None),
        cited_with_by=tuple(p for p in entries if provision.id in p.cite_with),
        breaks=resolve(provision.breaks) if lifting and provision.breaks is not None else (),
        breaks_all_except=resolve(provision.breaks_except) if breaks_all else None,
        broken_by=tuple(
            p for p in entries if p.kind in ("breaking", "principle") and p.breaks_secrecy(provision.id)
        )
        if provision.kind == "secrecy"
        else (),
        meeting_secrecy=resolve(provision.secrecy) if provision.kind == "meeting" else (),
        meeting_lifted_only_by=resolve(provision.lifted_only_by) if provision.kind == "meeting" else (),
        limited_by_meeting=tuple(
            p for p in entries if p.kind == "meeting" and provision.id in (p.secrecy | p.lifted_only_by)
        ),
        replaces=tuple(p for p in entries if p.id == provision.replaces),
        replaced_by=tuple(p for p in entries if p.replaces == provision.id),
    )


def _normalise(citation: str) -> str:
    return " ".join(citation.split()).casefold()


@cache
def _citation_index(rulebase: RuleBase) -> dict[str, tuple[Provision, ...]]:
    index: dict[str, list[Provision]] = {}
    for p in rulebase.provisions:
        if p.citation:
            index.setdefault(_normalise(p.citation), []).append(p)
    return {key: tuple(value) for key, value in index.items()}


def provisions_for_citation(citation: str) -> tuple[Provision, ...]:
    """Every entry cited this way, falling back between a paragraph and its section.

    Decisions cite ``OSL 23:2 st. 2`` where the rule base has that paragraph, but a
    caller may hold ``OSL 23:2``; both should find something rather than nothing.
    """
    index = _citation_index(_rulebase())
    key = _normalise(citation)
    if key in index:
        return index[key]
    section = _PARAGRAPH.sub("", key)
    if section != key and section in index:
        return index[section]
    return tuple(p for k, entries in index.items() if _PARAGRAPH.sub("", k) == key for p in entries)


def provision_for_citation(citation: str, *, on_date: dt.date | None = None) -> Provision | None:
    """The entry a citation means on a day (default today).

    When several entries share a citation (a provision reworded from a date), the one
    in force that day wins; failing that, the most recent one that had started by
    then; failing that, the first.
    """
    candidates = provisions_for_citation(citation)
    if not candidates:
        return None
    day = on_date or dt.date.today()
    in_force = [p for p in candidates if p.in_force.covers(day)]
    if in_force:
        return in_force[0]
    started = [p for p in candidates if p.in_force.start is None or p.in_force.start <= day]
    if started:
        return max(started, key=lambda p: p.in_force.start or dt.date.min)
    return candidates[0]


def provision_url_for_citation(citation: str, *, on_date: dt.date | None = None) -> str | None:
    """The provision page for a citation in a decision, in the current language; None if unknown."""
    provision = provision_for_citation(citation, on_date=on_date)
    if provision is None:
        return None
    return reverse("provisions:detail", kwargs={"provision_id": provision.id})
