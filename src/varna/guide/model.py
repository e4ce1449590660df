"""A municipality's organisation for the concern guide, as typed, immutable objects.

The guideline answers "where do I turn?" per prevention level, and the answer depends
on where you work and in which district. These classes hold exactly what a
municipality file says – no database, no framework – so the guide, the secrecy
engine bridge and the web pages can all ask the same questions of it: which contacts
serve this role in this district at this level, which units belong to a district,
which law actor a unit's staff are.

Everything is frozen and held in tuples, so a :class:`Municipality` is hashable and
can key a cache (one secrecy engine per municipality).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from enum import StrEnum
from functools import cached_property

from varna.law import Actor, Party


class Level(StrEnum):
    """The guideline's three prevention levels (sections 2, 3 and 4)."""

    UNIVERSAL = "universal"  # samhällsbyggande, främjande nivå
    SELECTIVE = "selective"  # riskgruppsnivå, förebyggande
    INDICATED = "indicated"  # indikerad preventionsnivå, individnivå


class Role(StrEnum):
    """Who is asking "where do I turn?" – the roles the guideline speaks to.

    The school roles are split by school form because the guideline sends a teacher
    to the student health team and SSP coordinator of *their* school administration.
    """

    SCHOOL_STAFF_COMPULSORY = "school_staff_compulsory"
    SCHOOL_STAFF_UPPER_SECONDARY = "school_staff_upper_secondary"
    STUDENT_HEALTH = "student_health"
    LEISURE_STAFF = "leisure_staff"
    FIELD_WORKER = "field_worker"
    CULTURE_WORKER = "culture_worker"
    CIVIL_SOCIETY = "civil_society"
    SOCIAL_SERVICES = "social_services"
    POLICE = "police"
    OTHER_STAFF = "other_staff"
    RELATIVE = "relative"


ALL_ROLES: frozenset[Role] = frozenset(Role)
# Everyone who works with young people – in the municipality, the police or an
# association – but not a worried relative or other private person.
STAFF_ROLES: frozenset[Role] = ALL_ROLES - {Role.RELATIVE}


