"""The one-pass streaming query for clean CSV files gives exactly what the careful path gives.

``profile`` counts a clean CSV without building the respondents' frame (``_fused_counts``);
any file with a problem, or a spec with a percentile cut-point, goes the careful way. The
two must never disagree, so each case here is profiled both ways and compared as JSON.
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path

import polars as pl
import pytest

from varna.ctc import load_spec, profile, spec_from_yaml
from varna.ctc.example import generate, parse_plant, write_survey

profile_module = importlib.import_module("varna.ctc.profile")


def _both(path: Path, spec: object, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str, bool]:
    calls: list[bool] = []
    real = profile_module._fused_counts

    def spy(*args: object) -> object:
        result = real(*args)
        calls.append(result is not None)
        return result

    monkeypatch.setattr(profile_module, "_fused_counts", spy)
    fused = json.dumps(profile(path, spec).as_dict(), sort_keys=True)
    monkeypatch.setattr(profile_module, "_fused_counts", lambda *args: None)
    careful = json.dumps(profile(path, spec).as_dict(), sort_keys=True)
    return fused, careful, calls == [True]


def test_a_clean_survey_is_counted_in_one_pass_with_the_same_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = load_spec("default")
    frame = generate(spec, 6000, 3, (parse_plant("Rosengård:family_conflict:+10", spec),))
    path = tmp_path / "enkat.csv"
    write_survey(frame, path)
    fused, careful, used = _both(path, spec, monkeypatch)
    assert used, "a clean CSV should take the streaming path"
    assert fused == careful


def test_a_survey_with_a_problem_takes_the_careful_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = load_spec("default")
    frame = generate(spec, 2000, 4)
    item = spec.items[0]
    frame = frame.with_columns(
        pl.when(pl.int_range(pl.len()) == 7).then(9).otherwise(pl.col(item)).alias(item)
    )
    path = tmp_path / "enkat.csv"
    write_survey(frame, path)
    fused, careful, used = _both(path, spec, monkeypatch)
    assert not used and fused == careful
    assert json.loads(fused)["excluded"]["out_of_range"] == 1


WIDE_SCALE = """
name: Bred skala
area_column: area
min_cell: 10
factors:
  - {id: wide, label: Bred, kind: risk, domain: school, items: [a, b], reverse: [b],
     scale: [1, 120], min_items: 1, cut_point: 60}
"""


def test_a_reversed_item_on_a_wide_scale_does_not_overflow(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = spec_from_yaml(WIDE_SCALE, "bred.yaml")
    rows = 400
    frame = pl.DataFrame(
        {
            "area": [f"Område {i % 4}" for i in range(rows)],
            "a": [(i * 7) % 120 + 1 for i in range(rows)],
            "b": [(i * 13) % 120 + 1 for i in range(rows)],
        }
    )
    path = tmp_path / "bred.csv"
    frame.write_csv(path)
    fused, careful, used = _both(path, spec, monkeypatch)
    assert used and fused == careful
