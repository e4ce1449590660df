"""The guideline's definitions and hard questions, as checked data for the knowledge pages.

Section 1 of the Malmö guideline defines violent extremism and norm-breaking behaviour
(and warns against confusing the latter with healthy norm criticism); section 1.2
asks the hard questions – can we, should we predict who becomes a violent extremist,
what if we are wrong, what can the worry itself lead to. Värna states these in its own
words in ``data/knowledge/*.yaml``, one entry each, with the section and page of the
guideline they come from, so that a reader can check them against the source.

The files are strict like the municipality file: an unknown field, a missing one, a
duplicate id, a related entry or provision that does not exist – each is reported as
``file:line: entry 'id' field 'x': message``, in the words of ``varna org check``, and
loading refuses a file with any problem.

The format, per file::

    format: 1
    entries:
      - id: normkritik                       # a–z, digits, single hyphens
        kind: definition                     # definition | question
        title_sv: …                          # required; title_en required too
        summary_sv: …                        # one or two sentences; summary_en required too
        body_sv: [paragraph, …]              # in Swedish, in our own words
        source: [{section: "1", pages: "4"}] # the guideline's section and page(s)
        keywords_sv: [word, …]               # optional: other words people search for
        related: [id, …]                     # optional: other entries
        levels: [universal, …]               # optional: prevention levels it concerns
        provisions: [osl-26-1, …]            # optional: rule-base entries (varna.law)
        note_sv: …                           # optional: where the text goes beyond the source
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import yaml

from varna.guide import schema
from varna.guide.model import Level
from varna.law import default_rulebase
from varna.law.check import Problem
from varna.law.yamlsource import Located, duplicate_keys, load_located

KNOWLEDGE_DIR = Path(__file__).parent / "data" / "knowledge"
FORMAT_VERSION = 1


class EntryKind(StrEnum):
    DEFINITION = "definition"  # a concept the guideline defines or uses ("begrepp")
    QUESTION = "question"  # one of the hard questions of section 1.2 ("svåra frågor")


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where in the guideline an entry comes from: a section ("1.2", "Bilaga 1") and page(s)."""

    section: str
    pages: str
    note_sv: str = ""

    @property
    def label_sv(self) -> str:
        """"avsnitt 1.2, s. 5", "bilaga 1, s. 17–22"."""
        appendix = self.section.lower().startswith("bilaga")
        where = self.section.lower() if appendix else f"avsnitt {self.section}"
        return f"{where}, s. {self.pages}"


@dataclass(frozen=True, slots=True)
class KnowledgeEntry:
    """One definition or hard question, in Swedish with an English title and summary."""

    id: str
    kind: EntryKind
    title_sv: str
    title_en: str
    summary_sv: str
    summary_en: str
    body_sv: tuple[str, ...]
    sources: tuple[SourceRef, ...]
    keywords_sv: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    levels: tuple[Level, ...] = ()
    provisions: tuple[str, ...] = ()
    note_sv: str = ""
    file: str = ""
    line: int = 0


@dataclass(frozen=True)
class KnowledgeBase:
    """Every entry, in file order (the files in name order)."""

    entries: tuple[KnowledgeEntry, ...]

    @cached_property
    def _by_id(self) -> dict[str, KnowledgeEntry]:
        return {e.id: e for e in self.entries}

    def __hash__(self) -> int:
        return hash(self.entries)

    def get(self, ident: str) -> KnowledgeEntry | None:
        return self._by_id.get(ident)

    def of_kind(self, kind: EntryKind) -> tuple[KnowledgeEntry, ...]:
        return tuple(e for e in self.entries if e.kind is kind)

    def related_to(self, entry: KnowledgeEntry) -> tuple[KnowledgeEntry, ...]:
        """The entries it names, then those that name it, each once, in that order."""
        named = [self._by_id[i] for i in entry.related if i in self._by_id]
        seen = {e.id for e in named} | {entry.id}
        naming = [e for e in self.entries if entry.id in e.related and e.id not in seen]
        return (*named, *naming)

    def for_level(self, level: Level) -> tuple[KnowledgeEntry, ...]:
        return tuple(e for e in self.entries if level in e.levels)

    def citing(self, provision_id: str) -> tuple[KnowledgeEntry, ...]:
        return tuple(e for e in self.entries if provision_id in e.provisions)


class KnowledgeError(Exception):
    """The knowledge files have problems; each is listed with file, line, entry and field."""

    def __init__(self, problems: tuple[Problem, ...]) -> None:
        self.problems = problems
        lines = "\n".join(f"  {p}" for p in problems)
        super().__init__(f"the knowledge files have {len(problems)} problem(s):\n{lines}")


# -- the format ---------------------------------------------------------------------------------
_SECTION = re.compile(r"^(?:\d+(?:\.\d+)*|Bilaga \d+)$")
_PAGES = re.compile(r"^[1-9]\d*(?:[–-][1-9]\d*)?$")


