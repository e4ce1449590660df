"""Writes of plans, areas, activities, indicators and follow-ups.

Edits are guarded against lost updates: each changing service takes the version
the form was opened at and claims the next one with one conditional UPDATE, which
is atomic on SQLite and PostgreSQL alike. When another save came in between,
:class:`~varna.web.core.editing.EditConflict` is raised and nothing is written; the view shows the person
their own text again beside the saved one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from varna.guide import Municipality
from varna.web.accounts.models import Unit
from varna.web.core.editing import EditConflict, claim_version
from varna.web.meetings.models import Action
from varna.web.plans.defaults import DEFAULT_FILE, DefaultActivity, Partners, check_ids, read_defaults
from varna.web.plans.models import Activity, ActivityStatus, ActivityUpdate, Area, Indicator, Plan


@dataclass(frozen=True, slots=True)
class PartnerFields:
    units: Sequence[Unit] = ()
    orgs: Sequence[str] = ()
    others: str = ""


@dataclass(frozen=True, slots=True)
class PlanFields:
    name: str
    kind: str
    owner_unit: Unit
    name_en: str = ""
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    description: str = ""
    partners: PartnerFields = PartnerFields()


@dataclass(frozen=True, slots=True)
class AreaFields:
    name: str
    name_en: str = ""
    problem_picture: str = ""
    measures: str = ""
    position: int = 0


@dataclass(frozen=True, slots=True)
class ActivityFields:
    title: str
    area: Area | None = None
    title_en: str = ""
    description: str = ""
    responsible_unit: Unit | None = None
    starts_on: dt.date | None = None
    ends_on: dt.date | None = None
    follow_up: str = ""
    level: str = ""
    competence: bool = False
    audience: str = ""
    position: int = 0
    partners: PartnerFields = field(default_factory=PartnerFields)


@dataclass(frozen=True, slots=True)
class IndicatorFields:
    name: str
    target: Decimal | None = None
    current: Decimal | None = None
    unit: str = ""


def _claim(obj: Plan | Area | Activity, expected_version: int) -> None:
    """Take the next version, or raise EditConflict when the saved one is not ``expected_version``."""
    model = type(obj)
    if not claim_version(model, pk=obj.pk, version=expected_version):
        raise EditConflict(model.objects.get(pk=obj.pk))
    obj.version = expected_version + 1


def _store(obj: Plan | Area | Activity) -> None:
    obj.full_clean()
    obj.save()


def _store_with_partners(obj: Plan | Activity, partners: PartnerFields) -> None:
    """Save, then the partner units (a many-to-many wants the primary key first)."""
    _store(obj)
    obj.partner_units.set(partners.units)


def _set_partners(obj: Plan | Activity, partners: PartnerFields) -> None:
    obj.partner_orgs = list(dict.fromkeys(partners.orgs))
    obj.other_partners = "\n".join(line.strip() for line in partners.others.splitlines() if line.strip())


def _apply_plan(plan: Plan, data: PlanFields) -> None:
    plan.name, plan.name_en, plan.kind = data.name, data.name_en, data.kind
    plan.owner_unit = data.owner_unit
    plan.starts_on, plan.ends_on, plan.description = data.starts_on, data.ends_on, data.description
    _set_partners(plan, data.partners)


@transaction.atomic
def plan_create(*, user: Any, data: PlanFields) -> Plan:
    plan = Plan(created_by=user)
    _apply_plan(plan, data)
    _store_with_partners(plan, data.partners)
    return plan


@transaction.atomic
def plan_update(*, plan: Plan, expected_version: int, data: PlanFields) -> Plan:
    _claim(plan, expected_version)
    _apply_plan(plan, data)
    _store_with_partners(plan, data.partners)
    return plan


def _apply_area(area: Area, data: AreaFields) -> None:
    area.name, area.name_en = data.name, data.name_en
    area.problem_picture, area.measures, area.position = data.problem_picture, data.measures, data.position


@transaction.atomic
def area_create(*, plan: Plan, data: AreaFields) -> Area:
    area = Area(plan=plan)
    _apply_area(area, data)
    _store(area)
    return area


@transaction.atomic
def area_update(*, area: Area, expected_version: int, data: AreaFields) -> Area:
    _claim(area, expected_version)
    _apply_area(area, data)
    _store(area)
    return area


def _apply_activity(activity: Activity, data: ActivityFields) -> None:
    if data.area is not None and data.area.plan_id != activity.plan_id:
        raise ValueError("the area belongs to another plan")
    activity.area = data.area
    activity.title, activity.title_en, activity.description = data.title, data.title_en, data.description
    activity.responsible_unit = data.responsible_unit
    activity.starts_on, activity.ends_on = data.starts_on, data.ends_on
    activity.follow_up, activity.level = data.follow_up, data.level
    activity.competence, activity.audience = data.competence, data.audience if data.competence else ""
    activity.position = data.position
    _set_partners(activity, data.partners)


@transaction.atomic
def activity_create(*, plan: Plan, data: ActivityFields) -> Activity:
    activity = Activity(plan=plan)
    _apply_activity(activity, data)
    _store_with_partners(activity, data.partners)
    return activity


@transaction.atomic
def activity_update(*, activity: Activity, expected_version: int, data: ActivityFields) -> Activity:
    _claim(activity, expected_version)
    _apply_activity(activity, data)
    _store_with_partners(activity, data.partners)
    return activity


@transaction.atomic
def activity_follow_up(
    *, activity: Activity, user: Any, on: dt.date, status: str, note: str = ""
) -> ActivityUpdate:
    """Record a status update; the activity's status becomes that of its newest update (by date)."""
    update = ActivityUpdate(activity=activity, on=on, status=status, note=note.strip(), by=user)
    update.full_clean()
    update.save()
    newest = (
        ActivityUpdate.objects.filter(activity=activity)
        .order_by("-on", "-pk")
        .values_list("status", flat=True)
    )
    activity.status = newest[0]
    Activity.objects.filter(pk=activity.pk).update(status=activity.status)
    return update


