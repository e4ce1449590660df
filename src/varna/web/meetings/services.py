"""Writes of meetings, agenda items, minutes, decisions and actions – each one audited.

The rules the law and the guideline set are kept here, not in the views:

* only a convener (or an administrator) calls a meeting;
* an individual matter goes on the agenda only by a user of the authority that holds
  it, and by default as a de-identified case description that a person confirms
  before the item can be presented;
* identified discussion needs consent on file for every other authority present, or
  a recorded legal basis (the basis in words, the facts it rests on and the kind of
  information);
* minutes and actions are saved only against the version the writer read
  (optimistic locking), so nobody silently overwrites anybody.

Audit summaries name objects by number only: never a person's name or case text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import transaction
from django.db.models import Max, Model
from django.utils import timezone
from django.utils.translation import gettext as _

from varna.deid import deidentify
from varna.web.accounts.models import Unit, User
from varna.web.audit.models import Action as AuditAction
from varna.web.audit.services import audit_record
from varna.web.consent.models import ConsentRecord
from varna.web.core.editing import EditConflict, claim_version
from varna.web.matters.access import holds
from varna.web.matters.models import Matter
from varna.web.meetings.models import (
    Action,
    ActionStatus,
    AgendaItem,
    Attendance,
    ItemDecision,
    Meeting,
    Minutes,
    Presentation,
)
from varna.web.meetings.participation import consent_in_force, meeting_day


class MeetingError(Exception):
    """A rule of the workspace refuses the write; ``field`` names the form field it is about."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


