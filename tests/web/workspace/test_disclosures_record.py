"""Recording disclosures: assess then confirm, refusal, the general clause, consent withdrawn in between."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone
from tests.web.workspace.matters_world import (
    DISCLOSED_TEXT,
    SECRET_SUMMARY,
    WHO,
    World,
    disclose_to_police,
    world_fixture,  # noqa: F401 (the fixture "world")
    written_consent,
)
from tests.workspace import make_matter, make_user

from varna.law import Fact, Information, Setting
from varna.web.accounts.models import Unit
from varna.web.audit.models import Action, AuditEntry
from varna.web.consent.services import consent_withdraw
from varna.web.disclosures.models import GENERAL_CLAUSE, Disclosure
from varna.web.disclosures.services import NotAllowedError, disclosure_assess, disclosure_record
from varna.web.matters.models import Status

pytestmark = pytest.mark.django_db

NOT_ALLOWED = "Nej, sekretessen hindrar det"
ALLOWED = "Ja, du får lämna uppgiften"


def _form(unit: str = "lpo-norr", **extra: object) -> dict[str, object]:
    data: dict[str, object] = {
        "to_unit": str(Unit.objects.get(code=unit).pk),
        "information_kind": "personal_circumstances",
        "content": DISCLOSED_TEXT,
        "setting": "direct",
        "facts": [],
        "balancing": "",
    }
    data.update(extra)
    return data


def _create_url(world: World) -> str:
    return reverse("disclosures:create", args=[world.matter.pk])


def test_without_consent_the_police_may_not_be_told(world: World) -> None:
    client = world.client("holder")
    assessed = client.post(_create_url(world), {**_form(), "step": "assess"})
    text = assessed.content.decode()
    assert assessed.status_code == 200
    assert NOT_ALLOWED in text and "OSL 26:1" in text and "Inget samtycke i registret" in text
    assert 'value="confirm"' not in text  # nothing to confirm
    assert "/lagrum/" in text  # provisions link to their pages
    confirmed = client.post(_create_url(world), {**_form(), "step": "confirm"})
    assert confirmed.status_code == 400
    assert "Sekretessen hindrar utlämnandet" in confirmed.content.decode()
    assert not Disclosure.objects.exists()
    assert not AuditEntry.objects.filter(action=Action.DISCLOSE).exists()


def test_with_written_consent_it_is_assessed_shown_and_recorded(world: World) -> None:
    consent = written_consent(world.holder, world.matter)
    client = world.client("holder")
    assessed = client.post(_create_url(world), {**_form(facts=[Fact.HELPS_PREVENT.value]), "step": "assess"})
    text = assessed.content.decode()
    assert assessed.status_code == 200 and ALLOWED in text
    assert "skriftligt samtycke" in text and 'value="confirm"' in text
    assert "<details>" in text  # the trace, folded
    fingerprint = assessed.context["form"]["fingerprint"].value()
    assert fingerprint
    confirmed = client.post(
        _create_url(world),
        {**_form(facts=[Fact.HELPS_PREVENT.value]), "fingerprint": fingerprint, "step": "confirm"},
    )
    assert confirmed.status_code == 302
    disclosure = Disclosure.objects.get()
    assert confirmed["Location"] == reverse("disclosures:detail", args=[disclosure.pk])
    assert disclosure.outcome == "allowed" and disclosure.consent == consent
    assert "OSL 10:1" in disclosure.provisions and disclosure.rulebase_version
    assert disclosure.question["consent"] == "written" and disclosure.decision["trace"]
    assert disclosure.to_authority == "polismyndigheten" and disclosure.from_authority == "sdn-norr"
    assert disclosure.content == DISCLOSED_TEXT and disclosure.decided_by == world.holder
    entry = AuditEntry.objects.get(action=Action.DISCLOSE)
    assert entry.object_id == str(disclosure.pk) and DISCLOSED_TEXT not in entry.summary
    assert entry.detail["outcome"] == "allowed" and entry.detail["consent"] == consent.pk


def test_oral_consent_is_used_with_a_warning(world: World) -> None:
    written_consent(world.holder, world.matter, form="oral")
    assessed = world.client("holder").post(_create_url(world), {**_form(), "step": "assess"})
    text = assessed.content.decode()
    assert "muntligt samtycke" in text and "Varning: samtycket är bara muntligt" in text
    disclosure = disclose_to_police(world)
    page = world.client("police").get(reverse("disclosures:detail", args=[disclosure.pk])).content.decode()
    assert "Varning: utlämnandet byggde på muntligt samtycke" in page


def test_a_withdrawal_between_assessing_and_confirming_is_seen(world: World) -> None:
    consent = written_consent(world.holder, world.matter)
    client = world.client("holder")
    assessed = client.post(_create_url(world), {**_form(), "step": "assess"})
    fingerprint = assessed.context["form"]["fingerprint"].value()
    assert ALLOWED in assessed.content.decode()
    consent_withdraw(user=world.holder, consent=consent, on=timezone.localdate())
    confirmed = client.post(_create_url(world), {**_form(), "fingerprint": fingerprint, "step": "confirm"})
    text = confirmed.content.decode()
    assert confirmed.status_code == 409
    assert "Svaret har ändrats" in text and NOT_ALLOWED in text and 'value="confirm"' not in text
    assert not Disclosure.objects.exists()


def test_after_withdrawal_a_disclosure_is_assessed_without_consent(world: World) -> None:
    consent = written_consent(world.holder, world.matter)
    police_unit = Unit.objects.get(code="lpo-norr")
    before = disclosure_assess(
        user=world.holder,
        matter=world.matter,
        to_unit=police_unit,
        information_kind=Information.PERSONAL_CIRCUMSTANCES,
        setting=Setting.DIRECT,
        facts=[],
    )
    assert before.consent == consent and before.question.consent.value == "written"
    consent_withdraw(user=world.holder, consent=consent, on=timezone.localdate())
    after = disclosure_assess(
        user=world.holder,
        matter=world.matter,
        to_unit=police_unit,
        information_kind=Information.PERSONAL_CIRCUMSTANCES,
        setting=Setting.DIRECT,
        facts=[],
    )
    assert after.consent is None and after.question.consent.value == "none"
    assert after.decision.outcome.value == "not_allowed"
    with pytest.raises(NotAllowedError):
        disclose_to_police(world)
    assert not Disclosure.objects.exists()


def test_a_consent_outside_its_scope_does_not_count(world: World) -> None:
    written_consent(world.holder, world.matter, recipients=("grundskolenamnden",))
    assessed = world.client("holder").post(_create_url(world), {**_form(), "step": "assess"})
    assert NOT_ALLOWED in assessed.content.decode()


def test_a_changed_answer_must_be_seen_before_saving(world: World) -> None:
    written_consent(world.holder, world.matter)
    client = world.client("holder")
    assessed = client.post(_create_url(world), {**_form(), "step": "assess"})
    fingerprint = assessed.context["form"]["fingerprint"].value()
    changed = client.post(
        _create_url(world),
        {**_form(setting="cooperation_group"), "fingerprint": fingerprint, "step": "confirm"},
    )
    assert changed.status_code == 409 and not Disclosure.objects.exists()
    again = changed.context["form"]["fingerprint"].value()
    saved = client.post(
        _create_url(world), {**_form(setting="cooperation_group"), "fingerprint": again, "step": "confirm"}
    )
    assert saved.status_code == 302 and Disclosure.objects.get().setting == "cooperation_group"


@pytest.fixture
def pupil_health(world: World) -> World:
    """A matter of the compulsory schools' pupil health: its answers rest on the general clause."""
    nurse = make_user("elevhalsan-grundskolan", username="nurse")
    world.users["nurse"] = nurse
    world.matter = make_matter(nurse, title="Elevhälsans ärende")
    return world


