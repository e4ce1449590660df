"""The administrator's pages for users and units: refused to others, every change audited."""

from __future__ import annotations

import pytest
from django.test import Client
from tests.workspace import PASSWORD, logged_in, make_user

from varna.web.accounts.models import Role, Unit, User
from varna.web.audit.models import Action, AuditEntry

pytestmark = pytest.mark.django_db

USERS = "/arbetsrum/admin/anvandare/"
UNITS = "/arbetsrum/admin/enheter/"


@pytest.fixture
def admin(units: dict[str, Unit]) -> User:
    return make_user("trygghet-och-sakerhet", role=Role.ADMINISTRATOR, username="admin")


def _admin_urls(target: User, unit: Unit) -> list[tuple[str, str]]:
    return [
        ("get", USERS),
        ("get", USERS + "ny/"),
        ("post", USERS + "ny/"),
        ("get", f"{USERS}{target.pk}/"),
        ("post", f"{USERS}{target.pk}/"),
        ("get", f"{USERS}{target.pk}/losenord/"),
        ("post", f"{USERS}{target.pk}/losenord/"),
        ("get", UNITS),
        ("get", UNITS + "ny/"),
        ("post", UNITS + "ny/"),
        ("post", f"{UNITS}{unit.pk}/aktiv/"),
        ("get", "/arbetsrum/logg/"),
        ("get", "/arbetsrum/logg/export.csv"),
    ]


@pytest.mark.parametrize("role", [Role.MEMBER, Role.CONVENER])
def test_every_admin_page_is_refused_with_403_to_non_administrators(
    admin: User, units: dict[str, Unit], role: Role
) -> None:
    client = logged_in(make_user("ifo-norr", role=role))
    before = AuditEntry.objects.count()
    for method, url in _admin_urls(admin, units["ifo-norr"]):
        response = getattr(client, method)(url)
        assert response.status_code == 403, (method, url)
    assert "Inte tillåtet" in client.get(USERS).content.decode()
    assert AuditEntry.objects.count() == before
    assert Unit.objects.get(code="ifo-norr").active


def test_a_user_without_a_unit_is_refused_and_sees_a_notice(admin: User) -> None:
    client = logged_in(make_user(None))
    assert client.get(USERS).status_code == 403
    start = client.get("/arbetsrum/")
    assert start.status_code == 200
    assert "Ditt konto tillhör inte någon enhet ännu" in start.content.decode()


def test_a_superuser_without_the_role_is_an_administrator(units: dict[str, Unit]) -> None:
    boss = make_user(None, username="chef")
    boss.is_superuser = True
    boss.save()
    assert logged_in(boss).get(USERS).status_code == 200


def test_the_user_list_shows_accounts_in_swedish_and_english(admin: User) -> None:
    make_user("ifo-norr")
    make_user(None, username="ny-person")
    page = logged_in(admin).get(USERS).content.decode()
    assert "ifo-norr-member" in page and "Ingen enhet" in page and "Gruppmedlem" in page
    assert "No unit" in logged_in(admin).get("/en" + USERS).content.decode()


def test_creating_a_user_is_audited_without_the_password(admin: User, units: dict[str, Unit]) -> None:
    client = logged_in(admin)
    response = client.post(
        USERS + "ny/",
        {
            "username": "anna.andersson",
            "first_name": "Anna",
            "last_name": "Andersson",
            "email": "anna@example.se",
            "unit": units["ifo-norr"].pk,
            "role": "member",
            "password1": "ett-bra-och-långt-lösenord",
            "password2": "ett-bra-och-långt-lösenord",
        },
    )
    user = User.objects.get(username="anna.andersson")
    assert response.status_code == 302 and response["Location"] == f"{USERS}{user.pk}/"
    assert user.unit == units["ifo-norr"] and user.check_password("ett-bra-och-långt-lösenord")
    entry = AuditEntry.objects.get(action=Action.ADMIN, object_id=str(user.pk))
    assert entry.username == "admin" and entry.object_type == "accounts.user"
    assert "lösenord" not in str(entry.detail).replace("password_set", "")
    assert user.password not in str(entry.detail)


def test_a_user_may_be_created_without_a_unit_and_without_a_password(admin: User) -> None:
    response = logged_in(admin).post(
        USERS + "ny/",
        {"username": "utan.enhet", "role": "member", "unit": "", "password1": "", "password2": ""},
    )
    assert response.status_code == 302
    user = User.objects.get(username="utan.enhet")
    assert user.unit is None and user.authority is None and not user.has_usable_password()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"username": ""}, "Skriv ett användarnamn."),
        ({"username": "admin"}, "Det finns redan ett konto med det användarnamnet"),
        ({"username": "två ord"}, "Använd bara bokstäver"),
        ({"password1": "kort", "password2": "kort"}, "minst 12 tecken"),
        ({"password1": "ett-bra-och-långt-lösenord", "password2": "ett-annat-långt-lösenord"}, "inte lika"),
        ({"password1": "123456789012345", "password2": "123456789012345"}, "bara siffror"),
        ({"email": "inte-en-adress"}, "Skriv en hel e-postadress"),
    ],
)
def test_bad_input_creates_nothing_and_names_the_problem(
    admin: User, fields: dict[str, str], message: str
) -> None:
    data = {"username": "ny.person", "role": "member", "password1": "", "password2": "", **fields}
    before = User.objects.count()
    response = logged_in(admin).post(USERS + "ny/", data)
    assert response.status_code == 400
    body = response.content.decode()
    assert message in body and "error-summary" in body
    assert User.objects.count() == before


