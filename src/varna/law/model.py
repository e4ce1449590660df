"""The vocabulary of the secrecy engine: who, to whom, where, what, and the answer.

These names are the public contract (``shared/contracts/assessment.md``). They are
plain enums and frozen dataclasses so that a question can be hashed, compared and
evaluated many thousands of times a second without any framework underneath.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import NamedTuple


class Actor(StrEnum):
    """Kinds of holders and receivers of information, named as in the contract."""

    SOCIAL_SERVICES = "social_services"
    SCHOOL_HEALTH_MEDICAL = "school_health_medical"
    SCHOOL_HEALTH_OTHER = "school_health_other"
    SCHOOL_STAFF = "school_staff"
    LEISURE = "leisure"
    SAFETY_UNIT = "safety_unit"
    POLICE = "police"
    SECURITY_POLICE = "security_police"
    PRIVATE = "private"

    @property
    def is_authority(self) -> bool:
        """A private person or association is never an authority (matters for OSL 10:27)."""
        return self is not Actor.PRIVATE


class Setting(StrEnum):
    """Said in a group with several parties, or to the recipient alone ("i enrum")."""

    DIRECT = "direct"
    COOPERATION_GROUP = "cooperation_group"


class Information(StrEnum):
    """What the information is about; decides which secrecy provision can protect it."""

    PERSONAL_CIRCUMSTANCES = "personal_circumstances"
    HEALTH_OR_SEXUAL_LIFE = "health_or_sexual_life"
    CONTACT_DETAILS_UNDER_THREAT = "contact_details_under_threat"
    FOREIGN_NATIONAL_RISK = "foreign_national_risk"
    PUPIL_SUPPORT = "pupil_support"
    SAFETY_AND_STUDY_PEACE = "safety_and_study_peace"
    PRELIMINARY_INVESTIGATION = "preliminary_investigation"
    CRIME_PREVENTION = "crime_prevention"
    POLICE_REGISTER = "police_register"
    SPECIAL_REGISTER = "special_register"
    CONTACT_BAN = "contact_ban"


class Consent(StrEnum):
    NONE = "none"
    ORAL = "oral"
    WRITTEN = "written"


class Fact(StrEnum):
    """Circumstances the user asserts; each maps to a condition in a provision."""

    RISK_OF_CRIMINAL_ACTIVITY = "risk_of_criminal_activity"
    HELPS_PREVENT = "helps_prevent"
    INAPPROPRIATE_GIVEN_INTERVENTIONS = "inappropriate_given_interventions"
    IMMINENT_SERIOUS_RISK = "imminent_serious_risk"
    CAUGHT_COMMITTING_CRIME = "caught_committing_crime"
    NEEDED_FOR_IMMEDIATE_INTERVENTION = "needed_for_immediate_intervention"
    CHILD_MAY_BE_SUFFERING = "child_may_be_suffering"
    NECESSARY_FOR_OWN_TASKS = "necessary_for_own_tasks"
    NO_HARM_EVIDENT = "no_harm_evident"
    HARM_EXPECTED = "harm_expected"
    # Added for OSL 10:18c (in force 2021-08-01); not part of the 2015 base.
    RISK_OF_SERIOUS_CRIME_AGAINST_FAMILY_MEMBER = "risk_of_serious_crime_against_family_member"


class Outcome(StrEnum):
    ALLOWED = "allowed"
    ALLOWED_AFTER_ASSESSMENT = "allowed_after_assessment"
    NOT_ALLOWED = "not_allowed"
    OBLIGED = "obliged"


class Participation(StrEnum):
    PARTICIPATE = "participate"
    LISTEN_ONLY = "listen_only"


@dataclass(frozen=True, slots=True)
class Party:
    """One side of a disclosure: an actor kind and, optionally, the authority it belongs to.

    ``delegated_by`` names the district committee on whose delegation the social
    resources administration acts; the information then belongs to that committee.
    """

    actor: Actor
    authority: str | None = None
    delegated_by: str | None = None


@dataclass(frozen=True, slots=True)
class Question:
    on_date: dt.date
    discloser: Party
    recipient: Party
    setting: Setting = Setting.DIRECT
    information: Information = Information.PERSONAL_CIRCUMSTANCES
    identifiable: bool = True
    known_to_all_present: bool = False
    subject_age: int | None = None
    consent: Consent = Consent.NONE
    facts: frozenset[Fact] = frozenset()
    ignored_fields: tuple[str, ...] = ()


class TraceStep(NamedTuple):
    """One rule tried: which, on what provision, whether it applied and why.

    A named tuple rather than a frozen dataclass: the engine builds a dozen per
    decision, and tuples are much cheaper to create.
    """

    rule: str
    provision: str | None
    applied: bool
    reason: str

    def as_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "provision": self.provision,
            "applied": self.applied,
            "reason": self.reason,
        }


@dataclass(frozen=True, slots=True)
class Decision:
    outcome: Outcome
    participation: Participation | None
    provisions: tuple[str, ...]
    explanation: str
    trace: tuple[TraceStep, ...]
    warnings: tuple[str, ...]
    rulebase: str
    on_date: dt.date
    rulebase_reviewed_on: dt.date
    extra: dict[str, object] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        """The contract's JSON shape, plus the answering date and review date."""
        return {
            "outcome": self.outcome.value,
            "participation": self.participation.value if self.participation else None,
            "provisions": list(self.provisions),
            "explanation": self.explanation,
            "trace": [step.as_dict() for step in self.trace],
            "warnings": list(self.warnings),
            "rulebase": self.rulebase,
            "rulebase_reviewed_on": self.rulebase_reviewed_on.isoformat(),
            "on_date": self.on_date.isoformat(),
        }
