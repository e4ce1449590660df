"""Turn a checked municipality file into the frozen objects of ``model.py``.

Only called after ``check.py`` found no problem, so it may index and convert freely;
its one job is to fill in the defaults the format promises (a unit's district from
its committee, a contact's districts from its unit, role groups into role sets).
"""

from __future__ import annotations

from typing import Any

from varna.guide.model import (
    ALL_ROLES,
    STAFF_ROLES,
    Activity,
    AgeRange,
    Authority,
    Branch,
    Competence,
    ContactPoint,
    Cooperation,
    Delegation,
    District,
    DocumentSource,
    Level,
    Link,
    Municipality,
    NationalResource,
    Period,
    PreventionLevel,
    Role,
    Service,
    Unit,
)
from varna.law import Actor
from varna.law.yamlsource import plain


def _text(value: Any) -> str:
    """Folded YAML text as one line: the file wraps long sentences, pages do not."""
    return " ".join(str(value).split()) if value is not None else ""


def _ids(value: Any) -> tuple[str, ...]:
    return tuple(value or ())


def _levels(value: Any) -> tuple[Level, ...]:
    return tuple(Level(v) for v in value or ())


def _period(value: Any) -> Period:
    value = value or {}
    return Period(value.get("from"), value.get("to"))


def _role_set(value: Any) -> frozenset[Role]:
    if value == "all":
        return ALL_ROLES
    if value == "staff":
        return STAFF_ROLES
    return frozenset(Role(v) for v in value)


def _level(d: dict[str, Any]) -> PreventionLevel:
    c = d["competence"]
    return PreventionLevel(
        id=Level(d["id"]),
        name_sv=_text(d["name_sv"]),
        name_en=_text(d.get("name_en")),
        approach_sv=_text(d["approach_sv"]),
        description_sv=_text(d["description_sv"]),
        actors_sv=tuple(_text(a) for a in d["actors_sv"]),
        partners=_ids(d.get("partners")),
        activities=tuple(
            Activity(
                name_sv=_text(a["name_sv"]),
                description_sv=_text(a.get("description_sv")),
                by=_ids(a.get("by")),
                cooperation=a.get("cooperation"),
                valid=_period(a.get("valid")),
                source=_text(a.get("source")),
            )
            for a in d.get("activities") or ()
        ),
        competence=Competence(
            exists=c["exists"],
            plan_sv=_text(c["plan_sv"]),
            responsible=_ids(c.get("responsible")),
            when_sv=_text(c.get("when_sv")),
            source=_text(c.get("source")),
        ),
        turn_to=_ids(d.get("turn_to")),
        advice_sv=_text(d.get("advice_sv")),
        links=tuple(Link(_text(x["title_sv"]), x["url"], _text(x.get("note_sv")))
                    for x in d.get("links") or ()),
        source=_text(d["source"]),
    )


def _authority(d: dict[str, Any], *, partner: bool) -> Authority:
    return Authority(
        id=d["id"],
        name_sv=_text(d["name_sv"]),
        name_en=_text(d.get("name_en")),
        kind=d["kind"],
        acts_as=d.get("acts_as"),
        aliases=tuple(d.get("aliases") or ()),
        administration_sv=_text(d.get("administration_sv")),
        description_sv=_text(d.get("description_sv")),
        phone=d.get("phone", ""),
        web=d.get("web", ""),
        levels=_levels(d.get("levels")),
        partner=partner,
        source=_text(d["source"]),
    )


def _contact(d: dict[str, Any], unit_district: dict[str, str | None]) -> ContactPoint:
    levels = _levels(d["levels"])
    roles = d["roles"]
    serves = tuple(
        (level, _role_set(roles[level.value] if isinstance(roles, dict) else roles)) for level in levels
    )
    scope = d.get("districts")
    if scope is None:
        own = unit_district.get(d["unit"])
        districts: tuple[str, ...] | None = (own,) if own else None
    else:
        districts = None if scope == "all" else tuple(scope)
    return ContactPoint(
        id=d["id"],
        function_sv=_text(d["function_sv"]),
        unit=d["unit"],
        cooperation=d.get("cooperation"),
        phone=d.get("phone", ""),
        web=d.get("web", ""),
        opening_hours_sv=_text(d.get("opening_hours_sv")),
        how_sv=_text(d.get("how_sv")),
        serves=serves,
        districts=districts,
        source=_text(d["source"]),
    )


