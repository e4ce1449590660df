"""From a municipality's organisation to the secrecy engine's organisation.

The secrecy engine decides whether information crosses a boundary between
authorities (OSL 8:1) or between independent branches of one authority (OSL 8:2).
Its bundled organisation is Malmö's in 2015. Another municipality draws those
boundaries elsewhere – one social committee for the whole municipality, youth
centres run by the education committee – and the answers must follow. This module
turns a :class:`Municipality` into the dict the law's ``RuleBase.organisation``
holds, and builds an engine on it, so the law's relation logic (same authority,
other branch, other authority, delegation) works unchanged for any municipality.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache, lru_cache
from typing import Any

from varna.guide.model import Authority, Branch, Municipality
from varna.law import Actor, Engine, default_rulebase
from varna.law.rulebase import RuleBase

_ACTOR_VALUES = frozenset(a.value for a in Actor)


@cache
def law_branches() -> Mapping[str, tuple[Branch, ...]]:
    """The authority kinds the bundled law knows, with their independent branches."""
    raw = default_rulebase().organisation.get("branches") or {}
    return {
        kind: tuple(Branch(b["id"], b.get("name_sv", b["id"]), tuple(Actor(a) for a in b["actors"]))
                    for b in branches)
        for kind, branches in raw.items()
    }


def law_kinds() -> frozenset[str]:
    return frozenset(law_branches())


def branches_for(
    kind: str, acts_as: str | None, declared: Mapping[str, tuple[Branch, ...]]
) -> tuple[Branch, ...]:
    """The branches an authority of ``kind`` has.

    In order: what the municipality file declares for the kind; the law's own branches
    for a kind the law knows; one branch of the ``acts_as`` actor for a kind the law
    does not know; none for ``other_authority`` – an authority whose staff the secrecy
    engine does not model, which still counts as another authority.
    """
    if kind in declared:
        return declared[kind]
    law = law_branches()
    if kind in law:
        return law[kind]
    if acts_as in _ACTOR_VALUES:
        return (Branch(kind, kind, (Actor(acts_as),)),)
    return ()


def hosted_actors(authority: Authority, declared: Mapping[str, tuple[Branch, ...]]) -> frozenset[Actor]:
    """Every actor kind that works somewhere in ``authority``."""
    return frozenset(a for b in branches_for(authority.kind, authority.acts_as, declared) for a in b.actors)


def _declared(municipality: Municipality) -> dict[str, tuple[Branch, ...]]:
    return dict(municipality.branches)


def law_organisation(municipality: Municipality) -> dict[str, Any]:
    """The municipality in the shape of the law's ``organisation.yaml``.

    ``same_authority_by_default`` – which actor kinds the engine places in one
    authority when a question names no authority – is derived: actor kinds that
    share an authority of this municipality belong together. For Malmö that gives
    the law's own defaults (school staff with student health; social services with
    local leisure, both in a district committee).
    """
    declared = _declared(municipality)
    branches: dict[str, list[dict[str, Any]]] = {}
    groups: list[list[str]] = []
    for authority in municipality.authorities:
        table = branches_for(authority.kind, authority.acts_as, declared)
        branches.setdefault(authority.kind, [
            {"id": b.id, "name_sv": b.name_sv, "actors": [a.value for a in b.actors]} for b in table
        ])
        together = [a.value for b in table for a in b.actors]
        if len(set(together)) > 1 and together not in groups:
            groups.append(together)
    for kind, table in declared.items():
        branches.setdefault(kind, [
            {"id": b.id, "name_sv": b.name_sv, "actors": [a.value for a in b.actors]} for b in table
        ])
    delegation = municipality.delegation
    return {
        "name_sv": municipality.label_sv,
        "source": municipality.source.title_sv,
        "authorities": [
            {"id": a.id, "name_sv": a.name_sv, "kind": a.kind, "aliases": list(a.aliases)}
            for a in municipality.authorities
        ],
        "branches": branches,
        "delegation": {"from_kind": delegation.from_kind, "to": list(delegation.to)} if delegation else {},
        "same_authority_by_default": groups,
    }


@lru_cache(maxsize=16)
def engine_for(municipality: Municipality) -> Engine:
    """A secrecy engine that draws the municipality's boundaries (cached per municipality).

    The provisions, versions and vocabulary are the bundled law's: the law is the
    same in every municipality; only the organisation differs.
    """
    base = default_rulebase()
    rulebase = RuleBase(base.versions, base.provisions, law_organisation(municipality), base.vocabulary)
    return Engine(rulebase)
