"""Properties over many inputs: intervals hold their estimate, suppression never leaks."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.ctc.helpers import frame, small_spec

from varna.ctc import stats
from varna.ctc.profile import profile, suppressed_groups


@given(n=st.integers(1, 100_000), data=st.data(), confidence=st.sampled_from([0.8, 0.9, 0.95, 0.99]))
def test_estimate_lies_inside_its_wilson_interval(n: int, data: st.DataObject, confidence: float) -> None:
    x = data.draw(st.integers(0, n))
    low, high = stats.wilson(x, n, confidence)
    assert 0.0 <= low <= x / n <= high <= 1.0


@given(st.lists(st.floats(0, 1), min_size=1, max_size=40))
def test_holm_is_never_below_raw_and_at_most_one(ps: list[float]) -> None:
    for raw, adjusted in zip(ps, stats.holm(ps), strict=True):
        assert raw <= adjusted <= 1.0


@given(st.dictionaries(st.text("ABCDEFGH", min_size=1, max_size=2), st.integers(0, 60), min_size=1,
                       max_size=8), st.integers(1, 20))
def test_hidden_groups_cannot_be_recovered_from_the_total(counts: dict[str, int], min_cell: int) -> None:
    hidden = suppressed_groups(counts, min_cell)
    assert all(g in hidden for g, n in counts.items() if n < min_cell)
    if hidden and hidden != set(counts):
        # total minus the shown groups reveals only a sum over ≥ 2 groups holding ≥ min_cell
        assert len(hidden) >= 2
        assert sum(counts[g] for g in hidden) >= min_cell


@settings(max_examples=30, deadline=None)
@given(st.lists(st.integers(1, 30), min_size=2, max_size=5), st.integers(2, 12))
def test_suppressed_areas_carry_no_numbers(sizes: list[int], min_cell: int) -> None:
    rows = [{"area": f"O{i}", "a": 1 + j % 4, "b": 2, "c": 3, "d": 1 + j % 5}
            for i, size in enumerate(sizes) for j in range(size)]
    result = profile(frame(rows), small_spec(min_cell=min_cell)).as_dict()
    for name, area in result["areas"].items():
        size = sizes[int(name[1:])]
        if size < min_cell:
            assert area == {"suppressed": True}
        if area["suppressed"]:
            assert not any(ch.isdigit() for ch in json.dumps(area))
        else:
            for factor in area["factors"].values():
                if not factor["suppressed"]:
                    assert factor["n"] >= min_cell
                    assert factor["ci_low"] <= factor["pct"] <= factor["ci_high"]


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["N", "S"]), st.sampled_from(["7", "8", "9"]), st.integers(1, 4)),
                min_size=5, max_size=120), st.integers(2, 8))
def test_breakdowns_never_show_a_small_group(rows: list[tuple[str, str, int]], min_cell: int) -> None:
    data = [{"area": area, "grade": grade, "a": v, "b": 5 - v, "c": v, "d": v} for area, grade, v in rows]
    result = profile(frame(data), small_spec(min_cell=min_cell, grade_column="grade")).as_dict()
    for area in result["areas"].values():
        if area["suppressed"]:
            continue
        groups = area["by_grade"]
        for group in groups.values():
            if not group["suppressed"]:
                assert group["n"] >= min_cell
                for cell in group["factors"].values():
                    assert cell["suppressed"] or cell["n"] >= min_cell
        hidden = [g for g, v in groups.items() if v["suppressed"]]
        if hidden and len(hidden) < len(groups):
            assert len(hidden) >= 2
