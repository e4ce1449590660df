"""A fictional survey to try the profile with, deterministic by seed.

Every respondent gets an area (Malmö's ten former districts), a grade (7–9) and a gender.
For each factor a respondent counts with the factor's base rate (the same in every area,
so a survey without plants has no real differences), plus the planted percentage points
where ``--plant AREA:FACTOR:+PP`` says so. The answers are then drawn so that the mean
lands on the right side of the cut-point: every scored answer above the cut-point for a
respondent who counts, at or below it for one who does not (reverse-scored items are
turned back afterwards). A share of answers is left empty, as in real surveys.

No one in the file exists; the answers are random numbers.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import polars as pl

from varna.ctc.spec import Spec

AREAS = ("Centrum", "Fosie", "Husie", "Hyllie", "Kirseberg", "Limhamn-Bunkeflo", "Oxie", "Rosengård",
         "Södra Innerstaden", "Västra Innerstaden")
GRADES = ("7", "8", "9")
GENDERS = ("flicka", "pojke", "annat/vill inte svara")
GENDER_WEIGHTS = (0.48, 0.48, 0.04)
_PLANT = re.compile(r"^(?P<area>[^:]+):(?P<factor>[A-Za-z_][A-Za-z0-9_]*):(?P<pp>[+-]?\d+(\.\d+)?)$")


class ExampleError(ValueError):
    pass


@dataclass(frozen=True)
class Plant:
    area: str
    factor: str
    pp: float


def parse_plant(text: str, spec: Spec, areas: tuple[str, ...] = AREAS) -> Plant:
    match = _PLANT.match(text.strip())
    if not match:
        raise ExampleError(f"--plant {text!r}: write AREA:FACTOR:+PP, e.g. Rosengård:family_conflict:+10")
    plant = Plant(match["area"], match["factor"], float(match["pp"]))
    if plant.area not in areas:
        raise ExampleError(f"--plant {text!r}: unknown area {plant.area!r} (areas: {', '.join(areas)})")
    if plant.factor not in {f.id for f in spec.factors}:
        raise ExampleError(f"--plant {text!r}: the spec has no factor {plant.factor!r}")
    return plant


def base_rates(spec: Spec) -> dict[str, float]:
    """A fixed base rate per factor, 15–35 %, spread over the factors in spec order."""
    count = max(len(spec.factors) - 1, 1)
    return {f.id: 0.15 + 0.20 * (i * 7 % (count + 1)) / count for i, f in enumerate(spec.factors)}


def generate(spec: Spec, rows: int, seed: int, plants: tuple[Plant, ...] = (), *,
             areas: tuple[str, ...] = AREAS, area_weights: tuple[float, ...] | None = None,
             missing_rate: float = 0.02) -> pl.DataFrame:
    """A survey of ``rows`` fictional respondents for ``spec``; the same seed gives the same file."""
    if rows < 1:
        raise ExampleError("--rows must be at least 1")
    rng = np.random.default_rng(seed)
    weights = np.array(area_weights if area_weights is not None else [1.0] * len(areas), dtype=float)
    area_index = rng.choice(len(areas), size=rows, p=weights / weights.sum())
    grade_index = rng.integers(0, len(GRADES), size=rows)
    gender_index = rng.choice(len(GENDERS), size=rows, p=np.array(GENDER_WEIGHTS))
    columns: dict[str, pl.Series] = {
        spec.area_column: pl.Series(spec.area_column, np.array(areas, dtype=object)[area_index], pl.String),
    }
    if spec.grade_column:
        columns[spec.grade_column] = pl.Series(spec.grade_column, np.array(GRADES, dtype=object)[grade_index],
                                               pl.String)
    if spec.gender_column:
        columns[spec.gender_column] = pl.Series(spec.gender_column,
                                                np.array(GENDERS, dtype=object)[gender_index], pl.String)
    rates = base_rates(spec)
    for factor in spec.factors:
        by_area = np.full(len(areas), rates[factor.id])
        for plant in plants:
            if plant.factor == factor.id:
                by_area[areas.index(plant.area)] += plant.pp / 100
        by_area = np.clip(by_area, 0.0, 1.0)
        counts = rng.random(rows) < by_area[area_index]
        lo, hi = factor.scale
        cut = factor.cut_point if factor.cut_point is not None else (lo + hi) / 2
        split = math.floor(cut)  # answers <= split are at or below the cut, > split above it
        for item in factor.items:
            if item in columns:
                continue  # an item shared by two factors is drawn once, for the first
            high = rng.integers(split + 1, hi + 1, size=rows)
            low = rng.integers(lo, split + 1, size=rows)
            scored = np.where(counts, high, low)
            raw = lo + hi - scored if item in factor.reverse else scored
            missing = rng.random(rows) < missing_rate
            columns[item] = pl.Series(item, raw.astype(np.int16)).set(pl.Series(missing), None)
    return pl.DataFrame(list(columns.values()))


def write_survey(frame: pl.DataFrame, out: Path) -> None:
    suffix = out.suffix.lower()
    if suffix == ".csv":
        frame.write_csv(out)
    elif suffix in (".parquet", ".pq"):
        frame.write_parquet(out)
    elif suffix == ".xlsx":
        frame.write_excel(out, autofit=False)
    else:
        raise ExampleError(f"--out {out}: give a .csv, .parquet or .xlsx file name")
