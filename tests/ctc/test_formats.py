"""CSV, Parquet and Excel give the same profile."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from varna.ctc.example import generate, parse_plant, write_survey
from varna.ctc.profile import profile
from varna.ctc.spec import load_spec


@pytest.fixture(scope="module")
def survey() -> pl.DataFrame:
    spec = load_spec("default")
    return generate(spec, 1500, 7, (parse_plant("Oxie:family_conflict:+25", spec),))


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".xlsx"])
def test_every_format_gives_the_same_profile(survey: pl.DataFrame, tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"survey{suffix}"
    write_survey(survey, path)
    from_file = profile(path).as_dict()
    in_memory = profile(survey).as_dict()
    assert from_file["areas"] == in_memory["areas"]
    assert from_file["city"] == in_memory["city"]
    assert from_file["n_respondents"] == 1500
    assert from_file["priorities"]["Oxie"] == ["family_conflict"]


def test_excel_with_a_text_answer_reports_its_row(survey: pl.DataFrame, tmp_path: Path) -> None:
    spoiled = survey.head(40).with_columns(pl.col("c1").cast(pl.String))
    spoiled = spoiled.with_columns(pl.when(pl.int_range(pl.len()) == 4).then(pl.lit("vet ej"))
                                   .otherwise(pl.col("c1")).alias("c1"))
    path = tmp_path / "survey.xlsx"
    spoiled.write_excel(path)
    result = profile(path).as_dict()
    assert result["excluded"]["non_numeric"] == 1
    assert result["problems"][0]["row"] == 6
    assert result["problems"][0]["value"] == "vet ej"


def test_parquet_with_float_answers(tmp_path: Path) -> None:
    spec = load_spec("default")
    data = generate(spec, 300, 3).with_columns(pl.col(list(spec.items)).cast(pl.Float64))
    first = pl.int_range(pl.len()) == 0
    data = data.with_columns(pl.when(first).then(2.5).otherwise(pl.col("s1")).alias("s1"))
    path = tmp_path / "s.parquet"
    data.write_parquet(path)
    result = profile(path).as_dict()
    assert result["excluded"]["non_numeric"] == 1
    assert result["problems"][0]["row"] == 2


@pytest.mark.parametrize("sep", [";", "\t"])
def test_semicolon_and_tab_separated_files(survey: pl.DataFrame, tmp_path: Path, sep: str) -> None:
    path = tmp_path / "survey.csv"
    survey.write_csv(path, separator=sep)
    assert profile(path).as_dict()["areas"] == profile(survey).as_dict()["areas"]
