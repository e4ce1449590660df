"""What the page shows and what the person decides, built again from the form on every request.

``varna.deid`` proposes the changes. The person may keep the original of any of them
and may name words it missed; both arrive with the original text in the form, so the
whole review is recomputed from the request and nothing is kept on the server.

Offsets are always into the original text. A proposed change is known by its span
(``"start-end"``), which stays the same as long as the text does, because
``deidentify`` is deterministic. A marked word is replaced wherever it stands as a
whole word, in any case and with a Swedish possessive ending ("Lillens", "SVT:s"),
except where it lies inside a proposed change – kept or not – so the changes never
overlap. Each marked word gets one placeholder, ``[Borttaget 1]``, numbered in the
order the words first appear in the text.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from varna.deid import ResidualRisk, deidentify

# The label of a word the person marked; not one of varna.deid's labels.
MARKED = "marked"
# The placeholder word is Swedish in every interface language: the text is Swedish.
MARKED_WORD = "Borttaget"

_KEY = re.compile(r"(\d{1,7})-(\d{1,7})")


@dataclass(frozen=True, slots=True)
class Change:
    """One replaced span of the original text, proposed by the tool or marked by the person."""

    start: int
    end: int
    label: str
    original: str
    replacement: str
    marked: bool = False  # a word the person asked to remove
    kept: bool = False  # the person chose to keep the original here

    @property
    def key(self) -> str:
        """How the form names this change: its span in the original text."""
        return f"{self.start}-{self.end}"


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of the text as the page shows it: unchanged text, or one change."""

    text: str
    change: Change | None = None


@dataclass(frozen=True)
class Review:
    """The original text, every change in text order, and the text that results."""

    source: str
    changes: tuple[Change, ...]
    risks: tuple[ResidualRisk, ...]
    not_found: tuple[str, ...]  # marked words with nothing (more) to remove

    @cached_property
    def final(self) -> str:
        """The text with every change applied, except those whose original is kept."""
        pieces: list[str] = []
        position = 0
        for change in self.changes:
            if change.kept:
                continue
            pieces.append(self.source[position:change.start])
            pieces.append(change.replacement)
            position = change.end
        pieces.append(self.source[position:])
        return "".join(pieces)

    @cached_property
    def digest(self) -> str:
        """A fingerprint of the final text: a confirmation holds only for the text that was read."""
        return hashlib.sha256(self.final.encode("utf-8")).hexdigest()[:32]

    @property
    def kept(self) -> tuple[Change, ...]:
        return tuple(change for change in self.changes if change.kept)

    @property
    def applied(self) -> tuple[Change, ...]:
        return tuple(change for change in self.changes if not change.kept)

    def segments(self) -> list[Segment]:
        """The original text cut at every change, for highlighting (a kept change shows its original)."""
        found: list[Segment] = []
        position = 0
        for change in self.changes:
            if change.start > position:
                found.append(Segment(self.source[position:change.start]))
            found.append(Segment(change.original if change.kept else change.replacement, change))
            position = change.end
        if position < len(self.source):
            found.append(Segment(self.source[position:]))
        return found


def parse_keys(values: Iterable[str]) -> frozenset[tuple[int, int]]:
    """The spans named by the form's "keep" boxes; anything else is ignored."""
    spans: set[tuple[int, int]] = set()
    for value in values:
        match = _KEY.fullmatch(value.strip())
        if match:
            spans.add((int(match[1]), int(match[2])))
    return frozenset(spans)


def word_pattern(word: str) -> re.Pattern[str]:
    """A marked word as a whole word, in any case, with any run of spaces and a possessive ending."""
    body = r"\s+".join(re.escape(part) for part in word.split())
    return re.compile(rf"(?<!\w){body}(?P<suffix>s|['’:]s|['’])?(?!\w)", re.IGNORECASE)


def _overlaps(start: int, end: int, taken: Sequence[tuple[int, int]]) -> bool:
    return any(start < other_end and other_start < end for other_start, other_end in taken)


def _proposed(source: str) -> tuple[list[Change], tuple[ResidualRisk, ...]]:
    """varna.deid's changes in text order, without any that would overlap an earlier one."""
    result = deidentify(source)
    changes: list[Change] = []
    end = 0
    for entity in sorted(result.entities, key=lambda e: (e.start, e.end)):
        if entity.start < end or not 0 <= entity.start < entity.end <= len(source):
            continue
        changes.append(Change(entity.start, entity.end, entity.label, source[entity.start:entity.end],
                              entity.replacement))
        end = entity.end
    return changes, result.residual_risks


def _marked(
    source: str, words: Sequence[str], taken: list[tuple[int, int]]
) -> tuple[list[Change], list[str]]:
    """Every occurrence of the marked words outside the proposed changes, each word with its placeholder."""
    found: list[tuple[int, int, str, str]] = []  # start, end, the word's key, the possessive ending
    missing: list[str] = []
    occupied = list(taken)
    # Longer words first, so "Lisa Berg" is taken whole before "Lisa" is looked for.
    for word in sorted(words, key=len, reverse=True):
        hits = 0
        for match in word_pattern(word).finditer(source):
            if _overlaps(match.start(), match.end(), occupied):
                continue
            occupied.append(match.span())
            found.append((match.start(), match.end(), word.casefold(), "s" if match["suffix"] else ""))
            hits += 1
        if not hits:
            missing.append(word)
    numbers: dict[str, int] = {}
    changes: list[Change] = []
    for start, end, key, suffix in sorted(found):
        number = numbers.setdefault(key, len(numbers) + 1)
        changes.append(Change(start, end, MARKED, source[start:end], f"[{MARKED_WORD} {number}]{suffix}",
                              marked=True))
    order = {word: index for index, word in enumerate(words)}
    return changes, sorted(missing, key=order.__getitem__)


def review(source: str, *, words: Sequence[str] = (), keep: Collection[tuple[int, int]] = ()) -> Review:
    """The tool's proposal for ``source``, with the person's kept originals and marked words applied."""
    proposed, risks = _proposed(source)
    changes = [
        Change(c.start, c.end, c.label, c.original, c.replacement, kept=(c.start, c.end) in keep)
        for c in proposed
    ]
    marked, missing = _marked(source, words, [(c.start, c.end) for c in changes])
    ordered = tuple(sorted([*changes, *marked], key=lambda c: c.start))
    return Review(source=source, changes=ordered, risks=risks, not_found=tuple(missing))
