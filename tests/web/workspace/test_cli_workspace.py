"""The workspace's commands, run in-process against the test database: audit verify, units sync."""

from __future__ import annotations

import subprocess
import sys

import pytest
from tests.workspace import tamper_with_audit_log

from varna.cli import main
from varna.web.accounts.models import Unit
from varna.web.audit.models import Action
from varna.web.audit.services import audit_record

pytestmark = pytest.mark.django_db


def _write(n: int) -> None:
    for i in range(n):
        audit_record(
            user=None, username=f"user{i}", action=Action.READ, summary=f"Läste {i}", authority="sdn-norr"
        )


def test_an_intact_log_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    _write(7)
    assert main(["audit", "verify"]) == 0
    assert capsys.readouterr().out.strip() == "Loggboken är hel: 7 poster kontrollerade."


def test_an_empty_log_is_intact(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", "verify"]) == 0
    assert "0 poster" in capsys.readouterr().out


def test_an_edited_entry_exits_1_and_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    _write(8)
    tamper_with_audit_log("UPDATE audit_auditentry SET summary = %s WHERE seq = %s", ["Läste inget", 5])
    assert main(["audit", "verify"]) == 1
    out = capsys.readouterr().out
    assert "post 5" in out and "innehåll har ändrats" in out and "4 poster före den stämmer" in out


def test_a_deleted_entry_exits_1_and_is_named(capsys: pytest.CaptureFixture[str]) -> None:
    _write(8)
    tamper_with_audit_log("DELETE FROM audit_auditentry WHERE seq = %s", [3])
    assert main(["audit", "verify"]) == 1
    out = capsys.readouterr().out
    assert "post 3" in out and "posten saknas" in out


def test_a_deleted_last_entry_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    _write(4)
    tamper_with_audit_log("DELETE FROM audit_auditentry WHERE seq = %s", [4])
    assert main(["audit", "verify"]) == 1
    assert "post 4" in capsys.readouterr().out


def test_units_sync_copies_the_organisation_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["units", "sync"]) == 0
    first = capsys.readouterr().out
    assert "34 nya" in first and Unit.objects.get(code="lpo-norr").authority == "polismyndigheten"
    assert main(["units", "sync"]) == 0
    assert "0 nya, 34 uppdaterade" in capsys.readouterr().out


def test_units_sync_respects_the_municipality_file_setting(
    capsys: pytest.CaptureFixture[str], settings: object, tmp_path: object
) -> None:
    from pathlib import Path

    from varna.guide.loader import DEFAULT_MUNICIPALITY_FILE

    text = Path(DEFAULT_MUNICIPALITY_FILE).read_text(encoding="utf-8")
    old = "name_sv: Lokal fritidsverksamhet i stadsområde Norr,"
    assert text.count(old) == 1
    copy = Path(str(tmp_path)) / "kommun.yaml"
    copy.write_text(text.replace(old, "name_sv: Fritidsgårdarna i Norr,"), encoding="utf-8")
    settings.VARNA_MUNICIPALITY_FILE = str(copy)  # type: ignore[attr-defined]
    assert main(["units", "sync"]) == 0
    assert "34 nya" in capsys.readouterr().out
    assert Unit.objects.get(code="fritid-norr").name == "Fritidsgårdarna i Norr"


def test_the_domain_commands_do_not_import_django() -> None:
    code = (
        "import sys, varna.cli; varna.cli.build_parser(); "
        "print(any(m.startswith('django') for m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_a_database_without_tables_is_one_line_and_exit_2(tmp_path: object) -> None:
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env.update({"VARNA_DATA_DIR": str(tmp_path), "VARNA_DEBUG": "true"})
    code = "import sys; from varna.cli import main; sys.exit(main(['audit', 'verify']))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert result.returncode == 2
    assert "varna audit verify: databasen eller inställningarna kan inte användas" in result.stderr
    assert "Traceback" not in result.stderr
