"""Reading the interview's query, and the questions each step puts to the user.

Every earlier answer comes back in the query string, so any of them may have been
edited by hand. Each value is checked here against the interview's vocabulary – a
Django form, so every message is translated and names its question – and a
tampered value becomes an error on the page (status 400), never a 500 and never
silently used. There is no free-text field: what the person saw is ticked, not
written, and the concern note is where they can write for themselves.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django import forms
from django.http import QueryDict
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from varna.guide.concern import ROLE_WORKPLACES, AgeBand, Category, Seriousness, Workplace
from varna.guide.model import Role
from varna.web.concern import selectors
from varna.web.concern.interview import (
    FIELD_STEP,
    OTHER,
    Answers,
    Plan,
    Step,
    plan,
)
from varna.web.core.fields import FieldIds

CHOICE_ERRORS = {
    "invalid_choice": gettext_lazy("“%(value)s” is not one of the choices. Choose one of the options."),
    "invalid_list": gettext_lazy("Choose among the options."),
}
MAX_DISTRICT_LENGTH = 100

# How each question is named: as the legend of its fieldset and in the error summary.
QUESTION_LABELS: dict[str, Promise] = {
    "role": gettext_lazy("Who are you?"),
    "workplace": gettext_lazy("Where do you work?"),
    "district": gettext_lazy("Which district is it about?"),
    "age": gettext_lazy("How old is the young person?"),
    "observed": gettext_lazy("What have you seen or heard?"),
    "seriousness": gettext_lazy("How serious is it?"),
}

SUMMARY_LABELS: dict[str, Promise] = {
    "role": gettext_lazy("You are"),
    "workplace": gettext_lazy("You work at"),
    "district": gettext_lazy("District"),
    "age": gettext_lazy("The young person's age"),
    "observed": gettext_lazy("Seen or heard"),
    "seriousness": gettext_lazy("How serious"),
}

STEP_TITLES: dict[Step, Promise] = {
    Step.ROLE: gettext_lazy("Who are you?"),
    Step.PLACE: gettext_lazy("Where do you work?"),
    Step.PERSON: gettext_lazy("The young person"),
    Step.OBSERVED: gettext_lazy("What you have seen or heard"),
    Step.SERIOUSNESS: gettext_lazy("How serious it is"),
}

ROLE_LABELS: dict[Role, Promise] = {
    Role.SCHOOL_STAFF_COMPULSORY: gettext_lazy("Teacher or other staff in a compulsory school"),
    Role.SCHOOL_STAFF_UPPER_SECONDARY: gettext_lazy(
        "Teacher or other staff in an upper secondary school or adult education"),
    Role.STUDENT_HEALTH: gettext_lazy(
        "Student health: counsellor, psychologist, special educator, school nurse or school doctor"),
    Role.LEISURE_STAFF: gettext_lazy("Youth leader or other staff in leisure activities"),
    Role.FIELD_WORKER: gettext_lazy("Field worker"),
    Role.CULTURE_WORKER: gettext_lazy("Culture worker"),
    Role.CIVIL_SOCIETY: gettext_lazy(
        "Leader or member of an association, a religious community or other civil society"),
    Role.SOCIAL_SERVICES: gettext_lazy("Social services"),
    Role.POLICE: gettext_lazy("Police"),
    Role.OTHER_STAFF: gettext_lazy("Other work with young people"),
    Role.RELATIVE: gettext_lazy("Parent, relative or other private person"),
}

WORKPLACE_LABELS: dict[Workplace, Promise] = {
    Workplace.SCHOOL: gettext_lazy("A school"),
    Workplace.STUDENT_HEALTH: gettext_lazy("Student health: counsellor, psychologist or special educator"),
    Workplace.MEDICAL_STUDENT_HEALTH: gettext_lazy("Medical student health: school nurse or school doctor"),
    Workplace.LEISURE: gettext_lazy("The municipality's leisure activities (youth centre, field work)"),
    Workplace.OTHER_MUNICIPAL: gettext_lazy(
        "Another municipal activity (for example culture, a library or area development)"),
    Workplace.ASSOCIATION: gettext_lazy(
        "An association, a club, a religious community or another organisation outside the public sector"),
    Workplace.SOCIAL_SERVICES: gettext_lazy("Social services"),
    Workplace.POLICE: gettext_lazy("The Police Authority"),
    Workplace.HOME: gettext_lazy("No workplace – I ask as a private person"),
}

WORKPLACE_HINTS: dict[Workplace, Promise] = {
    Workplace.MEDICAL_STUDENT_HEALTH: gettext_lazy(
        "Medical student health has health-care secrecy, stronger than the rest of the school."),
    Workplace.ASSOCIATION: gettext_lazy("Secrecy law binds authorities, not associations."),
}

AGE_LABELS: dict[AgeBand, Promise] = {
    AgeBand.UNDER_12: gettext_lazy("Under 12"),
    AgeBand.AGE_12_14: gettext_lazy("12–14 years"),
    AgeBand.AGE_15_17: gettext_lazy("15–17 years"),
    AgeBand.AGE_18_20: gettext_lazy("18–20 years"),
    AgeBand.AGE_21_25: gettext_lazy("21–25 years"),
    AgeBand.UNKNOWN: gettext_lazy("I do not know"),
}

CATEGORY_LABELS: dict[str, Promise] = {
    Category.VANDALISM: gettext_lazy("Vandalism, arson or damage"),
    Category.BULLYING: gettext_lazy("Bullying"),
    Category.DRUGS: gettext_lazy("Drug misuse"),
    Category.CRIME: gettext_lazy("Crime"),
    Category.ANTI_DEMOCRATIC_VALUES: gettext_lazy("Anti-democratic values or messages"),
    Category.VIOLENCE: gettext_lazy("Violence"),
    Category.EXTREMIST_PROPAGANDA: gettext_lazy("Shows or spreads violent extremist propaganda"),
    Category.EXTREMIST_CONTACTS: gettext_lazy("Contact with violent extremist milieus"),
    Category.WANTS_TO_FIGHT_ABROAD: gettext_lazy("Wants to travel abroad to fight"),
    Category.PRESSURED: gettext_lazy("Is being pressured or recruited"),
    OTHER: gettext_lazy("Something else"),
}

CATEGORY_HINTS: dict[str, Promise] = {
    Category.DRUGS: gettext_lazy("Narcotics, alcohol or other drugs."),
    Category.ANTI_DEMOCRATIC_VALUES: gettext_lazy(
        "Opinions that reject democracy or people's equal worth, without promoting violence. Having "
        "radical opinions is not illegal."),
    Category.EXTREMIST_PROPAGANDA: gettext_lazy(
        "Material from movements that promote violence to reach an ideological goal."),
    Category.EXTREMIST_CONTACTS: gettext_lazy(
        "Moves in groups or milieus that promote violence for their convictions."),
    Category.PRESSURED: gettext_lazy(
        "Exposed to crime, or to pressure to be someone they are not or to join a group."),
    OTHER: gettext_lazy("Something that worries you but is not in the list."),
}

SERIOUSNESS_LABELS: dict[Seriousness, Promise] = {
    Seriousness.GENERAL: gettext_lazy("A general worry – about a group, an area or something I see among "
                                      "young people, not one person"),
    Seriousness.WORRIED: gettext_lazy("I am worried about a young person"),
    Seriousness.SERIOUS: gettext_lazy(
        "I think the young person risks their own or others' life, health or development"),
    Seriousness.IMMEDIATE_DANGER: gettext_lazy("Someone's life or health is in danger right now"),
}

SERIOUSNESS_HINTS: dict[Seriousness, Promise] = {
    Seriousness.IMMEDIATE_DANGER: gettext_lazy("The answer will tell you to call 112 first."),
}

OBSERVED_CHOICES = (*(c.value for c in Category), OTHER)


def _choices(values: Any) -> list[tuple[str, str]]:
    return [(str(v), str(v)) for v in values]


class AnswersForm(forms.Form):
    """Every answer the interview can carry, each optional here; which are needed is the plan's call."""

    role = forms.ChoiceField(required=False, choices=_choices(Role), error_messages=CHOICE_ERRORS)
    workplace = forms.ChoiceField(required=False, choices=_choices(Workplace), error_messages=CHOICE_ERRORS)
    district = forms.CharField(
        required=False, max_length=MAX_DISTRICT_LENGTH,
        error_messages={"max_length": gettext_lazy("Choose an area from the list.")},
    )
    age = forms.ChoiceField(required=False, choices=_choices(AgeBand), error_messages=CHOICE_ERRORS)
    observed = forms.MultipleChoiceField(
        required=False, choices=_choices(OBSERVED_CHOICES), error_messages=CHOICE_ERRORS)
    seriousness = forms.ChoiceField(
        required=False, choices=_choices(Seriousness), error_messages=CHOICE_ERRORS)

    def clean_district(self) -> str | None:
        value = str(self.cleaned_data.get("district") or "").strip()
        if not value:
            return None
        if not selectors.district_known(value):
            raise forms.ValidationError(
                gettext_lazy("“%(value)s” is not an area of %(municipality)s. Choose an area from the list."),
                params={"value": value[:60], "municipality": selectors.municipality().name_sv},
            )
        return value

    def answers(self) -> Answers:
        """The valid answers; a field with an error counts as not answered."""
        data = self.cleaned_data

        def text(name: str) -> str | None:
            value = data.get(name)
            return str(value) if value else None

        return Answers(
            role=Role(v) if (v := text("role")) else None,
            workplace=Workplace(v) if (v := text("workplace")) else None,
            district=text("district"),
            age=AgeBand(v) if (v := text("age")) else None,
            observed=frozenset(str(v) for v in data.get("observed") or ()),
            seriousness=Seriousness(v) if (v := text("seriousness")) else None,
        )


