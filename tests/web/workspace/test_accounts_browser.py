"""In Chromium: log in through the form (a demo login too, from this machine), log out; axe-core on
the login page, the administrator's pages and the audit log, in Swedish and English.

axe is injected as a script, so the axe context alone ignores the Content-Security-Policy;
the login walk keeps it, and fails on any console error (an inline script or style would be one).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from tests.axe import AXE, audit, audit_pages, describe
from tests.chromium import NEEDS_CHROMIUM, launched_chromium, log_in_through_form, watch
from tests.workspace import PASSWORD, empty_audit_log_for_flush, make_user

from varna.web.accounts.models import Role
from varna.web.audit.models import Action, AuditEntry
from varna.web.workspace.demo import DEMO_PASSWORD, demo_load

pytestmark = [pytest.mark.browser, NEEDS_CHROMIUM]


@pytest.fixture
def world(transactional_db: Any, units: Any, live_server: Any) -> Iterator[dict[str, Any]]:
    admin = make_user("trygghet-och-sakerhet", role=Role.ADMINISTRATOR, username="webbadmin")
    member = make_user("ifo-norr", username="webbmedlem")
    yield {"admin": admin, "member": member}
    empty_audit_log_for_flush()


def _log_in(page: Any, base: str, username: str, password: str, path: str = "/arbetsrum/") -> None:
    log_in_through_form(page, base, username, password, path=path)


def test_logging_in_and_out_through_the_form(live_server: Any, world: dict[str, Any]) -> None:
    with launched_chromium() as browser:
        context = browser.new_context(locale="sv-SE")
        page = context.new_page()
        problems = watch(page)
        _log_in(page, live_server.url, "webbmedlem", "fel-lösenord-här")
        assert "Användarnamnet eller lösenordet är fel" in page.locator(".error-summary").inner_text()
        _log_in(page, live_server.url, "webbmedlem", PASSWORD, path="/arbetsrum/logg/")
        # A member is sent on to the page asked for, which refuses them.
        assert page.url.endswith("/arbetsrum/logg/")
        assert page.get_by_role("heading", level=1).inner_text() == "Inte tillåtet"
        page.goto(live_server.url + "/arbetsrum/")
        assert page.get_by_role("heading", level=1).inner_text() == "Arbetsrummet"
        page.get_by_role("button", name="Logga ut").click()
        assert "Du är utloggad." in page.content()
        assert page.url.endswith("/konto/logga-in/")
        context.close()
    # The one expected complaint: the browser logs the 403 of the page the member may not open.
    assert [p for p in problems if "status of 403" not in p] == [], problems
    actions = list(AuditEntry.objects.filter(username="webbmedlem").values_list("action", flat=True))
    assert actions == [Action.LOGIN_FAILED, Action.LOGIN, Action.LOGOUT]


def test_a_demo_login_works_in_a_browser_on_this_machine(live_server: Any, world: dict[str, Any]) -> None:
    demo_load()
    with launched_chromium() as browser:
        context = browser.new_context(locale="sv-SE")
        page = context.new_page()
        _log_in(page, live_server.url, "demo-fritidsledare", DEMO_PASSWORD)
        assert page.get_by_role("heading", level=1).inner_text() == "Arbetsrummet"
        assert "Sanera klottret" in page.content()
        context.close()


@pytest.mark.skipif(not AXE.exists(), reason=f"no axe-core at {AXE}: run `make browser-deps`")
def test_no_serious_or_critical_violation_on_the_login_admin_and_log_pages(
    live_server: Any, world: dict[str, Any]
) -> None:
    member, unit = world["member"], world["member"].unit
    paths = [
        "/arbetsrum/admin/anvandare/",
        "/arbetsrum/admin/anvandare/ny/",
        f"/arbetsrum/admin/anvandare/{member.pk}/",
        f"/arbetsrum/admin/anvandare/{member.pk}/losenord/",
        "/arbetsrum/admin/enheter/",
        "/arbetsrum/admin/enheter/ny/",
        "/arbetsrum/logg/",
        "/arbetsrum/logg/?verify=1",
        "/arbetsrum/logg/?date_from=igår",
    ]
    found: dict[str, list[dict[str, Any]]] = {}
    with launched_chromium() as browser:
        context = browser.new_context(bypass_csp=True, locale="sv-SE")
        page = context.new_page()
        for prefix in ("", "/en"):
            page.goto(live_server.url + prefix + "/konto/logga-in/")
            if problems := audit(page):
                found[prefix + " login"] = problems
        # The login page's error state, then in as the administrator.
        _log_in(page, live_server.url, "webbadmin", "fel-lösenord-här")
        if problems := audit(page):
            found["login, wrong password"] = problems
        _log_in(page, live_server.url, "webbadmin", PASSWORD)
        found |= audit_pages(page, live_server.url, paths, bad=[p for p in paths if "igår" in p])
        for path in ("/arbetsrum/admin/anvandare/ny/", "/arbetsrum/admin/enheter/ny/"):
            page.goto(live_server.url + path)
            page.locator("form.ws-form button[type=submit]").click()
            page.wait_for_selector(".error-summary")
            if problems := audit(page):
                found[path + " sent empty"] = problems
        context.close()
    assert unit is not None
    assert not found, "\n\n".join(describe(where, problems) for where, problems in found.items())
