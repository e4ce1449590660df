"""The profile: each area's risk and protective factors against the rest of the city.

Method, step by step (``docs/ctc.md`` says the same for a reader):

1. **Answers.** An answer outside the item's scale, or text, is excluded and counted
   (``excluded``), the first ones listed with row numbers (``problems``). A respondent
   without an area is excluded from everything and counted (``missing_area``).
2. **Scores.** Reverse-scored items become ``lo + hi − x``. A respondent's factor score is
   the mean of the answered items; with fewer than ``min_items`` answered there is no score
   (``too_few_items``) and the respondent is not in that factor's n. The respondent *counts*
   when the mean is strictly above the cut-point. A ``cut_percentile`` sets the cut-point at
   that percentile (linear interpolation) of the whole city's mean scores.
3. **Per area and factor:** n, the percentage who count, its Wilson interval, the
   difference in percentage points to the **rest of the city** (everyone with an area
   other than this one) and the two-sided p-value of the two-proportion z-test (Fisher's
   exact test when an expected count is below 5), **Holm-corrected** over every
   area × factor comparison made.
4. **Flags.** A risk factor significantly above the rest of the city is ``elevated``; a
   protective factor significantly below is ``lowered``; everything else ``none``.
   Significant means a corrected p-value below 1 − confidence.
5. **Priorities.** Per area, its flagged factors by the size of the difference
   (|diff_pp|) largest first; ties by the smaller corrected p-value, then by factor id.
6. **Suppression.** See :func:`suppressed_groups`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import polars as pl

from varna.ctc import stats
from varna.ctc.programs import Program, Suggestion, suggest, unknown_targets
from varna.ctc.spec import Factor, Spec, load_spec
from varna.ctc.survey import (
    AREA,
    GENDER,
    GRADE,
    MAX_LISTED_PROBLEMS,
    NON_NUMERIC,
    TOO_LARGE,
    Coded,
    Plan,
    Problem,
    SurveySource,
    fast_csv_lazy,
    raw_values,
    read_coded,
    survey_plan,
)

COMPARISON = "rest_of_city"
CORRECTION = "holm"


def suppressed_groups(counts: Mapping[str, int], min_cell: int, *, parent_published: bool = True,
                      already: set[str] | frozenset[str] = frozenset(),
                      keep: set[str] | frozenset[str] = frozenset()) -> set[str]:
    """The groups whose numbers must not be shown.

    Primary: every group with fewer than ``min_cell`` valid answers (and those in
    ``already``, hidden for another reason such as the whole area being hidden).
    Complementary: when the parent's total is published (the city for areas, the area for
    its grade and gender groups), the hidden groups could be recovered as "total minus the
    shown ones". So while fewer than two groups are hidden, or the hidden ones together hold
    fewer than ``min_cell`` answers, one more group is hidden: the smallest of those not in
    ``keep`` (the groups with a finding to report), or the smallest of all when every group
    has one. The total minus the shown groups then reveals only a sum over two or more
    groups that is itself at least ``min_cell``. When the parent is not published, every
    group is hidden.
    """
    if not parent_published:
        return set(counts)
    hidden = {g for g, n in counts.items() if n < min_cell} | (set(already) & set(counts))
    if hidden:
        shown = sorted((g in keep, n, g) for g, n in counts.items() if g not in hidden)
        while shown and (len(hidden) < 2 or sum(counts[g] for g in hidden) < min_cell):
            hidden.add(shown.pop(0)[2])
    return hidden


@dataclass
class Cell:
    """One factor in one group: the percentage who count, with its interval."""

    n: int
    count: int
    pct: float
    ci_low: float
    ci_high: float


def _cell(count: int, n: int, confidence: float) -> Cell:
    low, high = stats.wilson(count, n, confidence)
    return Cell(n, count, 100 * count / n, 100 * low, 100 * high)


@dataclass
class FactorResult:
    factor_id: str
    suppressed: bool
    cell: Cell | None = None
    diff_pp: float | None = None
    p_raw: float | None = None
    p_value: float | None = None
    test: str | None = None
    flag: str = "none"

    def as_dict(self) -> dict[str, Any]:
        if self.suppressed or self.cell is None:
            return {"suppressed": True}
        return {"n": self.cell.n, "pct": _r(self.cell.pct), "ci_low": _r(self.cell.ci_low),
                "ci_high": _r(self.cell.ci_high), "diff_pp": _r(self.diff_pp), "p_value": self.p_value,
                "p_raw": self.p_raw, "test": self.test, "flag": self.flag, "suppressed": False}


@dataclass
class GroupResult:
    """A grade or gender group inside an area (descriptive: no test, same suppression)."""

    name: str
    suppressed: bool
    n: int | None = None
    factors: dict[str, Cell | None] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        if self.suppressed:
            return {"suppressed": True}
        return {"n": self.n, "suppressed": False, "factors": {
            fid: {"suppressed": True} if c is None else _cell_dict(c) for fid, c in self.factors.items()}}


@dataclass
class AreaResult:
    name: str
    suppressed: bool
    n: int | None = None
    factors: dict[str, FactorResult] = field(default_factory=dict)
    priorities: list[str] = field(default_factory=list)
    suggestions: list[Suggestion] = field(default_factory=list)
    by_grade: dict[str, GroupResult] | None = None
    by_gender: dict[str, GroupResult] | None = None

    def as_dict(self) -> dict[str, Any]:
        if self.suppressed:
            return {"suppressed": True}
        out: dict[str, Any] = {"n": self.n, "suppressed": False,
                               "factors": {fid: r.as_dict() for fid, r in self.factors.items()}}
        if self.by_grade is not None:
            out["by_grade"] = {g: r.as_dict() for g, r in self.by_grade.items()}
        if self.by_gender is not None:
            out["by_gender"] = {g: r.as_dict() for g, r in self.by_gender.items()}
        return out


@dataclass
class CityResult:
    factor_id: str
    cut_point: float
    cut_source: str
    cell: Cell | None

    def as_dict(self) -> dict[str, Any]:
        base: dict[str, Any] = {"cut_point": self.cut_point, "cut_source": self.cut_source}
        if self.cell is None:
            return {"suppressed": True, **base}
        return {"n": self.cell.n, "pct": _r(self.cell.pct), "ci_low": _r(self.cell.ci_low),
                "ci_high": _r(self.cell.ci_high), "suppressed": False, **base}


def _cell_dict(c: Cell) -> dict[str, Any]:
    return {"n": c.n, "pct": _r(c.pct), "ci_low": _r(c.ci_low), "ci_high": _r(c.ci_high), "suppressed": False}


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


@dataclass
class Profile:
    spec: Spec
    n_respondents: int
    city: dict[str, CityResult]
    areas: dict[str, AreaResult]
    excluded: dict[str, Any]
    problems: list[Problem]
    problem_counts: dict[str, int]
    comparisons: int
    notes: list[str]
    input_name: str

    @property
    def priorities(self) -> dict[str, list[str]]:
        """Every area, a hidden one with an empty list (it has no figures to rank)."""
        return {name: list(a.priorities) for name, a in self.areas.items()}

    @property
    def suggestions(self) -> dict[str, list[Suggestion]]:
        return {name: list(a.suggestions) for name, a in self.areas.items()}

    def as_dict(self) -> dict[str, Any]:
        """The contract's JSON (``shared/contracts/ctc-spec.md``) with a few fields more."""
        spec = self.spec
        return {
            "spec": spec.name,
            "n_respondents": self.n_respondents,
            "comparison": COMPARISON,
            "correction": CORRECTION,
            "comparisons": self.comparisons,
            "confidence": spec.confidence,
            "alpha": round(1 - spec.confidence, 10),
            "min_cell": spec.min_cell,
            "city": {fid: c.as_dict() for fid, c in self.city.items()},
            "areas": {name: a.as_dict() for name, a in self.areas.items()},
            "priorities": self.priorities,
            "suggestions": {name: [s.as_dict() for s in sug] for name, sug in self.suggestions.items()},
            "factors": {f.id: {"label": f.label, "label_en": f.label_en, "kind": f.kind, "domain": f.domain}
                        for f in spec.factors},
            "excluded": self.excluded,
            "problems": [p.as_dict() for p in self.problems],
            "problem_counts": self.problem_counts,
            "notes": list(self.notes),
            "method": {
                "score": "mean of the answered items after reverse scoring; no score with fewer than "
                         "min_items answered; counts when the mean is strictly above the cut-point",
                "interval": "Wilson score interval",
                "test": "two-sided two-proportion z-test against the rest of the city; Fisher's exact test "
                        f"when an expected count is below {stats.FISHER_MIN_EXPECTED:g}",
                "correction": "Holm over every area × factor comparison made; p_value is corrected, "
                              "p_raw is not",
                "flag": "risk significantly above the rest of the city: elevated; protective significantly "
                        "below: lowered; otherwise none",
                "priorities": "flagged factors by |diff_pp|, largest first; ties by p_value, then factor id",
                "suppression": "fewer than min_cell valid answers: no numbers at all; when only one group "
                               "is hidden, or the hidden ones together hold fewer than min_cell, the next "
                               "smallest is hidden too (complementary suppression)",
                "breakdowns": "by grade and gender within each area, descriptive, same suppression",
            },
        }


