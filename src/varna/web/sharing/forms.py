"""Reading the wizard's query, and the questions each step puts to the user.

Everything arrives in the query string: the earlier answers come back as hidden
fields, so any of them may have been edited by hand. Each value is checked against
the vocabulary here (a Django form, so every message is translated and names its
field); whether an answer still *applies* is then decided by ``wizard.plan``. A
tampered value is an error on the page, never a 500 and never silently used.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from django import forms
from django.http import QueryDict
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from varna.law import Actor, Consent, Fact, Information, QuestionError, Setting, parse_question
from varna.law.question import MAX_AGE
from varna.web.core.fields import FieldIds
from varna.web.sharing.selectors import (
    authorities_for,
    authority_name,
    delegating_authorities,
    earliest_date,
    vocabulary_label,
)
from varna.web.sharing.wizard import (
    FIELD_STEP,
    NO,
    NO_DELEGATION,
    STEP_FIELDS,
    UNSPECIFIED,
    YES,
    Answers,
    Plan,
    Step,
    plan,
    question_document,
)

CHOICE_ERRORS = {
    "invalid_choice": gettext_lazy("“%(value)s” is not one of the choices. Choose one of the options."),
    "invalid_list": gettext_lazy("Choose among the options."),
}
DATE_FORMAT_ERROR = gettext_lazy("Give the date as YYYY-MM-DD, for example 2016-02-01.")

# How each question is named: in the error summary, and as the legend of its fieldset.
QUESTION_LABELS: dict[str, Promise] = {
    "discloser": gettext_lazy("Where do you work?"),
    "recipient": gettext_lazy("Who would receive the information?"),
    "discloser_authority": gettext_lazy("Which authority do you belong to?"),
    "recipient_authority": gettext_lazy("Which authority does the recipient belong to?"),
    "discloser_delegated_by": gettext_lazy("Do you act on delegation from a district committee?"),
    "recipient_delegated_by": gettext_lazy("Does the recipient act on delegation from a district committee?"),
    "setting": gettext_lazy("How would you share it?"),
    "on_date": gettext_lazy("On what day would you share it?"),
    "information": gettext_lazy("What is the information about?"),
    "identifiable": gettext_lazy("Could anyone recognise the person from what you would say?"),
    "known_to_all_present": gettext_lazy("Does everyone who would hear it already know it?"),
    "subject_age": gettext_lazy("How old is the person?"),
    "consent": gettext_lazy("Has the person consented to this disclosure?"),
    "facts": gettext_lazy("Which of these apply?"),
}

# How each answer is named in the summary of the question and in the PDF record.
SUMMARY_LABELS: dict[str, Promise] = {
    "discloser": gettext_lazy("You work at"),
    "discloser_authority": gettext_lazy("Your authority"),
    "discloser_delegated_by": gettext_lazy("You act on delegation from"),
    "recipient": gettext_lazy("Recipient"),
    "recipient_authority": gettext_lazy("The recipient's authority"),
    "recipient_delegated_by": gettext_lazy("The recipient acts on delegation from"),
    "setting": gettext_lazy("How"),
    "on_date": gettext_lazy("Day"),
    "information": gettext_lazy("The information is about"),
    "identifiable": gettext_lazy("Can the person be recognised?"),
    "known_to_all_present": gettext_lazy("Does everyone present already know it?"),
    "subject_age": gettext_lazy("The person's age"),
    "consent": gettext_lazy("Consent"),
    "facts": gettext_lazy("Circumstances"),
}

STEP_TITLES: dict[Step, Promise] = {
    Step.DISCLOSER: gettext_lazy("Who are you?"),
    Step.RECIPIENT: gettext_lazy("Who would receive it?"),
    Step.ORGANISATION: gettext_lazy("Which authorities?"),
    Step.DELEGATION: gettext_lazy("On whose delegation?"),
    Step.SETTING: gettext_lazy("How and when?"),
    Step.INFORMATION: gettext_lazy("What kind of information?"),
    Step.PERSON: gettext_lazy("The person"),
    Step.FACTS: gettext_lazy("The circumstances"),
}

INFORMATION_HINTS: dict[Information, Promise] = {
    Information.PERSONAL_CIRCUMSTANCES: gettext_lazy(
        "Most of what you know about a person: family, home, school, leisure, behaviour, contacts with you."
    ),
    Information.HEALTH_OR_SEXUAL_LIFE: gettext_lazy(
        "Illness, injuries, treatment, mental health, sexual life."
    ),
    Information.CONTACT_DETAILS_UNDER_THREAT: gettext_lazy(
        "Address, phone number or similar for someone who is threatened or at risk of harm."
    ),
    Information.FOREIGN_NATIONAL_RISK: gettext_lazy(
        "Information that could expose a foreign national or someone close to them to abuse by a "
        "foreign power."
    ),
    Information.PUPIL_SUPPORT: gettext_lazy("Special support, pupil welfare and similar matters in school."),
    Information.SAFETY_AND_STUDY_PEACE: gettext_lazy(
        "Matters about safety and a calm learning environment in school, such as disciplinary measures."
    ),
    Information.PRELIMINARY_INVESTIGATION: gettext_lazy("Information from a preliminary investigation."),
    Information.CRIME_PREVENTION: gettext_lazy("Information from the police's crime-prevention work."),
    Information.POLICE_REGISTER: gettext_lazy("Information from a police register."),
    Information.SPECIAL_REGISTER: gettext_lazy("Information from a special register under absolute secrecy."),
    Information.CONTACT_BAN: gettext_lazy("A matter about a contact ban."),
}

SETTING_HINTS: dict[Setting, Promise] = {
    Setting.DIRECT: gettext_lazy("Only you and the recipient, for example in a phone call or a meeting."),
    Setting.COOPERATION_GROUP: gettext_lazy(
        "A meeting where several authorities or other parties are present, such as a cooperation group."
    ),
}


def _choices(values: Any) -> list[tuple[str, str]]:
    return [(str(v), str(v)) for v in values]


def _all_authorities() -> list[str]:
    ids: list[str] = []
    for actor in Actor:
        ids += [a.id for a in authorities_for(actor) if a.id not in ids]
    return ids


class AnswersForm(forms.Form):
    """Every answer the wizard can carry, each optional here; which are needed is the plan's call.

    Only the vocabulary is checked: that a value is one the wizard could have offered.
    """

    discloser = forms.ChoiceField(
        required=False, choices=_choices(a for a in Actor if a is not Actor.PRIVATE),
        error_messages=CHOICE_ERRORS,
    )
    recipient = forms.ChoiceField(required=False, choices=_choices(Actor), error_messages=CHOICE_ERRORS)
    discloser_authority = forms.ChoiceField(required=False, choices=(), error_messages=CHOICE_ERRORS)
    recipient_authority = forms.ChoiceField(required=False, choices=(), error_messages=CHOICE_ERRORS)
    discloser_delegated_by = forms.ChoiceField(required=False, choices=(), error_messages=CHOICE_ERRORS)
    recipient_delegated_by = forms.ChoiceField(required=False, choices=(), error_messages=CHOICE_ERRORS)
    setting = forms.ChoiceField(required=False, choices=_choices(Setting), error_messages=CHOICE_ERRORS)
    on_date = forms.DateField(
        required=False, input_formats=["%Y-%m-%d"], error_messages={"invalid": DATE_FORMAT_ERROR}
    )
    information = forms.ChoiceField(
        required=False, choices=_choices(Information), error_messages=CHOICE_ERRORS
    )
    identifiable = forms.ChoiceField(
        required=False, choices=_choices((YES, NO)), error_messages=CHOICE_ERRORS
    )
    known_to_all_present = forms.ChoiceField(
        required=False, choices=_choices((YES, NO)), error_messages=CHOICE_ERRORS
    )
    subject_age = forms.IntegerField(
        required=False,
        min_value=0,
        max_value=MAX_AGE,
        error_messages={
            "invalid": gettext_lazy("Give the age as a whole number of years, for example 15."),
            "min_value": gettext_lazy("Give an age between 0 and %(limit_value)s years."),
            "max_value": gettext_lazy("Give an age between 0 and %(limit_value)s years."),
        },
    )
    age_unknown = forms.ChoiceField(required=False, choices=_choices((YES,)), error_messages=CHOICE_ERRORS)
    consent = forms.ChoiceField(required=False, choices=_choices(Consent), error_messages=CHOICE_ERRORS)
    facts = forms.MultipleChoiceField(required=False, choices=_choices(Fact), error_messages=CHOICE_ERRORS)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        authorities = _choices([*_all_authorities(), UNSPECIFIED])
        delegations = _choices([NO_DELEGATION, *(a.id for a in delegating_authorities())])
        for side in ("discloser", "recipient"):
            self.fields[f"{side}_authority"].choices = authorities  # type: ignore[attr-defined]
            self.fields[f"{side}_delegated_by"].choices = delegations  # type: ignore[attr-defined]

    def clean_on_date(self) -> dt.date | None:
        day: dt.date | None = self.cleaned_data.get("on_date")
        earliest = earliest_date()
        if day is not None and day < earliest:
            raise forms.ValidationError(
                gettext_lazy(
                    "The rule base begins on %(earliest)s, when the Public Access to Information and "
                    "Secrecy Act came into force. Choose that day or a later one."
                ),
                params={"earliest": earliest.isoformat()},
            )
        return day

    def answers(self) -> Answers:
        """The valid answers; a field with an error counts as not answered."""
        data = self.cleaned_data

        def text(name: str) -> str | None:
            value = data.get(name)
            return str(value) if value else None

        def yes_no(name: str) -> bool | None:
            value = data.get(name)
            return None if not value else value == YES

        return Answers(
            discloser=Actor(v) if (v := text("discloser")) else None,
            recipient=Actor(v) if (v := text("recipient")) else None,
            discloser_authority=text("discloser_authority"),
            recipient_authority=text("recipient_authority"),
            discloser_delegated_by=text("discloser_delegated_by"),
            recipient_delegated_by=text("recipient_delegated_by"),
            setting=Setting(v) if (v := text("setting")) else None,
            on_date=data.get("on_date"),
            information=Information(v) if (v := text("information")) else None,
            identifiable=yes_no("identifiable"),
            known_to_all_present=yes_no("known_to_all_present"),
            subject_age=data.get("subject_age"),
            age_unknown=data.get("age_unknown") == YES,
            consent=Consent(v) if (v := text("consent")) else None,
            facts=frozenset(Fact(v) for v in data.get("facts") or ()),
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


def _question_error_field(field: str) -> str:
    """The wizard's field for a field named in a :class:`QuestionError` (``discloser.authority``…)."""
    name = field.split("[", 1)[0].replace(".actor", "").replace(".", "_")
    return name if name in FIELD_STEP else "discloser"


