"""The gentle check: which details are taken for an identity number, a phone number or an e-mail address.

A table of texts as people write them. Near misses matter as much as hits: a date
or an age must not be taken for a phone number, or the reminder would soon be
ignored.
"""

from __future__ import annotations

import pytest

from varna.web.concern_note.checks import Finding, Kind, find_details

PN, PHONE, EMAIL = Kind.PERSONAL_NUMBER, Kind.PHONE, Kind.EMAIL


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # personal identity and co-ordination numbers
        ("Hans personnummer är 850709-9805.", [(PN, "850709-9805")]),
        ("pnr 19850709-9805", [(PN, "19850709-9805")]),
        ("pnr 198507099805", [(PN, "198507099805")]),  # no separator, check digit right
        ("pnr 8507099805", [(PN, "8507099805")]),
        ("född 850709+9805, över hundra", [(PN, "850709+9805")]),
        ("samordningsnummer 850769-9805", [(PN, "850769-9805")]),  # day + 60
        # phone numbers
        ("Ring Plattform Malmö på 040-340550.", [(PHONE, "040-340550")]),
        ("mobil 070-123 45 67", [(PHONE, "070-123 45 67")]),
        ("mobil 0701234567", [(PHONE, "0701234567")]),
        ("nås på +46 70 123 45 67", [(PHONE, "+46 70 123 45 67")]),
        ("nås på 0046 70 123 45 67", [(PHONE, "0046 70 123 45 67")]),
        ("Stockholm (08) 123 456 78", [(PHONE, "(08) 123 456 78")]),
        ("i London +44 20 7946 0958", [(PHONE, "+44 20 7946 0958")]),
        # e-mail addresses, also with Swedish letters
        ("mejla a.b@skola.malmo.se i dag", [(EMAIL, "a.b@skola.malmo.se")]),
        ("skrev till åsa.öberg@exempel.se", [(EMAIL, "åsa.öberg@exempel.se")]),
        # several, in the order written
        (
            "Han (850709-9805) gav mig 070-123 45 67 och x@y.se",
            [(PN, "850709-9805"), (PHONE, "070-123 45 67"), (EMAIL, "x@y.se")],
        ),
    ],
)
def test_details_that_rarely_belong_in_a_note_are_found(text: str, expected: list[tuple[Kind, str]]) -> None:
    assert find_details(text) == [Finding(kind, found) for kind, found in expected]


@pytest.mark.parametrize(
    "text",
    [
        "Det hände 2016-02-01 kl. 14.30 på skolgården.",
        "Det hände den 01-02-2016.",
        "En 15-årig elev i årskurs 9 sa det tre gånger.",
        "Ärendenummer 1234567 hos skolan.",  # too short for a phone number and no leading 0
        "8507099806",  # ten digits whose check digit is wrong, without separator: not taken for one
        "851309-9805",  # month 13 is no date
        "Han skrev @konto på nätet och ”vi ses kl. 20”.",
        "",
    ],
)
def test_near_misses_are_left_alone(text: str) -> None:
    assert find_details(text) == []


def test_a_number_is_reported_once_under_its_likeliest_kind() -> None:
    """An identity number also has the shape of a phone number; it is reported once, as what it is."""
    assert [f.kind for f in find_details("850709-9805")] == [PN]
    assert [f.kind for f in find_details("0701234567")] == [PHONE]  # its check digit fails, so a phone