def build(document: Any, file: str) -> Municipality:
    """Build the model from a document ``check.py`` has passed."""
    doc: dict[str, Any] = plain(document)
    m = doc["municipality"]
    src = m["source"]

    districts = tuple(
        District(
            id=d["id"], name_sv=_text(d["name_sv"]), name_en=_text(d.get("name_en")),
            committee=d.get("committee"),
            neighbourhoods=tuple(_text(n) for n in d.get("neighbourhoods") or ()),
            neighbourhoods_source=_text(d.get("neighbourhoods_source")),
            source=_text(d["source"]),
        )
        for d in doc.get("districts") or ()
    )
    committee_district = {d.committee: d.id for d in districts if d.committee}
    units = tuple(
        Unit(
            id=u["id"], name_sv=_text(u["name_sv"]), name_en=_text(u.get("name_en")),
            authority=u["authority"],
            district=u.get("district") or committee_district.get(u["authority"]),
            actor=Actor(u["actor"]), actor_assumed=bool(u.get("actor_assumed", False)),
            description_sv=_text(u.get("description_sv")),
            phone=u.get("phone", ""), web=u.get("web", ""), source=_text(u["source"]),
        )
        for u in doc["units"]
    )
    unit_district = {u.id: u.district for u in units}
    delegation = doc.get("delegation")
    services = []
    for s in doc.get("services") or ():
        raw_ages = s.get("ages")
        ages = AgeRange(raw_ages.get("from"), raw_ages.get("to")) if raw_ages else None
        services.append(Service(
            id=s["id"], name_sv=_text(s["name_sv"]), name_en=_text(s.get("name_en")),
            provider=s["provider"], together_with=_ids(s.get("together_with")),
            target_group_sv=_text(s["target_group_sv"]), ages=ages,
            offers_sv=_text(s["offers_sv"]), how_to_reach_sv=_text(s["how_to_reach_sv"]),
            contact=s.get("contact"), levels=_levels(s["levels"]), valid=_period(s.get("valid")),
            note_sv=_text(s.get("note_sv")), source=_text(s["source"]),
        ))
    return Municipality(
        id=m["id"],
        name_sv=_text(m["name_sv"]),
        name_en=_text(m.get("name_en")),
        valid=_period(m["valid"]),
        source=DocumentSource(
            title_sv=_text(src["title_sv"]), issued_by_sv=_text(src.get("issued_by_sv")),
            date=src.get("date"), url=src.get("url", ""), note_sv=_text(src.get("note_sv")),
        ),
        levels=tuple(sorted((_level(d) for d in doc["levels"]), key=lambda lv: list(Level).index(lv.id))),
        authorities=(
            *(_authority(d, partner=False) for d in doc["authorities"]),
            *(_authority(d, partner=True) for d in doc.get("partners") or ()),
        ),
        branches=tuple(
            (kind, tuple(Branch(b["id"], _text(b["name_sv"]), tuple(Actor(a) for a in b["actors"]),
                                _text(b.get("source"))) for b in table))
            for kind, table in (doc.get("branches") or {}).items()
        ),
        delegation=Delegation(delegation["from_kind"], tuple(delegation["to"]), _text(delegation["source"]))
        if delegation else None,
        districts=districts,
        units=units,
        contacts=tuple(_contact(c, unit_district) for c in doc["contacts"]),
        services=tuple(services),
        cooperations=tuple(
            Cooperation(
                id=c["id"], name_sv=_text(c["name_sv"]), name_en=_text(c.get("name_en")),
                short_sv=_text(c.get("short_sv")), purpose_sv=_text(c["purpose_sv"]),
                work_sv=tuple(_text(w) for w in c.get("work_sv") or ()),
                members=_ids(c.get("members")), other_members_sv=_text(c.get("other_members_sv")),
                convener=c.get("convener"), levels=_levels(c["levels"]),
                districts=None if c.get("districts") in (None, "all") else tuple(c["districts"]),
                valid=_period(c.get("valid")), status_sv=_text(c.get("status_sv")),
                source=_text(c["source"]),
            )
            for c in doc.get("cooperations") or ()
        ),
        national_resources=tuple(
            NationalResource(
                id=r["id"], name_sv=_text(r["name_sv"]), name_en=_text(r.get("name_en")),
                kind=r["kind"], description_sv=_text(r["description_sv"]),
                phone=r.get("phone", ""), web=r.get("web", ""), levels=_levels(r.get("levels")),
                roles=_role_set(r["roles"]) if "roles" in r else ALL_ROLES,
                valid=_period(r.get("valid")), later=bool(r.get("later", False)),
                verified=bool(r.get("verified", True)), note_sv=_text(r.get("note_sv")),
                source=_text(r["source"]),
            )
            for r in doc.get("national_resources") or ()
        ),
        file=file,
    )
