"""The consent register: who agreed that what may go to whom, for what, and until when.

Consent lifts secrecy only within its scope (OSL 10:1): the information it names,
the authorities it names, the purpose it names. The guideline asks for written
consent; oral consent is recorded but carries a warning everywhere it is used. For
a child the guardians give it, and the child's own view is recorded as age and
maturity allow. A withdrawal takes effect at once: every later disclosure and
meeting item looks the register up again instead of remembering an earlier answer.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Form(models.TextChoices):
    WRITTEN = "written", _("Written")
    ORAL = "oral", _("Oral")


class Giver(models.TextChoices):
    PERSON = "person", _("The person")
    GUARDIANS = "guardians", _("The guardians")
    PERSON_AND_GUARDIANS = "person_and_guardians", _("The person and the guardians")


class ConsentRecord(models.Model):
    person = models.ForeignKey(
        "matters.Person", on_delete=models.CASCADE, related_name="consents", verbose_name=_("person")
    )
    owner_authority = models.SlugField(_("authority that holds it"), max_length=80, db_index=True)
    information = models.TextField(_("which information"))
    information_kinds = models.JSONField(_("kinds of information"), default=list, blank=True)
    recipients = models.JSONField(_("to which authorities"), default=list)
    purpose = models.TextField(_("purpose"))
    form = models.CharField(_("form"), max_length=8, choices=Form.choices)
    given_by = models.CharField(_("given by"), max_length=24, choices=Giver.choices)
    guardians = models.CharField(_("guardians' names"), max_length=300, blank=True)
    child_view = models.TextField(_("the child's own view"), blank=True)
    given_on = models.DateField(_("given on"))
    expires_on = models.DateField(_("valid until"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawal_note = models.TextField(_("about the withdrawal"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("recorded by")
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        ordering = ["-given_on", "-pk"]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self) -> str:
        return f"{self.person} – {self.given_on:%Y-%m-%d}"

    def in_force_on(self, day: dt.date) -> bool:
        if self.withdrawn_at is not None and self.withdrawn_at.date() <= day:
            return False
        if day < self.given_on:
            return False
        return self.expires_on is None or day <= self.expires_on

    def covers(self, authority: str, information_kind: str | None = None) -> bool:
        """Does the scope reach this recipient (and this kind of information, when the scope names kinds)?"""
        if authority not in self.recipients:
            return False
        return (
            not self.information_kinds
            or information_kind is None
            or information_kind in self.information_kinds
        )
