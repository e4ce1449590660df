"""Validate the rule-base data files and report every problem with file, entry and field.

A municipality's legal unit changes the law by editing YAML, so a typo must never
silently change an answer: unknown fields, missing citations, inverted or
overlapping dates and references to unknown entries are all reported, together.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from varna.law import schema
from varna.law.yamlsource import Located, load_located, plain


@dataclass(frozen=True, order=True)
class Problem:
    """One problem, printed ``file:line: entry 'id' field 'x': message``; the parts that are
    unknown (no line, no entry) are left out rather than printed empty."""

    file: str
    line: int
    entry: str
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:" if self.line else f"{self.file}:"
        entry = f" entry '{self.entry}'" if self.entry else ""
        field = f" field '{self.field}'" if self.field else ""
        return f"{where}{entry}{field}: {self.message}" if entry or field else f"{where} {self.message}"


@dataclass(frozen=True)
class RawEntry:
    """One validated entry as plain data, with where it came from."""

    data: dict[str, Any]
    file: str
    line: int


@dataclass
class Checked:
    versions: list[RawEntry]
    entries: list[RawEntry]
    organisation: dict[str, Any]
    vocabulary: dict[str, Any]
    problems: list[Problem]


class _Collector:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, file: str, line: int, entry: str, field: str, message: str) -> None:
        self.problems.append(Problem(file, line, entry, field, message))


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    return None


def _check_list(
    out: _Collector, loc: Located, key: str, file: str, ident: str,
    allowed: Iterable[str], *, allow_all: bool = False, allow_authority: bool = False,
) -> None:
    if key not in loc.data:
        return
    value = loc.data[key]
    line = loc.line_of(key)
    allowed = tuple(allowed)
    if allow_all and value == "all":
        return
    if allow_authority and value == "authority":
        return
    if not isinstance(value, list) or not value:
        extra = " or 'all'" if allow_all else ""
        extra += " or 'authority'" if allow_authority else ""
        out.add(file, line, ident, key, f"expected a non-empty list{extra}")
        return
    for item in value:
        if item not in allowed:
            out.add(file, line, ident, key,
                    f"unknown value {item!r} (allowed: {', '.join(allowed)})")


def _check_fields(
    out: _Collector, loc: Located, allowed: frozenset[str], file: str, ident: str, prefix: str
) -> None:
    for key in loc.data:
        if key not in allowed:
            out.add(file, loc.line_of(key), ident, f"{prefix}{key}",
                    f"unknown field (allowed: {', '.join(sorted(allowed))})")


def _check_in_force(out: _Collector, loc: Located, file: str, ident: str, kind: str) -> None:
    raw = loc.data.get("in_force")
    line = loc.line_of("in_force")
    if not isinstance(raw, Located):
        out.add(file, line, ident, "in_force", "expected {from: DATE, to: DATE or null}")
        return
    _check_fields(out, raw, schema.IN_FORCE_FIELDS, file, ident, "in_force.")
    start, end = raw.data.get("from"), raw.data.get("to")
    if start is not None and _as_date(start) is None:
        out.add(file, raw.line_of("from"), ident, "in_force.from", f"{start!r} is not a date")
    if start is None and kind != "pending":
        out.add(file, raw.line_of("from"), ident, "in_force.from",
                "missing: every provision needs the date it came into force")
    if end is not None and _as_date(end) is None:
        out.add(file, raw.line_of("to"), ident, "in_force.to", f"{end!r} is not a date")
    s, e = _as_date(start), _as_date(end)
    if s and e and e < s:
        out.add(file, raw.line_of("to"), ident, "in_force.to",
                f"ends {e} before it starts {s} (inverted dates)")


def _check_when(out: _Collector, loc: Located, file: str, ident: str) -> None:
    raw = loc.data.get("when")
    if not isinstance(raw, Located):
        out.add(file, loc.line_of("when"), ident, "when", "expected a mapping of conditions")
        return
    _check_fields(out, raw, schema.WHEN_FIELDS, file, ident, "when.")
    _check_list(out, raw, "discloser", file, ident, schema.ACTORS, allow_all=True)
    _check_list(out, raw, "recipient", file, ident, schema.ACTORS, allow_all=True,
                allow_authority=True)
    for key in ("facts_all", "facts_any", "facts_none"):
        _check_list(out, raw, key, file, ident, schema.FACTS)
    _check_list(out, raw, "consent_in", file, ident, schema.CONSENTS)
    age = raw.data.get("age_below")
    if age is not None and (isinstance(age, bool) or not isinstance(age, int) or age <= 0):
        out.add(file, raw.line_of("age_below"), ident, "when.age_below",
                "expected a positive whole number")
    unknown = raw.data.get("age_unknown")
    if unknown is not None and unknown not in ("met", "not_met"):
        out.add(file, raw.line_of("age_unknown"), ident, "when.age_unknown",
                "expected 'met' or 'not_met'")
    if age is not None and unknown is None:
        out.add(file, raw.line_of("age_below"), ident, "when.age_unknown",
                "missing: say whether an unknown age counts as met or not_met")
    for key in ("identifiable", "known_to_all_present"):
        if key in raw.data and not isinstance(raw.data[key], bool):
            out.add(file, raw.line_of(key), ident, f"when.{key}", "expected true or false")


def _check_entry(out: _Collector, loc: Located, file: str, versions: set[str]) -> str:
    ident = loc.data.get("id")
    if not isinstance(ident, str) or not schema.ID_PATTERN.match(ident):
        out.add(file, loc.line_of("id"), str(ident or ""), "id",
                "missing or malformed id (lower-case letters, digits and hyphens)")
        ident = str(ident or f"<line {loc.line}>")
    kind = loc.data.get("kind")
    if kind not in schema.ENTRY_KINDS:
        out.add(file, loc.line_of("kind"), ident, "kind",
                f"unknown kind {kind!r} (allowed: {', '.join(schema.ENTRY_KINDS)})")
        return ident
    allowed = schema.COMMON_FIELDS | schema.KIND_FIELDS.get(kind, frozenset())
    _check_fields(out, loc, allowed, file, ident, "")
    for key in ("title_sv", "summary_sv", "version", "status", "source", "in_force"):
        if key not in loc.data:
            out.add(file, loc.line, ident, key, "required field is missing")
    for key in schema.REQUIRED_FIELDS.get(kind, ()):
        if key not in loc.data:
            out.add(file, loc.line, ident, key, f"required for kind '{kind}'")
    citation = loc.data.get("citation")
    if citation is None:
        if kind in schema.CITATION_REQUIRED:
            out.add(file, loc.line_of("citation"), ident, "citation",
                    f"missing: an entry of kind '{kind}' must cite its provision")
    elif not isinstance(citation, str) or not schema.CITATION_PATTERN.match(citation):
        out.add(file, loc.line_of("citation"), ident, "citation",
                f"{citation!r} does not follow the format 'OSL 26:1', 'OSL 23:2 st. 2', "
                "'OSL 10:18a', 'SoL 14:1', 'JO 1990/91 s. 369' or 'SoL (2025:400)'")
    status = loc.data.get("status")
    if status not in schema.STATUSES:
        out.add(file, loc.line_of("status"), ident, "status",
                f"unknown status {status!r} (allowed: {', '.join(schema.STATUSES)})")
    elif status != "verified" and kind in ("secrecy", "breaking", "principle", "meeting"):
        out.add(file, loc.line_of("status"), ident, "status",
                "only verified entries may change a decision; make it kind 'pending'")
    if "version" in loc.data and loc.data["version"] not in versions:
        out.add(file, loc.line_of("version"), ident, "version",
                f"unknown rule-base version {loc.data['version']!r}")
    source = loc.data.get("source")
    if isinstance(source, Located):
        _check_fields(out, source, schema.SOURCE_FIELDS, file, ident, "source.")
        if not source.data:
            out.add(file, loc.line_of("source"), ident, "source", "names no source")
    elif "source" in loc.data:
        out.add(file, loc.line_of("source"), ident, "source",
                "expected a mapping (statute, preparatory, guideline, decision)")
    if "in_force" in loc.data:
        _check_in_force(out, loc, file, ident, kind)
    if kind == "secrecy":
        if loc.data.get("strength") not in schema.STRENGTHS:
            out.add(file, loc.line_of("strength"), ident, "strength",
                    f"expected one of {', '.join(schema.STRENGTHS)}")
        if loc.data.get("harm_test") not in schema.HARM_TESTS:
            out.add(file, loc.line_of("harm_test"), ident, "harm_test",
                    f"expected one of {', '.join(schema.HARM_TESTS)}")
        _check_list(out, loc, "holders", file, ident, schema.ACTORS, allow_all=True)
        _check_list(out, loc, "information", file, ident, schema.INFORMATION, allow_all=True)
        _check_list(out, loc, "open_towards_same_authority", file, ident, schema.ACTORS)
    if kind in ("breaking", "principle"):
        order = loc.data.get("order")
        if isinstance(order, bool) or not isinstance(order, int):
            out.add(file, loc.line_of("order"), ident, "order", "expected a whole number")
        _check_list(out, loc, "settings", file, ident, schema.SETTINGS)
        if "when" in loc.data:
            _check_when(out, loc, file, ident)
        scope = loc.data.get("scope")
        if scope is not None and scope not in schema.SCOPES:
            out.add(file, loc.line_of("scope"), ident, "scope",
                    f"expected one of {', '.join(schema.SCOPES)}")
        if scope is None and loc.data.get("outcome") not in schema.OUTCOMES:
            out.add(file, loc.line_of("outcome"), ident, "outcome",
                    f"expected one of {', '.join(schema.OUTCOMES)}")
        if scope is None and "applies_sv" not in loc.data:
            out.add(file, loc.line, ident, "applies_sv",
                    "required: the Swedish sentence shown when the exception applies")
        if scope is not None and "not_applicable_sv" not in loc.data:
            out.add(file, loc.line, ident, "not_applicable_sv",
                    "required: say why it does not help prevention")
        if ("breaks" in loc.data) == ("breaks_except" in loc.data):
            out.add(file, loc.line, ident, "breaks",
                    "give exactly one of 'breaks' and 'breaks_except'")
    if kind == "pending":
        touches = loc.data.get("touches")
        if isinstance(touches, Located):
            _check_fields(out, touches, schema.TOUCHES_FIELDS, file, ident, "touches.")
            _check_list(out, touches, "discloser", file, ident, schema.ACTORS)
            _check_list(out, touches, "recipient", file, ident, schema.ACTORS,
                        allow_authority=True)
        else:
            out.add(file, loc.line_of("touches"), ident, "touches",
                    "expected a mapping with discloser and/or recipient")
        if status == "verified":
            out.add(file, loc.line_of("status"), ident, "status",
                    "a pending entry is by definition not verified")
    return ident


REFERENCE_FIELDS = ("breaks", "breaks_except", "requires_duty", "cite_with", "secrecy",
                    "lifted_only_by", "replaces")


def _check_references(out: _Collector, items: list[tuple[Located, str, str]]) -> None:
    known = {ident: loc for loc, ident, _ in items}
    for loc, ident, file in items:
        for key in REFERENCE_FIELDS:
            value = loc.data.get(key)
            if value is None or value == "all":
                continue
            refs = value if isinstance(value, list) else [value]
            for ref in refs:
                if ref not in known:
                    out.add(file, loc.line_of(key), ident, key,
                            f"refers to unknown entry {ref!r}")


def _interval(loc: Located) -> tuple[dt.date, dt.date]:
    raw = loc.data.get("in_force")
    data = raw.data if isinstance(raw, Located) else {}
    start = _as_date(data.get("from")) or dt.date.min
    end = _as_date(data.get("to")) or dt.date.max
    return start, end


def _check_overlaps(out: _Collector, items: list[tuple[Located, str, str]]) -> None:
    by_citation: dict[str, list[tuple[Located, str, str]]] = {}
    for item in items:
        citation = item[0].data.get("citation")
        if isinstance(citation, str):
            by_citation.setdefault(citation, []).append(item)
    for citation, group in by_citation.items():
        ordered = sorted(group, key=lambda it: _interval(it[0]))
        for (a, a_id, _), (b, b_id, b_file) in itertools.pairwise(ordered):
            a_start, a_end = _interval(a)
            b_start, _ = _interval(b)
            if b_start <= a_end:
                out.add(b_file, b.line_of("in_force"), b_id, "in_force",
                        f"overlaps '{a_id}' for {citation} (from {a_start} to {a_end}); "
                        "end the earlier entry before the new one starts")


def _check_versions(out: _Collector, path: Path, doc: Any) -> list[RawEntry]:
    file = path.name
    if not isinstance(doc, Located) or not isinstance(doc.data.get("versions"), list):
        out.add(file, 1, "", "versions", "expected a top-level list 'versions'")
        return []
    result: list[RawEntry] = []
    seen: set[str] = set()
    for loc in doc.data["versions"]:
        if not isinstance(loc, Located):
            out.add(file, doc.line, "", "versions", "each version must be a mapping")
            continue
        ident = str(loc.data.get("id", ""))
        _check_fields(out, loc, schema.VERSION_FIELDS, file, ident, "")
        if not ident:
            out.add(file, loc.line, "", "id", "a version needs an id")
        if ident in seen:
            out.add(file, loc.line_of("id"), ident, "id", "duplicate version id")
        seen.add(ident)
        for key in ("answers_from", "reviewed_on"):
            if _as_date(loc.data.get(key)) is None:
                out.add(file, loc.line_of(key), ident, key, "expected a date (YYYY-MM-DD)")
        result.append(RawEntry(plain(loc), file, loc.line))
    dates = [_as_date(r.data.get("answers_from")) for r in result]
    known = [d for d in dates if d is not None]
    if len(known) == len(dates) and known != sorted(known):
        out.add(file, doc.line, "", "answers_from", "versions must be listed oldest first")
    return result


def check_rules(root: Path) -> Checked:
    """Validate every file of a rule base directory; never raises on bad data."""
    out = _Collector()
    versions_path = root / "versions.yaml"
    provisions_dir = root / "provisions"
    versions: list[RawEntry] = []
    entries: list[RawEntry] = []
    organisation: dict[str, Any] = {}
    vocabulary: dict[str, Any] = {}

    def read(path: Path) -> Any:
        name = path.relative_to(root).as_posix()
        try:
            return load_located(path)
        except FileNotFoundError:
            out.add(name, 0, "", "", "file is missing")
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark is not None else 0
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            out.add(name, line, "", "", f"not valid YAML: {problem}")
        return None

    doc = read(versions_path)
    if doc is not None:
        versions = _check_versions(out, versions_path, doc)
    version_ids = {str(v.data.get("id")) for v in versions}

    items: list[tuple[Located, str, str]] = []
    seen: dict[str, str] = {}
    files = sorted(provisions_dir.glob("*.yaml")) if provisions_dir.is_dir() else []
    if not files:
        out.add("provisions", 0, "", "", f"no provision files under {provisions_dir}")
    for path in files:
        file = f"provisions/{path.name}"
        doc = read(path)
        if doc is None:
            continue
        if not isinstance(doc, Located) or not isinstance(doc.data.get("entries"), list):
            out.add(file, 1, "", "entries", "expected a top-level list 'entries'")
            continue
        for loc in doc.data["entries"]:
            if not isinstance(loc, Located):
                out.add(file, doc.line, "", "entries", "each entry must be a mapping")
                continue
            ident = _check_entry(out, loc, file, version_ids)
            if ident in seen:
                out.add(file, loc.line_of("id"), ident, "id",
                        f"duplicate id (first defined in {seen[ident]})")
            seen.setdefault(ident, file)
            items.append((loc, ident, file))
            entries.append(RawEntry(plain(loc), file, loc.line))
    _check_references(out, items)
    _check_overlaps(out, items)

    org_doc = read(root / "organisation.yaml")
    if isinstance(org_doc, Located) and isinstance(org_doc.data.get("organisation"), Located):
        organisation = plain(org_doc.data["organisation"])
    elif org_doc is not None:
        out.add("organisation.yaml", 1, "", "organisation", "expected a top-level 'organisation'")
    vocab_doc = read(root / "vocabulary.yaml")
    if isinstance(vocab_doc, Located):
        vocabulary = plain(vocab_doc)
    return Checked(versions, entries, organisation, vocabulary, sorted(out.problems))