def _audit_item(
    item: AgendaItem,
    *,
    user: User,
    action: AuditAction,
    summary: str,
    obj: Model | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """Audit a write of or under an agenda item (``obj``, else the item itself).

    An individual matter's item is logged against the authority that holds the matter.
    """
    authority = item.matter.owner_authority if item.matter is not None and item.matter.is_individual else ""
    audit_record(
        user=user,
        action=action,
        obj=item if obj is None else obj,
        authority=authority,
        summary=summary,
        detail=detail,
    )


def _attend(meeting: Meeting, users: Iterable[User]) -> int:
    added = 0
    for user in users:
        if user.unit_id is None:
            raise MeetingError(
                _("%(name)s has no unit and cannot attend: an attendee speaks for a unit.")
                % {"name": user.get_full_name() or user.username},
                field="attendees",
            )
        _attendance, created = Attendance.objects.get_or_create(
            meeting=meeting, user=user, defaults={"unit_id": user.unit_id}
        )
        added += created
    return added


@transaction.atomic
def meeting_create(
    *, convener: User, title: str, starts_at: dt.datetime, place: str, attendees: Sequence[User]
) -> Meeting:
    """Call a meeting; the convener attends, each attendee with the unit they belong to today."""
    if not convener.is_convener or convener.unit_id is None:
        raise MeetingError(_("Only a convener or an administrator with a unit can call a meeting."))
    meeting = Meeting(title=title, starts_at=starts_at, place=place, convener=convener)
    meeting.full_clean()
    meeting.save()
    _attend(meeting, [convener, *attendees])
    Minutes.objects.create(meeting=meeting, updated_by=convener)
    audit_record(
        user=convener,
        action=AuditAction.CREATE,
        obj=meeting,
        summary=f"Kallade till mötet {meeting.pk} med {meeting.attendances.count()} deltagare",
    )
    return meeting


def can_manage(user: User, meeting: Meeting) -> bool:
    """The meeting's convener, or an administrator who attends it, changes its particulars."""
    return meeting.convener_id == user.pk or bool(user.is_administrator)


@transaction.atomic
def meeting_update(
    *, meeting: Meeting, user: User, title: str, starts_at: dt.datetime, place: str, attendees: Sequence[User]
) -> Meeting:
    if not can_manage(user, meeting):
        raise MeetingError(_("Only the meeting's convener can change it."))
    meeting.title, meeting.starts_at, meeting.place = title, starts_at, place
    meeting.full_clean()
    meeting.save(update_fields=["title", "starts_at", "place"])
    keep = {u.pk for u in attendees} | {meeting.convener_id}
    removed, _detail = Attendance.objects.filter(meeting=meeting).exclude(user__in=keep).delete()
    added = _attend(meeting, attendees)
    audit_record(
        user=user,
        action=AuditAction.UPDATE,
        obj=meeting,
        summary=f"Ändrade mötet {meeting.pk} ({added} deltagare till, {removed} borttagna)",
    )
    return meeting


def other_authorities(meeting: Meeting, authority: str) -> list[str]:
    """The authorities present at the meeting besides ``authority``, each once."""
    return sorted({a.unit.authority for a in meeting.attendances.select_related("unit")} - {authority})


def identified_basis(
    *, meeting: Meeting, matter: Matter, information_kind: str, facts: Sequence[str], basis_note: str
) -> ConsentRecord | None:
    """Check that identified discussion has a basis; the consent used, if consent is the basis.

    Consent must be in force on the meeting's day and reach every other authority
    present; failing that, a recorded legal basis needs all three of the basis in
    words, the facts and the kind of information. Otherwise :class:`MeetingError`.
    """
    person = matter.person
    if person is None:  # an individual matter always has its person (a constraint); a group matter none
        raise MeetingError(_("Identified discussion is only for an individual matter."), field="presentation")
    day = meeting_day(meeting.starts_at)
    others = other_authorities(meeting, matter.owner_authority)
    records = [
        consent_in_force(person=person, recipient_authority=a, information_kind=information_kind, on=day)
        for a in others
    ]
    if others and all(records):
        return records[0]
    if basis_note.strip() and facts and information_kind:
        return None
    raise MeetingError(
        _(
            "Identified discussion needs consent on file that covers every other authority at the meeting, "
            "or a recorded legal basis: write the basis, tick the facts it rests on and choose the kind of "
            "information. Otherwise present the item as a de-identified case description."
        ),
        field="presentation",
    )


def _check_matter(user: User, matter: Matter | None) -> None:
    if matter is not None and matter.is_individual and not holds(user, matter):
        raise MeetingError(
            _("Only a user of the authority that holds an individual matter can put it on the agenda."),
            field="matter",
        )


def _apply_presentation(
    item: AgendaItem,
    *,
    meeting: Meeting,
    presentation: str,
    information_kind: str,
    facts: Sequence[str],
    basis_note: str,
) -> None:
    item.information_kind, item.facts, item.basis_note = information_kind, list(facts), basis_note
    matter = item.matter
    if matter is None or not matter.is_individual:
        item.presentation = Presentation.DEIDENTIFIED
        item.consent = None
        return
    item.presentation = presentation
    if presentation == Presentation.IDENTIFIED:
        item.consent = identified_basis(
            meeting=meeting,
            matter=matter,
            information_kind=information_kind,
            facts=facts,
            basis_note=basis_note,
        )
        return
    item.consent = None
    if not item.case_description:
        item.case_description = deidentify(matter.summary).text
        item.description_confirmed_by, item.description_confirmed_at = None, None


@transaction.atomic
def item_create(
    *,
    meeting: Meeting,
    user: User,
    title: str,
    matter: Matter | None,
    presentation: str = Presentation.DEIDENTIFIED,
    information_kind: str = "",
    facts: Sequence[str] = (),
    basis_note: str = "",
) -> AgendaItem:
    """Put an item on the agenda; an individual matter's item starts as an unconfirmed draft."""
    _check_matter(user, matter)
    position = (meeting.items.aggregate(top=Max("position"))["top"] or 0) + 1
    item = AgendaItem(meeting=meeting, position=position, title=title, matter=matter)
    _apply_presentation(
        item,
        meeting=meeting,
        presentation=presentation,
        information_kind=information_kind,
        facts=facts,
        basis_note=basis_note,
    )
    item.full_clean()
    item.save()
    _audit_item(
        item,
        user=user,
        action=AuditAction.CREATE,
        summary=f"Lade till dagordningspunkt {item.pk} i mötet {meeting.pk}"
        + (f" om ärende {matter.pk} ({item.presentation})" if matter is not None else ""),
    )
    return item


@transaction.atomic
def item_update(
    *,
    item: AgendaItem,
    user: User,
    title: str,
    presentation: str,
    information_kind: str,
    facts: Sequence[str],
    basis_note: str,
) -> AgendaItem:
    _check_matter(user, item.matter)
    item.title = title
    _apply_presentation(
        item,
        meeting=item.meeting,
        presentation=presentation,
        information_kind=information_kind,
        facts=facts,
        basis_note=basis_note,
    )
    item.full_clean()
    item.save()
    _audit_item(
        item,
        user=user,
        action=AuditAction.UPDATE,
        summary=f"Ändrade dagordningspunkt {item.pk} i mötet {item.meeting_id} ({item.presentation})",
    )
    return item


def is_holder(user: User, item: AgendaItem) -> bool:
    return item.matter is not None and item.matter.is_individual and holds(user, item.matter)


@transaction.atomic
def item_description_save(*, item: AgendaItem, user: User, text: str, confirm: bool) -> AgendaItem:
    """Save the de-identified description; confirming records who vouched for it, and when.

    Any change of the text takes a confirmation back: a person must read and vouch
    for exactly the text the other authorities will see.
    """
    if not is_holder(user, item):
        raise MeetingError(_("Only a user of the authority that holds the matter can edit its description."))
    text = text.strip()
    if confirm and not text:
        raise MeetingError(_("Write the de-identified case description before you confirm it."), field="text")
    changed = text != item.case_description
    item.case_description = text
    if confirm:
        item.description_confirmed_by, item.description_confirmed_at = user, timezone.now()
    elif changed:
        item.description_confirmed_by, item.description_confirmed_at = None, None
    item.save(update_fields=["case_description", "description_confirmed_by", "description_confirmed_at"])
    _audit_item(
        item,
        user=user,
        action=AuditAction.UPDATE,
        summary=f"{'Bekräftade' if confirm else 'Ändrade'} den avidentifierade beskrivningen för "
        f"dagordningspunkt {item.pk}",
    )
    return item


@transaction.atomic
def decision_record(*, item: AgendaItem, user: User, text: str, owner_authority: str) -> ItemDecision:
    decision = ItemDecision(item=item, text=text.strip(), owner_authority=owner_authority, recorded_by=user)
    decision.full_clean()
    decision.save()
    _audit_item(
        item,
        user=user,
        action=AuditAction.CREATE,
        obj=decision,
        summary=f"Antecknade beslut {decision.pk} under dagordningspunkt {item.pk} i mötet {item.meeting_id}",
        detail={"owner_authority": owner_authority},
    )
    return decision


def minutes_of(meeting: Meeting) -> Minutes:
    minutes, _created = Minutes.objects.select_related("updated_by").get_or_create(meeting=meeting)
    return minutes


@transaction.atomic
def minutes_save(*, meeting: Meeting, user: User, text: str, version: int) -> Minutes:
    """Save the minutes only if nobody saved since ``version`` was read; else :class:`EditConflict`."""
    minutes = minutes_of(meeting)
    saved = claim_version(
        Minutes, pk=minutes.pk, version=version, text=text, updated_by=user, updated_at=timezone.now()
    )
    current = Minutes.objects.select_related("updated_by").get(meeting=meeting)
    if not saved:
        raise EditConflict(current)
    audit_record(
        user=user,
        action=AuditAction.UPDATE,
        obj=current,
        summary=f"Sparade protokollet för mötet {meeting.pk} (version {current.version})",
    )
    return current


@transaction.atomic
def action_create(
    *,
    meeting: Meeting,
    user: User,
    title: str,
    responsible_unit: Unit,
    due_on: dt.date,
    item: AgendaItem | None = None,
) -> Action:
    if item is not None and item.meeting_id != meeting.pk:
        raise MeetingError(_("The item belongs to another meeting."), field="item")
    action = Action(
        meeting=meeting,
        item=item,
        title=title,
        responsible_unit=responsible_unit,
        due_on=due_on,
        created_by=user,
    )
    action.full_clean()
    action.save()
    audit_record(
        user=user,
        action=AuditAction.CREATE,
        obj=action,
        summary=f"Skapade åtgärd {action.pk} från mötet {meeting.pk}",
        detail={"responsible_unit": responsible_unit.code, "due_on": due_on.isoformat()},
    )
    return action


@transaction.atomic
def action_update(*, action: Action, user: User, status: str, note: str, version: int) -> Action:
    """Change status and follow-up note, only against the version read; else :class:`EditConflict`."""
    if status not in ActionStatus.values:
        raise MeetingError(_("Choose one of the statuses in the list."), field="status")
    done_on = timezone.localdate() if status == ActionStatus.DONE else None
    if status == ActionStatus.DONE and action.status == ActionStatus.DONE and action.done_on:
        done_on = action.done_on
    saved = claim_version(Action, pk=action.pk, version=version, status=status, note=note, done_on=done_on)
    current = Action.objects.select_related("responsible_unit", "meeting").get(pk=action.pk)
    if not saved:
        raise EditConflict(current)
    audit_record(
        user=user,
        action=AuditAction.UPDATE,
        obj=current,
        summary=f"Ändrade åtgärd {current.pk} (status {status}, version {current.version})",
    )
    return current
