"""The audit log search: every filter optional, read from the query string."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from varna.web.audit.labels import action_choices
from varna.web.audit.selectors import AuditFilter, audit_authorities, audit_object_types

DATE_HELP = _("As YYYY-MM-DD, for example 2026-03-01.")
DATE_ERROR = _("Write the date as YYYY-MM-DD, for example 2026-03-01.")


class AuditSearchForm(forms.Form):
    user = forms.CharField(
        label=_("User"), max_length=150, required=False, help_text=_("The exact username.")
    )
    action = forms.ChoiceField(label=pgettext_lazy("audit log", "Action"), required=False)
    authority = forms.ChoiceField(
        label=_("Authority"),
        required=False,
        help_text=_("Entries about this authority's data, or made by its users."),
    )
    object_type = forms.ChoiceField(label=_("Object type"), required=False)
    object_id = forms.CharField(label=_("Object id"), max_length=60, required=False)
    date_from = forms.DateField(
        label=_("From date"),
        required=False,
        help_text=DATE_HELP,
        error_messages={"invalid": DATE_ERROR},
        input_formats=["%Y-%m-%d"],
    )
    date_to = forms.DateField(
        label=_("To date"),
        required=False,
        help_text=DATE_HELP,
        error_messages={"invalid": DATE_ERROR},
        input_formats=["%Y-%m-%d"],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        anything: list[tuple[str, Any]] = [("", _("Any"))]
        cast(forms.ChoiceField, self.fields["action"]).choices = anything + action_choices()
        cast(forms.ChoiceField, self.fields["authority"]).choices = anything + [
            (a, a) for a in audit_authorities()
        ]
        cast(forms.ChoiceField, self.fields["object_type"]).choices = anything + [
            (t, t) for t in audit_object_types()
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if isinstance(start, dt.date) and isinstance(end, dt.date) and end < start:
            raise ValidationError(_("The to date is before the from date. Swap them or change one."))
        return data

    def filters(self) -> AuditFilter:
        """The valid filters; an invalid form filters nothing rather than everything it could not read."""
        data = self.cleaned_data if self.is_valid() else {}
        return AuditFilter(
            username=(data.get("user") or "").strip(),
            action=data.get("action") or "",
            authority=data.get("authority") or "",
            object_type=data.get("object_type") or "",
            object_id=(data.get("object_id") or "").strip(),
            date_from=data.get("date_from"),
            date_to=data.get("date_to"),
        )
