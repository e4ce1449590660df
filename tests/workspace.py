"""Building blocks for the workspace tests: the Malmö units, users per authority, matters.

Every workspace test starts from the bundled organisation file's units, so the
authorities and actor kinds are the real ones the secrecy engine reasons about.
"""

from __future__ import annotations

import importlib
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from varna.web.accounts.models import Role, Unit, User
from varna.web.accounts.services import units_sync, user_create
from varna.web.core.municipality import current_municipality
from varna.web.matters.models import Kind, Matter, Person

PASSWORD = "ett-långt-testlösenord-42"  # noqa: S105 (a fixture, not a secret)


@pytest.fixture
def units(db: Any) -> dict[str, Unit]:
    """Every unit of the bundled Malmö organisation, by code (``ifo-norr``, ``lpo-norr`` …)."""
    units_sync(municipality=current_municipality())
    return {unit.code: unit for unit in Unit.objects.all()}


def make_user(unit_code: str | None, *, role: Role = Role.MEMBER, username: str | None = None) -> User:
    unit = Unit.objects.get(code=unit_code) if unit_code else None
    name = username or f"{unit_code or 'utan-enhet'}-{role.value}"
    return user_create(username=name, password=PASSWORD, unit=unit, role=role, first_name=name.title())


def logged_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def make_person(user: User, name: str = "Testperson Exempelsson", birth_year: int | None = 2010) -> Person:
    assert user.authority is not None
    return Person.objects.create(
        owner_authority=user.authority, name=name, birth_year=birth_year, created_by=user
    )


def make_matter(user: User, *, individual: bool = True, title: str | None = None, **fields: Any) -> Matter:
    assert user.unit is not None
    person = make_person(user) if individual and "person" not in fields else fields.pop("person", None)
    return Matter.objects.create(
        kind=Kind.INDIVIDUAL if individual else Kind.GROUP,
        title=title or ("Oro för en ungdom" if individual else "Klotter med hakkors vid en fritidsgård"),
        summary=fields.pop("summary", "Beskrivning som bara den ägande myndigheten får läsa."),
        level=fields.pop("level", "indicated" if individual else "selective"),
        concern=fields.pop("concern", "extremist_propaganda"),
        owner_authority=user.authority,
        owner_unit=user.unit,
        person=person,
        created_by=user,
        **fields,
    )


def now() -> Any:
    return timezone.now()


def _audit_guard() -> Any:
    """The migration that installs the audit log's append-only triggers, for its SQL."""
    return importlib.import_module("varna.web.audit.migrations.0002_append_only_triggers")


def empty_audit_log_for_flush() -> None:
    """Let a live-server test's closing flush through the audit log's SQLite guard.

    A live-server test ends with a flush (DELETE FROM every table), which the append-only
    triggers refuse. Lift the guard as the database owner could, empty the log, and put the
    guard back so later tests meet it. PostgreSQL flushes with TRUNCATE, which row triggers
    do not see, so nothing is needed there.
    """
    if connection.vendor != "sqlite":
        return
    guard = _audit_guard()
    with connection.cursor() as cursor:
        for statement in guard.SQLITE_DROP:
            cursor.execute(statement)
        cursor.execute("DELETE FROM audit_auditentry")
        for statement in guard.SQLITE_CREATE:
            cursor.execute(statement)


def tamper_with_audit_log(sql: str, params: list[object]) -> None:
    """Run ``sql`` on the audit log as someone with the database owner's rights would: guard off first.

    For tests that the chain check finds what such a person did. The guard stays off for
    the rest of the test; the test's transaction, rolled back, brings it back.
    """
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ALTER TABLE audit_auditentry DISABLE TRIGGER audit_entry_append_only")
        else:
            for statement in _audit_guard().SQLITE_DROP:
                cursor.execute(statement)
        cursor.execute(sql, params)
