"""Swedish words for the search: tokens, folding of å/ä/ö, stemming, small words and citations.

A worried teacher types "extremisterna", "socialtjansten" without the dots, or
"10 kap. 18 a §"; the pages say "extremist", "socialtjänsten" and "OSL 10:18a". This
module turns both sides into the same comparable keys:

* :func:`tokens` splits text into words with their positions (for highlighting);
* :func:`fold` lower-cases and removes diacritics, so "våld" and "vald" meet;
* :func:`stem` is the Swedish Snowball stemmer (snowballstem.org, the 3.x version
  with its rule for "-et"), written out here so the domain package needs no
  dependency; it maps "radikaliseringen" to "radikalisering" and "extremisternas"
  to "extremist";
* :func:`key` is what the index stores: the folded stem;
* :func:`find_citations` reads "OSL 26:1", "26:1", "10 kap. 18 a §" and
  "14 kap. 1 § socialtjänstlagen" as the same kind of :class:`Citation`;
* :func:`find_phones` reads "040-34 05 50" and "+46 40 340550" as the same number.

Plain Python, no I/O, deterministic.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

# -- tokens ---------------------------------------------------------------------------------
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True, slots=True)
class Token:
    """A word as it stands in the text, with where it stands."""

    text: str
    start: int
    end: int


def tokens(text: str) -> Iterator[Token]:
    """Words and numbers in ``text``; hyphens and punctuation split ("SSP-samordnaren" is two)."""
    for match in _WORD.finditer(text):
        yield Token(match.group(), match.start(), match.end())


# -- folding -----------------------------------------------------------------------------------
# Letters that do not decompose into a base letter and a mark.
_SPECIAL = str.maketrans({"æ": "a", "ø": "o", "ð": "d", "þ": "t", "ł": "l", "ı": "i"})


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower case without diacritics: "Våldsbejakande" → "valdsbejakande", "Öster" → "oster"."""
    lowered = unicodedata.normalize("NFKD", word.casefold().translate(_SPECIAL))
    return "".join(ch for ch in lowered if not unicodedata.combining(ch))


# People who cannot type å, ä and ö sometimes write aa, ae and oe instead ("Malmoe").
_DIGRAPHS = (("aa", "a"), ("ae", "a"), ("oe", "o"))


def digraph_variant(folded: str) -> str | None:
    """``folded`` with aa/ae/oe read as å/ä/ö (already folded to a/a/o), or None if it has none."""
    variant = folded
    for digraph, letter in _DIGRAPHS:
        variant = variant.replace(digraph, letter)
    return variant if variant != folded else None


# -- the Swedish Snowball stemmer ------------------------------------------------------------------
_VOWELS = frozenset("aeiouyäåö")
_S_ENDING = frozenset("bcdfghjklmnoprtvy")
_OST_ENDING = frozenset("iklnprtuv")
# Step 1: delete these endings when they lie in R1; "s" and "et" have conditions.
_MAIN_SUFFIXES = tuple(sorted(
    {"a", "arna", "erna", "heterna", "orna", "ad", "e", "ade", "ande", "arne", "are", "aste", "en", "anden",
     "aren", "heten", "ern", "ar", "er", "heter", "or", "as", "arnas", "ernas", "ornas", "es", "ades",
     "andes", "ens", "arens", "hetens", "erns", "at", "andet", "het", "ast", "et", "s"},
    key=lambda suffix: (-len(suffix), suffix),
))  # longest first: the first ending that fits is the longest
# Stems before "-et" that keep it (so "fabet" is not cut, nor "kvitet" nor "paket").
_ET_KEEPS = (
    "fab", "h", "pak", "rak", "stak", "kom", "iet", "cit", "dit", "alit", "ilit", "mit", "nit", "pit",
    "rit", "sit", "tit", "uit", "ivit", "kvit", "xit",
)
_CONSONANT_PAIRS = ("dd", "gd", "nn", "dt", "gt", "kt", "tt")
_OTHER_SUFFIXES = ("fullt", "lig", "els", "öst", "ig")  # longest first


