"""Reads of disclosures: only through a matter the user may open, and only what their reach allows.

The holding authority sees every disclosure of its matter; a recipient authority sees
the disclosures made to it and nothing else; a group-level matter has none.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from varna.law import default_rulebase
from varna.web.disclosures.models import Disclosure
from varna.web.matters.access import MatterView, Reach, holder_of, matter_for
from varna.web.provisions.selectors import provision_for_citation, provision_url_for_citation
from varna.web.sharing.selectors import vocabulary_label

TRACE_RULE_NAMES = {
    "organisation": _("Secrecy boundary: authority and branch"),
    "no-secrecy": _("No secrecy provision protects the information"),
}


def disclosures_visible(user: Any, view: MatterView) -> QuerySet[Disclosure]:
    """The disclosures of a matter the user reached through ``access.matter_for``, as far as they may see."""
    matter = view.matter
    base = Disclosure.objects.filter(matter=matter).select_related(
        "from_unit", "to_unit", "decided_by", "consent"
    )
    if view.reach is Reach.HOLDER:
        return base.order_by("-decided_at", "-pk")
    if view.reach is Reach.DISCLOSED:
        authority, branch = holder_of(user) or ("", "")
        return base.filter(to_authority=authority, to_unit__branch=branch).order_by("-decided_at", "-pk")
    return Disclosure.objects.none()


def disclosure_for(user: Any, pk: int) -> tuple[Disclosure, MatterView]:
    """One disclosure for its holder or its recipient authority; 404 for everyone else."""
    disclosure = (
        Disclosure.objects.filter(pk=pk).values_list("matter_id", "to_authority", "to_unit__branch").first()
    )
    holder = holder_of(user)
    if disclosure is None or holder is None:
        raise Http404("no such disclosure")
    matter_id, to_authority, to_branch = disclosure
    view = matter_for(user, matter_id, purpose=f"visa utlämnande {pk}")
    if view.reach is Reach.DISCLOSED and (to_authority, to_branch) != holder:
        raise Http404("no such disclosure")
    if view.reach is Reach.GROUP:
        raise Http404("no such disclosure")
    found = disclosures_visible(user, view).filter(pk=pk).first()
    if found is None:
        raise Http404("no such disclosure")
    return found, view


@dataclass(frozen=True, slots=True)
class ShownProvision:
    citation: str
    title: str | None
    url: str | None


@dataclass(frozen=True, slots=True)
class ShownStep:
    rule: str
    rule_in_swedish: bool
    citation: str | None
    url: str | None
    applied: bool
    note: str


@dataclass(frozen=True, slots=True)
class ShownDecision:
    """A decision of ``varna.law`` (live or as stored) ready for a page."""

    outcome: str
    outcome_label: str
    participation_label: str | None
    explanation: str
    warnings: tuple[str, ...]
    provisions: tuple[ShownProvision, ...]
    trace: tuple[ShownStep, ...]
    rulebase: str
    on_date: str
    reviewed_on: str


def _day(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def shown_decision(decision: dict[str, Any]) -> ShownDecision:
    """Prepare ``Decision.as_dict()`` for display: labels in the page's language, provision links."""
    day = _day(decision.get("on_date"))
    by_id = default_rulebase().by_id
    provisions = []
    for citation in decision.get("provisions") or ():
        provision = provision_for_citation(str(citation), on_date=day)
        provisions.append(ShownProvision(str(citation), provision.title_sv if provision else None,
                                         provision_url_for_citation(str(citation), on_date=day)))
    trace = []
    for step in decision.get("trace") or ():
        rule = str(step.get("rule", ""))
        entry = by_id.get(rule)
        citation = step.get("provision")
        trace.append(ShownStep(
            rule=entry.title_sv if entry else str(TRACE_RULE_NAMES.get(rule, rule)),
            rule_in_swedish=entry is not None,
            citation=citation,
            url=provision_url_for_citation(str(citation), on_date=day) if citation else None,
            applied=bool(step.get("applied")),
            note=str(step.get("reason", "")),
        ))
    outcome = str(decision.get("outcome", ""))
    participation = decision.get("participation")
    return ShownDecision(
        outcome=outcome,
        outcome_label=vocabulary_label("outcomes", outcome),
        participation_label=vocabulary_label("participation", str(participation)) if participation else None,
        explanation=str(decision.get("explanation", "")),
        warnings=tuple(str(w) for w in decision.get("warnings") or ()),
        provisions=tuple(provisions),
        trace=tuple(trace),
        rulebase=str(decision.get("rulebase", "")),
        on_date=str(decision.get("on_date", "")),
        reviewed_on=str(decision.get("rulebase_reviewed_on", "")),
    )
