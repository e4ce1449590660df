"""Schools known by a short name, spots named by ordinary words, names after a head noun,
schools after "går på", and the abbreviation of a case number.

Each rule has its pair: the lower-case name goes, the ordinary word spelled the same stays.
"""

from __future__ import annotations

import pytest

from varna.deid import deidentify


def labels(text: str) -> list[tuple[str, str]]:
    return [(e.text, e.label) for e in deidentify(text).entities]


@pytest.mark.parametrize(("text", "school"), [
    ("han går på bladins sen i höstas", "bladins"),
    ("Hon har börjat på Hermods i Malmö.", "Hermods"),
    ("hon pluggar på procivitas nu", "procivitas"),
    ("de satte upp lappar på malmö latin", "malmö latin"),
    ("Han går första året på Drottning Blankas gymnasieskola.", "Drottning Blankas gymnasieskola"),
    ("han går på nti gymnasiet", "nti gymnasiet"),
    ("Hon läser ekonomi på Thoren Business School.", "Thoren Business School"),
    ("han går på praktiska gymnasiet", "praktiska gymnasiet"),
    ("Kusinen har sökt till Praktiska.", "Praktiska"),
])
def test_a_school_known_by_a_short_name_goes_in_any_case(text: str, school: str) -> None:
    assert (school, "school") in labels(text)
    assert school not in deidentify(text).text


@pytest.mark.parametrize("text", [
    "Han har praktiska svårigheter med läxorna.",
    "Praktiska frågor tas på nästa möte.",
    "Han läser latin och tyska.",
    "Jensen sa att han vill byta skola.",  # a surname, not the school chain
])
def test_the_same_words_as_ordinary_words_are_no_school(text: str) -> None:
    assert all(label != "school" for _, label in labels(text))


def test_a_spot_named_by_an_ordinary_word_goes_after_a_preposition_of_place() -> None:
    result = deidentify("de hänger på triangeln varje kväll och ibland vid caroli")
    assert result.text == "de hänger på en plats varje kväll och ibland vid en plats"


@pytest.mark.parametrize("text", [
    "Eleven ritade en triangel och mätte vinklarna i triangeln.",
    "den gula triangeln på skylten",
    "fri entré för alla under 18",
])
def test_the_ordinary_word_stays(text: str) -> None:
    assert deidentify(text).text == text


def test_a_definite_noun_after_a_head_noun_is_the_name() -> None:
    assert labels("vi ses på fritidsgården rosen kl 5") == [("fritidsgården rosen", "organisation")]
    assert labels("hon går på förskolan kastanjen") == [("kastanjen", "school")]


@pytest.mark.parametrize("text", [
    "vi ses på fritidsgården idag",
    "hon var på fritidsgården kvällen innan",
    "han går på förskolan nära hemmet",
    "han var på fritidsgården nästan varje dag",
])
def test_time_words_and_adverbs_after_a_head_noun_stay(text: str) -> None:
    assert deidentify(text).text == text


def test_an_unknown_lower_case_word_after_gar_pa_is_a_school() -> None:
    assert labels("hon går på zelmaskolan och han började på didaktus") == [
        ("zelmaskolan", "school"), ("didaktus", "school")]


@pytest.mark.parametrize("text", [
    "hon gick på bio igår",
    "han går på sfi och komvux",
    "han går på snap hela dagarna",
    "han började på bygg i höstas",
    "han kom på idén själv",
])
def test_ordinary_words_programmes_and_platforms_after_gar_pa_stay(text: str) -> None:
    assert deidentify(text).text == text


def test_the_abbreviation_of_a_case_number_goes_with_it_and_whole_words_stay() -> None:
    result = deidentify("Ärendet har Dnr 4.2.1-123/2016. Ärendenummer 2016-0345. dnr: SoN 2016/1234")
    assert result.text == "Ärendet har [Ärendenummer 1]. Ärendenummer [Ärendenummer 2]. [Ärendenummer 3]"
    assert [e.text for e in result.entities] == ["Dnr 4.2.1-123/2016", "2016-0345", "dnr: SoN 2016/1234"]


def test_an_age_after_a_relation_and_a_copula_goes_even_before_a_pronoun() -> None:
    assert deidentify("hans lillebror e bara 13 han får inte va med").text == (
        "hans lillebror e bara 13–14 han får inte va med")
    assert deidentify("han e 15 min från skolan").text == "han e 15 min från skolan"


def test_a_lower_case_word_after_heter_is_the_name_even_when_it_is_a_word() -> None:
    result = deidentify("hej! jag heter sanna och går i nian. hon heter klara och kallas för nazist av vissa")
    assert result.text == ("hej! jag heter [Person 1] och går i nian. hon heter [Person 2] och kallas för "
                           "nazist av vissa")


def test_after_heter_chat_words_and_stop_words_stay() -> None:
    for text in ("vad han heter är oklart", "mamman heter inte så", "de kallas för ungdomarna"):
        assert deidentify(text).text == text
    assert deidentify("han heter typ amir").text == "han heter typ [Person 1]"


def test_a_first_name_that_is_a_frequent_word_goes_with_the_surname_after_it() -> None:
    text = "Närvarande: Per Nilsson (polis), Bo Ek (socialtjänsten). Per vecka blir det tre samtal."
    assert deidentify(text).text == ("Närvarande: [Person 1] (polis), [Person 2] (socialtjänsten). "
                                     "Per vecka blir det tre samtal.")
    assert deidentify("Mamma Layla Khalil ringde.").text == "Mamma [Person 1] ringde."
