"""The shell every page shares: home, language links, footer, error pages."""

from __future__ import annotations

import re

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse

from varna.law import default_rulebase


def test_home_is_swedish_at_the_root(client: Client) -> None:
    assert reverse("home") == "/"
    response = client.get("/")
    assert response.status_code == 200
    page = response.content.decode()
    assert '<html lang="sv">' in page
    assert "Hoppa till innehållet" in page
    assert '<main id="main"' in page
    assert "Får jag dela uppgiften?" in page


def test_home_is_english_under_en(client: Client) -> None:
    page = client.get("/en/").content.decode()
    assert '<html lang="en">' in page
    assert "Skip to content" in page


def test_the_footer_names_the_rule_base_version(client: Client) -> None:
    newest = default_rulebase().versions[-1]
    page = client.get("/").content.decode()
    assert newest.id in page
    assert newest.reviewed_on.isoformat() in page


@pytest.mark.parametrize(
    ("path", "other"),
    [("/", "/en/"), ("/en/", "/"), ("/lagrum/osl-26-1/", "/en/lagrum/osl-26-1/"), ("/en/api/", "/api/")],
)
def test_the_language_links_lead_to_the_same_page(client: Client, path: str, other: str) -> None:
    page = client.get(path).content.decode()
    assert f'href="{other}"' in page
    assert 'aria-current="true"' in page


def test_a_query_survives_the_language_switch(client: Client) -> None:
    page = client.get("/lagrum/?date=2016-02-01").content.decode()
    assert 'href="/en/lagrum/?date=2016-02-01"' in page


def test_the_navigation_marks_the_current_page(client: Client) -> None:
    page = client.get("/lagrum/").content.decode()
    assert re.search(r'href="/lagrum/"\s+aria-current="page"', page)


def test_the_server_error_page_needs_no_context() -> None:
    page = render_to_string("500.html")
    assert "Något gick fel" in page and "Something went wrong" in page


def test_the_not_found_page_is_in_the_page_language(client: Client) -> None:
    assert "Sidan finns inte" in client.get("/finns-inte/").content.decode()
    assert "Page not found" in client.get("/en/does-not-exist/").content.decode()