# --- scoring --------------------------------------------------------------------------------------

def _valid(item: str, scale: tuple[int, int]) -> pl.Expr:
    lo, hi = scale
    code = pl.col(item)
    return pl.when(code.is_between(lo, hi)).then(code).otherwise(None)


def _scored(factor: Factor, item: str) -> pl.Expr:
    value = _valid(item, factor.scale).cast(pl.Int32)  # Int8 or Int16 codes: no overflow in lo + hi - x
    lo, hi = factor.scale
    return (lo + hi - value) if item in factor.reverse else value


def _sum_and_answered(factor: Factor) -> tuple[pl.Expr, pl.Expr]:
    total = pl.sum_horizontal([_scored(factor, i).cast(pl.Int32).fill_null(0) for i in factor.items])
    answered = pl.sum_horizontal([_valid(i, factor.scale).is_not_null().cast(pl.Int32) for i in factor.items])
    return total, answered


def _mean(factor: Factor) -> pl.Expr:
    total, answered = _sum_and_answered(factor)
    return pl.when(answered >= factor.min_items).then(total / answered).otherwise(None)


def score_frame(frame: pl.DataFrame, spec: Spec, cuts: Mapping[str, float]) -> pl.DataFrame:
    """Per respondent and factor: null (no score), 0 or 1 (counts). Group columns kept."""
    keep = [c for c in (AREA, GRADE, GENDER) if c in frame.columns]
    return frame.select(*keep, *[
        (_mean(f) > cuts[f.id]).cast(pl.Int8).alias(f.id) for f in spec.factors])


