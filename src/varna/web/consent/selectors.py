"""Reads of the consent register; a record is reached only through its person's access door.

:func:`consent_in_force` is the one question every later disclosure and meeting item
asks: it reads the register afresh each time, so a withdrawal recorded a moment ago
already counts.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.http import Http404

from varna.web.audit.models import Action
from varna.web.audit.services import audit_record
from varna.web.consent.models import ConsentRecord, Form
from varna.web.matters.access import persons_for
from varna.web.matters.models import Person
from varna.web.matters.selectors import authority_label
from varna.web.sharing.selectors import vocabulary_label


def consents_of(person: Person) -> QuerySet[ConsentRecord]:
    """The register of one person the caller already reached through ``access.person_for``."""
    return person.consents.filter(owner_authority=person.owner_authority).order_by("-given_on", "-pk")


def consent_for(
    user: Any, pk: int, *, purpose: str = "visa samtycket", action: Action = Action.READ
) -> ConsentRecord:
    """One consent record of a person the user's authority holds, or 404; the read is logged."""
    consent = (
        ConsentRecord.objects.select_related("person")
        .filter(pk=pk, person__in=persons_for(user))
        .first()
    )
    if consent is None or consent.owner_authority != consent.person.owner_authority:
        raise Http404("no such consent")
    audit_record(user=user, action=action, obj=consent, authority=consent.owner_authority,
                 summary=f"Läste samtycke {consent.pk} ({purpose})")
    return consent


def consent_in_force(
    *, person: Person, recipient_authority: str, information_kind: str | None, on: dt.date
) -> ConsentRecord | None:
    """The consent in the register that covers this recipient and kind of information on ``on``.

    A withdrawn, expired or not yet given consent covers nothing. Written consent is
    preferred to oral; among equals the most recently given wins. ``None`` when no
    consent covers it – the question must then be answered without consent.
    """
    covering = [
        c for c in consents_of(person)
        if c.in_force_on(on) and c.covers(recipient_authority, information_kind)
    ]
    if not covering:
        return None
    covering.sort(key=lambda c: (c.form == Form.WRITTEN, c.given_on, c.pk), reverse=True)
    return covering[0]


def scope_labels(consent: ConsentRecord) -> dict[str, list[str]]:
    """The scope in words of the page's language: kinds of information and recipients."""
    return {
        "kinds": [vocabulary_label("information", kind) for kind in consent.information_kinds],
        "recipients": [authority_label(a) for a in consent.recipients],
    }
