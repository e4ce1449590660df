"""Shaped identifiers: each kind with valid and invalid examples."""

from __future__ import annotations

import pytest
from tests.deid.helpers import gone, kept, labels, with_check_digit

from varna.deid import deidentify
from varna.deid.patterns import age_band, classify_identity_number, decade_phrase, luhn_ok

PNR = with_check_digit("811218987")  # 8112189876, the Tax Agency's own example
SAMORDNING = with_check_digit("701063239")  # day 63 = the 3rd


def test_check_digit_helper_matches_the_published_example() -> None:
    assert PNR == "8112189876"
    assert luhn_ok(PNR)
    assert not luhn_ok("8112189875")


@pytest.mark.parametrize("written", [
    f"{PNR[:6]}-{PNR[6:]}", PNR, f"19{PNR[:6]}-{PNR[6:]}", f"19{PNR}", f"{PNR[:6]} {PNR[6:]}",
])
def test_personnummer_in_every_writing(written: str) -> None:
    result = gone(f"Pojkens personnummer är {written} enligt registret.", written, PNR[6:])
    assert labels(result)[written] == "personnummer"
    assert "[Personnummer 1]" in result.text


def test_plus_separator_means_over_a_hundred() -> None:
    written = f"{PNR[:6]}+{PNR[6:]}"
    assert classify_identity_number(written) == "personnummer"
    assert labels(deidentify(f"Pnr {written}."))[written] == "personnummer"


def test_samordningsnummer_adds_sixty_to_the_day() -> None:
    written = f"{SAMORDNING[:6]}-{SAMORDNING[6:]}"
    assert classify_identity_number(written) == "samordningsnummer"
    result = gone(f"Han har samordningsnummer {written}.", written)
    assert "[Samordningsnummer 1]" in result.text


def test_a_wrong_check_digit_is_not_a_personnummer_but_still_goes() -> None:
    wrong = f"{PNR[:6]}-{PNR[6:9]}{(int(PNR[9]) + 1) % 10}"
    assert classify_identity_number(wrong) is None
    result = gone(f"Numret {wrong} står i anteckningen.", wrong)
    assert labels(result)[wrong] == "number"


@pytest.mark.parametrize("impossible", ["811318-9876", "810230-1234", "810000-1234"])
def test_an_impossible_date_is_not_a_personnummer(impossible: str) -> None:
    assert classify_identity_number(impossible) is None


def test_february_29_needs_a_leap_year() -> None:
    leap = with_check_digit("000229123")  # 2000 was a leap year
    assert classify_identity_number(f"20{leap}") == "personnummer"
    assert classify_identity_number(f"19{with_check_digit('010229123')}") is None


@pytest.mark.parametrize("phone", [
    "070-123 45 67", "0701234567", "070 123 45 67", "+46 70 123 45 67", "+46701234567",
    "0046 70 123 45 67", "040-34 10 00", "040-341000", "08-123 456 78", "08-12345678",
    "020-123 456", "0771-123 456", "(0)40 34 10 00", "+46 (0)40 34 10 00",
])
def test_phone_numbers_in_all_common_writings(phone: str) -> None:
    result = gone(f"Ring mamman på {phone} efter klockan fem.", phone)
    assert "[Telefon 1]" in result.text


@pytest.mark.parametrize("not_phone", ["112", "114 14", "2016-03-12", "2015/16", "kl. 08.30"])
def test_short_or_other_numbers_are_not_phones(not_phone: str) -> None:
    result = deidentify(f"Vi noterade {not_phone} i protokollet.")
    assert all(e.label != "phone" for e in result.entities)


def test_email_url_and_handles() -> None:
    text = ("Mejla amir.k05@hotmail.com eller se https://www.instagram.com/amir.k05/ och www.example.se/x. "
            "Han har snap: kingen_99, insta: amirrr.k och skriver som @shadowboy på tiktok. "
            "Kontot xX_bror_Xx delar filmer.")
    result = gone(text, "amir.k05@hotmail.com", "instagram.com/amir.k05", "example.se", "kingen_99",
                  "amirrr.k", "@shadowboy", "xX_bror_Xx")
    found = labels(result)
    assert found["amir.k05@hotmail.com"] == "email"
    assert found["kingen_99"] == "handle"
    assert found["@shadowboy"] == "handle"


def test_the_same_email_gets_the_same_placeholder() -> None:
    result = deidentify("Skriv till a.b@example.se. Svaret kom från a.b@example.se.")
    assert result.text.count("[E-post 1]") == 2


@pytest.mark.parametrize("plate", ["ABC 123", "ABC123", "ABC 12D", "MLB 55F"])
def test_vehicle_registration_numbers(plate: str) -> None:
    result = gone(f"Han sågs i en bil med registreringsnummer {plate} utanför skolan.", plate)
    assert labels(result)[plate] == "vehicle"


@pytest.mark.parametrize("not_plate", ["LVU 12", "ADHD", "IKEA"])
def test_acronyms_are_not_plates(not_plate: str) -> None:
    assert all(e.label != "vehicle" for e in deidentify(f"Det gäller {not_plate} nu.").entities)


def test_lower_case_plate_after_a_cue() -> None:
    gone("Bilen har reg nr abc 123 och är svart.", "abc 123")