def question_error(exc: QuestionError) -> tuple[str, str]:
    """A QuestionError as (field, Swedish message); the engine's own wording is kept as a detail."""
    detail = exc.message + (f" ({', '.join(exc.allowed)})" if exc.allowed else "")
    return _question_error_field(exc.field), _("This answer cannot be used: %(detail)s.") % {"detail": detail}


def _required_message(name: str) -> str:
    if name == "subject_age":
        return _("Give the person's age, or tick that you do not know it.")
    if name == "on_date":
        return _("Give the day you would share the information, as YYYY-MM-DD.")
    return _("Choose one of the options.")


def read_answers(query: QueryDict, *, facts_submitted: bool) -> Reading:
    """Check every value in the query and work out the plan.

    Errors, in the order of the steps: a value outside the vocabulary; both an age and
    "I do not know the age"; a question on the submitted step left unanswered; and,
    once every step is answered, anything ``parse_question`` still refuses.
    """
    form = AnswersForm(query)
    form.is_valid()
    errors: dict[str, list[str]] = {}
    for name, messages in form.errors.items():
        field = "subject_age" if name == "age_unknown" else name
        errors.setdefault(field, []).extend(str(m) for m in messages)
    answers = form.answers()
    if answers.subject_age is not None and answers.age_unknown:
        errors.setdefault("subject_age", []).append(
            _("Give either the age or that you do not know it, not both.")
        )
        answers = replace(answers, subject_age=None, age_unknown=False)
    wizard_plan = plan(answers)
    submitted, requested = _step(query.get("step")), _step(query.get("show"))

    # Keep only errors about questions that are, or may yet be, asked.
    def asked(name: str) -> bool:
        step = FIELD_STEP[name]
        if step not in wizard_plan.steps:
            return False
        return step not in wizard_plan.determined or name in wizard_plan.fields.get(step, ())

    errors = {name: messages for name, messages in errors.items() if asked(name)}
    if submitted is not None and submitted is not Step.FACTS and submitted in wizard_plan.determined:
        for name in wizard_plan.fields.get(submitted, ()):
            if name not in errors and not wizard_plan.answers.has(name):
                errors[name] = [_required_message(name)]
    if not errors and wizard_plan.complete(facts_submitted=facts_submitted or submitted is Step.FACTS):
        try:
            parse_question(question_document(wizard_plan.answers))
        except QuestionError as exc:
            name, message = question_error(exc)
            errors[name] = [message]
    order = {name: i for i, name in enumerate(FIELD_STEP)}
    errors = dict(sorted(errors.items(), key=lambda item: order.get(item[0], len(order))))
    return Reading(plan=wizard_plan, errors=errors, submitted=submitted, requested=requested)


