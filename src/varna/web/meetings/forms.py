"""The forms of the meeting pages; each names its problem in plain words.

Every input is tied to its hint and its error (``aria-describedby``), and the error
summary at the top of a page links to the field. Versions travel in hidden fields:
saving against an old version is refused, and the writer's own text comes back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.db.models import QuerySet
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from varna.law import Fact, Information
from varna.web.accounts.models import Unit, User
from varna.web.matters.models import Matter
from varna.web.meetings.models import ActionStatus, AgendaItem, Presentation
from varna.web.meetings.selectors import Whose, active_units, attendee_candidates
from varna.web.sharing.selectors import vocabulary_label
from varna.web.workspace.forms import prepare

if TYPE_CHECKING:  # the stubs make these generic; Django's classes are not subscriptable at run time
    _UserChoices = forms.ModelMultipleChoiceField[User]
    _MatterChoice = forms.ModelChoiceField[Matter]
    _UnitChoice = forms.ModelChoiceField[Unit]
    _ItemChoice = forms.ModelChoiceField[AgendaItem]
else:
    _UserChoices = forms.ModelMultipleChoiceField
    _MatterChoice = _UnitChoice = _ItemChoice = forms.ModelChoiceField

REQUIRED = {
    "title": _("Write a title."),
    "heading": _("Write a heading for the item."),
    "starts_at": _("Give the date and time the meeting starts, for example 2026-12-01 13:00."),
    "text": _("Write the decision."),
    "unit": _("Choose the unit responsible for the action."),
    "due_on": _("Give the date the action is due, for example 2026-12-15."),
    "status": _("Choose a status."),
}


class MeetingFormBase(forms.Form):
    """Ties inputs to hints and errors, and lists the errors for the summary."""

    def full_clean(self) -> None:
        super().full_clean()
        prepare(self)

    def summary_errors(self) -> list[dict[str, Any]]:
        """The errors in the shape of ``includes/error_summary.html``, in the form's order."""
        rows: list[dict[str, Any]] = []
        if not self.is_bound:
            return rows
        for message in self.errors.get(NON_FIELD_ERRORS, []):
            rows.append({"label": "", "messages": [message], "anchor": None})
        for bound in self:
            if bound.errors:
                anchor = bound.auto_id
                if bound.use_fieldset:
                    anchor = f"{anchor}_0"
                rows.append(
                    {"label": capfirst(str(bound.label)), "messages": list(bound.errors), "anchor": anchor}
                )
        return rows


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


class AttendeeChoice(_UserChoices):
    def label_from_instance(self, obj: Any) -> str:
        unit = obj.unit
        return f"{obj.get_full_name() or obj.username} – {unit.name} ({unit.authority_name})"


class MeetingForm(MeetingFormBase):
    title = forms.CharField(label=_("Title"), max_length=200, error_messages={"required": REQUIRED["title"]})
    starts_at = forms.DateTimeField(
        label=_("Starts"),
        help_text=_("Date and time, for example 2026-12-01 13:00."),
        widget=DateTimeLocalInput(),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H.%M"],
        error_messages={
            "required": REQUIRED["starts_at"],
            "invalid": _("Give the date and time as YYYY-MM-DD HH:MM, for example 2026-12-01 13:00."),
        },
    )
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    attendees = AttendeeChoice(
        label=_("Attendees"),
        queryset=User.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Each attendee takes part for the unit they belong to now; the unit decides what they may say. "
            "You attend as the convener."
        ),
        error_messages={"invalid_choice": _("Choose attendees from the list of active users.")},
    )

    def __init__(self, *args: Any, convener: User | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        candidates = attendee_candidates()
        if convener is not None:
            candidates = candidates.exclude(pk=convener.pk)
        field = cast(_UserChoices, self.fields["attendees"])
        field.queryset = candidates


class MatterChoice(_MatterChoice):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.title} ({obj.get_kind_display()})"


def information_choices() -> list[tuple[str, str]]:
    return [(i.value, capfirst(vocabulary_label("information", i.value))) for i in Information]


def fact_choices() -> list[tuple[str, str]]:
    return [(f.value, capfirst(vocabulary_label("facts", f.value))) for f in Fact]


