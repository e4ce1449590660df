"""The concern interview: "Jag är orolig för någon" – where do I turn, and what may I say?

A teacher, youth leader or relative worried about a young person needs, in two
minutes, what the guideline answers across sections 2–4 and its appendix:

1. which prevention level the concern belongs to, and why (``concern_levels``);
2. whether to call 112 first;
3. where to turn, in order, for *their* district and role – from the municipality's
   file, so another municipality gets its own contacts;
4. whether they must report to social services (``concern_law``, from the secrecy
   engine: OSL 10:28 with SoL 14:1 – "oro räcker");
5. what they may tell each contact, and a link to check it in the secrecy wizard;
6. that relatives can be referred on (in Malmö to Plattform Malmö);
7. to formulate the basis of the concern before calling.

:func:`route_concern` is pure: no Django, no I/O beyond the municipality already
loaded, nothing stored. It never scores or predicts a person (DESIGN.md, principle
2); it maps what the worried person answered to what the guideline says.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from functools import cache

from varna.guide.concern_law import (
    DutyStatus,
    DutyToReport,
    Telling,
    YourParty,
    district_social_services,
    duty_to_report,
    telling,
    your_party,
)
from varna.guide.concern_levels import (
    CATEGORY_RULES,
    LEVEL_ORDER,
    SERIOUSNESS_RULES,
    LevelDecision,
    Reason,
    decide_level,
)
from varna.guide.concern_vocabulary import (
    ROLE_WORKPLACES,
    WORKPLACE_LAW,
    AgeBand,
    Category,
    Concern,
    ConcernError,
    Seriousness,
    Workplace,
)
from varna.guide.lawbridge import engine_for
from varna.guide.model import ContactPoint, District, Level, Municipality, Role, Service, Unit
from varna.law import default_rulebase

__all__ = [
    "CATEGORY_RULES", "LEVEL_ORDER", "REMINDER", "ROLE_WORKPLACES", "SERIOUSNESS_RULES", "WORKPLACE_LAW",
    "AgeBand", "Category", "Concern", "ConcernError", "DutyStatus", "DutyToReport", "LevelDecision",
    "Reason", "RoutedContact", "Routing", "Seriousness", "Telling", "Workplace", "YourParty",
    "decide_level", "needs_workplace", "route_concern",
]

REMINDER = Reason(
    "Formulera grunden för din oro innan du tar kontakt: vad du har sett eller hört, när och i vilket "
    "sammanhang, och vad du redan har gjort. Ta bara med det som behövs för att den du ringer ska "
    "förstå – inte mer om personen än så.", "2.4")

EMERGENCY_FALLBACK = "112"


@dataclass(frozen=True, slots=True)
class RoutedContact:
    """One place to turn, in order, with why it is on the list and what you may tell it."""

    position: int
    contact: ContactPoint
    unit: Unit
    why_sv: str
    receives_report: bool
    cooperation_sv: str
    telling: Telling


@dataclass(frozen=True, slots=True)
class Routing:
    """The guide's whole answer to one concern.

    ``contacts`` are in the order the municipality gives for the level. ``report_to``
    is the social services a report goes to when it is not already among them (at the
    community-building level it is not). ``warnings_sv`` hold what concerns every
    answer (law reviewed before the day asked about, an organisation described for
    another period); each contact's own warnings stay with its ``telling``.
    """

    concern: Concern
    on_date: dt.date
    municipality_sv: str
    district: District | None
    level: Level
    level_name_sv: str
    level_approach_sv: str
    level_source_sv: str
    reasons: tuple[Reason, ...]
    call_112_first: bool
    emergency_phone: str
    you: YourParty
    contacts: tuple[RoutedContact, ...]
    duty: DutyToReport
    report_to: RoutedContact | None
    relatives: tuple[ContactPoint, ...]
    relatives_sv: str
    reminder: Reason
    advice_sv: str
    services: tuple[Service, ...]
    warnings_sv: tuple[str, ...]


def needs_workplace(role: Role) -> bool:
    """Is there more than one kind of workplace for this role, so that the interview must ask?"""
    return len(ROLE_WORKPLACES[role]) > 1


@cache
def _wizard_authorities() -> frozenset[str]:
    """The authorities the /dela/ wizard knows: those of the bundled rule base's organisation."""
    return frozenset(str(a["id"]) for a in default_rulebase().organisation.get("authorities", ()))


def _resolve_district(concern: Concern, municipality: Municipality) -> District | None:
    if concern.district is None or not concern.district.strip():
        if municipality.districts:
            names = ", ".join(d.name_sv for d in municipality.districts)
            raise ConcernError("district", f"Ange vilket område det gäller ({names}).")
        return None
    district = municipality.find_district(concern.district)
    if district is None:
        names = ", ".join(d.name_sv for d in municipality.districts) or "inga"
        raise ConcernError(
            "district",
            f"{municipality.name_sv} har inget stadsområde eller bostadsområde som heter "
            f"”{concern.district.strip()[:60]}”. Områdena är: {names}.",
        )
    return district


