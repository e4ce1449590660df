"""The matter pages: who sees what, creating, editing with optimistic locking, decisions, closing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from tests.web.workspace.matters_world import (
    DISCLOSED_TEXT,
    SECRET_NAME,
    SECRET_SUMMARY,
    WHO,
    World,
    disclose_to_police,
    world_fixture,  # noqa: F401 (the fixture "world")
    written_consent,
)
from tests.workspace import make_matter

from varna.web.audit.models import Action, AuditEntry
from varna.web.matters.models import Kind, Matter, Person, Status

pytestmark = pytest.mark.django_db


def _status(world: World, who: str, url: str, method: str = "get", data: dict[str, str] | None = None) -> int:
    client = world.client(who)
    response = client.post(url, data or {}) if method == "post" else client.get(url)
    return response.status_code


# --- reach: the detail page per user -------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status", "sees_summary"),
    [
        ("holder", 200, True),
        ("other_branch", 404, False),  # another branch of the same authority (OSL 8:2)
        ("police", 404, False),  # not disclosed yet
        ("school", 404, False),
        ("no_unit", 404, False),
    ],
)
def test_detail_without_disclosure(world: World, who: str, status: int, sees_summary: bool) -> None:
    response = world.client(who).get(reverse("matters:detail", args=[world.matter.pk]))
    assert response.status_code == status
    assert (SECRET_SUMMARY in response.content.decode()) is sees_summary


def test_detail_anonymous_is_sent_to_login(world: World) -> None:
    response = world.client("anonymous").get(reverse("matters:detail", args=[world.matter.pk]))
    assert response.status_code == 302
    assert "/konto/" in response["Location"] or "login" in response["Location"]


def test_detail_after_disclosure_shows_the_police_only_the_disclosure(world: World) -> None:
    disclose_to_police_with_consent(world)
    page = world.client("police").get(reverse("matters:detail", args=[world.matter.pk]))
    text = page.content.decode()
    assert page.status_code == 200
    assert DISCLOSED_TEXT in text
    assert SECRET_SUMMARY not in text and SECRET_NAME not in text
    assert world.matter.title in text
    # the school still sees nothing
    assert world.client("school").get(reverse("matters:detail", args=[world.matter.pk])).status_code == 404
    holder_page = (
        world.client("holder").get(reverse("matters:detail", args=[world.matter.pk])).content.decode()
    )
    assert SECRET_SUMMARY in holder_page and SECRET_NAME in holder_page


def disclose_to_police_with_consent(world: World) -> None:
    written_consent(world.holder, world.matter)
    disclose_to_police(world)


def test_reading_an_individual_matter_is_audited(world: World) -> None:
    world.client("holder").get(reverse("matters:detail", args=[world.matter.pk]))
    entry = AuditEntry.objects.filter(action=Action.READ, object_id=str(world.matter.pk)).last()
    assert entry is not None and entry.username == "holder"
    assert SECRET_NAME not in entry.summary


# --- the list -------------------------------------------------------------------------


def test_index_lists_by_reach(world: World) -> None:
    group = make_matter(world.holder, individual=False, title="Klotter vid torget")
    police_own = make_matter(world.police, title="Polisens eget ärende")
    holder_text = world.client("holder").get(reverse("matters:index")).content.decode()
    assert world.matter.title in holder_text and group.title in holder_text
    assert police_own.title not in holder_text
    police_text = world.client("police").get(reverse("matters:index")).content.decode()
    assert world.matter.title not in police_text and group.title in police_text
    disclose_to_police_with_consent(world)
    police_text = world.client("police").get(reverse("matters:index")).content.decode()
    assert world.matter.title in police_text
    assert "uppgifter lämnade till er" in police_text
    assert "Helt ny" not in police_text
    no_unit = world.client("no_unit").get(reverse("matters:index"))
    assert no_unit.status_code == 200 and group.title not in no_unit.content.decode()


def test_index_filters(world: World) -> None:
    make_matter(world.holder, individual=False, title="Gruppärende i söder", district="soder")
    url = reverse("matters:index")
    text = world.client("holder").get(url, {"kind": "group"}).content.decode()
    assert "Gruppärende i söder" in text and world.matter.title not in text
    text = world.client("holder").get(url, {"district": "norr"}).content.decode()
    assert "Gruppärende i söder" not in text and world.matter.title in text
    text = world.client("holder").get(url, {"status": "closed"}).content.decode()
    assert world.matter.title not in text
    # a tampered filter value is ignored, not a 500
    assert world.client("holder").get(url, {"kind": "bogus"}).status_code == 200


def test_index_in_english(world: World) -> None:
    text = world.client("holder").get("/en" + reverse("matters:index")).content.decode()
    assert "Matters" in text and "Open a matter" in text


# --- creating -------------------------------------------------------------------------


def _group_data(**extra: str) -> dict[str, str]:
    return {
        "kind": "group",
        "title": "Unga samlas vid fritidsgården",
        "summary": "En grupp ungdomar klottrar.",
        "level": "selective",
        "concern": "vandalism",
        "district": "norr",
        **extra,
    }


def test_create_group_matter(world: World) -> None:
    response = world.client("holder").post(reverse("matters:create"), _group_data())
    matter = Matter.objects.get(title="Unga samlas vid fritidsgården")
    assert response.status_code == 302 and response["Location"] == reverse("matters:detail", args=[matter.pk])
    assert matter.kind == Kind.GROUP and matter.owner_authority == "sdn-norr" and matter.person is None
    assert AuditEntry.objects.filter(action=Action.CREATE, object_id=str(matter.pk)).exists()
    # every team member with a unit sees a group matter
    assert world.client("police").get(response["Location"]).status_code == 200


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Ahmed Karlsson klottrar vid torget.", "namn på person"),
        ("Ring 070-123 45 67 om klottret.", "telefonnummer"),
        ("Ungdomar samlas vid Storgatan 5.", "gatuadress"),
        ("En pojke med personnummer 20100101-1236.", "personnummer"),
        ("Pojken har kortnummer 20100101-1234.", "annat nummer som kan peka ut någon"),
    ],
)
def test_group_matter_naming_an_individual_is_refused(world: World, text: str, named: str) -> None:
    response = world.client("holder").post(reverse("matters:create"), _group_data(summary=text))
    assert response.status_code == 400
    body = response.content.decode()
    assert "får inte peka ut enskilda" in body and named in body
    assert not Matter.objects.filter(title="Unga samlas vid fritidsgården").exists()


def test_group_matter_refusal_in_english(world: World) -> None:
    response = world.client("holder").post(
        "/en" + reverse("matters:create"), _group_data(summary="Ahmed Karlsson klottrar.")
    )
    assert response.status_code == 400
    assert "a person&#x27;s name" in response.content.decode()


def test_create_individual_matter_with_a_new_person(world: World) -> None:
    data = {
        "kind": "individual",
        "title": "Oro i skolan",
        "summary": "Frånvaro.",
        "level": "indicated",
        "concern": "crime",
        "district": "",
        "person_name": "Bo Nyperson",
        "birth_year": "2011",
    }
    response = world.client("holder").post(reverse("matters:create"), data)
    assert response.status_code == 302
    matter = Matter.objects.get(title="Oro i skolan")
    assert matter.person is not None and matter.person.name == "Bo Nyperson"
    assert matter.person.owner_authority == "sdn-norr"
    entries = AuditEntry.objects.filter(action=Action.CREATE)
    assert not any("Nyperson" in e.summary for e in entries)


def test_create_individual_matter_needs_a_person(world: World) -> None:
    data = {"kind": "individual", "title": "Oro", "summary": "", "level": "indicated", "concern": "crime"}
    response = world.client("holder").post(reverse("matters:create"), data)
    assert response.status_code == 400
    assert "Välj en befintlig person" in response.content.decode()


def test_another_authoritys_person_cannot_be_chosen(world: World) -> None:
    assert world.matter.person is not None
    data = {
        "kind": "individual",
        "title": "Försök",
        "level": "indicated",
        "concern": "crime",
        "person": str(world.matter.person.pk),
    }
    response = world.client("police").post(reverse("matters:create"), data)
    assert response.status_code == 400
    assert not Matter.objects.filter(title="Försök").exists()


def test_create_without_a_unit_is_forbidden(world: World) -> None:
    assert world.client("no_unit").get(reverse("matters:create")).status_code == 403
    assert world.client("no_unit").post(reverse("matters:create"), _group_data()).status_code == 403
    assert world.client("anonymous").get(reverse("matters:create")).status_code == 302


def test_create_offers_the_two_kinds(world: World) -> None:
    text = world.client("holder").get(reverse("matters:create")).content.decode()
    assert "?kind=group" in text and "?kind=individual" in text


# --- editing with optimistic locking --------------------------------------------------


def _edit_data(matter: Matter, **extra: str) -> dict[str, str]:
    return {
        "title": matter.title,
        "summary": matter.summary,
        "level": matter.level,
        "concern": matter.concern,
        "district": matter.district,
        "version": str(matter.version),
        **extra,
    }


def test_edit_saves_and_bumps_the_version(world: World) -> None:
    url = reverse("matters:edit", args=[world.matter.pk])
    assert world.client("holder").get(url).status_code == 200
    response = world.client("holder").post(url, _edit_data(world.matter, summary="Ny beskrivning"))
    assert response.status_code == 302
    world.matter.refresh_from_db()
    assert world.matter.summary == "Ny beskrivning" and world.matter.version == 2
    assert AuditEntry.objects.filter(action=Action.UPDATE, object_id=str(world.matter.pk)).exists()


def test_concurrent_edits_never_overwrite_silently(world: World) -> None:
    url = reverse("matters:edit", args=[world.matter.pk])
    first = _edit_data(world.matter, summary="Första personens text")
    second = _edit_data(world.matter, summary="Andra personens text")  # read at the same version
    assert world.client("holder").post(url, first).status_code == 302
    response = world.client("colleague").post(url, second)
    assert response.status_code == 409
    text = response.content.decode()
    assert "Någon annan sparade ärendet medan du ändrade det" in text
    assert "Första personens text" in text and "Andra personens text" in text  # theirs shown, yours kept
    world.matter.refresh_from_db()
    assert world.matter.summary == "Första personens text"
    # a deliberate second save, on the new version, goes through
    retry = world.client("colleague").post(url, _edit_data(world.matter, summary="Andra personens text"))
    assert retry.status_code == 302
    world.matter.refresh_from_db()
    assert world.matter.summary == "Andra personens text" and world.matter.version == 3


def test_edit_group_matter_is_checked_for_names(world: World) -> None:
    group = make_matter(world.holder, individual=False, title="Klotter")
    url = reverse("matters:edit", args=[group.pk])
    response = world.client("holder").post(url, _edit_data(group, summary="Lisa Andersson klottrar."))
    assert response.status_code == 400
    group.refresh_from_db()
    assert "Lisa" not in group.summary


@pytest.mark.parametrize("who", ["police", "school", "no_unit"])
def test_edit_by_others_is_404(world: World, who: str) -> None:
    url = reverse("matters:edit", args=[world.matter.pk])
    assert _status(world, who, url) == 404
    assert _status(world, who, url, "post", _edit_data(world.matter, summary="x")) == 404
    world.matter.refresh_from_db()
    assert world.matter.summary == SECRET_SUMMARY


def test_a_group_matter_is_edited_only_by_its_authority(world: World) -> None:
    group = make_matter(world.holder, individual=False, title="Klotter")
    url = reverse("matters:edit", args=[group.pk])
    assert _status(world, "police", url) == 404
    assert _status(world, "holder", url) == 200


def test_edit_bad_input_keeps_the_saved_data(world: World) -> None:
    url = reverse("matters:edit", args=[world.matter.pk])
    response = world.client("holder").post(url, _edit_data(world.matter, title="", level="nonsense"))
    assert response.status_code == 400
    world.matter.refresh_from_db()
    assert world.matter.title == "Oro för en ungdom" and world.matter.version == 1


# --- decisions, question owner, close and reopen ---------------------------------------


def test_record_a_decision(world: World) -> None:
    url = reverse("matters:decision", args=[world.matter.pk])
    response = world.client("holder").post(
        url, {"text": "Kontakta familjen", "decided_on": "2026-11-20", "owner_authority": "sdn-norr"}
    )
    assert response.status_code == 302
    decision = world.matter.decisions.get()
    assert decision.text == "Kontakta familjen" and decision.decided_on == dt.date(2026, 11, 20)
    page = world.client("holder").get(reverse("matters:detail", args=[world.matter.pk])).content.decode()
    assert "Kontakta familjen" in page


def test_record_a_decision_bad_date(world: World) -> None:
    url = reverse("matters:decision", args=[world.matter.pk])
    response = world.client("holder").post(url, {"text": "X", "decided_on": "igår"})
    assert response.status_code == 400
    assert "ÅÅÅÅ-MM-DD" in response.content.decode()
    assert not world.matter.decisions.exists()


def test_set_the_question_owner(world: World) -> None:
    url = reverse("matters:question_owner", args=[world.matter.pk])
    assert world.client("holder").post(url, {"question_owner": "grundskolenamnden"}).status_code == 302
    world.matter.refresh_from_db()
    assert world.matter.question_owner == "grundskolenamnden"
    assert world.client("holder").post(url, {"question_owner": "hittepa"}).status_code == 400


@pytest.mark.parametrize("who", ["police", "school", "no_unit"])
def test_writes_by_others_are_404(world: World, who: str) -> None:
    pk = world.matter.pk
    assert (
        _status(
            world,
            who,
            reverse("matters:decision", args=[pk]),
            "post",
            {"text": "X", "decided_on": "2026-11-20"},
        )
        == 404
    )
    assert (
        _status(
            world, who, reverse("matters:question_owner", args=[pk]), "post", {"question_owner": "sdn-norr"}
        )
        == 404
    )
    assert _status(world, who, reverse("matters:close", args=[pk]), "post") == 404
    assert _status(world, who, reverse("matters:reopen", args=[pk]), "post") == 404
    world.matter.refresh_from_db()
    assert world.matter.status == Status.OPEN and not world.matter.decisions.exists()


def test_writes_anonymous_go_to_login(world: World) -> None:
    pk = world.matter.pk
    for name in ("matters:decision", "matters:question_owner", "matters:close", "matters:reopen"):
        assert _status(world, "anonymous", reverse(name, args=[pk]), "post") == 302


def test_close_sets_the_retention_date_and_reopen_clears_it(world: World) -> None:
    world.client("holder").post(reverse("matters:close", args=[world.matter.pk]))
    world.matter.refresh_from_db()
    assert world.matter.status == Status.CLOSED and world.matter.closed_at is not None
    from django.conf import settings as django_settings
    from django.utils import timezone

    expected = timezone.localdate(world.matter.closed_at) + dt.timedelta(
        days=django_settings.VARNA_RETENTION_DAYS
    )
    assert world.matter.retain_until == expected
    # a closed matter takes no decisions
    response = world.client("holder").post(
        reverse("matters:decision", args=[world.matter.pk]), {"text": "X", "decided_on": "2026-11-20"}
    )
    assert response.status_code == 302 and not world.matter.decisions.exists()
    world.client("holder").post(reverse("matters:reopen", args=[world.matter.pk]))
    world.matter.refresh_from_db()
    assert world.matter.status == Status.OPEN and world.matter.retain_until is None
    assert AuditEntry.objects.filter(action=Action.UPDATE, object_id=str(world.matter.pk)).count() == 2


def test_all_get_pages_answer_per_user(world: World) -> None:
    """Every GET URL of the matters app, as each kind of user."""
    pk = world.matter.pk
    assert world.matter.person is not None
    person = world.matter.person.pk
    pages = {
        reverse("matters:index"): {
            "holder": 200,
            "other_branch": 200,
            "police": 200,
            "school": 200,
            "no_unit": 200,
            "anonymous": 302,
        },
        reverse("matters:create"): {
            "holder": 200,
            "other_branch": 200,
            "police": 200,
            "school": 200,
            "no_unit": 403,
            "anonymous": 302,
        },
        reverse("matters:detail", args=[pk]): {
            "holder": 200,
            "colleague": 200,
            "police": 404,
            "school": 404,
            "no_unit": 404,
            "anonymous": 302,
        },
        reverse("matters:edit", args=[pk]): {
            "holder": 200,
            "colleague": 200,
            "police": 404,
            "school": 404,
            "no_unit": 404,
            "anonymous": 302,
        },
        reverse("matters:persons"): {
            "holder": 200,
            "other_branch": 200,
            "police": 200,
            "school": 200,
            "no_unit": 200,
            "anonymous": 302,
        },
        reverse("matters:person", args=[person]): {
            "holder": 200,
            "colleague": 200,
            "police": 404,
            "school": 404,
            "no_unit": 404,
            "anonymous": 302,
        },
    }
    for url, statuses in pages.items():
        for who in WHO:
            expected = statuses.get(who, 302 if who == "anonymous" else 404)
            assert _status(world, who, url) == expected, (url, who)


# --- persons --------------------------------------------------------------------------


def test_persons_list_only_the_authoritys_own(world: World) -> None:
    make_matter(world.police, title="Polisärende")
    holder = world.client("holder").get(reverse("matters:persons")).content.decode()
    police = world.client("police").get(reverse("matters:persons")).content.decode()
    assert SECRET_NAME in holder and SECRET_NAME not in police
    disclose_to_police_with_consent(world)
    police = world.client("police").get(reverse("matters:persons")).content.decode()
    assert SECRET_NAME not in police


def test_person_page_shows_matters_and_consents(world: World) -> None:
    assert world.matter.person is not None
    written_consent(world.holder, world.matter, form="oral")
    page = (
        world.client("holder").get(reverse("matters:person", args=[world.matter.person.pk])).content.decode()
    )
    assert world.matter.title in page and "Skolgång och stöd" in page
    assert "Varning: muntligt samtycke" in page
    # a disclosure does not open the person page to the recipient
    disclose_to_police(world)
    assert _status(world, "police", reverse("matters:person", args=[world.matter.person.pk])) == 404


def test_anonymised_person_is_not_listed(world: World) -> None:
    assert world.matter.person is not None
    Person.objects.filter(pk=world.matter.person.pk).update(
        name="anonymiserad", anonymised_at=world.matter.opened_at
    )
    assert _status(world, "holder", reverse("matters:person", args=[world.matter.person.pk])) == 404


def test_swedish_and_english_detail(world: World) -> None:
    sv = world.client("holder").get(reverse("matters:detail", args=[world.matter.pk])).content.decode()
    en = (
        world.client("holder").get("/en" + reverse("matters:detail", args=[world.matter.pk])).content.decode()
    )
    assert "Beslut" in sv and "Avsluta ärendet" in sv
    assert "Decisions" in en and "Close the matter" in en


def test_a_decision_in_a_group_matter_must_not_name_anyone(world: World) -> None:
    group = make_matter(world.holder, individual=False, title="Klotter")
    url = reverse("matters:decision", args=[group.pk])
    response = world.client("holder").post(
        url, {"text": "Prata med Lisa Andersson", "decided_on": "2026-11-20"}
    )
    assert response.status_code == 400
    assert "Ett beslut i ett gruppärende får inte peka ut enskilda" in response.content.decode()
    assert not group.decisions.exists()


def test_errors_are_tied_to_their_fields(world: World) -> None:
    url = reverse("matters:decision", args=[world.matter.pk])
    text = world.client("holder").post(url, {"text": "", "decided_on": "igår"}).content.decode()
    assert 'id="id_decided_on-error"' in text and 'aria-invalid="true"' in text
    assert 'aria-describedby="id_decided_on-error"' in text
    assert 'href="#id_decided_on"' in text  # the error summary links to the field


def test_the_list_does_not_query_per_matter(world: World) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = world.client("holder")
    client.get(reverse("matters:index"))
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("matters:index"))
    for n in range(10):
        make_matter(world.holder, title=f"Ärende {n}")
    with CaptureQueriesContext(connection) as many:
        text = client.get(reverse("matters:index")).content.decode()
    assert "Ärende 9" in text
    assert len(many.captured_queries) == len(few.captured_queries)


def test_a_closed_matter_is_not_edited(world: World) -> None:
    world.client("holder").post(reverse("matters:close", args=[world.matter.pk]))
    world.matter.refresh_from_db()
    url = reverse("matters:edit", args=[world.matter.pk])
    assert world.client("holder").get(url).status_code == 302
    assert world.client("holder").post(url, _edit_data(world.matter, summary="Ändrat")).status_code == 302
    world.matter.refresh_from_db()
    assert world.matter.summary == SECRET_SUMMARY
