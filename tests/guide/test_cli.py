"""`varna org check|show` run as a real subprocess: exit codes and what a person reads."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.guide.helpers import BROKEN, EXEMPELBY, copy_of, edit


def varna(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "varna", *args], capture_output=True, text=True,
                          timeout=60, check=False)


def test_check_of_the_bundled_file_passes_with_a_summary() -> None:
    result = varna("org", "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ("Malmö stad 2015: 5 stadsområden, 34 enheter, 23 kontaktvägar, 10 insatser, "
                             "6 samverkansformer, 8 samverkansparter – inga fel\n")


def test_check_of_another_municipality_passes() -> None:
    result = varna("org", "check", str(EXEMPELBY))
    assert result.returncode == 0
    assert result.stdout.startswith("Exempelby kommun 2024: 2 stadsområden, 8 enheter, 6 kontaktvägar")


def test_check_lists_every_problem_and_exits_1(tmp_path: Path) -> None:
    path = copy_of(EXEMPELBY, tmp_path)
    edit(path, "    unit: elevhalsan\n", "    unit: elevhalsa\n")
    edit(path, "actor: school_staff,", "actor: teacher,")
    result = varna("org", "check", str(path))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert "entry 'skolorna' field 'actor': unknown actor kind 'teacher'" in lines[0]
    assert "entry 'elevhalsan' field 'unit': refers to unknown unit 'elevhalsa'" in lines[1]
    assert lines[2] == f"2 fel i {path}"
    assert result.stderr == ""


def test_invalid_yaml_exits_2_with_a_message_on_stderr() -> None:
    path = BROKEN / "bad-yaml.yaml"
    result = varna("org", "check", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"varna org check: {path}:168: not valid YAML:")


def test_a_missing_file_exits_2(tmp_path: Path) -> None:
    result = varna("org", "check", str(tmp_path / "saknas.yaml"))
    assert result.returncode == 2
    assert "cannot read the file" in result.stderr


def test_show_prints_the_organisation() -> None:
    result = varna("org", "show")
    assert result.returncode == 0
    for expected in ("Stadsområdesnämnd Öster", "Öster (Rosengård", "Plattform Malmö (tel. 040-340550)",
                     "Samordningsteamet; sammankallande: Sociala resursnämnden",
                     "Center mot våldsbejakande extremism (CVE) [senare än riktlinjen] [ej verifierad]"):
        assert expected in result.stdout, expected


def test_show_answers_where_a_youth_leader_in_rosengard_turns() -> None:
    result = varna("org", "show", "--district", "Rosengård", "--role", "leisure_staff",
                   "--level", "universal")
    assert result.returncode == 0
    assert "Urval: Öster; Fritidsledare; samhällsbyggande nivå" in result.stdout
    assert "1. SSP-samordnaren i ditt stadsområde – SSP-samordnaren i stadsområde Öster" in result.stdout
    assert "2. Plattform Malmö – råd och stöd vid oro (tel. 040-340550)" in result.stdout


def test_show_of_an_unknown_place_exits_2() -> None:
    result = varna("org", "show", "--district", "Lund")
    assert result.returncode == 2
    assert "okänt stadsområde eller område 'Lund'" in result.stderr


def test_show_of_a_broken_file_exits_1() -> None:
    result = varna("org", "show", str(BROKEN / "dangling-unit.yaml"))
    assert result.returncode == 1
    assert "refers to unknown unit 'elevhalsa'" in result.stderr
