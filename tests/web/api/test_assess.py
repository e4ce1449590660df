"""POST /api/assess: the contract's answers, arrays, and every way a request can be refused."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from varna.law import assess, parse_question
from varna.web.api.assessing import MAX_BODY_BYTES, MAX_QUESTIONS
from varna.web.api.openapi import EXAMPLES

URL = "/api/assess"
EXAMPLE_1 = EXAMPLES["social_services_in_group"]["value"]
EXAMPLE_2 = EXAMPLES["social_services_to_police_18a"]["value"]
EXAMPLE_3 = EXAMPLES["leisure_in_group"]["value"]
VALID = {"discloser": {"actor": "police"}, "recipient": {"actor": "social_services"}}


def post(client: Client, body: Any, content_type: str = "application/json") -> Any:
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return client.post(URL, data, content_type=content_type)


def assert_error(response: Any, status: int) -> dict[str, Any]:
    """Every refusal has the one error shape."""
    assert response.status_code == status, response.content
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"message", "extra"}
    assert isinstance(body["message"], str) and body["message"]
    assert isinstance(body["extra"]["fields"], dict)
    return body


def test_the_url_is_named_and_unprefixed() -> None:
    assert reverse("api:assess") == URL


def test_example_1_social_services_may_only_listen_in_a_group(api_client: Client) -> None:
    decision = post(api_client, EXAMPLE_1).json()
    assert decision["outcome"] == "not_allowed"
    assert decision["participation"] == "listen_only"
    assert "OSL 26:1" in decision["provisions"]


def test_example_2_osl_10_18a_allows_disclosure_to_the_police(api_client: Client) -> None:
    decision = post(api_client, EXAMPLE_2).json()
    assert decision["outcome"] == "allowed"
    assert "OSL 10:18a" in decision["provisions"]


def test_example_3_leisure_information_is_not_protected(api_client: Client) -> None:
    assert post(api_client, EXAMPLE_3).json()["outcome"] == "allowed"


def test_the_decision_is_the_engines_own(api_client: Client) -> None:
    response = post(api_client, EXAMPLE_2)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == assess(parse_question(EXAMPLE_2)).as_dict()


def test_an_array_gives_decisions_in_order(api_client: Client) -> None:
    decisions = post(api_client, [EXAMPLE_1, EXAMPLE_2, EXAMPLE_3]).json()
    assert [d["outcome"] for d in decisions] == ["not_allowed", "allowed", "allowed"]


def test_an_empty_array_gives_an_empty_array(api_client: Client) -> None:
    response = post(api_client, [])
    assert response.status_code == 200
    assert response.json() == []


def test_swedish_text_is_sent_as_utf8_not_escaped(api_client: Client) -> None:
    assert "ä".encode() in post(api_client, EXAMPLE_1).content


def test_a_charset_parameter_of_utf8_is_accepted(api_client: Client) -> None:
    assert post(api_client, EXAMPLE_3, "application/json; charset=utf-8").status_code == 200


def test_unknown_fields_are_answered_with_a_warning(api_client: Client) -> None:
    decision = post(api_client, {**VALID, "subjekt_age": 15}).json()
    assert any("subjekt_age" in warning for warning in decision["warnings"])


# --- refusals ------------------------------------------------------------------------------


def test_invalid_json_names_line_and_column(api_client: Client) -> None:
    body = assert_error(post(api_client, '{\n  "discloser": }'), 400)
    assert "line 2, column 16" in body["message"]


@pytest.mark.parametrize("raw", ["   ", b"\xff\xfe{}"])
def test_a_blank_or_undecodable_body_is_refused(api_client: Client, raw: str | bytes) -> None:
    assert_error(post(api_client, raw), 400)


def test_an_empty_body_is_refused(api_client: Client) -> None:
    # The test client sends "{}" for post() without data and drops the content type of an
    # empty body, so the request is built with generic() and the header set by hand.
    response = api_client.generic("POST", URL, b"", CONTENT_TYPE="application/json")
    assert "empty" in assert_error(response, 400)["message"]


def test_deep_nesting_is_refused_not_crashed(api_client: Client) -> None:
    assert_error(post(api_client, "[" * 50_000 + "]" * 50_000), 400)


@pytest.mark.parametrize("document", ["a string", 3, None, True])
def test_a_document_that_is_not_an_object_or_array_is_refused(api_client: Client, document: Any) -> None:
    assert_error(post(api_client, json.dumps(document)), 400)


@pytest.mark.parametrize(
    "content_type",
    ["text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin-1"],
)
def test_only_json_is_accepted(api_client: Client, content_type: str) -> None:
    assert_error(post(api_client, json.dumps(VALID), content_type), 415)


def test_a_missing_discloser_names_the_field(api_client: Client) -> None:
    body = assert_error(post(api_client, {"recipient": {"actor": "police"}}), 400)
    assert "discloser" in body["extra"]["fields"]


def test_an_unknown_actor_names_the_field_and_the_allowed_values(api_client: Client) -> None:
    body = assert_error(
        post(api_client, {"discloser": {"actor": "teacher"}, "recipient": {"actor": "police"}}), 400
    )
    assert set(body["extra"]["fields"]) == {"discloser.actor"}
    assert "teacher" in body["extra"]["fields"]["discloser.actor"]
    assert "school_staff" in body["extra"]["allowed"]["discloser.actor"]


def test_a_bad_fact_in_an_array_is_named_by_its_place(api_client: Client) -> None:
    body = assert_error(post(api_client, [VALID, {**VALID, "facts": ["gut_feeling"]}]), 400)
    assert set(body["extra"]["fields"]) == {"[1].facts[0]"}
    assert body["message"].startswith("Question [1]")


def test_a_bad_array_member_stops_the_whole_batch(api_client: Client) -> None:
    body = assert_error(post(api_client, [VALID, VALID, VALID, {"recipient": {"actor": "x"}}]), 400)
    assert set(body["extra"]["fields"]) == {"[3].discloser"}


def test_a_date_before_the_rule_base_is_a_client_error(api_client: Client) -> None:
    body = assert_error(post(api_client, {**VALID, "on_date": "2009-06-29"}), 400)
    assert set(body["extra"]["fields"]) == {"on_date"}


def test_a_body_over_one_mebibyte_is_too_large(api_client: Client) -> None:
    padding = "x" * MAX_BODY_BYTES
    assert_error(post(api_client, {**VALID, "padding": padding}), 413)


def test_more_than_the_maximum_number_of_questions_is_refused(api_client: Client) -> None:
    body = assert_error(post(api_client, [VALID] * (MAX_QUESTIONS + 1)), 400)
    assert str(MAX_QUESTIONS) in body["message"]


def test_the_maximum_number_of_questions_is_answered(api_client: Client) -> None:
    response = post(api_client, [VALID] * MAX_QUESTIONS)
    assert response.status_code == 200
    assert len(response.json()) == MAX_QUESTIONS


@pytest.mark.parametrize("method", ["get", "put", "delete"])
def test_other_methods_are_not_allowed(api_client: Client, method: str) -> None:
    response = getattr(api_client, method)(URL)
    assert_error(response, 405)
    assert response["Allow"] == "POST"


def test_no_csrf_token_is_needed(api_client: Client) -> None:
    # api_client enforces CSRF checks like a real browser-less caller would meet them.
    assert post(api_client, VALID).status_code == 200
