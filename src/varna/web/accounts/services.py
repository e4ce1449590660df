"""Writes for units and users, and the audit entries of logins and administration.

Every change an administrator makes is audited as ``Action.ADMIN`` with the fields
that changed (never a password, never a hash). Logins, failed logins, blocked
attempts and logouts are audited too; a failed login records the username as typed,
because there may be no such user.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.db import transaction

from varna.guide.model import Municipality
from varna.web.accounts import throttle
from varna.web.accounts.models import Role, Unit, User
from varna.web.audit.models import Action
from varna.web.audit.services import audit_record


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


@transaction.atomic
def user_create(
    *,
    username: str,
    password: str | None,
    unit: Unit | None,
    role: Role = Role.MEMBER,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    by: User | None = None,
    is_demo: bool = False,
) -> User:
    """A new member of staff; without a password the account cannot log in until one is set.

    ``by`` is the administrator who created the account (audited); None for fixtures,
    the demo and other code that sets up users without a person behind it.
    """
    user = User(
        username=username,
        unit=unit,
        role=role,
        first_name=first_name,
        last_name=last_name,
        email=email,
        is_staff=role == Role.ADMINISTRATOR,
        is_demo=is_demo,
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean()
    user.save()
    if by is not None:
        audit_record(
            user=by,
            action=Action.ADMIN,
            summary="Skapade ett användarkonto",
            obj=user,
            detail={"username": user.username, "unit": unit.code if unit else None, "role": str(role),
                    "password_set": bool(password)},
        )
    return user


# The fields an administrator may change on an account, in the order the audit detail lists them.
USER_FIELDS = ("first_name", "last_name", "email", "unit", "role", "is_active")


def _value(user: User, name: str) -> Any:
    if name == "unit":
        return user.unit.code if user.unit else None
    return getattr(user, name)


@transaction.atomic
def user_update(*, user: User, by: User, changes: dict[str, Any]) -> User:
    """Change the account's name, e-mail, unit, role or active flag; audit what changed."""
    unknown = set(changes) - set(USER_FIELDS)
    if unknown:
        raise ValueError(f"not an administrable field: {sorted(unknown)}")
    locked = User.objects.select_for_update().get(pk=user.pk)
    before = {name: _value(locked, name) for name in USER_FIELDS}
    for name, value in changes.items():
        setattr(locked, name, value)
    locked.is_staff = locked.role == Role.ADMINISTRATOR
    locked.full_clean()
    locked.save()
    after = {name: _value(locked, name) for name in USER_FIELDS}
    changed = {
        name: {"from": before[name], "to": after[name]} for name in USER_FIELDS if before[name] != after[name]
    }
    if changed:
        audit_record(
            user=by, action=Action.ADMIN, summary="Ändrade ett användarkonto", obj=locked,
            detail={"username": locked.username, "changed": changed},
        )
    return locked


@transaction.atomic
def user_set_password(*, user: User, by: User, password: str) -> None:
    """Set a new password, checked by the password validators (raises ValidationError)."""
    validate_password(password, user)
    locked = User.objects.select_for_update().get(pk=user.pk)
    locked.set_password(password)
    locked.save(update_fields=["password"])
    throttle.failures_clear(username=locked.username)
    audit_record(
        user=by, action=Action.ADMIN, summary="Satte ett nytt lösenord för ett användarkonto", obj=locked,
        detail={"username": locked.username},
    )


def user_set_active(*, user: User, by: User, active: bool) -> User:
    """Deactivate or reactivate an account; accounts are never deleted (records name them)."""
    return user_update(user=user, by=by, changes={"is_active": active})


@transaction.atomic
def unit_create(
    *, code: str, name: str, authority: str, authority_name: str, actor: str, by: User, name_en: str = ""
) -> Unit:
    """A unit the organisation file does not have; the file's own units come from ``units_sync``."""
    unit = Unit(
        code=code, name=name, name_en=name_en, authority=authority, authority_name=authority_name,
        actor=actor, from_file=False, active=True,
    )
    unit.full_clean()
    unit.save()
    audit_record(
        user=by, action=Action.ADMIN, summary="Lade till en enhet", obj=unit, authority=unit.authority,
        detail={"code": code, "authority": authority, "actor": actor},
    )
    return unit


@transaction.atomic
def unit_set_active(*, unit: Unit, by: User, active: bool) -> Unit:
    locked = Unit.objects.select_for_update().get(pk=unit.pk)
    if locked.active != active:
        locked.active = active
        locked.save(update_fields=["active"])
        audit_record(
            user=by, action=Action.ADMIN,
            summary="Aktiverade en enhet" if active else "Inaktiverade en enhet",
            obj=locked, authority=locked.authority, detail={"code": locked.code, "active": active},
        )
    return locked


# --- logins ----------------------------------------------------------------------------


@transaction.atomic
def login_succeeded(*, user: User, address: str | None) -> None:
    throttle.failures_clear(username=user.get_username())
    audit_record(user=user, action=Action.LOGIN, summary="Loggade in", obj=user, detail={"address": address})


@transaction.atomic
def login_failed(*, username: str, address: str | None) -> None:
    """A wrong username or password; the username as typed, never the password."""
    throttle.failure_record(username=username, address=address)
    audit_record(
        user=None, username=username[:150], action=Action.LOGIN_FAILED, summary="Misslyckad inloggning",
        detail={"address": address},
    )


@transaction.atomic
def login_blocked(*, username: str, address: str | None, until: dt.datetime | None, reason: str) -> None:
    """An attempt refused without checking the password: too many failures, or a demo login from afar."""
    audit_record(
        user=None, username=username[:150], action=Action.LOGIN_BLOCKED,
        summary="Inloggning stoppad" if reason == "throttled" else "Demoinloggning stoppad utanför datorn",
        detail={"address": address, "reason": reason, "until": until.isoformat() if until else None},
    )


@transaction.atomic
def logout_record(*, user: User, address: str | None) -> None:
    audit_record(user=user, action=Action.LOGOUT, summary="Loggade ut", obj=user, detail={"address": address})
