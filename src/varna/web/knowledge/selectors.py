"""Reads for the knowledge pages: the municipality, the guideline's entries, and what links them.

Nothing here writes, and nothing comes from the database: the organisation is the
municipality file (``varna.guide``), the definitions and hard questions are the
knowledge files, the provisions are the rule base. Each ``*_page`` selector resolves
every id a page shows into the object it names – a service's provider, a level's
contacts in the order a worried person should try them, the forms of cooperation an
authority takes part in – so templates only display.

:func:`municipality_for` is the one place that decides which municipality a request
sees. Today it is always the bundled Malmö 2015; when organisations get their own
files, only it changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from django.http import HttpRequest
from django.urls import reverse

from varna.guide.knowledge import EntryKind, KnowledgeBase, KnowledgeEntry, default_knowledge
from varna.guide.knowledge_titles import actor_get, contact_title, district_title
from varna.guide.model import (
    Activity,
    Authority,
    ContactPoint,
    Cooperation,
    District,
    Level,
    Municipality,
    NationalResource,
    PreventionLevel,
    Role,
    Service,
    Unit,
)
from varna.guide.search import DocKind, SearchResult, search
from varna.law import default_rulebase
from varna.law.rulebase import Provision
from varna.web.core.municipality import current_municipality

# The URL name of each kind's page; provisions live in their own app.
URL_NAMES: dict[DocKind, str] = {
    DocKind.DEFINITION: "knowledge:definition",
    DocKind.QUESTION: "knowledge:question",
    DocKind.LEVEL: "knowledge:level",
    DocKind.ACTOR: "knowledge:actor",
    DocKind.SERVICE: "knowledge:service",
    DocKind.CONTACT: "knowledge:contact",
    DocKind.COOPERATION: "knowledge:cooperation",
    DocKind.DISTRICT: "knowledge:district",
    DocKind.NATIONAL: "knowledge:national",
    DocKind.PROVISION: "provisions:detail",
}
# The anchor of each kind's section on the index page (also the path segment of its pages).
SECTION_SLUGS: dict[DocKind, str] = {
    DocKind.DEFINITION: "begrepp",
    DocKind.QUESTION: "fragor",
    DocKind.LEVEL: "nivaer",
    DocKind.ACTOR: "aktorer",
    DocKind.SERVICE: "insatser",
    DocKind.CONTACT: "kontaktvagar",
    DocKind.COOPERATION: "samverkan",
    DocKind.DISTRICT: "stadsomraden",
    DocKind.NATIONAL: "nationellt-stod",
    DocKind.PROVISION: "lagrum",
}


def municipality_for(request: HttpRequest) -> Municipality:
    """The organisation a request sees: this deployment's (``VARNA_MUNICIPALITY_FILE``).

    Takes the request so that a later, per-organisation choice needs no change in the views."""
    return current_municipality()


def knowledge() -> KnowledgeBase:
    return default_knowledge()


def page_url(kind: DocKind, ident: str) -> str:
    """The page of any entry, in the current language."""
    argument = "provision_id" if kind is DocKind.PROVISION else "ident"
    return reverse(URL_NAMES[kind], kwargs={argument: ident})


def index_url(kind: DocKind) -> str:
    if kind is DocKind.PROVISION:
        return reverse("provisions:index")
    return f"{reverse('knowledge:index')}#{SECTION_SLUGS[kind]}"


# -- small pieces every page uses ----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Link:
    """A link to another page: its kind, id, Swedish title and English title (may be empty)."""

    kind: DocKind
    ident: str
    title: str
    title_en: str = ""

    @property
    def url(self) -> str:
        return page_url(self.kind, self.ident)


def actor_link(m: Municipality, ident: str) -> Link:
    actor = actor_get(m, ident)
    if actor is None:  # the file check makes this impossible; keep the page rather than fail
        return Link(DocKind.ACTOR, ident, ident)
    return Link(DocKind.ACTOR, actor.id, actor.name_sv, actor.name_en)


def contact_link(m: Municipality, contact: ContactPoint) -> Link:
    return Link(DocKind.CONTACT, contact.id, contact_title(m, contact))


def level_link(m: Municipality, level: Level) -> Link:
    item = m.level(level)
    return Link(DocKind.LEVEL, level.value, item.name_sv, item.name_en)


def service_link(service: Service) -> Link:
    return Link(DocKind.SERVICE, service.id, service.name_sv, service.name_en)


def cooperation_link(cooperation: Cooperation) -> Link:
    return Link(DocKind.COOPERATION, cooperation.id, cooperation.name_sv, cooperation.name_en)


def district_link(district: District) -> Link:
    return Link(DocKind.DISTRICT, district.id, district_title(district), district.name_en)


def entry_link(entry: KnowledgeEntry) -> Link:
    kind = DocKind.DEFINITION if entry.kind is EntryKind.DEFINITION else DocKind.QUESTION
    return Link(kind, entry.id, entry.title_sv, entry.title_en)


def provision_link(provision: Provision) -> Link:
    title = f"{provision.citation} – {provision.title_sv}" if provision.citation else provision.title_sv
    return Link(DocKind.PROVISION, provision.id, title)


@dataclass(frozen=True, slots=True)
class ActivityRow:
    """An activity of a level, with who runs it and the form of cooperation it belongs to."""

    level: Link
    activity: Activity
    by: tuple[Link, ...]
    cooperation: Link | None


def _activity_row(m: Municipality, level: PreventionLevel, activity: Activity) -> ActivityRow:
    return ActivityRow(
        level=level_link(m, level.id),
        activity=activity,
        by=tuple(actor_link(m, i) for i in activity.by),
        cooperation=(cooperation_link(m.cooperation(activity.cooperation))
                     if activity.cooperation else None),
    )


# -- the index -----------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ActorGroup:
    """An authority or partner with the units under it."""

    authority: Link
    units: tuple[Link, ...]


@dataclass(frozen=True, slots=True)
class IndexPage:
    definitions: tuple[Link, ...]
    questions: tuple[Link, ...]
    levels: tuple[Link, ...]
    authorities: tuple[ActorGroup, ...]
    partners: tuple[ActorGroup, ...]
    services: tuple[Link, ...]
    contacts: tuple[Link, ...]
    cooperations: tuple[Link, ...]
    districts: tuple[Link, ...]
    national: tuple[Link, ...]
    provision_count: int


def index_page(m: Municipality) -> IndexPage:
    kb = knowledge()

    def group(authority: Authority) -> ActorGroup:
        return ActorGroup(actor_link(m, authority.id),
                          tuple(actor_link(m, u.id) for u in m.units_of_authority(authority.id)))

    return IndexPage(
        definitions=tuple(entry_link(e) for e in kb.of_kind(EntryKind.DEFINITION)),
        questions=tuple(entry_link(e) for e in kb.of_kind(EntryKind.QUESTION)),
        levels=tuple(level_link(m, level.id) for level in m.levels),
        authorities=tuple(group(a) for a in m.authorities if not a.partner),
        partners=tuple(group(a) for a in m.authorities if a.partner),
        services=tuple(service_link(s) for s in m.services),
        contacts=tuple(contact_link(m, c) for c in m.contacts),
        cooperations=tuple(cooperation_link(c) for c in m.cooperations),
        districts=tuple(district_link(d) for d in m.districts),
        national=tuple(Link(DocKind.NATIONAL, r.id, r.name_sv, r.name_en)
                       for r in m.national_resources),
        provision_count=len(default_rulebase().provisions),
    )


# -- a level -------------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ContactRow:
    """A contact on a list: where it goes, what to call, and the unit that answers."""

    link: Link
    contact: ContactPoint
    unit: Link


def _contact_row(m: Municipality, contact: ContactPoint) -> ContactRow:
    return ContactRow(contact_link(m, contact), contact, actor_link(m, contact.unit))


@dataclass(frozen=True, slots=True)
class LevelPage:
    level: PreventionLevel
    turn_to: tuple[ContactRow, ...]
    partners: tuple[Link, ...]
    activities: tuple[ActivityRow, ...]
    responsible: tuple[Link, ...]
    services: tuple[Link, ...]
    cooperations: tuple[Link, ...]
    national: tuple[NationalResource, ...]
    entries: tuple[Link, ...]


def level_page(m: Municipality, ident: str) -> LevelPage | None:
    try:
        level = m.level(Level(ident))
    except ValueError:
        return None
    return LevelPage(
        level=level,
        turn_to=tuple(_contact_row(m, c) for c in m.contacts_for(level=level.id)),
        partners=tuple(actor_link(m, i) for i in level.partners),
        activities=tuple(_activity_row(m, level, a) for a in level.activities),
        responsible=tuple(actor_link(m, i) for i in level.competence.responsible),
        services=tuple(service_link(s) for s in m.services_for(level=level.id)),
        cooperations=tuple(cooperation_link(c) for c in m.cooperations_for(level.id)),
        national=tuple(r for r in m.national_resources if level.id in r.levels),
        entries=tuple(entry_link(e) for e in knowledge().for_level(level.id)),
    )


# -- an actor: an authority, a partner or a unit -------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ActorPage:
    authority: Authority | None  # set for an authority or partner page
    unit: Unit | None  # set for a unit page
    owner: Link | None  # a unit's authority
    district: Link | None
    units: tuple[Link, ...]
    districts_led: tuple[Link, ...]  # districts whose committee this is
    contacts: tuple[ContactRow, ...]
    provides: tuple[Link, ...]
    takes_part_in_services: tuple[Link, ...]
    cooperations: tuple[Link, ...]
    convenes: tuple[Link, ...]
    activities: tuple[ActivityRow, ...]
    responsible_for: tuple[Link, ...]  # levels whose competence development it answers for
    levels: tuple[Link, ...]

    @property
    def name_sv(self) -> str:
        return self.unit.name_sv if self.unit else self.authority.name_sv if self.authority else ""

    @property
    def name_en(self) -> str:
        return self.unit.name_en if self.unit else self.authority.name_en if self.authority else ""


def actor_page(m: Municipality, ident: str) -> ActorPage | None:
    actor = actor_get(m, ident)
    if actor is None:
        return None
    unit = actor if isinstance(actor, Unit) else None
    authority = actor if isinstance(actor, Authority) else None
    activities = tuple(_activity_row(m, level, a) for level in m.levels for a in level.activities
                       if ident in a.by)
    return ActorPage(
        authority=authority,
        unit=unit,
        owner=actor_link(m, unit.authority) if unit else None,
        district=district_link(m.district(unit.district)) if unit and unit.district else None,
        units=tuple(actor_link(m, u.id) for u in m.units_of_authority(ident)) if authority else (),
        districts_led=tuple(district_link(d) for d in m.districts if d.committee == ident),
        contacts=tuple(_contact_row(m, c) for c in m.contacts if c.unit == ident),
        provides=tuple(service_link(s) for s in m.services_of_unit(ident)),
        takes_part_in_services=tuple(service_link(s) for s in m.services if ident in s.together_with),
        cooperations=tuple(cooperation_link(c) for c in m.cooperations if ident in c.members),
        convenes=tuple(cooperation_link(c) for c in m.cooperations if c.convener == ident),
        activities=activities,
        responsible_for=tuple(level_link(m, lv.id) for lv in m.levels
                              if ident in lv.competence.responsible),
        levels=tuple(level_link(m, lv) for lv in (authority.levels if authority else ())),
    )


# -- a service -----------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ServicePage:
    service: Service
    provider: Link
    provider_authority: Link
    together_with: tuple[Link, ...]
    contact: ContactRow | None
    levels: tuple[Link, ...]


def service_page(m: Municipality, ident: str) -> ServicePage | None:
    try:
        service = m.service(ident)
    except KeyError:
        return None
    provider = m.unit(service.provider)
    return ServicePage(
        service=service,
        provider=actor_link(m, provider.id),
        provider_authority=actor_link(m, provider.authority),
        together_with=tuple(actor_link(m, i) for i in service.together_with),
        contact=_contact_row(m, m.contact(service.contact)) if service.contact else None,
        levels=tuple(level_link(m, lv) for lv in service.levels),
    )


# -- a contact -----------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class LevelRoles:
    """At one level: the level, the roles the contact serves there, and its place in the order."""

    level: Link
    roles: tuple[Role, ...]
    all_roles: bool
    position: int | None  # 1-based place in the level's "where to turn", if listed there
    of: int


@dataclass(frozen=True, slots=True)
class ContactPage:
    contact: ContactPoint
    title: str
    unit: Link
    authority: Link
    levels: tuple[LevelRoles, ...]
    districts: tuple[Link, ...] | None  # None: the whole municipality
    cooperation: Link | None
    services: tuple[Link, ...]


def contact_page(m: Municipality, ident: str) -> ContactPage | None:
    try:
        contact = m.contact(ident)
    except KeyError:
        return None
    unit = m.unit(contact.unit)
    rows = []
    for level, roles in contact.serves:
        order = m.level(level).turn_to
        rows.append(LevelRoles(
            level=level_link(m, level),
            roles=tuple(r for r in Role if r in roles),
            all_roles=roles == frozenset(Role),
            position=order.index(contact.id) + 1 if contact.id in order else None,
            of=len(order),
        ))
    return ContactPage(
        contact=contact,
        title=contact_title(m, contact),
        unit=actor_link(m, unit.id),
        authority=actor_link(m, unit.authority),
        levels=tuple(rows),
        districts=None if contact.districts is None else
        tuple(district_link(m.district(d)) for d in contact.districts),
        cooperation=(cooperation_link(m.cooperation(contact.cooperation))
                     if contact.cooperation else None),
        services=tuple(service_link(s) for s in m.services if s.contact == ident),
    )


# -- a form of cooperation -----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class CooperationPage:
    cooperation: Cooperation
    members: tuple[Link, ...]
    convener: Link | None
    levels: tuple[Link, ...]
    districts: tuple[Link, ...] | None
    contacts: tuple[ContactRow, ...]
    activities: tuple[ActivityRow, ...]


def cooperation_page(m: Municipality, ident: str) -> CooperationPage | None:
    try:
        cooperation = m.cooperation(ident)
    except KeyError:
        return None
    return CooperationPage(
        cooperation=cooperation,
        members=tuple(actor_link(m, i) for i in cooperation.members),
        convener=actor_link(m, cooperation.convener) if cooperation.convener else None,
        levels=tuple(level_link(m, lv) for lv in cooperation.levels),
        districts=None if cooperation.districts is None else
        tuple(district_link(m.district(d)) for d in cooperation.districts),
        contacts=tuple(_contact_row(m, c) for c in m.contacts if c.cooperation == ident),
        activities=tuple(_activity_row(m, level, a) for level in m.levels for a in level.activities
                         if a.cooperation == ident),
    )


# -- a district ----------------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class DistrictPage:
    district: District
    title: str
    committee: Link | None
    units: tuple[Link, ...]
    contacts: tuple[ContactRow, ...]
    levels: tuple[Link, ...]


def district_page(m: Municipality, ident: str) -> DistrictPage | None:
    try:
        district = m.district(ident)
    except KeyError:
        return None
    return DistrictPage(
        district=district,
        title=district_title(district),
        committee=actor_link(m, district.committee) if district.committee else None,
        units=tuple(actor_link(m, u.id) for u in m.units_of_district(ident)),
        contacts=tuple(_contact_row(m, c) for c in m.contacts if c.districts and ident in c.districts),
        levels=tuple(level_link(m, lv.id) for lv in m.levels),
    )


# -- a national resource -------------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class NationalPage:
    resource: NationalResource
    levels: tuple[Link, ...]
    roles: tuple[Role, ...]
    all_roles: bool


def national_page(m: Municipality, ident: str) -> NationalPage | None:
    resource = next((r for r in m.national_resources if r.id == ident), None)
    if resource is None:
        return None
    return NationalPage(
        resource=resource,
        levels=tuple(level_link(m, lv) for lv in resource.levels),
        roles=tuple(r for r in Role if r in resource.roles),
        all_roles=resource.roles == frozenset(Role),
    )


# -- a definition or hard question ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class EntryPage:
    entry: KnowledgeEntry
    related: tuple[Link, ...]
    levels: tuple[Link, ...]
    provisions: tuple[Link, ...]


def entry_page(m: Municipality, ident: str, kind: EntryKind) -> EntryPage | None:
    kb = knowledge()
    entry = kb.get(ident)
    if entry is None or entry.kind is not kind:
        return None
    by_id = default_rulebase().by_id
    return EntryPage(
        entry=entry,
        related=tuple(entry_link(e) for e in kb.related_to(entry)),
        levels=tuple(level_link(m, lv) for lv in entry.levels),
        provisions=tuple(provision_link(by_id[p]) for p in entry.provisions if p in by_id),
    )


# -- search --------------------------------------------------------------------------------------------------
def knowledge_search(m: Municipality, query: str) -> SearchResult:
    """Search every knowledge page of ``m``; raises ``varna.guide.search.QueryError``."""
    return search(query, municipality=m)


@cache
def all_links(m: Municipality) -> tuple[Link, ...]:
    """Every page of the knowledge pages, for tests and for a sitemap."""
    page = index_page(m)
    links: list[Link] = [*page.definitions, *page.questions, *page.levels]
    for group in (*page.authorities, *page.partners):
        links += [group.authority, *group.units]
    links += [*page.services, *page.contacts, *page.cooperations, *page.districts, *page.national]
    return tuple(links)
