"""The forms of the matter pages, and the accessible form plumbing the workspace apps share.

Every form names its problem in words a caseworker understands; the error summary
at the top of the page links to each field. A group-level matter is checked with
the de-identification pipeline before it is saved: it must never name anyone.
"""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from varna.deid import LABELS_SV, deidentify
from varna.web.matters.models import CONCERN_CHOICES, LEVEL_CHOICES, Kind, Person, Status
from varna.web.matters.selectors import authority_choices, district_choices

# What a group-level matter must never contain: whatever points out one individual.
# Places, schools and organisations are the material of the situational picture and may stay.
IDENTIFYING_LABELS: frozenset[str] = frozenset({
    "person", "personnummer", "samordningsnummer", "phone", "email", "handle", "vehicle",
    "address", "postcode", "birth_date", "case_number", "number",
})

IDENTIFIER_NAMES_EN: dict[str, str] = {
    "person": "a person's name",
    "personnummer": "a personal identity number",
    "samordningsnummer": "a coordination number",
    "phone": "a phone number",
    "email": "an e-mail address",
    "handle": "a social media account",
    "vehicle": "a registration number",
    "address": "a street address",
    "postcode": "a postcode",
    "birth_date": "a date of birth",
    "case_number": "a case or file number",
    "number": "another number that could point someone out",
}


class Accessible:
    """Mixed into a form: ties each input to its hint and error, and lists errors for the summary."""

    fields: dict[str, forms.Field]
    errors: Any
    prefix: str | None

    def _id(self, name: str) -> str:
        return f"id_{self.prefix}-{name}" if self.prefix else f"id_{name}"

    def __getitem__(self, name: str) -> Any:
        """The bound field, its input described by its hint and, after validation, its error."""
        field = self.fields[name]
        ids = [f"{self._id(name)}-hint"] if field.help_text else []
        errors = getattr(self, "_errors", None)
        if errors and name in errors:
            ids.append(f"{self._id(name)}-error")
            field.widget.attrs["aria-invalid"] = "true"
        if ids:
            field.widget.attrs["aria-describedby"] = " ".join(ids)
        return super().__getitem__(name)  # type: ignore[misc]

    def summary_errors(self) -> list[dict[str, Any]]:
        """The errors in the shape of ``includes/error_summary.html``."""
        rows: list[dict[str, Any]] = []
        for name, messages in self.errors.items():
            if name in self.fields:
                field = self.fields[name]
                anchor = self._id(name)
                if isinstance(field.widget, (forms.RadioSelect, forms.CheckboxSelectMultiple)):
                    anchor += "_0"
                label = capfirst(str(field.label))
                rows.append({"label": label, "messages": list(messages), "anchor": anchor})
            else:
                rows.append({"label": "", "messages": list(messages), "anchor": None})
        return rows


def identifier_names(text: str) -> list[str]:
    """The kinds of identifier the de-identification pipeline finds in ``text``, named for a person."""
    labels = sorted({e.label for e in deidentify(text).entities if e.label in IDENTIFYING_LABELS})
    if (get_language() or "sv").startswith("en"):
        return [IDENTIFIER_NAMES_EN[label] for label in labels]
    return [LABELS_SV[label] for label in labels]


def choices_of(form: Any, name: str) -> forms.ChoiceField:
    """A form's choice field, typed as one (so its choices can be set at run time)."""
    return cast(forms.ChoiceField, form.fields[name])


TITLE_HINT = gettext_lazy(
    "The title is shown to the authorities you disclose to: do not put the person's name in it."
)


def _blank_choice(choices: list[tuple[str, Any]], label: Any) -> list[tuple[str, Any]]:
    return [("", label), *choices]


