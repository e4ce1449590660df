"""The audit log: append-only, each entry chained to the one before by a hash.

The guideline's data are about young people whom no one has convicted of anything;
every look at them must be answerable for afterwards. An entry's hash covers its
own fields and the previous entry's hash, so changing or removing any row breaks
the chain from that row on, and ``varna audit verify`` names the first broken one.
The single ``AuditHead`` row is locked while an entry is appended, so two requests
can never both chain onto the same predecessor.
"""

from __future__ import annotations

from typing import Any, NoReturn

from django.db import models
from django.utils.translation import gettext_lazy as _


class Action(models.TextChoices):
    LOGIN = "login", _("Logged in")
    LOGIN_FAILED = "login_failed", _("Failed login")
    LOGIN_BLOCKED = "login_blocked", _("Login blocked after repeated failures")
    LOGOUT = "logout", _("Logged out")
    READ = "read", _("Read")
    CREATE = "create", _("Created")
    UPDATE = "update", _("Changed")
    DELETE = "delete", _("Deleted")
    EXPORT = "export", _("Exported")
    DISCLOSE = "disclose", _("Disclosed")
    CONSENT_GIVEN = "consent_given", _("Consent recorded")
    CONSENT_WITHDRAWN = "consent_withdrawn", _("Consent withdrawn")
    RETENTION = "retention", _("Removed under the retention rules")
    ADMIN = "admin", _("Administration")


class AppendOnlyError(RuntimeError):
    """Raised when code tries to change or delete an audit entry."""


class AuditEntry(models.Model):
    """One thing someone did; ``summary`` never contains a person's name or case text."""

    seq = models.PositiveBigIntegerField(_("number"), unique=True)
    at = models.DateTimeField(_("time"), db_index=True)
    username = models.CharField(_("user"), max_length=150, db_index=True)
    user_authority = models.CharField(_("user's authority"), max_length=80, blank=True)
    action = models.CharField(_("action"), max_length=30, choices=Action.choices, db_index=True)
    object_type = models.CharField(_("object type"), max_length=60, blank=True)
    object_id = models.CharField(_("object id"), max_length=60, blank=True, db_index=True)
    authority = models.CharField(_("authority whose data"), max_length=80, blank=True, db_index=True)
    summary = models.CharField(_("summary"), max_length=300)
    detail = models.JSONField(_("detail"), default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["seq"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")

    def __str__(self) -> str:
        return f"#{self.seq} {self.at:%Y-%m-%d %H:%M} {self.username} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise AppendOnlyError("an audit entry is never changed once written")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnlyError("an audit entry is never deleted")


class AuditHead(models.Model):
    """The chain's end: last number and hash. One row, locked while appending."""

    seq = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64)

    def __str__(self) -> str:
        return f"#{self.seq}"