# --- what a step shows ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Option:
    value: str
    label: str
    hint: str
    checked: bool
    id: str
    lang: str | None = None  # set when the label is in another language than the page


@dataclass(frozen=True, slots=True)
class Prompt(FieldIds):
    """One question on a step: a fieldset of radios or checkboxes, a date, or the age."""

    name: str
    kind: str  # "radio", "checkbox", "date" or "age"
    legend: str
    hint: str
    options: tuple[Option, ...]
    value: str
    errors: tuple[str, ...]


def _option(
    name: str, value: str, label: str, hint: str, selected: object, lang: str | None = None
) -> Option:
    if isinstance(selected, frozenset):
        checked = value in {str(v) for v in selected}
    else:
        checked = selected is not None and str(selected) == value
    return Option(value=value, label=label, hint=hint, checked=checked, id=f"{name}-{value}", lang=lang)


def _yes_no(value: bool | None) -> str | None:
    return None if value is None else (YES if value else NO)


def _raw(query: Mapping[str, Any], name: str) -> str:
    """What the user typed, so a rejected value is shown back for correction."""
    value = query.get(name, "")
    return value if isinstance(value, str) else ""


def _prompt_parts(
    name: str, reading: Reading, query: Mapping[str, Any]
) -> tuple[str, list[Option], str, str]:
    """(kind, options, hint, value) of one question; the legend and errors are the same for all."""
    p, a = reading.plan, reading.answers
    has_errors = name in reading.errors
    if name in ("discloser", "recipient"):
        actors = [x for x in Actor if name == "recipient" or x is not Actor.PRIVATE]
        options = [_option(name, x.value, capfirst(vocabulary_label("actors", x.value, long=True)), "",
                           getattr(a, name)) for x in actors]
        if name == "discloser":
            return "radio", options, _("Choose where you work with the young person."), ""
        return "radio", options, _(
            "A private person, an association or another body outside the public sector is a private "
            "party."), ""
    if name in ("discloser_authority", "recipient_authority"):
        actor: Actor = getattr(a, name.split("_")[0])
        options = [_option(name, x.id, x.name, "", getattr(a, name), lang="sv")
                   for x in authorities_for(actor)]
        options.append(_option(name, UNSPECIFIED, _("I do not know"), _(
            "Värna then assumes the usual organisation of the municipality."), getattr(a, name)))
        hint = _("%(actor)s. Each district committee is its own authority in matters of secrecy.") % {
            "actor": capfirst(vocabulary_label("actors", actor.value))}
        return "radio", options, hint, ""
    if name in ("discloser_delegated_by", "recipient_delegated_by"):
        options = [_option(name, NO_DELEGATION, _("No, not on delegation"), "", getattr(a, name))]
        options += [_option(name, x.id, _("Yes, on delegation from %(name)s") % {"name": x.name}, "",
                            getattr(a, name)) for x in delegating_authorities()]
        return "radio", options, _(
            "The social resources administration sometimes acts on behalf of a district committee; the "
            "information then belongs to that committee."), ""
    if name == "setting":
        options = [_option(name, x.value, capfirst(vocabulary_label("settings", x.value)),
                           str(SETTING_HINTS[x]), a.setting) for x in Setting]
        return "radio", options, "", ""
    if name == "on_date":
        value = _raw(query, name) if has_errors else (a.on_date or timezone.localdate()).isoformat()
        hint = _("The answer follows the law in force on that day. Today's date is filled in.")
        return "date", [], hint, value
    if name == "information":
        options = [_option(name, x.value, capfirst(vocabulary_label("information", x.value)),
                           str(INFORMATION_HINTS[x]), a.information) for x in p.information_choices]
        return "radio", options, "", ""
    if name == "identifiable":
        recognisable = _yes_no(a.identifiable)
        options = [
            _option(name, YES, _("Yes, the person can be recognised"), "", recognisable),
            _option(name, NO, _("No, the description is truly de-identified"), "", recognisable),
        ]
        return "radio", options, _(
            "Answer no only if nobody present could work out who it is – not even from age, school, "
            "neighbourhood or an unusual event."), ""
    if name == "known_to_all_present":
        known = _yes_no(a.known_to_all_present)
        options = [
            _option(name, YES, _("Yes, everyone already knows it"), "", known),
            _option(name, NO, _("No, or I am not sure"), "", known),
        ]
        return "radio", options, "", ""
    if name == "subject_age":
        if has_errors:
            value = _raw(query, "subject_age")
        else:
            value = "" if a.subject_age is None else str(a.subject_age)
        unknown = Option(value=YES, label=_("I do not know the person's age"), hint="", checked=a.age_unknown,
                         id="age_unknown")
        return "age", [unknown], _("Several provisions apply only to people under 18 or under 21."), value
    if name == "consent":
        options = [_option(name, x.value, capfirst(vocabulary_label("consent", x.value)), "", a.consent)
                   for x in Consent]
        return "radio", options, _(
            "For a child, the guardians consent; the older the child, the more their own view counts."), ""
    if name == "facts":
        options = []
        for fact, provisions in p.facts.items():
            cited = ", ".join(dict.fromkeys(pr.label for pr in provisions))
            hint = _("Matters for: %(provisions)s") % {"provisions": cited}
            options.append(_option(name, fact.value, vocabulary_label("facts", fact.value), hint, a.facts))
        return "checkbox", options, _(
            "Tick only what you know to be true. Each item is a condition in a provision that could apply "
            "here. Leave the rest unticked."), ""
    raise ValueError(f"no question for the field {name!r}")


