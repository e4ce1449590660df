"""The bundled default plans (data/malmo-2016.yaml), read and checked without Django.

``read_defaults`` turns the file into plain dataclasses and checks its shape; the ids
it names are checked against the organisation by :func:`check_ids`. Loading into the
database is :func:`varna.web.plans.services.plans_load_default`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

DEFAULT_FILE = Path(__file__).parent / "data" / "malmo-2016.yaml"
KINDS = ("action_plan", "cooperation_agreement", "project", "competence_plan")
LEVELS = ("universal", "selective", "indicated")
STATUSES = ("planned", "ongoing", "done", "postponed", "cancelled")


class DefaultsError(ValueError):
    """The file does not have the shape described at its top."""


@dataclass(frozen=True, slots=True)
class Partners:
    units: tuple[str, ...] = ()
    orgs: tuple[str, ...] = ()
    others: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DefaultActivity:
    key: str
    title: str
    source: str
    title_en: str = ""
    description: str = ""
    responsible: str | None = None
    partners: Partners = Partners()
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    status: str = "planned"
    level: str = ""
    competence: bool = False
    audience: str = ""
    follow_up: str = ""


@dataclass(frozen=True, slots=True)
class DefaultArea:
    key: str
    name: str
    source: str
    name_en: str = ""
    problem_picture: str = ""
    measures: str = ""
    activities: tuple[DefaultActivity, ...] = ()


@dataclass(frozen=True, slots=True)
class DefaultPlan:
    key: str
    name: str
    kind: str
    owner_unit: str
    source: str
    name_en: str = ""
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    description: str = ""
    partners: Partners = Partners()
    areas: tuple[DefaultArea, ...] = ()
    activities: tuple[DefaultActivity, ...] = field(default=())

    def all_activities(self) -> list[tuple[DefaultArea | None, DefaultActivity]]:
        found: list[tuple[DefaultArea | None, DefaultActivity]] = [(None, a) for a in self.activities]
        for area in self.areas:
            found.extend((area, a) for a in area.activities)
        return found


def _text(entry: dict[str, Any], name: str, where: str, *, required: bool = False) -> str:
    value = entry.get(name, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise DefaultsError(f"{where}: '{name}' must be text")
    if required and not value.strip():
        raise DefaultsError(f"{where}: '{name}' is required")
    return value.strip()


def _date(value: Any, where: str) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    raise DefaultsError(f"{where}: a date must be written YYYY-MM-DD, not {value!r}")


def _ids(entry: dict[str, Any], name: str, where: str) -> tuple[str, ...]:
    value = entry.get(name) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DefaultsError(f"{where}: '{name}' must be a list of texts")
    return tuple(value)


def _partners(entry: dict[str, Any], where: str) -> Partners:
    return Partners(
        units=_ids(entry, "partner_units", where),
        orgs=_ids(entry, "partner_orgs", where),
        others=_ids(entry, "other_partners", where),
    )


def _choice(value: str, allowed: Iterable[str], name: str, where: str) -> str:
    if value and value not in allowed:
        raise DefaultsError(f"{where}: '{name}' must be one of {', '.join(allowed)}, not {value!r}")
    return value


def _activity(entry: dict[str, Any], where: str) -> DefaultActivity:
    key = _text(entry, "key", where, required=True)
    where = f"{where} activity {key}"
    start, end = _date(entry.get("starts_on"), where), _date(entry.get("ends_on"), where)
    if start and end and end < start:
        raise DefaultsError(f"{where}: ends before it starts")
    return DefaultActivity(
        key=key,
        title=_text(entry, "title", where, required=True),
        title_en=_text(entry, "title_en", where),
        description=_text(entry, "description", where),
        responsible=_text(entry, "responsible", where) or None,
        partners=_partners(entry, where),
        starts_on=start,
        ends_on=end,
        status=_choice(_text(entry, "status", where) or "planned", STATUSES, "status", where),
        level=_choice(_text(entry, "level", where), LEVELS, "level", where),
        competence=bool(entry.get("competence", False)),
        audience=_text(entry, "audience", where),
        follow_up=_text(entry, "follow_up", where),
        source=_text(entry, "source", where, required=True),
    )


def _area(entry: dict[str, Any], where: str) -> DefaultArea:
    key = _text(entry, "key", where, required=True)
    where = f"{where} area {key}"
    return DefaultArea(
        key=key,
        name=_text(entry, "name", where, required=True),
        name_en=_text(entry, "name_en", where),
        problem_picture=_text(entry, "problem_picture", where),
        measures=_text(entry, "measures", where),
        source=_text(entry, "source", where, required=True),
        activities=tuple(_activity(a, where) for a in entry.get("activities") or []),
    )


def _plan(entry: dict[str, Any]) -> DefaultPlan:
    key = _text(entry, "key", "plan", required=True)
    where = f"plan {key}"
    period = entry.get("period") or {}
    start, end = _date(period.get("from"), where), _date(period.get("to"), where)
    if start and end and end < start:
        raise DefaultsError(f"{where}: the period ends before it starts")
    plan = DefaultPlan(
        key=key,
        name=_text(entry, "name", where, required=True),
        name_en=_text(entry, "name_en", where),
        kind=_choice(_text(entry, "kind", where, required=True), KINDS, "kind", where),
        owner_unit=_text(entry, "owner_unit", where, required=True),
        starts_on=start,
        ends_on=end,
        description=_text(entry, "description", where),
        partners=_partners(entry, where),
        source=_text(entry, "source", where, required=True),
        areas=tuple(_area(a, where) for a in entry.get("areas") or []),
        activities=tuple(_activity(a, where) for a in entry.get("activities") or []),
    )
    keys = [a.key for _, a in plan.all_activities()]
    if len(keys) != len(set(keys)):
        raise DefaultsError(f"{where}: an activity key is used twice")
    return plan


def read_defaults(path: Path = DEFAULT_FILE) -> tuple[DefaultPlan, ...]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.get("format") != 1 or not isinstance(data.get("plans"), list):
        raise DefaultsError(f"{path}: expected 'format: 1' and a list 'plans'")
    plans = tuple(_plan(entry) for entry in data["plans"])
    keys = [p.key for p in plans]
    if len(keys) != len(set(keys)):
        raise DefaultsError(f"{path}: a plan key is used twice")
    return plans


def check_ids(plans: Iterable[DefaultPlan], *, units: set[str], orgs: set[str]) -> list[str]:
    """Every unit or partner id the plans name that the organisation does not know."""
    problems: list[str] = []

    def check(where: str, partners: Partners, *unit_ids: str | None) -> None:
        for ident in (*unit_ids, *partners.units):
            if ident and ident not in units:
                problems.append(f"{where}: unknown unit {ident!r}")
        problems.extend(f"{where}: unknown partner {ident!r}" for ident in partners.orgs if ident not in orgs)

    for plan in plans:
        check(f"plan {plan.key}", plan.partners, plan.owner_unit)
        for _area, activity in plan.all_activities():
            check(f"plan {plan.key} activity {activity.key}", activity.partners, activity.responsible)
    return problems