def _r1(word: str) -> int:
    """Start of R1: after the first non-vowel that follows a vowel, but at least 3."""
    if len(word) < 3:
        return len(word)
    i = 0
    while i < len(word) and word[i] not in _VOWELS:
        i += 1
    while i < len(word) and word[i] in _VOWELS:
        i += 1
    if i >= len(word):
        return len(word)
    return max(i + 1, 3)


def _et_may_go(stem: str) -> bool:
    """"-et" may be cut after a vowel + non-vowel, with a letter before them, unless an exception."""
    if len(stem) < 3 or stem[-1] in _VOWELS or stem[-2] not in _VOWELS:
        return False
    return not stem.endswith(_ET_KEEPS)


def _main_suffix(word: str, r1: int) -> str:
    for suffix in _MAIN_SUFFIXES:
        if not word.endswith(suffix) or len(word) - len(suffix) < r1:
            continue
        stem = word[: -len(suffix)]
        if suffix == "s":
            if stem.endswith("et") and _et_may_go(stem[:-2]):
                return stem[:-2]
            return stem if stem and stem[-1] in _S_ENDING else word
        if suffix == "et":
            return stem if _et_may_go(stem) else word
        return stem
    return word


def _consonant_pair(word: str, r1: int) -> str:
    if len(word) - 2 >= r1 and word.endswith(_CONSONANT_PAIRS):
        return word[:-1]
    return word


def _other_suffix(word: str, r1: int) -> str:
    for suffix in _OTHER_SUFFIXES:
        if not word.endswith(suffix) or len(word) - len(suffix) < r1:
            continue
        if suffix == "fullt":
            return word[:-1]
        if suffix == "öst":
            before = word[:-3]
            return word[:-1] if before and before[-1] in _OST_ENDING else word
        return word[: -len(suffix)]
    return word


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Swedish Snowball stem of a lower-case word: "skolorna" → "skol", "polisen" → "polis"."""
    r1 = _r1(word)
    word = _main_suffix(word, r1)
    word = _consonant_pair(word, r1)
    return _other_suffix(word, r1)


@lru_cache(maxsize=65536)
def key(word: str) -> str:
    """What the index stores for a word: its stem, folded. Stemming before folding keeps "löst"."""
    return fold(stem(word.casefold()))


# -- small words ------------------------------------------------------------------------------------
# Folded. Words this common find every page, so a query drops them; if nothing else is
# left the query has nothing to search for. English ones too, for the English pages.
_STOPWORD_TEXT = """
    och i att det som en ett pa ar for med till av om den de dem har hade inte jag du vi ni man kan
    var vad hur nar sig mig dig oss er ska skall eller men sa fran vid under efter denna detta dessa
    han hon hen sin sitt sina min mitt mina din ditt dina blir bli ha nagon nagot nagra alla allt mot
    vart vem vilka vilken vilket ocksa bara mycket nu da dar har sadan sadant sadana utan aven
    the of and to a an in on for is are what who how where with by at or be
