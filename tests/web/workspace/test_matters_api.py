"""The workspace JSON API: session login, the same reach as the pages."""

from __future__ import annotations

import pytest
from django.urls import reverse
from tests.web.workspace.matters_world import (
    DISCLOSED_TEXT,
    SECRET_NAME,
    SECRET_SUMMARY,
    World,
    disclose_to_police,
    world_fixture,  # noqa: F401 (the fixture "world")
    written_consent,
)
from tests.workspace import make_matter

from varna.web.audit.models import Action, AuditEntry

pytestmark = pytest.mark.django_db


def test_anonymous_gets_401_json(world: World) -> None:
    for url in (reverse("workspace_api:matters"), reverse("workspace_api:matter", args=[world.matter.pk])):
        response = world.client("anonymous").get(url)
        assert response.status_code == 401
        assert response["Content-Type"] == "application/json" and "message" in response.json()


def test_list_follows_matters_for(world: World) -> None:
    group = make_matter(world.holder, individual=False, title="Gruppärendet")
    holder = world.client("holder").get(reverse("workspace_api:matters")).json()["matters"]
    assert {m["id"] for m in holder} == {world.matter.pk, group.pk}
    police = world.client("police").get(reverse("workspace_api:matters")).json()["matters"]
    assert [m["id"] for m in police] == [group.pk]
    written_consent(world.holder, world.matter)
    disclose_to_police(world)
    police = world.client("police").get(reverse("workspace_api:matters")).json()["matters"]
    disclosed = next(m for m in police if m["id"] == world.matter.pk)
    assert disclosed == {
        "id": world.matter.pk,
        "kind": "individual",
        "title": world.matter.title,
        "reach": "disclosed",
    }
    assert world.client("no_unit").get(reverse("workspace_api:matters")).json() == {"matters": []}


@pytest.mark.parametrize(
    ("who", "status"),
    [("holder", 200), ("other_branch", 404), ("police", 404), ("school", 404), ("no_unit", 404)],
)
def test_detail_without_disclosure(world: World, who: str, status: int) -> None:
    response = world.client(who).get(reverse("workspace_api:matter", args=[world.matter.pk]))
    assert response.status_code == status
    if status == 200:
        document = response.json()
        assert document["description"] == SECRET_SUMMARY and document["person"]["name"] == SECRET_NAME
    else:
        assert SECRET_SUMMARY not in response.content.decode()


def test_detail_with_disclosure_shows_only_the_disclosure(world: World) -> None:
    written_consent(world.holder, world.matter)
    disclose_to_police(world)
    response = world.client("police").get(reverse("workspace_api:matter", args=[world.matter.pk]))
    assert response.status_code == 200
    document = response.json()
    assert document["reach"] == "disclosed" and [d["content"] for d in document["disclosures"]] == [
        DISCLOSED_TEXT
    ]
    text = response.content.decode()
    assert SECRET_SUMMARY not in text and SECRET_NAME not in text and "description" not in document
    assert (
        world.client("school").get(reverse("workspace_api:matter", args=[world.matter.pk])).status_code == 404
    )
    assert AuditEntry.objects.filter(
        action=Action.READ, username="police", object_id=str(world.matter.pk)
    ).exists()


def test_missing_matter_is_404(world: World) -> None:
    response = world.client("holder").get(reverse("workspace_api:matter", args=[99999]))
    assert response.status_code == 404 and response.json()["message"]
