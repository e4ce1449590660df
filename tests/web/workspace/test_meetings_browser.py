"""A whole meeting in a real browser (Debian's Chromium via Playwright), with the CSP in force.

The convener calls the meeting; the social secretary puts a matter on the agenda,
reads Värna's de-identification and confirms it, and adds an identified item on a
recorded legal basis; the page shows per attendee who may take part and who may only
listen; a decision and an action are recorded; the minutes come as a PDF. Each page
on the way is checked with axe-core: no serious or critical violation.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from tests.axe import AXE, audit, describe
from tests.chromium import NEEDS_CHROMIUM, launched_chromium, signed_in_context, watch
from tests.web.sharing.test_pdf import pdf_text
from tests.web.workspace.meetings_fixtures import ORIGINAL, Team, build_team
from tests.workspace import empty_audit_log_for_flush, logged_in

from varna.web.accounts.models import Unit, User
from varna.web.meetings.models import AgendaItem, Meeting

pytestmark = [pytest.mark.browser, NEEDS_CHROMIUM]


@pytest.fixture
def team(units: dict[str, Unit]) -> Team:
    return build_team()


@pytest.fixture
def audit_emptied_afterwards(live_server: Any) -> Iterator[None]:
    """The live server's test ends with a flush, which SQLite's append-only guard refuses.

    Lift the guard as a database owner would, empty the log, and put the guard back,
    so the flush finds nothing to refuse and later tests still meet the guard.
    (PostgreSQL flushes with TRUNCATE, which the row triggers do not see.)
    """
    yield
    empty_audit_log_for_flush()


@pytest.fixture
def chromium() -> Iterator[Any]:
    with launched_chromium() as browser:
        yield browser


def signed_in(
    browser: Any, live_server: Any, user: User, *, bypass_csp: bool = False
) -> tuple[Any, list[str]]:
    context = signed_in_context(
        browser, live_server.url, logged_in(user), bypass_csp=bypass_csp, accept_downloads=True
    )
    page = context.new_page()
    return page, watch(page)


def check_axe(browser: Any, live_server: Any, user: User, paths: list[str]) -> None:
    if not AXE.exists():
        return
    page, _problems = signed_in(browser, live_server, user, bypass_csp=True)
    for path in paths:
        page.goto(live_server.url + path)
        violations = audit(page)
        assert not violations, describe(path, violations)
    page.context.close()


def unexpected(problems: list[str]) -> list[str]:
    """Console problems other than the 400 a refused form answers with (the test provokes two)."""
    return [p for p in problems if "status of 400" not in p]


def test_a_whole_meeting(live_server: Any, chromium: Any, team: Team, audit_emptied_afterwards: None) -> None:
    # The convener calls a meeting with the social secretary and the teacher.
    page, problems = signed_in(chromium, live_server, team.convener)
    page.goto(live_server.url + "/arbetsrum/moten/")
    page.get_by_role("link", name="Kalla till möte").click()
    page.get_by_label("Rubrik").fill("Samverkansgruppen i december")
    page.get_by_label("Börjar").fill("2030-12-01T13:00")
    page.get_by_label("Plats").fill("Stadshuset")
    attendees = page.get_by_role("group", name="Deltagare")
    attendees.get_by_label("Socialsekreterare", exact=False).check()
    attendees.get_by_label("Larare", exact=False).check()
    page.get_by_role("button", name="Skapa mötet").click()
    page.get_by_role("heading", name="Samverkansgruppen i december").wait_for()
    meeting = Meeting.objects.get(title="Samverkansgruppen i december")
    assert not unexpected(problems), problems
    page.context.close()

    # The social secretary puts the matter on the agenda, de-identified, and confirms the description.
    page, problems = signed_in(chromium, live_server, team.social)
    page.goto(live_server.url + f"/arbetsrum/moten/{meeting.pk}/")
    page.get_by_role("link", name="Lägg till en punkt").click()
    page.get_by_label("Rubrik").fill("Oro för en elev")
    page.get_by_label("Ärende").select_option(str(team.matter.pk))
    page.get_by_role("button", name="Lägg till punkten").click()
    page.get_by_role("heading", name="Avidentifierad fallbeskrivning", exact=True).wait_for()
    assert "Ahmed" not in page.get_by_label("Avidentifierad fallbeskrivning").input_value()
    page.get_by_role("button", name="Bekräfta beskrivningen").click()
    page.get_by_text("Kryssa i rutan för att bekräfta").first.wait_for()  # refused without the box
    page.get_by_label("Jag har läst beskrivningen").check()
    page.get_by_role("button", name="Bekräfta beskrivningen").click()
    page.get_by_text("Avidentifierad – alla får delta.").wait_for()
    description_path = f"/arbetsrum/moten/punkter/{AgendaItem.objects.get().pk}/beskrivning/"

    # … and an identified item on a recorded legal basis.
    page.get_by_role("link", name="Lägg till en punkt").click()
    page.get_by_label("Rubrik").fill("Identifierad genomgång")
    page.get_by_label("Ärende").select_option(str(team.matter.pk))
    page.get_by_role("group", name="Presentation").get_by_label("Identifierad genomgång").check()
    page.get_by_role("button", name="Lägg till punkten").click()
    page.get_by_text("En identifierad genomgång kräver").first.wait_for()  # refused without a basis
    page.get_by_label("Slag av uppgift").select_option("personal_circumstances")
    facts = page.get_by_role("group", name="Antecknade omständigheter")
    facts.get_by_role("checkbox").first.check()
    page.get_by_label("Antecknad rättslig grund").fill("OSL 10:18 a")
    page.get_by_role("button", name="Lägg till punkten").click()
    table = page.get_by_role("table", name="Vad varje deltagare får göra")
    table.wait_for()
    assert table.get_by_role("row", name="Socialsekreterare").get_by_text("får bara lyssna").is_visible()
    assert table.get_by_role("row", name="Larare").get_by_text("får delta").is_visible()
    table.get_by_role("row", name="Socialsekreterare").locator("summary").click()
    assert table.get_by_text("OSL 26:1").first.is_visible()

    # A decision and an action under the first item.
    page.get_by_role("link", name="Anteckna ett beslut").first.click()
    page.get_by_label("Beslut").fill("Skolan kontaktar hemmet.")
    page.get_by_label("Ansvarig myndighet").select_option("grundskolenamnden")
    page.get_by_role("button", name="Anteckna beslutet").click()
    page.get_by_role("link", name="Ny åtgärd för punkten").first.click()
    page.get_by_label("Åtgärd").fill("Ring vårdnadshavarna")
    page.get_by_label("Klar senast").fill("2030-12-15")
    page.get_by_role("button", name="Skapa åtgärden").click()
    page.get_by_role("link", name="Ring vårdnadshavarna").first.wait_for()

    # The minutes as PDF.
    with page.expect_download() as download:
        page.get_by_role("link", name="Protokollet som PDF").first.click()
    text = pdf_text(open(download.value.path(), "rb").read())  # noqa: PTH123, SIM115
    assert "Skolan kontaktar hemmet." in text and "Ring vårdnadshavarna" in text
    assert "Ahmed" not in text and ORIGINAL[:30] not in text
    assert not unexpected(problems), problems
    page.context.close()

    action = meeting.actions.get()
    check_axe(
        chromium,
        live_server,
        team.social,
        [
            f"/arbetsrum/moten/{meeting.pk}/",
            f"/arbetsrum/moten/{meeting.pk}/punkter/ny/",
            description_path,
            f"/arbetsrum/moten/{meeting.pk}/protokoll/",
            f"/arbetsrum/moten/{meeting.pk}/atgarder/ny/",
            "/arbetsrum/atgarder/",
            f"/arbetsrum/atgarder/{action.pk}/",
            "/arbetsrum/moten/",
            "/arbetsrum/",
        ],
    )
    check_axe(
        chromium,
        live_server,
        team.convener,
        ["/arbetsrum/moten/nytt/", f"/arbetsrum/moten/{meeting.pk}/andra/"],
    )
