"""The index's one input: which day to show the rule base for."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from varna.web.provisions.selectors import earliest_date


class InForceDateForm(forms.Form):
    """``?date=YYYY-MM-DD``; ISO only, so a link means the same day in every language."""

    date = forms.DateField(
        label=_("In force on"),
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Give the date as YYYY-MM-DD, for example 2016-02-01.")},
    )

    def clean_date(self) -> Any:
        day = self.cleaned_data.get("date")
        earliest = earliest_date()
        if day is not None and day < earliest:
            raise forms.ValidationError(
                _("The rule base begins on %(earliest)s, when the Public Access to Information and "
                  "Secrecy Act came into force. Choose that day or a later one."),
                params={"earliest": earliest.isoformat()},
            )
        return day
