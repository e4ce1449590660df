"""Reads of plans and their follow-up. Plans are readable by every user with a unit."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import get_language

from varna.web.core.municipality import current_municipality
from varna.web.meetings.models import Action
from varna.web.meetings.selectors import actions_for
from varna.web.plans.models import FINISHED, Activity, ActivityUpdate, Area, Indicator, Plan
from varna.web.plans.permissions import can_read

SOON_DAYS = 30


def plans_for(user: Any) -> QuerySet[Plan]:
    if not can_read(user):
        return Plan.objects.none()
    return Plan.objects.select_related("owner_unit").annotate(
        activity_count=Count("activities", distinct=True),
        open_count=Count("activities", filter=~Q(activities__status__in=FINISHED), distinct=True),
    )


def plan_for(user: Any, pk: int) -> Plan | None:
    return plans_for(user).filter(pk=pk).first()


def plan_detail(plan: Plan) -> tuple[list[Area], list[Activity]]:
    """The plan's areas, each with its activities, and the activities outside any area."""
    activities = list(
        Activity.objects.filter(plan=plan)
        .select_related("responsible_unit", "area")
        .prefetch_related("indicators", "partner_units")
        .order_by("position", "pk")
    )
    areas = list(Area.objects.filter(plan=plan).order_by("position", "pk"))
    by_area: dict[int, list[Activity]] = {area.pk: [] for area in areas}
    loose: list[Activity] = []
    for activity in activities:
        by_area.get(activity.area_id or 0, loose).append(activity)
    for area in areas:
        area.activity_list = by_area[area.pk]  # type: ignore[attr-defined]
    return areas, loose


def _activities(user: Any) -> QuerySet[Activity]:
    if not can_read(user):
        return Activity.objects.none()
    return Activity.objects.select_related("plan", "plan__owner_unit", "responsible_unit", "area")


def activity_for(user: Any, pk: int) -> Activity | None:
    return _activities(user).filter(pk=pk).first()


def area_for(user: Any, pk: int) -> Area | None:
    if not can_read(user):
        return None
    return Area.objects.select_related("plan", "plan__owner_unit").filter(pk=pk).first()


def indicator_for(user: Any, pk: int) -> Indicator | None:
    if not can_read(user):
        return None
    return (
        Indicator.objects.select_related("activity", "activity__plan", "activity__plan__owner_unit")
        .filter(pk=pk)
        .first()
    )


def updates_of(activity: Activity) -> QuerySet[ActivityUpdate]:
    return (
        ActivityUpdate.objects.filter(activity=activity)
        .select_related("by", "by__unit")
        .order_by("-on", "-pk")
    )


@dataclass(frozen=True, slots=True)
class FollowUp:
    overdue: list[Activity]
    due_soon: list[Activity]


def follow_up_for(user: Any, *, today: dt.date, mine: bool = False, limit: int | None = None) -> FollowUp:
    """Unfinished activities whose period has ended (overdue) or ends within SOON_DAYS.

    ``mine`` keeps those the user's unit is responsible for or whose plan it owns.
    """
    activities = _activities(user).exclude(status__in=FINISHED).filter(ends_on__isnull=False)
    if mine:
        activities = activities.filter(Q(responsible_unit=user.unit_id) | Q(plan__owner_unit=user.unit_id))
    overdue = activities.filter(ends_on__lt=today).order_by("ends_on", "plan__name", "position")
    soon = activities.filter(ends_on__gte=today, ends_on__lte=today + dt.timedelta(days=SOON_DAYS)).order_by(
        "ends_on", "plan__name", "position"
    )
    if limit is not None:
        return FollowUp(list(overdue[:limit]), list(soon[:limit]))
    return FollowUp(list(overdue), list(soon))


def linked_actions(user: Any, activity: Activity) -> tuple[list[Action], int]:
    """The linked actions the user may see, and how many others are linked."""
    visible = actions_for(user)
    linked = list(
        activity.actions.filter(pk__in=visible.values("pk")).select_related("responsible_unit", "meeting")
    )
    return linked, activity.actions.count() - len(linked)


