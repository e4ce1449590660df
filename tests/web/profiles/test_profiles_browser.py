"""Factor profiles in a real browser (Debian's Chromium through Playwright), with the
Content-Security-Policy in force: upload a survey, read the profile, download the PDF;
and axe-core over the upload and profile pages, in Swedish and English."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from tests.axe import AXE, audit, describe
from tests.chromium import NEEDS_CHROMIUM, launched_chromium, signed_in_context
from tests.web.plans.test_plans_browser import log_in, no_problems
from tests.web.profiles.helpers import example
from tests.workspace import empty_audit_log_for_flush, make_user

from varna.web.profiles.models import ProfileRun
from varna.web.profiles.services import profile_run_example

pytestmark = [pytest.mark.browser, NEEDS_CHROMIUM]


@pytest.fixture
def analyst(
    transactional_db: Any, units: Any, live_server: Any, settings: Any, tmp_path: Path
) -> Iterator[Any]:
    settings.DATA_DIR = tmp_path / "data"
    yield make_user("trygghet-och-sakerhet", username="profilanalytikern")
    empty_audit_log_for_flush()


def test_uploading_a_survey_and_downloading_the_pdf(
    live_server: Any, browser_page: tuple[Any, list[str]], analyst: Any, tmp_path: Path
) -> None:
    survey = tmp_path / "enkat-2026.csv"
    example().write_csv(survey)
    page, problems = browser_page
    log_in(page, live_server, analyst)
    page.get_by_role("navigation", name="Arbetsrum").get_by_role(
        "link", name="Risk- och skyddsfaktorer"
    ).click()
    page.get_by_role("heading", level=1, name="Risk- och skyddsfaktorer").wait_for()
    # Sent without a file: the error summary names the problem.
    page.get_by_role("button", name="Gör profilen").click()
    page.get_by_role("alert").get_by_text("Välj enkätfilen.").wait_for()
    page.get_by_label("Profilens namn").fill("Ungdomsenkät 2026")
    page.get_by_label("Enkätfil", exact=True).set_input_files(str(survey))
    page.get_by_role("button", name="Gör profilen").click()
    page.get_by_role("heading", level=1, name="Ungdomsenkät 2026").wait_for()
    assert page.get_by_text("Profilen är gjord.").is_visible()
    assert page.get_by_role("heading", level=2, name="Rosengård").is_visible()
    assert page.get_by_role("img", name="Familj i Rosengård").is_visible()
    with page.expect_download() as info:
        page.get_by_role("link", name="Rapporten som PDF").click()
    download = info.value
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF")
    run = ProfileRun.objects.get()
    assert download.suggested_filename.startswith(f"faktorprofil-{run.pk}-")
    assert not [p for p in (tmp_path / "data").rglob("*") if p.is_file()], "the raw file must be gone"
    no_problems(problems)


@pytest.mark.skipif(not AXE.exists(), reason=f"no axe-core at {AXE}: run `make browser-deps`")
def test_no_profiles_page_has_a_serious_or_critical_violation(live_server: Any, analyst: Any) -> None:
    run = profile_run_example(user=analyst, name="Exempel")
    client = Client()
    client.force_login(analyst)
    paths = [
        "/arbetsrum/profiler/",
        f"/arbetsrum/profiler/{run.pk}/",
        f"/arbetsrum/profiler/{run.pk}/ta-bort/",
    ]
    found: list[str] = []
    with launched_chromium() as browser:
        context = signed_in_context(browser, live_server.url, client, bypass_csp=True)
        page = context.new_page()
        for prefix in ("", "/en"):
            for path in paths:
                response = page.goto(live_server.url + prefix + path)
                assert response.status == 200, path
                if problems := audit(page):
                    found.append(describe(prefix + path, problems))
        page.goto(live_server.url + "/arbetsrum/profiler/")
        page.locator("form[enctype] button[type=submit]").click()
        page.wait_for_selector(".error-summary")
        if problems := audit(page):
            found.append(describe("upload, sent empty", problems))
        context.close()
    assert not found, "\n".join(found)
