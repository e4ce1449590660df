"""``varna ctc``: the contract's command, its outputs and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from varna.cli import main

VARNA = str(Path(sys.executable).with_name("varna"))


@pytest.fixture(scope="module")
def survey(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ctc") / "survey.csv"
    assert main(["ctc", "example", "--rows", "6000", "--seed", "4", "--out", str(path),
                 "--plant", "Rosengård:low_school_commitment:+15"]) == 0
    return path


def test_profile_json_has_the_contracts_shape(survey: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ctc", "profile", "--spec", "default", "--input", str(survey)]) == 0
    out = json.loads(capsys.readouterr().out)
    assert {"spec", "n_respondents", "city", "areas", "priorities"} <= set(out)
    assert out["comparison"] == "rest_of_city"
    assert out["correction"] == "holm"
    assert out["n_respondents"] == 6000
    area = out["areas"]["Rosengård"]
    assert {"n", "suppressed", "factors"} <= set(area)
    factor = area["factors"]["low_school_commitment"]
    assert {"n", "pct", "ci_low", "ci_high", "diff_pp", "p_value", "flag"} <= set(factor)
    assert factor["flag"] == "elevated"
    assert out["priorities"]["Rosengård"] == ["low_school_commitment"]
    assert {"n", "pct"} <= set(out["city"]["low_school_commitment"])
    suggestion = out["suggestions"]["Rosengård"][0]
    assert suggestion["why"].startswith("riktar sig mot: Lågt engagemang i skolan")


def test_spec_may_be_omitted(survey: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ctc", "profile", "--input", str(survey)]) == 0
    assert json.loads(capsys.readouterr().out)["n_respondents"] == 6000


def test_html_and_pdf_reports(survey: Path, tmp_path: Path) -> None:
    html = tmp_path / "r.html"
    pdf = tmp_path / "r.pdf"
    assert main(["ctc", "profile", "--input", str(survey), "--format", "html", "--out", str(html)]) == 0
    assert main(["ctc", "profile", "--input", str(survey), "--out", str(pdf)]) == 0
    page = html.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "<script" not in page
    assert "Lågt engagemang i skolan" in page
    assert "Riktar sig mot: " in page
    assert pdf.read_bytes().startswith(b"%PDF")


def test_unusable_input_exits_2_with_nothing_on_stdout(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    done = subprocess.run([VARNA, "ctc", "profile", "--input", str(empty)], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 2
    assert done.stdout == ""
    assert "the file is empty" in done.stderr


def test_bad_spec_exits_2(tmp_path: Path, survey: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text("name: x\nfactors: []\n", encoding="utf-8")
    assert main(["ctc", "profile", "--spec", str(spec), "--input", str(survey)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "field 'area_column': required" in captured.err
    assert "field 'factors': required" in captured.err


def test_bad_programs_file_exits_2(tmp_path: Path, survey: Path, capsys: pytest.CaptureFixture[str]) -> None:
    programs = tmp_path / "p.yaml"
    programs.write_text("programs:\n  - id: x\n    name: X\n", encoding="utf-8")
    assert main(["ctc", "profile", "--input", str(survey), "--programs", str(programs)]) == 2
    assert "program 'x', field 'targets': required" in capsys.readouterr().err


def test_missing_columns_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "s.csv"
    path.write_text("area,c1\nA,1\n", encoding="utf-8")
    assert main(["ctc", "profile", "--input", str(path)]) == 2
    assert "item column(s) of the spec are missing" in capsys.readouterr().err


def test_example_is_deterministic_by_seed(tmp_path: Path) -> None:
    a, b, c = (tmp_path / f"{n}.csv" for n in "abc")
    for path, seed in ((a, "9"), (b, "9"), (c, "10")):
        assert main(["ctc", "example", "--rows", "500", "--seed", seed, "--out", str(path)]) == 0
    assert a.read_bytes() == b.read_bytes()
    assert a.read_bytes() != c.read_bytes()


def test_example_rejects_a_bad_plant(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = str(tmp_path / "x.csv")
    assert main(["ctc", "example", "--out", out, "--plant", "Atlantis:family_conflict:+5"]) == 2
    assert "unknown area 'Atlantis'" in capsys.readouterr().err


def test_check_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ctc", "check"]) == 0
    assert "21 factors" in capsys.readouterr().out


def test_unwritable_out_exits_2(survey: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "no" / "such" / "dir" / "p.json"
    assert main(["ctc", "profile", "--input", str(survey), "--out", str(out)]) == 2
    assert "cannot write" in capsys.readouterr().err


def test_csv_of_the_numbers(survey: Path, tmp_path: Path) -> None:
    import csv

    out = tmp_path / "numbers.csv"
    assert main(["ctc", "profile", "--input", str(survey), "--out", str(out)]) == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    row = next(r for r in rows if r["area"] == "Rosengård" and r["group_by"] == "area"
               and r["factor"] == "low_school_commitment")
    assert row["flag"] == "elevated"
    hidden = [r for r in rows if r["suppressed"] == "true"]
    assert all(r["n"] == r["pct"] == "" for r in hidden)


def test_excluded_answers_are_reported_on_stderr_and_the_run_succeeds(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "s.csv"
    assert main(["ctc", "example", "--rows", "200", "--seed", "1", "--out", str(path)]) == 0
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split(",")
    cells = lines[3].split(",")
    cells[header.index("c1")] = "nej"
    lines[3] = ",".join(cells)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["ctc", "profile", "--input", str(path)]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["excluded"]["non_numeric"] == 1
    assert "row 4, column 'c1': 'nej' is not a whole number" in captured.err
    assert "excluded in all – non_numeric 1" in captured.err
