"""The bridge to the secrecy engine: a municipality's organisation decides the law's boundaries.

For Malmö the bridge must change nothing – the engine built from the municipality
file answers exactly like the bundled one. For Exempelby, organised differently, the
same kind of question must cross different boundaries.
"""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from tests.guide.helpers import EXEMPELBY

from varna.guide import Municipality, default_municipality, engine_for, law_organisation, load_municipality
from varna.guide.lawbridge import law_kinds
from varna.guide.schema import LAW_KIND_LABELS
from varna.law import Actor, Outcome, Party, Question, Setting, default_engine, default_rulebase
from varna.law.organisation import Relation

DAY = dt.date(2016, 2, 1)


@pytest.fixture(scope="module")
def malmo() -> Municipality:
    return default_municipality()


@pytest.fixture(scope="module")
def exempelby() -> Municipality:
    return load_municipality(EXEMPELBY)


def test_the_schema_names_every_kind_the_law_knows() -> None:
    assert set(LAW_KIND_LABELS) == law_kinds()


def test_malmo_gives_the_law_its_own_organisation(malmo: Municipality) -> None:
    law = default_rulebase().organisation
    ours = law_organisation(malmo)
    mine = {a["id"]: a for a in ours["authorities"]}
    for authority in law["authorities"]:
        assert mine[authority["id"]] == {**authority, "aliases": authority.get("aliases", [])}
    for kind, branches in law["branches"].items():
        assert ours["branches"][kind] == branches
    assert ours["delegation"] == law["delegation"]
    assert {frozenset(g) for g in ours["same_authority_by_default"]} == \
        {frozenset(g) for g in law["same_authority_by_default"]}
    # The partners are there too, as authorities the engine does not model.
    assert mine["kriminalvarden"]["kind"] == "probation_service"
    assert ours["branches"]["probation_service"] == []


def _authorities_for(actor: Actor) -> list[str | None]:
    by_actor = {
        Actor.SOCIAL_SERVICES: ["sdn-norr", "sdn-oster", "sociala-resursnamnden"],
        Actor.LEISURE: ["sdn-norr", "fritidsnamnden"],
        Actor.SCHOOL_STAFF: ["grundskolenamnden", "gymnasie-och-vuxenutbildningsnamnden"],
        Actor.SCHOOL_HEALTH_OTHER: ["grundskolenamnden"],
        Actor.SCHOOL_HEALTH_MEDICAL: ["grundskolenamnden", "gymnasienamnden"],
        Actor.SAFETY_UNIT: ["kommunstyrelsen"],
        Actor.POLICE: ["polisen"],
        Actor.SECURITY_POLICE: ["sakerhetspolisen"],
        Actor.PRIVATE: [],
    }
    return [None, *by_actor[actor]]


def test_malmo_answers_exactly_like_the_bundled_engine(malmo: Municipality) -> None:
    bundled, bridged = default_engine(), engine_for(malmo)
    asked = 0
    for d_actor, r_actor in itertools.product(Actor, Actor):
        if d_actor is Actor.PRIVATE:
            continue
        for d_auth, r_auth in itertools.product(_authorities_for(d_actor), _authorities_for(r_actor)):
            for setting in Setting:
                question = Question(DAY, Party(d_actor, d_auth), Party(r_actor, r_auth), setting=setting,
                                    subject_age=16)
                assert bridged.assess(question).as_dict() == bundled.assess(question).as_dict(), question
                asked += 1
    assert asked > 300


