"""The fictional demo: idempotent, its disclosure decided by the real engine, its logins local only."""

from __future__ import annotations

import pytest
from django.test import Client

from varna.cli import main
from varna.web.accounts.models import User
from varna.web.audit.models import Action as AuditAction
from varna.web.audit.models import AuditEntry
from varna.web.consent.models import ConsentRecord
from varna.web.disclosures.models import Disclosure
from varna.web.matters.models import Matter, Person
from varna.web.meetings.models import Action, AgendaItem, Attendance, Meeting
from varna.web.workspace.demo import DEMO_PASSWORD, DEMO_USERS, demo_load

pytestmark = pytest.mark.django_db

LOGIN = "/konto/logga-in/"
MODELS = (User, Matter, Person, ConsentRecord, Disclosure, Meeting, Attendance, AgendaItem, Action)


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def test_loading_twice_adds_nothing_the_second_time() -> None:
    first = demo_load()
    counts = _counts()
    assert counts["User"] == len(DEMO_USERS) and counts["Disclosure"] == 1 and counts["Meeting"] == 2
    second = demo_load()
    assert second.created == [] and first.created
    assert _counts() == counts


def test_everything_is_marked_fictional() -> None:
    demo_load()
    assert all("(påhittad)" in person.name for person in Person.objects.all())
    assert all("(påhittat)" in matter.title for matter in Matter.objects.all())
    assert all(user.is_demo for user in User.objects.all())


def test_the_demo_covers_the_authorities_roles_and_an_overdue_action() -> None:
    demo_load()
    users = {user.username: user for user in User.objects.select_related("unit")}
    assert users["demo-socialsekreterare"].authority == "sdn-norr"
    assert (
        users["demo-fritidsledare"].unit is not None and users["demo-fritidsledare"].unit.actor == "leisure"
    )
    assert users["demo-polis"].authority == "polismyndigheten"
    assert (
        users["demo-sammankallande"].authority == "sociala-resursnamnden"
        and users["demo-sammankallande"].is_convener
    )
    assert users["demo-admin"].is_administrator
    assert {u.unit.actor for u in users.values() if u.unit} >= {
        "school_health_medical",
        "school_staff",
        "police",
    }
    from django.utils import timezone

    assert Action.objects.filter(due_on__lt=timezone.localdate(), status="open").count() == 1
    item = AgendaItem.objects.get(matter__person__isnull=False)
    assert "Påhittadsson" not in item.case_description and "[Person 1]" in item.case_description


def test_the_disclosure_is_the_engines_answer() -> None:
    demo_load()
    disclosure = Disclosure.objects.get()
    assert disclosure.outcome == "allowed" and "OSL 10:1" in disclosure.provisions
    assert disclosure.decision["outcome"] == "allowed" and disclosure.decision["trace"]
    assert disclosure.rulebase_version and disclosure.question["consent"] == "written"
    assert disclosure.consent is not None and disclosure.to_authority == "polismyndigheten"
    assert AuditEntry.objects.filter(action=AuditAction.DISCLOSE, object_id=str(disclosure.pk)).exists()
    # Asking the engine the stored question again gives the stored answer.
    from varna.guide.lawbridge import engine_for
    from varna.law import parse_question
    from varna.web.core.municipality import current_municipality

    again = engine_for(current_municipality()).assess(parse_question(disclosure.question))
    assert again.outcome.value == disclosure.outcome and list(again.provisions) == disclosure.provisions


@pytest.mark.parametrize("address", ["127.0.0.1", "::1"])
def test_a_demo_login_works_from_this_machine(address: str) -> None:
    demo_load()
    response = Client().post(
        LOGIN, {"username": "demo-polis", "password": DEMO_PASSWORD}, REMOTE_ADDR=address
    )
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("address", "headers"),
    [("10.0.0.5", {}), ("192.168.1.20", {}), ("127.0.0.1", {"HTTP_X_FORWARDED_FOR": "203.0.113.9"})],
)
def test_a_demo_login_from_elsewhere_is_refused_and_audited(address: str, headers: dict[str, str]) -> None:
    demo_load()
    client = Client()
    response = client.post(
        LOGIN, {"username": "demo-polis", "password": DEMO_PASSWORD}, REMOTE_ADDR=address, **headers
    )
    assert response.status_code == 403
    assert "Demokonton fungerar bara på den dator som kör Värna" in response.content.decode()
    assert "_auth_user_id" not in client.session
    entry = AuditEntry.objects.filter(action=AuditAction.LOGIN_BLOCKED).latest("seq")
    assert entry.username == "demo-polis" and entry.detail["reason"] == "demo_remote"


def test_an_ordinary_account_logs_in_from_elsewhere() -> None:
    from tests.workspace import PASSWORD, make_user

    demo_load()
    user = make_user("ifo-norr")
    response = Client().post(LOGIN, {"username": user.username, "password": PASSWORD}, REMOTE_ADDR="10.0.0.5")
    assert response.status_code == 302


def test_the_command_prints_the_logins(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "load"]) == 0
    out = capsys.readouterr().out
    assert DEMO_PASSWORD in out and "demo-admin" in out and "127.0.0.1" in out
    assert main(["demo", "load"]) == 0
    assert "inget nytt" in capsys.readouterr().out


def test_the_start_page_shows_the_overdue_action_to_its_unit() -> None:
    demo_load()
    client = Client()
    client.post(LOGIN, {"username": "demo-fritidsledare", "password": DEMO_PASSWORD}, REMOTE_ADDR="127.0.0.1")
    page = client.get("/arbetsrum/")
    assert page.status_code == 200
    body = page.content.decode()
    assert "1 försenad åtgärd" in body and "Sanera klottret" in body