@transaction.atomic
def indicator_create(*, activity: Activity, data: IndicatorFields) -> Indicator:
    indicator = Indicator(
        activity=activity, name=data.name, target=data.target, current=data.current, unit=data.unit
    )
    indicator.full_clean()
    indicator.save()
    return indicator


@transaction.atomic
def indicator_update(*, indicator: Indicator, data: IndicatorFields) -> Indicator:
    indicator.name, indicator.target, indicator.current, indicator.unit = (
        data.name,
        data.target,
        data.current,
        data.unit,
    )
    indicator.full_clean()
    indicator.save()
    return indicator


@transaction.atomic
def indicator_delete(*, indicator: Indicator) -> None:
    indicator.delete()


@transaction.atomic
def activity_link_action(*, activity: Activity, action: Action) -> None:
    activity.actions.add(action)


@transaction.atomic
def activity_unlink_action(*, activity: Activity, action: Action) -> None:
    activity.actions.remove(action)


# -- the bundled default content ----------------------------------------------------------


@dataclass(slots=True)
class LoadReport:
    plans: int = 0
    areas: int = 0
    activities: int = 0
    kept: int = 0  # items already in the database, left as they are

    def __str__(self) -> str:
        return (
            f"{self.plans} nya planer, {self.areas} nya områden och {self.activities} nya aktiviteter; "
            f"{self.kept} som redan fanns lämnades orörda."
        )


class DefaultsProblem(Exception):  # noqa: N818 (names the problem in the file)
    """The default file names units or partners the organisation does not know."""


def plans_load_default(*, municipality: Municipality, path: Path = DEFAULT_FILE) -> LoadReport:
    """Add the default plans, areas and activities that are missing; never change existing ones.

    Running it again adds nothing, and changes people made to the loaded plans are kept.
    Items are matched by their ``key``. The units must have been synced from the
    organisation file first (they are in the database by code).
    """
    plans = read_defaults(path)
    units = {unit.code: unit for unit in Unit.objects.all()}
    orgs = {authority.id for authority in municipality.authorities}
    problems = check_ids(plans, units=set(units), orgs=orgs)
    if problems:
        raise DefaultsProblem("; ".join(problems))
    report = LoadReport()
    with transaction.atomic():
        for default in plans:
            plan = Plan.objects.filter(key=default.key).first()
            if plan is None:
                plan = Plan(
                    key=default.key,
                    name=default.name,
                    name_en=default.name_en,
                    kind=default.kind,
                    starts_on=default.starts_on,
                    ends_on=default.ends_on,
                    owner_unit=units[default.owner_unit],
                    description=default.description,
                    source=default.source,
                )
                _set_default_partners(plan, default.partners)
                plan.full_clean()
                plan.save()
                plan.partner_units.set([units[code] for code in default.partners.units])
                report.plans += 1
            else:
                report.kept += 1
            areas: dict[str, Area] = {}
            for position, default_area in enumerate(default.areas, start=1):
                area = Area.objects.filter(plan=plan, key=default_area.key).first()
                if area is None:
                    area = Area.objects.create(
                        plan=plan,
                        key=default_area.key,
                        position=position,
                        name=default_area.name,
                        name_en=default_area.name_en,
                        problem_picture=default_area.problem_picture,
                        measures=default_area.measures,
                        source=default_area.source,
                    )
                    report.areas += 1
                else:
                    report.kept += 1
                areas[default_area.key] = area
            for position, (area_default, default_activity) in enumerate(default.all_activities(), start=1):
                if Activity.objects.filter(plan=plan, key=default_activity.key).exists():
                    report.kept += 1
                    continue
                area_of = areas[area_default.key] if area_default else None
                _load_activity(plan, area_of, default_activity, position, units)
                report.activities += 1
    return report


def _set_default_partners(obj: Plan | Activity, partners: Partners) -> None:
    obj.partner_orgs = list(partners.orgs)
    obj.other_partners = "\n".join(partners.others)


def _load_activity(
    plan: Plan, area: Area | None, default: DefaultActivity, position: int, units: dict[str, Unit]
) -> None:
    activity = Activity(
        plan=plan,
        area=area,
        key=default.key,
        position=position,
        title=default.title,
        title_en=default.title_en,
        description=default.description,
        responsible_unit=units[default.responsible] if default.responsible else plan.owner_unit,
        starts_on=default.starts_on or plan.starts_on,
        ends_on=default.ends_on or plan.ends_on,
        status=default.status,
        follow_up=default.follow_up or "Uppföljningskriterier att beskriva lokalt.",
        level=default.level,
        competence=default.competence,
        audience=default.audience,
        source=default.source,
    )
    _set_default_partners(activity, default.partners)
    activity.full_clean()
    activity.save()
    activity.partner_units.set([units[code] for code in default.partners.units])
    if default.status != ActivityStatus.PLANNED:
        ActivityUpdate.objects.create(
            activity=activity,
            on=timezone.localdate(),
            status=default.status,
            note="Status från standardinnehållet.",
        )
