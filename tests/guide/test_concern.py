"""The concern interview's routing, checked against the guideline sentence by sentence.

Each test names the passage of the Malmö guideline (in our words) that it checks:
which level a concern belongs to (sections 2–4), where a worried person turns in
their own district (2.4, 3.4, 4.5), the duty to report ("Oro räcker", section 4,
with OSL 10:28 and SoL 14:1 from the secrecy engine), what may be told to each
contact (bilaga 1), and that another municipality's file changes the answers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import fields

import pytest
from tests.guide.helpers import EXEMPELBY

from varna.guide import Level, Municipality, Role, default_municipality, load_municipality
from varna.guide.concern import (
    CATEGORY_RULES,
    ROLE_WORKPLACES,
    AgeBand,
    Category,
    Concern,
    ConcernError,
    DutyStatus,
    Routing,
    Seriousness,
    Workplace,
    decide_level,
    route_concern,
)
from varna.law import Actor, Outcome, Party

DAY_2016 = dt.date(2016, 2, 1)
DAY_NEW_SOL = dt.date(2025, 9, 1)


@pytest.fixture(scope="module")
def malmo() -> Municipality:
    return default_municipality()


@pytest.fixture(scope="module")
def exempelby() -> Municipality:
    return load_municipality(EXEMPELBY)


def concern(
    *, role: Role = Role.LEISURE_STAFF, workplace: Workplace | None = None,
    district: str | None = "Rosengård",
    age: AgeBand = AgeBand.AGE_15_17, observed: tuple[Category, ...] = (),
    seriousness: Seriousness = Seriousness.WORRIED,
) -> Concern:
    return Concern(
        role=role, workplace=workplace or ROLE_WORKPLACES[role][0], district=district, age_band=age,
        observed=frozenset(observed), seriousness=seriousness,
    )


def route(c: Concern, municipality: Municipality, on_date: dt.date = DAY_2016) -> Routing:
    return route_concern(c, municipality=municipality, on_date=on_date)


def contact_ids(routing: Routing) -> list[str]:
    return [r.contact.id for r in routing.contacts]


def sections(routing: Routing) -> list[str]:
    return [reason.section for reason in routing.reasons]


# --- the prevention level --------------------------------------------------------------


@pytest.mark.parametrize("category", [Category.VANDALISM, Category.BULLYING, Category.ANTI_DEMOCRATIC_VALUES])
def test_norm_breaking_met_in_everyday_work_is_the_community_building_level(
    malmo: Municipality, category: Category
) -> None:
    """2: vandalism, bullying and anti-democratic values are met with general competence and the
    channels of 2.4 ("orolig för någon i den verksamhet jag arbetar i")."""
    routing = route(concern(observed=(category,)), malmo)
    assert routing.level is Level.UNIVERSAL
    assert routing.level_name_sv == "Samhällsbyggande nivå"
    assert sections(routing)[0] == "2.4"
    assert "2" in sections(routing)[1]


def test_anti_democratic_opinions_are_challenged_not_suspected(malmo: Municipality) -> None:
    """2 and 2.3: radical or even extreme opinions are not illegal; nobody may be suspected needlessly."""
    routing = route(concern(observed=(Category.ANTI_DEMOCRATIC_VALUES,)), malmo)
    text = " ".join(r.text_sv for r in routing.reasons)
    assert "inte olagligt" in text and "misstänkliggöras i onödan" in text
    assert routing.reasons[1].citation_sv == "Riktlinjen avsnitt 2 och 2.3"


@pytest.mark.parametrize("category", [Category.DRUGS, Category.CRIME, Category.VIOLENCE])
def test_a_particular_risk_behaviour_is_the_risk_group_level(malmo: Municipality, category: Category) -> None:
    """3.2 and 3.4: drugs and young offenders are areas of the city's cooperation with the police;
    3.4 answers "orolig för ett visst riskbeteende"."""
    routing = route(concern(observed=(category,)), malmo)
    assert routing.level is Level.SELECTIVE
    assert any("3.4" in s for s in sections(routing))
    assert "ett visst riskbeteende" in routing.reasons[0].text_sv  # what decided the level comes first
    assert routing.reasons[1].section == "2.4"


@pytest.mark.parametrize(
    "category", [Category.EXTREMIST_CONTACTS, Category.WANTS_TO_FIGHT_ABROAD, Category.PRESSURED])
def test_the_guidelines_examples_of_the_indicated_level(malmo: Municipality, category: Category) -> None:
    """4: moving in violent extremist milieus, wanting to fight abroad, being pressured to be someone else."""
    routing = route(concern(observed=(category,)), malmo)
    assert routing.level is Level.INDICATED
    assert CATEGORY_RULES[category].reason in routing.reasons
    assert "4" in sections(routing)


def test_risk_to_life_health_or_development_is_the_indicated_level_whatever_was_seen(
    malmo: Municipality
) -> None:
    """4: "där risken är stor för att en individ riskerar sin/sitt eller andras liv, hälsa eller
    utveckling"."""
    routing = route(concern(observed=(Category.BULLYING,), seriousness=Seriousness.SERIOUS), malmo)
    assert routing.level is Level.INDICATED
    assert "liv, hälsa eller utveckling" in routing.reasons[0].text_sv
    assert "polisen" in routing.reasons[-1].text_sv  # the risk assessment is most often the police's