def test_the_general_clause_needs_the_balancing_of_interests(pupil_health: World) -> None:
    world = pupil_health
    client = world.client("nurse")
    assessed = client.post(_create_url(world), {**_form(), "step": "assess"})
    text = assessed.content.decode()
    assert "Svaret vilar på generalklausulen (OSL 10:27)" in text
    assert GENERAL_CLAUSE in assessed.context["assessment"].decision.provisions
    missing = client.post(_create_url(world), {**_form(), "step": "confirm"})
    assert missing.status_code == 400
    assert "skriv ner intresseavvägningen innan utlämnandet kan sparas" in missing.content.decode()
    assert not Disclosure.objects.exists()
    blank = client.post(_create_url(world), {**_form(balancing="   "), "step": "confirm"})
    assert blank.status_code == 400 and not Disclosure.objects.exists()
    saved = client.post(
        _create_url(world), {**_form(balancing="Polisens behov väger uppenbart tyngre."), "step": "confirm"}
    )
    assert saved.status_code == 302
    disclosure = Disclosure.objects.get()
    assert disclosure.on_general_clause and disclosure.balancing == "Polisens behov väger uppenbart tyngre."
    assert disclosure.outcome == "allowed_after_assessment"


def test_the_assessment_shows_only_the_circumstances_that_matter(world: World) -> None:
    assessed = world.client("holder").post(_create_url(world), {**_form(), "step": "assess"})
    text = assessed.content.decode()
    assert "betydelse för" in text  # each circumstance says which provision it matters for


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"content": ""}, "Skriv ner vad som lämnas ut."),
        ({"to_unit": ""}, "Välj den enhet som tar emot uppgifterna."),
        ({"information_kind": "police_register"}, "finns inte bland tillgängliga alternativ"),
        ({"setting": "brevduva"}, "finns inte bland tillgängliga alternativ"),
        ({"facts": ["hittepa"]}, "finns inte bland tillgängliga alternativ"),
    ],
)
def test_bad_input_is_refused(world: World, changes: dict[str, object], message: str) -> None:
    response = world.client("holder").post(_create_url(world), {**_form(), **changes, "step": "assess"})
    assert response.status_code == 400 and message in response.content.decode()


