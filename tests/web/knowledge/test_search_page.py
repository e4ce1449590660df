"""The search page ``sok/?q=``: a GET form without JavaScript, counts, kinds, marks, Swedish messages."""

from __future__ import annotations

import pytest
from django.test import Client

from varna.guide.search import MAX_QUERY_LENGTH


def test_without_a_query_the_page_shows_only_the_form(client: Client) -> None:
    response = client.get("/sok/")
    assert response.status_code == 200
    page = response.content.decode()
    assert '<form method="get" action="/sok/" class="search-form"' in page
    assert '<label for="q">Sök på kunskapssidorna</label>' in page
    assert "träff" not in page


def test_a_search_shows_the_count_kind_link_and_marked_snippet(client: Client) -> None:
    response = client.get("/sok/", {"q": "radikaliseringen"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "3 träffar för ”radikaliseringen”" in page
    assert '<a href="/kunskap/begrepp/radikalisering/"><mark>Radikalisering</mark></a>' in page
    assert '<p class="kicker">Begrepp</p>' in page
    assert "<mark>radikaliseringsprocesser</mark>" in page
    assert 'value="radikaliseringen"' in page


def test_one_hit_is_counted_in_the_singular(client: Client) -> None:
    page = client.get("/sok/", {"q": "Rosengård"}).content.decode()
    assert "1 träff för ”Rosengård”" in page
    assert 'href="/kunskap/stadsomraden/oster/"' in page
    assert '<p class="kicker">Stadsområde</p>' in page


def test_a_citation_finds_the_provision_page(client: Client) -> None:
    page = client.get("/sok/", {"q": "10 kap. 18 a §"}).content.decode()
    assert '<a href="/lagrum/osl-10-18a/"><mark>OSL 10:18a</mark>' in page
    assert '<p class="kicker">Lagrum</p>' in page


def test_words_without_diacritics_find_the_pages(client: Client) -> None:
    page = client.get("/sok/", {"q": "sakerhetspolisen"}).content.decode()
    assert 'href="/kunskap/aktorer/sakerhetspolisen/"' in page


def test_the_search_page_in_english(client: Client) -> None:
    page = client.get("/en/sok/", {"q": "samordningsteamet"}).content.decode()
    assert '<html lang="en">' in page
    assert "results for “samordningsteamet”" in page
    assert '<a href="/en/kunskap/samverkan/samordningsteamet/">The coordination team</a>' in page
    assert "Form of cooperation" in page


def test_nothing_found_says_so_and_offers_the_index(client: Client) -> None:
    response = client.get("/sok/", {"q": "zebrafink"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "0 träffar" in page and "Inga träffar." in page
    assert 'href="/kunskap/"' in page


def test_a_partial_match_is_explained(client: Client) -> None:
    page = client.get("/sok/", {"q": "samordningsteamet zebrafink"}).content.decode()
    assert "Ingen sida innehåller alla ord du sökte på" in page


@pytest.mark.parametrize(("query", "message"), [
    ("", "Skriv ett eller flera ord att söka efter."),
    ("   ", "Skriv ett eller flera ord att söka efter."),
    ("x" * (MAX_QUERY_LENGTH + 1), f"Sökningen är för lång. Skriv högst {MAX_QUERY_LENGTH} tecken."),
    ("och att", "Sökningen innehåller bara småord eller tecken."),
])
def test_an_unsearchable_query_is_explained_in_swedish(client: Client, query: str, message: str) -> None:
    response = client.get("/sok/", {"q": query})
    assert response.status_code == 400
    page = response.content.decode()
    assert message in page
    assert 'role="alert"' in page and 'aria-invalid="true"' in page


def test_the_messages_are_in_english_under_en(client: Client) -> None:
    page = client.get("/en/sok/", {"q": ""}).content.decode()
    assert "Write one or more words to search for." in page


def test_the_query_is_escaped_everywhere(client: Client) -> None:
    query = '"><script>alert(1)</script> oro'
    response = client.get("/sok/", {"q": query})
    assert response.status_code == 200
    page = response.content.decode()
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert 'value="&quot;&gt;&lt;script&gt;' in page


def test_a_too_long_query_is_escaped_in_the_form(client: Client) -> None:
    query = "<b>" * 100
    page = client.get("/sok/", {"q": query}).content.decode()
    assert "<b><b>" not in page


def test_the_search_page_has_one_h1_and_no_inline_code(client: Client) -> None:
    page = client.get("/sok/", {"q": "polis"}).content.decode()
    assert page.count("<h1") == 1
    assert "<script" not in page and " style=" not in page
