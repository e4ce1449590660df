"""Writing to the audit log and proving it intact: the only code that touches its tables."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models, transaction
from django.utils import timezone

from varna.web.audit.chain import GENESIS, entry_hash
from varna.web.audit.models import Action, AuditEntry, AuditHead


def _who(user: Any) -> tuple[str, str]:
    if user is None or not getattr(user, "is_authenticated", False):
        return "", ""
    return user.get_username(), getattr(user, "authority", None) or ""


def audit_record(
    *,
    user: Any,
    action: Action | str,
    summary: str,
    obj: models.Model | None = None,
    authority: str = "",
    detail: dict[str, Any] | None = None,
    username: str | None = None,
) -> AuditEntry:
    """Append one entry, chained to the newest; runs inside the caller's transaction.

    ``username`` names the actor when there is no user object (a failed login, the
    retention job). ``summary`` must not contain a person's name or case text: the
    log is searched by administrators who may not read the data itself.
    """
    who, user_authority = _who(user)
    if username is not None:
        who = username
    with transaction.atomic():
        head, _ = AuditHead.objects.select_for_update().get_or_create(
            pk=1, defaults={"seq": 0, "hash": GENESIS}
        )
        seq = head.seq + 1
        fields: dict[str, Any] = {
            "seq": seq,
            "at": timezone.now(),
            "username": who,
            "user_authority": user_authority,
            "action": str(action),
            "object_type": obj._meta.label_lower if obj is not None else "",
            "object_id": str(obj.pk) if obj is not None else "",
            "authority": authority,
            "summary": summary[:300],
            "detail": detail or {},
        }
        digest = entry_hash(prev_hash=head.hash, **fields)
        entry = AuditEntry.objects.create(prev_hash=head.hash, hash=digest, **fields)
        AuditHead.objects.filter(pk=1).update(seq=seq, hash=digest)
    return entry


@dataclass(frozen=True, slots=True)
class Verification:
    ok: bool
    checked: int
    first_broken: int | None = None
    problem: str = ""


def audit_verify() -> Verification:
    """Walk the chain from the start; stop at the first entry that does not hold.

    Detects a changed entry (its hash no longer matches its fields), a removed entry
    (a gap in the numbers or a predecessor hash that does not match), and a cut-off
    end (the head remembers a later entry than the table holds).
    """
    prev_hash = GENESIS
    expected = 1
    checked = 0
    for entry in AuditEntry.objects.order_by("seq").iterator(chunk_size=2000):
        if entry.seq != expected:
            return Verification(
                False, checked, expected, f"entry {expected} is missing (next is {entry.seq})"
            )
        if entry.prev_hash != prev_hash:
            return Verification(False, checked, entry.seq, "its link to the previous entry does not match")
        digest = entry_hash(
            prev_hash=entry.prev_hash,
            seq=entry.seq,
            at=entry.at,
            username=entry.username,
            user_authority=entry.user_authority,
            action=entry.action,
            object_type=entry.object_type,
            object_id=entry.object_id,
            authority=entry.authority,
            summary=entry.summary,
            detail=entry.detail,
        )
        if digest != entry.hash:
            return Verification(False, checked, entry.seq, "its contents were changed after it was written")
        prev_hash = entry.hash
        expected += 1
        checked += 1
    head = AuditHead.objects.filter(pk=1).first()
    if head is not None and (head.seq != checked or head.hash != prev_hash):
        return Verification(
            False, checked, checked + 1, f"the log ends at entry {checked} but entry {head.seq} was written"
        )
    return Verification(True, checked)
