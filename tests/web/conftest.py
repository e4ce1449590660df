"""Shared fixtures for the web tests.

Settings recognise a test run by ``pytest`` being imported (pytest-django loads
them before this file), so nothing needs to be set up here for the settings.
"""

from __future__ import annotations

import pytest
from django.test import Client


@pytest.fixture
def api_client() -> Client:
    """A client for the JSON API; CSRF checks are on so csrf_exempt is really tested."""
    return Client(enforce_csrf_checks=True)