"""
STOPWORDS: frozenset[str] = frozenset(_STOPWORD_TEXT.split())


def is_stopword(folded: str) -> bool:
    return folded in STOPWORDS


# -- citations ----------------------------------------------------------------------------------------
_LAWS = {
    "osl": "osl",
    "offentlighets- och sekretesslagen": "osl",
    "offentlighets och sekretesslagen": "osl",
    "sekretesslagen": "osl",
    "sol": "sol",
    "socialtjänstlagen": "sol",
    "socialtjanstlagen": "sol",
    "brb": "brb",
    "brottsbalken": "brb",
    "skollagen": "skollagen",
    "lvu": "lvu",
}
_LAW_LABELS = {"osl": "OSL", "sol": "SoL", "brb": "BrB", "lvu": "LVU", "skollagen": "skollagen"}
_LAW_NAMES = "|".join(sorted((re.escape(name) for name in _LAWS), key=len, reverse=True))
# "OSL 10:18a", "26:1 OSL". The chapter has one or two digits and no digit before it,
# so an SFS number such as 2025:400 is not read as chapter 25. The letter must follow
# the number directly: in "26:1 i skollagen" the "i" is a word.
_SHORT = re.compile(
    rf"(?:\b(?P<law_before>{_LAW_NAMES})\s+)?(?<![\d:])(?P<chapter>\d{{1,2}})\s*:\s*(?P<section>\d{{1,3}})"
    rf"(?:(?P<letter>[a-z])\b)?(?![\d:])(?:\s+(?P<law_after>{_LAW_NAMES})\b)?",
    re.IGNORECASE,
)
# "10 kap. 18 a §", "10 kap 18a", "26 kap. 1 § OSL", "14 kap. 1 § socialtjänstlagen". A
# letter after a space counts only when § follows it.
_LONG = re.compile(
    rf"(?:\b(?P<law_before>{_LAW_NAMES})\s+)?(?<!\d)(?P<chapter>\d{{1,2}})\s*kap\.?\s*(?P<section>\d{{1,3}})"
    rf"(?:(?P<letter>[a-z])\b|\s(?P<spaced_letter>[a-z])(?=\s*§))?\s*§?"
    rf"(?:\s+(?P<law_after>{_LAW_NAMES})\b)?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True, order=True)
class Citation:
    """Chapter, section and letter of a provision; ``law`` is None when the text does not say."""

    chapter: int
    section: int
    letter: str = ""
    law: str | None = None

    def match(self, other: Citation) -> float:
        """How well ``other`` (in a page) answers this citation (in a query): 1, 0.6 or 0.

        The law must agree when both name it; a query without a letter ("10:18") finds
        the lettered sections too, but lower than an exact section would rank.
        """
        if (self.chapter, self.section) != (other.chapter, other.section):
            return 0.0
        if self.law and other.law and self.law != other.law:
            return 0.0
        if self.letter == other.letter:
            return 1.0
        return 0.6 if not self.letter else 0.0

    def __str__(self) -> str:
        law = f"{_LAW_LABELS.get(self.law, self.law)} " if self.law else ""
        return f"{law}{self.chapter}:{self.section}{self.letter}"


@dataclass(frozen=True, slots=True)
class CitationSpan:
    citation: Citation
    start: int
    end: int


def _law(match: re.Match[str]) -> str | None:
    name = match.group("law_before") or match.group("law_after")
    return _LAWS[" ".join(name.casefold().split())] if name else None


def find_citations(text: str) -> list[CitationSpan]:
    """Every citation in ``text`` with its span, in order; overlapping readings keep the first."""
    found: list[CitationSpan] = []
    for pattern in (_LONG, _SHORT):
        for match in pattern.finditer(text):
            if any(match.start() < s.end and s.start < match.end() for s in found):
                continue
            groups = match.groupdict()
            letter = (groups.get("letter") or groups.get("spaced_letter") or "").casefold()
            citation = Citation(int(match.group("chapter")), int(match.group("section")), letter, _law(match))
            found.append(CitationSpan(citation, match.start(), match.end()))
    return sorted(found, key=lambda s: s.start)


# -- phone numbers ----------------------------------------------------------------------------------
# A Swedish number starts with 0 or +46; this keeps "2012-2016" from being read as one.
_PHONE = re.compile(r"(?<![\w:+])(?:\+46|0)[\d \-]{4,14}\d(?![\w:])")


def phone_digits(text: str) -> str:
    """A number as digits only, national form: "+46 40 34 05 50" → "040340550"."""
    digits = re.sub(r"\D", "", text)
    if text.strip().startswith("+46"):
        digits = "0" + digits[2:]
    return digits


@dataclass(frozen=True, slots=True)
class PhoneSpan:
    digits: str
    start: int
    end: int


def find_phones(text: str) -> list[PhoneSpan]:
    """Phone-like numbers of at least six digits: "040-340550", "040 34 05 50"."""
    spans = []
    for match in _PHONE.finditer(text):
        digits = phone_digits(match.group())
        if len(digits) >= 6:
            spans.append(PhoneSpan(digits, match.start(), match.end()))
    return spans
