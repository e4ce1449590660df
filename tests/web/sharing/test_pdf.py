"""The PDF record: a real PDF, sent as a download, holding the answer and what it rests on.

The text is read back from the PDF's own content streams (ASCII85 and Flate, as
reportlab writes them), so the test checks what a reader of the file would see.
"""

from __future__ import annotations

import base64
import re
import zlib
from typing import Any

from django.test import Client
from tests.web.sharing.helpers import EXAMPLE_GROUP, walk, wizard_answers

_STREAM = re.compile(rb"stream\r?\n(.*?)endstream", re.S)
_SHOWN = re.compile(rb"\(((?:\\.|[^\\)])*)\)\s*Tj")
_ESCAPE = re.compile(rb"\\([0-7]{1,3}|.)", re.S)


def _unescape(literal: bytes) -> str:
    def one(match: re.Match[bytes]) -> bytes:
        code = match.group(1)
        if code[:1].isdigit():
            return bytes([int(code, 8)])
        return {b"n": b"\n", b"r": b"\r", b"t": b"\t"}.get(code, code)

    return _ESCAPE.sub(one, literal).decode("cp1252")


def pdf_text(data: bytes) -> str:
    """Every string the PDF's pages show, one per line, in drawing order."""
    lines: list[str] = []
    for match in _STREAM.finditer(data):
        raw = match.group(1).strip()
        if raw.endswith(b"~>"):
            raw = base64.a85decode(raw[:-2])
        try:
            content = zlib.decompress(raw)
        except zlib.error:
            continue
        lines += [_unescape(shown) for shown in _SHOWN.findall(content)]
    return "\n".join(lines)


def _record(client: Client, start: str = "/dela/", question: dict[str, Any] | None = None,
            ) -> tuple[bytes, Any]:
    result = walk(client, wizard_answers(question or EXAMPLE_GROUP), start=start)
    response = client.get(result.result_url.replace("/dela/svar/", "/dela/pdf/"))
    return response.content, response


def test_the_record_is_a_pdf_download(client: Client) -> None:
    content, response = _record(client)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert content.startswith(b"%PDF")
    assert response["Content-Disposition"] == 'attachment; filename="varna-bedomning-2016-02-01.pdf"'
    assert "no-store" in response["Cache-Control"]


def test_the_record_holds_the_question_the_answer_and_its_basis(client: Client) -> None:
    content, _ = _record(client)
    text = pdf_text(content)
    assert "Får jag dela uppgiften?" in text
    assert "Nej, sekretessen hindrar det" in text
    assert "Får bara lyssna, inte delta" in text
    assert "OSL 26:1" in text and "Socialtjänstsekretess" in text  # a provision and its title
    assert "JO 1990/91 s. 369" in text
    assert "Socialtjänsten" in text and "Polismyndigheten" in text  # the question in words
    assert "malmo-2015-12-13" in text
    assert "Värna stöder din bedömning men ersätter den inte." in text
    assert "sparades" in text  # nothing was stored


def test_the_record_follows_the_language(client: Client) -> None:
    content, response = _record(client, start="/en/dela/")
    assert response.status_code == 200
    text = pdf_text(content)
    assert "No, secrecy prevents it" in text
    assert "Every rule tried" in text
    assert "OSL 26:1" in text


def test_an_answer_resting_on_no_provision_still_makes_a_record(client: Client) -> None:
    # Within one branch nothing is cited; the record says so instead of an empty table.
    same_branch = {
        "on_date": "2016-02-01",
        "discloser": {"actor": "social_services", "authority": "sdn-norr"},
        "recipient": {"actor": "social_services", "authority": "sdn-norr"},
    }
    content, response = _record(client, question=same_branch)
    assert response.status_code == 200
    assert "passerar ingen sekretessgr" in pdf_text(content)
