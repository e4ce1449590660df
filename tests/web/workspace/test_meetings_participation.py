"""Per attendee, for an item about an identifiable person: may take part, or may only listen.

Asked of the secrecy engine each time the page is shown, so consent given or withdrawn
counts at once.
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone
from tests.web.workspace.meetings_fixtures import Team, build_team, give_consent
from tests.workspace import logged_in, make_user

from varna.web.accounts.models import Unit
from varna.web.meetings import services
from varna.web.meetings.models import AgendaItem, Attendance, Presentation
from varna.web.meetings.participation import Verdict, item_participation, meeting_day

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(units: dict[str, Unit]) -> Team:
    return build_team()


def identified_item(team: Team) -> AgendaItem:
    return services.item_create(
        meeting=team.meeting,
        user=team.social,
        title="Oro för en elev",
        matter=team.matter,
        presentation=Presentation.IDENTIFIED,
        basis_note="OSL 10:18 a",
        facts=["risk_of_criminal_activity"],
        information_kind="personal_circumstances",
    )


def verdicts(team: Team, item: AgendaItem) -> dict[str, Verdict]:
    attendances = list(Attendance.objects.filter(meeting=team.meeting).select_related("user", "unit"))
    item = AgendaItem.objects.select_related("matter__person", "matter__owner_unit").get(pk=item.pk)
    answers = item_participation(item, attendances, on=meeting_day(team.meeting.starts_at))
    return {a.attendance.user.username: a.verdict for a in answers}


def test_social_services_may_only_listen_without_consent(team: Team) -> None:
    found = verdicts(team, identified_item(team))
    assert found["socialsekreterare"] is Verdict.LISTEN_ONLY
    assert found["larare"] is Verdict.PARTICIPATE


def test_medical_student_health_may_only_listen_without_consent(team: Team) -> None:
    nurse = make_user("medicinsk-elevhalsa-grundskolan", username="skolskoterska")
    Attendance.objects.create(meeting=team.meeting, user=nurse, unit=nurse.unit)
    found = verdicts(team, identified_item(team))
    assert found["skolskoterska"] is Verdict.LISTEN_ONLY


def test_written_consent_covering_the_others_present_lets_social_services_take_part(team: Team) -> None:
    item = identified_item(team)
    give_consent(team)
    assert verdicts(team, item)["socialsekreterare"] is Verdict.PARTICIPATE


def test_consent_that_leaves_out_one_authority_present_keeps_them_listening(team: Team) -> None:
    item = identified_item(team)
    give_consent(team, recipients=["grundskolenamnden", "kommunstyrelsen"])  # not the police
    assert verdicts(team, item)["socialsekreterare"] is Verdict.LISTEN_ONLY


def test_a_withdrawn_consent_makes_them_listen_only_again_at_once(team: Team) -> None:
    item = identified_item(team)
    consent = give_consent(team)
    url = reverse("meetings:detail", args=[team.meeting.pk])
    page = logged_in(team.school).get(url).content.decode()
    assert page.count("får bara lyssna") == 0
    consent.withdrawn_at = timezone.now()
    consent.save()
    assert verdicts(team, item)["socialsekreterare"] is Verdict.LISTEN_ONLY
    page = logged_in(team.school).get(url).content.decode()
    assert page.count("får bara lyssna") == 1


def test_the_page_shows_per_attendee_with_the_reason_and_provisions(team: Team) -> None:
    identified_item(team)
    page = logged_in(team.police).get(reverse("meetings:detail", args=[team.meeting.pk])).content.decode()
    assert "får bara lyssna" in page and "får delta" in page
    assert "<details" in page and "OSL 26:1" in page
    assert "Avgörs av svaret gentemot" in page
    assert "Ahmed" not in page  # identified discussion happens in the room, not on the page


def test_a_confirmed_deidentified_item_lets_everyone_take_part_with_the_reason(team: Team) -> None:
    item = services.item_create(meeting=team.meeting, user=team.social, title="Oro", matter=team.matter)
    assert set(verdicts(team, item).values()) == {Verdict.DRAFT}
    services.item_description_save(
        item=item, user=team.social, text="En elev har delat propaganda.", confirm=True
    )
    assert set(verdicts(team, item).values()) == {Verdict.DEIDENTIFIED}
    page = logged_in(team.police).get(reverse("meetings:detail", args=[team.meeting.pk])).content.decode()
    assert "Avidentifierad – alla får delta." in page
    assert "avidentifierat" in page  # the engine's reason (principle-deidentified)


def test_an_item_on_consent_says_so_when_the_consent_lapses(team: Team) -> None:
    consent = give_consent(team)
    item = services.item_create(
        meeting=team.meeting,
        user=team.social,
        title="Oro",
        matter=team.matter,
        presentation=Presentation.IDENTIFIED,
    )
    assert item.consent == consent
    url = reverse("meetings:detail", args=[team.meeting.pk])
    assert "samtycket är återkallat" not in logged_in(team.school).get(url).content.decode()
    consent.withdrawn_at = timezone.now()
    consent.save()
    page = logged_in(team.school).get(url).content.decode()
    assert "samtycket är återkallat eller gäller inte längre" in page
    assert page.count("får bara lyssna") == 1


def test_only_the_holder_sees_the_recorded_facts(team: Team) -> None:
    identified_item(team)
    url = reverse("meetings:detail", args=[team.meeting.pk])
    assert "Antecknade omständigheter:" in logged_in(team.social).get(url).content.decode()
    assert "Antecknade omständigheter:" not in logged_in(team.school).get(url).content.decode()
