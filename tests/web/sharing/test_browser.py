"""One walk through the wizard in a real browser: Debian's Chromium, driven by Playwright.

It starts on the home page and only clicks, ticks and types – as a person would –
until the answer is shown, then checks the outcome, that a provision is linked, and
that the Content-Security-Policy blocked nothing (no inline script or style slipped
into the pages). Playwright never downloads a browser here: the system Chromium is
used, and without it the test is skipped.
"""

from __future__ import annotations

from typing import Any

import pytest
from tests.chromium import NEEDS_CHROMIUM

pytestmark = [pytest.mark.browser, NEEDS_CHROMIUM]


def test_a_social_worker_walks_to_osl_10_18a(live_server: Any, browser_page: tuple[Any, list[str]]) -> None:
    page, problems = browser_page
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Starta sekretessguiden").click()

    page.get_by_text("Steg 1 av 7").wait_for()
    page.get_by_label("Socialtjänsten (individ- och familjeomsorg, sociala resursförvaltningen)").check()
    page.get_by_role("button", name="Fortsätt").click()

    page.get_by_role("group", name="Vem skulle få uppgiften?").get_by_label("Polismyndigheten").check()
    page.get_by_role("button", name="Fortsätt").click()

    page.get_by_label("Direkt till mottagaren i enrum").check()
    page.get_by_label("Vilken dag skulle du lämna uppgiften?").fill("2016-02-01")
    page.get_by_role("button", name="Fortsätt").click()

    page.get_by_label("Personliga förhållanden").check()
    page.get_by_role("button", name="Fortsätt").click()

    page.get_by_role("group", name="Kan någon känna igen personen på det du skulle säga?").get_by_label(
        "Ja, personen kan kännas igen").check()
    page.get_by_label("Nej, eller jag är inte säker").check()
    page.get_by_label("Ålder i år").fill("19")
    page.get_by_label("Inget samtycke").check()
    page.get_by_role("button", name="Fortsätt").click()

    page.get_by_label("Särskilda omständigheter visar en risk för att den unge kommer att utöva "
                      "brottslig verksamhet").check()
    page.get_by_label("Uppgiften kan antas bidra till att förhindra det").check()
    page.get_by_role("button", name="Visa svaret").click()

    page.get_by_role("heading", name="Ja, du får lämna uppgiften").wait_for()
    assert "/dela/svar/" in page.url
    link = page.get_by_role("link", name="OSL 10:18a").first
    assert link.get_attribute("href") == "/lagrum/osl-10-18a/"
    link.click()
    page.get_by_role("heading", name="OSL 10:18a").wait_for()
    assert page.url.endswith("/lagrum/osl-10-18a/")

    csp = [p for p in problems if "Content Security Policy" in p or "Content-Security-Policy" in p]
    assert not csp, csp
    assert not problems, problems