def _section(value: Any) -> str | None:
    if not isinstance(value, str):
        hint = " (YAML read it as a number; put it in quotes)" if isinstance(value, int | float) else ""
        return f"expected a section in quotes, such as \"1.2\" or \"Bilaga 1\", got {value!r}{hint}"
    if not _SECTION.match(value):
        return f"{value!r} is not a section of the guideline (write \"1.2\" or \"Bilaga 1\")"
    return None


def _pages(value: Any) -> str | None:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return None
    if isinstance(value, str) and _PAGES.match(value):
        return None
    return f"expected a page or a page range such as \"6–7\", got {value!r}"


def _paragraphs(value: Any) -> str | None:
    message = schema.text_list(value)
    if message:
        return message
    for item in value:
        if "\n\n" in item:
            return "write each paragraph as its own item of the list"
    return None


SOURCE = schema.Record("source", {
    "section": schema.Field(check=_section, required=True, doc="the guideline's section"),
    "pages": schema.Field(check=_pages, required=True, doc="page or pages in the guideline"),
    "note_sv": schema.Field(check=schema.text, doc="what exactly the entry takes from there"),
}, key=None)

ENTRY = schema.Record("entry", {
    "id": schema.Field(check=schema.ident, required=True),
    "kind": schema.Field(check=schema.one_of(tuple(k.value for k in EntryKind), "kind"), required=True),
    "title_sv": schema.Field(check=schema.text, required=True),
    "title_en": schema.Field(check=schema.text, required=True),
    "summary_sv": schema.Field(check=schema.text, required=True),
    "summary_en": schema.Field(check=schema.text, required=True),
    "body_sv": schema.Field(check=_paragraphs, required=True, doc="paragraphs, in Swedish"),
    "source": schema.Field(items=SOURCE, required=True),
    "keywords_sv": schema.Field(check=schema.text_list, doc="other words people search for"),
    "related": schema.Field(check=schema.ident_list, doc="ids of related entries"),
    "levels": schema.Field(check=schema.levels, doc="prevention levels the entry concerns"),
    "provisions": schema.Field(check=schema.ident_list, doc="ids of rule-base entries"),
    "note_sv": schema.Field(check=schema.text, doc="where the text goes beyond the guideline"),
})

FILE = schema.Record("file", {
    "format": schema.Field(check=lambda v: None if v == FORMAT_VERSION and not isinstance(v, bool) else
                           f"unknown format {v!r}; this version of Värna reads format {FORMAT_VERSION}",
                           required=True),
    "entries": schema.Field(items=ENTRY, required=True),
}, key=None)


# -- checking ------------------------------------------------------------------------------------------
class _Out:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, file: str, line: int, entry: str, field: str, message: str) -> None:
        self.problems.append(Problem(file, line, entry, field, message))


def _walk(out: _Out, file: str, loc: Located, record: schema.Record, entry: str, prefix: str) -> None:
    """Report unknown, missing and wrong fields of one mapping and of the lists it holds."""
    for name in loc.data:
        if name not in record.fields:
            out.add(file, loc.line_of(name), entry, f"{prefix}{name}",
                    f"unknown field (allowed: {', '.join(record.allowed)})")
    for name, spec in record.fields.items():
        where = f"{prefix}{name}"
        if name not in loc.data:
            if spec.required:
                out.add(file, loc.line, entry, where, "required field is missing")
            continue
        value, line = loc.data[name], loc.line_of(name)
        if spec.items is not None:
            if not isinstance(value, list) or not value:
                out.add(file, line, entry, where, f"expected a non-empty list of {spec.items.name} entries")
                continue
            for index, item in enumerate(value):
                if not isinstance(item, Located):
                    out.add(file, line, entry, f"{where}[{index}]",
                            f"each {spec.items.name} must be a mapping of fields")
                    continue
                own = entry
                if spec.items.key is not None and isinstance(item.data.get(spec.items.key), str):
                    own = item.data[spec.items.key]
                _walk(out, file, item, spec.items, own,
                      "" if spec.items.key is not None else f"{where}[{index}].")
        elif spec.check is not None:
            message = spec.check(value)
            if message:
                out.add(file, line, entry, where, message)


def _duplicate_keys(out: _Out, file: str, text: str) -> None:
    for line, entry, key in duplicate_keys(text):
        out.add(file, line, entry, key, "given twice in one mapping; YAML would silently keep only the last")


def _read(out: _Out, path: Path, file: str) -> list[Located]:
    """The entries of one file that have a valid id; problems of shape go to ``out``."""
    try:
        text = path.read_text(encoding="utf-8")
        document = load_located(path)
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        out.add(file, 0, "", "", f"cannot read the file: {reason}")
        return []
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        out.add(file, mark.line + 1 if mark is not None else 0, "", "", f"not valid YAML: {problem}")
        return []
    if document is None:
        out.add(file, 1, "", "", "the file is empty")
        return []
    if not isinstance(document, Located):
        out.add(file, 1, "", "", "expected a mapping with the sections format and entries")
        return []
    _duplicate_keys(out, file, text)
    _walk(out, file, document, FILE, "", "")
    entries = document.data.get("entries")
    if not isinstance(entries, list):
        return []
    return [e for e in entries if isinstance(e, Located) and schema.ident(e.data.get("id")) is None]


