"""Malmö's places are generalised; named organisations are replaced."""

from __future__ import annotations

import pytest
from tests.deid.helpers import gone, kept, labels

from varna.deid import deidentify


@pytest.mark.parametrize(("place", "phrase"), [
    ("Rosengård", "ett bostadsområde"), ("Lindängen", "ett bostadsområde"), ("Seved", "ett bostadsområde"),
    ("Holma", "ett bostadsområde"), ("Kroksbäck", "ett bostadsområde"), ("Hermodsdal", "ett bostadsområde"),
    ("Möllevången", "ett bostadsområde"), ("Värnhem", "ett bostadsområde"), ("Limhamn", "ett stadsområde"),
    ("Södra Innerstaden", "ett stadsområde"), ("Västra hamnen", "ett stadsområde"),
    ("Möllevångstorget", "en plats"), ("Triangeln", "en plats"), ("Emporia", "en plats"),
    ("Mobilia", "en plats"),
])
def test_named_places_are_generalised(place: str, phrase: str) -> None:
    result = gone(f"Han hänger ofta i {place} på kvällarna.", place)
    assert f"i {phrase} på kvällarna" in result.text
    assert labels(result)[place] == "place"


def test_place_opening_a_sentence_and_in_possessive() -> None:
    result = deidentify("Rosengård har en ny fritidsgård. Rosengårds centrum är stängt.")
    assert result.text.startswith("Ett bostadsområde har")
    assert "Rosengård" not in result.text


def test_lower_case_place_in_chat() -> None:
    gone("vi ses i rosengård efter skolan", "rosengård")


def test_large_cities_stay() -> None:
    kept("Han flyttade från Göteborg till Malmö och sedan till Lund.", "Göteborg", "Malmö", "Lund")


@pytest.mark.parametrize(("text", "name", "label"), [
    ("Han går på Rosengårdsskolan sedan i höstas.", "Rosengårdsskolan", "school"),
    ("Hon går på Sofielunds skola.", "Sofielunds skola", "school"),
    ("Han började på Malmö Latinskola.", "Malmö Latinskola", "school"),
    ("Brodern går på förskolan Solrosen.", "Solrosen", "school"),
    ("Han tränar i Kroksbäcks IF.", "Kroksbäcks IF", "association"),
    ("Han spelar i IFK Malmö.", "IFK Malmö", "association"),
    ("Hon är med i föreningen Unga Röster.", "Unga Röster", "association"),
    ("Familjen går till Imam Ali-moskén på fredagar.", "Ali-moskén", "place_of_worship"),
    ("De träffas i S:t Pauli kyrka.", "Pauli kyrka", "place_of_worship"),
    ("Han hänger på fritidsgården Gryningen.", "Gryningen", "organisation"),
    ("Han jobbar på Pizzeria Roma.", "Pizzeria Roma", "workplace"),
    ("Hon har praktik hos Bergs Bygg AB.", "Bergs Bygg AB", "organisation"),
])
def test_named_organisations_are_replaced(text: str, name: str, label: str) -> None:
    result = gone(text, name)
    assert any(e.label == label for e in result.entities), result.entities


def test_generic_institutions_stay() -> None:
    result = kept("Skolan har kontaktat fritidsgården och moskén. Kyrkan och föreningen vill hjälpa till.",
                  "Skolan", "fritidsgården", "moskén", "Kyrkan", "föreningen")
    assert not result.entities


def test_the_same_school_keeps_its_number() -> None:
    result = deidentify("Han gick på Rosengårdsskolan och sedan på Oxievångsskolan. Rosengårdsskolan ringde.")
    assert result.text.count("[Skola 1]") == 2
    assert "[Skola 2]" in result.text


def test_a_mosque_placeholder_says_what_kind() -> None:
    assert "[Moské 1]" in deidentify("De ber i Fosiemoskén varje fredag.").text