def _cut_points(frame: pl.DataFrame, spec: Spec) -> dict[str, tuple[float, str]]:
    cuts: dict[str, tuple[float, str]] = {}
    by_percentile = [f for f in spec.factors if f.cut_percentile is not None]
    for f in spec.factors:
        if f.cut_point is not None:
            cuts[f.id] = (f.cut_point, "cut_point")
    if by_percentile:
        scored = frame.filter(pl.col(AREA).is_not_null())
        row = scored.select([_mean(f).quantile((f.cut_percentile or 0) / 100, interpolation="linear")
                             .alias(f.id) for f in by_percentile]).row(0)
        for f, value in zip(by_percentile, row, strict=True):
            if value is None:
                # No one has a score: the factor shows as suppressed everywhere.
                cuts[f.id] = (float("inf"), f"percentile {f.cut_percentile:g} (no scores)")
            else:
                cuts[f.id] = (float(value), f"percentile {f.cut_percentile:g}")
    return cuts


# --- answers that were excluded -------------------------------------------------------------------

def _answer_problems(coded: Coded, spec: Spec) -> tuple[dict[str, Any], list[Problem], dict[str, int]]:
    frame = coded.frame
    non_numeric = []
    out_of_range = []
    for item in spec.items:
        lo, hi = spec.scale_of(item)
        code = pl.col(item)
        non_numeric.append((code == NON_NUMERIC).sum().alias(f"nn:{item}"))
        out_of_range.append(((code != NON_NUMERIC) & ~code.is_between(lo, hi)).sum().alias(f"oor:{item}"))
    sums = frame.select(*non_numeric, *out_of_range,
                        pl.col(AREA).is_null().sum().alias("missing_area")).row(0, named=True)
    nn_by_item = {i: int(sums[f"nn:{i}"]) for i in spec.items if sums[f"nn:{i}"]}
    oor_by_item = {i: int(sums[f"oor:{i}"]) for i in spec.items if sums[f"oor:{i}"]}
    missing_area = int(sums["missing_area"])

    excluded: dict[str, Any] = {
        "non_numeric": sum(nn_by_item.values()),
        "out_of_range": sum(oor_by_item.values()),
        "missing_area": missing_area,
        "too_few_items": {},  # filled in from the group counts: no score ⇔ too few items answered
        "by_item": {i: {"non_numeric": nn_by_item.get(i, 0), "out_of_range": oor_by_item.get(i, 0)}
                    for i in spec.items if i in nn_by_item or i in oor_by_item},
    }
    counts = {"non_numeric": excluded["non_numeric"], "out_of_range": excluded["out_of_range"],
              "missing_area": missing_area}
    if not any(counts.values()):
        return excluded, [], counts

    # The first problem rows, in file order, each with every problem it has.
    flags = [pl.col(AREA).is_null().alias("__missing_area")]
    bad_items = [i for i in spec.items if i in nn_by_item or i in oor_by_item]
    for item in bad_items:
        lo, hi = spec.scale_of(item)
        flags.append(~pl.col(item).is_between(lo, hi) & pl.col(item).is_not_null())
    first = (frame.with_row_index("__row").filter(pl.any_horizontal(flags))
             .head(MAX_LISTED_PROBLEMS).select("__row", AREA, *bad_items))
    rows = [int(r) for r in first["__row"]]
    raw = raw_values(coded, rows, [spec.area_column, *bad_items])
    problems: list[Problem] = []
    for record in first.iter_rows(named=True):
        index = int(record["__row"])
        row_number = index + 2
        if record[AREA] is None:
            problems.append(Problem(row_number, spec.area_column, "missing_area", "",
                                    "no area given; the respondent is left out of every figure"))
        for item in bad_items:
            code = record[item]
            lo, hi = spec.scale_of(item)
            if code is None or lo <= code <= hi:
                continue
            value = raw.get((index, item), "" if code in (NON_NUMERIC, TOO_LARGE) else str(code))
            if code == NON_NUMERIC:
                problems.append(Problem(row_number, item, "non_numeric", value,
                                        f"{value!r} is not a whole number; the answer is excluded"))
            else:
                problems.append(Problem(row_number, item, "out_of_range", value,
                                        f"{value} is outside the scale {lo}–{hi}; the answer is excluded"))
    return excluded, problems, counts


