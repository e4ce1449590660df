"""Writes for units and users."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from varna.guide.model import Municipality
from varna.web.accounts.models import Role, Unit, User


@dataclass(frozen=True, slots=True)
class SyncResult:
    created: int
    updated: int
    deactivated: int


@transaction.atomic
def units_sync(*, municipality: Municipality) -> SyncResult:
    """Copy the organisation file's units into the database, so users can belong to them.

    A unit the file no longer lists is deactivated, never deleted: matters, disclosures
    and users still point at it. Units an administrator added by hand are left alone.
    """
    created = updated = 0
    seen: set[str] = set()
    for unit in municipality.units:
        seen.add(unit.id)
        authority = municipality.authority(unit.authority)
        values = {
            "name": unit.name_sv,
            "name_en": unit.name_en,
            "authority": unit.authority,
            "authority_name": authority.name_sv,
            "actor": unit.actor.value,
            "district": unit.district or "",
            "from_file": True,
            "active": True,
        }
        _, was_created = Unit.objects.update_or_create(code=unit.id, defaults=values)
        created += was_created
        updated += not was_created
    deactivated = Unit.objects.filter(from_file=True, active=True).exclude(code__in=seen).update(active=False)
    return SyncResult(created, updated, deactivated)


def user_create(
    *,
    username: str,
    password: str | None,
    unit: Unit | None,
    role: Role = Role.MEMBER,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
) -> User:
    """A new member of staff; without a password the account cannot log in until one is set."""
    user = User(
        username=username,
        unit=unit,
        role=role,
        first_name=first_name,
        last_name=last_name,
        email=email,
        is_staff=role == Role.ADMINISTRATOR,
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean()
    user.save()
    return user
