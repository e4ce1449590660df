"""The deployment's municipality file: VARNA_MUNICIPALITY_FILE changes what the guide answers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.checks import run_checks
from django.test import Client, override_settings
from tests.guide.helpers import BROKEN, EXEMPELBY

from varna.web.core import municipality


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    municipality._load.cache_clear()
    yield
    municipality._load.cache_clear()


def test_without_a_setting_the_bundled_malmo_file_answers(client: Client) -> None:
    assert municipality.current_municipality().label_sv.startswith("Malmö")
    assert "Rosengård" in client.get("/orolig/?role=leisure_staff&step=role", follow=True).content.decode()


@override_settings(VARNA_MUNICIPALITY_FILE=str(EXEMPELBY))
def test_another_municipality_file_changes_the_interview_and_the_knowledge_pages(client: Client) -> None:
    interview = client.get("/orolig/?role=leisure_staff&step=role", follow=True).content.decode()
    assert "Kvarnbacken" in interview and "Rosengård" not in interview
    index = client.get("/kunskap/").content.decode()
    assert "Barn- och utbildningsnämnden" in index and "Plattform Malmö" not in index
    hits = client.get("/sok/", {"q": "socialnämnden"}).content.decode()
    assert "Socialnämnden" in hits


@override_settings(VARNA_MUNICIPALITY_FILE=str(BROKEN / "dangling-unit.yaml"))
def test_a_broken_file_is_reported_by_the_system_check_with_file_and_line() -> None:
    errors = [m for m in run_checks() if m.id == "varna.E001"]
    assert errors, "a broken municipality file must stop `manage.py check`"
    assert all("dangling-unit.yaml:" in m.msg for m in errors)


@override_settings(VARNA_MUNICIPALITY_FILE=str(Path("/nonexistent/kommun.yaml")))
def test_a_missing_file_is_reported_too() -> None:
    assert [m for m in run_checks() if m.id == "varna.E001"]
