"""Agenda items: who may put a matter on the agenda, the de-identified description, identified discussion."""

from __future__ import annotations

import pytest
from django.urls import reverse
from tests.web.workspace.meetings_fixtures import ORIGINAL, Team, build_team, give_consent
from tests.workspace import logged_in, make_matter

from varna.web.accounts.models import Unit
from varna.web.audit.models import AuditEntry
from varna.web.meetings.models import AgendaItem, Presentation

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(units: dict[str, Unit]) -> Team:
    return build_team()


def add_item(team: Team, **data: object) -> object:
    payload = {"title": "Oro för en elev", "matter": team.matter.pk, "presentation": "deidentified", **data}
    return logged_in(team.social).post(reverse("meetings:item_create", args=[team.meeting.pk]), payload)


def test_a_deidentified_item_starts_as_a_draft_made_from_the_matter(team: Team) -> None:
    response = add_item(team)
    item = AgendaItem.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("meetings:item_description", args=[item.pk])
    assert item.presentation == Presentation.DEIDENTIFIED
    assert not item.description_confirmed
    assert "Ahmed" not in item.case_description and "Amiralsgatan" not in item.case_description
    assert "propaganda" in item.case_description
    # Until confirmed, the other attendees see "utkast" and not even the draft text.
    page = logged_in(team.school).get(reverse("meetings:detail", args=[team.meeting.pk])).content.decode()
    assert "utkast" in page
    assert item.case_description.splitlines()[0][:30] not in page
    assert "Ahmed" not in page and ORIGINAL[:40] not in page


