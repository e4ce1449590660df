"""``deidentify``: detectors in order of certainty, one winner per character, placeholders.

The order matters. Shaped identifiers (numbers, addresses, e-mail) are found first and
are the most certain; named organisations and places next; names last, on what is left,
so a word inside an e-mail address or a school's name is never also a person. When two
detections overlap, the higher priority wins and then the longer one.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from itertools import pairwise
from operator import attrgetter

from varna.deid import handles, lexicon, organisations, patterns
from varna.deid.gazetteer import KEEP, KEEP_PHRASES
from varna.deid.model import GENERALISED_LABELS, PLACEHOLDER_WORDS, Entity, Result, Span
from varna.deid.names import Token, WordsAsWritten, find_names, lower_words, tokenize, written_words
from varna.deid.risk import residual_risks

_ORDINARY_STREETS = frozenset({"motorvägen", "huvudgatan", "gågatan", "bakgatan", "skolvägen", "hemvägen",
                               "genvägen", "gångvägen", "cykelvägen", "landsvägen", "stora vägen",
                               "bilvägen", "omvägen", "vägen", "gatan", "småvägen", "grusvägen", "tvärgatan"})


def _resolve(spans: list[Span]) -> list[Span]:
    """Keep the best detection for every character: higher priority first, then longer."""
    chosen: list[Span] = []
    taken = bytearray()
    for span in sorted(spans, key=lambda s: (-s.priority, -(s.end - s.start), s.start)):
        if span.end <= span.start:
            continue
        if len(taken) < span.end:
            taken.extend(b"\0" * (span.end - len(taken)))
        if taken.find(1, span.start, span.end) >= 0:  # holds only 0 and 1
            continue
        taken[span.start:span.end] = b"\1" * (span.end - span.start)
        chosen.append(span)
    return sorted(chosen, key=lambda s: s.start)


def _mask(length: int, spans: list[Span]) -> bytearray:
    mask = bytearray(length + 1)
    for span in spans:
        mask[span.start:span.end] = b"\1" * (span.end - span.start)
    return mask


_ABBREVIATION = re.compile(
    r"(?:^|[\s(])(?:f|fd|föd|ca|c:a|bl\.a|t\.ex|kl|v|nr|resp|dvs|osv|m\.fl|jfr|ev|st|s|fr\.o\.m|t\.o\.m|"
    r"tel|ang|enl|mvh|insp|dr|ung|pga|p\.g\.a)\.$", re.IGNORECASE)


def _at_sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 40):start].rstrip(" \t\"'«“(–-•*")
    if before.endswith(".") and _ABBREVIATION.search(before):
        return False  # "f. 2011", "ca. 15 år", "bl.a. i mars"
    return not before or before[-1] in ".!?\n"


def _worship_word(text: str) -> str:
    lowered = text.lower()
    for stem, word in (("mosk", "Moské"), ("kyrk", "Kyrka"), ("församling", "Församling"),
                       ("synagog", "Synagoga"), ("templ", "Tempel")):
        if stem in lowered:
            return word
    return PLACEHOLDER_WORDS["place_of_worship"]


class _Numbering:
    """Consistent numbers: the same person, school or phone number keeps its placeholder."""

    def __init__(self) -> None:
        self.counters: dict[str, int] = {}
        self.by_key: dict[tuple[str, str], int] = {}
        self.person_parts: dict[str, int] = {}

    def _next(self, word: str) -> int:
        self.counters[word] = self.counters.get(word, 0) + 1
        return self.counters[word]

    def person(self, parts: tuple[str, ...]) -> int:
        number = next((self.person_parts[p] for p in parts if p in self.person_parts), None)
        if number is None:
            number = self._next("Person")
        for part in parts:
            self.person_parts.setdefault(part, number)
        return number

    def other(self, word: str, key: str) -> int:
        number = self.by_key.get((word, key))
        if number is None:
            number = self._next(word)
            self.by_key[(word, key)] = number
        return number


_START = attrgetter("start")


def _key(span: Span, text: str) -> str:
    if span.key:
        return span.key
    return re.sub(r"[\s\-–/().]", "", text[span.start:span.end]).lower()


# The words, as written, that are or end like a proper noun of the dictionary ("Lunds").
_PROPER_WORDS = WordsAsWritten(lambda word: word in lexicon.proper_nouns()
                          or (word.endswith("s") and word[:-1] in lexicon.proper_nouns()))


def _kept_proper_nouns(tokens: list[Token], mask: bytearray, proper: frozenset[str]) -> list[str]:
    """Capitalised words mid-sentence that the dictionary knows as places or things, left in the text."""
    kept: set[str] = set()
    if proper is lexicon.proper_nouns():
        words = _PROPER_WORDS.among(written_words(tokens))
        if not words:
            return []
        candidates = [token for token in tokens if token.text in words]
    else:
        candidates = tokens
    for token in candidates:
        word = token.text
        if not word[0].isupper() or token.sentence_start or mask[token.start] or word in KEEP:
            continue
        stem = word[:-1] if word.endswith("s") and word[:-1] in proper else word
        if stem in proper and stem not in KEEP:
            kept.add(stem)
    return sorted(kept)


def detect(text: str) -> tuple[list[Span], list[Token], bytearray]:
    """Every span to replace in ``text``, without overlaps, in text order; the text's tokens;
    and the mask of the replaced characters (1 where a span is, else 0)."""
    words = lexicon.words()
    names = lexicon.names()
    proper = lexicon.proper_nouns()
    ordinary_streets = _ORDINARY_STREETS
    found: list[Span] = []
    found.extend(patterns.identity_numbers(text))
    found.extend(patterns.phones(text))
    tokens = tokenize(text)
    found.extend(patterns.contacts(text, tokens))
    found.extend(handles.handles(text, words.is_ordinary, tokens))
    found.extend(patterns.chat_speakers(text, words.is_ordinary, KEEP))
    found.extend(patterns.vehicles(text, tokens))
    found.extend(patterns.addresses(text, tokens, ordinary_streets, words.is_ordinary))
    found.extend(patterns.postcodes(text))
    found.extend(patterns.case_numbers(text, tokens))
    found.extend(patterns.long_numbers(text))
    found.extend(patterns.birth_dates(text))
    found.extend(patterns.dates(text))
    found.extend(patterns.ages(text, tokens))
    found.extend(patterns.school_classes(text))
    found.extend(organisations.places(text, tokens, words))
    found.extend(organisations.known_schools(text, tokens))
    found.extend(organisations.organisations(text, tokens, words, lexicon.common_names()))
    chosen = _resolve(found)
    mask = _mask(len(text), chosen)
    for start, end in _kept_phrases(text):
        mask[start:end] = b"\1" * (end - start)  # no name inside "Maria Ungdom" or "Ibn Rushd"
    people = find_names(text, tokens, words, names, proper, mask)
    added = people + list(_birth_years_after_names(text, people))
    added.sort(key=_START)
    if all(mask.find(1, span.start, span.end) < 0 for span in added) and all(
            first.end <= second.start for first, second in pairwise(added)):
        # Names are found where nothing else is and never overlap one another: nothing to
        # resolve (``_resolve`` would keep every span as it is).
        chosen = sorted(chosen + added, key=_START)
    else:
        chosen = _resolve(chosen + added)
    # The repeats are placed where nothing else is, so no second resolution is needed.
    replaced = _mask(len(text), chosen)
    return sorted(chosen + _everywhere(text, chosen, replaced), key=_START), tokens, replaced


_YEAR_AFTER_NAME = re.compile(r"[ \t]?\((?:f\.?\s*|född\s+)?((?:19|20)\d{2})\)")


def _birth_years_after_names(text: str, people: list[Span]) -> Iterator[Span]:
    """"Nima (2008)": a year in brackets right after a person is a birth year."""
    for person in people:
        match = _YEAR_AFTER_NAME.match(text, person.end)
        if match is not None:
            yield Span(match.start(1), match.end(1), "birth_year",
                       replacement=patterns.decade_phrase(int(match.group(1))), priority=86)


_KEPT_PHRASES = re.compile(r"(?<![\w\-])(?:"
                           + "|".join(re.escape(p) for p in sorted(KEEP_PHRASES, key=len, reverse=True))
                           + r")(?![\w\-])")


# The phrases without the look-behind: Python's engine then skips at once to where a
# phrase's first letter stands, and the full pattern is tried only there.
_KEPT_PHRASE_LEAD = re.compile(_KEPT_PHRASES.pattern.removeprefix(r"(?<![\w\-])"))


def _kept_phrases(text: str) -> Iterator[tuple[int, int]]:
    """Like ``_KEPT_PHRASES.finditer(text)``, as spans."""
    position = 0
    while True:
        hit = _KEPT_PHRASE_LEAD.search(text, position)
        if hit is None:
            return
        match = _KEPT_PHRASES.match(text, hit.start())
        if match is None:
            position = hit.start() + 1
        else:
            yield match.span()
            position = match.end()


def _bounded(text: str, start: int, end: int, replaced: bytearray) -> bool:
    """No letter or digit glued to the ends of ``text[start:end]`` from the same class.

    A neighbour that is itself replaced does not count: once it is a placeholder, the
    identifier stands on its own in the output ("2001-05-14070-123 45 67").
    """
    def glued(inside: str, position: int) -> bool:
        outside = text[position]
        return (not replaced[position] and inside.isalnum() and outside.isalnum()
                and inside.isdigit() == outside.isdigit())
    glued_left = start > 0 and glued(text[start], start - 1)
    return not (glued_left or (end < len(text) and glued(text[end - 1], end)))


def _everywhere(text: str, spans: list[Span], mask: bytearray) -> list[Span]:
    """Every other occurrence of a replaced identifier, wherever the detectors missed it.

    A phone number glued to another, a name in a spot where the context rules did not
    fire: once the tool has said a string identifies someone, it must not stay elsewhere.
    ``mask`` is ``_mask`` of ``spans``; the repeats found are marked in it as well.
    """
    first: dict[str, Span] = {}
    for span in spans:
        value = text[span.start:span.end]
        if span.label not in GENERALISED_LABELS and len(value.strip()) >= 2:
            first.setdefault(value, span)
    extra: list[Span] = []
    for value, span in first.items():
        start = text.find(value)
        while start >= 0:
            end = start + len(value)
            if mask.find(1, start, end) < 0 and _bounded(text, start, end, mask):  # mask holds 0 and 1
                extra.append(dataclasses.replace(span, start=start, end=end))
                mask[start:end] = b"\1" * (end - start)
            start = text.find(value, start + 1)
    return extra


def deidentify(text: str) -> Result:
    """Replace direct identifiers, generalise the rest, and list the risk that remains."""
    spans, tokens, replaced = detect(text)
    numbering = _Numbering()
    pieces: list[str] = []
    entities: list[Entity] = []
    position = 0
    for span in spans:
        original = text[span.start:span.end]
        if span.label in GENERALISED_LABELS:
            replacement = span.replacement
            if not original[:1].islower() and _at_sentence_start(text, span.start):
                replacement = replacement[:1].upper() + replacement[1:]
        elif span.label == "person":
            replacement = f"[Person {numbering.person(span.parts)}]{span.suffix}"
        else:
            word = (_worship_word(original) if span.label == "place_of_worship"
                    else PLACEHOLDER_WORDS[span.label])
            replacement = f"[{word} {numbering.other(word, _key(span, text))}]{span.suffix}"
        pieces.append(text[position:span.start])
        pieces.append(replacement)
        position = span.end
        entities.append(Entity(span.start, span.end, span.label, original, replacement))
    pieces.append(text[position:])
    output = "".join(pieces)
    kept = _kept_proper_nouns(tokens, replaced, lexicon.proper_nouns())
    risks = residual_risks(text, output, spans, kept, lower_words(tokens))
    return Result(output, tuple(entities), tuple(risks))
