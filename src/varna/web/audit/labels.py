"""The audit actions' labels as the log pages show them.

The model's choice labels are plain English words ("Action", "Logged out") that other
apps' catalogues translate differently for their own pages; the log's labels carry a
message context, so its Swedish cannot be overridden by another app's.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

from varna.web.audit.models import Action

ACTION_LABELS: dict[str, Promise] = {
    Action.LOGIN: pgettext_lazy("audit action", "Logged in"),
    Action.LOGIN_FAILED: pgettext_lazy("audit action", "Failed login"),
    Action.LOGIN_BLOCKED: pgettext_lazy("audit action", "Login blocked"),
    Action.LOGOUT: pgettext_lazy("audit action", "Logged out"),
    Action.READ: pgettext_lazy("audit action", "Read"),
    Action.CREATE: pgettext_lazy("audit action", "Created"),
    Action.UPDATE: pgettext_lazy("audit action", "Changed"),
    Action.DELETE: pgettext_lazy("audit action", "Deleted"),
    Action.EXPORT: pgettext_lazy("audit action", "Exported"),
    Action.DISCLOSE: pgettext_lazy("audit action", "Disclosed"),
    Action.CONSENT_GIVEN: pgettext_lazy("audit action", "Consent recorded"),
    Action.CONSENT_WITHDRAWN: pgettext_lazy("audit action", "Consent withdrawn"),
    Action.RETENTION: pgettext_lazy("audit action", "Removed under the retention rules"),
    Action.ADMIN: pgettext_lazy("audit action", "Administration"),
}


def action_label(value: str) -> str:
    """The label of a stored action; an action this version does not know is shown as stored."""
    label = ACTION_LABELS.get(value)
    return str(label) if label is not None else value


def action_choices() -> list[tuple[str, str]]:
    return [(str(value), str(label)) for value, label in ACTION_LABELS.items()]