@dataclass(frozen=True, slots=True)
class Reading:
    """The query, read: the settled plan, the errors by field, and what the user asked to do."""

    plan: Plan
    errors: dict[str, list[str]]
    submitted: Step | None
    requested: Step | None

    @property
    def answers(self) -> Answers:
        return self.plan.answers


def _step(value: str | None) -> Step | None:
    """The step a form was sent from or a link asks for; anything else is ignored, not an error."""
    return Step._value2member_map_.get(value or "")  # type: ignore[return-value]


def _required_message(name: str) -> str:
    if name == "observed":
        return _("Tick at least one box – choose “Something else” if nothing in the list fits.")
    if name == "district":
        return _("Choose an area from the list.")
    return _("Choose one of the options.")


def read_answers(query: QueryDict) -> Reading:
    """Check every value in the query and work out the plan.

    Errors, in the order of the steps: a value outside the vocabulary, then a question
    on the submitted step left unanswered. Errors about questions the plan does not
    ask (a workplace for a role that has only one) are not shown.
    """
    form = AnswersForm(query)
    form.is_valid()
    errors: dict[str, list[str]] = {
        name: [str(m) for m in messages] for name, messages in form.errors.items()}
    interview = plan(form.answers(), municipality=selectors.municipality())
    submitted, requested = _step(query.get("step")), _step(query.get("show"))
    asked = {name for fields in interview.fields.values() for name in fields}
    errors = {name: messages for name, messages in errors.items() if name in asked}
    if submitted is not None and submitted in interview.fields:
        for name in interview.fields[submitted]:
            if name not in errors and not interview.answers.has(name):
                errors[name] = [_required_message(name)]
    order = {name: i for i, name in enumerate(FIELD_STEP)}
    errors = dict(sorted(errors.items(), key=lambda item: order.get(item[0], len(order))))
    return Reading(plan=interview, errors=errors, submitted=submitted, requested=requested)