def test_violent_extremist_propaganda_is_the_indicated_level_and_says_it_is_no_verdict(
    malmo: Municipality
) -> None:
    """1 (definition: promoting violence for an ideological goal) and 4 (sympathies with extreme
    movements)."""
    routing = route(concern(observed=(Category.EXTREMIST_PROPAGANDA,)), malmo)
    assert routing.level is Level.INDICATED
    reason = CATEGORY_RULES[Category.EXTREMIST_PROPAGANDA].reason
    assert reason in routing.reasons and reason.section == "1 och 4"
    assert "inte att personen är extremist" in reason.text_sv


def test_the_highest_level_decides_and_its_reason_comes_first(malmo: Municipality) -> None:
    observed = (Category.BULLYING, Category.DRUGS, Category.WANTS_TO_FIGHT_ABROAD)
    routing = route(concern(observed=observed), malmo)
    assert routing.level is Level.INDICATED
    texts = [r.text_sv for r in routing.reasons]
    assert texts.index(CATEGORY_RULES[Category.WANTS_TO_FIGHT_ABROAD].reason.text_sv) < texts.index(
        CATEGORY_RULES[Category.DRUGS].reason.text_sv)


@pytest.mark.parametrize("category", [None, *Category])
def test_a_general_concern_about_a_group_stays_at_the_community_building_level(
    malmo: Municipality, category: Category | None
) -> None:
    """2.3: "frågor om allt står rätt till med en individ eller grupp"; the indicated level is
    individual work."""
    observed = () if category is None else (category,)
    decided = decide_level(concern(observed=observed, seriousness=Seriousness.GENERAL))
    assert decided.level is Level.UNIVERSAL
    assert decided.reasons[0].section == "2 och 2.3"
    if category is not None and CATEGORY_RULES[category].level is not Level.UNIVERSAL:
        assert "gäller en grupp" in decided.reasons[1].text_sv


def test_nothing_ticked_is_still_a_concern_about_someone(malmo: Municipality) -> None:
    assert route(concern(), malmo).level is Level.UNIVERSAL


# --- 112 --------------------------------------------------------------------------------


def test_immediate_danger_means_call_112_first(malmo: Municipality) -> None:
    routing = route(concern(seriousness=Seriousness.IMMEDIATE_DANGER), malmo)
    assert routing.call_112_first
    assert routing.emergency_phone == "112"  # from the file's national resource "nodnummer"
    assert routing.level is Level.INDICATED
    assert "Ring 112 först" in routing.reasons[0].text_sv


@pytest.mark.parametrize("seriousness", [Seriousness.GENERAL, Seriousness.WORRIED, Seriousness.SERIOUS])
def test_only_immediate_danger_calls_112(malmo: Municipality, seriousness: Seriousness) -> None:
    assert not route(concern(seriousness=seriousness), malmo).call_112_first


# --- where to turn ------------------------------------------------------------------------


