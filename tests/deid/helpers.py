"""Small helpers shared by the de-identification tests."""

from __future__ import annotations

from varna.deid import Result, deidentify


def with_check_digit(nine: str) -> str:
    """Append the Luhn check digit to the nine digits YYMMDDNNN."""
    total = 0
    for index, char in enumerate(nine):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return nine + str((10 - total % 10) % 10)


def labels(result: Result) -> dict[str, str]:
    """Original text → label, for asserting what was found."""
    return {e.text: e.label for e in result.entities}


def gone(text: str, *identifiers: str) -> Result:
    """De-identify ``text`` and assert each identifier has left the output."""
    result = deidentify(text)
    for identifier in identifiers:
        assert identifier not in result.text, (identifier, result.text)
    return result


def kept(text: str, *words: str) -> Result:
    result = deidentify(text)
    for word in words:
        assert word in result.text, (word, result.text)
    return result
