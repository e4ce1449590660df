"""Scoring: reverse items, the minimum number of answered items, the cut-point strictly above."""

from __future__ import annotations

import polars as pl
from tests.ctc.helpers import frame, small_spec

from varna.ctc.profile import profile, score_frame
from varna.ctc.spec import parse_spec
from varna.ctc.survey import read_coded


def scores(rows: list[dict[str, object]]) -> list[int | None]:
    spec = small_spec()
    coded = read_coded(frame(rows), spec)
    return score_frame(coded.frame, spec, {"risky": 2.5, "shield": 3.0})["risky"].to_list()


def test_reverse_item_is_turned_before_the_mean() -> None:
    # a=3, b=1 reversed to 4, c=3: mean 10/3 > 2.5 → counts. Without the reversal: 7/3, not counted.
    assert scores([{"area": "X", "a": 3, "b": 1, "c": 3}]) == [1]
    # b=4 is reversed to 1: mean (3+1+3)/3 = 2.33 → does not count
    assert scores([{"area": "X", "a": 3, "b": 4, "c": 3}]) == [0]


def test_mean_exactly_at_the_cut_point_does_not_count() -> None:
    # a=2, b=2 (→3): mean 2.5, not above 2.5
    assert scores([{"area": "X", "a": 2, "b": 2}]) == [0]
    # a=3, b=2 (→3): mean 3.0 > 2.5
    assert scores([{"area": "X", "a": 3, "b": 2}]) == [1]


def test_too_few_answered_items_gives_no_score() -> None:
    assert scores([{"area": "X", "a": 4}]) == [None]
    assert scores([{"area": "X", "a": 4, "c": 4}]) == [1]


def test_out_of_range_and_text_answers_do_not_count_as_answered() -> None:
    # only a is valid, so too few items (min_items 2)
    assert scores([{"area": "X", "a": 4, "b": 9, "c": "mycket"}]) == [None]


def test_mean_of_answered_items_only() -> None:
    # a=4, c=1 answered, b empty: mean 2.5 → not above the cut
    assert scores([{"area": "X", "a": 4, "c": 1}]) == [0]


def test_profile_counts_and_n_follow_min_items() -> None:
    rows = ([{"area": "A", "a": 4, "b": 1, "c": 4, "d": 5}] * 4 + [{"area": "A", "a": 1, "d": 1}] * 3
            + [{"area": "B", "a": 1, "b": 4, "c": 1, "d": 1}] * 5)
    result = profile(frame(rows), small_spec()).as_dict()
    a = result["areas"]["A"]
    assert a["n"] == 7
    assert a["factors"]["risky"]["n"] == 4  # three respondents answered one item only
    assert a["factors"]["risky"]["pct"] == 100.0
    assert result["excluded"]["too_few_items"]["risky"] == 3
    assert result["city"]["risky"]["n"] == 9
    assert result["city"]["shield"]["n"] == 12


def test_cut_percentile_uses_the_whole_citys_distribution() -> None:
    data = {"name": "P", "area_column": "area", "min_cell": 1, "factors": [
        {"id": "f", "label": "F", "kind": "risk", "domain": "school", "items": ["a"], "scale": [1, 10],
         "min_items": 1, "cut_percentile": 75}]}
    spec = parse_spec(data)
    rows = [{"area": "A" if v <= 4 else "B", "a": v} for v in range(1, 9)]  # means 1..8
    result = profile(frame(rows), spec).as_dict()
    # the 75th percentile of 1..8 by linear interpolation: 1 + 0.75*7 = 6.25; 7 and 8 count
    assert result["city"]["f"]["cut_point"] == 6.25
    assert result["city"]["f"]["cut_source"] == "percentile 75"
    assert result["city"]["f"]["pct"] == 25.0
    assert result["areas"]["B"]["factors"]["f"]["pct"] == 50.0
    assert result["areas"]["A"]["factors"]["f"]["pct"] == 0.0


def test_integers_in_a_parquet_like_frame_score_the_same() -> None:
    spec = small_spec()
    text = frame([{"area": "X", "a": 3, "b": 1, "c": 3}])
    typed = text.with_columns(pl.col("a", "b", "c", "d").cast(pl.Int64))
    cuts = {"risky": 2.5, "shield": 3.0}
    assert (score_frame(read_coded(typed, spec).frame, spec, cuts)["risky"].to_list()
            == score_frame(read_coded(text, spec).frame, spec, cuts)["risky"].to_list())
