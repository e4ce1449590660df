"""A meeting of the coordination team to test against: who attends, and a matter on the agenda.

Attending: a convener from the city office's safety unit, a social secretary of the
northern district (who holds the matter), a teacher and a police officer. A social
secretary of the southern district does not attend and must see nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from tests.workspace import make_matter, make_user

from varna.web.accounts.models import Role, User
from varna.web.consent.models import ConsentRecord, Form, Giver
from varna.web.matters.models import Matter
from varna.web.meetings import services
from varna.web.meetings.models import Meeting

ORIGINAL = (
    "Ahmed Karlsson, 15 år, går i 9B på Rosengårdsskolan och bor på Amiralsgatan 12. "
    "Han har delat propaganda i klassens chatt."
)


@dataclass
class Team:
    convener: User
    social: User
    school: User
    police: User
    outsider: User
    meeting: Meeting
    matter: Matter


def at(days: int = 1, hour: int = 13) -> dt.datetime:
    day = timezone.localdate() + dt.timedelta(days=days)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, 0)))


def build_team() -> Team:
    """The team and its meeting; the ``units`` fixture must have run."""
    convener = make_user("trygghet-och-sakerhet", role=Role.CONVENER, username="sammankallande")
    social = make_user("ifo-norr", username="socialsekreterare")
    school = make_user("grundskolorna", username="larare")
    police = make_user("lpo-norr", username="polis")
    outsider = make_user("ifo-soder", username="utomstaende")
    matter = make_matter(social, summary=ORIGINAL)
    assert matter.person is not None
    matter.person.name = "Ahmed Karlsson"
    matter.person.save()
    meeting = services.meeting_create(
        convener=convener,
        title="Samverkansgruppen",
        starts_at=at(0, 23),
        place="Stadshuset",
        attendees=[social, school, police],
    )
    return Team(convener, social, school, police, outsider, meeting, matter)


def give_consent(
    team: Team, *, recipients: list[str] | None = None, form: str = Form.WRITTEN, **fields: Any
) -> ConsentRecord:
    assert team.matter.person is not None
    return ConsentRecord.objects.create(
        person=team.matter.person,
        owner_authority=team.social.authority,
        information="Det som tas upp i samverkansgruppen",
        recipients=recipients
        if recipients is not None
        else ["grundskolenamnden", "polismyndigheten", "kommunstyrelsen"],
        purpose="Samordnat stöd",
        form=form,
        given_by=Giver.GUARDIANS,
        given_on=fields.pop("given_on", timezone.localdate() - dt.timedelta(days=3)),
        recorded_by=team.social,
        **fields,
    )
