"""The interview "Jag är orolig för någon": what it asks, what it answers, what it refuses.

The walks answer each step as a browser without JavaScript would and check the
answer page against ``route_concern`` for the same concern – the page must never say
something the guide does not. No test here has a ``db`` fixture, so pytest-django
refuses any query: the interview stores nothing.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from django.utils import timezone
from tests.guide.helpers import EXEMPELBY
from tests.web.concern.helpers import (
    FIELD_WORKER_SELECTIVE,
    NEWCOMER,
    RELATIVE_DANGER,
    TEACHER_UNIVERSAL,
    read_form,
    walk,
)

from varna.guide import Level, Role, default_municipality, load_municipality
from varna.guide.concern import AgeBand, Category, Concern, Seriousness, Workplace, route_concern
from varna.web.concern import selectors


def page(response: Any) -> str:
    return str(response.content.decode())


def query(answers: dict[str, Any]) -> str:
    parts = []
    for name, value in answers.items():
        for v in value if isinstance(value, list) else [value]:
            parts.append(f"{name}={v}")
    return "&".join(parts)


# --- the steps ----------------------------------------------------------------------------


def test_the_newcomer_walks_five_steps_to_the_answer(client: Client) -> None:
    result = walk(client, NEWCOMER)
    assert result.steps == ["role", "place", "person", "observed", "seriousness"]
    assert result.fields == ["role", "workplace", "district", "age", "observed", "seriousness"]
    assert result.response.status_code == 200


def test_a_role_with_one_kind_of_workplace_is_not_asked_about_it(client: Client) -> None:
    result = walk(client, TEACHER_UNIVERSAL)
    assert "workplace" not in result.fields
    assert "workplace=school" in result.result_url


def test_each_step_says_where_it_is(client: Client) -> None:
    html = page(client.get("/orolig/"))
    assert "Steg 1 av 5" in html and "Vem är du?" in html
    assert "Fem korta frågor" in html
    html = page(client.get("/orolig/?role=leisure_staff&step=role", follow=True))
    assert "Steg 2 av 5" in html and "I vilket stadsområde arbetar du?" in html
    assert '<option value="Rosengård">Rosengård</option>' in html
    assert "Öster – hela stadsområdet" in html
    assert 'href="/orolig/?role=leisure_staff&amp;show=role"' in html  # back to step 1


def test_a_relative_is_asked_where_the_young_person_lives(client: Client) -> None:
    html = page(client.get("/orolig/?role=relative&step=role", follow=True))
    assert "Var bor den unga personen?" in html
    assert 'name="workplace"' not in html


def test_the_observations_are_ticked_never_written(client: Client) -> None:
    html = page(client.get("/orolig/?role=field_worker&district=oster&age=15_17&step=person", follow=True))
    form = read_form(html)
    assert form.step == "observed"
    assert form.visible == ["observed"]
    assert "<textarea" not in html
    assert "Visar eller sprider våldsbejakande propaganda" in html
    assert "inget du skriver om den unga personen skickas till servern" in html


def test_a_changed_role_drops_a_workplace_that_no_longer_fits(client: Client) -> None:
    html = page(client.get("/orolig/?role=student_health&workplace=leisure&district=oster"))
    assert "har tagits bort" in html and "Var arbetar du?" in html
    assert read_form(html).step == "place"


def test_change_links_keep_the_answers(client: Client) -> None:
    result = walk(client, NEWCOMER)
    html = page(result.response)
    link = re.search(r'href="(/orolig/\?[^"]*show=person)"', html)
    assert link is not None
    form = read_form(page(client.get(link.group(1).replace("&amp;", "&"))))
    assert form.step == "person"
    assert ("district", "Rosengård") in form.hidden and ("seriousness", "worried") in form.hidden


# --- the answer ---------------------------------------------------------------------------


def test_the_newcomer_gets_the_guides_answer(client: Client) -> None:
    result = walk(client, NEWCOMER)
    html = page(result.response)
    expected = route_concern(
        Concern(Role.LEISURE_STAFF, Workplace.LEISURE, "Rosengård", AgeBand.AGE_15_17,
                frozenset({Category.EXTREMIST_PROPAGANDA}), Seriousness.WORRIED),
        municipality=default_municipality(), on_date=timezone.localdate())
    routing = result.response.context["routing"]
    assert routing.level is expected.level is Level.INDICATED
    assert [r.contact.id for r in routing.contacts] == [r.contact.id for r in expected.contacts]
    assert "Indikerad preventionsnivå" in html
    assert "Individ- och familjeomsorgen i stadsområde Öster" in html
    assert '<a href="tel:040340550">040-340550</a>' in html
    assert "Du är skyldig att anmäla till socialtjänsten" in html
    assert "Lokalpolisområdet i stadsområde Öster" in html
    assert "Sekretess hindrar inte att du berättar om personens förhållanden i ett samtal direkt med " \
           "Lokalpolisområdet i stadsområde Öster." in html
    assert "Innan du ringer: formulera grunden för din oro" in html
    assert "Ring 112" not in html


def test_the_headings_come_in_order(client: Client) -> None:
    html = page(walk(client, NEWCOMER).response)
    levels = [int(h) for h in re.findall(r"<h([1-6])[\s>]", html[html.index("<main"):])]
    assert levels[0] == 1
    assert all(b <= a + 1 for a, b in pairwise(levels))


def test_each_contact_links_the_sharing_wizard_with_the_question_filled_in(client: Client) -> None:
    html = page(walk(client, NEWCOMER).response)
    links = [u.replace("&amp;", "&") for u in re.findall(r'href="(/dela/\?[^"]+)"', html)]
    police = next(u for u in links if "recipient=police" in u)
    asked = parse_qs(urlsplit(police).query)
    assert asked["discloser"] == ["leisure"] and asked["setting"] == ["direct"]
    assert asked["information"] == ["personal_circumstances"]
    # The wizard keeps only what can change its answer: nothing about the person, no authority.
    assert "subject_age" not in asked and "recipient_authority" not in asked
    wizard = client.get(police)
    assert wizard.status_code == 200
    assert "error-summary" not in page(wizard) and "har tagits bort" not in page(wizard)
    ifo = parse_qs(urlsplit(next(u for u in links if "facts=" in u)).query)
    assert ifo["recipient"] == ["social_services"] and ifo["recipient_authority"] == ["sdn-oster"]
    assert ifo["facts"] == ["child_may_be_suffering"] and ifo["subject_age"] == ["17"]


def test_the_duty_to_report_links_its_provisions(client: Client) -> None:
    html = page(walk(client, NEWCOMER).response)
    duty = html[html.index('id="duty"'):html.index('id="relatives"')]
    assert "Du är skyldig att anmäla" in duty and "oro räcker" in duty
    assert '<a href="/lagrum/osl-10-28/">OSL 10:28</a>' in duty
    assert "Oro räcker." in duty


def test_the_community_building_level_for_a_teacher(client: Client) -> None:
    html = page(walk(client, TEACHER_UNIVERSAL).response)
    assert "Samhällsbyggande nivå" in html
    assert "Elevhälsoteamet på din skola" in html
    assert "Misstänker du att barnet far illa är du skyldig att anmäla" in html
    assert "Individ- och familjeomsorgen i stadsområde Söder" in html  # where a report goes


def test_the_risk_group_level_for_a_field_worker(client: Client) -> None:
    html = page(walk(client, FIELD_WORKER_SELECTIVE).response)
    assert "Riskgruppsnivå" in html
    assert "Individ- och familjeomsorgen i stadsområde Innerstaden" in html
    assert "SSP-samordnaren i stadsområde Innerstaden" in html


def test_immediate_danger_puts_call_112_first_at_the_top(client: Client) -> None:
    html = page(walk(client, RELATIVE_DANGER).response)
    main = html[html.index("<main"):]
    assert main.index("Ring 112 först") < main.index("Riktlinjens preventionsnivå")
    assert '<a class="button emergency__call" href="tel:112">Ring 112</a>' in main
    assert "Ingen anmälningsskyldighet: personen är 18 år eller äldre" in main
    assert "Som anhörig kan du själv vända dig hit" in main
    assert "/dela/?" not in main  # a private person has no secrecy to check


def test_relatives_are_referred_to_plattform_malmo(client: Client) -> None:
    html = page(walk(client, NEWCOMER).response)
    relatives = html[html.index('id="relatives"'):]
    assert "Du kan hänvisa oroliga anhöriga" in relatives and "Plattform Malmö" in relatives
    assert "040-340550" in relatives


def test_another_municipality_changes_the_answer(client: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(selectors, "municipality", lambda: load_municipality(EXEMPELBY))
    html = page(client.get("/orolig/?role=leisure_staff&step=role", follow=True))
    assert '<option value="Kvarnbacken">Kvarnbacken</option>' in html and "Rosengård" not in html
    result = walk(client, {**NEWCOMER, "district": "Kvarnbacken"})
    answer = page(result.response)
    assert "Individnivå" in answer and "Kommunpolisen" in answer and "114 14" in answer
    assert "Plattform Malmö" not in answer


# --- what the interview refuses ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("bad", "label"),
    [
        ("role=hacker", "Vem är du?"),
        ("role=leisure_staff&workplace=bank", "Var arbetar du?"),
        ("role=leisure_staff&workplace=leisure&district=Lund", "I vilket stadsområde arbetar du?"),
        ("role=relative&district=" + "x" * 300, "Var bor den unga personen?"),
        ("role=police&district=oster&age=99", "Hur gammal är den unga personen?"),
        ("role=police&district=oster&age=15_17&observed=rumour", "Vad har du sett eller hört?"),
        ("role=police&district=oster&age=15_17&observed=drugs&seriousness=panic", "Hur allvarligt är det?"),
    ],
)
@pytest.mark.parametrize("path", ["/orolig/", "/orolig/svar/"])
def test_a_bad_value_is_named_in_swedish_with_status_400(
    client: Client, path: str, bad: str, label: str
) -> None:
    response = client.get(f"{path}?{bad}")
    assert response.status_code == 400
    html = page(response)
    summary = html[html.index('class="error-summary" role="alert"'):]
    summary = summary[: summary.index("</div>")]
    assert "Det finns ett problem med dina svar" in summary
    assert label in summary
    assert "<title>Fel:" in html


def test_an_error_links_to_its_field_and_the_field_points_back(client: Client) -> None:
    html = page(client.get("/orolig/?role=hacker"))
    assert '<a href="#role-school_staff_compulsory">' in html
    assert 'aria-describedby="role-hint role-error"' in html
    assert 'id="role-error"' in html


def test_submitting_a_step_unanswered_asks_again(client: Client) -> None:
    response = client.get("/orolig/?role=police&district=oster&age=15_17&step=observed")
    assert response.status_code == 400
    html = page(response)
    assert "Kryssa i minst en ruta" in html
    assert read_form(html).step == "observed"
    response = client.get("/orolig/?step=role")
    assert response.status_code == 400 and "Välj ett av alternativen." in page(response)


def test_an_incomplete_concern_goes_back_to_the_interview(client: Client) -> None:
    response = client.get("/orolig/svar/?role=police&district=oster")
    assert response.status_code == 302
    assert response["Location"] == "/orolig/?role=police&workplace=police&district=oster"


def test_only_get_and_head_are_allowed(client: Client) -> None:
    assert client.post("/orolig/", {"role": "police"}).status_code == 405
    assert client.post("/orolig/svar/", {"role": "police"}).status_code == 405
    assert client.head("/orolig/").status_code == 200


# --- nothing stored, language, markup -----------------------------------------------------------


def test_nothing_is_stored(client: Client) -> None:
    """No database (no ``db`` fixture), no session cookie, no CSRF cookie, no caching."""
    result = walk(client, NEWCOMER)
    assert not client.cookies
    assert "sessionid" not in result.response.cookies and "csrftoken" not in result.response.cookies
    assert "no-store" in result.response["Cache-Control"]
    assert "no-store" in client.get("/orolig/")["Cache-Control"]


def test_the_english_interview_lives_under_en(client: Client) -> None:
    first = client.get("/en/orolig/")
    assert first.status_code == 200
    html = page(first)
    assert '<html lang="en">' in html
    assert "I am worried about someone" in html and "Step 1 of 5" in html and "Who are you?" in html
    assert 'action="/en/orolig/"' in html
    result = walk(client, NEWCOMER, start="/en/orolig/")
    assert result.result_url.startswith("/en/orolig/svar/")
    answer = page(result.response)
    assert "Indicated level" in answer and "Where to turn, in this order" in answer
    assert "You are obliged to report to social services" in answer
    assert 'href="/en/lagrum/osl-10-28/"' in answer
    assert "(explanation in Swedish)" in answer
    assert '<span lang="sv">Du är orolig' in answer


def test_the_swedish_interview_is_in_swedish(client: Client) -> None:
    html = page(client.get("/orolig/"))
    assert '<html lang="sv">' in html
    assert "Jag är orolig för någon" in html and "Fortsätt" in html


def test_the_home_page_and_the_menu_link_the_interview(client: Client) -> None:
    html = page(client.get("/"))
    assert html.count('href="/orolig/"') == 2
    assert 'href="/en/orolig/"' in page(client.get("/en/"))
    assert re.search(r'href="/orolig/"\s+aria-current="page"', page(client.get("/orolig/")))


@pytest.mark.parametrize("path", ["/orolig/", "/orolig/?role=hacker", "/en/orolig/",
                                  "/orolig/svar/?" + query(NEWCOMER)])
def test_the_pages_carry_no_inline_script_or_style(client: Client, path: str) -> None:
    response = client.get(path)
    html = page(response)
    assert "<script" not in html and "<style" not in html and " style=" not in html
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "/static/concern/concern.css" in html