def _check(concern: Concern, municipality: Municipality, on_date: dt.date) -> None:
    if concern.workplace not in ROLE_WORKPLACES[concern.role]:
        raise ConcernError("workplace", "Den arbetsplatsen hör inte ihop med den roll du har valt.")
    earliest = engine_for(municipality).rulebase.earliest
    if on_date < earliest:
        raise ConcernError(
            "on_date", f"Regelbasen börjar {earliest.isoformat()}; välj den dagen eller senare.")


def _why(
    contact: ContactPoint, unit: Unit, level_name_sv: str | None, *, receives_report: bool,
    cooperation_sv: str,
) -> str:
    """Why a contact is listed. ``level_name_sv`` is ``None`` for the social services a report goes
    to when the level itself does not send you there (the community-building level)."""
    if level_name_sv is None:
        parts = [f"Anmälningar om barn som kan fara illa görs hit ({contact.source})."]
    else:
        parts = [f"Anvisas på {level_name_sv.lower()} ({contact.source})."]
    if contact.how_sv:
        parts.append(contact.how_sv)
    if cooperation_sv:
        parts.append(f"Vägen in till {cooperation_sv}.")
    if receives_report and level_name_sv is not None:
        parts.append("Hit gör du en anmälan om ett barn kan fara illa.")
    if unit.description_sv and not contact.how_sv:
        parts.append(unit.description_sv)
    return " ".join(parts)


def _routed(
    position: int, contact: ContactPoint, *, municipality: Municipality, level_name_sv: str | None,
    you: YourParty,
    concern: Concern, report_unit: Unit | None, on_date: dt.date,
) -> RoutedContact:
    unit = municipality.unit(contact.unit)
    receives_report = (
        report_unit is not None and unit.id == report_unit.id and concern.about_an_individual
        and concern.age_band.is_child is not False
    )
    cooperation_sv = municipality.cooperation(contact.cooperation).name_sv if contact.cooperation else ""
    return RoutedContact(
        position=position,
        contact=contact,
        unit=unit,
        why_sv=_why(contact, unit, level_name_sv, receives_report=receives_report,
                    cooperation_sv=cooperation_sv),
        receives_report=receives_report,
        cooperation_sv=cooperation_sv,
        telling=telling(you=you, unit=unit, municipality=municipality, age_band=concern.age_band,
                        on_date=on_date, receives_report=receives_report,
                        known_authorities=_wizard_authorities()),
    )


def _relatives(
    municipality: Municipality, level: Level, district: District | None
) -> tuple[ContactPoint, ...]:
    """Where relatives can be referred: contacts that serve relatives at every level of the file
    (Plattform Malmö in Malmö, 2.4, 3.4 and 4.5), else those that serve them at this level."""
    def serves(contact: ContactPoint, lv: Level) -> bool:
        return Role.RELATIVE in contact.roles_at(lv) and (
            district is None or contact.serves_district(district.id))

    everywhere = tuple(
        c for c in municipality.contacts if all(serves(c, lv.id) for lv in municipality.levels))
    if everywhere:
        return everywhere
    return tuple(c for c in municipality.contacts_for(level=level, role=Role.RELATIVE,
                                                      district=district.id if district else None))


def _relatives_sv(contacts: tuple[ContactPoint, ...], *, you_are_relative: bool) -> str:
    if not contacts:
        return ("Kommunens beskrivning anger ingen kontaktväg för anhöriga; hänvisa dem till socialtjänsten "
                "i kommunen.")
    names = "; ".join(f"{c.function_sv}" + (f", telefon {c.phone}" if c.phone else "") for c in contacts)
    if you_are_relative:
        return f"Som anhörig kan du själv vända dig hit för råd och stöd: {names}."
    return f"Du kan hänvisa oroliga anhöriga, till exempel föräldrar eller syskon, hit: {names}."


def _services(
    municipality: Municipality, level: Level, band: AgeBand, on_date: dt.date
) -> tuple[Service, ...]:
    """Services at the level that are offered that day and reach someone of the age band."""
    def reaches(service: Service) -> bool:
        if service.ages is None or band.low is None or band.high is None:
            return True
        low = service.ages.low if service.ages.low is not None else 0
        high = service.ages.high if service.ages.high is not None else band.high
        return low <= band.high and band.low <= high

    return tuple(s for s in municipality.services_for(level=level, on=on_date) if reaches(s))


PENDING_MARK = " Ej bekräftade ändringar som rör frågan: "


def _split_review_warning(warning: str, review_prefix: str) -> tuple[str, str]:
    """The engine's "asked after the latest review" warning, split into what holds for every
    answer (the day is after the review) and what holds for one contact (the pending changes
    that touch it). A warning of any other shape is left whole, for the contact."""
    if not warning.startswith(review_prefix):
        return "", warning
    head, _, pending = warning.partition(PENDING_MARK)
    return head, (f"Ej bekräftade ändringar som rör den här kontakten: {pending}" if pending else "")


