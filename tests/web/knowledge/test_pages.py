"""The knowledge pages: every entry of every kind renders in Swedish and English, links resolve,
unknown ids are real 404s, and the pages keep to the accessibility rules of the site."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse

from varna.guide import default_municipality
from varna.guide.knowledge import default_knowledge
from varna.guide.search import DocKind
from varna.web.knowledge.selectors import all_links

LINKS = all_links(default_municipality())
PAGES = [link.url for link in LINKS]


class _Page(HTMLParser):
    """Headings, links, ids and landmarks of a page, for the structural checks."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[int] = []
        self.hrefs: list[str] = []
        self.ids: list[str] = []
        self.tags: list[str] = []
        self.attributes: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.tags.append(tag)
        self.attributes.append(found)
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "a" and found.get("href"):
            self.hrefs.append(str(found["href"]))
        if found.get("id"):
            self.ids.append(str(found["id"]))


def parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


def test_there_is_a_page_for_every_kind() -> None:
    kinds = {link.kind for link in LINKS}
    assert kinds == {DocKind.DEFINITION, DocKind.QUESTION, DocKind.LEVEL, DocKind.ACTOR, DocKind.SERVICE,
                     DocKind.CONTACT, DocKind.COOPERATION, DocKind.DISTRICT, DocKind.NATIONAL}
    m = default_municipality()
    assert len(LINKS) == (len(default_knowledge().entries) + len(m.levels) + len(m.authorities) + len(m.units)
                          + len(m.services) + len(m.contacts) + len(m.cooperations) + len(m.districts)
                          + len(m.national_resources))


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_in_swedish_and_english(client: Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200, path
    page = response.content.decode()
    assert '<html lang="sv">' in page
    english = client.get(f"/en{path}")
    assert english.status_code == 200
    assert '<html lang="en">' in english.content.decode()
    assert "are in Swedish" in english.content.decode()


@pytest.mark.parametrize("path", PAGES)
def test_every_page_has_ordered_headings_breadcrumbs_and_resolving_links(client: Client, path: str) -> None:
    html = client.get(path).content.decode()
    page = parse(html)
    assert page.headings.count(1) == 1 and page.headings[0] == 1
    for before, after in zip(page.headings, page.headings[1:], strict=False):
        assert after <= before + 1, f"{path}: h{before} is followed by h{after}"
    assert 'aria-label="Brödsmulor"' in html and 'aria-current="page"' in html
    assert "<main" in html and "<nav" in html
    assert len(page.ids) == len(set(page.ids)), f"{path}: duplicate ids"
    for href in {h for h in page.hrefs if h.startswith(("/kunskap/", "/lagrum/"))}:
        assert client.get(href.split("#")[0]).status_code == 200, f"{path} links to {href}"


@pytest.mark.parametrize("path", ["/kunskap/", *PAGES[:3], "/sok/?q=oro"])
def test_pages_have_no_inline_scripts_or_styles(client: Client, path: str) -> None:
    page = client.get(path).content.decode()
    assert "<script" not in page and "<style" not in page and " style=" not in page
    assert not re.search(r"\son[a-z]+\s*=", page)


def test_the_index_lists_every_page_grouped(client: Client) -> None:
    response = client.get("/kunskap/")
    assert response.status_code == 200
    page = response.content.decode()
    for url in PAGES:
        assert f'href="{url}"' in page
    order = [page.index(f'id="{anchor}"') for anchor in (
        "begrepp", "fragor", "nivaer", "aktorer", "insatser", "kontaktvagar", "samverkan", "stadsomraden",
        "nationellt-stod", "lagrum")]
    assert order == sorted(order)
    assert 'href="/lagrum/"' in page
    assert "Svåra frågor" in page and "De tre preventionsnivåerna" in page


def test_the_index_is_in_english_under_en(client: Client) -> None:
    page = client.get("/en/kunskap/").content.decode()
    assert "Hard questions" in page and 'href="/en/kunskap/begrepp/normkritik/"' in page
    assert ">Norm criticism – not the same as norm-breaking behaviour<" in page
    assert 'href="/en/lagrum/"' in page


def test_a_kind_without_id_leads_to_its_section_of_the_index(client: Client) -> None:
    response = client.get("/kunskap/aktorer/")
    assert response.status_code == 302 and response["Location"] == "/kunskap/#aktorer"


@pytest.mark.parametrize("path", [
    "/kunskap/begrepp/finns-inte/", "/kunskap/fragor/normkritik/",  # a definition is not a question
    "/kunskap/begrepp/kan-vi-forutse/", "/kunskap/nivaer/medium/", "/kunskap/aktorer/sdn-mitt/",
    "/kunskap/insatser/x/", "/kunskap/kontaktvagar/x/", "/kunskap/samverkan/x/",
    "/kunskap/stadsomraden/mitt/",
    "/kunskap/nationellt-stod/x/", "/kunskap/lagrum/", "/kunskap/okant/",
])
def test_unknown_ids_are_not_found(client: Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert "Sidan finns inte" in response.content.decode()
    assert client.get(f"/en{path}").status_code == 404


# -- what each kind of page shows and links ---------------------------------------------------------------
def test_a_level_lists_where_to_turn_in_order_with_phone_links(client: Client) -> None:
    page = client.get("/kunskap/nivaer/universal/").content.decode()
    assert "<h1>Samhällsbyggande nivå</h1>" in page
    first = page.index('href="/kunskap/kontaktvagar/elevhalsoteamet-grundskolan/"')
    last = page.index('href="/kunskap/kontaktvagar/plattform-malmo/"')
    assert first < last
    assert 'href="tel:+4640340550"' in page
    assert "Formulera" in page or "formulera" in page  # the advice before calling
    assert 'href="/kunskap/aktorer/kommunstyrelsen/"' in page  # responsible for competence development
    assert 'href="/kunskap/begrepp/normkritik/"' in page  # knowledge entries of the level


def test_the_indicated_level_lists_its_partners_services_and_the_coordination_team(client: Client) -> None:
    page = client.get("/kunskap/nivaer/indicated/").content.decode()
    for href in ("/kunskap/aktorer/kriminalvarden/", "/kunskap/insatser/mst/",
                 "/kunskap/samverkan/samordningsteamet/", "/kunskap/kontaktvagar/sakerhetspolisen/",
                 "/kunskap/begrepp/anmalningsskyldighet/"):
        assert f'href="{href}"' in page, href
    assert "Det fanns ännu ingen plan" in page


def test_an_authority_lists_its_units_district_and_cooperation(client: Client) -> None:
    page = client.get("/kunskap/aktorer/sdn-oster/").content.decode()
    assert 'href="/kunskap/aktorer/ifo-oster/"' in page
    assert 'href="/kunskap/stadsomraden/oster/"' in page
    assert 'href="/kunskap/samverkan/sspf/"' in page
    assert "Stadsområdesnämnd (socialnämnd för ett stadsområde)" in page


def test_a_unit_links_its_authority_contacts_and_services(client: Client) -> None:
    page = client.get("/kunskap/aktorer/plattform-malmo/").content.decode()
    assert 'href="/kunskap/aktorer/sociala-resursnamnden/"' in page
    assert 'href="/kunskap/kontaktvagar/plattform-malmo/"' in page
    assert 'href="/kunskap/insatser/heder-tidigt-stod/"' in page
    assert "Socialtjänsten" in page  # the law's actor kind of its staff


def test_a_unit_whose_actor_kind_is_assumed_says_so(client: Client) -> None:
    page = client.get("/kunskap/aktorer/ssp-oster/").content.decode()
    assert "bygger på ett antagande" in page
    english = client.get("/en/kunskap/aktorer/ssp-oster/").content.decode()
    assert "rest on an assumption" in english


def test_a_service_links_its_provider_and_contact(client: Client) -> None:
    page = client.get("/kunskap/insatser/heder-tidigt-stod/").content.decode()
    assert 'href="/kunskap/aktorer/plattform-malmo/"' in page
    assert 'href="/kunskap/kontaktvagar/plattform-malmo/"' in page
    assert "upp till 21 år" in page
    assert 'href="/kunskap/nivaer/indicated/"' in page


def test_a_contact_shows_phone_hours_levels_and_roles(client: Client) -> None:
    page = client.get("/kunskap/kontaktvagar/plattform-malmo/").content.decode()
    assert '<a href="tel:+4640340550">040-340550</a>' in page
    assert "Anges inte i källan." in page  # no opening hours in the guideline
    assert "Alla: medarbetare, föreningar, anhöriga" in page
    assert "hela kommunen" in page
    district = client.get("/kunskap/kontaktvagar/ssp-oster/").content.decode()
    assert "SSP-samordnaren i ditt stadsområde – Öster" in district
    assert 'href="/kunskap/stadsomraden/oster/"' in district
    assert "Fältarbetare" in district and "Nummer 7 av 10" in district


def test_a_cooperation_shows_members_convener_and_how_to_reach_it(client: Client) -> None:
    page = client.get("/kunskap/samverkan/samordningsteamet/").content.decode()
    assert "Sammankallande" in page
    assert 'href="/kunskap/aktorer/sociala-resursnamnden/"' in page
    assert 'href="/kunskap/aktorer/polismyndigheten/"' in page
    assert 'href="/kunskap/kontaktvagar/samordningsteamet/"' in page
    assert "Skapa en gemensam lägesbild" in page


def test_a_district_lists_its_neighbourhoods_and_local_contacts(client: Client) -> None:
    page = client.get("/kunskap/stadsomraden/oster/").content.decode()
    assert "Rosengård" in page
    assert 'href="/kunskap/kontaktvagar/ifo-oster/"' in page
    assert 'href="/kunskap/kontaktvagar/lpo-oster/"' in page
    assert 'href="/kunskap/aktorer/sdn-oster/"' in page
    assert 'href="/kunskap/nivaer/indicated/"' in page  # where the whole city's contacts are
    assert "Kontaktvägar för hela kommunen" in page


def test_a_national_resource_after_the_guideline_is_flagged(client: Client) -> None:
    page = client.get("/kunskap/nationellt-stod/cve/").content.decode()
    assert "efter riktlinjen" in page and "Inte kontrollerat" in page
    assert '<a href="tel:112">112</a>' in client.get("/kunskap/nationellt-stod/nodnummer/").content.decode()


def test_a_definition_shows_its_source_related_entries_and_provisions(client: Client) -> None:
    page = client.get("/kunskap/begrepp/anmalningsskyldighet/").content.decode()
    assert "Riktlinjen avsnitt 4, s. 12" in page
    assert 'href="/lagrum/sol-14-1/"' in page
    assert 'href="/kunskap/begrepp/sekretess-i-samverkan/"' in page
    norm = client.get("/kunskap/begrepp/normkritik/").content.decode()
    assert 'href="/kunskap/begrepp/normbrytande-beteende/"' in norm
    assert "förväxlas" in norm


def test_a_hard_question_in_english_has_english_title_and_summary(client: Client) -> None:
    page = client.get("/en/kunskap/fragor/tank-om-vi-tar-fel/").content.decode()
    assert "<h1>What if we are wrong?</h1>" in page
    assert "Casting suspicion" in page
    assert '<span lang="sv">Vad händer om vi tar fel?</span>' in page
    assert 'href="/en/kunskap/fragor/kan-vi-forutse/"' in page


def test_english_names_are_used_where_the_file_gives_them(client: Client) -> None:
    page = client.get("/en/kunskap/samverkan/samordningsteamet/").content.decode()
    assert "<h1>The coordination team</h1>" in page
    assert "<title>The coordination team – Värna</title>" in page
    unit = client.get("/en/kunskap/aktorer/plattform-malmo/").content.decode()
    assert '<h1><span lang="sv">Plattform Malmö</span></h1>' in unit


def test_the_header_has_the_knowledge_link_and_a_search_box_on_every_page(client: Client) -> None:
    for path in ("/", "/lagrum/", "/kunskap/"):
        page = client.get(path).content.decode()
        assert f'href="{reverse("knowledge:index")}"' in page
        assert '<form method="get" action="/sok/" role="search"' in page
        assert 'for="site-search-q"' in page and 'id="site-search-q"' in page
    home = client.get("/").content.decode()
    assert "Kunskap: begrepp, svåra frågor" in home
