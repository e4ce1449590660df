"""Who reaches a meeting's pages: attendees and the convener; everyone else gets "not found"."""

from __future__ import annotations

import pytest
from django.urls import reverse
from tests.web.workspace.meetings_fixtures import Team, at, build_team
from tests.workspace import logged_in, make_user

from varna.web.accounts.models import Role, Unit
from varna.web.audit.models import AuditEntry
from varna.web.meetings import services
from varna.web.meetings.models import Attendance, Meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(units: dict[str, Unit]) -> Team:
    return build_team()


def meeting_urls(t: Team) -> list[str]:
    """Every URL of one meeting, with an item and an action to reach."""
    item = services.item_create(meeting=t.meeting, user=t.social, title="Oro", matter=t.matter)
    action = services.action_create(
        meeting=t.meeting,
        user=t.convener,
        title="Kontakta skolan",
        responsible_unit=t.school.unit,
        due_on=at(7).date(),
        item=item,
    )
    m, i = t.meeting.pk, item.pk
    return [
        reverse("meetings:detail", args=[m]),
        reverse("meetings:edit", args=[m]),
        reverse("meetings:item_create", args=[m]),
        reverse("meetings:item_edit", args=[i]),
        reverse("meetings:item_description", args=[i]),
        reverse("meetings:decision_create", args=[i]),
        reverse("meetings:minutes", args=[m]),
        reverse("meetings:minutes_pdf", args=[m]),
        reverse("meetings:action_create", args=[m]),
        reverse("meetings:action", args=[action.pk]),
    ]


def test_a_non_attendee_gets_404_on_every_url_of_the_meeting_get_and_post(team: Team) -> None:
    client = logged_in(team.outsider)
    for url in meeting_urls(team):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"title": "x", "text": "x", "version": 1}).status_code == 404, url
    assert team.meeting.title not in client.get(reverse("meetings:index")).content.decode()
    assert "Kontakta skolan" not in client.get(reverse("meetings:actions")).content.decode()


def test_an_administrator_who_does_not_attend_gets_404_too(team: Team) -> None:
    admin = make_user("trygghet-och-sakerhet", role=Role.ADMINISTRATOR, username="admin")
    client = logged_in(admin)
    for url in meeting_urls(team):
        assert client.get(url).status_code == 404, url


def test_every_url_needs_login(team: Team, client: object) -> None:
    from django.test import Client

    anonymous = Client()
    for url in [
        *meeting_urls(team),
        reverse("meetings:index"),
        reverse("meetings:create"),
        reverse("meetings:actions"),
    ]:
        response = anonymous.get(url)
        assert (response.status_code == 302 and "/logga-in" in response["Location"]) or "login" in response[
            "Location"
        ], url


def test_attendees_reach_the_meeting_page(team: Team) -> None:
    for user in (team.convener, team.social, team.school, team.police):
        response = logged_in(user).get(reverse("meetings:detail", args=[team.meeting.pk]))
        assert response.status_code == 200
        assert "Samverkansgruppen" in response.content.decode()


def test_only_a_convener_may_create_a_meeting(team: Team) -> None:
    response = logged_in(team.school).get(reverse("meetings:create"))
    assert response.status_code == 403
    response = logged_in(team.school).post(
        reverse("meetings:create"), {"title": "Eget möte", "starts_at": "2030-01-01T10:00"}
    )
    assert response.status_code == 403
    assert not Meeting.objects.filter(title="Eget möte").exists()
    assert "Kalla till möte" not in logged_in(team.school).get(reverse("meetings:index")).content.decode()


def test_a_convener_creates_a_meeting_with_attendees_and_their_units(team: Team) -> None:
    client = logged_in(team.convener)
    assert "Kalla till möte" in client.get(reverse("meetings:index")).content.decode()
    response = client.post(
        reverse("meetings:create"),
        {
            "title": "Nytt möte",
            "starts_at": "2030-01-01T10:00",
            "place": "Rummet",
            "attendees": [team.social.pk, team.police.pk],
        },
    )
    meeting = Meeting.objects.get(title="Nytt möte")
    assert response.status_code == 302 and response["Location"] == reverse(
        "meetings:detail", args=[meeting.pk]
    )
    units = {a.user_id: a.unit_id for a in Attendance.objects.filter(meeting=meeting)}
    assert units == {
        team.convener.pk: team.convener.unit_id,
        team.social.pk: team.social.unit_id,
        team.police.pk: team.police.unit_id,
    }
    entry = AuditEntry.objects.filter(
        action="create", object_type="meetings.meeting", object_id=str(meeting.pk)
    ).get()
    assert entry.username == team.convener.username
    page = client.get(response["Location"]).content.decode()
    assert "Individ- och familjeomsorgen" in page or team.social.unit.name in page
    assert "Socialtjänst" in page  # the actor kind's label


def test_bad_input_is_named_and_nothing_is_saved(team: Team) -> None:
    client = logged_in(team.convener)
    response = client.post(
        reverse("meetings:create"), {"title": "", "starts_at": "i morgon", "attendees": ["999999"]}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Skriv en titel." in page
    assert "ÅÅÅÅ-MM-DD" in page
    assert 'href="#id_title"' in page
    assert Meeting.objects.count() == 1


def test_the_attendee_keeps_the_unit_of_the_day_of_the_meeting(team: Team) -> None:
    attendance = Attendance.objects.get(meeting=team.meeting, user=team.school)
    team.school.unit = team.police.unit
    team.school.save()
    attendance.refresh_from_db()
    assert attendance.unit.code == "grundskolorna"


def test_only_the_convener_changes_the_meeting_and_attendees(team: Team) -> None:
    url = reverse("meetings:edit", args=[team.meeting.pk])
    assert logged_in(team.school).get(url).status_code == 403
    response = logged_in(team.convener).post(
        url,
        {
            "title": "Samverkansgruppen",
            "starts_at": "2030-02-01T09:00",
            "attendees": [team.social.pk],
        },
    )
    assert response.status_code == 302
    assert set(team.meeting.attendances.values_list("user__username", flat=True)) == {
        "sammankallande",
        "socialsekreterare",
    }
    assert logged_in(team.police).get(reverse("meetings:detail", args=[team.meeting.pk])).status_code == 404


def test_the_english_pages_render(team: Team) -> None:
    url = reverse("meetings:detail", args=[team.meeting.pk])
    client = logged_in(team.convener)
    page = client.get("/en" + url).content.decode()
    assert "Attendees" in page and "Agenda" in page
    page = logged_in(team.convener).get(url).content.decode()
    assert "Deltagare" in page and "Dagordning" in page