# --- the profile ----------------------------------------------------------------------------------

def _group_counts(scored: pl.DataFrame, keys: list[str], spec: Spec) -> pl.DataFrame:
    """Respondents (``__n``), scores (``n:f``) and those who count (``x:f``) per group."""
    return scored.group_by(keys).agg(
        pl.len().alias("__n"),
        *[pl.col(f.id).count().alias(f"n:{f.id}") for f in spec.factors],
        *[pl.col(f.id).sum().alias(f"x:{f.id}") for f in spec.factors],
    )


def _fused_counts(source: SurveySource, spec: Spec, plan: Plan) -> pl.DataFrame | None:
    """The group counts straight from a clean CSV in one streaming query, or ``None``.

    Scoring and counting run while the file is parsed, so no million-row frame is ever
    built – this is what makes a large survey fast. It applies only when nothing needs the
    respondents one by one: fixed cut-points (a percentile needs the whole distribution
    first) and a file without a single problem (every answer a whole number on its scale,
    every respondent with an area). Anything else returns ``None`` and the careful path,
    which reports each problem with its row, runs instead – with the same numbers.
    """
    if any(f.cut_point is None for f in spec.factors):
        return None
    bounds = [bound for item in spec.items for bound in spec.scale_of(item)]
    if any(abs(bound) > 30000 for bound in bounds):
        return None  # beyond the Int16 codes' range: only the careful path codes such answers
    # Survey scales are small: Int8 parses fastest, and a larger number makes the parse fail,
    # which sends the file to the careful path that reports it as out of range.
    small = all(-128 <= bound <= 127 for bound in bounds)
    lazy = fast_csv_lazy(source, spec, plan.groups, pl.Int8 if small else pl.Int16)
    if lazy is None:
        return None
    keys = [AREA, *([GRADE] if plan.has_grade else []), *([GENDER] if plan.has_gender else [])]
    bad = [(~pl.col(i).is_between(*spec.scale_of(i)) & pl.col(i).is_not_null()).sum().alias(f"bad:{i}")
           for i in spec.items]
    scores = [(_mean(f) > (f.cut_point or 0.0)).cast(pl.Int8).alias(f.id) for f in spec.factors]
    try:
        table = lazy.group_by(keys).agg(
            pl.len().alias("__n"),
            *[s.count().alias(f"n:{f.id}") for s, f in zip(scores, spec.factors, strict=True)],
            *[s.sum().alias(f"x:{f.id}") for s, f in zip(scores, spec.factors, strict=True)],
            *bad,
        ).collect(engine="streaming")
    except Exception:  # a cell that is not a whole number: the careful path reports it
        return None
    problems = table.select(pl.sum_horizontal(pl.col("^bad:.*$").sum())).item()
    if problems or table.height == 0 or table.get_column(AREA).null_count():
        return None
    return table.drop([c for c in table.columns if c.startswith("bad:")])


