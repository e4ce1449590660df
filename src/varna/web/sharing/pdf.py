"""The PDF record of one answer: what was asked, what Värna answered and on what basis.

A staff member may need to show later why they shared something, or why not. The
record holds the question in words, the outcome, the explanation and warnings, the
provisions and every rule tried, dated and with the rule-base version – and says
that Värna kept nothing. It is made in memory and sent; nothing is written to disk.

The built-in Helvetica is used on purpose: it needs no font file on the server and
its encoding (Windows-1252) holds å, ä, ö, é, the dashes and the section sign –
everything the rule base writes. Anything outside it is replaced rather than
dropped silently, so a future text with such a character shows a visible mark.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.utils.translation import gettext as _
from reportlab.lib.pagesizes import A4
from reportlab.platypus import ListFlowable, ListItem, Paragraph, Spacer

from varna.web.core.pdf import MARGIN, build_pdf, pdf_styles, pdf_table, pdf_text
from varna.web.sharing.forms import SummaryRow
from varna.web.sharing.selectors import Answer


def record_filename(answer: Answer) -> str:
    """A name that sorts by the day asked about and says what the file is."""
    return f"varna-bedomning-{answer.decision.on_date.isoformat()}.pdf"


def render_record(*, answer: Answer, question: Sequence[SummaryRow], generated_at: dt.datetime) -> bytes:
    """The record as PDF bytes, in the active language (explanations stay Swedish)."""
    s = pdf_styles()
    decision = answer.decision
    width = A4[0] - 2 * MARGIN
    story: list[Any] = []

    def h2(text: str) -> None:
        story.append(Paragraph(pdf_text(text), s["h2"]))

    def para(text: str, style: str = "body") -> None:
        story.append(Paragraph(pdf_text(text), s[style]))

    story.append(Paragraph(pdf_text(_("May I share this? – record of the assessment")), s["title"]))
    para(_("Made by Värna on %(when)s.") % {"when": generated_at.strftime("%Y-%m-%d %H:%M")}, "small")

    h2(_("The question"))
    story.append(pdf_table(
        [[Paragraph(pdf_text(row.label), s["cell_bold"]), Paragraph(pdf_text(row.value), s["cell"])]
         for row in question],
        (0.36 * width, 0.64 * width), header=False,
    ))

    h2(_("The answer"))
    para(answer.outcome, "outcome")
    if answer.participation:
        para(_("In the cooperation group: %(participation)s.") % {"participation": answer.participation})
    para(decision.explanation)

    if decision.warnings:
        h2(_("Warnings"))
        story.append(ListFlowable(
            [ListItem(Paragraph(pdf_text(w), s["body"]), leftIndent=12) for w in decision.warnings],
            bulletType="bullet", start="•", leftIndent=12,
        ))

    h2(_("The provisions the answer rests on"))
    if answer.provisions:
        story.append(pdf_table(
            [[Paragraph(pdf_text(p.citation), s["cell_bold"]), Paragraph(pdf_text(p.title or ""), s["cell"])]
             for p in answer.provisions],
            (0.2 * width, 0.8 * width), header=False,
        ))
    else:  # reportlab refuses an empty table; the same-branch answer cites nothing
        para(_("No provision is cited: the information does not cross any secrecy boundary here."))

    h2(_("Every rule tried"))
    trace_rows: list[list[Any]] = [[Paragraph(pdf_text(t), s["cell_bold"]) for t in (
        _("Rule"), _("Provision"), _("Applied"), _("Note"))]]
    for row in answer.trace:
        trace_rows.append([
            Paragraph(pdf_text(row.rule), s["cell"]),
            Paragraph(pdf_text(row.citation or "–"), s["cell"]),
            Paragraph(pdf_text(_("Yes") if row.applied else _("No")), s["cell"]),
            Paragraph(pdf_text(row.note), s["cell"]),
        ])
    story.append(pdf_table(trace_rows, (0.24 * width, 0.13 * width, 0.09 * width, 0.54 * width), header=True))

    h2(_("Rule base"))
    para(_("Answered for %(day)s by rule-base version %(version)s, reviewed %(reviewed)s.") % {
        "day": decision.on_date.isoformat(), "version": decision.rulebase,
        "reviewed": decision.rulebase_reviewed_on.isoformat()})
    story.append(Spacer(1, 6))
    para(_("Nothing you answered was stored by Värna: the question lives only in the address of the page "
           "and in this record."), "small")

    return build_pdf(
        story,
        title=_("May I share this? – record of the assessment"),
        footer=(_("Värna supports your judgement; it does not replace it."),
                _("Nothing you answered was stored.")),
        subject=decision.rulebase,
    )
