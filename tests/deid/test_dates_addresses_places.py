"""Dates keep the sentence's full stop; addresses in lower case and with floors; squares and districts."""

from __future__ import annotations

import pytest
from tests.deid.helpers import gone, kept, labels

from varna.deid import deidentify


def test_full_stop_after_a_date_stays() -> None:
    result = deidentify("Vi träffas igen den 14 april. Då kommer mamman.")
    assert result.text == "Vi träffas igen i april. Då kommer mamman."


def test_abbreviated_month_with_year_keeps_its_dot_in_the_date() -> None:
    result = gone("Besöket 5 nov. 2019 gick bra.", "5 nov. 2019")
    assert "i november 2019 gick bra" in result.text


def test_weekday_before_a_date_goes_with_it() -> None:
    result = gone("Anteckning fre 7/4: lugnt ute.", "fre 7/4")
    assert result.text.startswith("Anteckning i april:")


def test_house_number_before_a_date_is_not_taken_for_an_address() -> None:
    result = deidentify("Bråket på Lönngatan 9 maj var värst.")
    assert "i maj" in result.text or "maj" in result.text


@pytest.mark.parametrize(("text", "address"), [
    ("hon bor på björkhagsgatan 14 lgh 1102 tror jag", "björkhagsgatan 14 lgh 1102"),
    ("dom håller till på tegels väg 9 ibland", "tegels väg 9"),
    ("adressen e norra parkvägen 31", "norra parkvägen 31"),
    ("Adress: Kastanjegatan 7A, 3 tr, 212 22 Malmö", "Kastanjegatan 7A, 3 tr"),
    ("Lappar sitter på Anna Lindhs väg 10–14 i trapphusen.", "Anna Lindhs väg 10–14"),
    ("De ses hos Von Platens gata 2.", "Von Platens gata 2"),
])
def test_addresses_in_every_writing(text: str, address: str) -> None:
    result = gone(text, address)
    assert labels(result)[address] == "address"


def test_ystadvagen_in_malmo_keeps_i() -> None:
    result = deidentify("Han bor på Ystadvägen 44 i Malmö.")
    assert result.text.endswith(" i Malmö.")


def test_ordinary_roads_in_lower_case_stay() -> None:
    kept("vi tog motorvägen 2 gånger och landsvägen 3 mil", "motorvägen", "landsvägen")


@pytest.mark.parametrize(("text", "place"), [
    ("Bråk vid Fosies torg igen.", "Fosies torg"),
    ("De satt i Pildammsparken, sen på Lindängens centrum.", "Lindängens centrum"),
])
def test_square_or_centre_named_after_a_place(text: str, place: str) -> None:
    result = gone(text, place)
    assert labels(result)[place] == "place"


@pytest.mark.parametrize(("text", "word"), [
    ("Protokoll SSP Väster 2019-02-01", "Väster"),
    ("Rapport från stadsområde Norr om läget.", "Norr"),
])
def test_compass_district_after_an_area_word(text: str, word: str) -> None:
    gone(text, word)


def test_compass_word_as_direction_stays() -> None:
    kept("De sprang norr om skolan. Söder om parken var tomt.", "norr", "Söder")


def test_iso_date_after_a_place_is_no_house_number() -> None:
    result = deidentify("Möte Lindängen/Bellevuegården 2018-04-09 kl 14.")
    assert "i april 2018" in result.text


@pytest.mark.parametrize("number", ["+44 7911 123456", "+358 40 123 4567", "0049 170 1234567"])
def test_foreign_phone_numbers(number: str) -> None:
    result = gone(f"Pappans nummer {number} (utomlands).", number)
    assert labels(result)[number] == "phone"


@pytest.mark.parametrize("text", [
    "Han kör en moped, skylten var GHT 47 enligt vakten.",
    "Mopeden med reg. nr KLM 83 stod utanför.",
])
def test_moped_plates_after_a_vehicle_word(text: str) -> None:
    plate = next(part for part in ("GHT 47", "KLM 83") if part in text)
    result = gone(text, plate)
    assert labels(result)[plate] == "vehicle"


def test_three_letters_and_two_digits_without_a_vehicle_word_stay() -> None:
    kept("Vi pratade om LVU 12 och ABC 34 på mötet.", "ABC 34")