def test_the_holder_sees_the_changes_and_the_risks_and_must_confirm(team: Team) -> None:
    add_item(team)
    item = AgendaItem.objects.get()
    url = reverse("meetings:item_description", args=[item.pk])
    client = logged_in(team.social)
    page = client.get(url).content.decode()
    assert "Ahmed Karlsson" in page  # the holder reads the original with the changes marked
    assert "Värnas förslag, utifrån ärendets beskrivning" in page and "Amiralsgatan" in page
    # Confirming without ticking the box is refused, with the problem named.
    response = client.post(url, {"text": item.case_description, "confirm": "yes"})
    assert response.status_code == 400
    assert "Kryssa i rutan" in response.content.decode()
    item.refresh_from_db()
    assert not item.description_confirmed
    # Confirming with the box ticked records who and when.
    edited = "En elev i högstadiet har delat propaganda i en chatt."
    response = client.post(url, {"text": edited, "confirmed": "on", "confirm": "yes"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.description_confirmed and item.description_confirmed_by == team.social
    assert item.case_description == edited
    page = logged_in(team.police).get(reverse("meetings:detail", args=[team.meeting.pk])).content.decode()
    assert edited in page
    assert "Avidentifierad – alla får delta." in page
    assert ORIGINAL[:40] not in page and "Ahmed" not in page
    # Saving a changed text as a draft takes the confirmation back.
    client.post(url, {"text": edited + " Mer.", "save": "yes"})
    item.refresh_from_db()
    assert not item.description_confirmed
    assert (
        AuditEntry.objects.filter(
            object_type="meetings.agendaitem", object_id=str(item.pk), action="update"
        ).count()
        == 2
    )


def test_only_the_holding_authority_reaches_the_description_page(team: Team) -> None:
    add_item(team)
    item = AgendaItem.objects.get()
    url = reverse("meetings:item_description", args=[item.pk])
    for user in (team.school, team.police, team.convener):
        assert logged_in(user).get(url).status_code == 404
        assert (
            logged_in(user).post(url, {"text": "x", "confirmed": "on", "confirm": "yes"}).status_code == 404
        )
        assert logged_in(user).get(reverse("meetings:item_edit", args=[item.pk])).status_code == 404
    item.refresh_from_db()
    assert not item.description_confirmed


def test_another_authority_cannot_put_an_individual_matter_on_the_agenda(team: Team) -> None:
    response = logged_in(team.school).post(
        reverse("meetings:item_create", args=[team.meeting.pk]),
        {
            "title": "Försök",
            "matter": team.matter.pk,
            "presentation": "deidentified",
        },
    )
    assert response.status_code == 400
    assert "Välj ett ärende i listan." in response.content.decode()
    assert not AgendaItem.objects.exists()
    # … and the matter is not even offered to them.
    page = (
        logged_in(team.school).get(reverse("meetings:item_create", args=[team.meeting.pk])).content.decode()
    )
    assert team.matter.title not in page


def test_a_group_matter_can_be_put_on_the_agenda_by_anyone_attending(team: Team) -> None:
    group = make_matter(team.social, individual=False)
    response = logged_in(team.school).post(
        reverse("meetings:item_create", args=[team.meeting.pk]),
        {
            "title": "Lägesbild",
            "matter": group.pk,
            "presentation": "identified",
        },
    )
    assert response.status_code == 302
    item = AgendaItem.objects.get()
    assert item.presentation == Presentation.DEIDENTIFIED  # nothing identified about a group
    page = logged_in(team.police).get(reverse("meetings:detail", args=[team.meeting.pk])).content.decode()
    assert "Gäller ingen enskild person." in page


def test_identified_discussion_is_refused_without_consent_or_legal_basis(team: Team) -> None:
    response = add_item(team, presentation="identified")
    assert response.status_code == 400
    page = response.content.decode()
    assert "En identifierad genomgång kräver ett registrerat samtycke" in page
    assert 'href="#id_presentation_0"' in page
    assert not AgendaItem.objects.exists()
    # A basis note alone is not a recorded legal basis: facts and the kind of information are needed too.
    response = add_item(team, presentation="identified", basis_note="OSL 10:18 a")
    assert response.status_code == 400
    assert not AgendaItem.objects.exists()


def test_identified_discussion_with_a_recorded_legal_basis_is_accepted(team: Team) -> None:
    response = add_item(
        team,
        presentation="identified",
        basis_note="OSL 10:18 a – för att förebygga brott.",
        facts=["risk_of_criminal_activity", "helps_prevent"],
        information_kind="personal_circumstances",
    )
    assert response.status_code == 302
    item = AgendaItem.objects.get()
    assert item.presentation == Presentation.IDENTIFIED and item.consent is None
    assert item.facts == ["risk_of_criminal_activity", "helps_prevent"]


def test_identified_discussion_with_consent_covering_every_other_authority_is_accepted(team: Team) -> None:
    give_consent(team, recipients=["grundskolenamnden"])  # not the police nor the city office
    assert add_item(team, presentation="identified").status_code == 400
    consent = give_consent(team)
    response = add_item(team, presentation="identified")
    assert response.status_code == 302
    assert AgendaItem.objects.get().consent == consent


def test_reading_an_item_about_an_individual_matter_is_logged_for_each_reader(team: Team) -> None:
    add_item(team)
    item = AgendaItem.objects.get()
    before = AuditEntry.objects.filter(action="read").count()
    logged_in(team.police).get(reverse("meetings:detail", args=[team.meeting.pk]))
    entry = AuditEntry.objects.filter(action="read").order_by("-seq").first()
    assert entry is not None and entry.username == "polis"
    assert entry.object_type == "meetings.agendaitem" and entry.object_id == str(item.pk)
    assert entry.authority == team.social.authority
    assert "Ahmed" not in entry.summary
    logged_in(team.social).get(reverse("meetings:detail", args=[team.meeting.pk]))
    entry = AuditEntry.objects.filter(action="read").order_by("-seq").first()
    assert entry is not None and entry.username == "socialsekreterare"
    assert entry.object_type == "matters.matter"
    assert AuditEntry.objects.filter(action="read").count() == before + 2


def test_a_decision_is_recorded_with_the_responsible_authority(team: Team) -> None:
    add_item(team)
    item = AgendaItem.objects.get()
    url = reverse("meetings:decision_create", args=[item.pk])
    assert logged_in(team.police).post(url, {"text": ""}).status_code == 400
    response = logged_in(team.police).post(
        url, {"text": "Skolan tar kontakt med hemmet.", "owner_authority": "grundskolenamnden"}
    )
    assert response.status_code == 302
    decision = item.decisions.get()
    assert decision.owner_authority == "grundskolenamnden" and decision.recorded_by == team.police
    page = logged_in(team.school).get(reverse("meetings:detail", args=[team.meeting.pk])).content.decode()
    assert "Skolan tar kontakt med hemmet." in page and "Grundskolenämnden" in page
    assert AuditEntry.objects.filter(object_type="meetings.itemdecision", action="create").exists()


def test_an_edited_description_that_names_someone_is_flagged_and_an_empty_one_refused(team: Team) -> None:
    add_item(team)
    item = AgendaItem.objects.get()
    url = reverse("meetings:item_description", args=[item.pk])
    client = logged_in(team.social)
    page = client.get(url).content.decode()
    assert "Värna hittar fortfarande identifierande uppgifter" not in page  # the proposal itself is clean
    response = client.post(url, {"text": "Ahmed Karlsson har delat propaganda.", "save": "yes"})
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "Värna hittar fortfarande identifierande uppgifter" in page
    response = client.post(url, {"text": "  ", "confirmed": "on", "confirm": "yes"})
    assert response.status_code == 400
    assert "Skriv den avidentifierade fallbeskrivningen." in response.content.decode()
    item.refresh_from_db()
    assert item.case_description == "Ahmed Karlsson har delat propaganda." and not item.description_confirmed
