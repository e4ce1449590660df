"""The bundled Malmö 2015 file says what the guideline says, and the lookups find it.

Each test quotes the guideline passage it checks (in our words), so a reader can
see why a contact is where it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Protocol

import pytest

from varna.guide import Level, Municipality, Role, default_municipality
from varna.guide.lawbridge import hosted_actors
from varna.law import Actor


@pytest.fixture(scope="module")
def malmo() -> Municipality:
    return default_municipality()


class Entry(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def source(self) -> str: ...


def ids(items: Iterable[Entry]) -> list[str]:
    return [item.id for item in items]


def test_the_five_districts_and_their_committees(malmo: Municipality) -> None:
    assert malmo.label_sv == "Malmö stad 2015"
    assert [d.name_sv for d in malmo.districts] == ["Norr", "Söder", "Öster", "Väster", "Innerstaden"]
    assert [d.committee for d in malmo.districts] == [
        "sdn-norr", "sdn-soder", "sdn-oster", "sdn-vaster", "sdn-innerstaden"]
    for district in malmo.districts:
        assert "inte från riktlinjen" in district.neighbourhoods_source


@pytest.mark.parametrize(("place", "district"), [
    ("Rosengård", "oster"), ("rosengård", "oster"), ("Öster", "oster"), ("oster", "oster"),
    ("Möllevången", "innerstaden"), ("Fosie", "soder"), ("Holma", "vaster"), ("Kirseberg", "norr"),
])
def test_a_place_leads_to_its_district(malmo: Municipality, place: str, district: str) -> None:
    found = malmo.find_district(place)
    assert found is not None and found.id == district


def test_an_unknown_place_leads_nowhere(malmo: Municipality) -> None:
    assert malmo.find_district("Lund") is None


def test_each_district_has_social_services_leisure_an_ssp_coordinator_and_a_police_area(
    malmo: Municipality,
) -> None:
    for district in malmo.districts:
        actors = sorted(u.actor.value for u in malmo.units_of_district(district.id))
        assert actors == ["leisure", "leisure", "police", "social_services"], district.id


def test_every_unit_is_a_law_actor_its_authority_hosts(malmo: Municipality) -> None:
    declared = dict(malmo.branches)
    for unit in malmo.units:
        assert isinstance(unit.actor, Actor)
        assert unit.actor in hosted_actors(malmo.authority(unit.authority), declared), unit.id


def test_only_the_district_ssp_coordinators_rest_on_an_assumed_actor(malmo: Municipality) -> None:
    assert sorted(u.id for u in malmo.units if u.actor_assumed) == [
        "ssp-innerstaden", "ssp-norr", "ssp-oster", "ssp-soder", "ssp-vaster"]


def test_plattform_malmo_has_the_guidelines_number_and_serves_all_levels(malmo: Municipality) -> None:
    contact = malmo.contact("plattform-malmo")
    assert contact.phone == "040-340550"
    assert contact.levels == (Level.UNIVERSAL, Level.SELECTIVE, Level.INDICATED)
    # "Det går även bra att själv kontakta eller hänvisa anhöriga till Plattform Malmö" (2.4).
    for level in Level:
        assert Role.RELATIVE in contact.roles_at(level)
    assert malmo.unit("plattform-malmo").authority == "sociala-resursnamnden"


def test_no_phone_number_is_invented(malmo: Municipality) -> None:
    """The guideline gives one number, Plattform Malmö's; the rest stay empty (112 is the alarm)."""
    numbers = {c.phone for c in malmo.contacts if c.phone} | {u.phone for u in malmo.units if u.phone}
    assert numbers == {"040-340550"}
    assert not any(c.opening_hours_sv for c in malmo.contacts)
    assert {r.phone for r in malmo.national_resources if r.phone} == {"112"}


def test_a_teacher_turns_to_student_health_and_the_school_ssp_coordinator_first(malmo: Municipality) -> None:
    # 2.4: in school, turn to the student health team or the SSP coordinator of the school administration.
    found = malmo.contacts_for(level=Level.UNIVERSAL, role=Role.SCHOOL_STAFF_COMPULSORY, district="oster")
    assert ids(found) == ["elevhalsoteamet-grundskolan", "ssp-grundskoleforvaltningen", "plattform-malmo"]


def test_a_youth_leader_in_rosengard_turns_to_the_district_ssp_coordinator(malmo: Municipality) -> None:
    district = malmo.find_district("Rosengård")
    assert district is not None
    universal = malmo.contacts_for(level=Level.UNIVERSAL, role=Role.LEISURE_STAFF, district=district.id)
    assert ids(universal) == ["ssp-oster", "plattform-malmo"]
    indicated = malmo.contacts_for(level=Level.INDICATED, role=Role.LEISURE_STAFF, district=district.id)
    # 4.5, in the guideline's order, with Öster's own social services and police area.
    assert ids(indicated) == ["ifo-oster", "plattform-malmo", "samordningsteamet", "lpo-oster",
                              "sakerhetspolisen", "trygghet-och-sakerhet"]


def test_a_relative_is_sent_to_plattform_malmo_and_social_services(malmo: Municipality) -> None:
    assert ids(malmo.contacts_for(level=Level.UNIVERSAL, role=Role.RELATIVE, district="soder")) == [
        "plattform-malmo"]
    assert ids(malmo.contacts_for(level=Level.INDICATED, role=Role.RELATIVE, district="soder")) == [
        "ifo-soder", "plattform-malmo"]


