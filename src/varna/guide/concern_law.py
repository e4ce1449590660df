"""The secrecy engine's answers for a worried person: the duty to report and what each contact may hear.

Two questions from the guideline need the law, not the organisation chart:

* "Kommunala verksamheters medarbetare har i många fall anmälningsplikt ... Oro
  räcker. Även privatpersoner kan anmäla" (section 4). Whether *you* have the duty is
  the engine's call (OSL 10:28 with SoL 14:1): it is asked with your actor kind as
  discloser, the social services of your district as recipient, and the fact that a
  child may be suffering.
* What you may tell each contact. The engine is asked, per contact, whether your
  actor kind may tell its unit about the young person's personal circumstances,
  directly ("i enrum"), identifiably and without consent – the situation of a phone
  call – and once more for health or sexual life, the information even local leisure
  must guard (OSL 21:1). The answers come from the municipality's own organisation
  (``engine_for``), so a municipality with other boundaries gets other answers.

Nothing here decides the law; it asks the engine and words the answer in one Swedish
sentence, keeping the engine's citations and explanation alongside.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from varna.guide.concern_vocabulary import WORKPLACE_LAW, AgeBand, Concern, Workplace
from varna.guide.lawbridge import engine_for
from varna.guide.model import District, Municipality, Unit
from varna.law import Actor, Consent, Decision, Fact, Information, Outcome, Party, Question, Setting
from varna.law.organisation import Relation

YES, NO = "yes", "no"
# The authority of a workplace the rule base has no actor kind for ("another municipal
# activity"): a committee of its own, so that every contact is another authority to it.
OWN_COMMITTEE = "egen-namnd"


@dataclass(frozen=True, slots=True)
class YourParty:
    """You, as the secrecy engine sees you, and what that view assumes."""

    workplace: Workplace
    party: Party
    authority_name_sv: str
    assumptions_sv: tuple[str, ...]

    @property
    def actor(self) -> Actor:
        return self.party.actor


def _your_unit(
    municipality: Municipality, actor: Actor, district: District | None, preferred: frozenset[str]
) -> tuple[Unit | None, bool]:
    """The unit you most likely work in: same actor kind, your district or none, preferring the
    authorities that hold your role's own contacts. The flag says whether another authority was
    equally likely, so the answer must say it assumed one."""
    ranked: list[tuple[tuple[int, int, int], Unit]] = []
    for position, unit in enumerate(municipality.units):
        if unit.actor is not actor or unit.actor_assumed:
            continue
        if unit.district is not None and (district is None or unit.district != district.id):
            continue
        rank = (0 if unit.district is not None else 1, 0 if unit.authority in preferred else 1, position)
        ranked.append((rank, unit))
    if not ranked:
        return None, False
    ranked.sort(key=lambda item: item[0])
    best_rank, best = ranked[0]
    rivals = {u.authority for rank, u in ranked if rank[:2] == best_rank[:2]}
    return best, len(rivals) > 1


def your_party(
    concern: Concern, *, municipality: Municipality, district: District | None, preferred: frozenset[str]
) -> YourParty:
    """Your actor kind from the workplace, and your authority from the municipality's units.

    ``preferred`` are the authorities of the contacts that serve your role; they tell
    a compulsory-school teacher's committee from an upper-secondary teacher's.
    """
    law = WORKPLACE_LAW[concern.workplace]
    assumptions = [law.assumption_sv] if law.assumption_sv else []
    if law.actor is Actor.PRIVATE:
        return YourParty(concern.workplace, Party(Actor.PRIVATE), "", ())
    if law.assumption_sv:
        # The actor kind is borrowed, so no unit of the file is really yours; left without an
        # authority, the engine would place you in the same committee as local leisure.
        return YourParty(concern.workplace, Party(law.actor, OWN_COMMITTEE), "", tuple(assumptions))
    unit, ambiguous = _your_unit(municipality, law.actor, district, preferred)
    if unit is None:
        assumptions.append(
            f"{municipality.name_sv} har ingen enhet av ditt slag i kommunens beskrivning, så svaren om "
            "sekretess vet inte vilken nämnd du hör till."
        )
        return YourParty(concern.workplace, Party(law.actor, None), "", tuple(assumptions))
    name = municipality.authority(unit.authority).name_sv
    if ambiguous:
        assumptions.append(
            f"Svaren om sekretess utgår från att du hör till {name}. Hör du till en annan nämnd kan "
            "svaren bli andra."
        )
    return YourParty(concern.workplace, unit.party, name, tuple(assumptions))


# --- the duty to report ---------------------------------------------------------------


class DutyStatus(StrEnum):
    OBLIGED = "obliged"  # you must report: your concern is that a child may be suffering
    OBLIGED_IF_SUFFERING = "obliged_if_suffering"  # you must, once you suspect a child is suffering
    MAY_REPORT = "may_report"  # no legal duty, but anyone may report
    NOT_A_CHILD = "not_a_child"  # 18 or older: the duty concerns children
    NO_INDIVIDUAL = "no_individual"  # a general concern: a report concerns one child
    WITHIN_SOCIAL_SERVICES = "within_social_services"  # you work where reports are received


GUIDELINE_DUTY = "Riktlinjen avsnitt 4"


@dataclass(frozen=True, slots=True)
class DutyToReport:
    """Whether you must report to social services, in words, with its legal basis.

    ``citations`` are the provisions the engine rested on (OSL 10:28 and the duty in
    force that day, SoL 14:1 in 2015); ``guideline`` the guideline's own words.
    ``decision`` is the engine's full answer, ``None`` for a general concern, and
    ``warnings_sv`` what it warns of (the duty is never a reason to raise a child in a
    group; a paragraph of a new law not yet verified).
    """

    status: DutyStatus
    summary_sv: str
    how_sv: str
    citations: tuple[str, ...]
    guideline_sv: str
    recipient: Unit | None
    decision: Decision | None
    warnings_sv: tuple[str, ...] = ()

    @property
    def obliged(self) -> bool:
        return self.status in (DutyStatus.OBLIGED, DutyStatus.OBLIGED_IF_SUFFERING)


def district_social_services(municipality: Municipality, district: District | None) -> Unit | None:
    """The social services a report goes to: the district's own, else the municipality's.

    A unit of an authority that acts on another's delegation (Malmö's social resources
    administration, where Plattform Malmö is) is not the committee a report is made to.
    """
    delegated = set(municipality.delegation.to) if municipality.delegation else set()
    social = [u for u in municipality.units
              if u.actor is Actor.SOCIAL_SERVICES and u.authority not in delegated]
    if district is not None:
        own = [u for u in social if u.district == district.id]
        if own:
            return own[0]
    common = [u for u in social if u.district is None]
    return common[0] if common else None


def _question(
    *, on_date: dt.date, you: Party, to: Party, age_band: AgeBand, information: Information,
    facts: frozenset[Fact],
) -> Question:
    return Question(
        on_date=on_date, discloser=you, recipient=to, setting=Setting.DIRECT, information=information,
        identifiable=True, subject_age=age_band.age_for_law, consent=Consent.NONE, facts=facts,
    )


def _duty_citations(decision: Decision, municipality: Municipality, on_date: dt.date) -> tuple[str, ...]:
    """OSL 10:28 and the duty provisions in force, as the engine cited them."""
    rules = engine_for(municipality).rulebase.rules_for(on_date)
    wanted = {p.citation for p in rules.duties if p.kind == "duty"}
    wanted |= {p.citation for p in rules.exceptions if p.outcome is Outcome.OBLIGED}
    return tuple(c for c in decision.provisions if c in wanted)


def duty_to_report(
    concern: Concern, *, you: YourParty, municipality: Municipality, district: District | None,
    level_is_universal: bool, on_date: dt.date,
) -> DutyToReport:
    """Ask the engine whether you must report, and say it as the guideline does ("oro räcker")."""
    recipient = district_social_services(municipality, district)
    where = recipient.name_sv if recipient is not None else "socialtjänsten"
    how = (
        f"Anmäl direkt till {where} – per telefon eller skriftligt. Anmälan går direkt dit, aldrig via "
        "en samverkansgrupp."
    )
    if not concern.about_an_individual:
        return DutyToReport(
            DutyStatus.NO_INDIVIDUAL,
            "En anmälan gäller ett visst barn. Din oro gäller en grupp eller ett område, så frågan om "
            "anmälan uppstår först om du blir orolig för att ett visst barn far illa – då räcker oron.",
            how, (), GUIDELINE_DUTY, recipient, None)
    if recipient is None:
        return DutyToReport(
            DutyStatus.MAY_REPORT,
            f"{municipality.name_sv} har ingen socialtjänst i kommunens beskrivning, så Värna kan inte "
            "pröva anmälningsskyldigheten. Fråga din chef vart en anmälan ska göras.",
            "", (), GUIDELINE_DUTY, None, None)
    decision = engine_for(municipality).assess(_question(
        on_date=on_date, you=you.party, to=recipient.party, age_band=concern.age_band,
        information=Information.PERSONAL_CIRCUMSTANCES, facts=frozenset({Fact.CHILD_MAY_BE_SUFFERING}),
    ))
    citations = _duty_citations(decision, municipality, on_date)
    relation = engine_for(municipality).organisation.relate(you.party, recipient.party).relation
    if relation is Relation.SAME_BRANCH:
        return DutyToReport(
            DutyStatus.WITHIN_SOCIAL_SERVICES,
            f"Du arbetar själv i den socialtjänst som tar emot anmälningar här ({where}). Oron ska tas upp "
            "och bedömas inom socialtjänsten – tala med din arbetsledning om hur den ska dokumenteras.",
            "", citations, GUIDELINE_DUTY, recipient, decision, decision.warnings)
    if decision.outcome is Outcome.OBLIGED:
        unknown_age = (" Personens ålder är okänd; skyldigheten gäller om personen är under 18 år."
                       if concern.age_band is AgeBand.UNKNOWN else "")
        if level_is_universal:
            return DutyToReport(
                DutyStatus.OBLIGED_IF_SUFFERING,
                "Misstänker du att barnet far illa är du skyldig att anmäla till socialtjänsten – oro "
                "räcker, du behöver inte vara säker. Att ett barn har åsikter eller beteenden du vill "
                "utmana är inte i sig att barnet far illa." + unknown_age,
                how, citations, GUIDELINE_DUTY, recipient, decision, decision.warnings)
        return DutyToReport(
            DutyStatus.OBLIGED,
            "Du är skyldig att anmäla till socialtjänsten när du är orolig för att ett barn far illa – "
            "oro räcker, du behöver inte vara säker." + unknown_age,
            how, citations, GUIDELINE_DUTY, recipient, decision, decision.warnings)
    if concern.age_band.is_child is False:
        return DutyToReport(
            DutyStatus.NOT_A_CHILD,
            "Anmälningsskyldigheten gäller barn under 18 år, och personen är 18 eller äldre. Du kan ändå "
            "vända dig till socialtjänsten för råd; vad du får berätta om personen står vid varje "
            "kontaktväg.",
            "", citations, GUIDELINE_DUTY, recipient, decision, decision.warnings)
    return DutyToReport(
        DutyStatus.MAY_REPORT,
        "Du har ingen lagstadgad anmälningsskyldighet, men du kan anmäla till socialtjänsten om du är "
        "orolig för att ett barn far illa – även privatpersoner kan anmäla, och oro räcker.",
        how, citations, GUIDELINE_DUTY, recipient, decision, decision.warnings)


# --- what you may tell each contact -----------------------------------------------------


@dataclass(frozen=True, slots=True)
class Telling:
    """What you may tell one contact, from the engine.

    ``summary_sv`` is one sentence for personal circumstances; ``sensitive_sv`` adds a
    sentence about health or sexual life when that answer differs. ``share_query`` is
    the same question for the /dela/ wizard, field by field, each with its values.
    """

    outcome: Outcome
    summary_sv: str
    sensitive_outcome: Outcome
    sensitive_sv: str
    citations: tuple[str, ...]
    explanation_sv: str
    warnings_sv: tuple[str, ...]
    assumptions_sv: tuple[str, ...]
    share_query: Mapping[str, tuple[str, ...]]
    decision: Decision


def _sentence(
    decision: Decision, *, relation: Relation, you: Actor, to: str, sensitive: bool
) -> str:
    what = "uppgifter om hälsa eller sexualliv" if sensitive else "personens förhållanden"
    outcome = decision.outcome
    if outcome is Outcome.OBLIGED:
        return (f"Du är skyldig att lämna uppgifterna till {to} – i en anmälan direkt dit, aldrig via en "
                "samverkansgrupp.")
    if outcome is Outcome.ALLOWED:
        if you is Actor.PRIVATE:
            return (f"Du har som privatperson eller förening ingen tystnadsplikt enligt sekretesslagen, "
                    f"så du får berätta om {what} för {to} – men berätta bara det som behövs.")
        if relation is Relation.SAME_BRANCH:
            return f"Ni hör till samma verksamhetsgren, så sekretess hindrar inte att du berättar om {what}."
        return f"Sekretess hindrar inte att du berättar om {what} i ett samtal direkt med {to}."
    if outcome is Outcome.ALLOWED_AFTER_ASSESSMENT:
        return (f"Du får berätta om {what} för {to} bara efter en verklig intresseavvägning i just det "
                "här fallet, och du ska dokumentera den.")
    return (f"Sekretessen hindrar dig från att berätta om {what} för {to} utan samtycke; du kan beskriva "
            "situationen så att ingen kan känna igen personen.")


def _share_query(
    *, you: Party, to: Party, on_date: dt.date, age_band: AgeBand, facts: frozenset[Fact],
    known: frozenset[str],
) -> dict[str, tuple[str, ...]]:
    """The question as the /dela/ wizard spells it; authorities it does not know are left to ask."""
    query: dict[str, tuple[str, ...]] = {
        "discloser": (you.actor.value,),
        "discloser_authority": (you.authority if you.authority in known else "unspecified",),
        "recipient": (to.actor.value,),
        "recipient_authority": (to.authority if to.authority in known else "unspecified",),
        "setting": (Setting.DIRECT.value,),
        "on_date": (on_date.isoformat(),),
        "information": (Information.PERSONAL_CIRCUMSTANCES.value,),
        "identifiable": (YES,),
        "known_to_all_present": (NO,),
        "consent": (Consent.NONE.value,),
    }
    if age_band.age_for_law is None:
        query["age_unknown"] = (YES,)
    else:
        query["subject_age"] = (str(age_band.age_for_law),)
    if facts:
        query["facts"] = tuple(f.value for f in Fact if f in facts)
    return query


def telling(
    *, you: YourParty, unit: Unit, municipality: Municipality, age_band: AgeBand, on_date: dt.date,
    receives_report: bool, known_authorities: frozenset[str],
) -> Telling:
    """What you may tell ``unit``: the engine's answer for a direct, identifiable, unconsented call.

    For the social services a report goes to, the concern that a child may be
    suffering is part of the question – that is what the call is about. For every
    other contact it is not: the duty to report never reaches a group or another
    body (OSL 10:28, bilaga 1).
    """
    engine = engine_for(municipality)
    facts = frozenset({Fact.CHILD_MAY_BE_SUFFERING}) if receives_report else frozenset()
    main = engine.assess(_question(on_date=on_date, you=you.party, to=unit.party, age_band=age_band,
                                   information=Information.PERSONAL_CIRCUMSTANCES, facts=facts))
    # Secrecy binds authorities and their staff, not a private person: for a relative or an
    # association there is nothing more to ask than the one answer that says so.
    sensitive = main if not you.actor.is_authority else engine.assess(_question(
        on_date=on_date, you=you.party, to=unit.party, age_band=age_band,
        information=Information.HEALTH_OR_SEXUAL_LIFE, facts=facts))
    relation = engine.organisation.relate(you.party, unit.party).relation
    summary = _sentence(main, relation=relation, you=you.actor, to=unit.name_sv, sensitive=False)
    sensitive_sv = ""
    if sensitive.outcome is not main.outcome:
        sensitive_sv = _sentence(sensitive, relation=relation, you=you.actor, to=unit.name_sv, sensitive=True)
    citations = tuple(dict.fromkeys((*main.provisions, *(sensitive.provisions if sensitive_sv else ()))))
    assumptions = list(you.assumptions_sv)
    if unit.actor_assumed:
        assumptions.append(
            f"Kommunens beskrivning anger inte i vilken verksamhetsgren {unit.name_sv} finns; svaret "
            "bygger på ett antagande. Kontrollera lokalt innan du lämnar uppgifter om en enskild."
        )
    return Telling(
        outcome=main.outcome,
        summary_sv=summary,
        sensitive_outcome=sensitive.outcome,
        sensitive_sv=sensitive_sv,
        citations=citations,
        explanation_sv=main.explanation,
        warnings_sv=main.warnings,
        assumptions_sv=tuple(assumptions),
        # The /dela/ wizard is for staff bound by secrecy; a private person has none to check.
        share_query=_share_query(you=you.party, to=unit.party, on_date=on_date, age_band=age_band,
                                 facts=facts, known=known_authorities) if you.actor.is_authority else {},
        decision=main,
    )
