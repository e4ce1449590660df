"""Debian's Chromium through Playwright, launched one way for every browser test.

The project's rule: the system browser at /usr/bin/chromium with fixed flags, never
a browser Playwright downloads; without it the browser tests are skipped.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run",
]
NEEDS_CHROMIUM = pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no system Chromium at {CHROMIUM}")


@contextmanager
def launched_chromium() -> Iterator[Any]:
    """A running Chromium, closed afterwards.

    The sync API runs an event loop in this thread, and Django refuses database work
    "in async context" unless told that this is safe – which it is: the live server
    answers in its own thread.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        patch.setenv("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            try:
                yield browser
            finally:
                browser.close()


def watch(page: Any) -> list[str]:
    """The console errors and page errors of ``page``, collected as they come."""
    problems: list[str] = []

    def on_console(message: Any) -> None:
        where = message.location.get("url", "")
        # The browser asks for /favicon.ico on its own; the site has none, and that is not a fault.
        if message.type in ("error", "warning") and not where.endswith("/favicon.ico"):
            problems.append(f"console {message.type}: {message.text} ({where})")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    return problems


@pytest.fixture
def browser_page() -> Iterator[tuple[Any, list[str]]]:
    """A fresh Swedish-locale page, and the list of console errors and page errors it collects."""
    with launched_chromium() as browser:
        context = browser.new_context(locale="sv-SE")
        page = context.new_page()
        problems = watch(page)
        yield page, problems
        context.close()


def signed_in_context(browser: Any, base_url: str, client: Client, **options: Any) -> Any:
    """A new context (Swedish unless ``options`` say otherwise) carrying ``client``'s session cookie.

    The page is signed in as whoever ``client`` logged in as (``force_login``), without
    walking the login form – for tests about the pages behind it.
    """
    context = browser.new_context(**{"locale": "sv-SE", **options})
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": base_url}])
    return context


def log_in_through_form(page: Any, base_url: str, username: str, password: str, *, path: str) -> None:
    """Open ``path`` (the login page, or a page behind it that sends there) and log in as a person would."""
    page.goto(base_url + path)
    page.get_by_label("Användarnamn").fill(username)
    page.get_by_label("Lösenord").fill(password)
    page.get_by_role("button", name="Logga in").click()
