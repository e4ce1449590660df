"""The consent register: recording with the child's rules, withdrawal at once, the printable form."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone
from tests.web.sharing.test_pdf import pdf_text
from tests.web.workspace.matters_world import (
    POLICE,
    WHO,
    World,
    world_fixture,  # noqa: F401 (the fixture "world")
    written_consent,
)

from varna.web.audit.models import Action, AuditEntry
from varna.web.consent.models import ConsentRecord
from varna.web.consent.selectors import consent_in_force
from varna.web.consent.services import consent_withdraw

pytestmark = pytest.mark.django_db


def _data(**extra: object) -> dict[str, object]:
    data: dict[str, object] = {
        "information": "Hur det går i skolan",
        "information_kinds": ["personal_circumstances"],
        "recipients": ["polismyndigheten", "grundskolenamnden"],
        "purpose": "Samordnat stöd kring skolgången",
        "form": "written",
        "given_by": "guardians",
        "guardians": "Eva och Karl Exempelsson",
        "child_view": "Vill att skolan får veta",
        "given_on": "2026-11-02",
        "expires_on": "2027-11-01",
    }
    data.update(extra)
    return {k: v for k, v in data.items() if v is not None}


def _person_pk(world: World) -> int:
    assert world.matter.person is not None
    return world.matter.person.pk


def test_record_a_consent_for_a_child(world: World) -> None:
    response = world.client("holder").post(reverse("consent:create", args=[_person_pk(world)]), _data())
    assert response.status_code == 302
    consent = ConsentRecord.objects.get()
    assert consent.recipients == ["polismyndigheten", "grundskolenamnden"]
    assert consent.information_kinds == ["personal_circumstances"]
    assert consent.owner_authority == "sdn-norr" and consent.given_by == "guardians"
    assert response["Location"] == reverse("consent:detail", args=[consent.pk])
    entry = AuditEntry.objects.get(action=Action.CONSENT_GIVEN)
    assert entry.object_id == str(consent.pk) and "Exempelsson" not in entry.summary
    page = world.client("holder").get(response["Location"]).content.decode()
    assert "Hur det går i skolan" in page and "Polismyndigheten" in page and "Gäller i dag" in page


@pytest.mark.parametrize(
    ("changes", "field_message"),
    [
        ({"given_by": "person"}, "vårdnadshavarna måste samtycka"),
        ({"child_view": ""}, "skriv ner barnets egen inställning"),
        ({"guardians": ""}, "Skriv namnen på de vårdnadshavare"),
        ({"recipients": None}, "Kryssa i minst en myndighet"),
        ({"recipients": ["hittepa"]}, "finns inte bland tillgängliga alternativ"),
        ({"expires_on": "2026-01-01"}, "kan inte upphöra före dagen det lämnades"),
        ({"given_on": "2099-01-01", "expires_on": ""}, "inte har kommit än"),
        ({"given_on": "2 november"}, "ÅÅÅÅ-MM-DD"),
        ({"form": "telepatiskt"}, "finns inte bland tillgängliga alternativ"),
    ],
)
def test_bad_consent_is_refused_with_a_swedish_message(
    world: World, changes: dict[str, object], field_message: str
) -> None:
    response = world.client("holder").post(
        reverse("consent:create", args=[_person_pk(world)]), _data(**changes)
    )
    assert response.status_code == 400
    assert field_message in response.content.decode()
    assert not ConsentRecord.objects.exists()


def test_a_young_child_need_not_give_a_view(world: World) -> None:
    person = world.matter.person
    assert person is not None
    person.birth_year = 2020
    person.save()
    response = world.client("holder").post(reverse("consent:create", args=[person.pk]), _data(child_view=""))
    assert response.status_code == 302


def test_an_adult_consents_for_themselves(world: World) -> None:
    person = world.matter.person
    assert person is not None
    person.birth_year = 2000
    person.save()
    response = world.client("holder").post(
        reverse("consent:create", args=[person.pk]), _data(given_by="guardians")
    )
    assert response.status_code == 400
    ok = world.client("holder").post(
        reverse("consent:create", args=[person.pk]), _data(given_by="person", guardians="", child_view="")
    )
    assert ok.status_code == 302


def test_oral_consent_carries_a_warning(world: World) -> None:
    consent = written_consent(world.holder, world.matter, form="oral")
    page = world.client("holder").get(reverse("consent:detail", args=[consent.pk])).content.decode()
    assert "Varning: muntligt samtycke" in page


def test_consent_in_force_reads_the_register_each_time(world: World) -> None:
    person = world.matter.person
    assert person is not None
    today = timezone.localdate()
    assert (
        consent_in_force(person=person, recipient_authority=POLICE, information_kind=None, on=today) is None
    )
    consent = written_consent(world.holder, world.matter, kinds=("personal_circumstances",))
    found = consent_in_force(
        person=person, recipient_authority=POLICE, information_kind="personal_circumstances", on=today
    )
    assert found == consent
    # outside the scope: another recipient, another kind, before it was given
    assert (
        consent_in_force(
            person=person,
            recipient_authority="grundskolenamnden",
            information_kind="personal_circumstances",
            on=today,
        )
        is None
    )
    assert (
        consent_in_force(
            person=person, recipient_authority=POLICE, information_kind="health_or_sexual_life", on=today
        )
        is None
    )
    assert (
        consent_in_force(
            person=person, recipient_authority=POLICE, information_kind=None, on=dt.date(2025, 1, 1)
        )
        is None
    )
    # written is preferred to oral
    written_consent(world.holder, world.matter, form="oral")
    assert (
        consent_in_force(person=person, recipient_authority=POLICE, information_kind=None, on=today)
        == consent
    )
    consent_withdraw(user=world.holder, consent=consent, on=today)
    oral = consent_in_force(person=person, recipient_authority=POLICE, information_kind=None, on=today)
    assert oral is not None and oral.form == "oral"


def test_withdrawal_takes_effect_at_once(world: World) -> None:
    consent = written_consent(world.holder, world.matter)
    url = reverse("consent:withdraw", args=[consent.pk])
    today = timezone.localdate()
    response = world.client("holder").post(
        url, {"withdrawn_on": today.isoformat(), "note": "Ringde och sa nej"}
    )
    assert response.status_code == 302
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None and not consent.in_force_on(today)
    assert world.matter.person is not None
    assert (
        consent_in_force(
            person=world.matter.person, recipient_authority=POLICE, information_kind=None, on=today
        )
        is None
    )
    entry = AuditEntry.objects.get(action=Action.CONSENT_WITHDRAWN)
    assert entry.object_id == str(consent.pk) and "Ringde" not in entry.summary
    page = world.client("holder").get(reverse("consent:detail", args=[consent.pk])).content.decode()
    assert "Återkallat" in page
    # a second withdrawal changes nothing
    again = world.client("holder").post(url, {"withdrawn_on": today.isoformat()})
    assert again.status_code == 302
    assert AuditEntry.objects.filter(action=Action.CONSENT_WITHDRAWN).count() == 1


def test_withdrawal_bad_dates(world: World) -> None:
    consent = written_consent(world.holder, world.matter)
    url = reverse("consent:withdraw", args=[consent.pk])
    future = world.client("holder").post(url, {"withdrawn_on": "2099-01-01"})
    assert future.status_code == 400 and "inte har kommit än" in future.content.decode()
    before = world.client("holder").post(url, {"withdrawn_on": "2025-01-01"})
    assert before.status_code == 400 and "före dagen det lämnades" in before.content.decode()
    consent.refresh_from_db()
    assert consent.withdrawn_at is None


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (
            "sv",
            [
                "Samtycke till att lämna uppgifter",
                "Vårdnadshavare",
                "Underskrift",
                "Polismyndigheten",
                "personliga förhållanden",
            ],
        ),
        (
            "en",
            [
                "Consent to share information",
                "Guardian",
                "Signature",
                "Swedish Police Authority",
                "personal circumstances",
            ],
        ),
    ],
)
def test_the_printable_form_holds_the_scope(world: World, language: str, words: list[str]) -> None:
    consent = written_consent(world.holder, world.matter, kinds=("personal_circumstances",))
    response = world.client("holder").get(reverse("consent:pdf", args=[consent.pk]), {"sprak": language})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    for word in [*words, "Skolgång och stöd", "Samordnat stöd", "Ada Hemligsson", "2026-01-10"]:
        assert word in text, word


def test_the_form_for_an_adult_has_no_guardian_lines(world: World) -> None:
    person = world.matter.person
    assert person is not None
    from varna.web.consent.services import consent_record

    consent = consent_record(
        user=world.holder,
        person=person,
        information="Allt om skolan",
        information_kinds=[],
        recipients=[POLICE],
        purpose="Stöd",
        form="written",
        given_by="person",
        given_on=dt.date(2026, 2, 1),
    )
    text = pdf_text(world.client("holder").get(reverse("consent:pdf", args=[consent.pk])).content)
    assert "Den som samtycket gäller" in text and "Vårdnadshavare" not in text


def test_every_consent_url_per_user(world: World) -> None:
    consent = written_consent(world.holder, world.matter)
    person = _person_pk(world)
    gets = {
        reverse("consent:create", args=[person]): {"holder": 200},
        reverse("consent:detail", args=[consent.pk]): {"holder": 200},
        reverse("consent:pdf", args=[consent.pk]): {"holder": 200},
    }
    for url, allowed in gets.items():
        for who in WHO:
            expected = allowed.get(who, 302 if who == "anonymous" else 404)
            assert world.client(who).get(url).status_code == expected, (url, who)
    for who in ("police", "school", "no_unit"):
        assert world.client(who).post(reverse("consent:create", args=[person]), _data()).status_code == 404
        withdraw = world.client(who).post(
            reverse("consent:withdraw", args=[consent.pk]), {"withdrawn_on": timezone.localdate().isoformat()}
        )
        assert withdraw.status_code == 404
    assert world.client("anonymous").post(reverse("consent:withdraw", args=[consent.pk])).status_code == 302
    consent.refresh_from_db()
    assert consent.withdrawn_at is None and ConsentRecord.objects.count() == 1


def test_police_do_not_see_the_register_even_after_a_disclosure(world: World) -> None:
    from tests.web.workspace.matters_world import disclose_to_police

    consent = written_consent(world.holder, world.matter)
    disclose_to_police(world)
    assert world.client("police").get(reverse("consent:detail", args=[consent.pk])).status_code == 404
    assert world.client("police").get(reverse("consent:pdf", args=[consent.pk])).status_code == 404


def test_consent_pages_in_english(world: World) -> None:
    consent = written_consent(world.holder, world.matter)
    page = world.client("holder").get("/en" + reverse("consent:detail", args=[consent.pk])).content.decode()
    assert "Withdraw the consent" in page and "Consent form in English (PDF)" in page


def test_printing_the_form_is_audited_as_an_export(world: World) -> None:
    consent = written_consent(world.holder, world.matter)
    world.client("holder").get(reverse("consent:pdf", args=[consent.pk]))
    entry = AuditEntry.objects.get(action=Action.EXPORT)
    assert entry.object_id == str(consent.pk) and "Hemligsson" not in entry.summary
