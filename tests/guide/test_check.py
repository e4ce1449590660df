"""`check_municipality`: every problem in a municipality file, named with file, line, entry and field.

The files under data/broken/ are copies of Exempelby with one defect each, so each
test can state the one exact message it expects. The tests further down break a
fresh copy the way a hand edit might and check that the message points straight at it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.guide.helpers import BROKEN, EXEMPELBY, copy_of, edit, line_of

from varna.guide import (
    DEFAULT_MUNICIPALITY_FILE,
    MunicipalityError,
    check_document,
    check_municipality,
    load_municipality,
)


def test_the_bundled_malmo_file_is_clean() -> None:
    assert check_municipality(DEFAULT_MUNICIPALITY_FILE) == []


def test_the_second_municipality_is_clean() -> None:
    assert check_municipality(EXEMPELBY) == []


@pytest.mark.parametrize(
    ("name", "line", "expected"),
    [
        ("unknown-field.yaml", 112,
         "entry 'socialtjansten' field 'telefon': unknown field (allowed: id, name_sv, name_en, authority, "
         "district, actor, actor_assumed, description_sv, phone, web, source)"),
        ("missing-field.yaml", 162,
         "entry 'trygghetssamordnaren' field 'function_sv': required field is missing"),
        ("duplicate-id.yaml", 130,
         "entry 'skolorna' field 'id': duplicate id: already used by the unit on line 114"),
        ("dangling-unit.yaml", 135,
         "entry 'elevhalsan' field 'unit': refers to unknown unit 'elevhalsa'"),
        ("bad-phone.yaml", 142,
         "entry 'fritidsgarden-norra' field 'phone': '390 06 21' does not look like a Swedish number "
         "(start with the area code, for example 040-…, or write +46)"),
        ("bad-actor.yaml", 114,
         "entry 'skolorna' field 'actor': unknown actor kind 'teacher' (allowed: social_services, "
         "school_health_medical, school_health_other, school_staff, leisure, safety_unit, police, "
         "security_police, private)"),
    ],
)
def test_each_broken_file_gives_exactly_its_one_message(name: str, line: int, expected: str) -> None:
    path = BROKEN / name
    assert check_municipality(path) == [f"{path}:{line}: {expected}"]


def test_the_broken_lines_are_where_the_defects_are() -> None:
    # The hard-coded lines above, found again by their content.
    assert line_of(BROKEN / "unknown-field.yaml", "telefon:") == 112
    assert line_of(BROKEN / "dangling-unit.yaml", "unit: elevhalsa\n".strip()) == 135
    assert line_of(BROKEN / "bad-phone.yaml", '"390 06 21"') == 142
    assert line_of(BROKEN / "bad-actor.yaml", "actor: teacher") == 114
    assert line_of(BROKEN / "duplicate-id.yaml", "Skolorna igen") == 130


def test_invalid_yaml_is_unreadable_with_the_line() -> None:
    path = BROKEN / "bad-yaml.yaml"
    result = check_document(path)
    assert result.unreadable
    assert [str(p) for p in result.problems] == [
        f"{path}:168: not valid YAML: expected ',' or ']', but got ':' "
        "(while parsing a flow sequence that starts on line 167)"
    ]


def test_a_missing_file_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "saknas.yaml"
    result = check_document(path)
    assert result.unreadable
    assert [str(p) for p in result.problems] == [f"{path}: cannot read the file: No such file or directory"]


@pytest.mark.parametrize(("content", "message"), [
    ("", "the file is empty"),
    ("- a list\n", "expected a mapping with the sections"),
])
def test_a_file_that_is_not_a_mapping_is_unreadable(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "kommun.yaml"
    path.write_text(content, encoding="utf-8")
    result = check_document(path)
    assert result.unreadable
    assert message in str(result.problems[0])


def test_loading_a_broken_file_raises_with_every_problem() -> None:
    with pytest.raises(MunicipalityError) as caught:
        load_municipality(BROKEN / "dangling-unit.yaml")
    assert len(caught.value.problems) == 1
    assert "refers to unknown unit 'elevhalsa'" in str(caught.value)


# -- breaking a fresh copy -------------------------------------------------------------
@pytest.fixture
def kommun(tmp_path: Path) -> Path:
    return copy_of(EXEMPELBY, tmp_path)


def messages(path: Path) -> list[str]:
    return check_municipality(path)


def test_every_problem_is_reported_not_just_the_first(kommun: Path) -> None:
    edit(kommun, "    unit: elevhalsan\n", "    unit: elevhalsa\n")
    edit(kommun, '    phone: "031-390 06 21"\n', '    phone: "21"\n')
    edit(kommun, "actor: school_staff,", "actor: teacher,")
    edit(kommun, "  id: exempelby-2024\n", "  id: exempelby-2024\n  lan: Västra Götaland\n")
    found = messages(kommun)
    assert len(found) == 4, found
    assert [m.split(": ", 1)[0] for m in found] == sorted(
        (m.split(": ", 1)[0] for m in found), key=lambda where: int(where.rsplit(":", 1)[1])
    ), "problems come in file order"


def test_an_unquoted_number_is_named_as_such(kommun: Path) -> None:
    edit(kommun, '    phone: "114 14"\n', "    phone: 11414\n")
    assert messages(kommun) == [
        f"{kommun}:{line_of(kommun, 'phone: 11414')}: entry 'polisen' field 'phone': "
        "expected a phone number in quotes, got 11414 (YAML read it as a number)"
    ]


@pytest.mark.parametrize("number", ["040-340550", "040-34 05 50", "+46 40 34 05 50", "08-465 004 00",
                                    "020-22 00 60", "112", "114 14", "1177", "116 111", "0701-74 06 05"])
def test_swedish_numbers_are_accepted(kommun: Path, number: str) -> None:
    edit(kommun, '    phone: "114 14"\n', f'    phone: "{number}"\n')
    assert messages(kommun) == []


@pytest.mark.parametrize(("number", "why"), [
    ("12345", "does not look like a Swedish number"),
    ("040-34", "has 5 digits"),
    ("+47 22 00 00 00", "not a Swedish number"),
    ("0046 40 34 05 50", "international number"),
    ("040--340550", "does not look like a phone number"),
    ("tel 040-340550", "does not look like a phone number"),
])
def test_numbers_that_are_not_swedish_are_rejected(kommun: Path, number: str, why: str) -> None:
    edit(kommun, '    phone: "114 14"\n', f'    phone: "{number}"\n')
    found = messages(kommun)
    assert len(found) == 1 and "entry 'polisen' field 'phone'" in found[0] and why in found[0], found


@pytest.mark.parametrize(("address", "why"), [
    ("exempelby.example/socialtjanst", "not an http(s) address"),
    ("ftp://exempelby.example/", "not an http(s) address"),
    ("https://exempelby.example/a b", "without spaces"),
    ("http://malmo.se/kommun--politik/sa-arbetar-vi-med.../ssp.html", "looks shortened"),
])
def test_web_addresses_must_be_whole_http_addresses(kommun: Path, address: str, why: str) -> None:
    edit(kommun, "    web: https://exempelby.example/socialtjanst\n", f'    web: "{address}"\n')
    found = messages(kommun)
    assert len(found) == 1 and "entry 'socialtjansten' field 'web'" in found[0] and why in found[0], found


def test_an_unknown_level_is_reported(kommun: Path) -> None:
    edit(kommun, "    levels: [indicated]\n", "    levels: [individual]\n")
    found = messages(kommun)
    assert f"{kommun}:{line_of(kommun, '[individual]')}: entry 'polisen' field 'levels': unknown level " \
           "'individual' (allowed: universal, selective, indicated)" in found


def test_a_turn_to_contact_must_serve_that_level(kommun: Path) -> None:
    edit(kommun, "    turn_to: [socialtjansten, polisen, trygghetssamordnaren]\n",
         "    turn_to: [socialtjansten, polisen, trygghetssamordnaren, elevhalsan]\n")
    assert messages(kommun) == [
        f"{kommun}:{line_of(kommun, 'trygghetssamordnaren, elevhalsan]')}: entry 'indicated' field "
        "'turn_to': contact 'elevhalsan' is listed here but does not serve level 'indicated' "
        "(add it to the contact's levels)"
    ]


def test_all_three_levels_must_be_described(kommun: Path) -> None:
    text = kommun.read_text(encoding="utf-8")
    start, end = text.index("  - id: indicated\n"), text.index("authorities:\n")
    kommun.write_text(text[:start] + "\n" + text[end:], encoding="utf-8")
    assert f"{kommun}:{line_of(kommun, 'levels:')}: field 'levels': the file must describe all three " \
           "levels; missing: indicated" in messages(kommun)


def test_roles_per_level_must_match_the_levels(kommun: Path) -> None:
    edit(kommun, "    levels: [selective, indicated]\n    roles: staff\n",
         "    levels: [selective, indicated]\n    roles:\n      selective: all\n      universal: staff\n")
    found = messages(kommun)
    assert any("entry 'trygghetssamordnaren' field 'roles.universal': roles are given for level "
               "'universal'" in m for m in found), found
    assert any("entry 'trygghetssamordnaren' field 'roles': no roles given for level 'indicated'" in m
               for m in found), found


def test_an_unknown_role_is_reported(kommun: Path) -> None:
    edit(kommun, "    roles: [leisure_staff, civil_society]\n", "    roles: [youth_leader]\n")
    found = messages(kommun)
    assert len(found) == 1 and "field 'roles': unknown role 'youth_leader'" in found[0], found


def test_a_kind_the_law_does_not_know_needs_acts_as(kommun: Path) -> None:
    edit(kommun, "    kind: social_committee\n    acts_as: social_services\n", "    kind: social_committee\n")
    found = messages(kommun)
    assert f"{kommun}:{line_of(kommun, 'kind: social_committee')}: entry 'socialnamnden' field 'acts_as': " \
           "required for kind 'social_committee', which the law does not know: say how the secrecy " \
           "engine should see its staff (social_services, school_health_medical, school_health_other, " \
           "school_staff, leisure, safety_unit, police, security_police, private, other_authority)" in found


def test_a_kind_the_law_knows_takes_no_acts_as(kommun: Path) -> None:
    edit(kommun, "    kind: city_executive\n", "    kind: city_executive\n    acts_as: safety_unit\n")
    found = messages(kommun)
    assert len(found) == 1 and "entry 'kommunstyrelsen' field 'acts_as': kind 'city_executive' is one the " \
                               "law knows" in found[0], found


def test_an_unknown_authority_kind_is_reported(kommun: Path) -> None:
    edit(kommun, "    kind: city_executive\n", "    kind: municipal_board\n")
    found = messages(kommun)
    assert any("entry 'kommunstyrelsen' field 'kind': unknown authority kind 'municipal_board'" in m
               for m in found), found


def test_a_unit_needs_a_branch_for_its_actor(kommun: Path) -> None:
    edit(kommun, "    - {id: fritidsgardar, name_sv: Fritidsgårdarna, actors: [leisure]}\n", "")
    found = messages(kommun)
    assert len(found) == 2, found
    assert "entry 'fritidsgarden-norra' field 'actor': 'barn-och-utbildningsnamnden' (kind " \
           "'school_committee') has no branch with actor kind 'leisure' (it has: school_health_medical, " \
           "school_health_other, school_staff); declare one under branches.school_committee or pick " \
           "another actor" in found[0]


def test_an_actor_may_work_in_only_one_branch_per_kind(kommun: Path) -> None:
    edit(kommun, "actors: [school_health_medical]}", "actors: [school_health_medical, leisure]}")
    found = messages(kommun)
    assert len(found) == 1 and "actor kind 'leisure' is already in branch" in found[0], found


def test_a_unit_of_a_committee_sits_in_that_committees_district(tmp_path: Path) -> None:
    malmo = copy_of(DEFAULT_MUNICIPALITY_FILE, tmp_path)
    edit(malmo, "authority: sdn-oster,\n     actor: leisure,", "authority: sdn-oster, district: norr,\n"
                "     actor: leisure,")
    assert messages(malmo) == [
        f"{malmo}:{line_of(malmo, 'district: norr,')}: entry 'fritid-oster' field 'district': "
        "'sdn-oster' is the committee of district 'oster', not of 'norr'"
    ]


def test_a_place_leads_to_one_district(kommun: Path) -> None:
    edit(kommun, "[Ängen, Hamnen]", "[Ängen, Hamnen, Kvarnbacken]")
    found = messages(kommun)
    assert len(found) == 1 and "'Kvarnbacken' is also a place in district 'norra'" in found[0], found


def test_aliases_may_not_name_two_authorities(kommun: Path) -> None:
    edit(kommun, "    aliases: [bun]\n", "    aliases: [bun, socialnamnden]\n")
    found = messages(kommun)
    assert len(found) == 1 and "alias 'socialnamnden' already names 'socialnamnden'" in found[0], found


def test_a_key_given_twice_is_reported(kommun: Path) -> None:
    edit(kommun, '    phone: "114 14"\n', '    phone: "114 14"\n    phone: "112"\n')
    line = line_of(kommun, 'phone: "112"')
    assert messages(kommun) == [
        f"{kommun}:{line}: entry 'polisen' field 'phone': given twice in one mapping; YAML would silently "
        "keep only the last"
    ]


def test_dates_must_not_be_inverted(kommun: Path) -> None:
    edit(kommun, "    levels: [selective]\n    source: Påhittat\n\nnational",
         "    levels: [selective]\n    valid: {from: 2024-06-01, to: 2024-01-01}\n    source: Påhittat\n\n"
         "national")
    found = messages(kommun)
    assert len(found) == 1 and "entry 'sspf' field 'valid.to': ends 2024-01-01 before it starts 2024-06-01" \
        in found[0], found


def test_an_age_range_must_not_be_inverted(kommun: Path) -> None:
    edit(kommun, "ages: {from: 0, to: 20}", "ages: {from: 20, to: 12}")
    found = messages(kommun)
    assert len(found) == 1 and "entry 'familjestod' field 'ages.to': the age range ends (12) before it " \
                               "starts (20)" in found[0], found


def test_a_later_resource_needs_its_start_date(kommun: Path) -> None:
    edit(kommun, "    kind: emergency\n", "    kind: emergency\n    later: true\n")
    found = messages(kommun)
    assert len(found) == 1 and "entry 'nodnummer' field 'valid.from': an entry marked later: true needs " \
                               "the date it began" in found[0], found


def test_a_number_where_text_belongs_gets_a_hint(kommun: Path) -> None:
    edit(kommun, "    source: Allmän kunskap\n", "    source: 2.4\n")
    found = messages(kommun)
    assert len(found) == 1 and "field 'source': expected text, got 2.4 (YAML read 2.4 as a number; put it " \
                               "in quotes)" in found[0], found


def test_references_everywhere_are_checked(kommun: Path) -> None:
    edit(kommun, "    convener: trygghetssamordnaren\n", "    convener: trygghetsenheten\n")
    edit(kommun, "    contact: socialtjansten\n", "    contact: socialjouren\n")
    edit(kommun, "    partners: [region-exempel]\n", "    partners: [region-skane]\n")
    edit(kommun, "      responsible: [kommunstyrelsen]\n", "      responsible: [ks]\n")
    found = " | ".join(messages(kommun))
    for expected in (
        "entry 'sspf' field 'convener': refers to unknown authority, partner or unit 'trygghetsenheten'",
        "entry 'familjestod' field 'contact': refers to unknown contact 'socialjouren'",
        "entry 'indicated' field 'partners': refers to unknown partner 'region-skane'",
        "entry 'universal' field 'competence.responsible': refers to unknown authority, partner or unit 'ks'",
    ):
        assert expected in found


def test_the_format_version_is_checked(kommun: Path) -> None:
    edit(kommun, "format: 1\n", "format: 2\n")
    assert messages(kommun) == [f"{kommun}:{line_of(kommun, 'format: 2')}: field 'format': unknown format 2; "
                                "this version of Värna reads format 1"]