class ItemForm(MeetingFormBase):
    title = forms.CharField(
        label=_("Heading"), max_length=200, error_messages={"required": REQUIRED["heading"]}
    )
    matter = MatterChoice(
        label=_("Matter"),
        queryset=Matter.objects.none(),
        required=False,
        empty_label=_("No matter"),
        help_text=_(
            "Group-level matters, and the individual matters your authority holds. Only a user of the "
            "holding authority can put an individual matter on the agenda."
        ),
        error_messages={"invalid_choice": _("Choose a matter from the list.")},
    )
    presentation = forms.ChoiceField(
        label=_("Presentation"),
        choices=Presentation.choices,
        initial=Presentation.DEIDENTIFIED,
        widget=forms.RadioSelect,
        help_text=_(
            "For an individual matter. A de-identified case description is the default. Identified "
            "discussion needs consent on file for every other authority present, or a recorded legal basis."
        ),
    )
    information_kind = forms.ChoiceField(label=_("Kind of information"), required=False)
    facts = forms.MultipleChoiceField(
        label=_("Facts recorded"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick only what is known to be true. The secrecy rules turn on these."),
    )
    basis_note = forms.CharField(
        label=_("Recorded legal basis"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Without consent: the provision and the reasons that allow identified discussion."),
    )

    def __init__(self, *args: Any, matters: QuerySet[Matter] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(_MatterChoice, self.fields["matter"])
        field.queryset = matters if matters is not None else Matter.objects.none()
        information = cast(forms.ChoiceField, self.fields["information_kind"])
        information.choices = [("", _("Not chosen")), *information_choices()]
        facts = cast(forms.MultipleChoiceField, self.fields["facts"])
        facts.choices = fact_choices()


class ItemEditForm(ItemForm):
    """The same questions, for an item already on the agenda (its matter stays)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["matter"]


class DescriptionForm(MeetingFormBase):
    text = forms.CharField(
        label=_("De-identified case description"),
        error_messages={"required": _("Write the de-identified case description.")},
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("This text, and only this text, is what the other authorities at the meeting see."),
    )
    confirmed = forms.BooleanField(
        label=_("I have read the description and nobody at the meeting can recognise the person from it."),
        required=False,
    )

    def __init__(self, *args: Any, confirming: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.confirming = confirming

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.confirming and not data.get("confirmed"):
            self.add_error("confirmed", _("Tick the box to confirm that nobody can recognise the person."))
        if self.confirming and not (data.get("text") or "").strip():
            self.add_error("text", _("Write the de-identified case description before you confirm it."))
        return data


class DecisionForm(MeetingFormBase):
    text = forms.CharField(
        label=_("Decision"),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": REQUIRED["text"]},
    )
    owner_authority = forms.ChoiceField(
        label=_("Authority responsible"),
        required=False,
        help_text=_("The authority that owns the question and what follows from the decision."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        seen: dict[str, str] = {}
        for unit in active_units():
            seen.setdefault(unit.authority, unit.authority_name)
        field = cast(forms.ChoiceField, self.fields["owner_authority"])
        field.choices = [("", _("Not decided")), *sorted(seen.items(), key=lambda kv: kv[1])]


class MinutesForm(MeetingFormBase):
    text = forms.CharField(label=_("Minutes"), required=False, widget=forms.Textarea(attrs={"rows": 16}))
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class UnitChoice(_UnitChoice):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} ({obj.authority_name})"


class ItemChoice(_ItemChoice):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.position}. {obj.title}"


class ActionForm(MeetingFormBase):
    title = forms.CharField(
        label=pgettext_lazy("meeting action", "Action"),
        max_length=300,
        error_messages={"required": _("Write the action.")},
    )
    responsible_unit = UnitChoice(
        label=_("Responsible unit"),
        queryset=Unit.objects.none(),
        error_messages={"required": REQUIRED["unit"], "invalid_choice": REQUIRED["unit"]},
    )
    due_on = forms.DateField(
        label=_("Due"),
        widget=DateInput(),
        input_formats=["%Y-%m-%d"],
        help_text=_("For example 2026-12-15."),
        error_messages={"required": REQUIRED["due_on"], "invalid": _("Give the date as YYYY-MM-DD.")},
    )
    item = ItemChoice(
        label=_("Agenda item"),
        queryset=AgendaItem.objects.none(),
        required=False,
        empty_label=_("No item"),
        error_messages={"invalid_choice": _("Choose an item of this meeting.")},
    )

    def __init__(self, *args: Any, items: QuerySet[AgendaItem] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        unit = cast(_UnitChoice, self.fields["responsible_unit"])
        unit.queryset = active_units()
        item = cast(_ItemChoice, self.fields["item"])
        item.queryset = items if items is not None else AgendaItem.objects.none()


class ActionUpdateForm(MeetingFormBase):
    status = forms.ChoiceField(
        label=_("Status"), choices=ActionStatus.choices, error_messages={"required": REQUIRED["status"]}
    )
    note = forms.CharField(
        label=_("Follow-up note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What was done, and what remains. No names or case details."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class ActionFilterForm(MeetingFormBase):
    whose = forms.ChoiceField(
        label=_("Whose"),
        required=False,
        choices=[
            (Whose.ALL.value, _("All I can see")),
            (Whose.UNIT.value, _("My unit's")),
            (Whose.MINE.value, _("Created by me")),
        ],
    )
    status = forms.ChoiceField(label=_("Status"), required=False)
    overdue = forms.BooleanField(label=_("Only overdue"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast(forms.ChoiceField, self.fields["status"])
        field.choices = [("", _("Any status")), *ActionStatus.choices]
