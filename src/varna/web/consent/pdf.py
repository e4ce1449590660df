"""The printable consent form, in plain Swedish or English, with the scope filled in.

It is given to the person and, for a child, to the guardians, to read and sign: what
may be shared, with whom, for what, until when, and that it can be taken back at any
time. Made in memory and sent; nothing is written to disk.
"""

from __future__ import annotations

from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from varna.web.consent.models import ConsentRecord, Form, Giver
from varna.web.consent.selectors import scope_labels
from varna.web.core.pdf import MARGIN, build_pdf, pdf_styles, pdf_text


def consent_filename(consent: ConsentRecord, language: str) -> str:
    word = "consent-form" if language == "en" else "samtyckesblankett"
    return f"varna-{word}-{consent.pk}.pdf"


def _signature_block(label: str, width: float) -> Table:
    s = pdf_styles()
    rows = [
        [Paragraph(pdf_text(label), s["cell_bold"]), ""],
        [Paragraph(pdf_text(_("Signature")), s["cell"]), Paragraph(pdf_text(_("Date")), s["cell"])],
        ["", ""],
        [Paragraph(pdf_text(_("Name in block letters")), s["cell"]), ""],
    ]
    table = Table(rows, colWidths=[width * 0.65, width * 0.35], rowHeights=[None, None, 22, 28])
    table.setStyle(TableStyle([
        ("SPAN", (0, 0), (1, 0)),
        ("LINEBELOW", (0, 2), (0, 2), 0.6, colors.black),
        ("LINEBELOW", (1, 2), (1, 2), 0.6, colors.black),
        ("LINEBELOW", (0, 3), (0, 3), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


def render_consent_form(*, consent: ConsentRecord, language: str) -> bytes:
    """The form as PDF bytes in ``language`` ("sv" or "en")."""
    with translation.override("en" if language == "en" else "sv"):
        return _render(consent)


def _render(consent: ConsentRecord) -> bytes:
    s = pdf_styles()
    width = A4[0] - 2 * MARGIN
    story: list[Any] = []
    scope = scope_labels(consent)
    person = consent.person

    def h2(text: str) -> None:
        story.append(Paragraph(pdf_text(text), s["h2"]))

    def para(text: str, style: str = "body") -> None:
        story.append(Paragraph(pdf_text(text), s[style]))

    title = _("Consent to share information")
    story.append(Paragraph(pdf_text(title), s["title"]))
    para(_(
        "Several authorities in the municipality and the police work together to support young people. "
        "What they know about you is normally secret. With this consent you allow them to share some of "
        "it with each other – only what is written below, only with those named, and only for the purpose "
        "given."
    ))

    h2(_("Who the consent is about"))
    birth = str(person.birth_year) if person.birth_year else _("not recorded")
    para(_("Name: %(name)s") % {"name": person.name})
    para(_("Year of birth: %(year)s") % {"year": birth})

    h2(_("Which information may be shared"))
    para(consent.information)
    if scope["kinds"]:
        para(_("Kinds of information: %(kinds)s") % {"kinds": ", ".join(scope["kinds"])})

    h2(_("Who may receive it"))
    for name in scope["recipients"]:
        para(f"• {name}")

    h2(_("What it is for"))
    para(consent.purpose)

    h2(_("For how long"))
    given = consent.given_on.isoformat()
    if consent.expires_on:
        para(_("From %(given)s until %(expires)s, unless you take it back before.") % {
            "given": given, "expires": consent.expires_on.isoformat()})
    else:
        para(_("From %(given)s until you take it back.") % {"given": given})

    h2(_("You decide"))
    para(_(
        "Giving consent is voluntary. You can say no, or agree to only part of it. You can take your consent "
        "back at any time, by telling the person who gave you this form; from that moment nothing more is "
        "shared on the basis of it. What was already shared cannot be taken back."
    ))
    if consent.given_by != Giver.PERSON:
        para(_(
            "For a child under 18, the guardians consent. The child's own view counts more the older and "
            "more mature the child is, and it is written down here."
        ))
        h2(_("The child's own view"))
        para(consent.child_view or "")
        story.append(Spacer(1, 30))

    if consent.form == Form.ORAL:
        para(_("This consent was first given orally. Please sign the form so that it is on record in "
               "writing."), "small")

    h2(_("Signatures"))
    if consent.given_by in (Giver.PERSON, Giver.PERSON_AND_GUARDIANS):
        story.append(_signature_block(_("The person the consent is about"), width))
        story.append(Spacer(1, 8))
    if consent.given_by in (Giver.GUARDIANS, Giver.PERSON_AND_GUARDIANS):
        if consent.guardians:
            para(_("Guardians: %(names)s") % {"names": consent.guardians}, "small")
        story.append(_signature_block(_("Guardian"), width))
        story.append(Spacer(1, 8))
        story.append(_signature_block(_("Guardian"), width))
        story.append(Spacer(1, 8))
    story.append(_signature_block(_("Received by (staff member)"), width))

    footer = [
        _("Consent form no. %(number)s – keep a copy for yourself.") % {"number": consent.pk},
        _("Värna records the consent; it does not replace the staff member's judgement."),
    ]
    return build_pdf(story, title=title, footer=footer, subject=title)