def test_a_unit_of_the_own_branch_is_not_a_recipient(world: World) -> None:
    response = world.client("holder").post(_create_url(world), {**_form(unit="ifo-norr"), "step": "assess"})
    assert response.status_code == 400 and not Disclosure.objects.exists()


def test_another_branch_of_the_own_authority_is_a_recipient_asked_of_the_engine(world: World) -> None:
    """Secrecy holds between a committee's social services and its youth centres (OSL 8:2)."""
    data = {**_form(unit="fritid-norr"), "step": "assess"}
    response = world.client("holder").post(_create_url(world), data)
    assert response.status_code == 200
    assert "OSL 8:2" in response.content.decode() or "verksamhetsgren" in response.content.decode()


def test_nothing_is_disclosed_from_a_closed_or_group_matter(world: World) -> None:
    written_consent(world.holder, world.matter)
    world.matter.status = Status.CLOSED
    world.matter.save()
    response = world.client("holder").post(_create_url(world), {**_form(), "step": "confirm"})
    assert response.status_code == 302 and not Disclosure.objects.exists()
    group = make_matter(world.holder, individual=False)
    assert world.client("holder").get(reverse("disclosures:create", args=[group.pk])).status_code == 404


def test_every_disclosure_url_per_user(world: World) -> None:
    written_consent(world.holder, world.matter, recipients=("polismyndigheten", "grundskolenamnden"))
    to_police = disclose_to_police(world)
    school_unit = Unit.objects.get(code="grundskolorna")
    to_school = disclosure_record(
        user=world.holder,
        matter=world.matter,
        to_unit=school_unit,
        information_kind=Information.PERSONAL_CIRCUMSTANCES,
        content="Skoluppgift",
        setting=Setting.DIRECT,
        facts=[],
    )
    expected = {
        # another branch of the holding authority may read, but not disclose as the holding branch
        reverse("disclosures:create", args=[world.matter.pk]): {"holder": 200},
        reverse("disclosures:list", args=[world.matter.pk]): {
            "holder": 200,
            "police": 200,
            "school": 200,
        },
        reverse("disclosures:detail", args=[to_police.pk]): {
            "holder": 200,
            "police": 200,
        },
        reverse("disclosures:detail", args=[to_school.pk]): {
            "holder": 200,
            "school": 200,
        },
    }
    for url, allowed in expected.items():
        for who in WHO:
            status = allowed.get(who, 302 if who == "anonymous" else 404)
            assert world.client(who).get(url).status_code == status, (url, who)
    # the police see their disclosure, never the school's, and never the description
    police_list = (
        world.client("police").get(reverse("disclosures:list", args=[world.matter.pk])).content.decode()
    )
    assert reverse("disclosures:detail", args=[to_police.pk]) in police_list
    assert reverse("disclosures:detail", args=[to_school.pk]) not in police_list
    police_detail = (
        world.client("police").get(reverse("disclosures:detail", args=[to_police.pk])).content.decode()
    )
    assert DISCLOSED_TEXT in police_detail and SECRET_SUMMARY not in police_detail
    # nobody but the holder may record one
    for who in ("police", "school", "no_unit"):
        response = world.client(who).post(
            reverse("disclosures:create", args=[world.matter.pk]), {**_form(), "step": "confirm"}
        )
        assert response.status_code == 404
    assert Disclosure.objects.count() == 2


def test_disclosure_pages_in_english(world: World) -> None:
    written_consent(world.holder, world.matter)
    disclosure = disclose_to_police(world)
    detail_url, create_url = reverse("disclosures:detail", args=[disclosure.pk]), _create_url(world)
    page = world.client("holder").get("/en" + detail_url).content.decode()
    assert "What was disclosed" in page and "Yes, you may disclose" in page
    form = world.client("holder").get("/en" + create_url).content.decode()
    assert "Ask the secrecy engine" in form


def test_only_the_holding_branch_discloses(world: World) -> None:
    written_consent(world.holder, world.matter)
    client = world.client("other_branch")
    response = client.post(_create_url(world), {**_form(), "step": "confirm"})
    assert response.status_code == 404 and not Disclosure.objects.exists()
    colleague = world.client("colleague").post(_create_url(world), {**_form(), "step": "confirm"})
    assert colleague.status_code == 302 and Disclosure.objects.count() == 1
