"""axe-core over every workspace page a member can open, as the holder and as the police.

The site walk (tests/browser/site.py) sees the workspace only as a visitor who is not
logged in – the login page. Here every workspace URL of the permission table's world
is opened as two signed-in users, in Swedish and a sample in English; every HTML page
that answers 200 is checked. A page added later is checked as soon as the permission
table gives its URL a row.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from tests.axe import AXE, audit, describe
from tests.chromium import signed_in_context
from tests.workspace import empty_audit_log_for_flush, logged_in
from tests.workspace_world import World, build_world, url_kwargs, visits

from varna.web.accounts.services import units_sync
from varna.web.core.municipality import current_municipality

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not AXE.exists(), reason=f"no axe-core at {AXE}: run `make browser-deps`"),
]

VIEWERS = ("holder", "police", "convener")
ENGLISH_SAMPLE = ("workspace:start", "matters:detail", "meetings:detail", "consent:detail")


@pytest.fixture
def world(transactional_db: Any, live_server: Any) -> Iterator[World]:
    units_sync(municipality=current_municipality())
    yield build_world()
    empty_audit_log_for_flush()


def _pages(world: World, who: str) -> tuple[Client, list[str]]:
    """The workspace's HTML pages that answer ``who`` with 200."""
    user = world.users[who]
    assert user is not None
    client = logged_in(user)
    found: list[str] = []
    for route, key in visits(world):
        languages = ("sv", "en") if route.name in ENGLISH_SAMPLE else ("sv",)
        for language in languages:
            with translation.override(language):
                url = reverse(route.name, kwargs=url_kwargs(route, world.objects[key]) if key else None)
            response = client.get(url)
            if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
                found.append(url)
    return client, list(dict.fromkeys(found))


def test_no_workspace_page_has_a_serious_or_critical_violation(
    live_server: Any, browser: Any, world: World
) -> None:
    failures: list[str] = []
    checked = 0
    for who in VIEWERS:
        client, pages = _pages(world, who)
        context = signed_in_context(browser, live_server.url, client, bypass_csp=True)
        page = context.new_page()
        try:
            for path in pages:
                response = page.goto(live_server.url + path)
                assert response is not None and response.status == 200, (who, path)
                violations = audit(page)
                checked += 1
                if violations:
                    failures.append(describe(f"{path} (as {who})", violations))
        finally:
            context.close()
    assert checked >= 40, f"only {checked} workspace pages were reached: the walk has lost its way"
    assert not failures, f"{len(failures)} of {checked} pages fail:\n" + "\n\n".join(failures)
    print(f"axe found no serious or critical violation on {checked} workspace pages")  # noqa: T201
