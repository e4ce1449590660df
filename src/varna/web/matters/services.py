"""Writes of matters and persons: each one audited, none naming a person in the log.

A matter is changed only by the authority that holds it (the views get it through
``access.matter_for_holder``). Edits use optimistic locking on ``Matter.version``:
the form carries the version it was read at, and the update applies only if no one
saved in between – otherwise :class:`~varna.web.core.editing.EditConflict` is raised and nothing is written.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from varna.web.audit.models import Action
from varna.web.audit.services import audit_record
from varna.web.core.editing import EditConflict, claim_version
from varna.web.matters.access import holds_person
from varna.web.matters.models import Kind, Matter, MatterDecision, Person, Status


class MatterError(Exception):
    """A change the matter's state does not allow (closing a closed matter …)."""


def _audit(user: Any, action: Action, matter: Matter, summary: str, **detail: Any) -> None:
    audit_record(user=user, action=action, obj=matter, authority=matter.owner_authority,
                 summary=summary, detail=detail or None)


def _kind_word(matter: Matter) -> str:
    return "individärende" if matter.is_individual else "gruppärende"


@transaction.atomic
def person_create(*, user: Any, name: str, birth_year: int | None) -> Person:
    """A new person held by the user's authority, identified only by name and year of birth."""
    person = Person(owner_authority=user.authority, name=name.strip(), birth_year=birth_year, created_by=user)
    person.full_clean()
    person.save()
    audit_record(user=user, action=Action.CREATE, obj=person, authority=person.owner_authority,
                 summary=f"Registrerade person {person.pk}")
    return person


@transaction.atomic
def matter_create(
    *,
    user: Any,
    kind: Kind,
    title: str,
    summary: str,
    level: str,
    concern: str,
    district: str = "",
    person: Person | None = None,
) -> Matter:
    """Open a matter held by the user's unit and authority."""
    if kind == Kind.INDIVIDUAL and person is None:
        raise MatterError("an individual matter needs a person")
    if person is not None and not holds_person(user, person):
        raise MatterError("the person is held by another authority or branch")
    matter = Matter(
        kind=kind, title=title.strip(), summary=summary.strip(), level=level, concern=concern,
        district=district, owner_authority=user.authority, owner_unit=user.unit,
        person=person if kind == Kind.INDIVIDUAL else None, created_by=user,
    )
    matter.full_clean()
    matter.save()
    _audit(user, Action.CREATE, matter, f"Öppnade {_kind_word(matter)} {matter.pk}")
    return matter


@transaction.atomic
def individual_matter_open(
    *,
    user: Any,
    person_name: str,
    birth_year: int | None,
    title: str,
    summary: str,
    level: str,
    concern: str,
    district: str = "",
) -> Matter:
    """Record a new person and open an individual matter about them, both or neither."""
    person = person_create(user=user, name=person_name, birth_year=birth_year)
    return matter_create(user=user, kind=Kind.INDIVIDUAL, title=title, summary=summary, level=level,
                         concern=concern, district=district, person=person)


@transaction.atomic
def matter_update(
    *,
    user: Any,
    matter: Matter,
    version: int,
    title: str,
    summary: str,
    level: str,
    concern: str,
    district: str = "",
) -> Matter:
    """Save an edit made on ``version``; raises :class:`EditConflict` if someone saved in between."""
    candidate = Matter(
        pk=matter.pk, kind=matter.kind, title=title.strip(), summary=summary.strip(), level=level,
        concern=concern, district=district, owner_authority=matter.owner_authority,
        owner_unit=matter.owner_unit, person=matter.person, created_by=matter.created_by,
    )
    candidate.full_clean(exclude=["version"], validate_unique=False, validate_constraints=False)
    changed = claim_version(
        Matter, pk=matter.pk, version=version,
        title=candidate.title, summary=candidate.summary, level=level, concern=concern, district=district,
    )
    matter.refresh_from_db()
    if not changed:
        raise EditConflict(matter)
    _audit(user, Action.UPDATE, matter, f"Ändrade {_kind_word(matter)} {matter.pk}", version=matter.version)
    return matter


def _bump(matter: Matter, **values: Any) -> None:
    Matter.objects.filter(pk=matter.pk).update(version=F("version") + 1, **values)
    matter.refresh_from_db()


@transaction.atomic
def matter_decision_record(
    *, user: Any, matter: Matter, text: str, decided_on: dt.date, owner_authority: str = ""
) -> MatterDecision:
    decision = MatterDecision(matter=matter, text=text.strip(), decided_on=decided_on,
                              owner_authority=owner_authority, recorded_by=user)
    decision.full_clean()
    decision.save()
    _audit(user, Action.UPDATE, matter, f"Antecknade beslut i {_kind_word(matter)} {matter.pk}",
           decision=decision.pk)
    return decision


@transaction.atomic
def matter_question_owner_set(*, user: Any, matter: Matter, authority: str) -> Matter:
    _bump(matter, question_owner=authority)
    _audit(user, Action.UPDATE, matter, f"Angav vem som äger frågan i {_kind_word(matter)} {matter.pk}",
           question_owner=authority)
    return matter


def retention_date(closed_on: dt.date) -> dt.date:
    return closed_on + dt.timedelta(days=settings.VARNA_RETENTION_DAYS)


@transaction.atomic
def matter_close(*, user: Any, matter: Matter, now: dt.datetime | None = None) -> Matter:
    """Close the matter; an individual matter is kept until the retention date, then removed."""
    if matter.status == Status.CLOSED:
        raise MatterError("the matter is already closed")
    closed_at = now or timezone.now()
    _bump(matter, status=Status.CLOSED, closed_at=closed_at,
          retain_until=retention_date(timezone.localdate(closed_at)))
    _audit(user, Action.UPDATE, matter, f"Avslutade {_kind_word(matter)} {matter.pk}",
           retain_until=matter.retain_until.isoformat() if matter.retain_until else None)
    return matter


@transaction.atomic
def matter_reopen(*, user: Any, matter: Matter) -> Matter:
    if matter.status != Status.CLOSED:
        raise MatterError("the matter is not closed")
    if matter.anonymised_at is not None:
        raise MatterError("an anonymised matter cannot be reopened")
    _bump(matter, status=Status.OPEN, closed_at=None, retain_until=None)
    _audit(user, Action.UPDATE, matter, f"Öppnade på nytt {_kind_word(matter)} {matter.pk}")
    return matter
