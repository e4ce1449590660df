"""Bad input: clear messages with row numbers; nothing dropped without being counted."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.ctc.helpers import frame, small_spec, spec_dict

from varna.ctc.profile import profile
from varna.ctc.spec import SpecError, load_spec, parse_spec
from varna.ctc.survey import SurveyError

GOOD = {"a": 2, "b": 2, "c": 2, "d": 3}


def test_out_of_range_and_text_are_excluded_counted_and_listed_with_rows() -> None:
    rows = [{"area": "N", **GOOD} for _ in range(20)]
    rows[2]["a"] = 7          # row 4 in the file (header is row 1)
    rows[5]["d"] = "ja"       # row 7
    rows[9]["b"] = "2.5"      # row 11
    rows[9]["c"] = 0          # row 11 as well
    result = profile(frame(rows), small_spec()).as_dict()
    assert result["excluded"]["out_of_range"] == 2
    assert result["excluded"]["non_numeric"] == 2
    assert result["excluded"]["by_item"]["a"] == {"non_numeric": 0, "out_of_range": 1}
    listed = [(p["row"], p["column"], p["kind"]) for p in result["problems"]]
    assert listed == [(4, "a", "out_of_range"), (7, "d", "non_numeric"), (11, "b", "non_numeric"),
                      (11, "c", "out_of_range")]
    assert result["problems"][1]["message"] == ("row 7, column 'd': 'ja' is not a whole number; "
                                                "the answer is excluded")
    assert "outside the scale 1–4" in result["problems"][0]["message"]


def test_only_the_first_ten_problems_are_listed_but_all_are_counted() -> None:
    rows = [{"area": "N", **GOOD, "a": 9} for _ in range(25)]
    result = profile(frame(rows), small_spec()).as_dict()
    assert len(result["problems"]) == 10
    assert result["problem_counts"]["out_of_range"] == 25
    assert result["problems"][0]["row"] == 2


def test_respondent_without_area_is_counted() -> None:
    rows = [{"area": "N", **GOOD} for _ in range(12)] + [{"area": "", **GOOD}]
    result = profile(frame(rows), small_spec()).as_dict()
    assert result["excluded"]["missing_area"] == 1
    assert result["problems"][0]["row"] == 14
    assert result["problems"][0]["kind"] == "missing_area"
    assert result["n_respondents"] == 13
    assert result["city"]["risky"]["n"] == 12


def test_missing_item_columns_stop_the_run(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text("area,a,b\nN,1,2\n", encoding="utf-8")
    with pytest.raises(SurveyError, match=r"2 item column\(s\) of the spec are missing from the file: c, d"):
        profile(path, small_spec())


def test_unknown_area_column(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    path.write_text("omrade,a,b,c,d\nN,1,2,3,4\n", encoding="utf-8")
    with pytest.raises(SurveyError, match=r"the area column 'area' named in the spec is not in the file "
                                          r"\(its columns: omrade, a, b, c, d\)"):
        profile(path, small_spec())


@pytest.mark.parametrize(("content", "message"), [
    ("", "the file is empty"),
    ("area,a,b,c,d\n", "no respondents"),
])
def test_empty_files(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "s.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SurveyError, match=message):
        profile(path, small_spec())


def test_unknown_file_type_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(SurveyError, match=r"unknown file type '\.ods'"):
        profile(tmp_path / "s.ods", small_spec())
    with pytest.raises(SurveyError, match="no such file"):
        profile(tmp_path / "s.csv", small_spec())


def test_not_an_excel_file(tmp_path: Path) -> None:
    path = tmp_path / "s.xlsx"
    path.write_text("area,a\n", encoding="utf-8")
    with pytest.raises(SurveyError, match="cannot be read as xlsx"):
        profile(path, small_spec())


def test_csv_with_text_takes_the_careful_path(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    lines = ["area,a,b,c,d"] + ["N,2,2,2,3"] * 12 + ["N,x,2,2,99999"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = profile(path, small_spec()).as_dict()
    listed = [(p["row"], p["column"], p["value"]) for p in result["problems"]]
    assert listed == [(14, "a", "x"), (14, "d", "99999")]


def test_spec_errors_name_file_factor_and_field() -> None:
    data = spec_dict()
    data["factors"][0]["reverse"] = ["z"]
    data["factors"][0]["cut_point"] = 9
    data["factors"][1]["kind"] = "maybe"
    with pytest.raises(SpecError) as caught:
        parse_spec(data, "kommun.yaml")
    problems = caught.value.problems
    assert "factor 'risky', field 'reverse': z not among the factor's items" in problems
    assert any(p.startswith("factor 'risky', field 'cut_point': must lie in the scale") for p in problems)
    assert "factor 'shield', field 'kind': must be one of risk, protective, got 'maybe'" in problems
    assert str(caught.value).startswith("kommun.yaml: ")


def test_spec_cut_point_and_percentile_are_exclusive() -> None:
    data = spec_dict()
    data["factors"][0]["cut_percentile"] = 75
    with pytest.raises(SpecError, match="either cut_point or cut_percentile"):
        parse_spec(data)


def test_spec_file_not_yaml(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("name: [unclosed\n", encoding="utf-8")
    with pytest.raises(SpecError, match=r"bad.yaml: line \d+, column \d+: not valid YAML"):
        load_spec(path)


def test_default_spec_is_valid_and_about_forty_items() -> None:
    spec = load_spec("default")
    assert 38 <= len(spec.items) <= 46
    assert {f.domain for f in spec.factors} == {"community", "family", "school", "peer_individual"}
    assert {f.kind for f in spec.factors} == {"risk", "protective"}


def test_unknown_spec_fields_are_ignored_with_a_note() -> None:
    data = spec_dict(version=3)
    data["factors"][0]["weight"] = 2
    spec = parse_spec(data, "kommun.yaml")
    assert spec.warnings == (
        "kommun.yaml: field 'version': unknown, ignored (known: area_column, confidence, description, "
        "factors, gender_column, grade_column, min_cell, name, questions)",
        "kommun.yaml: factor 'risky', field 'weight': unknown, ignored (known: cut_percentile, cut_point, "
        "description, domain, id, items, kind, label, label_en, min_items, reverse, scale)",
    )


def test_huge_whole_numbers_on_the_fast_path_are_out_of_range(tmp_path: Path) -> None:
    path = tmp_path / "s.csv"
    lines = ["area,a,b,c,d"] + ["N,2,2,2,3"] * 12 + ["N,-32768,2,2,31000"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = profile(path, small_spec()).as_dict()
    assert result["excluded"]["out_of_range"] == 2
    assert result["excluded"]["non_numeric"] == 0
    assert [(p["column"], p["value"]) for p in result["problems"]] == [("a", "-32768"), ("d", "31000")]


@pytest.mark.parametrize("cells", [
    ["2.0", "1.0", "3.0", "4.0"],        # pandas writes whole numbers with gaps as floats
    ["2", "1,0", "3", "x"],              # a decimal comma on the text path
])
def test_whole_numbers_written_as_decimals_are_answers(tmp_path: Path, cells: list[str]) -> None:
    path = tmp_path / "s.csv"
    lines = ["area;a;b;c;d"] + ["N;" + ";".join(cells)] * 12 + ["N;2.5;;;"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = profile(path, small_spec()).as_dict()
    factor = result["areas"]["N"]["factors"]["risky"]
    assert factor["n"] == 12
    assert factor["pct"] == 100.0  # 2, 1→4, 3: mean 3 > 2.5
    non_numeric = 1 + (12 if cells[3] == "x" else 0)
    assert result["excluded"]["non_numeric"] == non_numeric
    assert result["excluded"]["too_few_items"]["risky"] == 1


def test_not_a_parquet_file(tmp_path: Path) -> None:
    path = tmp_path / "s.parquet"
    path.write_text("area,a\nN,1\n", encoding="utf-8")
    with pytest.raises(SurveyError, match=r"s\.parquet: cannot be read"):
        profile(path, small_spec())
