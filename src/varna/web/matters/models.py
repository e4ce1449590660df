"""Matters: what the coordination team works on, and whose information each one is.

A *group* matter is about a phenomenon, a group or a place – the material of the
situational picture – and must never name an individual; every logged-in team
member sees it. An *individual* matter is about one young person and belongs to
the authority that opened it (principle 3 of DESIGN.md): its contents reach anyone
else only through a recorded :class:`varna.web.disclosures.models.Disclosure`.
``owner_authority`` is whose information it is; ``question_owner`` is the authority
the team decided owns the question (section 4.4: identify which authority owns
each question) – often, but not always, the same.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from varna.guide.concern_vocabulary import Category
from varna.guide.model import Level

LEVEL_CHOICES = [
    (Level.UNIVERSAL.value, _("Universal level (promoting)")),
    (Level.SELECTIVE.value, _("Risk-group level (preventive)")),
    (Level.INDICATED.value, _("Indicated level (individual)")),
]

CONCERN_CHOICES = [
    (Category.VANDALISM.value, _("Vandalism, arson or damage")),
    (Category.BULLYING.value, _("Bullying")),
    (Category.DRUGS.value, _("Drug misuse")),
    (Category.CRIME.value, _("Crime")),
    (Category.ANTI_DEMOCRATIC_VALUES.value, _("Anti-democratic values")),
    (Category.VIOLENCE.value, _("Violence")),
    (Category.EXTREMIST_PROPAGANDA.value, _("Violent extremist propaganda")),
    (Category.EXTREMIST_CONTACTS.value, _("Contacts with violent extremist milieus")),
    (Category.WANTS_TO_FIGHT_ABROAD.value, _("Wants to travel to fight abroad")),
    (Category.PRESSURED.value, _("Pressured to be someone else")),
]


class Person(models.Model):
    """The young person an individual matter is about, identified as little as the work allows.

    Held by one authority; another authority learns of the person only through a
    disclosure. ``birth_year`` gives the age the secrecy rules turn on (under 18,
    under 21) without storing a personal identity number.
    """

    owner_authority = models.SlugField(_("authority"), max_length=80, db_index=True)
    # The independent branch of the authority that holds the person (OSL 8:2, see accounts.branches).
    owner_branch = models.SlugField(_("branch"), max_length=80, blank=True, db_index=True)
    name = models.CharField(_("name"), max_length=200)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("persons")

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self.owner_branch and self.created_by_id is not None and self.created_by.unit is not None:
            self.owner_branch = self.created_by.unit.branch
        super().save(*args, **kwargs)

    def age_on(self, day: dt.date) -> int | None:
        """The lower bound of the age on ``day`` (a birthday later in the year is not known)."""
        return None if self.birth_year is None else max(day.year - self.birth_year - 1, 0)


class Kind(models.TextChoices):
    GROUP = "group", _("Group-level matter")
    INDIVIDUAL = "individual", _("Individual matter")


class Status(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Matter(models.Model):
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("description"), blank=True)
    level = models.CharField(_("prevention level"), max_length=12, choices=LEVEL_CHOICES)
    concern = models.CharField(_("kind of concern"), max_length=40, choices=CONCERN_CHOICES)
    district = models.SlugField(_("district"), max_length=80, blank=True)
    owner_authority = models.SlugField(_("authority that holds it"), max_length=80, db_index=True)
    owner_unit = models.ForeignKey(
        "accounts.Unit",
        on_delete=models.PROTECT,
        related_name="matters",
        verbose_name=_("unit that opened it"),
    )
    question_owner = models.SlugField(_("authority that owns the question"), max_length=80, blank=True)
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="matters",
        verbose_name=_("person"),
    )
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.OPEN)
    opened_at = models.DateTimeField(_("opened"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    retain_until = models.DateField(_("kept until"), null=True, blank=True, db_index=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("opened by")
    )
    version = models.PositiveIntegerField(default=1)
    # Set by the retention run when the matter's individual content was removed.
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    class Meta:
        ordering = ["-opened_at"]
        verbose_name = _("matter")
        verbose_name_plural = _("matters")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(kind="group", person__isnull=True)
                    | models.Q(kind="individual", person__isnull=False)
                ),
                name="matter_person_only_for_individual",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_individual(self) -> bool:
        return self.kind == Kind.INDIVIDUAL


class MatterDecision(models.Model):
    """A decision the team took about a matter, with the authority that owns what follows."""

    matter = models.ForeignKey(
        Matter, on_delete=models.CASCADE, related_name="decisions", verbose_name=_("matter")
    )
    text = models.TextField(_("decision"))
    decided_on = models.DateField(_("decided on"))
    owner_authority = models.SlugField(_("authority responsible"), max_length=80, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["decided_on", "pk"]
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")

    def __str__(self) -> str:
        return f"{self.decided_on:%Y-%m-%d}: {self.text[:60]}"
