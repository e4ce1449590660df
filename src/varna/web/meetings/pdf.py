"""The minutes of a meeting as PDF, in the house style of Värna's records.

What goes in is what every attendee may see: the meeting, the attendees with their
units, and per item the heading, how it was presented – for a de-identified item
only the confirmed description, never anything of the matter itself – the
decisions, and the actions with responsible unit, due date and status. The file is
made in memory and sent; the download is logged by the view.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from reportlab.lib.pagesizes import A4
from reportlab.platypus import Paragraph, Spacer, Table

from varna.web.accounts.models import Unit
from varna.web.core.pdf import MARGIN, build_pdf, pdf_styles, pdf_table, pdf_text
from varna.web.meetings.models import Action, Attendance, Meeting, Minutes, Presentation
from varna.web.meetings.participation import Verdict


def minutes_filename(meeting: Meeting) -> str:
    return f"varna-protokoll-{timezone.localtime(meeting.starts_at):%Y-%m-%d}-{meeting.pk}.pdf"


def _lines(text: str) -> str:
    return "<br/>".join(pdf_text(line) for line in text.splitlines())


def _presentation(row: dict[str, Any]) -> str:
    item = row["item"]
    verdict = row["verdict"]
    if verdict is Verdict.NOT_INDIVIDUAL:
        return _("Not about an individual.")
    if verdict is Verdict.DRAFT:
        return _("De-identified case description not confirmed: the item could not be presented.")
    if verdict is Verdict.DEIDENTIFIED:
        return _("De-identified case description – everyone may take part.")
    if item.presentation == Presentation.IDENTIFIED:
        basis = _("consent on file") if item.consent_id else _("a recorded legal basis")
        return _("Identified discussion, on %(basis)s.") % {"basis": basis}
    return ""


def render_minutes(
    *,
    meeting: Meeting,
    attendances: Sequence[Attendance],
    rows: Sequence[dict[str, Any]],
    minutes: Minutes,
    generated_at: dt.datetime,
) -> bytes:
    s = pdf_styles()
    width = A4[0] - 2 * MARGIN
    authorities = dict(Unit.objects.values_list("authority", "authority_name").distinct())
    story: list[Any] = []

    def para(text: str, style: str = "body") -> None:
        story.append(Paragraph(text, s[style]))

    def cell(text: str, bold: bool = False) -> Paragraph:
        return Paragraph(_lines(text), s["cell_bold" if bold else "cell"])

    para(pdf_text(_("Minutes: %(title)s") % {"title": meeting.title}), "title")
    starts = timezone.localtime(meeting.starts_at)
    para(pdf_text(_("Time: %(time)s") % {"time": f"{starts:%Y-%m-%d %H:%M}"}))
    if meeting.place:
        para(pdf_text(_("Place: %(place)s") % {"place": meeting.place}))
    para(
        pdf_text(
            _("Convener: %(name)s") % {"name": meeting.convener.get_full_name() or meeting.convener.username}
        )
    )

    story.append(Paragraph(pdf_text(_("Attendees")), s["h2"]))
    table = [[cell(_("Name"), True), cell(_("Unit"), True), cell(_("Authority"), True)]]
    for attendance in attendances:
        user = attendance.user
        table.append(
            [
                cell(user.get_full_name() or user.username),
                cell(attendance.unit.name),
                cell(attendance.unit.authority_name),
            ]
        )
    story.append(pdf_table(table, [width * 0.3, width * 0.35, width * 0.35]))

    story.append(Paragraph(pdf_text(_("Agenda")), s["h2"]))
    if not rows:
        para(pdf_text(_("No items.")))
    for row in rows:
        item = row["item"]
        story.append(Paragraph(pdf_text(f"{item.position}. {item.title}"), s["h2"]))
        para(pdf_text(_presentation(row)), "small")
        if row["verdict"] is Verdict.DEIDENTIFIED:
            para(_lines(item.case_description))
        if row["verdict"] in (Verdict.PARTICIPATE, Verdict.LISTEN_ONLY):
            for answer in row["answers"]:
                said = _("may take part") if answer.verdict is Verdict.PARTICIPATE else _("may only listen")
                para(
                    pdf_text(
                        f"{answer.attendance.user.get_full_name() or answer.attendance.user.username} "
                        f"({answer.attendance.unit.name}): {said}"
                    ),
                    "small",
                )
        for decision in item.decisions.all():
            owner = authorities.get(decision.owner_authority, decision.owner_authority) or _("not decided")
            para(_lines(_("Decision: %(text)s") % {"text": decision.text}))
            para(pdf_text(_("Authority responsible: %(owner)s") % {"owner": owner}), "small")
        actions: list[Action] = row["actions"]
        if actions:
            story.append(Spacer(1, 4))
            story.append(_actions_table(actions, cell, width))

    general = [a for a in meeting.actions.all() if a.item_id is None]
    if general:
        story.append(Paragraph(pdf_text(_("Other actions")), s["h2"]))
        story.append(_actions_table(general, cell, width))

    story.append(Paragraph(pdf_text(_("Minutes")), s["h2"]))
    para(_lines(minutes.text) if minutes.text.strip() else pdf_text(_("No minutes written.")))

    footer = [
        _("Värna – minutes of the coordination team. Created %(time)s.")
        % {"time": f"{generated_at:%Y-%m-%d %H:%M}"},
        _("Contains no individual's matter; identified items are shown by heading only."),
    ]
    return build_pdf(
        story, title=_("Minutes: %(title)s") % {"title": meeting.title}, footer=footer, subject=_("Minutes")
    )


def _actions_table(actions: Sequence[Action], cell: Any, width: float) -> Table:
    rows = [
        [
            cell(pgettext("meeting action", "Action"), True),
            cell(_("Responsible unit"), True),
            cell(_("Due"), True),
            cell(_("Status"), True),
        ]
    ]
    for action in actions:
        rows.append(
            [
                cell(action.title),
                cell(action.responsible_unit.name),
                cell(f"{action.due_on:%Y-%m-%d}"),
                cell(str(action.get_status_display())),
            ]
        )
    return pdf_table(rows, [width * 0.45, width * 0.25, width * 0.12, width * 0.18])
