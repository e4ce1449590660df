"""Retention: what a closed individual matter leaves behind once its retention date has passed.

Chosen approach – **anonymise, do not delete the records**. The matter, its
disclosures and its decisions stay as rows, because the disclosures are the legal
record of what passed between authorities (who decided, on what provisions, with
which rule-base version) and the audit log and meeting items point at them. What is
removed is everything that is about the individual:

* the matter's title (→ "Anonymiserat ärende") and description;
* the text of its decisions (→ "[gallrad]");
* the content and the balancing of interests of its disclosures (the question put to
  the engine names no one and is kept);
* the person – name → "anonymiserad", year of birth removed, ``anonymised_at`` set –
  once no other matter still needs them (another open matter, or a closed one not yet
  due);
* the person's consents at the same moment: deleted when nothing refers to them,
  otherwise emptied of their text (scope, form and dates are kept as the basis a
  disclosure relied on).

Each matter gets ``anonymised_at`` and one audit entry (``Action.RETENTION``, by the
user "gallring", naming no one), so a second run skips it. A dry run lists the same
matters and changes nothing, not even the log.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from varna.web.audit.models import Action
from varna.web.audit.services import audit_record
from varna.web.consent.models import ConsentRecord
from varna.web.disclosures.models import Disclosure
from varna.web.matters.models import Kind, Matter, MatterDecision, Person, Status

RETENTION_USER = "gallring"
ANONYMOUS_NAME = "anonymiserad"
ANONYMOUS_TITLE = "Anonymiserat ärende"
REMOVED = "[gallrad]"


@dataclass(frozen=True, slots=True)
class RetainedMatter:
    """One matter the run handled (or would handle): numbers only, never names."""

    matter_id: int
    authority: str
    retain_until: dt.date
    person_id: int | None
    person_anonymised: bool
    decisions: int
    disclosures: int
    consents_deleted: int
    consents_emptied: int


@dataclass(slots=True)
class RetentionReport:
    today: dt.date
    dry_run: bool
    matters: list[RetainedMatter] = field(default_factory=list)

    def text_sv(self) -> str:
        verb = "skulle gallras" if self.dry_run else "gallrades"
        note = " (provkörning, inget ändrades)" if self.dry_run else ""
        lines = [f"Gallring {self.today.isoformat()}{note}:"]
        if not self.matters:
            lines.append("Inga avslutade individärenden har passerat sitt gallringsdatum.")
        for m in self.matters:
            person = ""
            if m.person_id is not None:
                person = (f", person {m.person_id} anonymiseras" if m.person_anonymised
                          else f", person {m.person_id} behålls (annat ärende behöver personen)")
            lines.append(
                f"- ärende {m.matter_id} ({m.authority}, sparas t.o.m. {m.retain_until.isoformat()}) {verb}: "
                f"{m.decisions} beslut, {m.disclosures} utlämnanden{person}, "
                f"{m.consents_deleted} samtycken raderas, {m.consents_emptied} samtycken töms"
            )
        lines.append(f"Totalt {len(self.matters)} ärenden.")
        return "\n".join(lines)


def due_matters(today: dt.date) -> list[Matter]:
    """Closed individual matters whose retention date has passed and that still hold content."""
    return list(
        Matter.objects.filter(
            kind=Kind.INDIVIDUAL, status=Status.CLOSED, retain_until__lt=today, anonymised_at__isnull=True
        ).select_related("person").order_by("retain_until", "pk")
    )


def _person_still_needed(person: Person, due_ids: set[int], today: dt.date) -> bool:
    """Does any matter outside this run's due ones still need the person?"""
    return (
        Matter.objects.filter(person=person, anonymised_at__isnull=True)
        .exclude(pk__in=due_ids)
        .filter(Q(status=Status.OPEN) | Q(retain_until__isnull=True) | Q(retain_until__gte=today))
        .exists()
    )


def _consent_split(person: Person) -> tuple[list[int], list[int]]:
    deletable, referred = [], []
    for consent in ConsentRecord.objects.filter(person=person):
        if consent.disclosures.exists() or consent.agenda_items.exists():
            referred.append(consent.pk)
        else:
            deletable.append(consent.pk)
    return deletable, referred


def _plan(matter: Matter, due_ids: set[int], today: dt.date, people_done: set[int]) -> RetainedMatter:
    person = matter.person
    anonymise_person = (
        person is not None and person.anonymised_at is None and person.pk not in people_done
        and not _person_still_needed(person, due_ids, today)
    )
    deletable: list[int] = []
    referred: list[int] = []
    if anonymise_person and person is not None:
        deletable, referred = _consent_split(person)
    return RetainedMatter(
        matter_id=matter.pk, authority=matter.owner_authority,
        retain_until=matter.retain_until or today, person_id=person.pk if person else None,
        person_anonymised=anonymise_person, decisions=matter.decisions.count(),
        disclosures=matter.disclosures.count(), consents_deleted=len(deletable),
        consents_emptied=len(referred),
    )


def _apply(matter: Matter, planned: RetainedMatter, now: dt.datetime) -> None:
    Matter.objects.filter(pk=matter.pk).update(title=ANONYMOUS_TITLE, summary="", anonymised_at=now)
    MatterDecision.objects.filter(matter=matter).update(text=REMOVED)
    Disclosure.objects.filter(matter=matter).update(content=REMOVED, balancing="")
    if planned.person_anonymised and matter.person is not None:
        person = matter.person
        deletable, referred = _consent_split(person)
        ConsentRecord.objects.filter(pk__in=deletable).delete()
        ConsentRecord.objects.filter(pk__in=referred).update(
            information=REMOVED, purpose=REMOVED, guardians="", child_view="", withdrawal_note=""
        )
        Person.objects.filter(pk=person.pk).update(name=ANONYMOUS_NAME, birth_year=None, anonymised_at=now)
    audit_record(
        user=None, username=RETENTION_USER, action=Action.RETENTION, obj=matter,
        authority=matter.owner_authority,
        summary=f"Gallrade individärende {matter.pk} (sparades t.o.m. {planned.retain_until.isoformat()})",
        detail={"decisions": planned.decisions, "disclosures": planned.disclosures,
                "person": planned.person_id if planned.person_anonymised else None,
                "consents_deleted": planned.consents_deleted, "consents_emptied": planned.consents_emptied},
    )


def retention_run(*, today: dt.date, dry_run: bool) -> RetentionReport:
    """Anonymise every closed individual matter whose ``retain_until`` is before ``today``.

    With ``dry_run`` the report lists what would go and nothing is written. Each
    matter is handled in its own transaction, so one failure leaves the others done.
    """
    report = RetentionReport(today=today, dry_run=dry_run)
    due = due_matters(today)
    due_ids = {m.pk for m in due}
    people_done: set[int] = set()
    for matter in due:
        planned = _plan(matter, due_ids, today, people_done)
        if planned.person_anonymised and planned.person_id is not None:
            people_done.add(planned.person_id)
        report.matters.append(planned)
        if not dry_run:
            with transaction.atomic():
                _apply(matter, planned, timezone.now())
    return report
