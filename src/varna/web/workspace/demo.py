"""A clearly fictional demo for a newcomer's first look: ``varna demo load`` (``make run`` runs it).

Everything here is invented – every person is marked "(påhittad)", every matter
"(påhittat)" – and the demo accounts carry ``is_demo``, which the login form refuses
unless the request comes from this machine (127.0.0.1 or ::1). Loading is
idempotent: each object is looked up by its fixed name first, so a second run
changes nothing but the demo passwords, which are set again so the printed logins
always work.

Most objects are made with the models directly, in this one module, so switching to
the apps' services later is a change here only. The disclosure already goes through
``disclosures.services.disclosure_record``: the organisation-aware secrecy engine
decides it, on the consent the register holds, and it is audited like any other.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone

from varna.deid import deidentify
from varna.law import Information, Setting
from varna.web.accounts.models import Role, Unit, User
from varna.web.accounts.services import units_sync, user_create
from varna.web.audit.models import Action as AuditAction
from varna.web.audit.services import audit_record
from varna.web.consent.models import ConsentRecord, Form, Giver
from varna.web.core.municipality import current_municipality
from varna.web.disclosures.models import Disclosure
from varna.web.disclosures.services import DisclosureError, disclosure_record
from varna.web.matters.models import Kind, Matter, MatterDecision, Person
from varna.web.meetings.models import (
    Action,
    ActionStatus,
    AgendaItem,
    Attendance,
    Meeting,
    Minutes,
    Presentation,
)

DEMO_PASSWORD = "demo-varna-lokalt"  # noqa: S105 (printed for everyone; works only on localhost)


@dataclass(frozen=True, slots=True)
class DemoUser:
    username: str
    unit: str
    role: Role
    first_name: str
    last_name: str
    what_sv: str


DEMO_USERS: tuple[DemoUser, ...] = (
    DemoUser(
        "demo-socialsekreterare",
        "ifo-norr",
        Role.MEMBER,
        "Sara",
        "Demosson",
        "socialsekreterare, individ- och familjeomsorgen Norr",
    ),
    DemoUser(
        "demo-fritidsledare",
        "fritid-norr",
        Role.MEMBER,
        "Fredrik",
        "Demoberg",
        "fritidsledare, fritidsverksamheten Norr",
    ),
    DemoUser(
        "demo-skolskoterska",
        "medicinsk-elevhalsa-grundskolan",
        Role.MEMBER,
        "Selma",
        "Demoström",
        "skolsköterska, medicinska elevhälsan i grundskolan",
    ),
    DemoUser("demo-larare", "grundskolorna", Role.MEMBER, "Lars", "Demolund", "lärare i grundskolan"),
    DemoUser("demo-polis", "lpo-norr", Role.MEMBER, "Paula", "Demodal", "kommunpolis, lokalpolisområde Norr"),
    DemoUser(
        "demo-sammankallande",
        "plattform-malmo",
        Role.CONVENER,
        "Sam",
        "Demohed",
        "sammankallande, sociala resursnämnden",
    ),
    DemoUser(
        "demo-admin",
        "trygghet-och-sakerhet",
        Role.ADMINISTRATOR,
        "Ada",
        "Demoadmin",
        "administratör, stadskontoret",
    ),
)

CASE_TEXT = (
    "Alex Påhittadsson, 15 år, går i årskurs 9 på Exempelskolan i Norr. Alex har under hösten visat "
    "bilder med våldsbejakande symboler för klasskamrater och sagt att han vill träffa en man han lärt "
    "känna på nätet. Vårdnadshavarna har berättat att Alex ofta är borta sena kvällar."
)


@dataclass
class DemoReport:
    created: list[str] = field(default_factory=list)
    logins: list[tuple[str, str]] = field(default_factory=list)  # (username, what)

    def text_sv(self) -> str:
        lines = [
            "Demodata (påhittade): "
            + (", ".join(self.created) if self.created else "fanns redan, inget nytt lagt in")
            + ".",
            "",
            "Demoinloggningar – fungerar bara från den här datorn "
            f"(http://127.0.0.1:{os.environ.get('PORT', '8000')}/arbetsrum/),",
            f"alla med lösenordet {DEMO_PASSWORD}:",
        ]
        width = max(len(name) for name, _ in self.logins) if self.logins else 0
        lines += [f"  {name.ljust(width)}  {what}" for name, what in self.logins]
        return "\n".join(lines)


def _users(report: DemoReport) -> dict[str, User]:
    users: dict[str, User] = {}
    for spec in DEMO_USERS:
        unit = Unit.objects.get(code=spec.unit)
        user = User.objects.filter(username=spec.username).first()
        if user is None:
            user = user_create(
                username=spec.username,
                password=DEMO_PASSWORD,
                unit=unit,
                role=spec.role,
                first_name=spec.first_name,
                last_name=spec.last_name,
                is_demo=True,
            )
            report.created.append(f"användaren {spec.username}")
        else:
            # The printed logins must work, and a demo account must stay one.
            user.set_password(DEMO_PASSWORD)
            user.is_demo = True
            user.is_active = True
            user.save(update_fields=["password", "is_demo", "is_active"])
        users[spec.username] = user
        report.logins.append((spec.username, spec.what_sv))
    return users


def _matter(report: DemoReport, *, title: str, by: User, **fields: Any) -> Matter:
    existing = Matter.objects.filter(title=title, created_by=by).first()
    if existing is not None:
        return existing
    assert by.unit is not None and by.authority is not None  # noqa: S101 (demo users all have units)
    matter = Matter.objects.create(
        title=title, created_by=by, owner_unit=by.unit, owner_authority=by.authority, **fields
    )
    report.created.append(f"ärendet ”{title}”")
    return matter


def _person(*, name: str, by: User, age: int) -> Person:
    assert by.authority is not None  # noqa: S101
    person, _ = Person.objects.get_or_create(
        name=name,
        owner_authority=by.authority,
        defaults={"birth_year": timezone.localdate().year - age, "created_by": by},
    )
    return person


def _matters(report: DemoReport, users: dict[str, User]) -> dict[str, Matter]:
    social, leisure, police = (
        users["demo-socialsekreterare"],
        users["demo-fritidsledare"],
        users["demo-polis"],
    )
    matters = {
        "klotter": _matter(
            report,
            by=leisure,
            kind=Kind.GROUP,
            level="selective",
            concern="extremist_propaganda",
            district="norr",
            question_owner="sdn-norr",
            title="Klotter med våldsbejakande symboler vid en fritidsgård i Norr (påhittat)",
            summary="Symboler som förknippas med en våldsbejakande rörelse har målats på fasaden "
            "tre helger i "
            "rad. Personalen har inte sett vem som målat. (Påhittat demoexempel.)",
        ),
        "natet": _matter(
            report,
            by=police,
            kind=Kind.GROUP,
            level="universal",
            concern="anti_democratic_values",
            district="norr",
            question_owner="polismyndigheten",
            title="Odemokratiska budskap i en chattgrupp för unga i Norr (påhittat)",
            summary="Polisen har fått tips om en öppen chattgrupp där unga i området sprider odemokratiska "
            "budskap. Lägesbild, inga enskilda namn. (Påhittat demoexempel.)",
        ),
    }
    alex = _person(name="Alex Påhittadsson (påhittad)", by=social, age=15)
    matters["alex"] = _matter(
        report,
        by=social,
        kind=Kind.INDIVIDUAL,
        person=alex,
        level="indicated",
        concern="extremist_contacts",
        district="norr",
        question_owner="sdn-norr",
        title="Oro för en 15-åring i Norr (påhittat)",
        summary="Alex visar våldsbejakande bilder och har kontakt med en okänd vuxen via nätet. "
        "Vårdnadshavarna är oroliga. (Påhittat demoexempel.)",
    )
    kim = _person(name="Kim Exempelsson (påhittad)", by=police, age=17)
    matters["kim"] = _matter(
        report,
        by=police,
        kind=Kind.INDIVIDUAL,
        person=kim,
        level="indicated",
        concern="crime",
        district="norr",
        question_owner="polismyndigheten",
        title="Ungdom som sprider hot i sociala medier (påhittat)",
        summary="Polisen följer en 17-åring som hotat klasskamrater i sociala medier. "
        "(Påhittat demoexempel.)",
    )
    if not matters["alex"].decisions.exists():
        MatterDecision.objects.create(
            matter=matters["alex"],
            decided_on=timezone.localdate() - dt.timedelta(days=14),
            text="Socialtjänsten äger frågan och inleder en utredning; skolan bjuds in till ett "
            "samordnat möte med vårdnadshavarna. (Påhittat.)",
            owner_authority="sdn-norr",
            recorded_by=social,
        )
    return matters


def _consent(report: DemoReport, person: Person, by: User) -> ConsentRecord:
    consent = ConsentRecord.objects.filter(person=person).first()
    if consent is not None:
        return consent
    report.created.append("ett samtycke")
    return ConsentRecord.objects.create(
        person=person,
        owner_authority=person.owner_authority,
        information="Vad socialtjänsten vet om oron för Alex och vilket stöd familjen får.",
        information_kinds=[Information.PERSONAL_CIRCUMSTANCES.value],
        recipients=["polismyndigheten", "grundskolenamnden"],
        purpose="Att samverkansgruppen ska kunna samordna stödet till Alex.",
        form=Form.WRITTEN,
        given_by=Giver.PERSON_AND_GUARDIANS,
        guardians="Vårdnadshavare 1 och 2 (påhittade)",
        child_view="Alex säger att det är okej om polisen och skolan får veta, "
        "men vill vara med när det tas upp.",
        given_on=timezone.localdate() - dt.timedelta(days=10),
        expires_on=timezone.localdate() + dt.timedelta(days=180),
        recorded_by=by,
    )


def _disclosure(report: DemoReport, matter: Matter, by: User) -> Disclosure | None:
    """Social services to the police, through the disclosures service: the engine decides, on the consent."""
    to_unit = Unit.objects.get(code="lpo-norr")
    if Disclosure.objects.filter(matter=matter, to_unit=to_unit).exists():
        return None
    try:
        disclosure = disclosure_record(
            user=by,
            matter=matter,
            to_unit=to_unit,
            information_kind=Information.PERSONAL_CIRCUMSTANCES,
            content="Att socialtjänsten utreder oron för Alex och att familjen erbjudits stöd. (Påhittat.)",
            setting=Setting.COOPERATION_GROUP,
            facts=(),
        )
    except DisclosureError:
        return None  # the law as it stands says no: the demo records no disclosure rather than a false one
    report.created.append("ett utlämnande")
    return disclosure


def _attend(meeting: Meeting, users: dict[str, User]) -> None:
    for username, user in users.items():
        if username != "demo-admin" and user.unit is not None:
            Attendance.objects.get_or_create(meeting=meeting, user=user, defaults={"unit": user.unit})


def _meetings(
    report: DemoReport, users: dict[str, User], matters: dict[str, Matter], consent: ConsentRecord
) -> None:
    convener, social = users["demo-sammankallande"], users["demo-socialsekreterare"]
    today = timezone.localdate()
    tz = timezone.get_current_timezone()
    past_title = "Samverkansgruppen Norr, förra mötet (påhittat)"
    past = Meeting.objects.filter(title=past_title, convener=convener).first()
    if past is None:
        past = Meeting.objects.create(
            title=past_title,
            convener=convener,
            held=True,
            place="Stadsområdesförvaltningen Norr (påhittat)",
            starts_at=dt.datetime.combine(today - dt.timedelta(days=21), dt.time(13, 0), tzinfo=tz),
        )
        _attend(past, users)
        item = AgendaItem.objects.create(
            meeting=past, position=1, title="Klottret vid fritidsgården", matter=matters["klotter"]
        )
        Minutes.objects.create(
            meeting=past,
            updated_by=convener,
            text="Gruppen gick igenom klottret vid fritidsgården och kom överens om "
            "åtgärderna nedan. (Påhittat.)",
        )
        units = {code: Unit.objects.get(code=code) for code in ("fritid-norr", "ifo-norr", "lpo-norr")}
        Action.objects.create(
            meeting=past,
            item=item,
            title="Sanera klottret och sätt upp belysning vid entrén",
            responsible_unit=units["fritid-norr"],
            due_on=today - dt.timedelta(days=5),
            status=ActionStatus.OPEN,
            created_by=convener,
        )
        Action.objects.create(
            meeting=past,
            item=item,
            title="Ta fram en lägesbild över klotter i Norr",
            responsible_unit=units["lpo-norr"],
            due_on=today + dt.timedelta(days=4),
            status=ActionStatus.IN_PROGRESS,
            created_by=convener,
        )
        Action.objects.create(
            meeting=past,
            title="Bjud in skolan till nästa möte",
            responsible_unit=units["ifo-norr"],
            due_on=today - dt.timedelta(days=10),
            status=ActionStatus.DONE,
            done_on=today - dt.timedelta(days=12),
            created_by=convener,
        )
        report.created.append("ett hållet möte med åtgärder (en försenad)")
    next_title = "Samverkansgruppen Norr, nästa möte (påhittat)"
    if not Meeting.objects.filter(title=next_title, convener=convener).exists():
        meeting = Meeting.objects.create(
            title=next_title,
            convener=convener,
            place="Stadsområdesförvaltningen Norr, rum 2 (påhittat)",
            starts_at=dt.datetime.combine(today + dt.timedelta(days=3), dt.time(13, 0), tzinfo=tz),
        )
        _attend(meeting, users)
        AgendaItem.objects.create(
            meeting=meeting,
            position=1,
            title="Lägesbild: odemokratiska budskap på nätet",
            matter=matters["natet"],
        )
        AgendaItem.objects.create(
            meeting=meeting,
            position=2,
            title="En 15-åring som visar våldsbejakande bilder",
            matter=matters["alex"],
            presentation=Presentation.DEIDENTIFIED,
            information_kind=Information.PERSONAL_CIRCUMSTANCES.value,
            case_description=deidentify(CASE_TEXT).text,
            description_confirmed_by=social,
            description_confirmed_at=timezone.now(),
            consent=consent,
        )
        AgendaItem.objects.create(meeting=meeting, position=3, title="Uppföljning av förra mötets åtgärder")
        report.created.append("ett kommande möte med dagordning")


@transaction.atomic
def demo_load() -> DemoReport:
    """Units from the organisation file, demo users, matters, a consent, a disclosure, meetings, actions."""
    report = DemoReport()
    units_sync(municipality=current_municipality())
    users = _users(report)
    matters = _matters(report, users)
    person = matters["alex"].person
    assert person is not None  # noqa: S101
    consent = _consent(report, person, users["demo-socialsekreterare"])
    _disclosure(report, matters["alex"], users["demo-socialsekreterare"])
    _meetings(report, users, matters, consent)
    if report.created:
        audit_record(
            user=None,
            username="varna demo load",
            action=AuditAction.CREATE,
            summary="Lade in påhittade demodata",
            detail={"created": len(report.created)},
        )
    return report