@dataclass(frozen=True, slots=True)
class Period:
    """From when to when something held; ``None`` leaves that end open."""

    start: dt.date | None = None
    end: dt.date | None = None

    def covers(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class AgeRange:
    """Ages a service is for, both ends inclusive; ``None`` leaves that end open."""

    low: int | None = None
    high: int | None = None

    def includes(self, age: int) -> bool:
        return (self.low is None or self.low <= age) and (self.high is None or age <= self.high)


@dataclass(frozen=True, slots=True)
class DocumentSource:
    """The document a municipality file was written from."""

    title_sv: str
    issued_by_sv: str = ""
    date: dt.date | None = None
    url: str = ""
    note_sv: str = ""


@dataclass(frozen=True, slots=True)
class Link:
    title_sv: str
    url: str
    note_sv: str = ""


@dataclass(frozen=True, slots=True)
class Activity:
    """Something done at a level (a project, a network, a recurring day)."""

    name_sv: str
    description_sv: str = ""
    by: tuple[str, ...] = ()
    cooperation: str | None = None
    valid: Period = Period()
    source: str = ""


@dataclass(frozen=True, slots=True)
class Competence:
    """The guideline's answer to "is there a competence-development plan?" for a level."""

    exists: bool
    plan_sv: str
    responsible: tuple[str, ...] = ()
    when_sv: str = ""
    source: str = ""


@dataclass(frozen=True, slots=True)
class PreventionLevel:
    """One prevention level: who works there, what is done, and where to turn, in order.

    (The enum of the three levels is :class:`Level`; this is what a municipality says
    about one of them.)
    """

    id: Level
    name_sv: str
    approach_sv: str
    description_sv: str
    actors_sv: tuple[str, ...]
    competence: Competence
    source: str
    name_en: str = ""
    partners: tuple[str, ...] = ()
    activities: tuple[Activity, ...] = ()
    turn_to: tuple[str, ...] = ()
    advice_sv: str = ""
    links: tuple[Link, ...] = ()


@dataclass(frozen=True, slots=True)
class Authority:
    """A committee of the municipality, a state authority or another partner.

    ``kind`` is one of the kinds the secrecy engine knows (with branches) or a
    municipal or partner kind; for the latter ``acts_as`` says how the law should see
    its staff: as one law actor kind, as ``private`` (not an authority at all), or as
    ``other_authority`` (an authority whose secrecy the engine does not model).
    """

    id: str
    name_sv: str
    kind: str
    source: str
    partner: bool = False
    name_en: str = ""
    acts_as: str | None = None
    aliases: tuple[str, ...] = ()
    administration_sv: str = ""
    description_sv: str = ""
    phone: str = ""
    web: str = ""
    levels: tuple[Level, ...] = ()


@dataclass(frozen=True, slots=True)
class Branch:
    """An independent branch of activity ("självständig verksamhetsgren", OSL 8:2)."""

    id: str
    name_sv: str
    actors: tuple[Actor, ...]
    source: str = ""


@dataclass(frozen=True, slots=True)
class Delegation:
    """Whose staff act on whose delegation, so that information belongs to the delegator."""

    from_kind: str
    to: tuple[str, ...]
    source: str


@dataclass(frozen=True, slots=True)
class District:
    """A district ("stadsområde") with its committee and the neighbourhoods it covers."""

    id: str
    name_sv: str
    source: str
    name_en: str = ""
    committee: str | None = None
    neighbourhoods: tuple[str, ...] = ()
    neighbourhoods_source: str = ""


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit people work in or turn to; its staff are one :class:`varna.law.Actor`.

    ``actor_assumed`` marks a mapping the source document does not state, so a page
    can say that the secrecy answer rests on an assumption to check locally.
    """

    id: str
    name_sv: str
    authority: str
    actor: Actor
    source: str
    name_en: str = ""
    district: str | None = None
    actor_assumed: bool = False
    description_sv: str = ""
    phone: str = ""
    web: str = ""

    @property
    def party(self) -> Party:
        """The unit as a party of a secrecy question."""
        return Party(self.actor, self.authority)


@dataclass(frozen=True, slots=True)
class ContactPoint:
    """A way to turn to a unit: a function, how to reach it, and whom it serves.

    ``serves`` pairs each level with the roles served there (a contact may serve
    field workers at one level and everyone at another). ``districts`` is ``None``
    when the contact serves the whole municipality.
    """

    id: str
    function_sv: str
    unit: str
    serves: tuple[tuple[Level, frozenset[Role]], ...]
    source: str
    cooperation: str | None = None
    districts: tuple[str, ...] | None = None
    phone: str = ""
    web: str = ""
    opening_hours_sv: str = ""
    how_sv: str = ""

    @property
    def levels(self) -> tuple[Level, ...]:
        return tuple(level for level, _ in self.serves)

    def serves_level(self, level: Level) -> bool:
        return any(lv is level for lv, _ in self.serves)

    def roles_at(self, level: Level) -> frozenset[Role]:
        for lv, roles in self.serves:
            if lv is level:
                return roles
        return frozenset()

    def serves_district(self, district: str) -> bool:
        return self.districts is None or district in self.districts


@dataclass(frozen=True, slots=True)
class Service:
    """An intervention or service in the catalogue (for example Plattform Malmö's)."""

    id: str
    name_sv: str
    provider: str
    target_group_sv: str
    offers_sv: str
    how_to_reach_sv: str
    levels: tuple[Level, ...]
    source: str
    name_en: str = ""
    together_with: tuple[str, ...] = ()
    ages: AgeRange | None = None
    contact: str | None = None
    valid: Period = Period()
    note_sv: str = ""


@dataclass(frozen=True, slots=True)
class Cooperation:
    """A form of cooperation: who meets, why, who convenes, and at which level."""

    id: str
    name_sv: str
    purpose_sv: str
    levels: tuple[Level, ...]
    source: str
    name_en: str = ""
    short_sv: str = ""
    work_sv: tuple[str, ...] = ()
    members: tuple[str, ...] = ()
    other_members_sv: str = ""
    convener: str | None = None
    districts: tuple[str, ...] | None = None
    valid: Period = Period()
    status_sv: str = ""


@dataclass(frozen=True, slots=True)
class NationalResource:
    """A national help line, coordinator or centre.

    ``later`` marks something that did not exist when the source document was
    written (today's national centre, for instance), so a page for the 2015 guideline
    can show it as "since then" rather than as part of the guideline. ``verified``
    is false when the entry rests on general knowledge nobody has checked yet.
    """

    id: str
    name_sv: str
    kind: str
    description_sv: str
    source: str
    name_en: str = ""
    phone: str = ""
    web: str = ""
    levels: tuple[Level, ...] = ()
    roles: frozenset[Role] = ALL_ROLES
    valid: Period = Period()
    later: bool = False
    verified: bool = True
    note_sv: str = ""


@dataclass(frozen=True)
class Municipality:
    """One municipality's organisation, as loaded and validated from its file."""

    id: str
    name_sv: str
    valid: Period
    source: DocumentSource
    levels: tuple[PreventionLevel, ...]
    authorities: tuple[Authority, ...]
    districts: tuple[District, ...]
    units: tuple[Unit, ...]
    contacts: tuple[ContactPoint, ...]
    services: tuple[Service, ...] = ()
    cooperations: tuple[Cooperation, ...] = ()
    national_resources: tuple[NationalResource, ...] = ()
    branches: tuple[tuple[str, tuple[Branch, ...]], ...] = ()
    delegation: Delegation | None = None
    name_en: str = ""
    file: str = ""

    # -- identity --------------------------------------------------------------------
    @cached_property
    def _hash(self) -> int:
        return hash(tuple(getattr(self, f.name) for f in fields(self)))

    def __hash__(self) -> int:
        # The engine cache looks a municipality up on every question; hashing the whole
        # nested structure each time would cost more than the lookup saves.
        return self._hash

    # -- labels ----------------------------------------------------------------------
    @property
    def label_sv(self) -> str:
        """"Malmö stad 2015": the name with the year the description starts to hold."""
        return f"{self.name_sv} {self.valid.start.year}" if self.valid.start else self.name_sv

    # -- indexes (built once, on first use) -------------------------------------------
    @cached_property
    def _authorities(self) -> dict[str, Authority]:
        return {a.id: a for a in self.authorities}

    @cached_property
    def _units(self) -> dict[str, Unit]:
        return {u.id: u for u in self.units}

    @cached_property
    def _districts(self) -> dict[str, District]:
        return {d.id: d for d in self.districts}

    @cached_property
    def _contacts(self) -> dict[str, ContactPoint]:
        return {c.id: c for c in self.contacts}

    @cached_property
    def _services(self) -> dict[str, Service]:
        return {s.id: s for s in self.services}

    @cached_property
    def _cooperations(self) -> dict[str, Cooperation]:
        return {c.id: c for c in self.cooperations}

    @cached_property
    def _district_names(self) -> dict[str, str]:
        names: dict[str, str] = {}
        for d in self.districts:
            for name in (d.id, d.name_sv, d.name_en, *d.neighbourhoods):
                if name:
                    names.setdefault(name.casefold(), d.id)
        return names

    # -- single lookups (KeyError names the missing id) ---------------------------------
    def authority(self, ident: str) -> Authority:
        return self._authorities[ident]

    def unit(self, ident: str) -> Unit:
        return self._units[ident]

    def district(self, ident: str) -> District:
        return self._districts[ident]

    def contact(self, ident: str) -> ContactPoint:
        return self._contacts[ident]

    def service(self, ident: str) -> Service:
        return self._services[ident]

    def cooperation(self, ident: str) -> Cooperation:
        return self._cooperations[ident]

    def level(self, level: Level) -> PreventionLevel:
        for item in self.levels:
            if item.id is level:
                return item
        raise KeyError(level)

    def name_of(self, ident: str) -> str:
        """The Swedish name of any authority, partner, unit or cooperation id."""
        for index in (self._authorities, self._units, self._cooperations):
            if ident in index:
                return index[ident].name_sv
        return ident

    # -- questions the guide asks ------------------------------------------------------
    def find_district(self, name: str) -> District | None:
        """The district for an id, a district name or a neighbourhood ("Rosengård" → Öster)."""
        ident = self._district_names.get(name.strip().casefold())
        return self._districts[ident] if ident else None

    @property
    def partners(self) -> tuple[Authority, ...]:
        return tuple(a for a in self.authorities if a.partner)

    def units_of_district(self, district: str) -> tuple[Unit, ...]:
        return tuple(u for u in self.units if u.district == district)

    def units_of_authority(self, authority: str) -> tuple[Unit, ...]:
        return tuple(u for u in self.units if u.authority == authority)

    def contacts_for(
        self, *, level: Level, role: Role | None = None, district: str | None = None
    ) -> tuple[ContactPoint, ...]:
        """Where to turn at ``level``, in the order the municipality gives for that level.

        Contacts limited to some districts are left out when ``district`` is given and
        not among them; when ``district`` is ``None`` every contact for the level is
        kept, so a page can list them all. Contacts the level's ``turn_to`` does not
        order come last, in file order.
        """
        order = {ident: i for i, ident in enumerate(self.level(level).turn_to)}
        found = [
            c for c in self.contacts
            if c.serves_level(level)
            and (role is None or role in c.roles_at(level))
            and (district is None or c.serves_district(district))
        ]
        position = {c.id: i for i, c in enumerate(self.contacts)}
        found.sort(key=lambda c: (order.get(c.id, len(order)), position[c.id]))
        return tuple(found)

    def services_for(self, *, level: Level | None = None, age: int | None = None,
                     on: dt.date | None = None) -> tuple[Service, ...]:
        """Services at a level, for an age, offered on a day; each filter optional."""
        return tuple(
            s for s in self.services
            if (level is None or level in s.levels)
            and (age is None or s.ages is None or s.ages.includes(age))
            and (on is None or s.valid.covers(on))
        )

    def services_of_unit(self, unit: str) -> tuple[Service, ...]:
        return tuple(s for s in self.services if s.provider == unit)

    def cooperations_for(self, level: Level) -> tuple[Cooperation, ...]:
        return tuple(c for c in self.cooperations if level in c.levels)

    def national_resources_on(self, day: dt.date) -> tuple[NationalResource, ...]:
        """National resources that existed on ``day``."""
        return tuple(r for r in self.national_resources if r.valid.covers(day))

    def branches_of(self, kind: str) -> tuple[Branch, ...] | None:
        """Branches the file declares for an authority kind, or ``None`` if it declares none."""
        for declared_kind, branches in self.branches:
            if declared_kind == kind:
                return branches
        return None