def prompts_for(step: Step, reading: Reading, query: Mapping[str, Any]) -> list[Prompt]:
    """The questions of one step, with the current answers filled in and their errors."""
    prompts = []
    for name in reading.plan.fields.get(step, ()):
        kind, options, hint, value = _prompt_parts(name, reading, query)
        errors = tuple(reading.errors.get(name, ()))
        prompts.append(Prompt(name=name, kind=kind, legend=str(QUESTION_LABELS[name]), hint=hint,
                              options=tuple(options), value=value, errors=errors))
    return prompts


# --- the question in words -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SummaryRow:
    name: str
    label: str
    value: str
    step: Step
    lang: str | None = None  # "sv" for the Swedish names of authorities on an English page


def _authority_text(value: str | None) -> tuple[str, str | None]:
    if value in (None, UNSPECIFIED):
        return _("Not specified (the usual organisation)"), None
    return authority_name(value), "sv"


def summary_rows(
    reading_plan: Plan, *, facts_answered: bool, leave_out: Step | None = None
) -> list[SummaryRow]:
    """The answers given, in words, one row per field asked – for the page and the PDF.

    The circumstances are shown once they were answered (on the answer page, or when
    some were ticked), never as "none" before the user reached them. ``leave_out`` is
    the step on screen, whose answers are in the form itself.
    """
    a = reading_plan.answers
    rows: list[SummaryRow] = []
    for step in reading_plan.steps:
        if step not in reading_plan.determined or step is leave_out:
            continue
        for name in reading_plan.fields.get(step, ()):
            lang: str | None = None
            if name == "facts":
                if not (facts_answered or a.facts):
                    continue
                value = "; ".join(vocabulary_label("facts", f.value) for f in Fact if f in a.facts) or _(
                    "None of the circumstances asked about")
            elif not a.has(name):
                continue
            elif name in ("discloser", "recipient"):
                value = capfirst(vocabulary_label("actors", getattr(a, name).value))
            elif name.endswith("_authority"):
                value, lang = _authority_text(getattr(a, name))
            elif name.endswith("_delegated_by"):
                delegated = getattr(a, name)
                if delegated == NO_DELEGATION:
                    value = _("Not on delegation")
                else:
                    value, lang = authority_name(delegated), "sv"
            elif name == "setting":
                value = capfirst(vocabulary_label("settings", a.setting.value))  # type: ignore[union-attr]
            elif name == "on_date":
                value = a.on_date.isoformat()  # type: ignore[union-attr]
            elif name == "information":
                value = capfirst(vocabulary_label("information", a.information.value))  # type: ignore[union-attr]
            elif name in ("identifiable", "known_to_all_present"):
                value = _("Yes") if getattr(a, name) else _("No")
            elif name == "subject_age":
                value = _("Unknown") if a.subject_age is None else ngettext(
                    "%(age)d year", "%(age)d years", a.subject_age) % {"age": a.subject_age}
            elif name == "consent":
                value = capfirst(vocabulary_label("consent", a.consent.value))  # type: ignore[union-attr]
            else:
                value = str(getattr(a, name))
            rows.append(SummaryRow(name=name, label=str(SUMMARY_LABELS[name]), value=value, step=step,
                                   lang=lang))
    return rows


def step_fields(step: Step) -> tuple[str, ...]:
    """Every query field a step can carry (the age's "I do not know" included)."""
    names = STEP_FIELDS[step]
    return (*names, "age_unknown") if step is Step.PERSON else names
