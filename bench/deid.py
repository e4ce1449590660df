"""Measure ``varna.deid`` on the development corpus, side by side with Microsoft Presidio.

Run with ``make bench`` (which installs the optional ``bench`` extra) or
``.venv/bin/python bench/deid.py``. It prints figures; nothing asserts a value or a time,
so a slow machine or a regression never fails a build – the tests do that.

Why: issue 4 asks for a tool that removes every identifier from Swedish case descriptions
while keeping the rest readable, and asks how it compares with the usual open-source
answer, Presidio, given its best offline chance for Swedish (``bench/presidio_sv.py``).
Both run on the same texts in the same process, measured the same way:

* recall – a gold identifier (``tests/data/deid/corpus-*.jsonl``) counts as caught only
  when every non-space character of it lies inside the union of the spans the tool
  replaced; one letter left ("Amir" replaced, the "s" of "Amirs" kept) is a miss. Given
  overall, for the identifiers that must go, for those that must be generalised (AGE,
  SCHOOL_CLASS, PLACE, DATE: there "caught" means rewritten) and per label;
* words kept – of the ``\\w+`` words outside every gold span, the share no tool span
  touches: what is left for the cooperation group to read;
* spans outside gold – tool spans that overlap no gold span (over-removal, a rough
  complement to precision);
* throughput – UTF-8 bytes of the corpus per second on one core for the whole
  de-identification (text in, text out): the corpus is repeated until a run lasts about
  ``--seconds``, and the median of ``--runs`` runs is reported. Presidio, being slower,
  may use fewer passes per run.

Värna's misses (text id, label, gold text, what was left) go to standard error, the
first ``--misses`` of them, so a developer sees what to fix next.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from varna.deid import deidentify

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "deid"
REMOVE_LABELS = (
    "PERSON", "PERSONNUMMER", "SAMORDNINGSNUMMER", "PHONE", "EMAIL", "URL", "HANDLE", "VEHICLE",
    "ADDRESS", "POSTCODE", "BIRTHDATE", "CASE_NUMBER", "ORGANISATION",
)
GENERALISE_LABELS = ("AGE", "SCHOOL_CLASS", "PLACE", "DATE")
WORD = re.compile(r"\w+")

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Gold:
    start: int
    end: int
    label: str
    text: str


@dataclass(frozen=True, slots=True)
class Text:
    id: str
    text: str
    gold: tuple[Gold, ...]


@dataclass(slots=True)
class Score:
    """What one tool achieved on the corpus."""

    caught: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    words_kept: int = 0
    words: int = 0
    spans: int = 0
    spans_outside_gold: int = 0
    misses: list[tuple[str, str, str, str]] = field(default_factory=list)

    def recall(self, labels: Iterable[str]) -> float | None:
        labels = list(labels)
        total = sum(self.total[label] for label in labels)
        return sum(self.caught[label] for label in labels) / total if total else None


@dataclass(slots=True)
class Tool:
    """A de-identifier under test: its spans over the input, and the whole run for timing."""

    name: str
    spans: Callable[[str], list[Span]]
    run: Callable[[str], object]
    max_passes: int | None = None
    score: Score = field(default_factory=Score)
    mb_per_s: float | None = None
    passes: int = 0


def load_corpus(folder: Path = CORPUS) -> list[Text]:
    texts = []
    for path in sorted(folder.glob("corpus-*.jsonl")):
        for line in path.read_text("utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            gold = tuple(Gold(e["start"], e["end"], e["label"], e["text"]) for e in record["entities"])
            texts.append(Text(record["id"], record["text"], gold))
    return texts


def covered(length: int, spans: Iterable[Span]) -> bytearray:
    """A mask over the input: 1 where some span of the tool replaced the character."""
    mask = bytearray(length)
    for start, end in spans:
        start, end = max(start, 0), min(end, length)
        if end > start:
            mask[start:end] = b"\1" * (end - start)
    return mask


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_text(score: Score, item: Text, spans: list[Span]) -> None:
    mask = covered(len(item.text), spans)
    for gold in item.gold:
        score.total[gold.label] += 1
        left = "".join(ch for i, ch in enumerate(item.text[gold.start:gold.end], gold.start)
                       if not mask[i] and not ch.isspace())
        if left:
            score.misses.append((item.id, gold.label, gold.text, left))
        else:
            score.caught[gold.label] += 1
    gold_spans = [(g.start, g.end) for g in item.gold]
    for word in WORD.finditer(item.text):
        span = word.span()
        if any(overlaps(span, g) for g in gold_spans):
            continue
        score.words += 1
        if not any(mask[span[0]:span[1]]):
            score.words_kept += 1
    score.spans += len(spans)
    score.spans_outside_gold += sum(1 for s in spans if not any(overlaps(s, g) for g in gold_spans))


def pin_to_one_core() -> str:
    """Run on one CPU so that no library can spread the work; say which."""
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity here)"


def throughput(tool: Tool, texts: Sequence[str], seconds: float, runs: int,
               clock: Callable[[], float] = time.perf_counter) -> None:
    """MB/s over the whole corpus, repeated until one run lasts about ``seconds``; median of runs.

    ``clock`` is the wall clock by default; ``time.process_time`` counts only the CPU time
    this process got, which is the fairer measure on a machine shared with other work.
    """
    size = sum(len(t.encode("utf-8")) for t in texts)
    started = clock()
    for text in texts:  # warm-up pass: lazy loading and regex compilation are not throughput
        tool.run(text)
    once = max(clock() - started, 1e-9)
    passes = max(1, round(seconds / once + 0.5))
    if tool.max_passes is not None:
        passes = min(passes, tool.max_passes)
    rates = []
    for _ in range(runs):
        started = clock()
        for _ in range(passes):
            for text in texts:
                tool.run(text)
        rates.append(passes * size / max(clock() - started, 1e-9) / 1e6)
    tool.mb_per_s = statistics.median(rates)
    tool.passes = passes


def varna_tool() -> Tool:
    def spans(text: str) -> list[Span]:
        return [(e.start, e.end) for e in deidentify(text).entities]

    return Tool("Värna", spans, deidentify)


def presidio_tool(names_as_written: bool) -> tuple[Tool | None, str]:
    """Presidio if the ``bench`` extra is installed; otherwise None and why."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    try:
        from presidio_sv import PresidioSwedish
    except ImportError as error:
        return None, (f"not run: not installed ({error}); `make bench` installs it, or "
                      "`.venv/bin/pip install -c requirements.lock -e '.[bench]'`")
    presidio = PresidioSwedish(names_ignore_case=not names_as_written)

    def spans(text: str) -> list[Span]:
        return [(found.start, found.end) for found in presidio.find(text)]

    return Tool("Presidio", spans, presidio.run, max_passes=10), presidio.describe()


