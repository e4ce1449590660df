"""The foundation the workspace stands on: units from the organisation file, the access door."""

from __future__ import annotations

import pytest
from django.http import Http404
from tests.workspace import make_matter, make_user

from varna.web.accounts.models import Unit
from varna.web.accounts.services import units_sync
from varna.web.audit.models import Action, AuditEntry
from varna.web.core.municipality import current_municipality
from varna.web.disclosures.models import Disclosure
from varna.web.matters.access import Reach, matter_for, matters_for

pytestmark = pytest.mark.django_db


def test_units_come_from_the_organisation_file_with_their_actor_and_authority(units: dict[str, Unit]) -> None:
    assert units["ifo-norr"].authority == "sdn-norr"
    assert units["ifo-norr"].actor == "social_services"
    assert units["lpo-norr"].authority == "polismyndigheten"
    assert units["medicinsk-elevhalsa-grundskolan"].actor == "school_health_medical"


def test_a_second_sync_changes_nothing_and_a_unit_the_file_dropped_is_deactivated(
    units: dict[str, Unit],
) -> None:
    Unit.objects.create(
        code="gammal",
        name="Gammal enhet",
        authority="sdn-norr",
        authority_name="x",
        actor="leisure",
        from_file=True,
    )
    result = units_sync(municipality=current_municipality())
    assert result.created == 0
    assert result.deactivated == 1
    assert not Unit.objects.get(code="gammal").active


def test_an_individual_matter_is_invisible_to_another_authority_until_a_disclosure(
    units: dict[str, Unit],
) -> None:
    owner = make_user("ifo-norr")
    colleague = make_user("ifo-norr", username="kollega")
    other_branch = make_user("fritid-norr")  # same committee, another branch: secrecy between them (OSL 8:2)
    police = make_user("lpo-norr")
    matter = make_matter(owner)
    assert matter_for(owner, matter.pk).reach is Reach.HOLDER
    assert matter_for(colleague, matter.pk).reach is Reach.HOLDER
    for outsider in (other_branch, police):
        with pytest.raises(Http404):
            matter_for(outsider, matter.pk)
    assert not matters_for(police).filter(pk=matter.pk).exists()
    Disclosure.objects.create(
        matter=matter,
        from_unit=owner.unit,
        from_authority="sdn-norr",
        to_unit=police.unit,
        to_authority="polismyndigheten",
        information_kind="personal_circumstances",
        content="x",
        setting="direct",
        question={},
        decision={},
        outcome="allowed",
        rulebase_version="v",
        decided_by=owner,
        decided_at=matter.opened_at,
    )
    assert matter_for(police, matter.pk).reach is Reach.DISCLOSED
    assert matters_for(police).filter(pk=matter.pk).exists()


def test_a_group_matter_is_seen_by_every_member_and_reading_it_is_not_logged(units: dict[str, Unit]) -> None:
    owner = make_user("ifo-norr")
    police = make_user("lpo-norr")
    matter = make_matter(owner, individual=False)
    assert matter_for(police, matter.pk).reach is Reach.GROUP
    assert not AuditEntry.objects.filter(action=Action.READ).exists()


def test_reading_an_individual_matter_is_logged(units: dict[str, Unit]) -> None:
    owner = make_user("ifo-norr")
    matter = make_matter(owner)
    matter_for(owner, matter.pk)
    entry = AuditEntry.objects.get(action=Action.READ)
    assert entry.username == owner.username
    assert entry.object_id == str(matter.pk)
    assert entry.authority == "sdn-norr"


def test_a_user_without_unit_sees_nothing(units: dict[str, Unit]) -> None:
    owner = make_user("ifo-norr")
    make_matter(owner, individual=False)
    assert not matters_for(make_user(None)).exists()
