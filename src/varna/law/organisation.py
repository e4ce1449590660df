"""Where the discloser and the recipient stand in the municipality's organisation.

Secrecy is not about people but about boundaries: between authorities (OSL 8:1)
and between independent branches of one authority (OSL 8:2). Each Malmö district
committee is its own authority; its social services and its leisure activities
are separate branches. This module answers one question: does the information
cross such a boundary, and which one?
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import Any

from varna.law.model import Actor, Party, TraceStep


class Relation(StrEnum):
    SAME_BRANCH = "same_branch"
    OTHER_BRANCH = "other_branch"
    OTHER_AUTHORITY = "other_authority"
    PRIVATE = "private"


CITATION = {Relation.SAME_BRANCH: None, Relation.OTHER_BRANCH: "OSL 8:2",
            Relation.OTHER_AUTHORITY: "OSL 8:1", Relation.PRIVATE: "OSL 8:1"}


@dataclass(frozen=True, slots=True)
class Relationship:
    relation: Relation
    discloser_authority: str | None
    recipient_authority: str | None
    reason_sv: str
    notes_sv: tuple[str, ...] = ()

    @property
    def step(self) -> TraceStep:
        """The organisation step of the trace: is a secrecy boundary crossed, and which?"""
        return TraceStep("organisation", CITATION[self.relation],
                         self.relation is not Relation.SAME_BRANCH, self.reason_sv)


class Organisation:
    """The authorities and branches of one municipality, from ``organisation.yaml``."""

    def __init__(self, data: dict[str, Any], actor_labels: dict[str, str]) -> None:
        self.name_sv = str(data.get("name_sv", ""))
        self._labels = actor_labels
        self._names: dict[str, str] = {}
        self._kind: dict[str, str] = {}
        self._alias: dict[str, str] = {}
        for authority in data.get("authorities", []):
            ident = authority["id"]
            self._names[ident] = authority.get("name_sv", ident)
            self._kind[ident] = authority["kind"]
            self._alias[ident] = ident
            for alias in authority.get("aliases", []):
                self._alias[str(alias).lower()] = ident
        # kind -> actor -> branch id
        self._branches: dict[str, dict[Actor, str]] = {}
        default_branch: dict[Actor, str] = {}
        for kind, branches in (data.get("branches") or {}).items():
            table: dict[Actor, str] = {}
            for branch in branches:
                for actor in branch["actors"]:
                    table[Actor(actor)] = branch["id"]
                    default_branch.setdefault(Actor(actor), branch["id"])
            self._branches[kind] = table
        self._default_branch = default_branch
        delegation = data.get("delegation") or {}
        self._delegation_from = delegation.get("from_kind")
        self._delegation_to = frozenset(delegation.get("to") or ())
        self._same_by_default = [
            frozenset(Actor(a) for a in group) for group in data.get("same_authority_by_default", [])
        ]
        self.relate = lru_cache(maxsize=4096)(self._relate)

    def resolve(self, authority: str | None) -> str | None:
        if authority is None:
            return None
        return self._alias.get(authority, authority)

    def name(self, authority: str | None) -> str:
        if authority is None:
            return ""
        return self._names.get(authority, authority)

    def is_known(self, authority: str) -> bool:
        return authority in self._kind

    def _effective(self, party: Party, notes: list[str]) -> str | None:
        authority = self.resolve(party.authority)
        delegated = self.resolve(party.delegated_by)
        if delegated is None:
            return authority
        if authority is not None and authority not in self._delegation_to:
            notes.append(
                f"Delegering ('delegated_by') gäller bara {', '.join(sorted(self._delegation_to))};"
                f" den ignorerades för {self.name(authority)}."
            )
            return authority
        if self._kind.get(delegated) != self._delegation_from:
            notes.append(f"{self.name(delegated)} kan inte delegera socialtjänst; delegeringen ignorerades.")
            return authority
        notes.append(
            f"Sociala resursförvaltningen arbetar här på delegation av {self.name(delegated)}, "
            "så uppgifterna hör till den nämnden."
        )
        return delegated

    def _branch(self, authority: str | None, actor: Actor, notes: list[str]) -> str:
        if authority is not None and authority in self._kind:
            table = self._branches.get(self._kind[authority], {})
            if actor in table:
                return table[actor]
            notes.append(
                f"{self.name(authority)} har ingen verksamhet av slaget "
                f"'{self._labels.get(actor.value, actor.value)}' i organisationen; "
                "svaret bygger på aktörstypen."
            )
        return self._default_branch.get(actor, actor.value)

    def _hosts(self, authority: str, actor: Actor) -> bool:
        kind = self._kind.get(authority)
        return kind is not None and actor in self._branches.get(kind, {})

    def _same_authority(self, d: Party, r: Party, da: str | None, ra: str | None) -> bool:
        if da is not None and ra is not None:
            return da == ra
        given = da if da is not None else ra
        other = r.actor if da is not None else d.actor
        if given is not None and self.is_known(given):
            return self._hosts(given, other)
        if d.actor is r.actor:
            return True
        return any(d.actor in group and r.actor in group for group in self._same_by_default)

    def _relate(self, discloser: Party, recipient: Party) -> Relationship:
        notes: list[str] = []
        da = self._effective(discloser, notes)
        if recipient.actor is Actor.PRIVATE:
            return Relationship(
                Relation.PRIVATE, da, None,
                "Mottagaren är en enskild – en privatperson, förening eller annan aktör utanför "
                "det offentliga. Sekretess gäller mot enskilda (OSL 8:1), och generalklausulen "
                "kan aldrig användas för att lämna uppgifter till en enskild.",
                tuple(notes),
            )
        ra = self._effective(recipient, notes)
        if not self._same_authority(discloser, recipient, da, ra):
            if discloser.actor is Actor.SOCIAL_SERVICES and recipient.actor is Actor.SOCIAL_SERVICES:
                reason = (
                    f"Mottagaren är socialtjänsten i en annan nämnd ({self.name(ra) or 'okänd'}). "
                    "Varje stadsområdesnämnd är en egen myndighet i sekretesshänseende, så "
                    "sekretessen gäller också mellan socialnämnderna (OSL 8:1)."
                )
            else:
                reason = (
                    "Mottagaren hör till en annan myndighet"
                    + (f" ({self.name(ra)})" if ra else "")
                    + ". Sekretess gäller mot andra myndigheter, också mellan kommunens egna "
                    "nämnder (OSL 8:1)."
                )
            return Relationship(Relation.OTHER_AUTHORITY, da, ra, reason, tuple(notes))
        if da is None or ra is None:
            # The contract's default; said aloud because two district committees, say, are
            # separate authorities and a wrong guess would hide a secrecy boundary.
            notes.append(
                "Du har inte angett vilken nämnd "
                + ("någon av er" if da is None and ra is None else "den andra parten")
                + " hör till, så svaret förutsätter att ni hör till samma nämnd. Hör ni till olika "
                "nämnder – till exempel två stadsområdesnämnder – gäller sekretess mellan er (OSL 8:1)."
            )
        authority = da if da is not None else ra
        d_branch = self._branch(authority, discloser.actor, notes)
        r_branch = self._branch(authority, recipient.actor, notes)
        where = f" ({self.name(authority)})" if authority else ""
        if d_branch == r_branch:
            return Relationship(
                Relation.SAME_BRANCH, authority, authority,
                f"Uppgiften stannar inom samma myndighet och verksamhetsgren{where}. Sekretess "
                "gäller mellan myndigheter och mellan självständiga verksamhetsgrenar, inte inom "
                "en och samma verksamhet.",
                tuple(notes),
            )
        return Relationship(
            Relation.OTHER_BRANCH, authority, authority,
            f"Mottagaren hör till samma myndighet{where} men till en annan, självständig "
            "verksamhetsgren. Sekretessen gäller mellan sådana grenar på samma sätt som mellan "
            "myndigheter (OSL 8:2).",
            tuple(notes),
        )
