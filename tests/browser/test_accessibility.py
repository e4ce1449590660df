"""axe-core in Debian's Chromium: no serious or critical violation on any page (issue 3, item 5).

axe-core is injected into each page as a script (tests/axe.py); the site's
Content-Security-Policy allows only its own scripts, so this test's browser
context – and only this one – bypasses the policy. The keyboard test and the
wizard's own browser test run with the policy in force.

The pages are found by ``tests/browser/site.py``: every named URL, links followed
from them, and every GET form walked – so a page any app adds is checked without
editing this file. Pages reached only by POST (the concern note's error and
reminder states) are walked here in the browser.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from tests.axe import AXE, audit, describe
from tests.browser.site import Found, site_pages

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not AXE.exists(), reason=f"no axe-core at {AXE}: run `make browser-deps`"),
]


@pytest.fixture
def axe_page(browser: Any) -> Iterator[Any]:
    """A page whose context ignores the CSP, so axe can be injected as an inline script."""
    context = browser.new_context(bypass_csp=True, locale="sv-SE")
    try:
        yield context.new_page()
    finally:
        context.close()


def test_the_check_itself_finds_what_it_should(axe_page: Any) -> None:
    """A page with known faults, so a check that silently stopped working would fail here."""
    axe_page.set_content(
        "<!DOCTYPE html><html><head><title>t</title></head><body><main>"
        "<img src='x.png'><input type='text'><button></button></main></body></html>"
    )
    violations = audit(axe_page)
    assert {"image-alt", "label", "button-name", "html-has-lang"} <= {v["id"] for v in violations}
    report = describe("the faulty page", violations)
    assert "image-alt (critical)" in report and "at img:" in report


def test_no_page_has_a_serious_or_critical_violation(live_server: Any, axe_page: Any) -> None:
    pages: list[Found] = site_pages()  # what the walk must reach is tested in test_walk.py
    assert len(pages) >= 40

    failures = []
    for found in pages:
        response = axe_page.goto(live_server.url + found.path)
        assert response is not None and response.status == found.status, found
        violations = audit(axe_page)
        if violations:
            failures.append(describe(f"{found.path} ({found.via})", violations))
    checked = "\n".join(f"  {p.status} {p.path}" for p in pages)
    assert not failures, f"{len(failures)} of {len(pages)} pages fail:\n" + "\n\n".join(failures)
    print(f"axe found no serious or critical violation on {len(pages)} pages:\n{checked}")  # noqa: T201


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_concern_note_in_each_state(live_server: Any, axe_page: Any, prefix: str) -> None:
    """The form, its error page and its reminder page are reached by POST, so walked here."""
    page = axe_page
    page.goto(f"{live_server.url}{prefix}/orolig/anteckning/")
    failures = []

    def check(state: str) -> None:
        violations = audit(page)
        if violations:
            failures.append(describe(f"{prefix}/orolig/anteckning/ – {state}", violations))

    check("empty form")
    page.locator("form.note-form button[type=submit]").first.click()
    page.locator(".error-summary").wait_for()
    check("errors")

    page.locator("#field-observed").fill("Han gav mig numret 070-123 45 67 och sa ”jag åker snart”.")
    page.locator("#field-when").fill("2016-02-01 kl. 12.15")
    page.locator("form.note-form button[type=submit]").first.click()
    page.locator(".note-warnings").wait_for()
    check("reminders")

    # The secondary button's hover colours (site.css) must stay readable too.
    page.locator("button.button--secondary").hover()
    violations = audit(page, within="button.button--secondary", rules=("color-contrast",))
    if violations:
        failures.append(describe(f"{prefix}/orolig/anteckning/ – secondary button, hovered", violations))
    assert not failures, "\n\n".join(failures)