@pytest.mark.parametrize("address", [
    "Lönngatan 12", "Lönngatan 12 B", "Amiralsgatan 85, lgh 1103", "Ystadvägen 44A", "Norra Vallgatan 3",
    "Kung Oscars väg 4", "Stora Nygatan 21", "Kryddgränden 5", "Lindängsstigen 7", "Kronprinsens allé 2",
])
def test_street_addresses(address: str) -> None:
    result = gone(f"Familjen bor på {address} sedan två år.", address)
    assert any(e.label == "address" for e in result.entities)


def test_flat_number_and_street_without_number() -> None:
    gone("Hon bor i lgh 1204 på Ystadvägen, nära parken.", "1204", "Ystadvägen")


def test_postcode_with_town_keeps_a_large_town() -> None:
    result = gone("Adress: Lönngatan 12, 214 45 Malmö.", "214 45", "Lönngatan")
    assert "Malmö" in result.text


@pytest.mark.parametrize(("text", "date"), [
    ("Pojken är född 2001-03-04 i Malmö.", "2001-03-04"),
    ("Eleven (f. 12/3 2002) har flyttat.", "12/3 2002"),
    ("Född den 4 mars 2003 enligt passet.", "4 mars 2003"),
    ("Födelsedatum: 030404.", "030404"),
])
def test_dates_of_birth(text: str, date: str) -> None:
    result = gone(text, date)
    assert any(e.label == "birth_date" for e in result.entities)


def test_a_birth_year_becomes_part_of_a_decade() -> None:
    result = gone("Han är född 2003 och bor med sin pappa.", "2003")
    assert "född i början av 2000-talet" in result.text
    assert decade_phrase(2008) == "i slutet av 2000-talet"


@pytest.mark.parametrize("number", [
    "Dnr SoN 2015/1234", "SoN 2015/1234", "K123456-15", "ärende 2016-123", "diarienummer 2016.0456",
    "Dnr: IFO-2016-00123", "mål nr B 1234-16", "anmälan nr 5000-K98765-16",
])
def test_case_and_file_numbers(number: str) -> None:
    result = deidentify(f"Se {number} för detaljer.")
    digits = "".join(c for c in number if c.isdigit())
    assert digits[-3:] not in result.text, result.text
    assert any(e.label == "case_number" for e in result.entities)


def test_law_citations_are_not_case_numbers() -> None:
    result = kept("Enligt SFS 2009:400 och SOU 2013:81 gäller sekretess.", "SFS 2009:400", "SOU 2013:81")
    assert not result.entities


def test_long_numbers_go_but_amounts_stay() -> None:
    result = deidentify("Kortnummer 123456789 hittades. Skulden är 250000 kr.")
    assert "123456789" not in result.text
    assert "250000 kr" in result.text


@pytest.mark.parametrize(("written", "band"), [
    ("Amir, 15 år, har", "15–17 år"), ("Han är 16 år gammal", "15–17 år gammal"),
    ("Hon är 13 år och", "13–14 år"), ("en pojke på 17 år", "15–17 år"), ("han fyller 18 i maj", "18–20"),
    ("Lisa (14) har", "(13–14)"),
])
def test_exact_ages_become_bands(written: str, band: str) -> None:
    result = deidentify(written)
    assert band in result.text, result.text


@pytest.mark.parametrize(("written", "expected"), [
    ("En 15-åring har hotat", "En tonåring har hotat"), ("15-åringen vägrar", "Tonåringen vägrar"),
    ("en 16-årig pojke", "en tonårig pojke"), ("två 14-åriga flickor", "två tonåriga flickor"),
    ("en 22-åring", "en 21–24-åring"),
])
def test_age_words_become_bands(written: str, expected: str) -> None:
    assert deidentify(written).text == expected


def test_durations_are_not_ages() -> None:
    kept("Brodern dömdes till fängelse i 4 år och har bott här i 2 år.", "4 år", "2 år")


def test_age_bands_keep_legal_thresholds_on_their_edges() -> None:
    assert age_band(14) == (13, 14)
    assert age_band(15) == (15, 17)
    assert age_band(17) == (15, 17)
    assert age_band(18) == (18, 20)
    assert age_band(21) == (21, 24)


@pytest.mark.parametrize(("written", "expected"), [
    ("Hon går i 9B.", "Hon går i årskurs 9."), ("Eleven i klass 7a har", "Eleven i årskurs 7 har"),
    ("Han går i 8c nu", "Han går i årskurs 8 nu"),
    ("Hon går NA2b på gymnasiet", "Hon går gymnasiet årskurs 2 på gymnasiet"),
])
def test_school_class_becomes_its_year(written: str, expected: str) -> None:
    assert deidentify(written).text == expected


def test_network_generations_and_3d_are_not_classes() -> None:
    kept("Han har 5G i mobilen och såg en 3D-film.", "5G", "3D-film")


@pytest.mark.parametrize(("written", "expected"), [
    ("Mötet hölls den 12 mars 2016.", "Mötet hölls i mars 2016."),
    ("Händelsen 2016-03-12 anmäldes.", "Händelsen i mars 2016 anmäldes."),
    ("Sedan den 3 april har hon varit borta.", "Sedan april har hon varit borta."),
    ("Den 12/3 kom han inte.", "I mars kom han inte."),
])
def test_dates_become_months(written: str, expected: str) -> None:
    assert deidentify(written).text == expected
