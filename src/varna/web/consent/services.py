"""Writes of the consent register: recording and withdrawing, both audited without names."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction
from django.utils import timezone

from varna.web.audit.models import Action
from varna.web.audit.services import audit_record
from varna.web.consent.models import ConsentRecord, Form, Giver
from varna.web.matters.access import holds_person
from varna.web.matters.models import Person


class ConsentError(Exception):
    """A change the record does not allow (withdrawing twice, another authority's person)."""


@transaction.atomic
def consent_record(
    *,
    user: Any,
    person: Person,
    information: str,
    information_kinds: list[str],
    recipients: list[str],
    purpose: str,
    form: Form | str,
    given_by: Giver | str,
    given_on: dt.date,
    expires_on: dt.date | None = None,
    guardians: str = "",
    child_view: str = "",
) -> ConsentRecord:
    """Record a consent for a person the user's authority holds."""
    if not holds_person(user, person):
        raise ConsentError("the person is held by another authority or branch")
    consent = ConsentRecord(
        person=person, owner_authority=person.owner_authority, information=information.strip(),
        information_kinds=list(information_kinds), recipients=list(recipients), purpose=purpose.strip(),
        form=form, given_by=given_by, guardians=guardians.strip(), child_view=child_view.strip(),
        given_on=given_on, expires_on=expires_on, recorded_by=user,
    )
    consent.full_clean()
    consent.save()
    audit_record(
        user=user, action=Action.CONSENT_GIVEN, obj=consent, authority=consent.owner_authority,
        summary=f"Registrerade samtycke {consent.pk} för person {person.pk}",
        detail={"form": str(form), "given_by": str(given_by), "recipients": list(recipients),
                "kinds": list(information_kinds), "given_on": given_on.isoformat(),
                "expires_on": expires_on.isoformat() if expires_on else None},
    )
    return consent


@transaction.atomic
def consent_withdraw(*, user: Any, consent: ConsentRecord, on: dt.date, note: str = "") -> ConsentRecord:
    """Withdraw at once: from today (or from ``on``, if earlier) the consent covers nothing."""
    locked = ConsentRecord.objects.select_for_update().get(pk=consent.pk)
    if locked.withdrawn_at is not None:
        raise ConsentError("the consent is already withdrawn")
    now = timezone.now()
    if on >= timezone.localdate(now):
        withdrawn_at = now
    else:
        # Midday, so the day stays the same in UTC (``in_force_on`` compares days).
        withdrawn_at = timezone.make_aware(dt.datetime.combine(on, dt.time(12)))
    locked.withdrawn_at = withdrawn_at
    locked.withdrawal_note = note.strip()
    locked.save(update_fields=["withdrawn_at", "withdrawal_note"])
    audit_record(
        user=user, action=Action.CONSENT_WITHDRAWN, obj=locked, authority=locked.owner_authority,
        summary=f"Registrerade återkallelse av samtycke {locked.pk}",
        detail={"withdrawn_on": on.isoformat()},
    )
    consent.refresh_from_db()
    return consent