def _clean_excluded(spec: Spec) -> tuple[dict[str, Any], list[Problem], dict[str, int]]:
    """What ``_answer_problems`` says of a survey without a single problem."""
    excluded: dict[str, Any] = {"non_numeric": 0, "out_of_range": 0, "missing_area": 0,
                                "too_few_items": {}, "by_item": {}}
    return excluded, [], {"non_numeric": 0, "out_of_range": 0, "missing_area": 0}


def _rollup(table: pl.DataFrame, keys: list[str]) -> pl.DataFrame:
    """Add up a finer count table to coarser keys (every column is a count)."""
    counts = [c for c in table.columns if c == "__n" or c.startswith(("n:", "x:"))]
    return table.group_by(keys).agg(pl.col(counts).sum())


def _breakdown(table: pl.DataFrame, column: str, area: str, area_result: AreaResult, spec: Spec,
               ) -> dict[str, GroupResult]:
    rows = {str(r[column]): r for r in table.filter(pl.col(AREA) == area).iter_rows(named=True)}
    hidden_groups = suppressed_groups({g: int(r["__n"]) for g, r in rows.items()}, spec.min_cell)
    out = {g: GroupResult(g, True) if g in hidden_groups else GroupResult(g, False, int(rows[g]["__n"]))
           for g in sorted(rows)}
    for f in spec.factors:
        parent = area_result.factors[f.id]
        counts = {g: int(r[f"n:{f.id}"]) for g, r in rows.items()}
        hidden = suppressed_groups(counts, spec.min_cell, parent_published=not parent.suppressed,
                                   already=hidden_groups)
        for g, result in out.items():
            if result.suppressed:
                continue
            n = counts[g]
            result.factors[f.id] = None if g in hidden or n == 0 else _cell(int(rows[g][f"x:{f.id}"] or 0), n,
                                                                             spec.confidence)
    return out


