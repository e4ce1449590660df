"""The word and name knowledge ``varna.deid`` reads from its own package data.

Everything here is loaded once per process from files committed under ``data/`` – no
network, no model. The Swedish word list is kept as one sorted string searched by
bisection rather than as a ``set``: a set of 790 000 words costs about 110 MB in every
web worker, the sorted string about 10 MB, and only the few words that look like names
are ever looked up.
"""

from __future__ import annotations

import lzma
from dataclasses import dataclass
from functools import cache
from importlib import resources

_DATA = "varna.deid.data"


class WordList:
    """Swedish lower-case word forms, found by binary search over one sorted string."""

    def __init__(self, sorted_lines: str) -> None:
        # A leading newline lets every line, the first included, start after a "\n".
        self._text = "\n" + sorted_lines.strip("\n") + "\n"
        self._cache: dict[str, bool] = {}
        self._ordinary: dict[str, bool] = {}

    def _line_at(self, position: int) -> str:
        """The first whole line that starts after ``position`` ("" past the last line)."""
        start = self._text.find("\n", position)
        if start < 0 or start + 1 >= len(self._text):
            return ""
        return self._text[start + 1:self._text.find("\n", start + 1)]

    def _search(self, word: str) -> bool:
        # Lower-bound bisection on character positions: the line after a position never
        # decreases as the position grows, because the lines are sorted.
        low, high = 0, len(self._text) - 1
        while low < high:
            middle = (low + high) // 2
            line = self._line_at(middle)
            if line == word:
                return True
            if not line or line > word:
                high = middle
            else:
                low = middle + 1
        return self._line_at(low) == word

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str) or not word:
            return False
        known = self._cache.get(word)
        if known is None:
            known = self._search(word)
            if len(self._cache) < 200_000:
                self._cache[word] = known
        return known

    def is_ordinary(self, word: str) -> bool:
        """True for a Swedish word, also a compound the list lacks ("fältgruppen").

        Swedish forms new compounds freely, so a capitalised compound that is missing from
        the list must not be taken for a name. A split is accepted when the head is a word
        of at least three letters (also with a linking "s", or "-e" for "-a") and the tail a
        word of at least four.
        """
        known = self._ordinary.get(word)
        if known is None:
            known = self._is_ordinary(word)
            if len(self._ordinary) < 200_000:
                self._ordinary[word] = known
        return known

    def _is_ordinary(self, word: str) -> bool:
        lowered = word.lower()
        if lowered in self:
            return True
        if len(lowered) < 7 or "-" in lowered:
            return lowered.replace("-", "") in self if "-" in lowered else False
        # The tail must have four letters or more: three-letter words ("ana", "ima", "ika")
        # would split names such as "Drag|ana" or "Kar|ima" into ordinary words.
        for cut in range(3, len(lowered) - 3):
            head, tail = lowered[:cut], lowered[cut:]
            if tail in self and (head in self or (head[-1] in "s" and head[:-1] in self)
                                 or (head[-1] == "e" and head[:-1] + "a" in self)):
                return True  # "fält|gruppen", "ungdom|s|gården", "skolsköterske|kongress"
        return False


def fold(word: str) -> str:
    """Lower case for look-ups: "İBRAHİM" and "ibrahim" meet (Python lowers "İ" to "i" + a dot)."""
    return word.lower().replace("\u0307", "")


@dataclass(frozen=True, slots=True)
class NameInfo:
    """What the name lists know about one spelling."""

    first: bool
    last: bool
    nickname: bool
    common: bool  # common in Sweden: trusted also when written in lower case


@cache
def words() -> WordList:
    raw = resources.files(_DATA).joinpath("swedish_words.txt.xz").read_bytes()
    return WordList(lzma.decompress(raw).decode("utf-8"))


@cache
def english() -> WordList:
    """Lower-case English forms: an English word capitalised in a note ("Early Warning") is no name."""
    raw = resources.files(_DATA).joinpath("english_words.txt.xz").read_bytes()
    return WordList(lzma.decompress(raw).decode("utf-8"))


def _tsv(name: str) -> list[tuple[str, str]]:
    text = resources.files(_DATA).joinpath(name).read_text("utf-8")
    rows: list[tuple[str, str]] = []
    for line in text.splitlines():
        if line and not line.startswith("#"):
            key, _, value = line.partition("\t")
            rows.append((key, value))
    return rows


@cache
def names() -> dict[str, NameInfo]:
    """Name spellings keyed in lower case, so "amir", "Amir" and "AMIR" meet."""
    known: dict[str, NameInfo] = {}
    for name, flags in _tsv("names.tsv"):
        info = NameInfo(first="F" in flags, last="L" in flags, nickname="N" in flags, common="C" in flags)
        previous = known.get(fold(name))
        if previous is not None:
            info = NameInfo(first=info.first or previous.first, last=info.last or previous.last,
                            nickname=info.nickname or previous.nickname,
                            common=info.common or previous.common)
        known[fold(name)] = info
    # The Swedish dictionary's own person names (stems flagged only for the genitive).
    for stem, mark in _tsv("proper_nouns.tsv"):
        if mark == "N" and fold(stem) not in known:
            known[fold(stem)] = NameInfo(first=True, last=True, nickname=False, common=False)
    return known


@cache
def name_forms() -> frozenset[str]:
    """Every lower-case name with and without a possessive ending, for a one-look-up filter."""
    known = names()
    return frozenset(known) | frozenset(f"{name}{ending}" for name in known for ending in ("s", "'s", "’s"))


@cache
def common_names() -> frozenset[str]:
    """Lower-case names common in Sweden: enough to count in "rosengårdsskolan"-like compounds."""
    return frozenset(name for name, info in names().items() if info.common)


@cache
def proper_nouns() -> frozenset[str]:
    """Capitalised stems the dictionary knows that are not person names: places, brands."""
    return frozenset(stem for stem, mark in _tsv("proper_nouns.tsv") if mark == "P")
