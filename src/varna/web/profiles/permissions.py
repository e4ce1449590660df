"""Who may do what with factor profiles.

A profile holds group-level numbers only (small groups suppressed), never an answer of
one respondent, so every logged-in user with a unit may make one and read them all.
Deleting a profile, or the raw survey file kept with it, is for its creator and
administrators; downloading a kept raw file only for its creator.
"""

from __future__ import annotations

from typing import Any

from varna.web.profiles.models import ProfileRun


def can_read(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and getattr(user, "unit_id", None))


def can_delete(user: Any, run: ProfileRun) -> bool:
    return can_read(user) and (run.created_by_id == user.pk or bool(user.is_administrator))


def can_fetch_file(user: Any, run: ProfileRun) -> bool:
    return can_read(user) and bool(run.kept_file) and run.created_by_id == user.pk