def fmt(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def report(texts: list[Text], tools: list[Tool], note: str, where: str) -> str:
    """The side-by-side table, then how it was measured."""
    words = sum(len(t.text.split()) for t in texts)
    size = sum(len(t.text.encode("utf-8")) for t in texts)
    total = tools[0].score.total
    width, column = 32, 12
    names = ["Presidio (blank sv + patterns + name lists)" if t.name == "Presidio" else t.name
             for t in tools]
    lines = [f"Värna deid benchmark – {len(texts)} texts, {words:,} words, {sum(total.values()):,} "
             f"identifiers, {size:,} bytes UTF-8", ""]

    def row(title: str, n: object, values: list[str]) -> None:
        lines.append((f"{title:<{width}}{n!s:>6}   " + "".join(f"{v:<{column}}" for v in values)).rstrip())

    row("", "n", names)
    row("recall, all identifiers", sum(total.values()),
        [fmt(t.score.recall(REMOVE_LABELS + GENERALISE_LABELS)) for t in tools])
    row("recall, identifiers to remove", sum(total[label] for label in REMOVE_LABELS),
        [fmt(t.score.recall(REMOVE_LABELS)) for t in tools])
    for label in REMOVE_LABELS:
        row(f"  {label}", total[label], [fmt(t.score.recall([label])) for t in tools])
    row("recall, to generalise", sum(total[label] for label in GENERALISE_LABELS),
        [fmt(t.score.recall(GENERALISE_LABELS)) for t in tools])
    for label in GENERALISE_LABELS:
        row(f"  {label}", total[label], [fmt(t.score.recall([label])) for t in tools])
    row("words kept (outside gold)", tools[0].score.words,
        [fmt(t.score.words_kept / t.score.words if t.score.words else None) for t in tools])
    row("tool spans", "", [str(t.score.spans) for t in tools])
    row("  overlapping no gold span", "", [str(t.score.spans_outside_gold) for t in tools])
    row("MB/s (one core)", "", [fmt(t.mb_per_s, 2) for t in tools])
    row("  corpus passes per timed run", "", [str(t.passes) if t.passes else "–" for t in tools])
    lines += ["", f"Timing: {where}; the whole de-identification per text (text in, text out); "
                  "median of the timed runs after one warm-up pass."]
    lines.append(f"Presidio: {note}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=3.0, help="target length of one timed run")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per tool; the median is reported")
    parser.add_argument("--misses", type=int, default=20, help="how many of Värna's misses to list on stderr")
    parser.add_argument("--no-presidio", action="store_true", help="measure Värna only (quick)")
    parser.add_argument("--no-timing", action="store_true", help="quality figures only")
    parser.add_argument("--cpu-time", action="store_true",
                        help="time with the CPU time of the process, not the wall clock (a shared machine)")
    parser.add_argument("--presidio-names-as-written", action="store_true",
                        help="match Presidio's name list case-sensitively (default: ignoring case, "
                             "Presidio's own deny-list default)")
    args = parser.parse_args(argv)

    where = pin_to_one_core()
    texts = load_corpus()
    tools = [varna_tool()]
    note = "not run (--no-presidio)"
    if not args.no_presidio:
        presidio, note = presidio_tool(args.presidio_names_as_written)
        if presidio is not None:
            tools.append(presidio)
    for tool in tools:
        for item in texts:
            score_text(tool.score, item, tool.spans(item.text))
        if not args.no_timing:
            throughput(tool, [t.text for t in texts], args.seconds, args.runs,
                       time.process_time if args.cpu_time else time.perf_counter)
    if args.cpu_time:
        where += ", CPU time of the process (not the wall clock)"

    print(report(texts, tools, note, where))
    misses = tools[0].score.misses
    if misses and args.misses > 0:
        sys.stdout.flush()
        print(f"\nVärna's misses: {len(misses)} (the first {min(args.misses, len(misses))}: "
              "text id, label, gold text, characters left)", file=sys.stderr)
        for text_id, label, gold, left in misses[:args.misses]:
            print(f"  {text_id:<12} {label:<18} {gold!r}  left: {left!r}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
