"""Slowing down password guessing: a pause after repeated failures, per username and per address.

Failures are rows of ``LoginFailure`` rather than a cache, so every worker of the
server sees the same count. After ``VARNA_LOGIN_ATTEMPTS`` failures for a username,
or from one address, within ``VARNA_LOGIN_LOCK_SECONDS``, further attempts are
refused – even with the right password, or a guesser would learn when they hit it –
until the oldest of those failures is older than the window. A successful login
clears the username's failures; rows older than the window are pruned as new
failures are written.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db.models import QuerySet
from django.utils import timezone

from varna.web.accounts.models import LoginFailure


def _window() -> dt.timedelta:
    return dt.timedelta(seconds=settings.VARNA_LOGIN_LOCK_SECONDS)


def _recent(field: str, value: str | None, now: dt.datetime) -> QuerySet[LoginFailure]:
    return LoginFailure.objects.filter(**{field: value, "at__gt": now - _window()})


def locked_until(*, username: str, address: str | None, now: dt.datetime | None = None) -> dt.datetime | None:
    """When attempts for this username or from this address may start again; None if they may now."""
    now = now or timezone.now()
    limit = settings.VARNA_LOGIN_ATTEMPTS
    until: dt.datetime | None = None
    checks = [("username", username.casefold())] if username else []
    if address:
        checks.append(("address", address))
    for field, value in checks:
        times = list(_recent(field, value, now).order_by("-at").values_list("at", flat=True)[:limit])
        if len(times) >= limit:
            # Free again once the oldest of the last `limit` failures leaves the window.
            free_at = times[-1] + _window()
            until = free_at if until is None else max(until, free_at)
    return until


def failure_record(*, username: str, address: str | None, now: dt.datetime | None = None) -> None:
    now = now or timezone.now()
    LoginFailure.objects.filter(at__lte=now - _window()).delete()
    LoginFailure.objects.create(username=username.casefold()[:150], address=address or None, at=now)


def failures_clear(*, username: str) -> None:
    """A successful login: the username's count starts again (the address's does not)."""
    LoginFailure.objects.filter(username=username.casefold()).delete()


def client_address(request: object) -> str | None:
    """The address the request came from, as the server saw it (no forwarded headers trusted)."""
    meta = getattr(request, "META", {})
    address = meta.get("REMOTE_ADDR") or None
    return str(address) if address else None