def linkable_actions(user: Any, activity: Activity) -> QuerySet[Action]:
    return actions_for(user).exclude(pk__in=activity.actions.values("pk")).order_by("due_on", "pk")


# -- the organisation file's names for partner ids ------------------------------------------


def org_name(ident: str) -> str:
    municipality = current_municipality()
    try:
        authority = municipality.authority(ident)
    except KeyError:
        return ident
    english = (get_language() or "sv").startswith("en")
    return authority.name_en if english and authority.name_en else authority.name_sv


def org_choices() -> list[tuple[str, str]]:
    """The organisation file's authorities and partners, partners (civil society first) last."""
    municipality = current_municipality()
    ordered = sorted(
        municipality.authorities, key=lambda a: (a.partner, a.kind != "civil_society", a.name_sv)
    )
    return [(a.id, org_name(a.id)) for a in ordered]


# -- the yearly follow-up report ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReportActivity:
    activity: Activity
    indicators: list[Indicator]
    updates: list[ActivityUpdate]  # those dated within the year, oldest first
    status_at_year_end: str


@dataclass(frozen=True, slots=True)
class ReportSection:
    area: Area | None
    activities: list[ReportActivity]


@dataclass(frozen=True, slots=True)
class ReportPlan:
    plan: Plan
    sections: list[ReportSection]


def _overlaps(activity: Activity, start: dt.date, end: dt.date) -> bool:
    return (activity.starts_on is None or activity.starts_on <= end) and (
        activity.ends_on is None or activity.ends_on >= start
    )


def report_for(user: Any, *, year: int, plan_pk: int | None = None) -> list[ReportPlan]:
    """Plans running during ``year``; per area the activities of the year with their updates."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    plans = plans_for(user).filter(
        Q(starts_on__isnull=True) | Q(starts_on__lte=end), Q(ends_on__isnull=True) | Q(ends_on__gte=start)
    )
    if plan_pk is not None:
        plans = plans.filter(pk=plan_pk)
    result = []
    for plan in plans.order_by("name"):
        activities = (
            Activity.objects.filter(plan=plan)
            .select_related("responsible_unit", "area")
            .prefetch_related(
                "indicators",
                Prefetch(
                    "updates", queryset=ActivityUpdate.objects.select_related("by").order_by("on", "pk")
                ),
            )
            .order_by("area__position", "position", "pk")
        )
        sections: dict[int | None, ReportSection] = {}
        for area in Area.objects.filter(plan=plan).order_by("position", "pk"):
            sections[area.pk] = ReportSection(area, [])
        loose = ReportSection(None, [])
        for activity in activities:
            if not _overlaps(activity, start, end):
                continue
            updates = list(activity.updates.all())
            until_year_end = [u for u in updates if u.on <= end]
            status = until_year_end[-1].status if until_year_end else "planned"
            entry = ReportActivity(
                activity=activity,
                indicators=list(activity.indicators.all()),
                updates=[u for u in updates if start <= u.on <= end],
                status_at_year_end=status,
            )
            (sections.get(activity.area_id) or loose).activities.append(entry)
        ordered = [loose] if loose.activities else []
        ordered += [s for s in sections.values() if s.activities]
        result.append(ReportPlan(plan, ordered))
    return result


def report_years(user: Any) -> list[int]:
    """The years the plans cover, newest first (at most 20)."""
    years: set[int] = set()
    for start, end in plans_for(user).values_list("starts_on", "ends_on"):
        first = start.year if start else (end.year if end else None)
        last = end.year if end else (start.year if start else None)
        if first is not None and last is not None:
            years.update(range(first, last + 1))
    return sorted(years, reverse=True)[:20]


def activities_for_export(user: Any, *, plan_pk: int | None = None) -> QuerySet[Activity]:
    activities = (
        _activities(user)
        .prefetch_related("indicators", "partner_units")
        .order_by("plan__name", "area__position", "position", "pk")
    )
    if plan_pk is not None:
        activities = activities.filter(plan_id=plan_pk)
    return activities