def test_without_a_district_every_districts_contact_is_listed(malmo: Municipality) -> None:
    found = ids(malmo.contacts_for(level=Level.SELECTIVE))
    assert found[:6] == ["ifo-norr", "ifo-soder", "ifo-oster", "ifo-vaster", "ifo-innerstaden",
                         "plattform-malmo"]


def test_the_coordination_team_is_convened_by_the_social_resources_committee(malmo: Municipality) -> None:
    team = malmo.cooperation("samordningsteamet")
    assert team.convener == "sociala-resursnamnden"
    assert {"grundskolenamnden", "gymnasie-och-vuxenutbildningsnamnden", "kommunstyrelsen",
            "polismyndigheten", "sociala-resursnamnden"} <= set(team.members)
    assert team.levels == (Level.INDICATED,)
    assert malmo.contact("samordningsteamet").cooperation == "samordningsteamet"


def test_the_forms_of_cooperation(malmo: Municipality) -> None:
    assert ids(malmo.cooperations) == ["sspf", "sig", "samordningsteamet", "dialogforum-hatbrott",
                                       "samverkansoverenskommelsen", "foreningsnatverk"]
    agreement = malmo.cooperation("samverkansoverenskommelsen")
    assert agreement.valid.covers(dt.date(2015, 12, 13)) and not agreement.valid.covers(dt.date(2017, 1, 1))
    assert malmo.cooperation("dialogforum-hatbrott").members == ("hatbrottsgruppen",)


def test_plattform_malmos_services(malmo: Municipality) -> None:
    names = [s.name_sv for s in malmo.services_of_unit("plattform-malmo")]
    assert names[:9] == [
        "Chatta med en socialsekreterare", "Heder – tidigt stöd", "Familjeteamet",
        "Konsultationsteamet för avhoppare", "Maria Malmö", "Multisystemisk terapi (MST)",
        "Socialarbetare för unga (SFU)", "Socialsekreterare hos polisen", "Stödcentrum för brottsutsatta",
    ]
    honour = malmo.service("heder-tidigt-stod")
    assert honour.ages is not None and honour.ages.high == 21
    assert "heder-tidigt-stod" not in ids(malmo.services_for(age=22))
    assert "heder-tidigt-stod" in ids(malmo.services_for(age=21, level=Level.INDICATED))


def test_vara_liv_starts_in_2016(malmo: Municipality) -> None:
    assert "vara-liv" not in ids(malmo.services_for(on=dt.date(2015, 12, 13)))
    assert "vara-liv" in ids(malmo.services_for(on=dt.date(2016, 2, 1)))


def test_the_partners_named_at_the_indicated_level(malmo: Municipality) -> None:
    level = malmo.level(Level.INDICATED)
    assert [malmo.authority(p).kind for p in level.partners] == [
        "probation_service", "employment_service", "institutional_care_board", "region"]
    assert all(malmo.authority(p).acts_as == "other_authority" for p in level.partners)


def test_the_levels_say_who_works_there_and_whether_there_is_a_plan(malmo: Municipality) -> None:
    assert [lv.id for lv in malmo.levels] == [Level.UNIVERSAL, Level.SELECTIVE, Level.INDICATED]
    assert [lv.competence.exists for lv in malmo.levels] == [True, True, False]
    assert "Säkerhetspolisen" in malmo.level(Level.INDICATED).actors_sv
    assert "oro räcker" in malmo.level(Level.INDICATED).description_sv


def test_the_national_support_of_the_time_and_todays_centre(malmo: Municipality) -> None:
    in_2015 = ids(malmo.national_resources_on(dt.date(2015, 12, 13)))
    assert {"nationella-samordnaren", "hjalptelefon-roda-korset"} <= set(in_2015)
    assert "cve" not in in_2015
    cve = next(r for r in malmo.national_resources if r.id == "cve")
    assert cve.later and not cve.verified and cve.valid.start == dt.date(2018, 1, 1)
    assert "cve" in ids(malmo.national_resources_on(dt.date(2025, 1, 1)))


def test_every_entry_names_its_source(malmo: Municipality) -> None:
    entries: list[Entry] = [*malmo.levels, *malmo.authorities, *malmo.districts, *malmo.units,
                             *malmo.contacts, *malmo.services, *malmo.cooperations, *malmo.national_resources]
    assert all(e.source for e in entries)


def test_a_municipality_is_hashable_and_equal_to_a_fresh_load(malmo: Municipality) -> None:
    from varna.guide import DEFAULT_MUNICIPALITY_FILE, load_municipality

    again = load_municipality(DEFAULT_MUNICIPALITY_FILE, display=DEFAULT_MUNICIPALITY_FILE.name)
    assert again == malmo and hash(again) == hash(malmo)


def test_lookups_name_what_is_missing(malmo: Municipality) -> None:
    with pytest.raises(KeyError, match="ifo-lund"):
        malmo.unit("ifo-lund")
    assert malmo.name_of("sdn-oster") == "Stadsområdesnämnd Öster"
    assert malmo.name_of("samordningsteamet") == "Samordningsteamet"
