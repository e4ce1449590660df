"""Debian's Chromium through Playwright, launched as tests/web/sharing/test_browser.py launches it.

One browser per test module; each test gets its own context. Without the system
Chromium the tests are skipped – Playwright never downloads a browser here.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"no system Chromium at {CHROMIUM} (make browser-deps installs it as root)")
    with pytest.MonkeyPatch.context() as patch:
        # The sync API runs an event loop in this thread, and Django refuses database work
        # "in async context" unless told it is safe – which it is: the live server answers
        # in its own thread, and this thread only sets up and flushes the test database.
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        patch.setenv("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            try:
                yield launched
            finally:
                launched.close()