@pytest.mark.parametrize(("discloser", "recipient", "relation"), [
    # District committees are separate authorities.
    (Party(Actor.SOCIAL_SERVICES, "sdn-norr"), Party(Actor.SOCIAL_SERVICES, "sdn-soder"),
     Relation.OTHER_AUTHORITY),
    # Social services and leisure in one committee are separate branches.
    (Party(Actor.SOCIAL_SERVICES, "sdn-oster"), Party(Actor.LEISURE, "sdn-oster"), Relation.OTHER_BRANCH),
    # The social resources committee acting on delegation of Norr is Norr's social services.
    (Party(Actor.SOCIAL_SERVICES, "sociala-resursnamnden", delegated_by="sdn-norr"),
     Party(Actor.SOCIAL_SERVICES, "sdn-norr"), Relation.SAME_BRANCH),
    (Party(Actor.SOCIAL_SERVICES, "sociala-resursnamnden"), Party(Actor.SOCIAL_SERVICES, "sdn-norr"),
     Relation.OTHER_AUTHORITY),
    # A partner the engine does not model is still another authority.
    (Party(Actor.SOCIAL_SERVICES, "sdn-norr"), Party(Actor.POLICE, "kriminalvarden"),
     Relation.OTHER_AUTHORITY),
])
def test_malmo_relations(malmo: Municipality, discloser: Party, recipient: Party, relation: Relation) -> None:
    assert engine_for(malmo).organisation.relate(discloser, recipient).relation is relation


@pytest.mark.parametrize(("discloser", "recipient", "in_malmo", "in_exempelby"), [
    # Social services and leisure: one committee in Malmö, two in Exempelby.
    (Actor.SOCIAL_SERVICES, Actor.LEISURE, Relation.OTHER_BRANCH, Relation.OTHER_AUTHORITY),
    # Leisure and school staff: two committees in Malmö, one (two branches) in Exempelby.
    (Actor.LEISURE, Actor.SCHOOL_STAFF, Relation.OTHER_AUTHORITY, Relation.OTHER_BRANCH),
    # Unchanged: school staff and the other student health share a branch in both.
    (Actor.SCHOOL_STAFF, Actor.SCHOOL_HEALTH_OTHER, Relation.SAME_BRANCH, Relation.SAME_BRANCH),
])
def test_the_second_municipality_draws_other_boundaries(
    malmo: Municipality, exempelby: Municipality, discloser: Actor, recipient: Actor,
    in_malmo: Relation, in_exempelby: Relation,
) -> None:
    """A question that names no authority: each municipality places the actors its own way."""
    d, r = Party(discloser), Party(recipient)
    assert engine_for(malmo).organisation.relate(d, r).relation is in_malmo
    assert engine_for(exempelby).organisation.relate(d, r).relation is in_exempelby


def test_units_carry_their_municipalitys_boundaries(malmo: Municipality, exempelby: Municipality) -> None:
    """A youth leader tells a teacher: two authorities in Malmö, two branches of one in Exempelby."""
    assert engine_for(malmo).organisation.relate(
        malmo.unit("fritid-oster").party, malmo.unit("grundskolorna").party
    ).relation is Relation.OTHER_AUTHORITY
    assert engine_for(exempelby).organisation.relate(
        exempelby.unit("fritidsgarden-sodra").party, exempelby.unit("skolorna").party
    ).relation is Relation.OTHER_BRANCH


def test_social_services_of_two_districts_may_talk_in_exempelby_but_not_in_malmo(
    malmo: Municipality, exempelby: Municipality,
) -> None:
    """The same situation – the social secretary in the north tells the one in the south – answered twice."""
    north, south = malmo.unit("ifo-norr").party, malmo.unit("ifo-soder").party
    in_malmo = engine_for(malmo).assess(Question(DAY, north, south, subject_age=16))
    assert in_malmo.outcome is Outcome.NOT_ALLOWED
    assert "OSL 26:1" in in_malmo.provisions

    # In Exempelby the social services of both parts of the municipality are one unit.
    one = exempelby.unit("socialtjansten").party
    assert exempelby.find_district("Kvarnbacken") != exempelby.find_district("Hamnen")
    in_exempelby = engine_for(exempelby).assess(Question(DAY, one, one, subject_age=16))
    assert in_exempelby.outcome is Outcome.ALLOWED


def test_exempelby_has_no_delegation(exempelby: Municipality) -> None:
    assert law_organisation(exempelby)["delegation"] == {}
    assert law_organisation(exempelby)["same_authority_by_default"] == [
        ["school_staff", "school_health_other", "school_health_medical", "leisure"]
    ]


def test_the_engine_is_built_once_per_municipality(malmo: Municipality, exempelby: Municipality) -> None:
    assert engine_for(malmo) is engine_for(malmo)
    assert engine_for(malmo) is not engine_for(exempelby)
    assert engine_for(malmo).rulebase.versions == default_rulebase().versions
