"""The bundled default plans: complete, sourced, and loaded once however often the command runs."""

from __future__ import annotations

from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from varna.web.accounts.models import Unit
from varna.web.core.municipality import current_municipality
from varna.web.plans.defaults import DefaultsError, check_ids, read_defaults
from varna.web.plans.models import Activity, ActivityStatus, Area, Plan, PlanKind
from varna.web.plans.services import DefaultsProblem, plans_load_default

AGREEMENT_AREAS = [
    "Unga i riskzon och unga kriminella",
    "Organiserad brottslighet och kriminella gäng",
    "Droger",
    "Stöd till brottsutsatta",
    "Våld i nära relation",
    "Trygghetsskapande åtgärder i offentlig miljö och i trafiken",
]


def test_every_item_of_the_file_names_its_source_and_known_ids() -> None:
    plans = read_defaults()
    municipality = current_municipality()
    assert (
        check_ids(
            plans, units={u.id for u in municipality.units}, orgs={a.id for a in municipality.authorities}
        )
        == []
    )
    for plan in plans:
        assert plan.source.startswith("Riktlinjen")
        for area in plan.areas:
            assert area.source.startswith("Riktlinjen")
        for _area, activity in plan.all_activities():
            assert activity.source.startswith("Riktlinjen"), activity.key


def test_a_broken_file_is_refused_with_the_place_named(tmp_path: Path) -> None:
    broken = tmp_path / "plans.yaml"
    broken.write_text(
        "format: 1\nplans:\n  - key: x\n    name: X\n    kind: wish_list\n    owner_unit: a\n    source: s\n",
        encoding="utf-8",
    )
    with pytest.raises(DefaultsError, match="plan x: 'kind' must be one of"):
        read_defaults(broken)


def test_unknown_units_are_named(units: Any, tmp_path: Path) -> None:
    path = tmp_path / "plans.yaml"
    path.write_text(
        "format: 1\nplans:\n  - key: x\n    name: X\n    kind: project\n    owner_unit: nowhere\n"
        "    source: s\n    partner_orgs: [nobody]\n",
        encoding="utf-8",
    )
    with pytest.raises(DefaultsProblem, match=r"unknown unit 'nowhere'.*unknown partner 'nobody'"):
        plans_load_default(municipality=current_municipality(), path=path)
    assert not Plan.objects.exists()


@pytest.mark.django_db
def test_the_command_loads_the_guideline_plans_once() -> None:
    out = StringIO()
    call_command("load_default_plans", stdout=out)
    assert "4 nya planer" in out.getvalue()
    counts = (Plan.objects.count(), Area.objects.count(), Activity.objects.count())
    call_command("load_default_plans", stdout=StringIO())
    assert (Plan.objects.count(), Area.objects.count(), Activity.objects.count()) == counts

    agreement = Plan.objects.get(key="trygg-och-saker-stad-2012-2016")
    assert agreement.kind == PlanKind.COOPERATION_AGREEMENT
    assert agreement.name == "Malmö – trygg och säker stad 2012–2016"
    assert [a.name for a in agreement.areas.order_by("position")] == AGREEMENT_AREAS
    assert all("att beskriva lokalt" in a.problem_picture for a in agreement.areas.all())
    assert agreement.partner_units.filter(code="polisomrade-malmo").exists()

    liaise = Plan.objects.get(key="liaise-ii")
    assert liaise.kind == PlanKind.PROJECT
    assert "EFUS" in liaise.other_partners and "sociala-resursnamnden" in liaise.partner_orgs
    meetings = {
        a.title: (a.starts_on.month, a.ends_on.month)
        for a in liaise.activities.all()
        if a.title.startswith("Projektmöte")
    }
    assert meetings == {"Projektmöte i Bryssel": (1, 1), "Projektmöte i Malmö": (2, 2)}

    competence = Plan.objects.get(key="kompetens-2016")
    offers = competence.activities.filter(competence=True)
    assert {a.level for a in offers} == {"universal", "selective", "indicated"}
    assert offers.get(key="hogerextrema-grupper").partner_orgs == ["expo"]
    assert all(a.responsible_unit.code == "trygghet-och-sakerhet" for a in competence.activities.all())

    vara_liv = Plan.objects.get(key="vara-liv-ar-1")
    assert vara_liv.owner_unit.code == "plattform-malmo"
    assert set(vara_liv.partner_orgs) == {"islamakademin", "spiritus-mundi", "flamman-ungdomens-hus"}
    assert vara_liv.activities.count() >= 20
    assert vara_liv.activities.filter(title="Individuell handlingsplan", level="indicated").exists()
    assert all(a.status == ActivityStatus.PLANNED for a in Activity.objects.all())
    assert all(a.source for a in Activity.objects.all())


def test_loading_keeps_what_people_changed(units: Any) -> None:
    plans_load_default(municipality=current_municipality())
    activity = Activity.objects.get(key="mote-malmo")
    Activity.objects.filter(pk=activity.pk).update(title="Projektmöte i Malmö 11 februari")
    Activity.objects.filter(key="film").delete()
    report = plans_load_default(municipality=current_municipality())
    assert report.plans == 0 and report.activities == 1
    assert Activity.objects.get(key="mote-malmo").title == "Projektmöte i Malmö 11 februari"
    assert Activity.objects.filter(key="film").count() == 1
    assert Unit.objects.filter(code="plattform-malmo").exists()


def test_varna_plans_load_default(db: Any, capsys: pytest.CaptureFixture[str]) -> None:
    from varna.cli import main

    assert main(["plans", "load-default"]) == 0
    assert "4 nya planer" in capsys.readouterr().out
    assert main(["plans", "load-default"]) == 0
    assert "0 nya planer, 0 nya områden och 0 nya aktiviteter" in capsys.readouterr().out
    assert Plan.objects.count() == 4
