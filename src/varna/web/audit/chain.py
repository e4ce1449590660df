"""How an entry's hash is computed: one canonical text of its fields and the previous hash.

Kept apart from the models so the verifier and the writer cannot drift: both call
:func:`entry_hash`. Times are written in UTC with microseconds, so the same entry
hashes the same whichever database stored it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

GENESIS = "0" * 64


def canonical_time(at: dt.datetime) -> str:
    return at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def entry_hash(
    *,
    prev_hash: str,
    seq: int,
    at: dt.datetime,
    username: str,
    user_authority: str,
    action: str,
    object_type: str,
    object_id: str,
    authority: str,
    summary: str,
    detail: dict[str, Any],
) -> str:
    body = json.dumps(
        [
            seq,
            canonical_time(at),
            username,
            user_authority,
            action,
            object_type,
            object_id,
            authority,
            summary,
            detail,
        ],
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()
