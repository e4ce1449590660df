"""Shared fixtures for the web tests.

Settings recognise a test run by ``pytest`` being imported (pytest-django loads
them before this file), so nothing needs to be set up here for the settings.
"""

from __future__ import annotations

import logging
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


@pytest.fixture
def every_log_record(caplog: pytest.LogCaptureFixture) -> Iterator[pytest.LogCaptureFixture]:
    """Records from every logger, Django's own included (they do not propagate to the root):
    for tests that prove a page logs nothing a person wrote."""
    django_logger = logging.getLogger("django")
    django_logger.addHandler(caplog.handler)
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="django")
    try:
        yield caplog
    finally:
        django_logger.removeHandler(caplog.handler)
