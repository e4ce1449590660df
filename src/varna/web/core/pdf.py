"""The house style of Värna's PDF records: fonts, paragraph styles, the page footer.

The assessment record, the concern note and the workspace's records (minutes,
yearly follow-up) are printed and filed next to each other, so they share one look –
tables included – and one footer rule: every page says that Värna
supports a judgement without replacing it, and what was (not) stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

FONT, BOLD = "Helvetica", "Helvetica-Bold"
MARGIN = 18 * mm


def pdf_table(rows: list[list[Any]], widths: Sequence[float], *, header: bool = True) -> Table:
    """A table in the house style: thin rules between rows; a shaded header row repeated on each page."""
    table = Table(rows, colWidths=list(widths), repeatRows=1 if header else 0)
    commands: list[tuple[Any, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor("#c9d1d9")),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f4f6f8")))
    table.setStyle(TableStyle(commands))
    return table


def pdf_text(value: str) -> str:
    """Escape for reportlab's markup and keep to the font's encoding."""
    return escape(value.encode("cp1252", "replace").decode("cp1252"))


def pdf_styles() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=base["BodyText"], fontName=FONT, fontSize=10, leading=13.5,
                          alignment=TA_LEFT)
    return {
        "title": ParagraphStyle("title", parent=base["Title"], fontName=BOLD, fontSize=18, leading=22,
                                alignment=TA_LEFT, spaceAfter=4),
        "h2": ParagraphStyle("h2", parent=base["Heading2"], fontName=BOLD, fontSize=13, leading=16,
                             spaceBefore=10, spaceAfter=4),
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8.5, leading=11),
        "outcome": ParagraphStyle("outcome", parent=body, fontName=BOLD, fontSize=15, leading=19,
                                  spaceAfter=4),
        "cell": ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.5),
        "cell_bold": ParagraphStyle("cell_bold", parent=body, fontName=BOLD, fontSize=8.5, leading=10.5),
    }


def build_pdf(story: list[Any], *, title: str, footer: Sequence[str], subject: str = "") -> bytes:
    """Lay out ``story`` on A4 with the footer lines and a page number on every page."""
    page_label = _("Page %(page)d")

    def on_page(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 8)
        canvas.setFillColor(colors.HexColor("#4a5563"))
        for line, text in enumerate(footer):
            canvas.drawString(MARGIN, (12 - 4 * line) * mm, text.encode("cp1252", "replace").decode("cp1252"))
        canvas.drawRightString(A4[0] - MARGIN, 8 * mm, page_label % {"page": document.page})
        canvas.restoreState()

    buffer = BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=20 * mm,
        title=title, author="Värna", subject=subject, creator="Värna",
    )
    document.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buffer.getvalue()
