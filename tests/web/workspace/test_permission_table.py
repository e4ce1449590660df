"""Nobody reads another authority's individual data without a disclosure: every URL, every user.

The test walks the URL map itself, so a page, export, PDF or API endpoint added
later is visited too – and fails the test until it is given a row in ``OBJECTS``
(tests/workspace_world.py: which object its URL arguments name). Each response is
searched for *markers*: unique words planted in individual data of one authority's
branch. A marker may appear only for the users that branch (or a disclosure) lets
read it; and each marker must appear for at least one user on at least one page, so
the test cannot pass by every page showing nothing.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from tests.workspace_world import (
    MARKER_READERS,
    OBJECTS,
    World,
    build_world,
    client_for,
    response_text,
    url_kwargs,
    visits,
    workspace_routes,
)

from varna.web.accounts.models import Unit
from varna.web.consent.models import ConsentRecord
from varna.web.disclosures.models import Disclosure
from varna.web.matters.models import Matter, MatterDecision, Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(units: dict[str, Unit]) -> World:
    return build_world()


def test_every_workspace_url_has_a_row_in_the_table(units: dict[str, Unit]) -> None:
    missing = [r.name for r in workspace_routes() if r.arguments and r.name not in OBJECTS]
    assert not missing, f"give these URLs a row in OBJECTS: {missing}"


def test_the_url_map_is_walked(units: dict[str, Unit]) -> None:
    names = {r.name for r in workspace_routes()}
    assert "workspace:start" in names


def test_no_marker_reaches_a_user_who_may_not_read_it(world: World) -> None:
    seen: dict[str, set[str]] = {marker: set() for marker in MARKER_READERS}
    leaks: list[str] = []
    clients = {key: client_for(user) for key, user in world.users.items()}
    for route, key in visits(world):
        url = reverse(route.name, kwargs=url_kwargs(route, world.objects[key]) if key else None)
        for who, client in clients.items():
            response = client.get(url)
            if response.status_code != 200:
                continue
            text = response_text(response)
            for marker, readers in MARKER_READERS.items():
                if marker in text:
                    seen[marker].add(who)
                    if who not in readers:
                        leaks.append(f"{who} read {marker!r} at {url} ({route.name})")
    assert not leaks, "\n".join(leaks)
    unseen = [marker for marker, readers in seen.items() if not readers]
    assert not unseen, (
        f"no page showed these markers to anyone, so the test proves nothing for them: {unseen}"
    )


# Objects of the holding authority that nobody else may reach in any way, and who else may.
PRIVATE_OBJECTS: dict[str, frozenset[str]] = {
    "matter_undisclosed": frozenset({"holder"}),
    "person_undisclosed": frozenset({"holder"}),
    "person": frozenset({"holder"}),
    "consent": frozenset({"holder"}),
    "matter_police": frozenset({"police"}),
    "person_police": frozenset({"police"}),
}


def test_nobody_else_gets_anything_but_a_refusal_for_undisclosed_individual_data(world: World) -> None:
    """GET and POST alike: 404 (or 403, or the login page) – and nothing changes."""
    wrong: list[str] = []
    clients = {key: client_for(user) for key, user in world.users.items()}
    before = _fingerprint()
    for route in workspace_routes():
        for key in OBJECTS.get(route.name) or ():
            if key not in PRIVATE_OBJECTS:
                continue
            url = reverse(route.name, kwargs=url_kwargs(route, world.objects[key]))
            for who, client in clients.items():
                if who in PRIVATE_OBJECTS[key]:
                    continue
                for method in ("get", "post"):
                    response = getattr(client, method)(url)
                    refused = response.status_code in (401, 403, 404, 405) or (
                        response.status_code == 302 and "/konto/logga-in/" in response["Location"]
                    )
                    if not refused:
                        wrong.append(f"{who} {method.upper()} {url} ({route.name}) → {response.status_code}")
    assert not wrong, "\n".join(wrong)
    assert _fingerprint() == before, "a refused request changed saved data"


def _fingerprint() -> list[Any]:
    return [
        list(Matter.objects.order_by("pk").values_list("pk", "title", "summary", "status", "version")),
        list(Person.objects.order_by("pk").values_list("pk", "name")),
        list(ConsentRecord.objects.order_by("pk").values_list("pk", "withdrawn_at")),
        list(Disclosure.objects.order_by("pk").values_list("pk", "content")),
        list(MatterDecision.objects.order_by("pk").values_list("pk", "text")),
    ]


def test_the_anonymous_are_sent_to_the_login_page_everywhere(world: World) -> None:
    client = Client()
    wrong = []
    for route, key in visits(world):
        if route.name in ("accounts:login", "accounts:logout"):
            continue
        url = reverse(route.name, kwargs=url_kwargs(route, world.objects[key]) if key else None)
        response = client.get(url)
        if url.startswith("/api/"):
            ok = response.status_code == 401
        else:
            ok = response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
        if not ok:
            wrong.append(f"{url} ({route.name}) → {response.status_code}")
    assert not wrong, "\n".join(wrong)


def test_a_user_without_a_unit_reads_no_individual_data(world: World) -> None:
    client = client_for(world.users["no_unit"])
    for route, key in visits(world):
        if not key or (key not in PRIVATE_OBJECTS and key not in ("matter", "disclosure")):
            continue
        url = reverse(route.name, kwargs=url_kwargs(route, world.objects[key]))
        assert client.get(url).status_code in (302, 403, 404, 405), url
