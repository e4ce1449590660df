"""Plans: action plans, cooperation agreements, projects and competence plans, followed up.

A plan is not individual data – it names units, partners and activities, never a
person – so every logged-in member of staff with a unit may read it. Who may change
it is decided in :mod:`varna.web.plans.permissions`.

A plan has areas (the cooperation agreement's six, for example), each with its problem
picture and measures; activities belong to a plan and, where the plan has areas, to one
of them. An activity's status is the status of its latest :class:`ActivityUpdate`: the
updates are the history, ``Activity.status`` is kept equal to the newest one by the
services (it is there so that lists can filter on it). ``version`` fields guard edits
against a lost update: a save names the version it started from and is refused when
someone else has saved in between.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from varna.guide.model import Level

LEVEL_CHOICES = [
    (Level.UNIVERSAL.value, _("Universal level (promoting)")),
    (Level.SELECTIVE.value, _("Risk-group level (preventive)")),
    (Level.INDICATED.value, _("Indicated level (individual)")),
]


def _period_in_order(prefix: str) -> models.CheckConstraint:
    """A period may be open at either end, but it does not end before it starts."""
    return models.CheckConstraint(
        condition=models.Q(starts_on__isnull=True)
        | models.Q(ends_on__isnull=True)
        | models.Q(ends_on__gte=models.F("starts_on")),
        name=f"{prefix}_period_in_order",
    )


class PlanKind(models.TextChoices):
    ACTION_PLAN = "action_plan", _("Action plan")
    COOPERATION_AGREEMENT = "cooperation_agreement", _("Cooperation agreement")
    PROJECT = "project", _("Project")
    COMPETENCE_PLAN = "competence_plan", _("Competence development plan")


class ActivityStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    DONE = "done", _("Done")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


FINISHED = (ActivityStatus.DONE, ActivityStatus.CANCELLED)


def _in_language(swedish: str, english: str) -> str:
    """The English text on the English pages when there is one, else the Swedish."""
    return english if english and (get_language() or "sv").startswith("en") else swedish


class Partnered(models.Model):
    """Who takes part besides the owner: units, partners of the organisation file, others."""

    partner_units = models.ManyToManyField(
        "accounts.Unit", blank=True, related_name="+", verbose_name=_("partner units")
    )
    # Ids of the organisation file's partners (civil society, other authorities).
    partner_orgs = models.JSONField(_("partner organisations"), default=list, blank=True)
    other_partners = models.TextField(_("other partners"), blank=True, help_text=_("One per line."))

    class Meta:
        abstract = True

    def other_partner_list(self) -> list[str]:
        return [line.strip() for line in self.other_partners.splitlines() if line.strip()]


class Plan(Partnered):
    key = models.SlugField(_("key"), max_length=80, unique=True, null=True, blank=True)
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=24, choices=PlanKind.choices)
    starts_on = models.DateField(_("period starts"), null=True, blank=True)
    ends_on = models.DateField(_("period ends"), null=True, blank=True)
    owner_unit = models.ForeignKey(
        "accounts.Unit", on_delete=models.PROTECT, related_name="plans", verbose_name=_("owner unit")
    )
    description = models.TextField(_("description"), blank=True)
    source = models.CharField(_("source"), max_length=200, blank=True)
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-starts_on", "name"]
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        constraints = [_period_in_order("plan")]

    def __str__(self) -> str:
        return self.name

    @property
    def shown_name(self) -> str:
        return _in_language(self.name, self.name_en)


class Area(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="areas", verbose_name=_("plan"))
    key = models.SlugField(_("key"), max_length=80, blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    problem_picture = models.TextField(_("problem picture"), blank=True)
    measures = models.TextField(_("measures"), blank=True)
    source = models.CharField(_("source"), max_length=200, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["plan", "position", "pk"]
        verbose_name = _("area")
        verbose_name_plural = _("areas")

    def __str__(self) -> str:
        return self.name

    @property
    def shown_name(self) -> str:
        return _in_language(self.name, self.name_en)


class Activity(Partnered):
    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="activities", verbose_name=_("plan")
    )
    area = models.ForeignKey(
        Area,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("area"),
    )
    key = models.SlugField(_("key"), max_length=80, blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("activity"), max_length=300)
    title_en = models.CharField(_("activity in English"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    responsible_unit = models.ForeignKey(
        "accounts.Unit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="plan_activities",
        verbose_name=_("responsible unit"),
    )
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ActivityStatus.choices, default=ActivityStatus.PLANNED
    )
    follow_up = models.TextField(_("follow-up criteria"), blank=True)
    level = models.CharField(_("prevention level"), max_length=12, choices=LEVEL_CHOICES, blank=True)
    competence = models.BooleanField(_("competence-development offer"), default=False)
    audience = models.CharField(_("offered to"), max_length=300, blank=True)
    source = models.CharField(_("source"), max_length=200, blank=True)
    actions = models.ManyToManyField(
        "meetings.Action", blank=True, related_name="plan_activities", verbose_name=_("linked actions")
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["plan", "area__position", "position", "pk"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        constraints = [_period_in_order("activity")]

    def __str__(self) -> str:
        return self.title

    @property
    def shown_title(self) -> str:
        return _in_language(self.title, self.title_en)

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED

    def is_overdue(self, today: dt.date) -> bool:
        return not self.is_finished and self.ends_on is not None and self.ends_on < today


class Indicator(models.Model):
    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="indicators", verbose_name=_("activity")
    )
    name = models.CharField(_("indicator"), max_length=200)
    target = models.DecimalField(_("target"), max_digits=12, decimal_places=2, null=True, blank=True)
    current = models.DecimalField(_("current value"), max_digits=12, decimal_places=2, null=True, blank=True)
    unit = models.CharField(_("unit of measure"), max_length=40, blank=True)

    class Meta:
        ordering = ["activity", "pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return self.name


class ActivityUpdate(models.Model):
    """One follow-up of an activity: the status from that day on, and what was done."""

    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="updates", verbose_name=_("activity")
    )
    on = models.DateField(_("date"))
    status = models.CharField(_("status"), max_length=12, choices=ActivityStatus.choices)
    note = models.TextField(_("note"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["-on", "-pk"]
        verbose_name = _("status update")
        verbose_name_plural = _("status updates")

    def __str__(self) -> str:
        return f"{self.on:%Y-%m-%d} {self.status}"
