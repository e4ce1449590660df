"""The OpenAPI document: generated from the engine's enums, and its examples really work."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Any

import pytest
from django.test import Client

from varna.law import (
    Actor,
    Consent,
    Fact,
    Information,
    Outcome,
    Participation,
    Setting,
    assess,
    parse_question,
)
from varna.web.api.openapi import EXAMPLES, EXPECTED_OUTCOMES


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    response = Client().get("/api/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    return dict(response.json())


def refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        found = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        return found + [r for value in node.values() for r in refs(value)]
    if isinstance(node, list):
        return [r for value in node for r in refs(value)]
    return []


def test_it_is_openapi_3_1(document: dict[str, Any]) -> None:
    assert document["openapi"] == "3.1.0"
    assert document["info"]["title"] and document["info"]["version"]


def test_the_paths_exist(document: dict[str, Any]) -> None:
    assert set(document["paths"]) == {"/api/assess", "/api/openapi.json"}
    responses = document["paths"]["/api/assess"]["post"]["responses"]
    assert {"200", "400", "405", "413", "415"} <= set(responses)


def test_every_reference_resolves(document: dict[str, Any]) -> None:
    schemas = document["components"]["schemas"]
    for ref in refs(document):
        assert ref.startswith("#/components/schemas/")
        assert ref.removeprefix("#/components/schemas/") in schemas


@pytest.mark.parametrize(
    ("name", "enum"),
    [
        ("Actor", Actor),
        ("Setting", Setting),
        ("Information", Information),
        ("Consent", Consent),
        ("Fact", Fact),
        ("Outcome", Outcome),
        ("Participation", Participation),
    ],
)
def test_every_enum_value_appears(document: dict[str, Any], name: str, enum: type[StrEnum]) -> None:
    assert document["components"]["schemas"][name]["enum"] == [member.value for member in enum]


def test_a_private_party_can_only_receive(document: dict[str, Any]) -> None:
    schemas = document["components"]["schemas"]
    assert "private" not in schemas["DiscloserActor"]["enum"]
    assert "private" in schemas["Actor"]["enum"]


def test_the_decision_schema_matches_a_real_decision(document: dict[str, Any]) -> None:
    schemas = document["components"]["schemas"]
    decision = assess(parse_question(EXAMPLES["social_services_in_group"]["value"])).as_dict()
    assert set(schemas["Decision"]["properties"]) == set(decision)
    assert set(schemas["Decision"]["required"]) == set(decision)
    trace = decision["trace"]
    assert isinstance(trace, list) and trace
    assert set(schemas["TraceStep"]["properties"]) == set(trace[0])


def test_the_question_schema_lists_every_field_the_parser_knows(document: dict[str, Any]) -> None:
    from varna.law.question import KNOWN_FIELDS, PARTY_FIELDS

    schemas = document["components"]["schemas"]
    assert set(schemas["Question"]["properties"]) == KNOWN_FIELDS
    assert set(schemas["Discloser"]["properties"]) == PARTY_FIELDS


def _examples(document: dict[str, Any]) -> dict[str, Any]:
    body = document["paths"]["/api/assess"]["post"]["requestBody"]
    return body["content"]["application/json"]["examples"]  # type: ignore[no-any-return]


def test_the_contract_examples_are_in_the_document(document: dict[str, Any]) -> None:
    examples = _examples(document)
    for name, example in EXAMPLES.items():
        assert examples[name]["value"] == example["value"]


def test_every_example_in_the_document_is_answered(document: dict[str, Any]) -> None:
    client = Client()
    examples = _examples(document)
    assert len(examples) >= 4
    for name, example in examples.items():
        response = client.post("/api/assess", json.dumps(example["value"]), content_type="application/json")
        assert response.status_code == 200, (name, response.content)
        if name in EXPECTED_OUTCOMES:
            assert response.json()["outcome"] == EXPECTED_OUTCOMES[name]
        else:
            assert isinstance(response.json(), list)


def test_an_error_has_the_documented_shape(document: dict[str, Any]) -> None:
    schema = document["components"]["schemas"]["Error"]
    body = Client().post("/api/assess", "{}", content_type="application/json").json()
    assert set(schema["required"]) <= set(body) <= set(schema["properties"])
    assert set(body["extra"]) <= set(schema["properties"]["extra"]["properties"])


def test_the_docs_page_shows_a_command_and_links_the_schema() -> None:
    client = Client()
    page = client.get("/api/").content.decode()
    assert "curl" in page and "/api/assess" in page and 'href="/api/openapi.json"' in page
    english = client.get("/en/api/")
    assert english.status_code == 200
    assert "/api/assess" in english.content.decode()
