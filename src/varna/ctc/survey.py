"""Reading a survey file and checking every answer against the spec.

The file is read lazily (polars' ``scan_csv``/``scan_parquet``) and only the columns the
spec needs are kept: the area, grade and gender columns and the items. Each item becomes a
small whole number (Int16) with two markers: :data:`NON_NUMERIC` for text or a number that
is not whole, :data:`TOO_LARGE` for a whole number beyond Int16 (certainly out of any
scale). Empty cells stay empty: a missing answer is not a problem, it is just missing.

What is wrong with the *file* (cannot be read, empty, a needed column missing) stops the
run with :class:`SurveyError`. What is wrong with an *answer* (text in a numeric item, a
number outside the scale) does not: the answer is excluded from scoring, counted by kind,
and the first rows are listed with their row numbers. Rows are numbered as a spreadsheet
shows them: the header is row 1, the first respondent row 2.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from varna.ctc.spec import Spec

_UNPARSED = re.compile(r"could not parse `([^`]*)`")
_DECIMAL = re.compile(r"^\s*[-+]?\d+([.,]\d*)?([eE][-+]?\d+)?\s*$")
NON_NUMERIC = -32768
TOO_LARGE = 32767
_LIMIT = 30000
MAX_LISTED_PROBLEMS = 10
AREA = "__area"
GRADE = "__grade"
GENDER = "__gender"
MISSING_GROUP = "uppgift saknas"
FORMATS = {".csv": "csv", ".txt": "csv", ".parquet": "parquet", ".pq": "parquet", ".xlsx": "xlsx"}

SurveySource = str | Path | pl.DataFrame | pl.LazyFrame


class SurveyError(ValueError):
    """The survey cannot be used at all (structural problem); the message says what to fix."""


@dataclass(frozen=True)
class Problem:
    """One excluded answer or respondent, for the first-problems list."""

    row: int
    column: str
    kind: str
    value: str
    detail: str

    def as_dict(self) -> dict[str, object]:
        return {"row": self.row, "column": self.column, "kind": self.kind, "value": self.value,
                "message": f"row {self.row}, column {self.column!r}: {self.detail}"}


def survey_format(path: Path) -> str:
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise SurveyError(f"{path}: unknown file type {path.suffix!r}; give a .csv, .parquet or .xlsx file")
    return fmt


def open_survey(source: SurveySource) -> tuple[pl.LazyFrame, str]:
    """A lazy frame over the survey and a name for messages. Raises :class:`SurveyError`."""
    if isinstance(source, pl.DataFrame):
        return source.lazy(), "<data frame>"
    if isinstance(source, pl.LazyFrame):
        return source, "<data frame>"
    path = Path(source)
    fmt = survey_format(path)
    if not path.is_file():
        raise SurveyError(f"{path}: no such file")
    if path.stat().st_size == 0:
        raise SurveyError(f"{path}: the file is empty")
    try:
        if fmt == "csv":
            # Every column as text: a typo in one answer must become a reported problem,
            # not a failed type guess for the whole column.
            return (pl.scan_csv(path, infer_schema=False, encoding="utf8-lossy", separator=separator(path)),
                    str(path))
        if fmt == "parquet":
            return pl.scan_parquet(path), str(path)
        return pl.read_excel(path, infer_schema_length=0).lazy(), str(path)
    except Exception as exc:  # every reader has its own errors; all mean "unreadable"
        raise SurveyError(f"{path}: cannot be read as {fmt} ({_first_line(exc)})") from exc


def separator(path: Path) -> str:
    """Comma, semicolon (Swedish spreadsheet exports) or tab: the most common in the header line."""
    with path.open("rb") as handle:
        header = handle.readline(65536).decode("utf-8", "replace")
    counts = {sep: header.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else ","


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__


def schema_of(lazy: pl.LazyFrame, name: str) -> pl.Schema:
    try:
        return lazy.collect_schema()
    except pl.exceptions.NoDataError as exc:
        raise SurveyError(f"{name}: the file is empty") from exc
    except Exception as exc:
        raise SurveyError(f"{name}: cannot be read ({_first_line(exc)})") from exc


def item_code(name: str, dtype: pl.DataType) -> pl.Expr:
    """An item column as Int16 codes: the answer, empty, NON_NUMERIC or TOO_LARGE."""
    column = pl.col(name)
    if dtype.is_integer():
        value = column.cast(pl.Int64)
        return (pl.when(value.abs() > _LIMIT).then(pl.lit(TOO_LARGE)).otherwise(value)
                .cast(pl.Int16).alias(name))
    if dtype.is_float():
        whole = column.is_finite() & (column == column.round(0))
        return (pl.when(column.is_null() | column.is_nan()).then(None)
                .when(~whole).then(pl.lit(NON_NUMERIC))
                .when(column.abs() > _LIMIT).then(pl.lit(TOO_LARGE))
                .otherwise(column.cast(pl.Int64, strict=False)).cast(pl.Int16).alias(name))
    if dtype == pl.Null:
        return pl.lit(None, dtype=pl.Int16).alias(name)
    # Any other type (booleans, dates …): whole numbers where it casts to one, text otherwise.
    text = column.cast(pl.String).str.strip_chars()
    value = column.cast(pl.Int64, strict=False)
    return (pl.when(text.is_null() | (text == "")).then(None)
            .when(value.is_null()).then(pl.lit(NON_NUMERIC))
            .when(value.abs() > _LIMIT).then(pl.lit(TOO_LARGE))
            .otherwise(value).cast(pl.Int16).alias(name))


def _coded_lazy(lazy: pl.LazyFrame, schema: pl.Schema, items: list[str],
                groups: list[pl.Expr]) -> pl.LazyFrame:
    """The careful path: every item to Int16 codes, text columns in stages.

    A text cell may be "3", "3.0" or "3,0" (pandas writes whole-number columns with gaps as
    floats; a Swedish export may use a decimal comma), empty, or anything else. Each stage
    is its own set of columns, so the trimmed text and the two parses are computed once per
    cell rather than once per use in one large expression.
    """
    text_items = [i for i in items if schema[i] == pl.String]
    other = [item_code(i, schema[i]) for i in items if i not in text_items]

    def tag(item: str, part: str) -> str:
        return f"{item}\x00{part}"

    staged = lazy.select(*groups, *other, *[pl.col(i).str.strip_chars().alias(i) for i in text_items])
    staged = staged.with_columns(
        *[pl.col(i).cast(pl.Int64, strict=False).alias(tag(i, "int")) for i in text_items],
        *[pl.col(i).str.replace(",", ".", literal=True).cast(pl.Float64, strict=False).alias(tag(i, "float"))
          for i in text_items])
    staged = staged.with_columns(*[
        pl.when(pl.col(tag(i, "int")).is_not_null()).then(pl.col(tag(i, "int")))
        .when(pl.col(tag(i, "float")).is_finite()
              & (pl.col(tag(i, "float")) == pl.col(tag(i, "float")).round(0))
              & (pl.col(tag(i, "float")).abs() < 1e15))
        .then(pl.col(tag(i, "float")).cast(pl.Int64, strict=False))
        .alias(tag(i, "value")) for i in text_items])
    codes = []
    for i in text_items:
        value = pl.col(tag(i, "value"))
        codes.append(pl.when(pl.col(i).is_null() | (pl.col(i) == "")).then(None)
                     .when(value.is_null()).then(pl.lit(NON_NUMERIC))
                     .when(value.abs() > _LIMIT).then(pl.lit(TOO_LARGE))
                     .otherwise(value).cast(pl.Int16).alias(i))
    keep = [c for c in (AREA, GRADE, GENDER) if any(c == g.meta.output_name() for g in groups)]
    return staged.select(*keep, *[c for c in items if c not in text_items], *codes).select(*keep, *items)


def group_label(name: str, dtype: pl.DataType, alias: str, missing: str | None) -> pl.Expr:
    """An area, grade or gender column as trimmed text; a whole float 7.0 reads as "7"."""
    column = pl.col(name)
    if dtype.is_float():
        text = (pl.when(column == column.round(0)).then(column.cast(pl.Int64, strict=False).cast(pl.String))
                .otherwise(column.cast(pl.String)))
    else:
        text = column.cast(pl.String)
    text = text.str.strip_chars()
    text = pl.when(text == "").then(None).otherwise(text)
    if missing is not None:
        text = text.fill_null(pl.lit(missing))
    return text.cast(pl.Categorical).alias(alias)


@dataclass
class Coded:
    """The survey in memory: group columns and Int16 item codes, one row per respondent."""

    frame: pl.DataFrame
    name: str
    lazy: pl.LazyFrame
    has_grade: bool
    has_gender: bool
    notes: list[str]


@dataclass
class Plan:
    """What the header says: the group expressions to build and which breakdowns exist."""

    lazy: pl.LazyFrame
    name: str
    schema: pl.Schema
    groups: list[pl.Expr]
    has_grade: bool
    has_gender: bool
    notes: list[str]


def read_coded(source: SurveySource, spec: Spec) -> Coded:
    plan = survey_plan(source, spec)
    frame = _fast_csv(source, spec, plan.groups) if _is_csv(source) else None
    if frame is None:
        try:
            lazy = _coded_lazy(plan.lazy, plan.schema, list(spec.items), plan.groups)
            frame = lazy.collect(engine="streaming")
        except Exception as exc:
            raise SurveyError(f"{plan.name}: cannot be read ({_first_line(exc)})") from exc
    if frame.height == 0:
        raise SurveyError(f"{plan.name}: the file has a header but no respondents")
    return Coded(frame, plan.name, plan.lazy, plan.has_grade, plan.has_gender, plan.notes)


def survey_plan(source: SurveySource, spec: Spec) -> Plan:
    """Open the survey and check its header against the spec. Raises :class:`SurveyError`."""
    lazy, name = open_survey(source)
    schema = schema_of(lazy, name)
    columns = list(schema.names())
    if spec.area_column not in schema:
        shown = ", ".join(columns[:12]) + (" …" if len(columns) > 12 else "")
        raise SurveyError(f"{name}: the area column {spec.area_column!r} named in the spec is not in the "
                          f"file (its columns: {shown or 'none'})")
    missing = [item for item in spec.items if item not in schema]
    if missing:
        raise SurveyError(f"{name}: {len(missing)} item column(s) of the spec are missing from the file: "
                          + ", ".join(missing[:20]) + (" …" if len(missing) > 20 else ""))
    notes: list[str] = []
    exprs = [group_label(spec.area_column, schema[spec.area_column], AREA, None)]
    has = {}
    for column, alias in ((spec.grade_column, GRADE), (spec.gender_column, GENDER)):
        has[alias] = column is not None and column in schema
        if column is not None and not has[alias]:
            notes.append(f"column {column!r} is not in the file: no breakdown by it")
        if column is not None and has[alias]:
            exprs.append(group_label(column, schema[column], alias, MISSING_GROUP))
    return Plan(lazy, name, schema, exprs, has[GRADE], has[GENDER], notes)


def fast_csv_lazy(source: SurveySource, spec: Spec, groups: list[pl.Expr],
                  dtype: type[pl.DataType] = pl.Int16) -> pl.LazyFrame | None:
    """The CSV as a lazy frame of group labels and whole-number items, for a query that never
    materialises the respondents; ``None`` for anything but a CSV file. Collecting it fails
    when a cell is not a whole number that fits ``dtype``, and the caller then takes the
    careful path."""
    if not _is_csv(source) or not isinstance(source, str | Path):
        return None
    path = Path(source)
    items = list(spec.items)
    return pl.scan_csv(path, infer_schema=False, encoding="utf8-lossy", separator=separator(path),
                       schema_overrides={item: dtype for item in items}).select(*groups, *items)


def _is_csv(source: SurveySource) -> bool:
    return isinstance(source, str | Path) and FORMATS.get(Path(source).suffix.lower()) == "csv"


def _fast_csv(source: SurveySource, spec: Spec, groups: list[pl.Expr]) -> pl.DataFrame | None:
    """The common cases first: every item cell empty or a number, parsed by the reader itself.

    First as Int16 (whole numbers, the usual survey export); if that fails, as Float64 (a
    pandas export writes "3.0" when a column has gaps) with decimals marked NON_NUMERIC.
    Text anywhere makes both fail; then ``None`` is returned and the caller takes the
    slower text path that finds and reports each problem. The codes are the same on every
    path (:func:`item_code`; on the Int16 path applied only when a column holds a number
    beyond ±30000, which a survey almost never does).
    """
    if not isinstance(source, str | Path):
        return None
    items = list(spec.items)

    path = Path(source)

    def scan(dtype: type[pl.DataType]) -> pl.LazyFrame:
        return pl.scan_csv(path, infer_schema=False, encoding="utf8-lossy", separator=separator(path),
                           schema_overrides={item: dtype for item in items})

    try:
        frame = scan(pl.Int16).select(*groups, *items).collect(engine="streaming")
    except Exception as exc:  # a parse failure: try the next path
        culprit = _UNPARSED.search(str(exc))
        if culprit is not None and not _DECIMAL.match(culprit.group(1)):
            return None  # plain text, not a decimal: straight to the text path
        try:
            return scan(pl.Float64).select(*groups, *[item_code(i, pl.Float64()) for i in items]).collect(
                engine="streaming")
        except Exception:  # text somewhere: the text path reports it answer by answer
            return None
    low, high = frame.select(pl.min_horizontal(pl.col(items).min()).alias("low"),
                             pl.max_horizontal(pl.col(items).max()).alias("high")).row(0)
    if (low is not None and low < -_LIMIT) or (high is not None and high > _LIMIT):
        frame = frame.with_columns(item_code(item, pl.Int16()) for item in items)
    return frame


def raw_values(coded: Coded, rows: list[int], columns: list[str]) -> dict[tuple[int, str], str]:
    """The cells as written in the file, for the listed 0-based rows (a second, filtered read)."""
    if not rows:
        return {}
    try:
        picked = (coded.lazy.with_row_index("__row").filter(pl.col("__row").is_in(rows))
                  .select("__row", *[pl.col(c).cast(pl.String) for c in columns]).collect())
    except Exception:  # the value is a courtesy in the message; the row and column are what matter
        return {}
    out: dict[tuple[int, str], str] = {}
    for record in picked.iter_rows(named=True):
        for column in columns:
            value = record[column]
            out[(int(record["__row"]), column)] = "" if value is None else str(value)
    return out