def test_rosengard_is_oster_and_the_contacts_are_osters(malmo: Municipality) -> None:
    """4.5: individual and family care and the local police area "i det stadsområde du arbetar i"."""
    routing = route(concern(observed=(Category.EXTREMIST_CONTACTS,)), malmo)
    assert routing.district is not None and routing.district.id == "oster"
    assert contact_ids(routing) == [
        "ifo-oster", "plattform-malmo", "samordningsteamet", "lpo-oster", "sakerhetspolisen",
        "trygghet-och-sakerhet"]
    assert [r.position for r in routing.contacts] == [1, 2, 3, 4, 5, 6]
    assert not any(i.endswith(("-norr", "-soder", "-vaster", "-innerstaden")) for i in contact_ids(routing))


@pytest.mark.parametrize("place", ["Rosengård", "rosengård", "oster", "Öster", "Husie"])
def test_a_district_may_be_given_as_id_name_or_neighbourhood(malmo: Municipality, place: str) -> None:
    routing = route(concern(district=place), malmo)
    assert routing.district is not None and routing.district.id == "oster"


def test_the_community_building_level_sends_school_and_leisure_staff_to_different_places(
    malmo: Municipality
) -> None:
    """2.4: school staff to the student health team or the school administration's SSP coordinator;
    field, culture and leisure workers to the SSP coordinator of their district. Plattform Malmö for all."""
    teacher = route(concern(role=Role.SCHOOL_STAFF_COMPULSORY), malmo)
    assert contact_ids(teacher) == [
        "elevhalsoteamet-grundskolan", "ssp-grundskoleforvaltningen", "plattform-malmo"]
    leader = route(concern(role=Role.LEISURE_STAFF), malmo)
    assert contact_ids(leader) == ["ssp-oster", "plattform-malmo"]


def test_the_risk_group_level_sends_you_to_social_services_and_plattform_malmo(malmo: Municipality) -> None:
    """3.4: individual and family care of the districts or Plattform Malmö; the SSP coordinator and the
    safety unit may also be consulted."""
    routing = route(concern(observed=(Category.DRUGS,), district="Fosie"), malmo)
    assert contact_ids(routing) == ["ifo-soder", "plattform-malmo", "ssp-soder", "trygghet-och-sakerhet"]
    plattform = routing.contacts[1].contact
    assert plattform.phone == "040-340550"


def test_every_contact_says_why_it_is_there(malmo: Municipality) -> None:
    routing = route(concern(observed=(Category.EXTREMIST_CONTACTS,)), malmo)
    for routed in routing.contacts:
        assert routed.why_sv.startswith("Anvisas på indikerad preventionsnivå (Riktlinjen")
    ifo = routing.contacts[0]
    assert ifo.receives_report and "Hit gör du en anmälan" in ifo.why_sv
    assert routing.contacts[2].cooperation_sv == "Samordningsteamet"


def test_a_relative_is_sent_where_relatives_are_served(malmo: Municipality) -> None:
    routing = route(concern(role=Role.RELATIVE, observed=(Category.EXTREMIST_CONTACTS,)), malmo)
    assert contact_ids(routing) == ["ifo-oster", "plattform-malmo"]  # not the police or the coordination team
    assert routing.relatives_sv.startswith("Som anhörig kan du själv vända dig hit")


def test_relatives_can_be_referred_to_plattform_malmo(malmo: Municipality) -> None:
    """2.4, 3.4 and 4.5: "Du kan även hänvisa till exempel anhöriga till Plattform Malmö"."""
    for seriousness in Seriousness:
        routing = route(concern(seriousness=seriousness), malmo)
        assert [c.id for c in routing.relatives] == ["plattform-malmo"]
        assert "Plattform Malmö" in routing.relatives_sv and "040-340550" in routing.relatives_sv


def test_formulate_the_basis_of_your_concern_first(malmo: Municipality) -> None:
    """2.4: "Det är viktigt att du formulerar grunden för din oro innan du tar kontakt"."""
    routing = route(concern(), malmo)
    assert routing.reminder.section == "2.4"
    assert routing.reminder.text_sv.startswith("Formulera grunden för din oro innan du tar kontakt")
    assert routing.advice_sv == malmo.level(Level.UNIVERSAL).advice_sv