def test_editing_a_user_is_audited_with_what_changed(admin: User, units: dict[str, Unit]) -> None:
    user = make_user("ifo-norr")
    data = {
        "first_name": "Ny",
        "last_name": "Namnsson",
        "email": "",
        "unit": units["fritid-norr"].pk,
        "role": "convener",
        "is_active": "on",
    }
    response = logged_in(admin).post(f"{USERS}{user.pk}/", data)
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.unit == units["fritid-norr"] and user.role == Role.CONVENER
    entry = AuditEntry.objects.filter(action=Action.ADMIN, object_id=str(user.pk)).latest("seq")
    assert entry.detail["changed"]["unit"] == {"from": "ifo-norr", "to": "fritid-norr"}
    assert entry.detail["changed"]["role"] == {"from": "member", "to": "convener"}


def test_deactivating_a_user_stops_their_login_and_keeps_the_account(admin: User) -> None:
    user = make_user("ifo-norr")
    response = logged_in(admin).post(f"{USERS}{user.pk}/", {"role": "member", "unit": user.unit_id})
    assert response.status_code == 302
    user.refresh_from_db()
    assert not user.is_active
    entry = AuditEntry.objects.filter(action=Action.ADMIN, object_id=str(user.pk)).latest("seq")
    assert entry.detail["changed"]["is_active"] == {"from": True, "to": False}
    login = Client().post("/konto/logga-in/", {"username": user.username, "password": PASSWORD})
    assert login.status_code == 200


def test_an_administrator_cannot_remove_their_own_role(admin: User) -> None:
    response = logged_in(admin).post(f"{USERS}{admin.pk}/", {"role": "member", "is_active": "on"})
    assert response.status_code == 400
    admin.refresh_from_db()
    assert admin.role == Role.ADMINISTRATOR


def test_setting_a_password_is_validated_and_audited(admin: User) -> None:
    user = make_user("ifo-norr")
    client = logged_in(admin)
    url = f"{USERS}{user.pk}/losenord/"
    short = client.post(url, {"new_password1": "kort", "new_password2": "kort"})
    assert short.status_code == 400 and "minst 12 tecken" in short.content.decode()
    good = "ett-nytt-långt-lösenord-7"
    assert client.post(url, {"new_password1": good, "new_password2": good}).status_code == 302
    user.refresh_from_db()
    assert user.check_password(good)
    entry = AuditEntry.objects.filter(action=Action.ADMIN, object_id=str(user.pk)).latest("seq")
    assert good not in str(entry.detail) + entry.summary and "lösenord" in entry.summary


def test_units_are_grouped_by_authority(admin: User) -> None:
    page = logged_in(admin).get(UNITS).content.decode()
    assert "Polismyndigheten" in page and "Lokalpolisområdet i stadsområde Norr" in page
    assert page.index("Lokalpolisområdet i stadsområde Norr") > page.index("Polismyndigheten")


def test_adding_a_unit_is_audited(admin: User) -> None:
    data = {
        "code": "ifo-norr-mottagning",
        "name": "Mottagningen Norr",
        "name_en": "",
        "authority": "sdn-norr",
        "authority_name": "Stadsområdesnämnd Norr",
        "actor": "social_services",
    }
    response = logged_in(admin).post(UNITS + "ny/", data)
    assert response.status_code == 302
    unit = Unit.objects.get(code="ifo-norr-mottagning")
    assert not unit.from_file and unit.active
    entry = AuditEntry.objects.get(action=Action.ADMIN, object_type="accounts.unit")
    assert entry.object_id == str(unit.pk) and entry.authority == "sdn-norr"


def test_a_unit_with_a_taken_code_or_a_clashing_authority_name_is_refused(admin: User) -> None:
    client = logged_in(admin)
    base = {
        "name": "X",
        "authority": "sdn-norr",
        "authority_name": "Stadsområdesnämnd Norr",
        "actor": "leisure",
    }
    taken = client.post(UNITS + "ny/", {**base, "code": "ifo-norr"})
    assert taken.status_code == 400 and "Det finns redan en enhet med den koden" in taken.content.decode()
    clash = client.post(UNITS + "ny/", {**base, "code": "ny-enhet", "authority_name": "Fel namn"})
    assert clash.status_code == 400 and "heter redan" in clash.content.decode()
    assert not Unit.objects.filter(code="ny-enhet").exists()


def test_deactivating_and_activating_a_unit_is_audited(admin: User, units: dict[str, Unit]) -> None:
    client = logged_in(admin)
    unit = units["fritid-norr"]
    assert client.get(f"{UNITS}{unit.pk}/aktiv/").status_code == 405
    client.post(f"{UNITS}{unit.pk}/aktiv/", {"active": "no"})
    unit.refresh_from_db()
    assert not unit.active
    client.post(f"{UNITS}{unit.pk}/aktiv/", {"active": "yes"})
    unit.refresh_from_db()
    assert unit.active
    summaries = list(
        AuditEntry.objects.filter(action=Action.ADMIN, object_id=str(unit.pk)).values_list(
            "summary", flat=True
        )
    )
    assert summaries == ["Inaktiverade en enhet", "Aktiverade en enhet"]
    # A deactivated unit is not offered for new users.
    client.post(f"{UNITS}{unit.pk}/aktiv/", {"active": "no"})
    form = client.get(USERS + "ny/").content.decode()
    assert f'<option value="{unit.pk}">' not in form and f'<option value="{units["ifo-norr"].pk}">' in form