def _common_warnings(
    groups: list[tuple[str, ...]], municipality: Municipality, on_date: dt.date
) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """Warnings every answer shares, said once, and what is left for each answer.

    Each engine answer for a day after the rule base's latest review repeats that the
    law may have changed; the page says it once, and keeps with each contact only the
    pending changes that concern it.
    """
    rules = engine_for(municipality).rulebase.rules_for(on_date)
    prefix = f"Frågan gäller {on_date}, efter regelbasens senaste granskning {rules.latest_review}."
    heads: list[str] = []
    split: list[list[str]] = []
    for warnings in groups:
        own: list[str] = []
        for warning in warnings:
            head, rest = _split_review_warning(warning, prefix)
            if head and head not in heads:
                heads.append(head)
            if rest:
                own.append(rest)
        split.append(own)
    shared: list[str] = []
    if not municipality.valid.covers(on_date):
        start = municipality.valid.start.isoformat() if municipality.valid.start else "–"
        shared.append(f"Beskrivningen av {municipality.name_sv} gäller från {start}, inte den dag du "
                      "frågar om. Kontaktvägarna kan ha ändrats.")
    shared += heads
    if split:
        shared += [w for w in split[0] if all(w in other for other in split[1:]) and w not in shared]
    remaining = [tuple(w for w in own if w not in shared) for own in split]
    return tuple(shared), remaining


def route_concern(concern: Concern, *, municipality: Municipality, on_date: dt.date) -> Routing:
    """Route one concern through the guideline, for one municipality, on one day.

    Raises :class:`ConcernError` naming the answer to correct: a workplace that does
    not go with the role, a district the municipality does not have (or none given
    where it has districts), or a day before the rule base begins.
    """
    _check(concern, municipality, on_date)
    district = _resolve_district(concern, municipality)
    decided = decide_level(concern)
    level = decided.level
    described = municipality.level(level)
    level_name = described.name_sv

    where = district.id if district else None
    role_contacts = municipality.contacts_for(level=level, role=concern.role, district=where)
    preferred = frozenset(
        municipality.unit(c.unit).authority
        for lv in Level
        for c in municipality.contacts_for(level=lv, role=concern.role, district=where)
    )
    you = your_party(concern, municipality=municipality, district=district, preferred=preferred)
    report_unit = district_social_services(municipality, district)

    routed = [
        _routed(i, c, municipality=municipality, level_name_sv=level_name, you=you, concern=concern,
                report_unit=report_unit, on_date=on_date)
        for i, c in enumerate(role_contacts, start=1)
    ]
    duty = duty_to_report(concern, you=you, municipality=municipality, district=district,
                          level_is_universal=level is Level.UNIVERSAL, on_date=on_date)

    report_to: RoutedContact | None = None
    if duty.recipient is not None and duty.obliged and not any(r.receives_report for r in routed):
        own = [c for c in municipality.contacts if c.unit == duty.recipient.id
               and (district is None or c.serves_district(district.id))]
        if own:
            report_to = _routed(0, own[0], municipality=municipality, level_name_sv=None, you=you,
                                concern=concern, report_unit=report_unit, on_date=on_date)

    everyone = [*routed, *([report_to] if report_to else [])]
    shared, rest = _common_warnings(
        [*(r.telling.warnings_sv for r in everyone), duty.warnings_sv], municipality, on_date)
    cleaned = [_with_warnings(r, w) for r, w in zip(everyone, rest[: len(everyone)], strict=True)]
    routed_clean = tuple(cleaned[: len(routed)])
    report_clean = cleaned[len(routed)] if report_to else None
    duty = replace(duty, warnings_sv=rest[-1])

    emergency = next((r for r in municipality.national_resources_on(on_date) if r.kind == "emergency"), None)
    relatives = _relatives(municipality, level, district)
    return Routing(
        concern=concern,
        on_date=on_date,
        municipality_sv=municipality.label_sv,
        district=district,
        level=level,
        level_name_sv=level_name,
        level_approach_sv=described.approach_sv,
        level_source_sv=described.source,
        reasons=decided.reasons,
        call_112_first=concern.seriousness is Seriousness.IMMEDIATE_DANGER,
        emergency_phone=emergency.phone if emergency and emergency.phone else EMERGENCY_FALLBACK,
        you=you,
        contacts=routed_clean,
        duty=duty,
        report_to=report_clean,
        relatives=relatives,
        relatives_sv=_relatives_sv(relatives, you_are_relative=concern.role is Role.RELATIVE),
        reminder=REMINDER,
        advice_sv=described.advice_sv,
        services=_services(municipality, level, concern.age_band, on_date),
        warnings_sv=shared,
    )


def _with_warnings(routed: RoutedContact, warnings: tuple[str, ...]) -> RoutedContact:
    return replace(routed, telling=replace(routed.telling, warnings_sv=warnings))
