"""Actions from meetings: created, followed up without overwriting, filtered, and overdue ones stand out."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from tests.web.workspace.meetings_fixtures import Team, build_team
from tests.workspace import logged_in

from varna.web.accounts.models import Unit
from varna.web.audit.models import AuditEntry
from varna.web.meetings import services
from varna.web.meetings.models import Action, ActionStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(units: dict[str, Unit]) -> Team:
    return build_team()


def make_action(team: Team, *, days: int, title: str = "Ring vårdnadshavarna", unit: object = None) -> Action:
    return services.action_create(
        meeting=team.meeting,
        user=team.convener,
        title=title,
        responsible_unit=unit or team.school.unit,
        due_on=timezone.localdate() + dt.timedelta(days=days),
    )


def test_an_attendee_creates_an_action_from_the_meeting(team: Team) -> None:
    url = reverse("meetings:action_create", args=[team.meeting.pk])
    client = logged_in(team.police)
    response = client.post(url, {"title": "", "responsible_unit": "", "due_on": "snart"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Skriv åtgärden." in page and "Välj den enhet som ansvarar för åtgärden." in page
    assert "ÅÅÅÅ-MM-DD" in page
    assert not Action.objects.exists()
    response = client.post(
        url, {"title": "Följ upp i skolan", "responsible_unit": team.school.unit_id, "due_on": "2030-01-15"}
    )
    assert response.status_code == 302
    action = Action.objects.get()
    assert action.created_by == team.police and action.status == ActionStatus.OPEN
    entry = AuditEntry.objects.filter(object_type="meetings.action", action="create").get()
    assert entry.username == "polis"


def test_status_and_note_are_saved_against_the_version_read(team: Team) -> None:
    action = make_action(team, days=3)
    url = reverse("meetings:action", args=[action.pk])
    first, second = logged_in(team.school), logged_in(team.convener)
    response = first.post(url, {"status": "in_progress", "note": "Samtal bokat.", "version": 1})
    assert response.status_code == 302
    response = second.post(url, {"status": "cancelled", "note": "Behövs inte.", "version": 1})
    assert response.status_code == 409
    page = response.content.decode()
    assert "Någon annan ändrade åtgärden medan du skrev" in page
    assert "Samtal bokat." in page and "Behövs inte." in page
    action.refresh_from_db()
    assert (
        action.status == ActionStatus.IN_PROGRESS and action.note == "Samtal bokat." and action.version == 2
    )
    response = first.post(url, {"status": "done", "note": "Klart.", "version": 2})
    action.refresh_from_db()
    assert action.status == ActionStatus.DONE and action.done_on == timezone.localdate()


def test_a_bad_status_is_refused(team: Team) -> None:
    action = make_action(team, days=3)
    response = logged_in(team.school).post(
        reverse("meetings:action", args=[action.pk]), {"status": "klar-typ", "note": "x", "version": 1}
    )
    assert response.status_code == 400
    action.refresh_from_db()
    assert action.status == ActionStatus.OPEN and action.note == ""


def test_the_responsible_unit_reaches_the_action_without_attending(team: Team) -> None:
    item = services.item_create(meeting=team.meeting, user=team.social, title="Punktrubriken", matter=None)
    action = services.action_create(
        meeting=team.meeting,
        user=team.convener,
        title="Utomstående enhets sak",
        responsible_unit=team.outsider.unit,
        due_on=timezone.localdate(),
        item=item,
    )
    response = logged_in(team.outsider).get(reverse("meetings:action", args=[action.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Utomstående enhets sak" in page
    assert "Punktrubriken" not in page  # the agenda is for the meeting's attendees
    assert reverse("meetings:detail", args=[team.meeting.pk]) not in page
    other = make_action(team, days=3, title="Annat")
    assert logged_in(team.outsider).get(reverse("meetings:action", args=[other.pk])).status_code == 404


def test_the_list_filters_and_marks_the_overdue_with_text(team: Team) -> None:
    late = make_action(team, days=-2, title="Försenad sak")
    make_action(team, days=10, title="Senare sak", unit=team.police.unit)
    done = make_action(team, days=-5, title="Gjord sak")
    services.action_update(action=done, user=team.school, status=ActionStatus.DONE, note="", version=1)
    client = logged_in(team.school)
    page = client.get(reverse("meetings:actions")).content.decode()
    assert "Försenad sak" in page and "Senare sak" in page and "Gjord sak" in page
    assert page.count("Försenad</span>") == 1  # the overdue mark is text, with an icon
    page = client.get(reverse("meetings:actions"), {"overdue": "on"}).content.decode()
    assert "Försenad sak" in page and "Senare sak" not in page and "Gjord sak" not in page
    page = client.get(reverse("meetings:actions"), {"whose": "unit"}).content.decode()
    assert "Försenad sak" in page and "Senare sak" not in page
    page = client.get(reverse("meetings:actions"), {"status": "done"}).content.decode()
    assert "Gjord sak" in page and "Försenad sak" not in page
    assert late.pk


def test_the_start_page_shows_overdue_actions_first_and_links_them(team: Team) -> None:
    late = make_action(team, days=-2, title="Försenad sak")
    soon = make_action(team, days=3, title="Snart sak")
    response = logged_in(team.school).get(reverse("workspace:start"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "1 försenad åtgärd" in page or "försenad" in page.lower()
    assert page.index("Försenad sak") < page.index("Snart sak")
    assert page.count("Försenad</span>") == 1  # text and icon, not colour alone
    assert reverse("meetings:actions") in page
    assert reverse("meetings:action", args=[late.pk]) in page
    assert reverse("meetings:action", args=[soon.pk]) in page
    assert reverse("meetings:detail", args=[team.meeting.pk]) in page


def _queries(client: object, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200  # type: ignore[attr-defined]
    return len(captured.captured_queries)


def test_the_list_pages_do_not_query_per_row(team: Team) -> None:
    client = logged_in(team.school)
    make_action(team, days=1)
    actions_few = _queries(client, reverse("meetings:actions"))
    meetings_few = _queries(client, reverse("meetings:index"))
    for n in range(5):
        make_action(team, days=n - 2, title=f"Sak {n}")
        services.meeting_create(
            convener=team.convener,
            title=f"Möte {n}",
            starts_at=timezone.now(),
            place="",
            attendees=[team.school],
        )
    assert _queries(client, reverse("meetings:actions")) == actions_few
    assert _queries(client, reverse("meetings:index")) == meetings_few


def test_the_menu_marks_one_current_page(team: Team) -> None:
    client = logged_in(team.school)
    assert reverse("meetings:actions") == "/arbetsrum/atgarder/"
    assert client.get(reverse("meetings:actions")).content.decode().count('aria-current="page"') == 1
    assert client.get(reverse("meetings:index")).content.decode().count('aria-current="page"') == 1
