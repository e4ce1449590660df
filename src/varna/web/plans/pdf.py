"""The yearly follow-up report as PDF: per plan and area, what was planned and what came of it.

Written for a municipal analyst to hand to the politicians: a summary per plan (how
many activities are done, ongoing, postponed …), then per area its problem picture,
and a table of activities with status at the year's end, responsible unit and
period, the indicators' target against current value, and the follow-ups recorded
during the year. Plans hold no individual data, so neither does the report.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from decimal import Decimal
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from varna.web.core.pdf import MARGIN, build_pdf, pdf_styles, pdf_table, pdf_text
from varna.web.plans.models import ActivityStatus
from varna.web.plans.selectors import ReportActivity, ReportPlan, org_name


def report_filename(year: int) -> str:
    return f"varna-uppfoljning-{year}.pdf"


def _number(value: Decimal | None) -> str:
    if value is None:
        return "–"
    normal = value.normalize()
    return number_format(normal, decimal_pos=max(-int(normal.as_tuple().exponent), 0))


def render_report(*, year: int, plans: list[ReportPlan], generated_at: dt.datetime, user: Any) -> bytes:
    s = pdf_styles()
    width = A4[0] - 2 * MARGIN
    statuses = {value: str(label) for value, label in ActivityStatus.choices}
    story: list[Any] = []

    def para(text: str, style: str = "body") -> Paragraph:
        return Paragraph(pdf_text(text), s[style])

    title = _("Follow-up of plans and activities %(year)d") % {"year": year}
    story.append(para(title, "title"))
    story.append(
        para(
            _("Made by Värna on %(when)s by %(who)s.")
            % {"when": generated_at.strftime("%Y-%m-%d %H:%M"), "who": user.display()},
            "small",
        )
    )
    story.append(
        para(
            _(
                "Status is given as it stood at the end of %(year)d (or today, for the current year). "
                "Indicators show the target and the value last recorded. "
                "Plans hold no information about individuals."
            )
            % {"year": year}
        )
    )
    if not plans:
        story.append(para(_("No plan runs during %(year)d.") % {"year": year}))

    for report in plans:
        plan = report.plan
        story.append(para(plan.shown_name, "h2"))
        period = " – ".join(d.isoformat() for d in (plan.starts_on, plan.ends_on) if d)
        facts = [
            (_("Kind"), plan.get_kind_display()),
            (_("Owner unit"), plan.owner_unit.name),
            (_("Period"), period or "–"),
        ]
        partners = [u.name for u in plan.partner_units.all()] + [org_name(i) for i in plan.partner_orgs]
        partners += plan.other_partner_list()
        if partners:
            facts.append((_("Partners"), "; ".join(partners)))
        if plan.source:
            facts.append((_("Source"), plan.source))
        counts = Counter(
            entry.status_at_year_end for section in report.sections for entry in section.activities
        )
        total = sum(counts.values())
        facts.append(
            (
                _("Activities"),
                ", ".join(
                    [_("%(count)d in all") % {"count": total}]
                    + [
                        f"{statuses[value]}: {counts[value]}"
                        for value in ActivityStatus.values
                        if counts[value]
                    ]
                ),
            )
        )
        story.append(
            Table(
                [[para(label, "cell_bold"), para(str(value), "cell")] for label, value in facts],
                colWidths=[0.22 * width, 0.78 * width],
                style=TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]),
            )
        )
        if plan.description:
            story.append(para(plan.description))
        for section in report.sections:
            if section.area is not None:
                area = section.area
                block = [para(area.shown_name, "cell_bold")]
                if area.problem_picture:
                    block.append(
                        para(_("Problem picture: %(text)s") % {"text": area.problem_picture}, "small")
                    )
                if area.measures:
                    block.append(para(_("Measures: %(text)s") % {"text": area.measures}, "small"))
                story.append(Spacer(1, 6))
                story.append(KeepTogether(block))
            story.append(Spacer(1, 3))
            story.append(_activity_table(section.activities, width, statuses, para))
    if not any(report.sections for report in plans) and plans:
        story.append(para(_("No activity of these plans runs during %(year)d.") % {"year": year}))

    return build_pdf(
        story,
        title=title,
        subject=_("Yearly follow-up"),
        footer=(
            _("Värna – follow-up of plans. No information about individuals."),
            _("Made %(when)s.") % {"when": generated_at.strftime("%Y-%m-%d %H:%M")},
        ),
    )


def _activity_table(
    entries: list[ReportActivity], width: float, statuses: dict[str, str], para: Any
) -> Table:
    rows: list[list[Any]] = [
        [
            para(t, "cell_bold")
            for t in (
                _("Activity"),
                _("Status"),
                _("Responsible and period"),
                _("Indicators: target / current"),
                _("Follow-ups during the year"),
            )
        ]
    ]
    for entry in entries:
        activity = entry.activity
        period = " – ".join(d.isoformat() for d in (activity.starts_on, activity.ends_on) if d)
        who = activity.responsible_unit.name if activity.responsible_unit else _("Not decided")
        indicators = (
            "<br/>".join(
                pdf_text(f"{i.name}: {_number(i.target)} / {_number(i.current)} {i.unit}".strip())
                for i in entry.indicators
            )
            or "–"
        )
        updates = "<br/>".join(
            pdf_text(
                f"{u.on.isoformat()} {statuses.get(u.status, u.status)}" + (f": {u.note}" if u.note else "")
            )
            for u in entry.updates
        ) or pdf_text(_("None"))
        title = activity.shown_title
        if activity.competence:
            title += " (" + _("competence development") + ")"
        rows.append(
            [
                para(title, "cell"),
                para(statuses.get(entry.status_at_year_end, ""), "cell"),
                para(f"{who}, {period}" if period else who, "cell"),
                Paragraph(indicators, para("", "cell").style),
                Paragraph(updates, para("", "cell").style),
            ]
        )
    return pdf_table(rows, [0.27 * width, 0.11 * width, 0.2 * width, 0.17 * width, 0.25 * width])
