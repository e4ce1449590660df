"""Minutes: two writers never silently overwrite each other; the PDF shows only what everyone may see."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from tests.web.sharing.test_pdf import pdf_text
from tests.web.workspace.meetings_fixtures import ORIGINAL, Team, build_team
from tests.workspace import logged_in

from varna.web.accounts.models import Unit
from varna.web.audit.models import AuditEntry
from varna.web.meetings import services
from varna.web.meetings.models import Minutes, Presentation

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(units: dict[str, Unit]) -> Team:
    return build_team()


def test_two_clients_the_second_save_with_a_stale_version_is_refused_and_nothing_is_lost(team: Team) -> None:
    url = reverse("meetings:minutes", args=[team.meeting.pk])
    first, second = logged_in(team.convener), logged_in(team.school)
    # Both open the form at version 1.
    assert 'name="version" value="1"' in first.get(url).content.decode()
    assert 'name="version" value="1"' in second.get(url).content.decode()
    response = first.post(url, {"text": "Punkt 1: lägesbilden gicks igenom.", "version": 1})
    assert response.status_code == 302
    response = second.post(url, {"text": "Min egen anteckning om punkt 2.", "version": 1})
    assert response.status_code == 409
    page = response.content.decode()
    assert "Någon annan sparade protokollet medan du skrev" in page
    assert "Punkt 1: lägesbilden gicks igenom." in page  # what the other one saved
    assert "Min egen anteckning om punkt 2." in page  # the user's own text, still in the box
    assert 'name="version" value="2"' in page  # the next save is against what is saved now
    minutes = Minutes.objects.get(meeting=team.meeting)
    assert minutes.text == "Punkt 1: lägesbilden gicks igenom." and minutes.version == 2
    # Saving again after merging works.
    response = second.post(url, {"text": "Punkt 1: lägesbilden gicks igenom.\nPunkt 2.", "version": 2})
    assert response.status_code == 302
    minutes.refresh_from_db()
    assert minutes.version == 3 and minutes.updated_by == team.school
    assert AuditEntry.objects.filter(object_type="meetings.minutes", action="update").count() == 2


def test_the_service_refuses_a_stale_version(team: Team) -> None:
    services.minutes_save(meeting=team.meeting, user=team.convener, text="A", version=1)
    with pytest.raises(services.EditConflict) as caught:
        services.minutes_save(meeting=team.meeting, user=team.school, text="B", version=1)
    assert caught.value.current.text == "A"
    assert Minutes.objects.get(meeting=team.meeting).text == "A"


def test_a_tampered_version_is_refused_without_saving(team: Team) -> None:
    url = reverse("meetings:minutes", args=[team.meeting.pk])
    response = logged_in(team.convener).post(url, {"text": "Text", "version": "inte ett tal"})
    assert response.status_code == 400
    assert Minutes.objects.get(meeting=team.meeting).text == ""


def _meeting_with_items(team: Team) -> None:
    item = services.item_create(
        meeting=team.meeting, user=team.social, title="Oro för en elev", matter=team.matter
    )
    services.item_description_save(
        item=item, user=team.social, text="En elev i årskurs 9 har delat propaganda i en chatt.", confirm=True
    )
    services.decision_record(
        item=item, user=team.convener, text="Skolan kontaktar hemmet.", owner_authority="grundskolenamnden"
    )
    services.action_create(
        meeting=team.meeting,
        user=team.convener,
        title="Ring vårdnadshavarna",
        responsible_unit=team.school.unit,
        due_on=dt.date(2030, 1, 15),
        item=item,
    )
    services.item_create(
        meeting=team.meeting,
        user=team.social,
        title="Identifierad punkt",
        matter=team.matter,
        presentation=Presentation.IDENTIFIED,
        basis_note="OSL 10:18 a",
        facts=["risk_of_criminal_activity"],
        information_kind="personal_circumstances",
    )
    services.minutes_save(meeting=team.meeting, user=team.convener, text="Mötet öppnades.", version=1)


def test_the_pdf_holds_the_deidentified_description_and_never_the_matter_or_the_name(team: Team) -> None:
    _meeting_with_items(team)
    response = logged_in(team.police).get(reverse("meetings:minutes_pdf", args=[team.meeting.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    text = pdf_text(response.content)
    assert "En elev i årskurs 9 har delat propaganda i en chatt." in text
    assert "Skolan kontaktar hemmet." in text and "Grundskolenämnden" in text
    assert "Ring vårdnadshavarna" in text and "2030-01-15" in text and "Inte påbörjad" in text
    assert "Mötet öppnades." in text
    assert "Identifierad punkt" in text
    assert "polis" in text or "Polis" in text  # attendees with their units
    assert "Ahmed" not in text and "Karlsson" not in text
    assert "Amiralsgatan" not in text and ORIGINAL[:30] not in text
    assert team.matter.summary[:20] not in text
    entry = AuditEntry.objects.filter(action="export").get()
    assert entry.username == "polis" and entry.object_id == str(team.meeting.pk)


def test_an_unconfirmed_description_does_not_reach_the_pdf(team: Team) -> None:
    item = services.item_create(meeting=team.meeting, user=team.social, title="Oro", matter=team.matter)
    response = logged_in(team.social).get(reverse("meetings:minutes_pdf", args=[team.meeting.pk]))
    text = pdf_text(response.content)
    assert item.case_description[:25] not in text
    assert "inte bekräftad" in text


def test_the_pdf_is_for_attendees_only(team: Team) -> None:
    _meeting_with_items(team)
    assert (
        logged_in(team.outsider).get(reverse("meetings:minutes_pdf", args=[team.meeting.pk])).status_code
        == 404
    )
    assert not AuditEntry.objects.filter(action="export").exists()


def test_the_english_pdf(team: Team) -> None:
    _meeting_with_items(team)
    url = reverse("meetings:minutes_pdf", args=[team.meeting.pk])
    text = pdf_text(logged_in(team.police).get("/en" + url).content)
    assert "Minutes: Samverkansgruppen" in text and "Attendees" in text
