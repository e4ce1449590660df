"""A gentle look for details that rarely belong in a note: identity numbers, phone numbers, e-mail.

This is a reminder, not de-identification: it finds only what has a recognisable
shape, it never blocks the note, and the person writing decides. A later part of
Värna removes identifying details properly; this check stays small and local.

What is recognised:

* a Swedish personal identity number or co-ordination number (``YYMMDD-NNNN``,
  ``YYYYMMDDNNNN`` and the like) whose date part is a possible date. With a
  separator the shape is enough; without one the ten digits must also pass the
  check-digit test, so an ordinary phone number is not taken for one;
* a phone number: Swedish (``040-34 05 50``, ``070-123 45 67``, ``+46 70 123 45 67``)
  or international with a leading ``+``;
* an e-mail address.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    PERSONAL_NUMBER = "personal_number"
    PHONE = "phone"
    EMAIL = "email"


@dataclass(frozen=True, slots=True)
class Finding:
    kind: Kind
    text: str  # as written, so the person can find it in their own text


_PERSONAL_NUMBER = re.compile(
    r"(?<![\d+])"
    r"(?:(?P<century>19|20))?(?P<yy>\d{2})(?P<mm>\d{2})(?P<dd>\d{2})"
    r"(?P<sep>[-+ ]?)(?P<serial>\d{3})(?P<check>\d)"
    r"(?!\d)"
)
_PHONE = re.compile(
    r"(?<![\w+(])"
    r"(?:\+|00|\()?\d[\d \u00a0\-()]{5,16}\d"
    r"(?![\d])"
)
# A date written with dashes has the length and the leading zero of a phone number.
_DATE = re.compile(r"\d{1,2}-\d{1,2}-\d{4}|\d{4}-\d{1,2}-\d{1,2}")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)


def _luhn_ok(digits: str) -> bool:
    total = 0
    for position, char in enumerate(digits):
        value = int(char) * (2 if position % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _personal_numbers(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in _PERSONAL_NUMBER.finditer(text):
        month, day = int(match["mm"]), int(match["dd"])
        if day > 60:  # a co-ordination number adds 60 to the day
            day -= 60
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        ten = match["yy"] + match["mm"] + match["dd"] + match["serial"] + match["check"]
        if not match["sep"] and not _luhn_ok(ten):
            continue
        spans.append(match.span())
    return spans


def _is_phone(candidate: str) -> bool:
    if _DATE.fullmatch(candidate):
        return False
    digits = re.sub(r"\D", "", candidate)
    if candidate.startswith("+") or candidate.startswith("00"):
        digits = digits.removeprefix("00")
        if digits.startswith("46"):  # Sweden: 7–9 digits after the country code
            return 7 <= len(digits) - 2 <= 9
        return 8 <= len(digits) <= 15
    # A Swedish number written nationally: a trunk 0, then an area code not starting with 0.
    return digits.startswith("0") and not digits.startswith("00") and 8 <= len(digits) <= 10


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(start < span[1] and span[0] < end for start, end in taken)


def find_details(text: str) -> list[Finding]:
    """The details in ``text`` worth a second thought, in the order they are written."""
    found: list[tuple[int, Finding]] = []
    taken: list[tuple[int, int]] = []
    for span in _personal_numbers(text):
        taken.append(span)
        found.append((span[0], Finding(Kind.PERSONAL_NUMBER, text[span[0]:span[1]])))
    for match in _EMAIL.finditer(text):
        taken.append(match.span())
        found.append((match.start(), Finding(Kind.EMAIL, match.group())))
    for match in _PHONE.finditer(text):
        written = match.group()
        if _overlaps(match.span(), taken) or not _is_phone(written.lstrip("(")):
            continue
        found.append((match.start(), Finding(Kind.PHONE, written)))
    return [finding for _, finding in sorted(found, key=lambda item: item[0])]