def test_services_follow_the_level_the_age_and_the_day(malmo: Municipality) -> None:
    indicated = concern(observed=(Category.EXTREMIST_CONTACTS,))
    assert "vara-liv" not in [s.id for s in route(indicated, malmo, dt.date(2015, 12, 20)).services]
    assert "vara-liv" in [s.id for s in route(indicated, malmo, DAY_2016).services]
    older = concern(observed=(Category.PRESSURED,), age=AgeBand.AGE_21_25)
    young = [s.id for s in route(older, malmo).services]
    assert "heder-tidigt-stod" in young  # "upp till 21": a 21-year-old is included
    assert "heder-tidigt-stod" in [s.id for s in route(indicated, malmo).services]


# --- the duty to report ---------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.SCHOOL_STAFF_COMPULSORY, Role.LEISURE_STAFF, Role.FIELD_WORKER])
def test_a_teacher_or_youth_leader_worried_about_a_15_year_old_must_report(
    malmo: Municipality, role: Role
) -> None:
    """4: "Kommunala verksamheters medarbetare har i många fall anmälningsplikt ... Oro räcker."
    OSL 10:28 lets the duty of SoL 14:1 break secrecy, directly to the district's social services."""
    duty = route(concern(role=role, observed=(Category.DRUGS,)), malmo).duty
    assert duty.status is DutyStatus.OBLIGED and duty.obliged
    assert duty.summary_sv.startswith("Du är skyldig att anmäla")
    assert "oro räcker" in duty.summary_sv
    assert duty.citations == ("OSL 10:28", "SoL 14:1")
    assert duty.recipient is not None and duty.recipient.id == "ifo-oster"
    assert duty.decision is not None and duty.decision.outcome is Outcome.OBLIGED
    assert "aldrig via en samverkansgrupp" in duty.how_sv


def test_the_duty_cites_the_new_social_services_act_after_july_2025(malmo: Municipality) -> None:
    duty = route(concern(observed=(Category.DRUGS,)), malmo, DAY_NEW_SOL).duty
    assert duty.status is DutyStatus.OBLIGED
    assert duty.citations == ("OSL 10:28", "SoL (2025:400)")
    assert any("inte verifierat" in w for w in duty.warnings_sv)


@pytest.mark.parametrize("role", [Role.RELATIVE, Role.CIVIL_SOCIETY])
def test_a_relative_or_an_association_has_no_duty_but_may_report(malmo: Municipality, role: Role) -> None:
    """4: "Även privatpersoner kan anmäla misstanke/oro för att barn far illa"."""
    duty = route(concern(role=role, observed=(Category.DRUGS,)), malmo).duty
    assert duty.status is DutyStatus.MAY_REPORT and not duty.obliged
    assert "ingen lagstadgad anmälningsskyldighet" in duty.summary_sv
    assert "även privatpersoner kan anmäla" in duty.summary_sv
    assert duty.recipient is not None and duty.recipient.id == "ifo-oster"


def test_a_youth_leader_in_a_club_is_a_private_party(malmo: Municipality) -> None:
    routing = route(concern(role=Role.LEISURE_STAFF, workplace=Workplace.ASSOCIATION,
                            observed=(Category.DRUGS,)), malmo)
    assert routing.you.actor is Actor.PRIVATE
    assert routing.duty.status is DutyStatus.MAY_REPORT


@pytest.mark.parametrize(("age", "status"), [
    (AgeBand.UNDER_12, DutyStatus.OBLIGED), (AgeBand.AGE_12_14, DutyStatus.OBLIGED),
    (AgeBand.AGE_15_17, DutyStatus.OBLIGED), (AgeBand.AGE_18_20, DutyStatus.NOT_A_CHILD),
    (AgeBand.AGE_21_25, DutyStatus.NOT_A_CHILD), (AgeBand.UNKNOWN, DutyStatus.OBLIGED),
])
def test_the_duty_concerns_children_under_18(malmo: Municipality, age: AgeBand, status: DutyStatus) -> None:
    routing = route(concern(age=age, observed=(Category.CRIME,)), malmo)
    assert routing.duty.status is status
    if age is AgeBand.UNKNOWN:
        assert "om personen är under 18 år" in routing.duty.summary_sv
    if status is DutyStatus.NOT_A_CHILD:
        assert "18 eller äldre" in routing.duty.summary_sv
        assert not routing.contacts[0].receives_report  # nothing to report about an adult


