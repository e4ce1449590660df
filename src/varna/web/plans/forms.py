"""The forms of the plans pages, with Swedish messages that name the problem.

Each editing form carries the ``version`` it was opened at (a hidden field), so a
save that comes after someone else's is refused instead of overwriting it.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from varna.web.accounts.models import Unit
from varna.web.plans.models import LEVEL_CHOICES, ActivityStatus, Area, PlanKind
from varna.web.plans.selectors import org_choices
from varna.web.plans.services import ActivityFields, AreaFields, IndicatorFields, PartnerFields, PlanFields

MAX_NAME = 200
MAX_TEXT = 8000


def _date_field(label: Any, *, required: bool = False) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        help_text=_("As YYYY-MM-DD, for example 2016-02-01."),
        widget=forms.DateInput(attrs={"type": "date", "class": "input--date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Write the date as YYYY-MM-DD, for example 2016-02-01.")},
    )


def _text(label: Any, *, required: bool = False, rows: int = 4, help_text: Any = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": rows}),
        help_text=help_text,
        error_messages={"max_length": _("The text is too long: at most %(limit_value)d characters.")},
    )


class UnitChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Unit) -> str:
        return f"{obj.name} – {obj.authority_name}"


class UnitsChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Unit) -> str:
        return f"{obj.name} – {obj.authority_name}"


class VersionedForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)

    def expected_version(self) -> int:
        return int(self.cleaned_data.get("version") or 1)


class PartnersMixin(forms.Form):
    partner_units = UnitsChoiceField(
        label=_("Partner units"),
        queryset=Unit.objects.filter(active=True).order_by("authority_name", "name"),
        required=False,
        help_text=_("Hold Ctrl (or Cmd) to choose more than one."),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    partner_orgs = forms.MultipleChoiceField(
        label=_("Partner organisations"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Authorities and civil-society partners of the organisation file."),
    )
    other_partners = _text(
        _("Other partners"),
        rows=3,
        help_text=_("Partners that are not in the organisation file, one per line – for example EFUS."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["partner_orgs"].choices = org_choices()  # type: ignore[attr-defined]

    def partner_fields(self) -> PartnerFields:
        data = self.cleaned_data
        return PartnerFields(
            units=list(data.get("partner_units") or []),
            orgs=list(data.get("partner_orgs") or []),
            others=data.get("other_partners") or "",
        )


def _check_period(form: forms.Form, start_name: str, end_name: str) -> None:
    start, end = form.cleaned_data.get(start_name), form.cleaned_data.get(end_name)
    if start and end and end < start:
        form.add_error(end_name, _("The end date is before the start date. Check both dates."))


class PlanForm(PartnersMixin, VersionedForm):
    name = forms.CharField(
        label=_("Name"),
        max_length=MAX_NAME,
        error_messages={
            "required": _("Give the plan a name."),
            "max_length": _("The name is too long: at most %(limit_value)d characters."),
        },
    )
    name_en = forms.CharField(
        label=_("Name in English"),
        max_length=MAX_NAME,
        required=False,
        help_text=_("Shown on the English pages. May be left empty."),
    )
    kind = forms.ChoiceField(
        label=_("Kind of plan"),
        choices=PlanKind.choices,
        error_messages={"required": _("Choose what kind of plan it is.")},
    )
    owner_unit = UnitChoiceField(
        label=_("Owner unit"),
        queryset=Unit.objects.none(),
        error_messages={
            "required": _("Choose the unit that owns the plan."),
            "invalid_choice": _("Choose one of the units in the list."),
        },
    )
    starts_on = _date_field(_("Period starts"))
    ends_on = _date_field(_("Period ends"))
    description = _text(_("Description"), rows=5)

    field_order = (
        "name",
        "name_en",
        "kind",
        "owner_unit",
        "starts_on",
        "ends_on",
        "description",
        "partner_units",
        "partner_orgs",
        "other_partners",
        "version",
    )

    def __init__(self, *args: Any, owner_units: list[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["owner_unit"]
        field.queryset = Unit.objects.filter(pk__in=[u.pk for u in owner_units]).order_by(  # type: ignore[attr-defined]
            "authority_name", "name"
        )
        if len(owner_units) == 1 and not self.is_bound:
            self.initial.setdefault("owner_unit", owner_units[0].pk)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        _check_period(self, "starts_on", "ends_on")
        return data

    def plan_fields(self) -> PlanFields:
        d = self.cleaned_data
        return PlanFields(
            name=d["name"].strip(),
            name_en=d.get("name_en", "").strip(),
            kind=d["kind"],
            owner_unit=d["owner_unit"],
            starts_on=d.get("starts_on"),
            ends_on=d.get("ends_on"),
            description=d.get("description", "").strip(),
            partners=self.partner_fields(),
        )


class AreaForm(VersionedForm):
    name = forms.CharField(
        label=_("Name"), max_length=MAX_NAME, error_messages={"required": _("Give the area a name.")}
    )
    name_en = forms.CharField(label=_("Name in English"), max_length=MAX_NAME, required=False)
    problem_picture = _text(
        _("Problem picture"),
        rows=5,
        help_text=_("What the problem looks like locally, as the plan's parties see it."),
    )
    measures = _text(_("Measures"), rows=5)
    position = forms.IntegerField(
        label=_("Order"),
        min_value=0,
        max_value=999,
        required=False,
        help_text=_("Areas are shown from the lowest number."),
        widget=forms.NumberInput(attrs={"class": "input--short"}),
        error_messages={"invalid": _("Write the order as a whole number.")},
    )

    field_order = ("name", "name_en", "problem_picture", "measures", "position", "version")

    def area_fields(self) -> AreaFields:
        d = self.cleaned_data
        return AreaFields(
            name=d["name"].strip(),
            name_en=d.get("name_en", "").strip(),
            problem_picture=d.get("problem_picture", "").strip(),
            measures=d.get("measures", "").strip(),
            position=d.get("position") or 0,
        )


class ActivityForm(PartnersMixin, VersionedForm):
    title = forms.CharField(
        label=_("Activity"), max_length=300, error_messages={"required": _("Write what the activity is.")}
    )
    title_en = forms.CharField(label=_("Activity in English"), max_length=300, required=False)
    area = forms.ModelChoiceField(
        label=_("Area"),
        queryset=Area.objects.none(),
        required=False,
        empty_label=_("No area"),
        error_messages={"invalid_choice": _("Choose one of the plan's areas.")},
    )
    description = _text(_("Description"))
    responsible_unit = UnitChoiceField(
        label=_("Responsible unit"),
        queryset=Unit.objects.filter(active=True).order_by("authority_name", "name"),
        required=False,
        empty_label=_("Not decided"),
    )
    starts_on = _date_field(_("Starts"))
    ends_on = _date_field(_("Ends"))
    follow_up = _text(
        _("Follow-up criteria"),
        rows=3,
        help_text=_("How you will know whether the activity did what it should."),
    )
    level = forms.ChoiceField(
        label=_("Prevention level"), required=False, choices=[("", _("Not stated")), *LEVEL_CHOICES]
    )
    competence = forms.BooleanField(label=_("This is a competence-development offer"), required=False)
    audience = forms.CharField(
        label=_("Offered to"),
        max_length=300,
        required=False,
        help_text=_("For a competence-development offer: the staff groups it is for."),
    )
    position = forms.IntegerField(
        label=_("Order"),
        min_value=0,
        max_value=999,
        required=False,
        widget=forms.NumberInput(attrs={"class": "input--short"}),
        error_messages={"invalid": _("Write the order as a whole number.")},
    )

    field_order = (
        "title",
        "title_en",
        "area",
        "description",
        "responsible_unit",
        "starts_on",
        "ends_on",
        "follow_up",
        "level",
        "competence",
        "audience",
        "partner_units",
        "partner_orgs",
        "other_partners",
        "position",
        "version",
    )

    def __init__(self, *args: Any, plan: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = Area.objects.filter(plan=plan).order_by(  # type: ignore[attr-defined]
            "position", "pk"
        )
        if not Area.objects.filter(plan=plan).exists():
            del self.fields["area"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        _check_period(self, "starts_on", "ends_on")
        if data.get("competence") and not (data.get("audience") or "").strip():
            self.add_error("audience", _("Say whom the competence-development offer is for."))
        return data

    def activity_fields(self) -> ActivityFields:
        d = self.cleaned_data
        return ActivityFields(
            title=d["title"].strip(),
            title_en=d.get("title_en", "").strip(),
            area=d.get("area"),
            description=d.get("description", "").strip(),
            responsible_unit=d.get("responsible_unit"),
            starts_on=d.get("starts_on"),
            ends_on=d.get("ends_on"),
            follow_up=d.get("follow_up", "").strip(),
            level=d.get("level") or "",
            competence=bool(d.get("competence")),
            audience=(d.get("audience") or "").strip(),
            position=d.get("position") or 0,
            partners=self.partner_fields(),
        )


class FollowUpForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=ActivityStatus.choices,
        error_messages={
            "required": _("Choose the activity's status."),
            "invalid_choice": _("Choose one of the statuses in the list."),
        },
    )
    on = _date_field(_("Date"), required=True)
    note = _text(
        _("What has been done"),
        rows=4,
        help_text=_("Write about the activity, never about a person: no names or case details."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["on"].error_messages["required"] = _("Give the date of the update.")
        if not self.is_bound:
            self.initial.setdefault("on", timezone.localdate())

    def clean_on(self) -> dt.date:
        day: dt.date = self.cleaned_data["on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("The date is in the future. A follow-up tells what has happened."))
        return day


def _decimal(label: Any) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        required=False,
        max_digits=12,
        decimal_places=2,
        widget=forms.NumberInput(attrs={"class": "input--short", "step": "any"}),
        error_messages={
            "invalid": _("Write a number, for example 12 or 12.5."),
            "max_decimal_places": _("At most two decimals."),
        },
    )


class IndicatorForm(forms.Form):
    name = forms.CharField(
        label=_("Indicator"), max_length=200, error_messages={"required": _("Name what is measured.")}
    )
    target = _decimal(_("Target"))
    current = _decimal(_("Current value"))
    unit = forms.CharField(
        label=_("Unit of measure"),
        max_length=40,
        required=False,
        help_text=_("For example: participants, workshops, per cent."),
    )

    def indicator_fields(self) -> IndicatorFields:
        d = self.cleaned_data
        target: Decimal | None = d.get("target")
        current: Decimal | None = d.get("current")
        return IndicatorFields(
            name=d["name"].strip(), target=target, current=current, unit=(d.get("unit") or "").strip()
        )


class ReportForm(forms.Form):
    year = forms.TypedChoiceField(
        label=_("Year"),
        coerce=int,
        error_messages={"invalid_choice": _("Choose one of the years in the list.")},
    )
    plan = forms.TypedChoiceField(
        label=_("Plan"),
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={"invalid_choice": _("Choose one of the plans in the list.")},
    )

    def __init__(self, *args: Any, years: list[int], plans: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        choices = sorted({*years, this_year}, reverse=True)
        self.fields["year"].choices = [(y, str(y)) for y in choices]  # type: ignore[attr-defined]
        self.fields["plan"].choices = [("", _("All plans")), *plans]  # type: ignore[attr-defined]
