"""Plans in a real browser (Debian's Chromium through Playwright): create a plan, follow up an
activity and download the yearly report – with the Content-Security-Policy in force, mouse and
keyboard only, the way a safety-unit analyst works."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from tests.chromium import NEEDS_CHROMIUM, log_in_through_form
from tests.workspace import PASSWORD, empty_audit_log_for_flush, make_user

from varna.web.core.municipality import current_municipality
from varna.web.plans.models import ActivityUpdate, Plan
from varna.web.plans.services import plans_load_default

pytestmark = [pytest.mark.browser, NEEDS_CHROMIUM]


def log_in(page: Any, live_server: Any, user: Any) -> None:
    """Sign in through the login page, as the analyst would."""
    log_in_through_form(page, live_server.url, user.username, PASSWORD, path="/konto/logga-in/")
    page.wait_for_url(f"{live_server.url}/arbetsrum/**")


def no_problems(problems: list[str]) -> None:
    """Nothing blocked or broken; a form sent with a mistake answers 400 on purpose."""
    real = [p for p in problems if "status of 400 (Bad Request)" not in p]
    assert not real, real


@pytest.fixture
def analyst(transactional_db: Any, units: Any, live_server: Any) -> Iterator[Any]:
    """The safety unit's analyst, with the default plans loaded.

    Logging in writes to the audit log, whose SQLite guard refuses the flush that ends a
    live-server test; afterwards the guard is lifted (as the database owner could), the
    log emptied and the guard put back. PostgreSQL flushes with TRUNCATE, which the
    row triggers do not see.
    """
    plans_load_default(municipality=current_municipality())
    yield make_user("trygghet-och-sakerhet", username="analytikern")
    empty_audit_log_for_flush()


def test_creating_a_plan_and_an_activity(
    live_server: Any, browser_page: tuple[Any, list[str]], analyst: Any
) -> None:
    page, problems = browser_page
    log_in(page, live_server, analyst)
    page.get_by_role("navigation", name="Arbetsrum").get_by_role("link", name="Planer").click()
    page.get_by_role("link", name="Ny plan").click()
    # Sending it empty names the problem and keeps the page.
    page.get_by_role("button", name="Skapa planen").click()
    page.get_by_role("alert").get_by_text("Ge planen ett namn.").wait_for()
    page.get_by_label("Namn", exact=True).fill("Handlingsplan mot våldsbejakande extremism 2026")
    page.get_by_label("Typ av plan").select_option(label="Handlingsplan")
    page.get_by_label("Perioden börjar").fill("2026-01-01")
    page.get_by_label("Perioden slutar").fill("2026-12-31")
    page.get_by_label("Expo").check()
    page.get_by_label("Andra samverkansparter").fill("EFUS")
    page.get_by_role("button", name="Skapa planen").click()
    page.get_by_role("heading", level=1, name="Handlingsplan mot våldsbejakande extremism 2026").wait_for()
    assert page.get_by_text("Planen skapades.").is_visible()
    page.get_by_role("link", name="Lägg till en aktivitet").click()
    page.get_by_label("Aktivitet", exact=True).fill("Workshop om normbrytande beteenden för fritidsledare")
    page.get_by_label("Det här är ett erbjudande om kompetensutveckling").check()
    page.get_by_label("Erbjuds till").fill("Fritidsledare")
    page.get_by_label("Preventionsnivå").select_option("universal")
    page.get_by_role("button", name="Lägg till aktiviteten").click()
    page.get_by_role(
        "heading", level=1, name="Workshop om normbrytande beteenden för fritidsledare"
    ).wait_for()
    plan = Plan.objects.get(name="Handlingsplan mot våldsbejakande extremism 2026")
    assert plan.partner_orgs == ["expo"] and plan.activities.get().competence
    no_problems(problems)


def test_following_up_an_activity(
    live_server: Any, browser_page: tuple[Any, list[str]], analyst: Any
) -> None:
    page, problems = browser_page
    log_in(page, live_server, analyst)
    page.goto(live_server.url + "/arbetsrum/planer/")
    page.get_by_role("link", name="Kompetenshöjande insatser 2016").click()
    page.get_by_role("link", name="Utbildning och workshop om normbrytande beteenden").click()
    page.get_by_label("Status").select_option(label="Pågår")
    page.get_by_label("Datum").fill("2016-03-15")
    page.get_by_label("Vad som har gjorts").fill("Två workshoppar hållna för fritidsledare i Norr.")
    page.get_by_role("button", name="Spara uppföljningen").click()
    page.get_by_text("Uppföljningen sparades.").wait_for()
    history = page.get_by_role("table", name="Statusuppdateringar, senaste först")
    assert "Två workshoppar hållna för fritidsledare i Norr." in history.inner_text()
    assert "Pågår" in page.locator("dl.facts").inner_text()
    assert ActivityUpdate.objects.get().status == "ongoing"
    no_problems(problems)


def test_downloading_the_follow_up_report(
    live_server: Any, browser_page: tuple[Any, list[str]], analyst: Any, tmp_path: Path
) -> None:
    page, problems = browser_page
    log_in(page, live_server, analyst)
    page.goto(live_server.url + "/arbetsrum/planer/")
    page.get_by_role("link", name="Årlig uppföljningsrapport (PDF)").click()
    page.get_by_label("År", exact=True).select_option("2016")
    with page.expect_download() as info:
        page.get_by_role("button", name="Ladda ned rapporten (PDF)").click()
    download = info.value
    assert download.suggested_filename == "varna-uppfoljning-2016.pdf"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF")
    no_problems(problems)