def _refs(value: Any) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _check_references(out: _Out, found: list[tuple[str, Located]], provision_ids: frozenset[str]) -> None:
    first: dict[str, tuple[str, int]] = {}
    for file, loc in found:
        ident = loc.data["id"]
        if ident in first:
            where = first[ident]
            out.add(file, loc.line_of("id"), ident, "id",
                    f"duplicate id: already used by the entry on {where[0]}:{where[1]}")
            continue
        first[ident] = (file, loc.line_of("id"))
    for file, loc in found:
        ident = loc.data["id"]
        for ref in _refs(loc.data.get("related")):
            if ref == ident:
                out.add(file, loc.line_of("related"), ident, "related",
                        "an entry cannot be related to itself")
            elif ref not in first:
                out.add(file, loc.line_of("related"), ident, "related",
                        f"refers to unknown knowledge entry {ref!r}")
        for ref in _refs(loc.data.get("provisions")):
            if ref not in provision_ids:
                out.add(file, loc.line_of("provisions"), ident, "provisions",
                        f"refers to unknown provision {ref!r} (the ids are those of varna rules check)")


def _build(file: str, loc: Located) -> KnowledgeEntry:
    data = loc.data
    return KnowledgeEntry(
        id=data["id"],
        kind=EntryKind(data["kind"]),
        title_sv=data["title_sv"].strip(),
        title_en=data["title_en"].strip(),
        summary_sv=data["summary_sv"].strip(),
        summary_en=data["summary_en"].strip(),
        body_sv=tuple(p.strip() for p in data["body_sv"]),
        sources=tuple(
            SourceRef(section=s.data["section"], pages=str(s.data["pages"]),
                      note_sv=s.data.get("note_sv", "").strip())
            for s in data["source"]
        ),
        keywords_sv=tuple(data.get("keywords_sv", ())),
        related=tuple(data.get("related", ())),
        levels=tuple(Level(v) for v in data.get("levels", ())),
        provisions=tuple(data.get("provisions", ())),
        note_sv=data.get("note_sv", "").strip(),
        file=file,
        line=loc.line,
    )


@dataclass(frozen=True)
class KnowledgeCheck:
    problems: tuple[Problem, ...]
    base: KnowledgeBase | None


def _files(source: Path | Iterable[Path]) -> list[Path]:
    if isinstance(source, Path):
        return sorted(source.glob("*.yaml")) if source.is_dir() else [source]
    return list(source)


def check_knowledge_files(
    source: Path | Iterable[Path], *, relative_to: Path | None = None,
    provision_ids: frozenset[str] | None = None,
) -> KnowledgeCheck:
    """Check a directory of knowledge files (or the given files); never raises on bad content.

    Messages name each file relative to ``relative_to`` when given. ``provision_ids``
    defaults to the ids of the bundled rule base.
    """
    out = _Out()
    paths = _files(source)
    if not paths:
        out.add(str(source), 0, "", "", "no knowledge files (*.yaml) found")
        return KnowledgeCheck(tuple(out.problems), None)
    known = provision_ids if provision_ids is not None else frozenset(default_rulebase().by_id)
    found: list[tuple[str, Located]] = []
    for path in paths:
        file = str(path.relative_to(relative_to)) if relative_to is not None else str(path)
        found.extend((file, loc) for loc in _read(out, path, file))
    _check_references(out, found, known)
    problems = tuple(sorted(set(out.problems), key=lambda p: (p.file, p.line, p.entry, p.field, p.message)))
    if problems:
        return KnowledgeCheck(problems, None)
    return KnowledgeCheck((), KnowledgeBase(tuple(_build(file, loc) for file, loc in found)))


def check_knowledge(source: Path | Iterable[Path] = KNOWLEDGE_DIR) -> list[str]:
    """Every problem as ``file:line: entry 'id' field 'x': message``; empty when all is well."""
    return [str(p) for p in check_knowledge_files(source).problems]


def load_knowledge(source: Path | Iterable[Path], *, relative_to: Path | None = None) -> KnowledgeBase:
    """Check and load knowledge files; raise :class:`KnowledgeError` listing every problem."""
    result = check_knowledge_files(source, relative_to=relative_to)
    if result.base is None:
        raise KnowledgeError(result.problems)
    return result.base


@cache
def default_knowledge() -> KnowledgeBase:
    """The bundled definitions and hard questions of the Malmö guideline, loaded once."""
    return load_knowledge(KNOWLEDGE_DIR, relative_to=KNOWLEDGE_DIR.parent)
