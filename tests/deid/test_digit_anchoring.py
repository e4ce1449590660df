"""The digit-anchored scan finds exactly what a full scan finds."""

from __future__ import annotations

from varna.deid import patterns

SAMPLE = ("Anteckning lör 4/5 2019: Olle, 14 år, i 8c (NA2b) fyller 15-åring 13-14 år, "
          "2019-05-04, den 3 mars. ABC 123, 12345 och 9B; 077-123 45 67, x12 y-4 5.5 123. "
          "Pnr 811218-9876, 19811218 9876, 211 55 Malmö, 1234567 kr, 98765432.")


def test_at_digits_matches_finditer() -> None:
    for pattern in (patterns._AGE_WORD, patterns._AGE_YEARS, patterns._BARE_NUMBER, patterns._AGE_RANGE,
                    patterns._CLASS, patterns._IDENTITY, patterns._POSTCODE, patterns._LONG_NUMBER):
        full = [m.span() for m in pattern.finditer(SAMPLE)]
        anchored = [m.span() for m in patterns._at_digits(pattern, SAMPLE)]
        assert anchored == full, pattern.pattern
    lowered = SAMPLE.lower()
    assert ([m.span() for m in patterns._DATE.at_digits(SAMPLE, lowered)]
            == [m.span() for m in patterns._DATE.finditer(SAMPLE, lowered)])
    assert ([m.span() for m in patterns._gymnasium_classes(SAMPLE)]
            == [m.span() for m in patterns._GYMNASIUM.finditer(SAMPLE)])
