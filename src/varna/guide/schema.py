"""The municipality file format, written as code: sections, fields and allowed values.

Why code and not a JSON Schema document: the checks a municipality needs go beyond
shapes – a phone number that looks Swedish, an actor kind the secrecy engine knows,
an authority kind the law has branches for – and every message must name file, line,
entry and field in the words `varna rules check` uses. A record here is a mapping
of field name to :class:`Field`; `check.py` walks a file against these records and
then checks the references between entries.

The format is strict: an unknown field is an error, because a misspelt optional
field (``phone_number`` for ``phone``) would otherwise vanish without a trace.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from varna.guide.model import Level, Role
from varna.law import Actor
from varna.law.yamlsource import Located

FORMAT_VERSION = 1

# A checker returns a message when the value is wrong and None when it is fine.
Checker = Callable[[Any], str | None]

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Aliases are what people type in a question ("säpo", "sdn-söder"): lower case,
# Swedish letters allowed, no spaces.
ALIAS_PATTERN = re.compile(r"^[a-z0-9åäöé]+(?:-[a-z0-9åäöé]+)*$")

# Authority kinds the municipality may use besides the law's own (see ``law_kinds``):
# each needs ``acts_as`` to tell the secrecy engine how to see its staff.
MUNICIPAL_KINDS: Mapping[str, str] = {
    "social_committee": "Socialnämnd för hela kommunen",
    "other_committee": "Annan nämnd",
}
PARTNER_KINDS: Mapping[str, str] = {
    "probation_service": "Kriminalvården (frivården)",
    "employment_service": "Arbetsförmedlingen",
    "institutional_care_board": "Statens institutionsstyrelse (SiS)",
    "region": "Region (hälso- och sjukvård)",
    "national_agency": "Annan statlig myndighet",
    "civil_society": "Förening eller annan aktör i civilsamhället",
    "other_partner": "Annan samverkanspart",
}
# Labels for the kinds the bundled law organisation knows; a kind the law adds later
# still works (``law_kinds`` reads the law), it is only shown by its code.
LAW_KIND_LABELS: Mapping[str, str] = {
    "district_committee": "Stadsområdesnämnd (socialnämnd för ett stadsområde)",
    "social_resources_committee": "Sociala resursnämnden",
    "school_committee": "Skolnämnd",
    "leisure_committee": "Fritidsnämnd",
    "city_executive": "Kommunstyrelsen (stadskontoret)",
    "police": "Polismyndigheten",
    "security_police": "Säkerhetspolisen",
}
OTHER_AUTHORITY = "other_authority"
ACTS_AS: tuple[str, ...] = (*(a.value for a in Actor), OTHER_AUTHORITY)

NATIONAL_KINDS: Mapping[str, str] = {
    "coordinator": "Nationell samordnare",
    "support_line": "Stödtelefon",
    "national_centre": "Nationellt kunskapscentrum",
    "emergency": "Larmnummer",
}

ROLE_LABELS: Mapping[Role, str] = {
    Role.SCHOOL_STAFF_COMPULSORY: "Lärare eller annan personal i grundskolan",
    Role.SCHOOL_STAFF_UPPER_SECONDARY: "Lärare eller annan personal i gymnasie- eller vuxenutbildningen",
    Role.STUDENT_HEALTH: "Elevhälsan (skolsköterska, skolläkare, kurator, psykolog, specialpedagog)",
    Role.LEISURE_STAFF: "Fritidsledare",
    Role.FIELD_WORKER: "Fältarbetare",
    Role.CULTURE_WORKER: "Kulturarbetare",
    Role.CIVIL_SOCIETY: "Förening, tränare eller annan i civilsamhället",
    Role.SOCIAL_SERVICES: "Socialsekreterare eller behandlare",
    Role.POLICE: "Polis",
    Role.OTHER_STAFF: "Annan medarbetare",
    Role.RELATIVE: "Anhörig eller annan privatperson",
}
LEVEL_LABELS: Mapping[Level, str] = {
    Level.UNIVERSAL: "samhällsbyggande nivå",
    Level.SELECTIVE: "riskgruppsnivå",
    Level.INDICATED: "indikerad nivå",
}
# Role groups a file may write instead of a list.
ROLE_GROUPS = ("all", "staff")


# -- checkers ----------------------------------------------------------------------------
def _quote_hint(value: Any) -> str:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return f" (YAML read {value!r} as a number; put it in quotes)"
    return ""


def text(value: Any) -> str | None:
    if not isinstance(value, str):
        return f"expected text, got {value!r}{_quote_hint(value)}"
    if not value.strip():
        return "must not be empty"
    return None


def text_list(value: Any) -> str | None:
    if not isinstance(value, list) or not value:
        return "expected a non-empty list of texts"
    for item in value:
        message = text(item)
        if message:
            return f"item {item!r}: {message}"
    return None


def ident(value: Any) -> str | None:
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        return (f"{value!r} is not a valid id (lower-case a–z, digits and single hyphens, "
                "for example 'sdn-oster')")
    return None


def ident_list(value: Any) -> str | None:
    if not isinstance(value, list) or not value:
        return "expected a non-empty list of ids"
    seen: set[str] = set()
    for item in value:
        message = ident(item)
        if message:
            return message
        if item in seen:
            return f"{item!r} is listed twice"
        seen.add(item)
    return None


def alias_list(value: Any) -> str | None:
    if not isinstance(value, list) or not value:
        return "expected a non-empty list of aliases"
    for item in value:
        if not isinstance(item, str) or not ALIAS_PATTERN.match(item):
            return f"{item!r} is not a valid alias (lower case, Swedish letters, digits, hyphens)"
    return None


def boolean(value: Any) -> str | None:
    return None if isinstance(value, bool) else f"expected true or false, got {value!r}"


def whole(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        return f"expected a whole number of 0 or more, got {value!r}"
    return None


def date(value: Any) -> str | None:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return None
    return f"expected a date written YYYY-MM-DD, got {value!r}"


# Nation-wide short numbers: emergency, police, information, health advice; 116 xxx are
# the harmonised European help lines (116 111 for children, for instance).
SHORT_NUMBERS = frozenset({"112", "11313", "11414", "1177"})
_PHONE_CHARS = re.compile(r"^\+?[0-9][0-9 \-]*[0-9]$")


def phone(value: Any) -> str | None:
    """A Swedish number: an area code and subscriber number, +46, or a short service number.

    Accepted: "040-340550", "040-34 05 50", "020-22 00 60", "+46 40 34 05 50",
    "112", "114 14", "1177", "116 111". Numbers must be quoted in YAML: unquoted, 040340550
    would turn into an integer and lose its leading zero.
    """
    if not isinstance(value, str):
        return (f"expected a phone number in quotes, got {value!r}"
                + (" (YAML read it as a number)" if isinstance(value, int) else ""))
    if not _PHONE_CHARS.match(value.strip()) or "--" in value or "  " in value:
        return f"{value!r} does not look like a phone number (digits, spaces and hyphens)"
    digits = re.sub(r"\D", "", value)
    if value.strip().startswith("+"):
        if not digits.startswith("46"):
            return f"{value!r} is not a Swedish number (+46)"
        national = digits[2:]
        if national.startswith("0") or not 7 <= len(national) <= 9:
            return f"{value!r}: after +46 come 7–9 digits without the leading 0"
        return None
    if digits.startswith("0"):
        if digits.startswith("00"):
            return f"{value!r} is an international number; Swedish numbers start with a single 0"
        if not 8 <= len(digits) <= 10:
            return (f"{value!r} has {len(digits)} digits; a Swedish number with area code "
                    "has 8–10 (for example 040-34 05 50)")
        return None
    if digits in SHORT_NUMBERS or (digits.startswith("116") and len(digits) == 6):
        return None
    return (f"{value!r} does not look like a Swedish number (start with the area code, "
            "for example 040-…, or write +46)")


def url(value: Any) -> str | None:
    if not isinstance(value, str) or not value or any(ch.isspace() for ch in value):
        return f"expected a web address without spaces, got {value!r}"
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return f"{value!r} is not an http(s) address (write it with http:// or https://)"
    if "..." in value:
        return f"{value!r} looks shortened ('...'); give the whole address or leave it out"
    return None


def one_of(options: Sequence[str], what: str = "value") -> Checker:
    allowed = tuple(options)

    def check(value: Any) -> str | None:
        if value not in allowed:
            return f"unknown {what} {value!r} (allowed: {', '.join(allowed)})"
        return None

    return check


def list_of(options: Sequence[str], what: str = "value") -> Checker:
    allowed = tuple(options)

    def check(value: Any) -> str | None:
        if not isinstance(value, list) or not value:
            return f"expected a non-empty list (allowed: {', '.join(allowed)})"
        for item in value:
            if item not in allowed:
                return f"unknown {what} {item!r} (allowed: {', '.join(allowed)})"
        if len(set(value)) != len(value):
            return "a value is listed twice"
        return None

    return check


LEVEL_VALUES = tuple(level.value for level in Level)
ROLE_VALUES = tuple(role.value for role in Role)
ACTOR_VALUES = tuple(actor.value for actor in Actor)

levels = list_of(LEVEL_VALUES, "level")
actors = list_of(ACTOR_VALUES, "actor kind")
actor = one_of(ACTOR_VALUES, "actor kind")
acts_as = one_of(ACTS_AS, "acts_as")
municipal_or_law_kind = one_of((*LAW_KIND_LABELS, *MUNICIPAL_KINDS), "authority kind")
partner_kind = one_of(tuple(PARTNER_KINDS), "partner kind")
national_kind = one_of(tuple(NATIONAL_KINDS), "kind")


def role_set(value: Any) -> str | None:
    if value in ROLE_GROUPS:
        return None
    return list_of(ROLE_VALUES, "role")(value) if isinstance(value, list) else (
        f"expected 'all', 'staff' or a list of roles (allowed: {', '.join(ROLE_VALUES)})")


def roles(value: Any) -> str | None:
    """Roles served: 'all', 'staff', a list, or a mapping from level to one of those."""
    if isinstance(value, Located):
        for key, item in value.data.items():
            if key not in LEVEL_VALUES:
                return f"unknown level {key!r} in roles (allowed: {', '.join(LEVEL_VALUES)})"
            message = role_set(item)
            if message:
                return f"{key}: {message}"
        return None if value.data else "expected at least one level"
    return role_set(value)


def format_version(value: Any) -> str | None:
    if isinstance(value, bool) or value != FORMAT_VERSION:
        return f"unknown format {value!r}; this version of Värna reads format {FORMAT_VERSION}"
    return None


def district_scope(value: Any) -> str | None:
    if value == "all":
        return None
    message = ident_list(value)
    return f"expected 'all' or a list of district ids: {message}" if message else None


# -- records -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Field:
    """One field of a record: how to check a value, or the record(s) it holds."""

    check: Checker | None = None
    required: bool = False
    record: Record | None = None  # a nested mapping
    items: Record | None = None  # a list of mappings
    keyed: tuple[Checker, Record] | None = None  # a mapping of key -> list of mappings
    doc: str = ""


@dataclass(frozen=True)
class Record:
    """A kind of mapping in the file; ``key`` names the field that identifies an entry."""

    name: str
    fields: Mapping[str, Field] = field(default_factory=dict)
    key: str | None = "id"

    @property
    def allowed(self) -> tuple[str, ...]:
        return tuple(self.fields)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(name for name, f in self.fields.items() if f.required)


def _f(check: Checker, doc: str = "", *, required: bool = False) -> Field:
    return Field(check=check, required=required, doc=doc)


def _req(check: Checker, doc: str = "") -> Field:
    return Field(check=check, required=True, doc=doc)


SOURCE_TEXT = _req(text, "where in the source document this comes from (section, appendix)")

PERIOD = Record("period", {
    "from": _f(date, "first day"),
    "to": _f(date, "last day"),
}, key=None)

AGES = Record("ages", {
    "from": _f(whole, "youngest age, inclusive"),
    "to": _f(whole, "oldest age, inclusive"),
}, key=None)

DOCUMENT = Record("source", {
    "title_sv": _req(text, "title of the source document"),
    "issued_by_sv": _f(text, "who wrote or adopted it"),
    "date": _f(date, "its date"),
    "url": _f(url, "where it can be read"),
    "note_sv": _f(text, "anything a reader should know about it"),
}, key=None)

MUNICIPALITY = Record("municipality", {
    "id": _req(ident, "short id, for example malmo-2015"),
    "name_sv": _req(text, "the municipality's name"),
    "name_en": _f(text, "English name"),
    "valid": Field(record=PERIOD, required=True, doc="the period the description holds for"),
    "source": Field(record=DOCUMENT, required=True, doc="the document it was written from"),
    "note_sv": _f(text),
})

LINK = Record("link", {
    "title_sv": _req(text),
    "url": _req(url),
    "note_sv": _f(text),
}, key=None)

ACTIVITY = Record("activity", {
    "name_sv": _req(text),
    "description_sv": _f(text),
    "by": _f(ident_list, "authorities, partners or units that run it"),
    "cooperation": _f(ident, "the form of cooperation it belongs to"),
    "valid": Field(record=PERIOD),
    "source": _f(text),
}, key=None)

COMPETENCE = Record("competence", {
    "exists": _req(boolean, "does the source say there is a plan?"),
    "plan_sv": _req(text, "what the plan is, or what is missing"),
    "responsible": _f(ident_list, "who is responsible"),
    "when_sv": _f(text),
    "source": _f(text),
}, key=None)

LEVEL = Record("level", {
    "id": _req(one_of(LEVEL_VALUES, "level"), "universal, selective or indicated"),
    "name_sv": _req(text),
    "name_en": _f(text),
    "approach_sv": _req(text, "the level's approach in one sentence"),
    "description_sv": _req(text),
    "actors_sv": _req(text_list, "who works at this level, as the source names them"),
    "partners": _f(ident_list, "partner authorities important at this level"),
    "activities": Field(items=ACTIVITY),
    "competence": Field(record=COMPETENCE, required=True),
    "turn_to": _f(ident_list, "contact ids in the order a worried person should try them"),
    "advice_sv": _f(text, "advice before making contact"),
    "links": Field(items=LINK),
    "source": SOURCE_TEXT,
})

_AUTHORITY_FIELDS: dict[str, Field] = {
    "id": _req(ident),
    "name_sv": _req(text),
    "name_en": _f(text),
    "kind": _req(municipal_or_law_kind, "the law's authority kind, or a municipal kind"),
    "acts_as": _f(acts_as, "for kinds the law does not know: an actor kind or other_authority"),
    "aliases": _f(alias_list, "other names a secrecy question may use"),
    "administration_sv": _f(text, "the administration (förvaltning) that serves it"),
    "description_sv": _f(text),
    "phone": _f(phone),
    "web": _f(url),
    "levels": _f(levels),
    "source": SOURCE_TEXT,
}
AUTHORITY = Record("authority", _AUTHORITY_FIELDS)
PARTNER = Record("partner", {
    **_AUTHORITY_FIELDS,
    "kind": _req(partner_kind, "what kind of partner"),
    "acts_as": _req(acts_as, "how the secrecy engine sees it: other_authority, private or an actor"),
})

BRANCH = Record("branch", {
    "id": _req(ident),
    "name_sv": _req(text),
    "actors": _req(actors, "actor kinds working in the branch"),
    "source": _f(text),
})

DELEGATION = Record("delegation", {
    "from_kind": _req(text, "the authority kind that delegates"),
    "to": _req(ident_list, "authorities acting on that delegation"),
    "source": SOURCE_TEXT,
}, key=None)

DISTRICT = Record("district", {
    "id": _req(ident),
    "name_sv": _req(text),
    "name_en": _f(text),
    "committee": _f(ident, "the district committee, if the district has one"),
    "neighbourhoods": _f(text_list, "neighbourhoods in the district, for lookups by place"),
    "neighbourhoods_source": _f(text, "where the neighbourhood list comes from"),
    "source": SOURCE_TEXT,
})

UNIT = Record("unit", {
    "id": _req(ident),
    "name_sv": _req(text),
    "name_en": _f(text),
    "authority": _req(ident, "the authority or partner the unit belongs to"),
    "district": _f(ident, "the district it works in (default: its committee's district)"),
    "actor": _req(actor, "the varna.law actor kind of its staff"),
    "actor_assumed": _f(boolean, "true when the source does not state the actor kind"),
    "description_sv": _f(text),
    "phone": _f(phone),
    "web": _f(url),
    "source": SOURCE_TEXT,
})

CONTACT = Record("contact", {
    "id": _req(ident),
    "function_sv": _req(text, "what you turn to it for, as a person reads it"),
    "unit": _req(ident, "the unit that answers"),
    "cooperation": _f(ident, "a form of cooperation reached through this contact"),
    "phone": _f(phone),
    "web": _f(url),
    "opening_hours_sv": _f(text),
    "how_sv": _f(text, "how to get in touch and what to prepare"),
    "levels": _req(levels),
    "roles": _req(roles, "'all', 'staff', a list of roles, or level: roles"),
    "districts": _f(district_scope, "'all' or district ids (default: the unit's district)"),
    "source": SOURCE_TEXT,
})

SERVICE = Record("service", {
    "id": _req(ident),
    "name_sv": _req(text),
    "name_en": _f(text),
    "provider": _req(ident, "the unit that provides it"),
    "together_with": _f(ident_list, "authorities, partners or units it is run with"),
    "target_group_sv": _req(text),
    "ages": Field(record=AGES),
    "offers_sv": _req(text, "what it offers"),
    "how_to_reach_sv": _req(text),
    "contact": _f(ident, "the contact point to use"),
    "levels": _req(levels),
    "valid": Field(record=PERIOD),
    "note_sv": _f(text),
    "source": SOURCE_TEXT,
})

COOPERATION = Record("cooperation", {
    "id": _req(ident),
    "name_sv": _req(text),
    "name_en": _f(text),
    "short_sv": _f(text, "abbreviation, for example SSPF"),
    "purpose_sv": _req(text),
    "work_sv": _f(text_list, "what it works on"),
    "members": _f(ident_list, "authorities, partners or units taking part"),
    "other_members_sv": _f(text, "members the file has no entry for"),
    "convener": _f(ident, "who convenes it"),
    "levels": _req(levels),
    "districts": _f(district_scope),
    "valid": Field(record=PERIOD),
    "status_sv": _f(text, "for example 'under construction'"),
    "source": SOURCE_TEXT,
})

NATIONAL = Record("national resource", {
    "id": _req(ident),
    "name_sv": _req(text),
    "name_en": _f(text),
    "kind": _req(national_kind),
    "description_sv": _req(text),
    "phone": _f(phone),
    "web": _f(url),
    "levels": _f(levels),
    "roles": _f(role_set, "'all', 'staff' or a list of roles"),
    "valid": Field(record=PERIOD),
    "later": _f(boolean, "true: came after the source document; needs valid.from"),
    "verified": _f(boolean, "false: general knowledge nobody has checked (default true)"),
    "note_sv": _f(text),
    "source": SOURCE_TEXT,
})

FILE = Record("file", {
    "format": _req(format_version, f"the format version, {FORMAT_VERSION}"),
    "municipality": Field(record=MUNICIPALITY, required=True),
    "levels": Field(items=LEVEL, required=True),
    "authorities": Field(items=AUTHORITY, required=True),
    "partners": Field(items=PARTNER),
    "branches": Field(keyed=(one_of((*LAW_KIND_LABELS, *MUNICIPAL_KINDS, *PARTNER_KINDS),
                                    "authority kind"), BRANCH)),
    "delegation": Field(record=DELEGATION),
    "districts": Field(items=DISTRICT),
    "units": Field(items=UNIT, required=True),
    "contacts": Field(items=CONTACT, required=True),
    "services": Field(items=SERVICE),
    "cooperations": Field(items=COOPERATION),
    "national_resources": Field(items=NATIONAL),
}, key=None)
