"""Who may take part in an agenda item, and who may only listen – asked of the law each time.

Nothing here is stored. Each time a meeting page (or its minutes) is shown, every
attendee is put to the secrecy engine as the discloser, with the other authorities
present as recipients, the setting a cooperation group, and the item's kind of
information, facts, the person's age and the consent on file *now*. So a consent
withdrawn this morning makes the holder listen-only at this afternoon's meeting,
without anybody having to remember to change the item.

With several authorities present the information reaches all of them at once, so
the most restrictive answer over the recipients is the one that counts; the page
says which recipient it was and why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from django.utils import timezone

from varna.guide.lawbridge import engine_for
from varna.law import Consent, Decision, Fact, Information, Outcome, Participation, Party, Question, Setting
from varna.web.consent import selectors as consent_selectors
from varna.web.consent.models import ConsentRecord, Form
from varna.web.core.municipality import current_municipality
from varna.web.matters.models import Person
from varna.web.meetings.models import AgendaItem, Attendance, Presentation

_INFORMATION = {i.value for i in Information}
_FACTS = {f.value for f in Fact}


class Verdict(StrEnum):
    PARTICIPATE = "participate"  # får delta
    LISTEN_ONLY = "listen_only"  # får bara lyssna
    DEIDENTIFIED = "deidentified"  # a confirmed de-identified description: everyone takes part
    DRAFT = "draft"  # the description is not confirmed yet: the item cannot be presented
    NOT_INDIVIDUAL = "not_individual"  # no individual behind the item


@dataclass(frozen=True, slots=True)
class AttendeeAnswer:
    """What one attendee may do under one item, and why."""

    attendance: Attendance
    verdict: Verdict
    decision: Decision | None  # the deciding (most restrictive) answer, when the law was asked
    against: str  # the recipient authority whose answer decided, by name
    consent: ConsentRecord | None  # the consent that covered the deciding recipient, if any

    @property
    def provisions(self) -> tuple[str, ...]:
        return self.decision.provisions if self.decision else ()


def consent_in_force(
    *, person: Person, recipient_authority: str, information_kind: str, on: dt.date
) -> ConsentRecord | None:
    """The consent register's answer for this recipient; an item with no kind of information asks for any."""
    return consent_selectors.consent_in_force(
        person=person,
        recipient_authority=recipient_authority,
        information_kind=information_kind or None,
        on=on,
    )


def question_information(item: AgendaItem) -> Information:
    return (
        Information(item.information_kind)
        if item.information_kind in _INFORMATION
        else (Information.PERSONAL_CIRCUMSTANCES)
    )


def question_facts(item: AgendaItem) -> frozenset[Fact]:
    return frozenset(Fact(f) for f in item.facts or () if f in _FACTS)


def is_about_individual(item: AgendaItem) -> bool:
    return item.matter is not None and item.matter.is_individual


def is_identified(item: AgendaItem) -> bool:
    return is_about_individual(item) and item.presentation == Presentation.IDENTIFIED


def meeting_day(starts_at: dt.datetime) -> dt.date:
    return timezone.localtime(starts_at).date()


def _severity(decision: Decision) -> int:
    if decision.participation is Participation.LISTEN_ONLY or decision.outcome is Outcome.NOT_ALLOWED:
        return 0
    if decision.outcome is Outcome.ALLOWED_AFTER_ASSESSMENT:
        return 1
    return 2


def _recipients(attendance: Attendance, attendances: Sequence[Attendance]) -> dict[Party, str]:
    """The other parties present, each once, with their authority's name."""
    own = attendance.unit.party
    found: dict[Party, str] = {}
    for other in attendances:
        party = other.unit.party
        if party != own and party not in found:
            found[party] = other.unit.authority_name
    return found


def _consent_value(record: ConsentRecord | None) -> Consent:
    if record is None:
        return Consent.NONE
    return Consent.WRITTEN if record.form == Form.WRITTEN else Consent.ORAL


def _deidentified_decision(
    item: AgendaItem, attendances: Sequence[Attendance], on: dt.date
) -> Decision | None:
    """The engine's answer for a description nobody can recognise: principle-deidentified."""
    if item.matter is None or not attendances:
        return None
    holder = item.matter.owner_unit.party
    other = next((a.unit.party for a in attendances if a.unit.party != holder), None)
    if other is None:
        return None
    question = Question(
        on_date=on,
        discloser=holder,
        recipient=other,
        setting=Setting.COOPERATION_GROUP,
        information=question_information(item),
        identifiable=False,
    )
    return engine_for(current_municipality()).assess(question)


def item_participation(
    item: AgendaItem, attendances: Sequence[Attendance], *, on: dt.date
) -> list[AttendeeAnswer]:
    """Per attendee: may take part, or may only listen, for this item on this day."""
    if not is_about_individual(item):
        return [AttendeeAnswer(a, Verdict.NOT_INDIVIDUAL, None, "", None) for a in attendances]
    if item.presentation == Presentation.DEIDENTIFIED:
        if not item.description_confirmed:
            return [AttendeeAnswer(a, Verdict.DRAFT, None, "", None) for a in attendances]
        decision = _deidentified_decision(item, attendances, on)
        return [AttendeeAnswer(a, Verdict.DEIDENTIFIED, decision, "", None) for a in attendances]

    person = item.matter.person if item.matter is not None else None
    if person is None:
        return [AttendeeAnswer(a, Verdict.NOT_INDIVIDUAL, None, "", None) for a in attendances]
    engine = engine_for(current_municipality())
    information = question_information(item)
    facts = question_facts(item)
    age = person.age_on(on)
    consents: dict[str, ConsentRecord | None] = {}
    answers = []
    for attendance in attendances:
        worst: tuple[Decision, str, ConsentRecord | None] | None = None
        for party, name in _recipients(attendance, attendances).items():
            authority = party.authority or ""
            if authority not in consents:
                consents[authority] = consent_in_force(
                    person=person,
                    recipient_authority=authority,
                    information_kind=item.information_kind,
                    on=on,
                )
            record = consents[authority]
            decision = engine.assess(
                Question(
                    on_date=on,
                    discloser=attendance.unit.party,
                    recipient=party,
                    setting=Setting.COOPERATION_GROUP,
                    information=information,
                    identifiable=True,
                    subject_age=age,
                    consent=_consent_value(record),
                    facts=facts,
                )
            )
            if worst is None or _severity(decision) < _severity(worst[0]):
                worst = (decision, name, record)
        if worst is None:  # nobody else present: nothing is disclosed
            answers.append(AttendeeAnswer(attendance, Verdict.PARTICIPATE, None, "", None))
            continue
        decision, name, record = worst
        verdict = Verdict.LISTEN_ONLY if _severity(decision) == 0 else Verdict.PARTICIPATE
        answers.append(AttendeeAnswer(attendance, verdict, decision, name, record))
    return answers
