"""Organisations named by a head word, a chain and a place, an adjective before an association,
or a place before an institution."""

from __future__ import annotations

import pytest
from tests.deid.helpers import gone, kept, labels


@pytest.mark.parametrize(("text", "name", "label"), [
    ("Pappan driver Restaurang Saffran vid torget.", "Restaurang Saffran", "organisation"),
    ("Vi möttes på Ungdomsgården Fyren igår.", "Ungdomsgården Fyren", "organisation"),
    ("Hon läser svenska på Komvux Malmö nu.", "Komvux Malmö", "organisation"),
    ("Han ber i Masjid an-Nur på fredagar.", "Masjid an-Nur", "place_of_worship"),
])
def test_capitalised_head_goes_with_the_name(text: str, name: str, label: str) -> None:
    result = gone(text, name.split()[0], name.split()[-1])
    assert labels(result)[name] == label


@pytest.mark.parametrize(("text", "name"), [
    ("Mamman jobbar på Willys Rosengård.", "Willys Rosengård"),
    ("han står utanför coop forum jägersro varje kväll", "coop forum jägersro"),
    ("hon kassajobbar på ica maxi hyllie", "ica maxi hyllie"),
])
def test_chain_and_place(text: str, name: str) -> None:
    result = gone(text, name)
    assert labels(result)[name] == "workplace"


def test_chain_alone_stays() -> None:
    kept("Vi handlade på ICA och Lidl.", "ICA", "Lidl")


@pytest.mark.parametrize(("text", "name", "label"), [
    ("Föräldrarna är med i Eritreanska kulturföreningen sedan länge.", "Eritreanska kulturföreningen",
     "association"),
    ("Kontakt med Assyriska ortodoxa församlingen i Malmö.", "Assyriska ortodoxa församlingen i Malmö",
     "place_of_worship"),
    ("Han fick hjälp av Afghanska föräldraföreningen.", "Afghanska föräldraföreningen", "association"),
])
def test_adjective_and_association(text: str, name: str, label: str) -> None:
    result = gone(text, name)
    assert labels(result)[name] == label


def test_ordinary_adjective_before_association_stays() -> None:
    result = kept("Den nya föreningen och Svenska kyrkan hjälper till.", "föreningen", "Svenska kyrkan")
    assert not result.entities


@pytest.mark.parametrize(("text", "name"), [
    ("Hon jobbar natt på Holma äldreboende.", "Holma äldreboende"),
    ("Läxhjälpen är på Seveds bibliotek.", "Seveds bibliotek"),
])
def test_place_and_institution(text: str, name: str) -> None:
    result = gone(text, name)
    assert labels(result)[name] == "organisation"


def test_institution_without_a_place_stays() -> None:
    kept("Hon lånar böcker på Stadsbiblioteket och går till biblioteket.", "biblioteket")


@pytest.mark.parametrize(("text", "name"), [
    ("Han tränar med Malmö Kanotklubb Kvarnen varje vecka.", "Malmö Kanotklubb Kvarnen"),
    ("Hon sjunger i Gospelkören Malmö på lördagar.", "Gospelkören Malmö"),
    ("Han spelar i Malmö Rugby Club sedan i våras.", "Malmö Rugby Club"),
])
def test_capitalised_words_joined_to_malmo_name_an_organisation(text: str, name: str) -> None:
    gone(text, name)


def test_the_city_and_its_authorities_stay() -> None:
    result = kept("Han bor i Malmö. Malmö stad och Polisen i Malmö har kontakt.", "Malmö stad", "Polisen")
    assert not result.entities


@pytest.mark.parametrize(("text", "name"), [
    ("Brodern jobbar på Rahimi Bil & Däck i Fosie.", "Rahimi Bil & Däck"),
    ("Pappan äger Nguyen Städ & Fönster i Malmö AB.", "Nguyen Städ & Fönster i Malmö AB"),
    ("Mamman arbetar på Vietnam Kitchen Hyllie.", "Vietnam Kitchen Hyllie"),
    ("Pojken är placerad på Ekbacken sedan mars.", "Ekbacken"),
])
def test_workplaces_and_companies_with_connectors(text: str, name: str) -> None:
    gone(text, name)


@pytest.mark.parametrize(("text", "name"), [
    ("Anmälan kom från Syriska Kulturföreningen i Malmö igår.", "Syriska Kulturföreningen i Malmö"),
    ("Hon går på Malmö Tekniska Gymnasium.", "Tekniska Gymnasium"),
    ("Pojken bor på HVB-hemmet Ekbacken.", "Ekbacken"),
    ("han går på kroksbäcksskolan typ", "kroksbäcksskolan"),
])
def test_more_organisation_writings(text: str, name: str) -> None:
    gone(text, name)


@pytest.mark.parametrize(("text", "name"), [
    ("hon jobbar på pizzeria zafran nu", "pizzeria zafran"),
    ("han tränar med ifk bunkeflo", "ifk bunkeflo"),
])
def test_lower_case_head_and_a_name_that_is_no_word(text: str, name: str) -> None:
    gone(text, name)


def test_lower_case_head_and_an_ordinary_word_stay() -> None:
    result = kept("vi fikade på café och sen pizzeria med mamma", "café", "pizzeria", "mamma")
    assert not result.entities


@pytest.mark.parametrize("place", ["Rinkeby", "hammarkullen", "Vivalla"])
def test_well_known_neighbourhoods_elsewhere_are_generalised(place: str) -> None:
    result = gone(f"Kusinen bor i {place} sedan i fjol.", place)
    assert "ett bostadsområde" in result.text


def test_name_after_a_head_goes_alone_elsewhere_too() -> None:
    result = gone("Hon bor på Stödboendet Lärkan. Personalen på Lärkan är oroliga.", "Lärkan")
    assert result.text.count("[Organisation 1]") == 2


@pytest.mark.parametrize(("text", "name"), [
    ("Morbrodern har en firma, Hassans Flytt & Städ, i Fosie.", "Hassans Flytt & Städ"),
    ("Vi träffade föräldranätverket ”Pappor på stan” i går.", "Pappor på stan"),
])
def test_firm_after_a_comma_and_group_in_quotes(text: str, name: str) -> None:
    gone(text, name)


def test_place_named_after_a_head_stays_a_place_elsewhere() -> None:
    result = gone("De öppnar Fritidsgården Holma. Bråk vid Holma centrum igen.", "Holma")
    assert "vid en plats igen" in result.text
