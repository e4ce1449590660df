"""``varna deid`` as the contract describes it, run as a real subprocess."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from varna.deid.cli import run_deid

NOTE = "Amir Hassan, 15 år, ringde från 070-123 45 67. Han bor i Rosengård.\n"


def varna(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "varna", "deid", *args], input=stdin, capture_output=True,
                          timeout=60, check=False)


def test_plain_output_is_the_deidentified_text() -> None:
    result = varna(stdin=NOTE.encode("utf-8"))
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("utf-8")
    assert out == "[Person 1], 15–17 år, ringde från [Telefon 1]. Han bor i ett bostadsområde.\n"


def test_json_output_follows_the_contract() -> None:
    result = varna("--json", stdin=NOTE.encode("utf-8"))
    assert result.returncode == 0
    document = json.loads(result.stdout.decode("utf-8"))
    assert set(document) == {"text", "entities", "residual_risks"}
    for entity in document["entities"]:
        assert set(entity) == {"start", "end", "label", "text", "replacement"}
        assert NOTE[entity["start"]:entity["end"]] == entity["text"]
    assert {e["label"] for e in document["entities"]} >= {"person", "age", "phone", "place"}
    for risk in document["residual_risks"]:
        assert set(risk) == {"label", "text", "advice"}


def test_json_keeps_swedish_characters_readable() -> None:
    result = varna("--json", stdin="Hon går på Rosengårdsskolan.".encode())
    assert "å" in result.stdout.decode("utf-8")


@pytest.mark.parametrize(("stdin", "expected"), [
    (b"", "no input"),
    (b"   \n\t ", "no input"),
    (b"Amir \xff\xfe bor h\xe4r", "not UTF-8"),
    ("Pojken bor i Malmö".encode("latin-1"), "not UTF-8"),
])
@pytest.mark.parametrize("flags", [(), ("--json",)])
def test_bad_input_exits_2_with_a_message_and_nothing_on_stdout(stdin: bytes, expected: str,
                                                                flags: tuple[str, ...]) -> None:
    result = varna(*flags, stdin=stdin)
    assert result.returncode == 2
    assert result.stdout == b""
    assert expected in result.stderr.decode("utf-8")


def test_a_byte_order_mark_is_not_part_of_the_text() -> None:
    out = io.StringIO()
    assert run_deid(io.BytesIO("\ufeffAmir kom.".encode()), out, io.StringIO(), as_json=False) == 0
    assert out.getvalue() == "[Person 1] kom.\n"


def test_help_lists_the_command() -> None:
    result = subprocess.run([sys.executable, "-m", "varna", "--help"], capture_output=True, text=True,
                            timeout=60, check=False)
    assert "deid" in result.stdout