# --- what a step shows ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Option:
    value: str
    label: str
    hint: str
    checked: bool
    id: str


@dataclass(frozen=True, slots=True)
class OptionGroup:
    label: str
    options: tuple[Option, ...]


@dataclass(frozen=True, slots=True)
class Prompt(FieldIds):
    """One question on a step: a fieldset of radios or checkboxes, or the district's list."""

    name: str
    kind: str  # "radio", "checkbox" or "select"
    legend: str
    hint: str
    options: tuple[Option, ...]
    groups: tuple[OptionGroup, ...]
    errors: tuple[str, ...]


def _option(name: str, value: str, label: str, hint: str, selected: object) -> Option:
    if isinstance(selected, frozenset):
        checked = value in selected
    else:
        checked = selected is not None and str(selected) == value
    return Option(value=value, label=label, hint=hint, checked=checked, id=f"{name}-{value}")


def _raw(query: Mapping[str, Any], name: str) -> str:
    value = query.get(name, "")
    return value if isinstance(value, str) else ""


def district_legend(role: Role | None) -> str:
    """Staff turn to the district they work in (4.5); a relative to the one the young person lives in."""
    if role is Role.RELATIVE:
        return _("Where does the young person live?")
    return _("Which district do you work in?")


def _prompt_parts(
    name: str, reading: Reading, query: Mapping[str, Any]
) -> tuple[str, str, list[Option], list[OptionGroup]]:
    """(kind, hint, options, groups) of one question."""
    a = reading.answers
    if name == "role":
        options = [_option(name, r.value, str(ROLE_LABELS[r]), "", a.role) for r in Role]
        return "radio", _("Choose what fits best. It decides where the guideline sends you."), options, []
    if name == "workplace":
        allowed = ROLE_WORKPLACES[a.role] if a.role is not None else tuple(Workplace)
        options = [_option(name, w.value, str(WORKPLACE_LABELS[w]), str(WORKPLACE_HINTS.get(w, "")),
                           a.workplace) for w in allowed]
        return "radio", _("It decides which secrecy rules apply to you."), options, []
    if name == "district":
        selected = a.district if a.district is not None else _raw(query, name)
        groups = []
        for group in selectors.district_groups(_("%(name)s – the whole district")):
            opts = tuple(_option(name, o.value, o.label, "", selected) for o in group.options)
            groups.append(OptionGroup(group.label, opts))
        example = selectors.example_neighbourhood()
        hint = (_("Choose the district or the neighbourhood, for example %(example)s.") % {"example": example}
                if example else _("Choose the district."))
        return "select", hint, [], groups
    if name == "age":
        options = [_option(name, b.value, str(AGE_LABELS[b]), "", a.age) for b in AgeBand]
        return "radio", _("Choose an age band. Never give a name."), options, []
    if name == "observed":
        options = [_option(name, v, str(CATEGORY_LABELS[v]), str(CATEGORY_HINTS.get(v, "")), a.observed)
                   for v in OBSERVED_CHOICES]
        return "checkbox", _("Tick everything that fits. Write nothing about the person here."), options, []
    if name == "seriousness":
        options = [_option(name, s.value, str(SERIOUSNESS_LABELS[s]), str(SERIOUSNESS_HINTS.get(s, "")),
                           a.seriousness) for s in Seriousness]
        return "radio", "", options, []
    raise ValueError(f"no question for the field {name!r}")


