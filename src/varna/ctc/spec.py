"""The scoring spec: which items make up which risk or protective factor, and how to score them.

A spec is a YAML file (``shared/contracts/ctc-spec.md``). Loading checks every field and
names the file, the factor and the field in each complaint, so the analyst who maps a
municipality's own survey onto it can fix the file without reading code. All problems
are collected and reported together, not one per run.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, TypeGuard

import yaml

DOMAINS = ("community", "family", "school", "peer_individual")
DOMAIN_LABELS_SV = {
    "community": "Närsamhälle",
    "family": "Familj",
    "school": "Skola",
    "peer_individual": "Kamrater och individ",
}
KINDS = ("risk", "protective")
DEFAULT_SPEC_NAME = "default"
_ID = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


class SpecError(ValueError):
    """The spec cannot be used; ``problems`` lists every fault found, one line each."""

    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: " + "; ".join(problems))


@dataclass(frozen=True)
class Factor:
    id: str
    label: str
    kind: str
    domain: str
    items: tuple[str, ...]
    reverse: tuple[str, ...]
    scale: tuple[int, int]
    min_items: int
    cut_point: float | None
    cut_percentile: float | None = None
    label_en: str = ""
    description: str = ""

    @property
    def is_risk(self) -> bool:
        return self.kind == "risk"


@dataclass(frozen=True)
class Spec:
    name: str
    area_column: str
    factors: tuple[Factor, ...]
    min_cell: int = 10
    confidence: float = 0.95
    grade_column: str | None = None
    gender_column: str | None = None
    source: str = ""
    questions: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    @property
    def items(self) -> tuple[str, ...]:
        """Every item any factor uses, in first-use order, each once."""
        seen: dict[str, None] = {}
        for factor in self.factors:
            for item in factor.items:
                seen.setdefault(item, None)
        return tuple(seen)

    def factor(self, factor_id: str) -> Factor:
        for factor in self.factors:
            if factor.id == factor_id:
                return factor
        raise KeyError(factor_id)

    def scale_of(self, item: str) -> tuple[int, int]:
        """The answer range of an item (the first factor using it decides; the loader checks they agree)."""
        for factor in self.factors:
            if item in factor.items:
                return factor.scale
        raise KeyError(item)


def _is_number(value: Any) -> TypeGuard[float]:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _column_name(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _parse_factor(raw: Any, index: int, problems: list[str], warnings: list[str]) -> Factor | None:
    if not isinstance(raw, dict):
        problems.append(f"factors[{index}]: expected a mapping with id, label, kind, domain, items …")
        return None
    fid = raw.get("id")
    where = f"factor {fid!r}" if isinstance(fid, str) else f"factors[{index}]"
    before = len(problems)

    def bad(field_name: str, what: str) -> None:
        problems.append(f"{where}, field {field_name!r}: {what}")

    known = {"id", "label", "label_en", "description", "kind", "domain", "items", "reverse", "scale",
             "min_items", "cut_point", "cut_percentile"}
    for key in raw:
        if key not in known:
            warnings.append(f"{where}, field {key!r}: unknown, ignored (known: {', '.join(sorted(known))})")
    if not isinstance(fid, str) or not _ID.match(fid):
        bad("id", "required; letters, digits and _ only, not starting with a digit")
    label = raw.get("label")
    if not isinstance(label, str) or not label.strip():
        bad("label", "required; a non-empty text")
    kind = raw.get("kind")
    if kind not in KINDS:
        bad("kind", f"must be one of {', '.join(KINDS)}, got {kind!r}")
    domain = raw.get("domain")
    if domain not in DOMAINS:
        bad("domain", f"must be one of {', '.join(DOMAINS)}, got {domain!r}")
    items = raw.get("items")
    if not isinstance(items, list) or not items or not all(_column_name(i) for i in items):
        bad("items", "required; a non-empty list of column names")
        items = []
    elif len(set(items)) != len(items):
        bad("items", "an item is listed twice")
    reverse = raw.get("reverse", [])
    if reverse is None:
        reverse = []
    if not isinstance(reverse, list) or not all(isinstance(i, str) for i in reverse):
        bad("reverse", "a list of item ids")
        reverse = []
    else:
        stray = [i for i in reverse if i not in items]
        if stray:
            bad("reverse", f"{', '.join(stray)} not among the factor's items")
    scale = raw.get("scale")
    lo = hi = 0
    if (not isinstance(scale, list) or len(scale) != 2 or not all(_is_int(v) for v in scale)
            or scale[0] >= scale[1]):
        bad("scale", f"required; [lowest, highest] whole numbers with lowest < highest, got {scale!r}")
    else:
        lo, hi = scale
    min_items = raw.get("min_items", 1)
    if not _is_int(min_items) or not 1 <= min_items <= max(len(items), 1):
        bad("min_items", f"a whole number from 1 to the number of items ({len(items)}), got {min_items!r}")
    cut_point = raw.get("cut_point")
    cut_percentile = raw.get("cut_percentile")
    if cut_point is not None and cut_percentile is not None:
        bad("cut_point", "give either cut_point or cut_percentile, not both")
    elif cut_point is None and cut_percentile is None:
        bad("cut_point", "required (or cut_percentile): a respondent counts when the mean is above it")
    elif cut_point is not None:
        if not _is_number(cut_point):
            bad("cut_point", f"a number, got {cut_point!r}")
        elif lo < hi and not lo <= cut_point < hi:
            bad("cut_point", f"must lie in the scale, from {lo} up to (not including) {hi}; got {cut_point}")
    elif not _is_number(cut_percentile) or not 0 < cut_percentile < 100:
        bad("cut_percentile", f"a number between 0 and 100 (exclusive), got {cut_percentile!r}")
    label_en = raw.get("label_en", "")
    if not isinstance(label_en, str):
        bad("label_en", "a text")
    description = raw.get("description", "")
    if not isinstance(description, str):
        bad("description", "a text")
    if len(problems) > before:
        return None
    return Factor(
        id=str(fid), label=str(label).strip(), kind=str(kind), domain=str(domain),
        items=tuple(str(i) for i in items), reverse=tuple(reverse), scale=(int(lo), int(hi)),
        min_items=int(min_items),
        cut_point=float(cut_point) if cut_point is not None else None,
        cut_percentile=float(cut_percentile) if cut_percentile is not None else None,
        label_en=str(label_en), description=str(description),
    )


def parse_spec(data: Any, source: str = "<spec>") -> Spec:
    """Check a spec already read from YAML; raise :class:`SpecError` listing every problem."""
    problems: list[str] = []
    warnings: list[str] = []
    if not isinstance(data, dict):
        raise SpecError(source, ["the file must hold a mapping with name, area_column and factors"])
    known = {"name", "area_column", "grade_column", "gender_column", "min_cell", "confidence", "factors",
             "description", "questions"}
    for key in data:
        if key not in known:
            warnings.append(f"field {key!r}: unknown, ignored (known: {', '.join(sorted(known))})")
    name = data.get("name", Path(source).stem)
    if not isinstance(name, str) or not name.strip():
        problems.append("field 'name': a non-empty text")
    area_column = data.get("area_column")
    if not _column_name(area_column):
        problems.append("field 'area_column': required; the name of the column that holds the area")
    optional_columns: dict[str, str | None] = {}
    for key in ("grade_column", "gender_column"):
        value = data.get(key)
        if value is not None and not _column_name(value):
            problems.append(f"field {key!r}: a column name, or leave it out")
        optional_columns[key] = value if _column_name(value) else None
    min_cell = data.get("min_cell", 10)
    if not _is_int(min_cell) or min_cell < 1:
        problems.append(f"field 'min_cell': a whole number of at least 1, got {min_cell!r}")
    confidence = data.get("confidence", 0.95)
    if not _is_number(confidence) or not 0.5 <= confidence < 1:
        problems.append(f"field 'confidence': a number from 0.5 up to (not including) 1, got {confidence!r}")
    questions = data.get("questions", {}) or {}
    if not isinstance(questions, dict) or not all(isinstance(v, str) for v in questions.values()):
        problems.append("field 'questions': a mapping from item id to the question's text")
        questions = {}
    raw_factors = data.get("factors")
    factors: list[Factor] = []
    if not isinstance(raw_factors, list) or not raw_factors:
        problems.append("field 'factors': required; a non-empty list of factors")
    else:
        for index, raw in enumerate(raw_factors):
            factor = _parse_factor(raw, index, problems, warnings)
            if factor is not None:
                factors.append(factor)
    ids = [f.id for f in factors]
    for fid in sorted({i for i in ids if ids.count(i) > 1}):
        problems.append(f"factor {fid!r}: the id is used by more than one factor")
    scales: dict[str, tuple[str, tuple[int, int]]] = {}
    for factor in factors:
        for item in factor.items:
            if item in scales and scales[item][1] != factor.scale:
                problems.append(f"factor {factor.id!r}, field 'scale': item {item!r} has scale "
                                f"{list(factor.scale)} here but {list(scales[item][1])} in factor "
                                f"{scales[item][0]!r}")
            scales.setdefault(item, (factor.id, factor.scale))
    reserved = {area_column, *optional_columns.values()} - {None}
    for factor in factors:
        clash = reserved & set(factor.items)
        if clash:
            problems.append(f"factor {factor.id!r}, field 'items': {', '.join(sorted(map(str, clash)))} "
                            "is also the area, grade or gender column")
    if problems:
        raise SpecError(source, problems)
    return Spec(
        name=str(name).strip(), area_column=str(area_column), factors=tuple(factors),
        min_cell=int(min_cell), confidence=float(confidence),
        grade_column=optional_columns["grade_column"], gender_column=optional_columns["gender_column"],
        source=source, questions={str(k): str(v) for k, v in questions.items()},
        warnings=tuple(f"{source}: {w}" for w in warnings),
    )


def _read_yaml(text: str, source: str) -> Any:
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise SpecError(source, [f"{where}not valid YAML ({problem})"]) from exc


def spec_from_yaml(text: str, source: str = "<upload>") -> Spec:
    """A spec from YAML text (an uploaded file); raises :class:`SpecError` like :func:`load_spec`."""
    return parse_spec(_read_yaml(text, source), source)


def default_spec_text() -> str:
    return resources.files("varna.ctc").joinpath("data/ctc-default.yaml").read_text(encoding="utf-8")


def load_spec(path: str | Path | None = None) -> Spec:
    """Load a spec file; ``None`` or ``"default"`` gives the bundled CTC-style spec."""
    if path is None or str(path) == DEFAULT_SPEC_NAME:
        return parse_spec(_read_yaml(default_spec_text(), "ctc-default.yaml"), "ctc-default.yaml")
    source = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise SpecError(source, ["no such file"]) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise SpecError(source, [f"cannot be read as UTF-8 text ({exc})"]) from exc
    return parse_spec(_read_yaml(text, source), source)