class MatterFilterForm(Accessible, forms.Form):
    kind = forms.ChoiceField(label=gettext_lazy("Kind"), required=False)
    status = forms.ChoiceField(label=gettext_lazy("Status"), required=False)
    level = forms.ChoiceField(label=gettext_lazy("Prevention level"), required=False)
    district = forms.ChoiceField(label=gettext_lazy("District"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        every = _("All")
        choices_of(self, "kind").choices = _blank_choice(list(Kind.choices), every)
        choices_of(self, "status").choices = _blank_choice(list(Status.choices), every)
        choices_of(self, "level").choices = _blank_choice(list(LEVEL_CHOICES), every)
        choices_of(self, "district").choices = _blank_choice(district_choices(), every)


class MatterFields(Accessible, forms.Form):
    """What every matter has, with the de-identification check for group-level matters."""

    title = forms.CharField(label=gettext_lazy("Title"), max_length=200)
    summary = forms.CharField(
        label=gettext_lazy("Description"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )
    level = forms.ChoiceField(label=gettext_lazy("Prevention level"), choices=LEVEL_CHOICES)
    concern = forms.ChoiceField(label=gettext_lazy("Kind of concern"), choices=CONCERN_CHOICES)
    district = forms.ChoiceField(label=gettext_lazy("District"), required=False)

    group = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices_of(self, "district").choices = _blank_choice(district_choices(), _("No particular district"))
        if self.group:
            self.fields["summary"].help_text = _(
                "Describe a phenomenon, a group or a place. Never name or otherwise point out an individual: "
                "names, personal identity numbers, phone numbers and addresses are refused."
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.group:
            found = identifier_names(f"{data.get('title', '')}\n{data.get('summary', '')}")
            if found:
                raise forms.ValidationError(
                    _(
                        "A group-level matter must not point out individuals, but the title or description "
                        "contains: %(found)s. Remove it, or open an individual matter instead."
                    ),
                    params={"found": ", ".join(found)},
                    code="identifies",
                )
        return data


class GroupMatterForm(MatterFields):
    group = True


class IndividualMatterForm(MatterFields):
    def __init__(self, *args: Any, persons: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["title"].help_text = TITLE_HINT
        if persons is not None:
            cast(forms.ModelChoiceField, self.fields["person"]).queryset = persons  # type: ignore[type-arg]

    person = forms.ModelChoiceField(
        label=gettext_lazy("An existing person"), queryset=Person.objects.none(), required=False,
        help_text=gettext_lazy("Choose a person your authority already holds, or record a new one below."),
    )
    person_name = forms.CharField(
        label=gettext_lazy("Or a new person's name"), max_length=200, required=False
    )
    birth_year = forms.IntegerField(
        label=gettext_lazy("Year of birth"), required=False, min_value=1900, max_value=2100,
        help_text=gettext_lazy(
            "Only the year: the secrecy rules turn on whether the person is under 18 or 21."
        ),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("person") is None and not (data.get("person_name") or "").strip():
            self.add_error("person_name", _("Choose an existing person or give the new person's name."))
        if data.get("person") is not None and (data.get("person_name") or "").strip():
            self.add_error("person_name", _("Either choose an existing person or give a new name, not both."))
        return data


class MatterEditForm(MatterFields):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args: Any, group: bool = False, **kwargs: Any) -> None:
        self.group = group
        super().__init__(*args, **kwargs)
        if not group:
            self.fields["title"].help_text = TITLE_HINT


class DecisionForm(Accessible, forms.Form):
    """A decision; on a group-level matter it, too, must not point out anyone."""

    text = forms.CharField(label=gettext_lazy("Decision"), widget=forms.Textarea(attrs={"rows": 4}))
    decided_on = forms.DateField(
        label=gettext_lazy("Decided on"), widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": gettext_lazy("Give the date as YYYY-MM-DD, for example 2026-11-27.")},
    )
    owner_authority = forms.ChoiceField(label=gettext_lazy("Authority responsible"), required=False)

    def __init__(self, *args: Any, group: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.group = group
        choices_of(self, "owner_authority").choices = _blank_choice(authority_choices(), _("Not decided"))

    def clean_text(self) -> str:
        text: str = self.cleaned_data["text"]
        found = identifier_names(text) if self.group else []
        if found:
            raise forms.ValidationError(
                _("A decision in a group-level matter must not point out individuals, but it contains: "
                  "%(found)s."),
                params={"found": ", ".join(found)},
                code="identifies",
            )
        return text


class QuestionOwnerForm(Accessible, forms.Form):
    question_owner = forms.ChoiceField(
        label=gettext_lazy("Authority that owns the question"),
        help_text=gettext_lazy(
            "The authority the team decided owns this question (section 4.4 of the guideline)."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        owners = _blank_choice(authority_choices(), _("Choose an authority"))
        choices_of(self, "question_owner").choices = owners
