"""Disclosures: every passing of an identified person's information between authorities.

A disclosure is an event, not a permission flag: what was passed, from which
authority to which, when, who decided, and what ``varna.law`` answered – outcome,
provisions, the whole trace and the rule-base version – frozen at the moment of
the decision so it can be reviewed later even after the law or the rule base has
moved. It is also the only door through which another authority reads an
individual matter.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

GENERAL_CLAUSE = "OSL 10:27"  # the citation as decisions name it


class Disclosure(models.Model):
    matter = models.ForeignKey(
        "matters.Matter", on_delete=models.PROTECT, related_name="disclosures", verbose_name=_("matter")
    )
    from_unit = models.ForeignKey(
        "accounts.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("from unit")
    )
    from_authority = models.SlugField(_("from authority"), max_length=80, db_index=True)
    to_unit = models.ForeignKey(
        "accounts.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("to unit")
    )
    to_authority = models.SlugField(_("to authority"), max_length=80, db_index=True)
    information_kind = models.CharField(_("kind of information"), max_length=40)
    content = models.TextField(_("what was disclosed"))
    setting = models.CharField(_("setting"), max_length=20)
    facts = models.JSONField(_("facts asserted"), default=list, blank=True)
    consent = models.ForeignKey(
        "consent.ConsentRecord",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="disclosures",
        verbose_name=_("consent relied on"),
    )
    question = models.JSONField(_("question put to the secrecy engine"))
    decision = models.JSONField(_("the secrecy engine's answer"))
    outcome = models.CharField(_("outcome"), max_length=30)
    provisions = models.JSONField(_("provisions"), default=list)
    rulebase_version = models.CharField(_("rule-base version"), max_length=60)
    balancing = models.TextField(_("balancing of interests"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("decided by")
    )
    decided_at = models.DateTimeField(_("decided"))

    class Meta:
        ordering = ["-decided_at", "-pk"]
        verbose_name = _("disclosure")
        verbose_name_plural = _("disclosures")

    def __str__(self) -> str:
        return f"{self.from_authority} → {self.to_authority} {self.decided_at:%Y-%m-%d}"

    @property
    def on_general_clause(self) -> bool:
        return GENERAL_CLAUSE in self.provisions
