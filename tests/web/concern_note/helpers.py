"""A note as a person would write it, and reading the PDF's text back."""

from __future__ import annotations

from tests.web.sharing.test_pdf import pdf_text

URL = "/orolig/anteckning/"
URL_EN = "/en/orolig/anteckning/"

NOTE = {
    "observed": (
        "Eleven visade en film med våldsbejakande propaganda för två klasskamrater och sa: "
        "”Det här är de enda som gör något på riktigt.”"
    ),
    "when": "2016-02-01, ungefär kl. 12.15",
    "context": "I matsalen under lunchrasten. En 15-årig elev i årskurs 9.",
    "others_aware": "Mentorn och två klasskamrater.",
    "actions_taken": "Jag pratade kort med eleven samma dag och berättade för rektor.",
    "wish": "Råd om hur jag ska gå vidare, och att elevhälsoteamet tar upp det.",
}


def flat(text: str) -> str:
    """Whitespace made single spaces, so text wrapped into lines can be compared with what was written."""
    return " ".join(text.split())


def note_text(pdf: bytes) -> str:
    """Every string the PDF shows, as one line of words."""
    return flat(pdf_text(pdf))