def test_at_the_community_building_level_the_duty_is_conditional(malmo: Municipality) -> None:
    """2: a child's opinions are to be challenged, not reported; 4: if a child may be suffering,
    oro räcker."""
    teacher = concern(role=Role.SCHOOL_STAFF_COMPULSORY, observed=(Category.ANTI_DEMOCRATIC_VALUES,))
    routing = route(teacher, malmo)
    duty = routing.duty
    assert duty.status is DutyStatus.OBLIGED_IF_SUFFERING and duty.obliged
    assert duty.summary_sv.startswith("Misstänker du att barnet far illa är du skyldig att anmäla")
    # Social services is not among the level's contacts, so the page is told where a report goes.
    assert routing.report_to is not None and routing.report_to.contact.id == "ifo-oster"
    assert routing.report_to.telling.outcome is Outcome.OBLIGED
    assert routing.report_to.why_sv.startswith("Anmälningar om barn som kan fara illa görs hit")


def test_social_services_staff_take_the_concern_up_where_they_are(malmo: Municipality) -> None:
    duty = route(concern(role=Role.SOCIAL_SERVICES, observed=(Category.DRUGS,)), malmo).duty
    assert duty.status is DutyStatus.WITHIN_SOCIAL_SERVICES and not duty.obliged
    assert "tar emot anmälningar" in duty.summary_sv


def test_another_municipal_activity_is_its_own_authority_and_says_so(malmo: Municipality) -> None:
    routing = route(concern(role=Role.CULTURE_WORKER, observed=(Category.DRUGS,)), malmo)
    assert routing.you.party == Party(Actor.LEISURE, "egen-namnd")
    assert routing.duty.status is DutyStatus.OBLIGED
    ssp = next(r for r in routing.contacts if r.contact.id == "ssp-oster").telling
    assert ssp.summary_sv.startswith("Sekretess hindrar inte")  # another authority, not the same branch
    assert any("ingen egen aktörstyp" in note for note in ssp.assumptions_sv)
    assert ssp.share_query["discloser_authority"] == ("unspecified",)


def test_a_general_concern_has_no_one_to_report(malmo: Municipality) -> None:
    duty = route(concern(seriousness=Seriousness.GENERAL, observed=(Category.DRUGS,)), malmo).duty
    assert duty.status is DutyStatus.NO_INDIVIDUAL and duty.decision is None


# --- what you may tell each contact ------------------------------------------------------


def test_what_a_youth_leader_may_tell_each_contact(malmo: Municipality) -> None:
    """Bilaga 1: local leisure has only the minimum protection of OSL 21 and the most room to share;
    health information still needs the general clause's assessment."""
    routing = route(concern(observed=(Category.EXTREMIST_PROPAGANDA,)), malmo)
    tellings = {r.contact.id: r.telling for r in routing.contacts}
    assert tellings["ifo-oster"].outcome is Outcome.OBLIGED
    police = tellings["lpo-oster"]
    assert police.outcome is Outcome.ALLOWED
    assert police.summary_sv.startswith("Sekretess hindrar inte att du berättar om personens förhållanden")
    assert police.sensitive_outcome is Outcome.ALLOWED_AFTER_ASSESSMENT
    assert "hälsa eller sexualliv" in police.sensitive_sv and "OSL 10:27" in police.citations
    assert "Polismyndigheten" in police.explanation_sv


def test_what_a_school_nurse_may_tell_depends_on_health_care_secrecy(malmo: Municipality) -> None:
    """Bilaga 1: medical student health has strong secrecy and may not use the general clause."""
    routing = route(concern(role=Role.STUDENT_HEALTH, workplace=Workplace.MEDICAL_STUDENT_HEALTH,
                            age=AgeBand.AGE_18_20, observed=(Category.EXTREMIST_CONTACTS,)), malmo)
    police = next(r.telling for r in routing.contacts if r.contact.id == "lpo-oster")
    assert police.outcome is Outcome.NOT_ALLOWED
    assert "OSL 25:1" in police.citations
    assert "utan samtycke" in police.summary_sv


