"""Shared fixtures for the web tests.

Settings recognise a test run by ``pytest`` being imported (pytest-django loads
them before this file), so nothing needs to be set up here for the settings.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation
from tests.chromium import browser_page  # noqa: F401 (the browser tests' fixture)
from tests.workspace import units  # noqa: F401 (the workspace tests' fixture)


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """Each test starts in the default language: a request to an /en/ page activates English
    for the whole thread, which would otherwise leak into the next test's reverse()."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture
def api_client() -> Client:
    """A client for the JSON API; CSRF checks are on so csrf_exempt is really tested."""
    return Client(enforce_csrf_checks=True)
