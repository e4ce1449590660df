"""The only door to an authority's data: who may see which matter, and how much of it.

Every view, export, PDF and API endpoint that shows anything of a matter or a
person goes through these functions; none filters querysets on its own. The rule
(principle 3 of DESIGN.md):

* a group-level matter is seen by every team member with a unit;
* an individual matter and its person are seen in full by users of the *branch* of
  the authority that holds it – a district committee's social services and its
  youth centres are one authority but two independent branches, with secrecy
  between them (OSL 8:2; see :mod:`varna.web.accounts.branches`);
* a user of another authority or branch sees only what was disclosed to their unit's
  authority and branch – the disclosure records themselves – and the matter's
  title, never its description;
* everyone else gets "not found", not "forbidden", so not even the existence of
  an individual matter leaks.

Reads of individual data are written to the audit log here, so no view can forget.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from varna.web.audit.models import Action
from varna.web.audit.services import audit_record
from varna.web.matters.models import Kind, Matter, Person


class Reach(StrEnum):
    """How much of a matter a user may see."""

    GROUP = "group"  # a group-level matter: all of it, to every team member
    HOLDER = "holder"  # the holding authority: all of it
    DISCLOSED = "disclosed"  # another authority: the disclosures made to it, nothing more


@dataclass(frozen=True, slots=True)
class MatterView:
    matter: Matter
    reach: Reach

    @property
    def full(self) -> bool:
        return self.reach is not Reach.DISCLOSED


def authority_of(user: Any) -> str | None:
    """The authority a signed-in user acts for; None for anyone without a unit."""
    if not getattr(user, "is_authenticated", False):
        return None
    return getattr(user, "authority", None)


def holder_of(user: Any) -> tuple[str, str] | None:
    """The (authority, branch) whose individual data a signed-in user holds; None without a unit."""
    if not getattr(user, "is_authenticated", False):
        return None
    return getattr(user, "holder", None)


def holds(user: Any, matter: Matter) -> bool:
    """Does the user's branch hold this matter (a group matter: does the user's authority own it)?"""
    holder = holder_of(user)
    if holder is None or matter.owner_authority != holder[0]:
        return False
    return not matter.is_individual or matter.owner_unit.branch == holder[1]


def holds_person(user: Any, person: Person) -> bool:
    return holder_of(user) == (person.owner_authority, person.owner_branch)


def _held_by(holder: tuple[str, str]) -> Q:
    return Q(owner_authority=holder[0], owner_unit__branch=holder[1])


def _disclosed_to(holder: tuple[str, str]) -> Exists:
    from varna.web.disclosures.models import Disclosure

    return Exists(
        Disclosure.objects.filter(matter=OuterRef("pk"), to_authority=holder[0], to_unit__branch=holder[1])
    )


def matters_for(user: Any) -> QuerySet[Matter]:
    """Every matter the user may open at all (the list pages, search and exports start here)."""
    holder = holder_of(user)
    if holder is None:
        return Matter.objects.none()
    return Matter.objects.filter(
        Q(kind=Kind.GROUP) | _held_by(holder) | _disclosed_to(holder)
    ).select_related("owner_unit", "person")


def held_matters_for(user: Any) -> QuerySet[Matter]:
    """Individual and group matters the user's branch holds: the ones they may change or put on an agenda."""
    holder = holder_of(user)
    if holder is None:
        return Matter.objects.none()
    return Matter.objects.filter(_held_by(holder))


def reach_of(user: Any, matter: Matter) -> Reach | None:
    holder = holder_of(user)
    if holder is None:
        return None
    if matter.kind == Kind.GROUP:
        return Reach.GROUP
    if holds(user, matter):
        return Reach.HOLDER
    if matter.disclosures.filter(to_authority=holder[0], to_unit__branch=holder[1]).exists():
        return Reach.DISCLOSED
    return None


def matter_for(user: Any, pk: int, *, purpose: str = "visa ärendet") -> MatterView:
    """One matter as this user may see it, or 404; an individual matter's read is logged."""
    matter = Matter.objects.select_related("owner_unit", "person").filter(pk=pk).first()
    if matter is None:
        raise Http404("no such matter")
    reach = reach_of(user, matter)
    if reach is None:
        raise Http404("no such matter")
    if matter.is_individual:
        audit_record(
            user=user,
            action=Action.READ,
            obj=matter,
            authority=matter.owner_authority,
            summary=f"Läste individärende {matter.pk} ({purpose})",
            detail={"reach": reach.value},
        )
    return MatterView(matter, reach)


def matter_for_holder(user: Any, pk: int, *, purpose: str) -> Matter:
    """A matter the user's branch holds (a group matter: the user's authority owns), for changing it.

    Anyone else gets 404 – also a team member who may read a group matter.
    """
    view = matter_for(user, pk, purpose=purpose)
    if view.reach is Reach.DISCLOSED or not holds(user, view.matter):
        raise Http404("no such matter")
    return view.matter


def persons_for(user: Any) -> QuerySet[Person]:
    """Persons the user's branch holds; a person is never listed to another authority or branch."""
    holder = holder_of(user)
    if holder is None:
        return Person.objects.none()
    return Person.objects.filter(
        owner_authority=holder[0], owner_branch=holder[1], anonymised_at__isnull=True
    )


def person_for(user: Any, pk: int, *, purpose: str = "visa personen") -> Person:
    person = persons_for(user).filter(pk=pk).first()
    if person is None:
        raise Http404("no such person")
    audit_record(
        user=user,
        action=Action.READ,
        obj=person,
        authority=person.owner_authority,
        summary=f"Läste person {person.pk} ({purpose})",
    )
    return person
