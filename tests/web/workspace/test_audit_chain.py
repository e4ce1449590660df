"""The audit chain: intact after many writes, broken where a row was edited or removed."""

from __future__ import annotations

import pytest
from django.db import DatabaseError, connection, transaction
from tests.workspace import tamper_with_audit_log

from varna.web.audit.models import Action, AppendOnlyError, AuditEntry
from varna.web.audit.services import audit_record, audit_verify

pytestmark = pytest.mark.django_db


def _write(n: int) -> None:
    for i in range(n):
        audit_record(
            user=None,
            username=f"user{i}",
            action=Action.READ,
            summary=f"Läste ärende {i}",
            authority="sdn-norr",
            detail={"i": i, "ord": "åäö"},
        )


def test_an_untouched_chain_verifies() -> None:
    _write(25)
    result = audit_verify()
    assert result.ok and result.checked == 25


def test_an_empty_log_verifies() -> None:
    assert audit_verify().ok


def test_the_model_refuses_to_change_or_delete_an_entry() -> None:
    _write(1)
    entry = AuditEntry.objects.get()
    entry.summary = "ändrad"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()


def test_the_database_itself_refuses_to_change_or_delete_an_entry() -> None:
    _write(2)
    statements = (
        "UPDATE audit_auditentry SET summary = 'x' WHERE seq = 1",
        "DELETE FROM audit_auditentry WHERE seq = 2",
    )
    for sql in statements:
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)
    assert audit_verify().ok


def test_an_edited_row_is_named() -> None:
    _write(10)
    tamper_with_audit_log("UPDATE audit_auditentry SET summary = %s WHERE seq = %s", ["Läste inget", 4])
    result = audit_verify()
    assert not result.ok and result.first_broken == 4


def test_an_edited_time_is_named() -> None:
    _write(5)
    tamper_with_audit_log("UPDATE audit_auditentry SET username = %s WHERE seq = %s", ["någon-annan", 2])
    assert audit_verify().first_broken == 2


def test_a_deleted_row_is_named() -> None:
    _write(10)
    tamper_with_audit_log("DELETE FROM audit_auditentry WHERE seq = %s", [7])
    result = audit_verify()
    assert not result.ok and result.first_broken == 7


def test_a_deleted_last_row_is_noticed() -> None:
    _write(6)
    tamper_with_audit_log("DELETE FROM audit_auditentry WHERE seq = %s", [6])
    result = audit_verify()
    assert not result.ok and result.first_broken == 6


def test_a_recomputed_forgery_still_breaks_the_next_link() -> None:
    """Rewriting a row and its own hash is not enough: the next entry points at the old hash."""
    _write(5)
    forged = "f" * 64
    tamper_with_audit_log("UPDATE audit_auditentry SET hash = %s WHERE seq = %s", [forged, 3])
    result = audit_verify()
    assert not result.ok and result.first_broken == 3
