"""Debian's Chromium through Playwright, launched by tests/chromium.py as every browser test launches it.

One browser per test module; each test gets its own context. Without the system
Chromium the tests are skipped – Playwright never downloads a browser here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from tests.chromium import CHROMIUM, launched_chromium


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip(f"no system Chromium at {CHROMIUM} (make browser-deps installs it as root)")
    with launched_chromium() as launched:
        yield launched
