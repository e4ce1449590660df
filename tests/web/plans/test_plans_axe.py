"""axe-core on the plans pages and the situational picture: no serious or critical violation.

The pages need a signed-in user, so the site-wide walk (tests/browser) does not reach
them; this test signs in with a session cookie and checks each page in Swedish and
English, forms with their error state included. axe is injected as a script, so this
context alone ignores the Content-Security-Policy; the other browser tests keep it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from tests.axe import AXE, audit, audit_pages, describe
from tests.chromium import NEEDS_CHROMIUM, launched_chromium, signed_in_context
from tests.workspace import empty_audit_log_for_flush, logged_in, make_matter, make_user

from varna.web.core.municipality import current_municipality
from varna.web.plans.models import Indicator, Plan
from varna.web.plans.services import plans_load_default

pytestmark = [
    pytest.mark.browser,
    NEEDS_CHROMIUM,
    pytest.mark.skipif(not AXE.exists(), reason=f"no axe-core at {AXE}: run `make browser-deps`"),
]


@pytest.fixture
def world(transactional_db: Any, units: Any, live_server: Any) -> Iterator[dict[str, Any]]:
    plans_load_default(municipality=current_municipality())
    user = make_user("trygghet-och-sakerhet", username="axe-analytiker")
    for district in ("norr", "norr", "soder", "oster", "norr", "norr", "norr"):
        make_matter(user, individual=False, district=district)
    plan = Plan.objects.get(key="kompetens-2016")
    activity = plan.activities.get(key="workshop-normbrytande")
    Indicator.objects.create(activity=activity, name="Deltagare", target=100, current=40)
    yield {"user": user, "plan": plan, "activity": activity, "area": plan.areas.first()}
    empty_audit_log_for_flush()


def test_no_plans_page_has_a_serious_or_critical_violation(live_server: Any, world: dict[str, Any]) -> None:
    client = logged_in(world["user"])
    plan, activity, area = world["plan"].pk, world["activity"].pk, world["area"].pk
    paths = [
        "/arbetsrum/",
        "/arbetsrum/planer/",
        "/arbetsrum/planer/ny/",
        f"/arbetsrum/planer/{plan}/",
        f"/arbetsrum/planer/{plan}/andra/",
        f"/arbetsrum/planer/{plan}/aktiviteter/ny/",
        f"/arbetsrum/planer/omraden/{area}/andra/",
        f"/arbetsrum/planer/aktiviteter/{activity}/",
        f"/arbetsrum/planer/aktiviteter/{activity}/atgarder/",
        f"/arbetsrum/planer/aktiviteter/{activity}/indikatorer/ny/",
        "/arbetsrum/planer/uppfoljning/",
        "/arbetsrum/planer/rapport/",
        "/arbetsrum/planer/rapport/uppfoljning.pdf?year=tjugo",
        "/arbetsrum/lagesbild/",
    ]
    with launched_chromium() as browser:
        context = signed_in_context(browser, live_server.url, client, bypass_csp=True)
        page = context.new_page()
        found = audit_pages(page, live_server.url, paths, bad=[p for p in paths if "tjugo" in p])
        # The error states of a form: sent empty.
        page.goto(live_server.url + "/arbetsrum/planer/ny/")
        page.locator("form button[type=submit]").last.click()
        page.wait_for_selector(".error-summary")
        if problems := audit(page):
            found["new plan, sent empty"] = problems
        context.close()
    assert not found, "\n\n".join(describe(where, problems) for where, problems in found.items())
