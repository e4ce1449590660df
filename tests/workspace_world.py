"""A world for the workspace-wide tests: users of eight kinds, individual data with markers.

The permission table (tests/web/workspace/test_permission_table.py) and the
accessibility walk over the workspace (tests/browser/test_workspace_accessibility.py)
both visit every workspace URL with these objects. Markers are unique words planted
in one authority's individual data, so a test can see where they turn up.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from tests.web.sharing.test_pdf import pdf_text
from tests.workspace import make_user

from varna.web.accounts.models import Role, User
from varna.web.consent.models import ConsentRecord
from varna.web.disclosures.models import Disclosure
from varna.web.matters.models import Kind, Matter, MatterDecision, Person
from varna.web.meetings.models import Action, AgendaItem, Attendance, Meeting, Minutes
from varna.web.plans.models import Activity, Area, Indicator, Plan, PlanKind
from varna.web.profiles.services import profile_run_example

WORKSPACE_ROUTES = ("arbetsrum/", "api/arbetsrum/", "konto/")


@dataclass(frozen=True, slots=True)
class Route:
    name: str
    route: str
    arguments: tuple[str, ...]


def _routes(patterns: list[Any], prefix: str = "", namespace: str = "") -> Iterator[Route]:
    for pattern in patterns:
        text = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = (
                f"{namespace}:{pattern.namespace}"
                if namespace and pattern.namespace
                else pattern.namespace or namespace
            )
            yield from _routes(
                pattern.url_patterns, text if str(pattern.pattern) not in ("", "^") else prefix, inner or ""
            )
        elif isinstance(pattern, URLPattern) and pattern.name:
            route = text.lstrip("^")
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield Route(name, route, tuple(re.findall(r"<(?:\w+:)?(\w+)>", route)))


def workspace_routes() -> list[Route]:
    seen: dict[str, Route] = {}
    for route in _routes(get_resolver().url_patterns):
        if route.route.startswith(WORKSPACE_ROUTES):
            seen.setdefault(route.name, route)
    return sorted(seen.values(), key=lambda r: r.name)


# --- the world: two individual matters of one authority, one disclosed to the police ---

M1_SUMMARY = "Zebrafinkbeskrivning"  # the disclosed matter's description (holder only)
M1_PERSON = "Hemligsson"  # its person (holder only)
M1_DISCLOSED = "Pelikanuppgift"  # what was disclosed to the police (holder and police)
M2_TITLE = "Kolibriärende"  # an undisclosed individual matter's title (holder only)
M2_SUMMARY = "Kolibribeskrivning"
CONSENT_TEXT = "Ekorrsamtycke"  # the consent register (holder only)
POLICE_SUMMARY = "Myrsloksbeskrivning"  # an individual matter the police hold (police only)
POLICE_PERSON = "Polissondotter"

HOLDER = "sdn-norr"
POLICE = "polismyndigheten"


@dataclass
class World:
    users: dict[str, User | None]
    objects: dict[str, Any] = field(default_factory=dict)


def _matter(user: User, title: str, summary: str, person_name: str) -> Matter:
    assert user.unit is not None and user.authority is not None
    person = Person.objects.create(
        owner_authority=user.authority, name=f"Ada {person_name}", birth_year=2009, created_by=user
    )
    return Matter.objects.create(
        kind=Kind.INDIVIDUAL,
        title=title,
        summary=summary,
        level="indicated",
        concern="extremist_contacts",
        owner_authority=user.authority,
        owner_unit=user.unit,
        person=person,
        created_by=user,
        district="norr",
    )


def build_world() -> World:
    """Users of eight kinds and the objects of every workspace app; the units must be synced first."""
    users: dict[str, User | None] = {
        "holder": make_user("ifo-norr", username="holder"),
        "holder_other_branch": make_user("fritid-norr", username="fritid"),
        "police": make_user("lpo-norr", username="police"),
        "school": make_user("grundskolorna", username="school"),
        "convener": make_user("plattform-malmo", role=Role.CONVENER, username="convener"),
        "admin": make_user("trygghet-och-sakerhet", role=Role.ADMINISTRATOR, username="admin"),
        "no_unit": make_user(None, username="nounit"),
        "anonymous": None,
    }
    holder, police = users["holder"], users["police"]
    assert holder is not None and police is not None and users["convener"] is not None
    assert users["admin"] is not None
    m1 = _matter(holder, "Oro för en ungdom i Norr", M1_SUMMARY, M1_PERSON)
    m2 = _matter(holder, M2_TITLE, M2_SUMMARY, "Kolibrisson")
    m3 = _matter(police, "Polisens ärende", POLICE_SUMMARY, POLICE_PERSON)
    group = Matter.objects.create(
        kind=Kind.GROUP,
        title="Klotter vid en fritidsgård",
        summary="Hakkors.",
        level="selective",
        concern="extremist_propaganda",
        owner_authority=HOLDER,
        owner_unit=holder.unit,
        created_by=holder,
        district="norr",
    )
    MatterDecision.objects.create(
        matter=m1, text="Beslut om stöd", decided_on=dt.date(2026, 11, 1), recorded_by=holder
    )
    consent = ConsentRecord.objects.create(
        person=m1.person,
        owner_authority=HOLDER,
        information=CONSENT_TEXT,
        recipients=[POLICE],
        purpose="Samordnat stöd",
        form="written",
        given_by="person_and_guardians",
        given_on=dt.date(2026, 10, 1),
        recorded_by=holder,
    )
    disclosure = Disclosure.objects.create(
        matter=m1,
        from_unit=holder.unit,
        from_authority=HOLDER,
        to_unit=police.unit,
        to_authority=POLICE,
        information_kind="personal_circumstances",
        content=M1_DISCLOSED,
        setting="direct",
        consent=consent,
        question={},
        decision={"outcome": "allowed", "explanation": "", "trace": [], "provisions": []},
        outcome="allowed",
        provisions=["OSL 10:1"],
        rulebase_version="test",
        decided_by=holder,
        decided_at=timezone.now(),
    )
    meeting = Meeting.objects.create(
        title="Samordningsteamet november",
        starts_at=timezone.now() + dt.timedelta(days=2),
        place="Stadshuset",
        convener=users["convener"],
    )
    for key in ("holder", "police", "convener"):
        user = users[key]
        assert user is not None and user.unit is not None
        Attendance.objects.create(meeting=meeting, user=user, unit=user.unit)
    item = AgendaItem.objects.create(
        meeting=meeting,
        position=1,
        title="En ungdom i Norr",
        matter=m1,
        case_description="En ungdom i tonåren i ett stadsområde.",
        description_confirmed_by=holder,
        description_confirmed_at=timezone.now(),
        information_kind="personal_circumstances",
    )
    minutes = Minutes.objects.create(meeting=meeting, text="Protokoll.")
    action = Action.objects.create(
        meeting=meeting,
        item=item,
        title="Kontakta skolan",
        responsible_unit=holder.unit,
        due_on=dt.date(2026, 11, 1),
        created_by=holder,
    )
    plan = Plan.objects.create(
        name="Handlingsplan", kind=PlanKind.choices[0][0], owner_unit=users["admin"].unit
    )
    area = Area.objects.create(plan=plan, name="Unga i riskzon")
    activity = Activity.objects.create(plan=plan, area=area, title="Seminarium", responsible_unit=holder.unit)
    indicator = Indicator.objects.create(activity=activity, name="Deltagare")
    profile_run = profile_run_example(user=users["admin"], name="Exempelprofil")
    objects: dict[str, Any] = {
        "matter": m1,
        "matter_undisclosed": m2,
        "matter_police": m3,
        "group_matter": group,
        "person": m1.person,
        "person_undisclosed": m2.person,
        "person_police": m3.person,
        "consent": consent,
        "plan": plan,
        "area": area,
        "activity": activity,
        "indicator": indicator,
        "profile_run": profile_run,
        "disclosure": disclosure,
        "meeting": meeting,
        "item": item,
        "minutes": minutes,
        "action": action,
        "unit": holder.unit,
        "user": holder,
    }
    return World(users, objects)


# Who may see each marker.
MARKER_READERS: dict[str, frozenset[str]] = {
    M1_SUMMARY: frozenset({"holder"}),
    M1_PERSON: frozenset({"holder"}),
    M1_DISCLOSED: frozenset({"holder", "police"}),
    M2_TITLE: frozenset({"holder"}),
    M2_SUMMARY: frozenset({"holder"}),
    CONSENT_TEXT: frozenset({"holder"}),
    POLICE_SUMMARY: frozenset({"police"}),
    POLICE_PERSON: frozenset({"police"}),
}

# Which world object each URL's arguments name. ``None``: the URL takes no arguments.
# Several objects: the URL is visited once for each (so a holder's and a police matter are both tried).
ObjectKeys = tuple[str, ...] | None
MATTERS = ("matter", "matter_undisclosed", "matter_police", "group_matter")
OBJECTS: dict[str, ObjectKeys] = {
    "accounts:unit_active": ("unit",),
    "accounts:user_edit": ("user",),
    "accounts:user_password": ("user",),
    "consent:create": ("person", "person_police"),
    "consent:detail": ("consent",),
    "consent:pdf": ("consent",),
    "consent:withdraw": ("consent",),
    "disclosures:create": MATTERS,
    "disclosures:detail": ("disclosure",),
    "disclosures:list": MATTERS,
    "matters:close": MATTERS,
    "matters:decision": MATTERS,
    "matters:detail": MATTERS,
    "matters:edit": MATTERS,
    "matters:person": ("person", "person_undisclosed", "person_police"),
    "matters:question_owner": MATTERS,
    "matters:reopen": MATTERS,
    "workspace_api:matter": MATTERS,
    "meetings:action": ("action",),
    "meetings:action_create": ("meeting",),
    "meetings:decision_create": ("item",),
    "meetings:detail": ("meeting",),
    "meetings:edit": ("meeting",),
    "meetings:item_create": ("meeting",),
    "meetings:item_description": ("item",),
    "meetings:item_edit": ("item",),
    "meetings:minutes": ("meeting",),
    "meetings:minutes_pdf": ("meeting",),
    "plans:actions": ("activity",),
    "plans:activity": ("activity",),
    "plans:activity_edit": ("activity",),
    "plans:activity_new": ("plan",),
    "plans:activity_status": ("activity",),
    "plans:area_edit": ("area",),
    "plans:area_new": ("plan",),
    "plans:detail": ("plan",),
    "plans:edit": ("plan",),
    "plans:indicator_edit": ("indicator",),
    "plans:indicator_new": ("activity",),
    "profiles:csv": ("profile_run",),
    "profiles:delete": ("profile_run",),
    "profiles:detail": ("profile_run",),
    "profiles:json": ("profile_run",),
    "profiles:kept_file": ("profile_run",),
    "profiles:pdf": ("profile_run",),
}


def url_kwargs(route: Route, obj: Any) -> dict[str, Any]:
    return {name: obj.pk for name in route.arguments}


def response_text(response: Any) -> str:
    streaming = getattr(response, "streaming", False)
    body = b"".join(response.streaming_content) if streaming else response.content
    if response.get("Content-Type", "").startswith("application/pdf"):
        return pdf_text(body)
    return body.decode("utf-8", errors="replace")


def client_for(user: User | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def visits(world: World) -> Iterator[tuple[Route, str]]:
    for route in workspace_routes():
        keys = OBJECTS.get(route.name)
        if not route.arguments:
            yield route, ""
        elif keys:
            yield from ((route, key) for key in keys)
