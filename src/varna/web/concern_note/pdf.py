"""The note as a PDF, for printing or saving: the questions' short names as headings, the text as written.

Made in memory and sent; nothing is written to disk and nothing is kept. The fonts,
margins, styles and the character handling are the wizard's record's (see
``varna.web.sharing.pdf``), so the two documents look alike and share one answer
to which characters the built-in Helvetica can print.

Each answer is a run of paragraphs rather than a table cell, so a long answer
flows over a page break instead of failing to fit.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from django.utils.translation import gettext as _
from reportlab.platypus import Paragraph, Spacer

from varna.web.concern_note.forms import Section
from varna.web.core.pdf import build_pdf, pdf_styles, pdf_text


def note_filename(written_at: dt.datetime) -> str:
    return f"varna-anteckning-{written_at.date().isoformat()}.pdf"


def _paragraphs(text: str) -> list[str]:
    """Blank lines separate paragraphs; a single line break is kept as one."""
    blocks = [block.strip("\n") for block in text.split("\n\n")]
    return ["<br/>".join(pdf_text(line) for line in block.split("\n")) for block in blocks if block.strip()]


def render_note(*, sections: Sequence[Section], written_at: dt.datetime) -> bytes:
    """The note as PDF bytes, in the active language; the person's own text exactly as written."""
    s = pdf_styles()
    title = _("Note about a concern")
    story: list[Any] = [
        Paragraph(pdf_text(title), s["title"]),
        Paragraph(pdf_text(_("Written with Värna on %(when)s. Värna has not saved this note.") % {
            "when": written_at.strftime("%Y-%m-%d %H:%M")}), s["small"]),
    ]
    for section in sections:
        story.append(Paragraph(pdf_text(section.title), s["h2"]))
        paragraphs = _paragraphs(section.text)
        if not paragraphs:
            story.append(Paragraph(pdf_text(_("Not filled in.")), s["small"]))
        for markup in paragraphs:
            story.append(Paragraph(markup, s["body"]))
            story.append(Spacer(1, 4))

    story.append(Spacer(1, 10))
    story.append(Paragraph(pdf_text(_(
        "Keep this note as your workplace's rules on documentation say, and share it only with those who "
        "need it. If someone is in immediate danger, call 112.")), s["small"]))

    return build_pdf(
        story,
        title=title,
        footer=(_("Värna supports your judgement; it does not replace it."),
                _("This note was not saved by Värna.")),
    )
