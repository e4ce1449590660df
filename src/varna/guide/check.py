"""Check a municipality file and report every problem with file, line, entry and field.

The people who keep a municipality's file up to date are not programmers. When a
phone number loses its leading zero or a unit points at a committee that was
renamed, the guide would otherwise send a worried teacher nowhere. So the check
never stops at the first problem: it walks the whole file against the schema
(``schema.py``), then checks every reference between entries, and reports all of
it in the words ``varna rules check`` uses::

    malmo-2015.yaml:212: entry 'ifo-oster' field 'unit': refers to unknown unit 'ifo-öster'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from varna.guide import schema
from varna.guide.build import build
from varna.guide.lawbridge import hosted_actors, law_kinds
from varna.guide.model import Authority, Branch, Level, Municipality
from varna.law import Actor
from varna.law.check import Problem
from varna.law.yamlsource import Located, duplicate_keys, load_located


@dataclass(frozen=True)
class CheckResult:
    """What checking one file found. ``unreadable`` means it could not even be parsed."""

    file: str
    problems: tuple[Problem, ...]
    municipality: Municipality | None = None
    unreadable: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


class _Out:
    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def add(self, line: int, entry: str, field: str, message: str) -> None:
        self.problems.append(Problem(self.file, line, entry, field, message))


# -- pass 1: the shape of every record ----------------------------------------------------
def _entry_name(loc: Located, record: schema.Record, fallback: str) -> str:
    if record.key is None:
        return fallback
    value = loc.data.get(record.key)
    return value if isinstance(value, str) else fallback


def _walk(out: _Out, loc: Located, record: schema.Record, entry: str, prefix: str) -> None:
    for key in loc.data:
        if key not in record.fields:
            out.add(loc.line_of(key), entry, f"{prefix}{key}",
                    f"unknown field (allowed: {', '.join(record.allowed)})")
    for name, spec in record.fields.items():
        where = f"{prefix}{name}"
        if name not in loc.data:
            if spec.required:
                out.add(loc.line, entry, where, "required field is missing")
            continue
        value, line = loc.data[name], loc.line_of(name)
        if spec.record is not None:
            if isinstance(value, Located):
                _walk(out, value, spec.record, entry, f"{where}.")
            else:
                out.add(line, entry, where, f"expected a mapping ({', '.join(spec.record.allowed)})")
        elif spec.items is not None:
            _walk_items(out, value, line, spec.items, entry, where, top=not prefix and record is schema.FILE,
                        required=spec.required)
        elif spec.keyed is not None:
            key_check, item_record = spec.keyed
            if not isinstance(value, Located):
                out.add(line, entry, where, "expected a mapping from authority kind to a list of branches")
                continue
            for kind, branches in value.data.items():
                message = key_check(kind)
                if message:
                    out.add(value.line_of(kind), entry, f"{where}.{kind}", message)
                _walk_items(out, branches, value.line_of(kind), item_record, entry, f"{where}.{kind}",
                            top=True, required=True)
        elif spec.check is not None:
            message = spec.check(value)
            if message:
                out.add(line, entry, where, message)


def _walk_items(
    out: _Out, value: Any, line: int, record: schema.Record, entry: str, where: str, *,
    top: bool, required: bool,
) -> None:
    if not isinstance(value, list):
        out.add(line, entry, where, f"expected a list of {record.name} entries")
        return
    if required and not value:
        out.add(line, entry, where, f"expected at least one {record.name}")
    for index, item in enumerate(value):
        if not isinstance(item, Located):
            out.add(line, entry, f"{where}[{index}]", f"each {record.name} must be a mapping of fields")
            continue
        if top:
            _walk(out, item, record, _entry_name(item, record, ""), "")
        else:
            _walk(out, item, record, entry, f"{where}[{index}].")


def _duplicate_keys(out: _Out, text: str) -> None:
    for line, entry, key in duplicate_keys(text):
        out.add(line, entry, key, "given twice in one mapping; YAML would silently keep only the last")


# -- pass 2: references between entries --------------------------------------------------
def _section(doc: Located, name: str) -> list[Located]:
    value = doc.data.get(name)
    return [item for item in value if isinstance(item, Located)] if isinstance(value, list) else []


def _id(loc: Located) -> str | None:
    value = loc.data.get("id")
    return value if isinstance(value, str) and schema.ID_PATTERN.match(value) else None


def _index(out: _Out, items: Iterable[tuple[Located, str]], seen: dict[str, tuple[int, str]] | None = None
           ) -> dict[str, Located]:
    """Entries by id; an id used twice (within the namespace of ``seen``) is reported."""
    seen = {} if seen is None else seen
    found: dict[str, Located] = {}
    for loc, what in items:
        ident = _id(loc)
        if ident is None:
            continue
        if ident in seen:
            first_line, first_what = seen[ident]
            out.add(loc.line_of("id"), ident, "id",
                    f"duplicate id: already used by the {first_what} on line {first_line}")
            continue
        seen[ident] = (loc.line_of("id"), what)
        found[ident] = loc
    return found


def _refs(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def _check_refs(out: _Out, loc: Located, key: str, entry: str, known: Mapping[str, Any], what: str,
                field: str | None = None) -> None:
    if key not in loc.data or loc.data[key] == "all":
        return
    for ref in _refs(loc.data[key]):
        if ref not in known:
            out.add(loc.line_of(key), entry, field or key, f"refers to unknown {what} {ref!r}")


def _check_period(out: _Out, loc: Located, key: str, entry: str, prefix: str = "") -> None:
    period = loc.data.get(key)
    if not isinstance(period, Located):
        return
    start, end = period.data.get("from"), period.data.get("to")
    if start is not None and end is not None and schema.date(start) is None and schema.date(end) is None \
            and end < start:
        out.add(period.line_of("to"), entry, f"{prefix}{key}.to", f"ends {end} before it starts {start}")


def _levels_of(loc: Located) -> set[str]:
    return {v for v in _refs(loc.data.get("levels")) if v in schema.LEVEL_VALUES}


@dataclass
class _Bodies:
    """Authorities, partners and units: everything a member, convener or provider can be."""

    authorities: dict[str, Located]
    partners: dict[str, Located]
    units: dict[str, Located]

    @property
    def all(self) -> dict[str, Located]:
        return {**self.authorities, **self.partners, **self.units}


def _authority_model(loc: Located, partner: bool) -> Authority:
    """A minimal Authority for the branch logic, from a possibly imperfect entry."""
    kind = loc.data.get("kind")
    acts_as = loc.data.get("acts_as")
    return Authority(id=str(loc.data.get("id")), name_sv="", kind=kind if isinstance(kind, str) else "",
                     acts_as=acts_as if isinstance(acts_as, str) else None, source="", partner=partner)


def _declared_branches(out: _Out, doc: Located) -> dict[str, tuple[Branch, ...]]:
    raw = doc.data.get("branches")
    declared: dict[str, tuple[Branch, ...]] = {}
    if not isinstance(raw, Located):
        return declared
    for kind, items in raw.data.items():
        if not isinstance(items, list):
            continue
        table: list[Branch] = []
        owner: dict[str, str] = {}
        ids: set[str] = set()
        for loc in items:
            if not isinstance(loc, Located):
                continue
            ident = _id(loc) or ""
            if ident and ident in ids:
                out.add(loc.line_of("id"), ident, "id", f"duplicate branch id for kind '{kind}'")
            ids.add(ident)
            actors = [a for a in _refs(loc.data.get("actors")) if a in schema.ACTOR_VALUES]
            for a in actors:
                if a in owner:
                    out.add(loc.line_of("actors"), ident, "actors",
                            f"actor kind '{a}' is already in branch '{owner[a]}' of kind '{kind}'; "
                            "an actor kind works in one branch per authority")
                owner.setdefault(a, ident)
            table.append(Branch(ident, "", tuple(Actor(a) for a in actors)))
        declared[str(kind)] = tuple(table)
    return declared


def _check_authorities(out: _Out, bodies: _Bodies, doc: Located) -> None:
    known_kinds = law_kinds()
    names: dict[str, str] = {}
    for ident in (*bodies.authorities, *bodies.partners):
        names[ident] = ident
    acts_as_by_kind: dict[str, tuple[str, str]] = {}
    for group, partner in ((bodies.authorities, False), (bodies.partners, True)):
        for ident, loc in group.items():
            kind = loc.data.get("kind")
            if not isinstance(kind, str):
                continue
            acts_as = loc.data.get("acts_as")
            if not partner and kind in known_kinds and "acts_as" in loc.data:
                out.add(loc.line_of("acts_as"), ident, "acts_as",
                        f"kind '{kind}' is one the law knows, with its own branches; acts_as is only "
                        "for kinds the law does not know")
            if not partner and kind not in known_kinds and "acts_as" not in loc.data:
                out.add(loc.line_of("kind"), ident, "acts_as",
                        f"required for kind '{kind}', which the law does not know: say how the secrecy "
                        f"engine should see its staff ({', '.join(schema.ACTS_AS)})")
            if isinstance(acts_as, str) and kind not in known_kinds:
                first = acts_as_by_kind.setdefault(kind, (acts_as, ident))
                if first[0] != acts_as:
                    out.add(loc.line_of("acts_as"), ident, "acts_as",
                            f"'{first[1]}' has the same kind '{kind}' but acts as '{first[0]}'; "
                            "authorities of one kind must act alike")
            for alias in _refs(loc.data.get("aliases")):
                if alias in names and names[alias] != ident:
                    out.add(loc.line_of("aliases"), ident, "aliases",
                            f"alias {alias!r} already names '{names[alias]}'")
                names.setdefault(alias, ident)


def _check_delegation(out: _Out, doc: Located, bodies: _Bodies) -> None:
    loc = doc.data.get("delegation")
    if not isinstance(loc, Located):
        return
    kinds = {k.data.get("kind") for k in bodies.authorities.values()}
    from_kind = loc.data.get("from_kind")
    if isinstance(from_kind, str) and from_kind not in kinds:
        out.add(loc.line_of("from_kind"), "", "delegation.from_kind",
                f"no authority in the file has kind {from_kind!r}")
    _check_refs(out, loc, "to", "", bodies.authorities, "authority", "delegation.to")


def _check_districts(out: _Out, districts: dict[str, Located], bodies: _Bodies) -> dict[str, str]:
    """Check districts; return committee id -> district id."""
    committees: dict[str, str] = {}
    places: dict[str, str] = {}
    for ident, loc in districts.items():
        _check_refs(out, loc, "committee", ident, bodies.authorities, "authority")
        committee = loc.data.get("committee")
        if isinstance(committee, str):
            if committee in committees:
                out.add(loc.line_of("committee"), ident, "committee",
                        f"'{committee}' is already the committee of district '{committees[committee]}'")
            committees.setdefault(committee, ident)
        names = [loc.data.get("name_sv"), *_refs(loc.data.get("neighbourhoods"))]
        for name in names:
            if not isinstance(name, str):
                continue
            folded = name.strip().casefold()
            if folded in places and places[folded] != ident:
                field = "name_sv" if name == loc.data.get("name_sv") else "neighbourhoods"
                out.add(loc.line_of(field), ident, field,
                        f"{name!r} is also a place in district '{places[folded]}'; a place must lead to "
                        "one district")
            places.setdefault(folded, ident)
    return committees


def _check_units(out: _Out, doc: Located, bodies: _Bodies, districts: dict[str, Located],
                 committees: dict[str, str]) -> None:
    declared = _declared_branches(out, doc)
    owners = {**bodies.authorities, **bodies.partners}
    for ident, loc in bodies.units.items():
        _check_refs(out, loc, "authority", ident, owners, "authority or partner")
        _check_refs(out, loc, "district", ident, districts, "district")
        authority = loc.data.get("authority")
        district = loc.data.get("district")
        if isinstance(authority, str) and isinstance(district, str) and authority in committees \
                and committees[authority] != district:
            out.add(loc.line_of("district"), ident, "district",
                    f"'{authority}' is the committee of district '{committees[authority]}', "
                    f"not of '{district}'")
        actor = loc.data.get("actor")
        if not (isinstance(authority, str) and authority in owners and actor in schema.ACTOR_VALUES):
            continue
        owner = _authority_model(owners[authority], authority in bodies.partners)
        if not owner.kind:
            continue
        hosted = hosted_actors(owner, declared)
        if Actor(actor) not in hosted:
            where = ", ".join(sorted(a.value for a in hosted)) or "no actor kind the law models"
            out.add(loc.line_of("actor"), ident, "actor",
                    f"'{authority}' (kind '{owner.kind}') has no branch with actor kind '{actor}' "
                    f"(it has: {where}); declare one under branches.{owner.kind} or pick another actor")


def _check_contacts(out: _Out, contacts: dict[str, Located], units: dict[str, Located],
                    cooperations: dict[str, Located], districts: dict[str, Located]) -> None:
    for ident, loc in contacts.items():
        _check_refs(out, loc, "unit", ident, units, "unit")
        _check_refs(out, loc, "cooperation", ident, cooperations, "cooperation")
        _check_refs(out, loc, "districts", ident, districts, "district")
        roles = loc.data.get("roles")
        if isinstance(roles, Located):
            levels = _levels_of(loc)
            for key in roles.data:
                if key in schema.LEVEL_VALUES and key not in levels:
                    out.add(roles.line_of(key), ident, f"roles.{key}",
                            f"roles are given for level '{key}', which the contact's levels leave out")
            for level in sorted(levels - set(roles.data)):
                out.add(loc.line_of("roles"), ident, "roles",
                        f"no roles given for level '{level}'; give roles for every level the contact serves")


def _check_services(out: _Out, services: dict[str, Located], bodies: _Bodies,
                    contacts: dict[str, Located]) -> None:
    for ident, loc in services.items():
        _check_refs(out, loc, "provider", ident, bodies.units, "unit")
        _check_refs(out, loc, "together_with", ident, bodies.all, "authority, partner or unit")
        _check_refs(out, loc, "contact", ident, contacts, "contact")
        _check_period(out, loc, "valid", ident)
        ages = loc.data.get("ages")
        if isinstance(ages, Located):
            low, high = ages.data.get("from"), ages.data.get("to")
            if isinstance(low, int) and isinstance(high, int) and low > high:
                out.add(ages.line_of("to"), ident, "ages.to",
                        f"the age range ends ({high}) before it starts ({low})")
            if not ages.data:
                out.add(loc.line_of("ages"), ident, "ages", "give from, to or both")


def _check_cooperations(out: _Out, cooperations: dict[str, Located], bodies: _Bodies,
                        districts: dict[str, Located]) -> None:
    for ident, loc in cooperations.items():
        _check_refs(out, loc, "members", ident, bodies.all, "authority, partner or unit")
        _check_refs(out, loc, "convener", ident, bodies.all, "authority, partner or unit")
        _check_refs(out, loc, "districts", ident, districts, "district")
        _check_period(out, loc, "valid", ident)
        if "members" not in loc.data and "other_members_sv" not in loc.data:
            out.add(loc.line, ident, "members", "name the members (members or other_members_sv)")


def _check_levels(out: _Out, doc: Located, levels: list[Located], bodies: _Bodies,
                  contacts: dict[str, Located], cooperations: dict[str, Located]) -> None:
    seen: dict[str, int] = {}
    for loc in levels:
        ident = loc.data.get("id")
        if not isinstance(ident, str) or ident not in schema.LEVEL_VALUES:
            continue
        if ident in seen:
            out.add(loc.line_of("id"), ident, "id", f"level '{ident}' is described twice (first on line "
                                                    f"{seen[ident]})")
            continue
        seen[ident] = loc.line_of("id")
        _check_refs(out, loc, "partners", ident, bodies.partners, "partner")
        for index, activity in enumerate(_section(loc, "activities")):
            prefix = f"activities[{index}]."
            _check_refs(out, activity, "by", ident, bodies.all, "authority, partner or unit", f"{prefix}by")
            _check_refs(out, activity, "cooperation", ident, cooperations, "cooperation",
                        f"{prefix}cooperation")
            _check_period(out, activity, "valid", ident, prefix)
        competence = loc.data.get("competence")
        if isinstance(competence, Located):
            _check_refs(out, competence, "responsible", ident, bodies.all, "authority, partner or unit",
                        "competence.responsible")
        for ref in _refs(loc.data.get("turn_to")):
            contact = contacts.get(ref)
            if contact is None:
                out.add(loc.line_of("turn_to"), ident, "turn_to", f"refers to unknown contact {ref!r}")
            elif ident not in _levels_of(contact) and isinstance(contact.data.get("levels"), list):
                out.add(loc.line_of("turn_to"), ident, "turn_to",
                        f"contact '{ref}' is listed here but does not serve level '{ident}' "
                        "(add it to the contact's levels)")
    missing = [lv.value for lv in Level if lv.value not in seen]
    if missing and isinstance(doc.data.get("levels"), list):
        out.add(doc.line_of("levels"), "", "levels",
                f"the file must describe all three levels; missing: {', '.join(missing)}")


def _check_national(out: _Out, resources: dict[str, Located]) -> None:
    for ident, loc in resources.items():
        _check_period(out, loc, "valid", ident)
        valid = loc.data.get("valid")
        starts = isinstance(valid, Located) and "from" in valid.data
        if loc.data.get("later") is True and not starts:
            out.add(loc.line_of("later"), ident, "valid.from",
                    "an entry marked later: true needs the date it began (valid.from)")


def _check_references(out: _Out, doc: Located) -> None:
    bodies_seen: dict[str, tuple[int, str]] = {}
    bodies = _Bodies(
        authorities=_index(out, ((x, "authority") for x in _section(doc, "authorities")), bodies_seen),
        partners=_index(out, ((x, "partner") for x in _section(doc, "partners")), bodies_seen),
        units=_index(out, ((x, "unit") for x in _section(doc, "units")), bodies_seen),
    )
    districts = _index(out, ((x, "district") for x in _section(doc, "districts")))
    contacts = _index(out, ((x, "contact") for x in _section(doc, "contacts")))
    services = _index(out, ((x, "service") for x in _section(doc, "services")))
    cooperations = _index(out, ((x, "cooperation") for x in _section(doc, "cooperations")))
    resources = _index(out, ((x, "national resource") for x in _section(doc, "national_resources")))

    municipality = doc.data.get("municipality")
    if isinstance(municipality, Located):
        ident = str(municipality.data.get("id", ""))
        _check_period(out, municipality, "valid", ident)
        valid = municipality.data.get("valid")
        if isinstance(valid, Located) and "from" not in valid.data:
            out.add(valid.line, ident, "valid.from", "required: the first day the description holds")

    _check_authorities(out, bodies, doc)
    _check_delegation(out, doc, bodies)
    committees = _check_districts(out, districts, bodies)
    _check_units(out, doc, bodies, districts, committees)
    _check_contacts(out, contacts, bodies.units, cooperations, districts)
    _check_services(out, services, bodies, contacts)
    _check_cooperations(out, cooperations, bodies, districts)
    _check_levels(out, doc, _section(doc, "levels"), bodies, contacts, cooperations)
    _check_national(out, resources)


# -- the entry points -------------------------------------------------------------------
def _yaml_problem(exc: yaml.YAMLError) -> tuple[int, str]:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line = mark.line + 1 if mark is not None else 0
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    message = f"not valid YAML: {problem}"
    context, context_mark = getattr(exc, "context", None), getattr(exc, "context_mark", None)
    if context:
        # The parser notices the error where it gives up; the opening bracket or quote
        # it was inside is often the real culprit, so name its line as well.
        started = context_mark.line + 1 if context_mark is not None else 0
        message += f" ({context}" + (f" that starts on line {started})" if started and started != line
                                      else ")")
    return line, message


def check_document(path: Path, *, display: str | None = None) -> CheckResult:
    """Check one municipality file; never raises on bad content.

    ``display`` is the file name used in messages (default: the path as given).
    """
    file = display if display is not None else str(path)
    out = _Out(file)
    try:
        text = path.read_text(encoding="utf-8")
        document = load_located(path)
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        out.add(0, "", "", f"cannot read the file: {reason}")
        return CheckResult(file, tuple(out.problems), unreadable=True)
    except yaml.YAMLError as exc:
        line, message = _yaml_problem(exc)
        out.add(line, "", "", message)
        return CheckResult(file, tuple(out.problems), unreadable=True)
    if document is None:
        out.add(1, "", "", "the file is empty")
        return CheckResult(file, tuple(out.problems), unreadable=True)
    if not isinstance(document, Located):
        out.add(1, "", "", "expected a mapping with the sections format, municipality, levels, "
                           "authorities, units and contacts")
        return CheckResult(file, tuple(out.problems), unreadable=True)
    _duplicate_keys(out, text)
    _walk(out, document, schema.FILE, "", "")
    _check_references(out, document)
    problems = tuple(sorted(set(out.problems), key=lambda p: (p.line, p.entry, p.field, p.message)))
    if problems:
        return CheckResult(file, problems)
    return CheckResult(file, (), build(document, file))


def check_municipality(path: Path) -> list[str]:
    """Every problem in a municipality file as ``file:line: entry 'id' field 'x': message``."""
    return [str(problem) for problem in check_document(path).problems]
