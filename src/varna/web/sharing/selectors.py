"""Reads for the wizard: the organisation, the vocabulary in the page's language, the answer.

Nothing here writes. The organisation and the vocabulary are data in the bundled rule
base; the answer comes from the same engine as ``varna assess`` and the JSON API, so
the wizard cannot answer differently from them. What the page and the PDF show of a
decision – links to provision pages, names of the rules tried – is worked out here
once, so neither has to know the rule base.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from varna.law import Actor, Decision, Question, default_engine, default_rulebase
from varna.web.provisions.selectors import provision_for_citation, provision_url_for_citation

# Trace steps that are not entries of the rule base, named for a person.
TRACE_RULE_NAMES: dict[str, Promise] = {
    "organisation": _("Secrecy boundary: authority and branch"),
    "no-secrecy": _("No secrecy provision protects the information"),
}


@dataclass(frozen=True, slots=True)
class Authority:
    """An authority of the organisation; its name is a Swedish proper name in every language."""

    id: str
    name: str


@dataclass(frozen=True, slots=True)
class CitedProvision:
    citation: str
    title: str | None  # Swedish, from the rule base
    url: str | None


@dataclass(frozen=True, slots=True)
class TraceRow:
    rule: str
    rule_in_swedish: bool  # an entry's own title is Swedish; the two synthetic steps are translated
    citation: str | None
    url: str | None
    applied: bool
    note: str


@dataclass(frozen=True, slots=True)
class Answer:
    """A decision with everything a page or a record needs to show it."""

    decision: Decision
    outcome: str
    participation: str | None
    provisions: tuple[CitedProvision, ...]
    trace: tuple[TraceRow, ...]


def _organisation() -> dict[str, Any]:
    return default_rulebase().organisation


def _authority(raw: dict[str, Any]) -> Authority:
    return Authority(id=str(raw["id"]), name=str(raw.get("name_sv", raw["id"])))


@cache
def authorities_for(actor: Actor) -> tuple[Authority, ...]:
    """Authorities with a branch where this kind of actor works, in the organisation's order."""
    organisation = _organisation()
    kinds = {
        kind for kind, branches in (organisation.get("branches") or {}).items()
        if any(actor.value in branch.get("actors", ()) for branch in branches)
    }
    return tuple(_authority(a) for a in organisation.get("authorities", ()) if a.get("kind") in kinds)


@cache
def delegation_targets() -> frozenset[str]:
    """Authorities that act on delegation from another (the social resources committee)."""
    return frozenset(str(a) for a in (_organisation().get("delegation") or {}).get("to") or ())


@cache
def delegating_authorities() -> tuple[Authority, ...]:
    """Authorities that can delegate to a delegation target (the district committees)."""
    organisation = _organisation()
    kind = (organisation.get("delegation") or {}).get("from_kind")
    return tuple(_authority(a) for a in organisation.get("authorities", ()) if a.get("kind") == kind)


@cache
def _authority_names() -> dict[str, str]:
    return {str(a["id"]): str(a.get("name_sv", a["id"])) for a in _organisation().get("authorities", ())}


def authority_name(authority_id: str) -> str:
    return _authority_names().get(authority_id, authority_id)


def earliest_date() -> dt.date:
    """The first day the rule base can answer for (OSL came into force)."""
    return default_rulebase().earliest


def _language() -> str:
    return "en" if (get_language() or "sv").startswith("en") else "sv"


def vocabulary_label(group: str, code: str, *, long: bool = False) -> str:
    """A code's label from the rule base's vocabulary in the page's language.

    ``long`` asks for the fuller Swedish description where the vocabulary has one
    (an actor's label with examples of who works there), which a choice needs more
    than a sentence does.
    """
    entry = default_rulebase().vocabulary.get(group, {}).get(code)
    if not isinstance(entry, dict):
        return code
    language = _language()
    if long and language == "sv" and entry.get("long_sv"):
        return str(entry["long_sv"])
    return str(entry.get(language) or entry.get("sv") or code)


def _cited(citation: str, on_date: dt.date) -> CitedProvision:
    provision = provision_for_citation(citation, on_date=on_date)
    return CitedProvision(
        citation=citation,
        title=provision.title_sv if provision is not None else None,
        url=provision_url_for_citation(citation, on_date=on_date),
    )


def _trace_row(rule: str, citation: str | None, applied: bool, note: str, on_date: dt.date) -> TraceRow:
    entry = default_rulebase().by_id.get(rule)
    if entry is not None:
        name, in_swedish = entry.title_sv, True
    elif rule in TRACE_RULE_NAMES:
        name, in_swedish = str(TRACE_RULE_NAMES[rule]), False
    else:
        name, in_swedish = rule, False
    url = provision_url_for_citation(citation, on_date=on_date) if citation else None
    return TraceRow(rule=name, rule_in_swedish=in_swedish, citation=citation, url=url, applied=applied,
                    note=note)


def answer_for(question: Question) -> Answer:
    """Assess the question and prepare the decision for display.

    Raises :class:`varna.law.QuestionError` when the engine cannot answer (a day before
    the rule base begins); the caller shows it like any other invalid answer.
    """
    decision = default_engine().assess(question)
    day = decision.on_date
    return Answer(
        decision=decision,
        outcome=vocabulary_label("outcomes", decision.outcome.value),
        participation=vocabulary_label("participation", decision.participation.value)
        if decision.participation is not None
        else None,
        provisions=tuple(_cited(citation, day) for citation in decision.provisions),
        trace=tuple(_trace_row(s.rule, s.provision, s.applied, s.reason, day) for s in decision.trace),
    )
