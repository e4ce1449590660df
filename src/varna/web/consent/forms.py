"""The consent form: its scope, its form, who gave it – and the child's own view.

For a child (under 18 in the year the consent is given, counted from the year of
birth) the guardians consent; the child's own view is recorded as age and maturity
allow, and from twelve it must be asked and written down.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from varna.law import Information
from varna.web.consent.models import Form, Giver
from varna.web.matters.forms import Accessible, choices_of
from varna.web.matters.models import Person
from varna.web.matters.selectors import authority_choices
from varna.web.sharing.selectors import vocabulary_label

ADULT_AGE = 18
CHILD_VIEW_AGE = 12
DATE_ERRORS = {"invalid": gettext_lazy("Give the date as YYYY-MM-DD, for example 2026-11-27.")}


def _date_field(label: Any, *, required: bool = True, help_text: Any = "") -> forms.DateField:
    return forms.DateField(label=label, required=required, help_text=help_text, error_messages=DATE_ERRORS,
                           widget=forms.DateInput(attrs={"type": "date", "class": "input--date"}))


class ConsentForm(Accessible, forms.Form):
    information = forms.CharField(
        label=gettext_lazy("Which information"), widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("In plain words, what may be shared, for example “how school is going and "
                               "what support the family gets”."),
    )
    information_kinds = forms.MultipleChoiceField(
        label=gettext_lazy("Kinds of information"), required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Tick kinds to narrow the consent to them; with none ticked it covers the "
                               "information described above of every kind."),
    )
    recipients = forms.MultipleChoiceField(
        label=gettext_lazy("To which authorities"), widget=forms.CheckboxSelectMultiple,
        error_messages={"required": gettext_lazy("Tick at least one authority the information may go to.")},
    )
    purpose = forms.CharField(label=gettext_lazy("Purpose"), widget=forms.Textarea(attrs={"rows": 2}))
    form = forms.ChoiceField(
        label=gettext_lazy("Form"), choices=Form.choices, widget=forms.RadioSelect,
        help_text=gettext_lazy("The guideline asks for written consent. Oral consent is recorded, but shown "
                               "with a warning wherever it is relied on."),
    )
    given_by = forms.ChoiceField(
        label=gettext_lazy("Given by"), choices=Giver.choices, widget=forms.RadioSelect
    )
    guardians = forms.CharField(
        label=gettext_lazy("Guardians' names"), max_length=300, required=False,
        help_text=gettext_lazy("Required when the guardians consent."),
    )
    child_view = forms.CharField(
        label=gettext_lazy("The child's own view"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("What the child thinks, as age and maturity allow. From 12 years it must be "
                               "asked and written down, also when the child does not want to say anything."),
    )
    given_on = _date_field(gettext_lazy("Given on"))
    expires_on = _date_field(gettext_lazy("Valid until"), required=False,
                             help_text=gettext_lazy("Leave empty if it holds until withdrawn."))

    def __init__(self, *args: Any, person: Person, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.person = person
        choices_of(self, "information_kinds").choices = [
            (i.value, vocabulary_label("information", i.value).capitalize()) for i in Information
        ]
        choices_of(self, "recipients").choices = authority_choices()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        given_on: dt.date | None = data.get("given_on")
        expires_on: dt.date | None = data.get("expires_on")
        if given_on is not None and given_on > timezone.localdate():
            self.add_error("given_on", _("A consent cannot be given in the future."))
        if given_on is not None and expires_on is not None and expires_on < given_on:
            self.add_error("expires_on", _("The consent cannot end before the day it was given."))
        age = self.person.age_on(given_on or timezone.localdate())
        given_by = data.get("given_by")
        guardians = (data.get("guardians") or "").strip()
        if age is not None and age < ADULT_AGE:
            if given_by == Giver.PERSON:
                self.add_error("given_by", _("The person is under 18: the guardians must consent."))
            if age >= CHILD_VIEW_AGE and not (data.get("child_view") or "").strip():
                self.add_error("child_view", _("The person is %(age)d or older: write down the child's own "
                                               "view.") % {"age": CHILD_VIEW_AGE})
        elif age is not None and given_by in (Giver.GUARDIANS,):
            self.add_error("given_by", _("The person is an adult and consents for themselves."))
        if given_by in (Giver.GUARDIANS, Giver.PERSON_AND_GUARDIANS) and not guardians:
            self.add_error("guardians", _("Name the guardians who gave the consent."))
        return data


class WithdrawForm(Accessible, forms.Form):
    withdrawn_on = _date_field(gettext_lazy("Withdrawn on"),
                               help_text=gettext_lazy("The withdrawal takes effect at once for everything "
                                                      "after it."))
    note = forms.CharField(label=gettext_lazy("About the withdrawal"), required=False,
                           widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, given_on: dt.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.given_on = given_on

    def clean_withdrawn_on(self) -> dt.date:
        day: dt.date = self.cleaned_data["withdrawn_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("A withdrawal cannot be recorded for a day in the future."))
        if day < self.given_on:
            raise forms.ValidationError(_("The consent cannot be withdrawn before the day it was given."))
        return day