def profile(source: SurveySource, spec: Spec | str | Path | None = None, *,
            programs: tuple[Program, ...] | None = None) -> Profile:
    """Make the profile of a survey (a path to CSV/Parquet/XLSX, or a polars frame).

    ``spec`` is a :class:`Spec`, a path to a spec file, or ``None``/``"default"`` for the
    bundled one. ``programs`` is a catalogue from :func:`varna.ctc.programs.load_programs`;
    with it each area gets suggestions for its priorities. Raises
    :class:`varna.ctc.survey.SurveyError` or :class:`varna.ctc.spec.SpecError` for input
    that cannot be used at all.
    """
    if not isinstance(spec, Spec):
        spec = load_spec(spec)
    plan = survey_plan(source, spec)
    fused = _fused_counts(source, spec, plan)
    if fused is not None:
        finest = fused
        has_grade, has_gender = plan.has_grade, plan.has_gender
        n_respondents, input_name = int(finest.get_column("__n").sum()), plan.name
        excluded, problems, problem_counts = _clean_excluded(spec)
        cuts = {f.id: (f.cut_point or 0.0, "cut_point") for f in spec.factors}
    else:
        coded = read_coded(source, spec)
        frame = coded.frame
        has_grade, has_gender = coded.has_grade, coded.has_gender
        n_respondents, input_name = frame.height, coded.name
        excluded, problems, problem_counts = _answer_problems(coded, spec)
        cuts = _cut_points(frame, spec)
        scored = score_frame(frame, spec, {fid: c for fid, (c, _s) in cuts.items()}).filter(
            pl.col(AREA).is_not_null())
    notes = [*spec.warnings, *plan.notes]
    if programs is not None:
        ids = {f.id for f in spec.factors}
        if any(t in ids for p in programs for t in p.targets):
            notes.extend(unknown_targets(programs, spec))
        elif programs:
            notes.append("the programs catalogue targets none of the spec's factors: no suggestions")

    # One pass over the respondents; the area, grade and gender tables are sums of this one.
    if fused is None:
        keys = [AREA, *([GRADE] if has_grade else []), *([GENDER] if has_gender else [])]
        finest = _group_counts(scored, keys, spec)
    by_area = {str(r[AREA]): r for r in _rollup(finest, [AREA]).iter_rows(named=True)}
    area_names = sorted(by_area)
    n_area = {a: int(r["__n"]) for a, r in by_area.items()}
    n_cells = {f.id: {a: int(by_area[a][f"n:{f.id}"]) for a in area_names} for f in spec.factors}
    respondents = sum(n_area.values())
    excluded["too_few_items"] = {f.id: respondents - sum(n_cells[f.id].values()) for f in spec.factors}
    x_cells = {f.id: {a: int(by_area[a][f"x:{f.id}"] or 0) for a in area_names} for f in spec.factors}

    # Every comparison that could be shown, tested first: the complementary cells to hide are
    # then taken among those with nothing to report where possible (see _flagged_first).
    candidates: dict[tuple[str, str], FactorResult] = {}
    city: dict[str, CityResult] = {}
    for f in spec.factors:
        n_city, x_city = sum(n_cells[f.id].values()), sum(x_cells[f.id].values())
        cut, cut_source = cuts[f.id]
        city_cell = _cell(x_city, n_city, spec.confidence) if n_city >= spec.min_cell else None
        city[f.id] = CityResult(f.id, cut, cut_source, city_cell)
        for a in area_names:
            n, x = n_cells[f.id][a], x_cells[f.id][a]
            if n < spec.min_cell or n_area[a] < spec.min_cell:
                continue
            result = FactorResult(f.id, False, _cell(x, n, spec.confidence))
            n_rest, x_rest = n_city - n, x_city - x
            if n_rest > 0:
                result.diff_pp = result.cell.pct - 100 * x_rest / n_rest if result.cell else None
                result.p_raw, result.test = stats.compare(x, n, x_rest, n_rest)
            candidates[(a, f.id)] = result
    _correct(candidates, spec)

    remarkable = {a for (a, _f), r in candidates.items() if r.flag != "none"}
    hidden_areas = suppressed_groups(n_area, spec.min_cell, keep=remarkable)
    areas = {a: AreaResult(a, True) if a in hidden_areas else AreaResult(a, False, n_area[a])
             for a in area_names}
    shown: dict[tuple[str, str], FactorResult] = {}
    for f in spec.factors:
        keep = {a for a in area_names if (a, f.id) in candidates and candidates[(a, f.id)].flag != "none"}
        hidden = suppressed_groups(n_cells[f.id], spec.min_cell, parent_published=city[f.id].cell is not None,
                                   already=hidden_areas, keep=keep)
        for a in area_names:
            if areas[a].suppressed:
                continue
            if a in hidden or (a, f.id) not in candidates:
                areas[a].factors[f.id] = FactorResult(f.id, True)
            else:
                areas[a].factors[f.id] = shown[(a, f.id)] = candidates[(a, f.id)]
    # The family for Holm is what is shown: the comparisons the reader can see.
    comparisons = _correct(shown, spec)

    grade_table = _rollup(finest, [AREA, GRADE]) if has_grade else None
    gender_table = _rollup(finest, [AREA, GENDER]) if has_gender else None
    for a, area in areas.items():
        if area.suppressed:
            continue
        flagged = [r for r in area.factors.values() if r.flag != "none"]
        flagged.sort(key=lambda r: (-abs(r.diff_pp or 0.0), r.p_value or 1.0, r.factor_id))
        area.priorities = [r.factor_id for r in flagged]
        if programs is not None:
            area.suggestions = suggest(programs, area.priorities, spec)
        if grade_table is not None:
            area.by_grade = _breakdown(grade_table, GRADE, a, area, spec)
        if gender_table is not None:
            area.by_gender = _breakdown(gender_table, GENDER, a, area, spec)

    return Profile(spec=spec, n_respondents=n_respondents, city=city, areas=areas, excluded=excluded,
                   problems=problems, problem_counts=problem_counts, comparisons=comparisons, notes=notes,
                   input_name=input_name)


def _correct(results: Mapping[tuple[str, str], FactorResult], spec: Spec) -> int:
    """Holm-correct the tested results in place and set their flags; returns the family size."""
    tested = [(key, r) for key, r in results.items() if r.p_raw is not None]
    adjusted = stats.holm([r.p_raw for _k, r in tested if r.p_raw is not None])
    alpha = 1 - spec.confidence
    for ((_a, fid), result), p in zip(tested, adjusted, strict=True):
        result.p_value = p
        result.flag = "none"
        if p < alpha and result.diff_pp is not None:
            if spec.factor(fid).is_risk and result.diff_pp > 0:
                result.flag = "elevated"
            elif not spec.factor(fid).is_risk and result.diff_pp < 0:
                result.flag = "lowered"
    return len(tested)

