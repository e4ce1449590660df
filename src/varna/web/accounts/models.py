"""Who works in the workspace, and for which authority.

Secrecy follows the authority, not the person: what a user may read and say is
decided by the unit they work in, because the unit carries the actor kind and the
authority that ``varna.law`` reasons about. Units are copied from the organisation
file (``sync_units``) so a municipality's file stays the single source; an
administrator may add units the file does not know and deactivate old ones, but a
unit is never deleted while anyone or anything refers to it.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from varna.law import Actor, Party

ACTOR_CHOICES = [
    (Actor.SOCIAL_SERVICES.value, _("Social services")),
    (Actor.SCHOOL_HEALTH_MEDICAL.value, _("Medical student health")),
    (Actor.SCHOOL_HEALTH_OTHER.value, _("Other student health")),
    (Actor.SCHOOL_STAFF.value, _("School staff")),
    (Actor.LEISURE.value, _("Leisure activities")),
    (Actor.SAFETY_UNIT.value, _("Safety unit")),
    (Actor.POLICE.value, _("Police")),
    (Actor.SECURITY_POLICE.value, _("Security police")),
]


class Unit(models.Model):
    """A unit of the organisation: its staff are one actor kind within one authority."""

    code = models.SlugField(_("code"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    authority = models.SlugField(_("authority"), max_length=80)
    authority_name = models.CharField(_("authority name"), max_length=200)
    actor = models.CharField(_("actor kind"), max_length=40, choices=ACTOR_CHOICES)
    district = models.SlugField(_("district"), max_length=80, blank=True)
    # The independent branch of the authority (OSL 8:2); filled from authority and actor on save.
    branch = models.SlugField(_("branch"), max_length=80, blank=True, editable=False)
    from_file = models.BooleanField(_("from the organisation file"), default=False)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["authority_name", "name"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        from varna.web.accounts.branches import branch_for

        self.branch = branch_for(self.authority, self.actor)
        super().save(*args, **kwargs)

    @property
    def holder(self) -> tuple[str, str]:
        """Who holds what this unit's staff record: its authority and branch."""
        return (self.authority, self.branch)

    @property
    def party(self) -> Party:
        """The unit as a party of a secrecy question."""
        return Party(Actor(self.actor), self.authority)


class Role(models.TextChoices):
    MEMBER = "member", _("Team member")
    CONVENER = "convener", _("Convener")
    ADMINISTRATOR = "administrator", _("Administrator")


class User(AbstractUser):
    """A member of staff; ``unit`` decides which authority's data they hold."""

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="users", verbose_name=_("unit")
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    # A login of the fictional demo (``varna demo load``): it works only from this machine.
    is_demo = models.BooleanField(_("demo account"), default=False)

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    @property
    def authority(self) -> str | None:
        """The authority whose information this user holds; None without a unit."""
        return self.unit.authority if self.unit_id and self.unit else None

    @property
    def holder(self) -> tuple[str, str] | None:
        """The authority and branch whose individual data this user may read; None without a unit."""
        return self.unit.holder if self.unit_id and self.unit else None

    @property
    def is_convener(self) -> bool:
        return self.role in (Role.CONVENER, Role.ADMINISTRATOR)

    @property
    def is_administrator(self) -> bool:
        return self.role == Role.ADMINISTRATOR or self.is_superuser

    def display(self) -> str:
        """Name and unit, as attendee lists and records show a person."""
        name = self.get_full_name() or self.username
        return f"{name} ({self.unit.name})" if self.unit else name


class LoginFailure(models.Model):
    """A failed login, kept for a short while so guessing can be slowed down across workers."""

    username = models.CharField(max_length=150, db_index=True)
    address = models.GenericIPAddressField(null=True, blank=True, db_index=True)
    at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return f"{self.username} {self.at:%Y-%m-%d %H:%M}"