def prompts_for(step: Step, reading: Reading, query: Mapping[str, Any]) -> list[Prompt]:
    """The questions of one step, with the current answers filled in and their errors."""
    prompts = []
    for name in reading.plan.fields.get(step, ()):
        kind, hint, options, groups = _prompt_parts(name, reading, query)
        legend = district_legend(reading.answers.role) if name == "district" else str(QUESTION_LABELS[name])
        prompts.append(Prompt(name=name, kind=kind, legend=legend, hint=hint, options=tuple(options),
                              groups=tuple(groups), errors=tuple(reading.errors.get(name, ()))))
    return prompts


# --- the answers in words ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SummaryRow:
    name: str
    label: str
    value: str
    step: Step
    lang: str | None = None  # "sv" for the Swedish name of a place on an English page


def summary_rows(reading_plan: Plan, *, leave_out: Step | None = None) -> list[SummaryRow]:
    """The answers given, in words, one row per question asked, for the page."""
    a = reading_plan.answers
    rows: list[SummaryRow] = []
    for step in reading_plan.steps:
        if step is leave_out:
            continue
        for name in reading_plan.fields[step]:
            if not a.has(name):
                continue
            lang: str | None = None
            if name == "role":
                value = str(ROLE_LABELS[a.role])  # type: ignore[index]
            elif name == "workplace":
                value = str(WORKPLACE_LABELS[a.workplace])  # type: ignore[index]
            elif name == "district":
                value, lang = selectors.district_label(a.district or ""), "sv"
            elif name == "age":
                value = str(AGE_LABELS[a.age])  # type: ignore[index]
            elif name == "observed":
                value = "; ".join(str(CATEGORY_LABELS[v]) for v in OBSERVED_CHOICES if v in a.observed)
            else:
                value = str(SERIOUSNESS_LABELS[a.seriousness])  # type: ignore[index]
            rows.append(SummaryRow(name=name, label=str(SUMMARY_LABELS[name]), value=value, step=step,
                                   lang=lang))
    return rows
