"""Retention: closed individual matters past their date are anonymised; a dry run changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from tests.web.workspace.matters_world import (
    DISCLOSED_TEXT,
    SECRET_NAME,
    SECRET_SUMMARY,
    World,
    disclose_to_police,
    world_fixture,  # noqa: F401 (the fixture "world")
    written_consent,
)
from tests.workspace import make_matter

from varna.cli import main
from varna.web.audit.models import Action, AuditEntry
from varna.web.audit.services import audit_verify
from varna.web.consent.models import ConsentRecord
from varna.web.disclosures.models import Disclosure
from varna.web.matters.models import Matter, MatterDecision, Person
from varna.web.matters.retention import ANONYMOUS_NAME, ANONYMOUS_TITLE, REMOVED, retention_run
from varna.web.matters.services import matter_close, matter_decision_record

pytestmark = pytest.mark.django_db

TODAY = dt.date(2031, 6, 1)


def _close(world: World, matter: Matter, retain_until: dt.date) -> None:
    matter_close(user=world.holder, matter=matter)
    Matter.objects.filter(pk=matter.pk).update(retain_until=retain_until)
    matter.refresh_from_db()


@pytest.fixture
def due(world: World) -> World:
    """The matter with a decision, a disclosure relying on one consent, an unused consent; closed, due."""
    used = written_consent(world.holder, world.matter)
    written_consent(world.holder, world.matter, recipients=("grundskolenamnden",))
    matter_decision_record(
        user=world.holder, matter=world.matter, text="Stöd via skolan för Ada", decided_on=dt.date(2026, 3, 1)
    )
    disclose_to_police(world)
    assert Disclosure.objects.get().consent == used
    _close(world, world.matter, TODAY - dt.timedelta(days=1))
    return world


def test_dry_run_lists_and_changes_nothing(due: World) -> None:
    world = due
    entries = AuditEntry.objects.count()
    report = retention_run(today=TODAY, dry_run=True)
    assert [m.matter_id for m in report.matters] == [world.matter.pk]
    planned = report.matters[0]
    assert planned.person_anonymised and planned.decisions == 1 and planned.disclosures == 1
    assert planned.consents_deleted == 1 and planned.consents_emptied == 1
    assert "provkörning" in report.text_sv() and SECRET_NAME not in report.text_sv()
    world.matter.refresh_from_db()
    assert world.matter.summary == SECRET_SUMMARY and world.matter.anonymised_at is None
    assert ConsentRecord.objects.count() == 2 and AuditEntry.objects.count() == entries


def test_run_anonymises_and_logs(due: World) -> None:
    world = due
    report = retention_run(today=TODAY, dry_run=False)
    assert len(report.matters) == 1
    matter = Matter.objects.get(pk=world.matter.pk)
    assert matter.title == ANONYMOUS_TITLE and matter.summary == "" and matter.anonymised_at is not None
    assert MatterDecision.objects.get().text == REMOVED
    disclosure = Disclosure.objects.get()
    assert disclosure.content == REMOVED and disclosure.outcome == "allowed" and disclosure.provisions
    person = Person.objects.get()
    assert person.name == ANONYMOUS_NAME and person.birth_year is None and person.anonymised_at is not None
    remaining = ConsentRecord.objects.get()  # the unused one is deleted, the relied-on one emptied
    assert (
        remaining.pk == disclosure.consent_id
        and remaining.information == REMOVED
        and remaining.child_view == ""
    )
    entry = AuditEntry.objects.get(action=Action.RETENTION)
    assert (
        entry.username == "gallring" and entry.object_id == str(matter.pk) and entry.authority == "sdn-norr"
    )
    for text in (SECRET_NAME, SECRET_SUMMARY, DISCLOSED_TEXT, "Ada"):
        assert text not in entry.summary and text not in str(entry.detail)
    assert audit_verify().ok
    # a second run finds nothing left to do
    assert retention_run(today=TODAY, dry_run=False).matters == []
    assert AuditEntry.objects.filter(action=Action.RETENTION).count() == 1
    # the holder's page no longer shows anything about the person
    page = world.client("holder").get(reverse("matters:detail", args=[matter.pk])).content.decode()
    assert SECRET_NAME not in page and SECRET_SUMMARY not in page and "Stöd via skolan" not in page


def test_not_due_open_and_group_matters_are_left_alone(world: World) -> None:
    _close(world, world.matter, TODAY)  # kept until today: not yet passed
    group = make_matter(world.holder, individual=False, title="Gruppärende")
    _close(world, group, TODAY - dt.timedelta(days=10))
    open_matter = make_matter(world.holder, title="Öppet ärende")
    assert retention_run(today=TODAY, dry_run=False).matters == []
    for matter in (world.matter, group, open_matter):
        matter.refresh_from_db()
        assert matter.anonymised_at is None
    assert "Inga avslutade individärenden" in retention_run(today=TODAY, dry_run=True).text_sv()


def test_a_person_another_matter_still_needs_is_kept(world: World) -> None:
    person = world.matter.person
    assert person is not None
    written_consent(world.holder, world.matter)
    make_matter(world.holder, title="Nytt ärende om samma person", person=person)
    _close(world, world.matter, TODAY - dt.timedelta(days=1))
    report = retention_run(today=TODAY, dry_run=False)
    assert len(report.matters) == 1 and not report.matters[0].person_anonymised
    person.refresh_from_db()
    assert person.name == SECRET_NAME and ConsentRecord.objects.count() == 1
    world.matter.refresh_from_db()
    assert world.matter.summary == "" and world.matter.anonymised_at is not None


def test_two_due_matters_of_one_person(world: World) -> None:
    person = world.matter.person
    assert person is not None
    second = make_matter(world.holder, title="Andra ärendet", person=person)
    _close(world, world.matter, TODAY - dt.timedelta(days=3))
    _close(world, second, TODAY - dt.timedelta(days=2))
    report = retention_run(today=TODAY, dry_run=False)
    assert len(report.matters) == 2
    assert sum(m.person_anonymised for m in report.matters) == 1
    person.refresh_from_db()
    assert person.name == ANONYMOUS_NAME


def test_the_command(due: World, capsys: pytest.CaptureFixture[str]) -> None:
    Matter.objects.filter(pk=due.matter.pk).update(retain_until=dt.date(2020, 1, 1))
    assert main(["retention", "run", "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "provkörning" in out and f"ärende {due.matter.pk}" in out and "skulle gallras" in out
    assert not AuditEntry.objects.filter(action=Action.RETENTION).exists()
    assert main(["retention", "run"]) == 0
    out = capsys.readouterr().out
    assert "gallrades" in out and SECRET_NAME not in out
    assert AuditEntry.objects.filter(action=Action.RETENTION).count() == 1