def test_within_one_branch_secrecy_does_not_apply(malmo: Municipality) -> None:
    teacher = route(concern(role=Role.SCHOOL_STAFF_COMPULSORY), malmo)
    team = teacher.contacts[0]
    assert team.telling.outcome is Outcome.ALLOWED
    assert team.telling.summary_sv.startswith("Ni hör till samma verksamhetsgren")
    assert teacher.you.party.authority == "grundskolenamnden"
    upper = route(concern(role=Role.SCHOOL_STAFF_UPPER_SECONDARY), malmo)
    assert upper.you.party.authority == "gymnasie-och-vuxenutbildningsnamnden"


def test_an_assumed_branch_is_said_aloud(malmo: Municipality) -> None:
    """The guideline does not say where the district SSP coordinators work; the file assumes leisure."""
    ssp = route(concern(), malmo).contacts[0]
    assert ssp.contact.id == "ssp-oster"
    assert any("antagande" in note for note in ssp.telling.assumptions_sv)


def test_a_private_person_has_no_secrecy_and_no_wizard_link(malmo: Municipality) -> None:
    routing = route(concern(role=Role.RELATIVE, observed=(Category.DRUGS,)), malmo)
    for routed in routing.contacts:
        assert routed.telling.outcome is Outcome.ALLOWED
        assert "ingen tystnadsplikt" in routed.telling.summary_sv
        assert not routed.telling.sensitive_sv
        assert routed.telling.share_query == {}


def test_each_contact_carries_the_question_for_the_sharing_wizard(malmo: Municipality) -> None:
    routing = route(concern(observed=(Category.EXTREMIST_PROPAGANDA,)), malmo)
    police = next(r for r in routing.contacts if r.contact.id == "lpo-oster").telling.share_query
    assert police == {
        "discloser": ("leisure",), "discloser_authority": ("sdn-oster",), "recipient": ("police",),
        "recipient_authority": ("polismyndigheten",), "setting": ("direct",), "on_date": ("2016-02-01",),
        "information": ("personal_circumstances",), "identifiable": ("yes",), "known_to_all_present": ("no",),
        "consent": ("none",), "subject_age": ("17",),
    }
    ifo = routing.contacts[0].telling.share_query
    assert ifo["facts"] == ("child_may_be_suffering",)
    unknown = route(concern(age=AgeBand.UNKNOWN), malmo).contacts[0].telling.share_query
    assert unknown["age_unknown"] == ("yes",) and "subject_age" not in unknown


def test_warnings_every_answer_shares_are_said_once(malmo: Municipality) -> None:
    routing = route(concern(observed=(Category.EXTREMIST_PROPAGANDA,)), malmo, dt.date(2026, 1, 15))
    assert any(w.startswith("Frågan gäller 2026-01-15, efter regelbasens senaste granskning") for w in
               routing.warnings_sv)
    for routed in routing.contacts:
        assert not any(w.startswith("Frågan gäller") for w in routed.telling.warnings_sv)


# --- the newcomer's question ------------------------------------------------------------------


def test_youth_leader_in_rosengard_with_a_15_year_old_showing_violent_extremist_propaganda(
    malmo: Municipality
) -> None:
    """Issue 3, "done when": where do I turn and what may I say?"""
    routing = route(concern(role=Role.LEISURE_STAFF, district="Rosengård", age=AgeBand.AGE_15_17,
                            observed=(Category.EXTREMIST_PROPAGANDA,)), malmo)
    assert routing.level is Level.INDICATED
    assert routing.district is not None and routing.district.name_sv == "Öster"
    first, second = routing.contacts[0], routing.contacts[1]
    assert first.unit.name_sv == "Individ- och familjeomsorgen i stadsområde Öster"
    assert second.contact.id == "plattform-malmo" and second.contact.phone == "040-340550"
    assert routing.duty.status is DutyStatus.OBLIGED
    police = next(r for r in routing.contacts if r.unit.id == "lpo-oster")
    assert police.telling.outcome is Outcome.ALLOWED
    assert not routing.call_112_first


