"""Small groups show no numbers at all, and cannot be back-calculated from the others."""

from __future__ import annotations

import json
from typing import Any

from tests.ctc.helpers import frame, small_spec

from varna.ctc.profile import profile, suppressed_groups


def rows_for(sizes: dict[str, int], grade: bool = False) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for area, n in sizes.items():
        for i in range(n):
            row: dict[str, Any] = {"area": area, "a": 1 + i % 4, "b": 1 + (i // 2) % 4, "c": 2,
                                   "d": 1 + i % 5}
            if grade:
                row["grade"] = "7" if i % 3 else "9"
            rows.append(row)
    return rows


def test_rule_hides_small_groups_and_one_more() -> None:
    assert suppressed_groups({"A": 50, "B": 40, "C": 2}, 10) == {"C", "B"}
    assert suppressed_groups({"A": 50, "B": 40, "C": 30}, 10) == set()
    # two small ones already: together 9 < 10, so the next smallest goes too
    assert suppressed_groups({"A": 50, "B": 40, "C": 5, "D": 4}, 10) == {"C", "D", "B"}
    # two small ones holding min_cell together are enough
    assert suppressed_groups({"A": 50, "B": 40, "C": 6, "D": 5}, 10) == {"C", "D"}
    assert suppressed_groups({"A": 50, "B": 3}, 10, parent_published=False) == {"A", "B"}
    assert suppressed_groups({"A": 50, "B": 40}, 10, already={"A"}) == {"A", "B"}


def test_small_area_has_no_numbers_at_all() -> None:
    spec = small_spec(min_cell=10)
    result = profile(frame(rows_for({"Norr": 40, "Söder": 30, "Liten": 4})), spec).as_dict()
    assert result["areas"]["Liten"] == {"suppressed": True}
    assert result["priorities"]["Liten"] == []
    assert result["suggestions"]["Liten"] == []
    text = json.dumps(result["areas"]["Liten"])
    assert not any(ch.isdigit() for ch in text)


def test_one_small_area_also_hides_the_next_smallest() -> None:
    spec = small_spec(min_cell=10)
    result = profile(frame(rows_for({"Norr": 40, "Söder": 30, "Liten": 4})), spec).as_dict()
    assert result["areas"]["Söder"] == {"suppressed": True}
    assert result["areas"]["Norr"]["suppressed"] is False
    # the city minus the shown area now reveals only Söder + Liten together (34 ≥ 10)
    hidden_total = result["city"]["risky"]["n"] - result["areas"]["Norr"]["factors"]["risky"]["n"]
    assert hidden_total >= 10


def test_two_small_areas_with_enough_together_hide_nothing_else() -> None:
    spec = small_spec(min_cell=10)
    result = profile(frame(rows_for({"Norr": 40, "Söder": 30, "Liten": 6, "Mini": 5})), spec).as_dict()
    assert result["areas"]["Liten"] == {"suppressed": True}
    assert result["areas"]["Mini"] == {"suppressed": True}
    assert result["areas"]["Söder"]["suppressed"] is False


def test_factor_with_few_valid_answers_is_hidden_in_that_area() -> None:
    spec = small_spec(min_cell=10)
    rows = rows_for({"Norr": 40, "Söder": 30, "Väster": 25})
    for row in rows[40:62]:  # Söder: 22 of 30 answer only one risk item → 8 valid, below 10
        row["b"] = row["c"] = None
    result = profile(frame(rows), spec).as_dict()
    assert result["areas"]["Söder"]["factors"]["risky"] == {"suppressed": True}
    # complementary: the next smallest area's cell for the same factor goes too
    assert result["areas"]["Väster"]["factors"]["risky"] == {"suppressed": True}
    assert result["areas"]["Norr"]["factors"]["risky"]["suppressed"] is False
    assert result["areas"]["Söder"]["factors"]["shield"]["suppressed"] is False


def test_breakdowns_use_the_same_rule() -> None:
    spec = small_spec(min_cell=10, grade_column="grade")
    rows = rows_for({"Norr": 60, "Söder": 45}, grade=True)
    rows[0]["grade"] = "8"  # one lone eighth-grader in Norr
    result = profile(frame(rows), spec).as_dict()
    by_grade = result["areas"]["Norr"]["by_grade"]
    assert by_grade["8"] == {"suppressed": True}
    # Norr has grade 7 (39) and 9 (20): the smaller, 9, is hidden too
    assert by_grade["9"] == {"suppressed": True}
    assert by_grade["7"]["suppressed"] is False
    assert result["areas"]["Söder"]["by_grade"]["9"]["suppressed"] is False


def test_missing_grade_is_its_own_group() -> None:
    spec = small_spec(min_cell=3, grade_column="grade")
    rows = rows_for({"Norr": 30, "Söder": 30}, grade=True)
    for row in rows[:5]:
        row["grade"] = None
    result = profile(frame(rows), spec).as_dict()
    assert "uppgift saknas" in result["areas"]["Norr"]["by_grade"]


def test_city_is_hidden_when_the_whole_survey_is_tiny() -> None:
    spec = small_spec(min_cell=10)
    result = profile(frame(rows_for({"Norr": 4, "Söder": 3})), spec).as_dict()
    assert result["city"]["risky"]["suppressed"] is True
    assert "n" not in result["city"]["risky"]
    assert all(a == {"suppressed": True} for a in result["areas"].values())
