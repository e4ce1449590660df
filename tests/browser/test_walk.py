"""The walk that finds the pages to check: what it must find, and that no page it finds fails.

No browser is needed here; the walk is Django's test client. A page that answers
with a server error is a fault whatever the accessibility check says about it.
"""

from __future__ import annotations

import warnings

import pytest
from tests.browser.site import KNOWN_NAMES, named_routes, route_of, site_pages, wizard_paths

# Server errors already reported, by URL pattern, with what is wrong. Remove an entry once it is fixed.
KNOWN_SERVER_ERRORS: dict[str, str] = {}


def test_the_url_conf_yields_the_named_pages() -> None:
    assert set(named_routes()) >= KNOWN_NAMES


@pytest.mark.django_db
def test_the_wizard_is_walked_to_the_circumstances_and_the_answer_in_both_languages() -> None:
    paths = wizard_paths()
    assert any(p.startswith("/dela/svar/") for p in paths)
    assert any(p.startswith("/en/dela/svar/") for p in paths)
    assert any("step=facts" in p for p in paths)  # the OSL 10:18a example reaches the circumstances


@pytest.mark.django_db
def test_the_walk_reaches_every_kind_of_page() -> None:
    paths = {page.path for page in site_pages()}
    expected = {"/", "/en/", "/dela/", "/lagrum/", "/api/", "/en/api/", "/orolig/anteckning/",
                "/en/orolig/anteckning/", "/finns-inte/"}
    assert expected <= paths
    assert any(p.startswith("/lagrum/") and p.count("/") == 3 for p in paths), "no provision page"
    assert any(p.startswith("/en/lagrum/") and p.count("/") == 4 for p in paths), "no English provision page"


@pytest.mark.django_db
def test_no_page_found_answers_with_a_server_error() -> None:
    failing = []
    for page in site_pages():
        if page.status < 500:
            continue
        entry = f"{page.status} {page.path} ({page.via})"
        known = KNOWN_SERVER_ERRORS.get(route_of(page.path) or "")
        if known:
            warnings.warn(f"a known server error is still there: {entry}: {known}", UserWarning, stacklevel=1)
        else:
            failing.append(entry)
    assert not failing, "\n".join(failing)
