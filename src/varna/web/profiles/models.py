"""A saved risk and protective factor profile (Communities That Care).

The profile is group-level: percentages per area and factor, with small groups
suppressed by :mod:`varna.ctc`. It holds no individual answers, so every user with a
unit may read it. The raw survey file is kept only when its uploader asks for it; its
path is then in ``kept_file`` (under the data directory) until it is deleted.
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _


class ProfileRun(models.Model):
    name = models.CharField(_("name"), max_length=200)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now, db_index=True)
    unit = models.ForeignKey(
        "accounts.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="+"
    )
    spec_name = models.CharField(_("scoring spec"), max_length=200)
    spec_uploaded = models.BooleanField(_("own scoring spec"), default=False)
    programs_uploaded = models.BooleanField(_("own programme catalogue"), default=False)
    input_name = models.CharField(_("survey file"), max_length=255, blank=True)
    # Text, not a JSONField: PostgreSQL's jsonb would reorder the keys, and the order of the
    # areas and factors (the spec's order) is part of the profile.
    profile_json = models.TextField(_("profile"))
    n_respondents = models.PositiveIntegerField(_("respondents"))
    excluded_non_numeric = models.PositiveIntegerField(_("answers that were not whole numbers"), default=0)
    excluded_out_of_range = models.PositiveIntegerField(_("answers outside the scale"), default=0)
    excluded_missing_area = models.PositiveIntegerField(_("respondents without an area"), default=0)
    kept_file = models.CharField(_("kept survey file"), max_length=500, blank=True)
    report_pdf = models.BinaryField(_("PDF report"))
    report_csv = models.TextField(_("CSV table"))

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("factor profile")
        verbose_name_plural = _("factor profiles")

    def __str__(self) -> str:
        return self.name

    @cached_property
    def data(self) -> dict[str, Any]:
        """The profile as the contract's JSON (``shared/contracts/ctc-spec.md``)."""
        value: dict[str, Any] = json.loads(self.profile_json)
        return value

    @property
    def excluded_answers(self) -> int:
        return self.excluded_non_numeric + self.excluded_out_of_range
