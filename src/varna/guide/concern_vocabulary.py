"""What the concern interview asks: who is worried, about whom, what was seen, how serious.

The guideline speaks to a worried teacher, youth leader, field worker or relative and
answers "where do I turn?" per prevention level (sections 2.4, 3.4 and 4.5). The
interview therefore needs exactly four kinds of answer, each a closed vocabulary so
that nothing identifying – never a name, never free text – enters the routing:

* who you are: a :class:`~varna.guide.model.Role`, the kind of workplace (which
  decides how the secrecy law sees you) and the district you work in;
* the young person's age band, because the duty to report ends at 18 and several
  secrecy-breaking provisions at 21;
* the norm-breaking behaviours observed, named as the guideline names them;
* how serious it is, which decides whether the guideline's indicated level – risk to
  someone's life, health or development – is reached, and whether to call 112 first.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from types import MappingProxyType
from typing import NamedTuple

from varna.guide.model import Role
from varna.law import Actor


class ConcernError(ValueError):
    """A concern the guide cannot route; ``field`` names the answer to correct."""

    def __init__(self, field: str, message_sv: str) -> None:
        super().__init__(f"{field}: {message_sv}")
        self.field = field
        self.message_sv = message_sv


class Workplace(StrEnum):
    """The kind of workplace – what the secrecy law needs to know about the person asking.

    A role says what you do; the workplace says under which rules you do it. A youth
    leader at a municipal youth centre is "local leisure activities" to the law, one
    in a football club is a private party; a school nurse and a school counsellor are
    both student health but in branches with different secrecy.
    """

    SCHOOL = "school"
    STUDENT_HEALTH = "student_health"
    MEDICAL_STUDENT_HEALTH = "medical_student_health"
    LEISURE = "leisure"
    OTHER_MUNICIPAL = "other_municipal"
    ASSOCIATION = "association"
    SOCIAL_SERVICES = "social_services"
    POLICE = "police"
    HOME = "home"


class WorkplaceLaw(NamedTuple):
    """How the secrecy engine sees a workplace: its actor kind, and whether that is our assumption."""

    actor: Actor
    assumption_sv: str = ""


WORKPLACE_LAW: MappingProxyType[Workplace, WorkplaceLaw] = MappingProxyType({
    Workplace.SCHOOL: WorkplaceLaw(Actor.SCHOOL_STAFF),
    Workplace.STUDENT_HEALTH: WorkplaceLaw(Actor.SCHOOL_HEALTH_OTHER),
    Workplace.MEDICAL_STUDENT_HEALTH: WorkplaceLaw(Actor.SCHOOL_HEALTH_MEDICAL),
    # The law's vocabulary counts youth centres and field workers to local leisure.
    Workplace.LEISURE: WorkplaceLaw(Actor.LEISURE),
    # Culture, libraries, area development: the rule base has no actor kind of their own.
    # Like local leisure they have only the minimum protection of OSL chapter 21, so the
    # answers treat them as leisure – and say so.
    Workplace.OTHER_MUNICIPAL: WorkplaceLaw(
        Actor.LEISURE,
        "Värnas regelbas har ingen egen aktörstyp för din verksamhet. Där gäller, som i den lokala "
        "fritidsverksamheten, bara minimiskyddet i 21 kap. OSL, så svaren om sekretess räknar dig som "
        "fritidsverksamhet i en egen nämnd – en annan myndighet än alla kontaktvägarna. Kontrollera "
        "med din förvaltning.",
    ),
    Workplace.ASSOCIATION: WorkplaceLaw(Actor.PRIVATE),
    Workplace.SOCIAL_SERVICES: WorkplaceLaw(Actor.SOCIAL_SERVICES),
    Workplace.POLICE: WorkplaceLaw(Actor.POLICE),
    Workplace.HOME: WorkplaceLaw(Actor.PRIVATE),
})

# The workplaces each role can have; the first is the usual one. A role with one
# workplace is not asked about it.
ROLE_WORKPLACES: MappingProxyType[Role, tuple[Workplace, ...]] = MappingProxyType({
    Role.SCHOOL_STAFF_COMPULSORY: (Workplace.SCHOOL,),
    Role.SCHOOL_STAFF_UPPER_SECONDARY: (Workplace.SCHOOL,),
    Role.STUDENT_HEALTH: (Workplace.STUDENT_HEALTH, Workplace.MEDICAL_STUDENT_HEALTH),
    Role.LEISURE_STAFF: (Workplace.LEISURE, Workplace.ASSOCIATION),
    Role.FIELD_WORKER: (Workplace.LEISURE,),
    Role.CULTURE_WORKER: (Workplace.OTHER_MUNICIPAL, Workplace.ASSOCIATION),
    Role.CIVIL_SOCIETY: (Workplace.ASSOCIATION,),
    Role.SOCIAL_SERVICES: (Workplace.SOCIAL_SERVICES,),
    Role.POLICE: (Workplace.POLICE,),
    Role.OTHER_STAFF: (Workplace.OTHER_MUNICIPAL, Workplace.ASSOCIATION),
    Role.RELATIVE: (Workplace.HOME,),
})


class AgeBand(StrEnum):
    """The young person's age, as a band – never a name, never a birth date.

    The bands end where the law changes: the duty to report concerns children under
    18 (SoL 14:1), and OSL 10:18a reaches young people under 21. Within a band every
    age gets the same answer, so nothing finer is asked.
    """

    UNDER_12 = "under_12"
    AGE_12_14 = "12_14"
    AGE_15_17 = "15_17"
    AGE_18_20 = "18_20"
    AGE_21_25 = "21_25"
    UNKNOWN = "unknown"

    @property
    def low(self) -> int | None:
        return _BAND_LIMITS[self][0]

    @property
    def high(self) -> int | None:
        return _BAND_LIMITS[self][1]

    @property
    def age_for_law(self) -> int | None:
        """An age that answers like every age in the band (``None`` when unknown)."""
        return self.high

    @property
    def is_child(self) -> bool | None:
        """Under 18? ``None`` when the age is unknown."""
        return None if self.high is None else self.high < 18


_BAND_LIMITS: dict[AgeBand, tuple[int | None, int | None]] = {
    AgeBand.UNDER_12: (0, 11),
    AgeBand.AGE_12_14: (12, 14),
    AgeBand.AGE_15_17: (15, 17),
    AgeBand.AGE_18_20: (18, 20),
    AgeBand.AGE_21_25: (21, 25),
    AgeBand.UNKNOWN: (None, None),
}


class Category(StrEnum):
    """What you have seen or heard: the norm-breaking behaviours the guideline names.

    Section 2 lists vandalism and arson, bullying, damage, drug misuse, crime,
    anti-democratic values and violence; section 4 names contact with violent
    extremist milieus, wanting to fight abroad and being pressured to be someone
    else. Violent extremist propaganda is not named as such; it is kept apart from
    anti-democratic values because the guideline's own definition of violent
    extremism turns on promoting violence (section 1) – see ``concern_levels``.
    """

    VANDALISM = "vandalism"
    BULLYING = "bullying"
    DRUGS = "drugs"
    CRIME = "crime"
    ANTI_DEMOCRATIC_VALUES = "anti_democratic_values"
    VIOLENCE = "violence"
    EXTREMIST_PROPAGANDA = "extremist_propaganda"
    EXTREMIST_CONTACTS = "extremist_contacts"
    WANTS_TO_FIGHT_ABROAD = "wants_to_fight_abroad"
    PRESSURED = "pressured"


class Seriousness(StrEnum):
    """How serious the concern is, from a general worry about a group to acute danger."""

    GENERAL = "general"  # about a group, an area or a phenomenon – no one person
    WORRIED = "worried"  # about a young person in your activity
    SERIOUS = "serious"  # the person risks their own or others' life, health or development
    IMMEDIATE_DANGER = "immediate_danger"  # someone's life or health is in danger now


@dataclass(frozen=True, slots=True)
class Concern:
    """One worried person's answers; nothing in it can identify the young person.

    ``district`` is a district id, a district name or a neighbourhood ("Rosengård");
    the municipality resolves it. ``None`` is accepted only for a municipality
    without districts.
    """

    role: Role
    workplace: Workplace
    district: str | None
    age_band: AgeBand
    observed: frozenset[Category]
    seriousness: Seriousness

    @property
    def about_an_individual(self) -> bool:
        return self.seriousness is not Seriousness.GENERAL
