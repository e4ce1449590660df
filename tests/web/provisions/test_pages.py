"""The provision pages: every entry reachable, in both languages, and by date."""

from __future__ import annotations

import pytest
from django.test import Client

from varna.law import default_rulebase

ENTRY_IDS = [p.id for p in default_rulebase().provisions]


def test_the_index_lists_every_entry_in_swedish(client: Client) -> None:
    response = client.get("/lagrum/")
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="sv">' in page
    assert "Sekretessbestämmelser" in page
    for entry_id in ENTRY_IDS:
        assert f'href="/lagrum/{entry_id}/"' in page


def test_the_index_is_in_english_under_en(client: Client) -> None:
    response = client.get("/en/lagrum/")
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="en">' in page
    assert "Secrecy provisions" in page
    assert 'href="/en/lagrum/osl-26-1/"' in page


def test_the_index_groups_follow_the_order_of_the_law(client: Client) -> None:
    page = client.get("/lagrum/").content.decode()
    positions = [page.index(f'id="{key}"') for key in ("secrecy", "exceptions", "duties", "pending")]
    assert positions == sorted(positions)


@pytest.mark.parametrize("entry_id", ENTRY_IDS)
def test_every_entry_has_a_page(client: Client, entry_id: str) -> None:
    provision = default_rulebase().by_id[entry_id]
    response = client.get(f"/lagrum/{entry_id}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert provision.title_sv.replace("'", "&#x27;").replace('"', "&quot;") in page
    assert provision.version in page
    assert client.get(f"/en/lagrum/{entry_id}/").status_code == 200


def test_a_secrecy_page_links_the_exceptions_that_break_it(client: Client) -> None:
    page = client.get("/lagrum/osl-26-1/").content.decode()
    assert 'href="/lagrum/osl-10-18a/"' in page
    assert "Undantag som kan bryta sekretessen" in page


def test_an_exception_page_links_what_it_breaks_and_what_it_is_cited_with(client: Client) -> None:
    page = client.get("/lagrum/osl-10-27/").content.decode()
    assert 'href="/lagrum/osl-26-1/"' in page  # among the exceptions to "breaks all"
    assert 'href="/lagrum/jo-1990-91-s369/"' in page


def test_a_replaced_entry_links_its_successor_and_back(client: Client) -> None:
    assert 'href="/lagrum/sol-2025-400-anmalan/"' in client.get("/lagrum/sol-14-1/").content.decode()
    assert 'href="/lagrum/sol-14-1/"' in client.get("/lagrum/sol-2025-400-anmalan/").content.decode()


def test_an_unverified_entry_explains_what_that_means(client: Client) -> None:
    page = client.get("/lagrum/pending-osl-10-15a/").content.decode()
    assert "Förslag" in page
    assert "inte lag" in page


def test_english_pages_mark_swedish_explanations(client: Client) -> None:
    page = client.get("/en/lagrum/osl-26-1/").content.decode()
    assert "(explanation in Swedish)" in page
    assert "(explanation in Swedish)" not in client.get("/lagrum/osl-26-1/").content.decode()


def test_an_unknown_entry_is_not_found(client: Client) -> None:
    response = client.get("/lagrum/osl-99-1/")
    assert response.status_code == 404
    assert "Sidan finns inte" in response.content.decode()
    assert client.get("/en/lagrum/osl-99-1/").status_code == 404


def test_the_index_for_a_day_shows_what_was_in_force(client: Client) -> None:
    in_2016 = client.get("/lagrum/?date=2016-02-01")
    assert in_2016.status_code == 200
    page = in_2016.content.decode()
    assert 'href="/lagrum/osl-26-1/"' in page
    assert 'href="/lagrum/sol-14-1/"' in page
    assert 'href="/lagrum/osl-10-18c/"' not in page  # in force from 2021-08-01
    assert "malmo-2015-12-13" in page

    in_2026 = client.get("/lagrum/?date=2026-01-01").content.decode()
    assert 'href="/lagrum/osl-10-18c/"' in in_2026
    assert 'href="/lagrum/sol-14-1/"' not in in_2026  # ended 2025-06-30
    assert "lagandringar-2025-11" in in_2026


@pytest.mark.parametrize("value", ["bad", "2016-13-01", "01/02/2016", "2016-02-01T00:00"])
def test_a_bad_date_is_explained_in_swedish(client: Client, value: str) -> None:
    response = client.get("/lagrum/", {"date": value})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Ange datumet som ÅÅÅÅ-MM-DD" in page
    assert 'role="alert"' in page


def test_a_date_before_the_rule_base_is_explained(client: Client) -> None:
    response = client.get("/lagrum/?date=2009-06-29")
    assert response.status_code == 400
    assert "2009-06-30" in response.content.decode()


def test_an_empty_date_shows_everything(client: Client) -> None:
    assert client.get("/lagrum/?date=").status_code == 200
