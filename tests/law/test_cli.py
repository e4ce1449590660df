"""The `varna` command line as the contract describes it, run as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from varna.law.rulebase import DEFAULT_RULES_DIR

EXAMPLE_1 = {"on_date": "2016-02-01",
             "discloser": {"actor": "social_services", "authority": "sdn-norr"},
             "recipient": {"actor": "police"}, "setting": "cooperation_group",
             "subject_age": 16, "consent": "none"}


def varna(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "varna", *args], input=stdin,
                          capture_output=True, text=True, timeout=60, check=False)


def test_one_question_gives_one_decision() -> None:
    result = varna("assess", stdin=json.dumps(EXAMPLE_1))
    assert result.returncode == 0, result.stderr
    decision = json.loads(result.stdout)
    assert decision["outcome"] == "not_allowed"
    assert decision["participation"] == "listen_only"
    assert "OSL 26:1" in decision["provisions"]
    assert decision["rulebase"] == "malmo-2015-12-13"


def test_a_list_gives_decisions_in_order() -> None:
    second = {**EXAMPLE_1, "consent": "written"}
    result = varna("assess", stdin=json.dumps([EXAMPLE_1, second]))
    assert result.returncode == 0
    assert [d["outcome"] for d in json.loads(result.stdout)] == ["not_allowed", "allowed"]


@pytest.mark.parametrize(
    ("stdin", "expected"),
    [
        ("", "no input"),
        ("{not json", "not valid JSON"),
        ('"a string"', "JSON object"),
        (json.dumps({**EXAMPLE_1, "setting": "meeting"}), "setting: unknown value 'meeting'"),
        (json.dumps([EXAMPLE_1, {"recipient": {"actor": "police"}}]), "question [1]: discloser"),
    ],
)
def test_invalid_input_exits_2_with_a_message_and_nothing_on_stdout(stdin: str, expected: str) -> None:
    result = varna("assess", stdin=stdin)
    assert result.returncode == 2
    assert result.stdout == ""
    assert expected in result.stderr


def test_rules_check_passes_on_the_bundled_base() -> None:
    result = varna("rules", "check")
    assert result.returncode == 0
    assert result.stdout.startswith("OK:")


def test_rules_check_names_problems_and_exits_1(tmp_path: Path) -> None:
    import shutil

    target = tmp_path / "rules"
    shutil.copytree(DEFAULT_RULES_DIR, target)
    path = target / "provisions" / "30-duties.yaml"
    path.write_text(path.read_text("utf-8").replace("    citation: BrB 20:3\n", ""), "utf-8")
    result = varna("rules", "check", str(target))
    assert result.returncode == 1
    assert "provisions/30-duties.yaml" in result.stdout and "entry 'brb-20-3'" in result.stdout


def test_rules_check_on_a_missing_directory_exits_2(tmp_path: Path) -> None:
    assert varna("rules", "check", str(tmp_path / "nowhere")).returncode == 2


def test_rules_show_prints_what_was_in_force_that_day() -> None:
    before = json.loads(varna("rules", "show", "--date", "2021-07-31", "--json").stdout)
    shown = json.loads(varna("rules", "show", "--date", "2021-08-01", "--json").stdout)
    assert "OSL 10:18c" not in {e["citation"] for e in before["entries"]}
    text = varna("rules", "show", "--date", "2016-02-01").stdout
    assert "Regelbas malmo-2015-12-13" in text and "  OSL 10:18a" in text
    assert shown["rulebase"] == "lagandringar-2025-11"
    assert "OSL 10:18c" in {e["citation"] for e in shown["entries"]}
    assert "SoL 14:1" in {e["citation"] for e in shown["entries"]}


def test_rules_show_before_the_act_is_refused() -> None:
    assert varna("rules", "show", "--date", "2001-01-01").returncode == 2
