"""The users and matters the matters, consent, disclosure and retention tests share.

The holder works at the social services of District Committee North (``ifo-norr``);
the same authority's other branch is its leisure unit (``fritid-norr``); the police
(``lpo-norr``) and the school (``grundskolorna``) are other authorities; one user has
no unit; and "anonymous" is not signed in at all.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.test import Client
from tests.workspace import make_matter, make_person, make_user

from varna.law import Fact, Information, Setting
from varna.web.accounts.models import Unit, User
from varna.web.consent.models import ConsentRecord
from varna.web.consent.services import consent_record
from varna.web.disclosures.models import Disclosure
from varna.web.disclosures.services import disclosure_record
from varna.web.matters.models import Matter

SECRET_SUMMARY = "Grävlingsbeskrivning"  # noqa: S105 (the matter's description: holder only)
SECRET_NAME = "Ada Hemligsson"  # noqa: S105 (the person: holder only)
DISCLOSED_TEXT = "Uttrutlämnande"  # what was disclosed to the police: holder and police
POLICE = "polismyndigheten"
HOLDER = "sdn-norr"

WHO = ("holder", "other_branch", "police", "school", "no_unit", "anonymous")


@dataclass
class World:
    users: dict[str, User | None]
    matter: Matter
    objects: dict[str, Any] = field(default_factory=dict)

    def client(self, who: str) -> Client:
        client = Client()
        user = self.users[who]
        if user is not None:
            client.force_login(user)
        return client

    @property
    def holder(self) -> User:
        user = self.users["holder"]
        assert user is not None
        return user

    @property
    def police(self) -> User:
        user = self.users["police"]
        assert user is not None
        return user


def written_consent(
    holder: User,
    matter: Matter,
    *,
    recipients: tuple[str, ...] = (POLICE,),
    kinds: tuple[str, ...] = (),
    form: str = "written",
) -> ConsentRecord:
    assert matter.person is not None
    return consent_record(
        user=holder,
        person=matter.person,
        information="Skolgång och stöd",
        information_kinds=list(kinds),
        recipients=list(recipients),
        purpose="Samordnat stöd",
        form=form,
        given_by="person_and_guardians",
        guardians="Två vårdnadshavare",
        child_view="Vill ha hjälp",
        given_on=dt.date(2026, 1, 10),
    )


def disclose_to_police(world: World, content: str = DISCLOSED_TEXT) -> Disclosure:
    police_unit = Unit.objects.get(code="lpo-norr")
    return disclosure_record(
        user=world.holder,
        matter=world.matter,
        to_unit=police_unit,
        information_kind=Information.PERSONAL_CIRCUMSTANCES,
        content=content,
        setting=Setting.DIRECT,
        facts=[Fact.HELPS_PREVENT],
    )


@pytest.fixture(name="world")
def world_fixture(units: dict[str, Unit]) -> World:
    users: dict[str, User | None] = {
        "holder": make_user("ifo-norr", username="holder"),
        "colleague": make_user("ifo-norr", username="colleague"),  # the same branch
        "other_branch": make_user("fritid-norr", username="otherbranch"),
        "police": make_user("lpo-norr", username="police"),
        "school": make_user("grundskolorna", username="school"),
        "no_unit": make_user(None, username="nounit"),
        "anonymous": None,
    }
    holder = users["holder"]
    assert holder is not None
    person = make_person(holder, name=SECRET_NAME, birth_year=2010)
    matter = make_matter(
        holder, title="Oro för en ungdom", summary=SECRET_SUMMARY, person=person, district="norr"
    )
    return World(users, matter)
