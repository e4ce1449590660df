"""The wizard "Får jag dela uppgiften?": what it asks, what it answers, what it refuses.

The walks answer the contract's three examples step by step as a browser without
JavaScript would, and compare the wizard's decision with ``assess()`` for the same
question – the wizard must never answer differently from the engine.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from tests.web.sharing.helpers import (
    EXAMPLE_18A,
    EXAMPLE_GROUP,
    EXAMPLE_LEISURE,
    read_form,
    walk,
    wizard_answers,
)

from varna.law import Actor, Information, assess, parse_question
from varna.law.relevance import relevant_information


def page(response: Any) -> str:
    return response.content.decode()


@pytest.mark.parametrize(
    ("question", "outcome_sv", "citation"),
    [
        (EXAMPLE_GROUP, "Nej, sekretessen hindrar det", "OSL 26:1"),
        (EXAMPLE_18A, "Ja, du får lämna uppgiften", "OSL 10:18a"),
        (EXAMPLE_LEISURE, "Ja, du får lämna uppgiften", None),
    ],
    ids=["group-listen-only", "osl-10-18a", "leisure-minimum"],
)
def test_a_walk_through_the_wizard_gives_the_engines_decision(
    client: Client, question: dict[str, Any], outcome_sv: str, citation: str | None
) -> None:
    result = walk(client, wizard_answers(question))
    assert result.response.status_code == 200
    html = page(result.response)
    expected = assess(parse_question(question))
    decision = result.response.context["decision"]
    assert (decision.outcome, decision.participation) == (expected.outcome, expected.participation)
    assert decision.provisions == expected.provisions
    assert decision.explanation == expected.explanation
    assert outcome_sv in html
    for cited in expected.provisions:
        assert cited in html
    if citation:
        slug = citation.lower().replace("osl ", "osl-").replace(":", "-")
        assert f'<a href="/lagrum/{slug}/">{citation}</a>' in html


def test_the_group_example_says_listen_only_and_asks_no_authority(client: Client) -> None:
    result = walk(client, wizard_answers(EXAMPLE_GROUP))
    assert "organisation" not in result.steps  # social services and the police: different authorities anyway
    assert "Får bara lyssna, inte delta" in page(result.response)
    assert result.response.context["decision"].participation.value == "listen_only"


def test_the_18a_example_asks_the_circumstances_of_osl_10_18a(client: Client) -> None:
    result = walk(client, wizard_answers(EXAMPLE_18A))
    assert result.steps == ["discloser", "recipient", "setting", "information", "person", "facts"]
    form = page(client.get("/dela/?" + result.result_url.split("?", 1)[1]))
    assert "visar en risk för att den unge kommer att utöva brottslig verksamhet" in form
    assert "OSL 10:18a" in form  # each circumstance says which provision turns on it


def test_the_leisure_example_asks_neither_person_nor_circumstances(client: Client) -> None:
    """Only the OSL 21 minimum protects information at leisure; personal circumstances are not such."""
    answers = wizard_answers(EXAMPLE_LEISURE)
    result = walk(client, answers)
    assert result.steps == ["discloser", "recipient", "setting", "information"]
    assert "subject_age" not in result.fields


def test_the_information_kinds_offered_are_only_the_disclosers(client: Client) -> None:
    base = "/dela/?discloser=school_staff&recipient=police&setting=direct&on_date=2016-02-01&step=setting"
    html = page(client.get(base))
    assert read_form(html).step == "information"
    offered = set(re.findall(r'name="information" value="(\w+)"', html))
    assert offered == {i.value for i in relevant_information(Actor.SCHOOL_STAFF)}
    assert Information.POLICE_REGISTER.value not in offered
    police = page(client.get("/dela/?discloser=police&recipient=social_services&setting=direct"
                             "&on_date=2016-02-01&step=setting"))
    assert read_form(police).step == "information"
    assert 'value="police_register"' in police


def test_a_step_that_cannot_matter_is_not_shown(client: Client) -> None:
    """A teacher telling the school counsellor stays within one branch: nothing more is asked."""
    result = walk(client, {"discloser": "school_staff", "recipient": "school_health_other",
                           "discloser_authority": "unspecified", "recipient_authority": "unspecified",
                           "setting": "direct", "on_date": "2016-02-01"})
    assert result.steps == ["discloser", "recipient", "organisation", "setting"]
    assert result.response.context["decision"].outcome.value == "allowed"


def test_authorities_are_asked_only_where_they_move_a_boundary(client: Client) -> None:
    two = "/dela/?discloser=social_services&recipient=social_services&step=recipient"
    two_districts = page(client.get(two))
    assert read_form(two_districts).step == "organisation"
    assert 'value="sdn-norr"' in two_districts and 'value="unspecified"' in two_districts
    to_police = page(client.get("/dela/?discloser=social_services&recipient=police&step=recipient"))
    assert read_form(to_police).step == "setting"


def test_delegation_is_asked_only_for_the_social_resources_committee(client: Client) -> None:
    base = ("/dela/?discloser=social_services&recipient=social_services&recipient_authority=sdn-norr"
            "&step=organisation")
    assert read_form(page(client.get(base + "&discloser_authority=sdn-soder"))).step == "setting"
    delegated = page(client.get(base + "&discloser_authority=sociala-resursnamnden"))
    assert read_form(delegated).step == "delegation"
    assert 'name="discloser_delegated_by"' in delegated
    assert 'name="recipient_delegated_by"' not in delegated


def test_a_leisure_workers_concern_for_a_child_is_a_duty_to_report(client: Client) -> None:
    result = walk(client, {
        "discloser": "leisure", "recipient": "social_services", "discloser_authority": "sdn-soder",
        "recipient_authority": "sdn-soder", "setting": "direct", "on_date": "2016-02-01",
        "information": "personal_circumstances", "subject_age": 12, "facts": ["child_may_be_suffering"],
    })
    assert result.steps[-1] == "facts"
    html = page(result.response)
    assert "Ja – du är skyldig att lämna uppgiften" in html
    assert 'href="/lagrum/osl-10-28/"' in html


def test_the_result_page_shows_the_trace_version_and_links(client: Client) -> None:
    result = walk(client, wizard_answers(EXAMPLE_GROUP))
    html = page(result.response)
    decision = result.response.context["decision"]
    assert html.count("<tr>") == len(decision.trace) + 1  # a row per rule tried, plus the header
    assert decision.rulebase in html and decision.rulebase_reviewed_on.isoformat() in html
    assert "Att ändå lämna uppgiften kan vara brott mot tystnadsplikt" in html  # a warning
    query = result.result_url.split("?", 1)[1]
    assert f'href="/dela/pdf/?{query.replace("&", "&amp;")}"' in html
    assert f'href="/dela/?{query.replace("&", "&amp;")}"' in html  # change the answers
    assert "Spara som PDF" in html and "Ändra svaren" in html


def test_change_the_answers_keeps_them(client: Client) -> None:
    result = walk(client, wizard_answers(EXAMPLE_18A))
    back = page(client.get("/dela/?" + result.result_url.split("?", 1)[1]))
    ticked = 'id="facts-risk_of_criminal_activity" name="facts" value="risk_of_criminal_activity" checked'
    assert ticked in back
    edit = page(client.get("/dela/?" + result.result_url.split("?", 1)[1] + "&show=recipient"))
    assert read_form(edit).step == "recipient"
    assert 'value="police" checked' in edit
    assert ("facts", "helps_prevent") in read_form(edit).hidden


def test_a_changed_answer_drops_what_no_longer_applies(client: Client) -> None:
    html = page(client.get("/dela/?discloser=school_staff&recipient=police&setting=direct&on_date=2016-02-01"
                           "&information=police_register&step=setting"))
    assert read_form(html).step == "information"
    assert "Vad handlar uppgiften om?" in html
    assert "inte längre" in html  # the notice that an earlier answer was removed


def test_the_step_indicator_counts_the_steps(client: Client) -> None:
    html = page(client.get("/dela/?discloser=social_services&recipient=police&step=recipient"))
    assert "Steg 3 av 6" in html


# --- errors -----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("query", "label"),
    [
        ("discloser=hacker", "Var arbetar du?"),
        ("discloser=private", "Var arbetar du?"),
        ("discloser=police&recipient=nobody", "Vem skulle få uppgiften?"),
        ("discloser=police&recipient=police&setting=outdoors&on_date=2016-02-01",
         "Hur skulle du lämna uppgiften?"),
        ("discloser=police&recipient=police&setting=direct&on_date=1.2.2016", "Vilken dag"),
        ("discloser=police&recipient=police&setting=direct&on_date=2001-01-01", "Vilken dag"),
        ("discloser=social_services&recipient=police&setting=direct&on_date=2016-02-01&information=gossip",
         "Vad handlar uppgiften om?"),
        ("discloser=social_services&recipient=police&setting=direct&on_date=2016-02-01"
         "&information=personal_circumstances&identifiable=yes&known_to_all_present=no&subject_age=sixteen"
         "&consent=none", "Hur gammal är personen?"),
        ("discloser=social_services&recipient=police&setting=direct&on_date=2016-02-01"
         "&information=personal_circumstances&identifiable=yes&known_to_all_present=no&subject_age=16"
         "&consent=maybe", "Har personen samtyckt"),
        ("discloser=social_services&recipient=police&setting=direct&on_date=2016-02-01"
         "&information=personal_circumstances&identifiable=yes&known_to_all_present=no&subject_age=16"
         "&consent=none&facts=rumour", "Vilka av dessa stämmer?"),
    ],
)
@pytest.mark.parametrize("path", ["/dela/", "/dela/svar/", "/dela/pdf/"])
def test_a_bad_value_is_named_in_swedish_on_the_page(
    client: Client, path: str, query: str, label: str
) -> None:
    response = client.get(f"{path}?{query}")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    html = page(response)
    assert 'class="error-summary" role="alert"' in html
    summary = html[html.index('class="error-summary"'):]
    summary = summary[: summary.index("</div>")]
    assert label in summary
    assert "Det finns ett problem med dina svar" in summary


def test_an_error_links_to_its_field_and_the_field_points_back(client: Client) -> None:
    html = page(client.get("/dela/?discloser=hacker"))
    assert '<a href="#discloser-social_services">' in html
    assert 'aria-describedby="discloser-hint discloser-error"' in html
    assert 'id="discloser-error"' in html
    assert "<title>Fel:" in html


def test_submitting_a_step_unanswered_asks_again(client: Client) -> None:
    response = client.get("/dela/?discloser=social_services&recipient=police&step=setting")
    assert response.status_code == 400
    html = page(response)
    assert "Välj ett av alternativen." in html
    assert read_form(html).step == "setting"


def test_an_age_and_i_do_not_know_together_are_refused(client: Client) -> None:
    response = client.get(
        "/dela/?discloser=social_services&recipient=police&setting=direct&on_date=2016-02-01"
        "&information=personal_circumstances&identifiable=yes&known_to_all_present=no&subject_age=16"
        "&age_unknown=yes&consent=none&step=person")
    assert response.status_code == 400
    assert "inte båda" in page(response)


def test_an_incomplete_question_goes_back_to_the_missing_step(client: Client) -> None:
    response = client.get("/dela/svar/?discloser=social_services&recipient=police")
    assert response.status_code == 302
    assert response["Location"] == "/dela/?discloser=social_services&recipient=police"
    assert client.get("/dela/pdf/?discloser=social_services").status_code == 302


def test_only_get_and_head_are_allowed(client: Client) -> None:
    assert client.post("/dela/", {"discloser": "police"}).status_code == 405
    assert client.head("/dela/").status_code == 200


# --- nothing stored, language -------------------------------------------------------------

def test_nothing_is_written(client: Client) -> None:
    """No database: this test has no ``db`` fixture, so pytest-django refuses any query at all.
    No session and no CSRF cookie: the forms are GET forms that need neither."""
    result = walk(client, wizard_answers(EXAMPLE_18A))
    record = client.get(result.result_url.replace("/dela/svar/", "/dela/pdf/"))
    assert record.status_code == 200
    assert not client.cookies
    assert "sessionid" not in result.response.cookies
    assert "csrftoken" not in result.response.cookies
    assert "no-store" in result.response["Cache-Control"]


def test_the_english_wizard_lives_under_en(client: Client) -> None:
    first = client.get("/en/dela/")
    assert first.status_code == 200
    html = page(first)
    assert '<html lang="en">' in html
    assert "May I share this?" in html and "Where do you work?" in html
    assert 'action="/en/dela/"' in html
    result = walk(client, wizard_answers(EXAMPLE_18A), start="/en/dela/")
    assert result.result_url.startswith("/en/dela/svar/")
    answer = page(result.response)
    assert "Yes, you may disclose" in answer
    assert 'href="/en/lagrum/osl-10-18a/"' in answer
    assert "(explanation in Swedish)" in answer


def test_the_swedish_wizard_is_in_swedish(client: Client) -> None:
    html = page(client.get("/dela/"))
    assert '<html lang="sv">' in html
    assert "Var arbetar du?" in html and "Steg 1 av 7" in html and "Fortsätt" in html


def test_the_home_page_and_the_menu_link_the_wizard(client: Client) -> None:
    html = page(client.get("/"))
    assert html.count('href="/dela/"') == 2
    assert 'href="/en/dela/"' in page(client.get("/en/"))
    assert re.search(r'href="/dela/"\s+aria-current="page"', page(client.get("/dela/")))


@pytest.mark.parametrize("path", ["/dela/", "/dela/?discloser=hacker", "/en/dela/"])
def test_the_pages_carry_no_inline_script_or_style(client: Client, path: str) -> None:
    response = client.get(path)
    html = page(response)
    assert "<script" not in html and "<style" not in html and " style=" not in html
    assert "script-src 'self'" in response["Content-Security-Policy"]