# --- another municipality -------------------------------------------------------------------


def test_exempelby_gives_its_own_contacts_and_boundaries(
    exempelby: Municipality, malmo: Municipality
) -> None:
    c = concern(district="Kvarnbacken", observed=(Category.EXTREMIST_PROPAGANDA,))
    routing = route(c, exempelby, dt.date(2024, 3, 1))
    assert routing.district is not None and routing.district.id == "norra"
    assert routing.level_name_sv == "Individnivå"
    assert contact_ids(routing) == ["socialtjansten", "polisen", "trygghetssamordnaren"]
    assert routing.contacts[1].contact.phone == "114 14"
    # Youth centres belong to the education committee here, so the youth leader's authority follows.
    assert routing.you.party.authority == "barn-och-utbildningsnamnden"
    assert routing.duty.recipient is not None and routing.duty.recipient.id == "socialtjansten"
    assert routing.duty.status is DutyStatus.OBLIGED
    assert [c.id for c in routing.relatives] == ["socialtjansten"]
    assert "031-390 06 00" in routing.relatives_sv
    in_malmo = route(concern(observed=(Category.EXTREMIST_PROPAGANDA,)), malmo)
    assert contact_ids(routing) != contact_ids(in_malmo)


def test_exempelby_at_the_community_building_level(exempelby: Municipality) -> None:
    routing = route(concern(district="Hamnen"), exempelby, dt.date(2024, 3, 1))
    assert contact_ids(routing) == ["fritidsgarden-sodra", "socialtjansten"]
    # Leisure and school share an authority in Exempelby: the /dela/ wizard does not know it.
    assert routing.contacts[0].telling.share_query["discloser_authority"] == ("unspecified",)


def test_a_municipality_from_another_period_is_flagged(exempelby: Municipality) -> None:
    routing = route(concern(district="Hamnen"), exempelby, DAY_2016)
    assert routing.warnings_sv[0].startswith("Beskrivningen av Exempelby kommun gäller från 2024-01-01")


# --- what the guide refuses -------------------------------------------------------------------


def test_an_unknown_place_is_refused_by_name(malmo: Municipality) -> None:
    with pytest.raises(ConcernError) as caught:
        route(concern(district="Lund"), malmo)
    assert caught.value.field == "district"
    assert "Lund" in caught.value.message_sv and "Öster" in caught.value.message_sv


def test_a_district_is_required_where_there_are_districts(malmo: Municipality) -> None:
    with pytest.raises(ConcernError) as caught:
        route(concern(district=None), malmo)
    assert caught.value.field == "district"


def test_a_workplace_must_go_with_the_role(malmo: Municipality) -> None:
    with pytest.raises(ConcernError) as caught:
        route(concern(role=Role.RELATIVE, workplace=Workplace.POLICE), malmo)
    assert caught.value.field == "workplace"


def test_a_day_before_the_rule_base_is_refused(malmo: Municipality) -> None:
    with pytest.raises(ConcernError) as caught:
        route(concern(), malmo, dt.date(2000, 1, 1))
    assert caught.value.field == "on_date"


def test_a_concern_can_hold_nothing_that_names_a_person() -> None:
    """DESIGN principle 2 and the issue: an age band, never a name; no free text."""
    assert [f.name for f in fields(Concern)] == [
        "role", "workplace", "district", "age_band", "observed", "seriousness"]
    assert AgeBand.AGE_15_17.age_for_law == 17 and AgeBand.UNKNOWN.age_for_law is None
    assert AgeBand.AGE_18_20.is_child is False and AgeBand.UNKNOWN.is_child is None


def test_every_role_has_a_workplace_and_every_category_a_rule() -> None:
    assert set(ROLE_WORKPLACES) == set(Role)
    assert set(CATEGORY_RULES) == set(Category)
    for rule in CATEGORY_RULES.values():
        assert rule.reason.section and rule.reason.text_sv.endswith(".")
