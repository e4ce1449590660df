"""The OpenAPI 3.1 document for ``POST /api/assess``, built from the engine's own enums.

Writing the schema by hand would let it drift from the code the first time someone
adds an actor or a fact. Here every enum comes from ``varna.law.model`` and every
label from the rule base's vocabulary, and the tests post each example in this
document to the real endpoint.
"""

from __future__ import annotations

import copy
import json
import shlex
from enum import StrEnum
from functools import cache
from importlib import metadata
from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from varna.law import (
    Actor,
    Consent,
    Fact,
    Information,
    Outcome,
    Participation,
    Setting,
    default_rulebase,
)
from varna.law.question import MAX_AGE, MAX_AUTHORITY_LENGTH
from varna.web.api.assessing import JSON_CONTENT_TYPE, MAX_BODY_BYTES, MAX_QUESTIONS

Schema = dict[str, Any]

# The three examples of shared/contracts/assessment.md, with the answer each must get.
EXAMPLES: dict[str, Schema] = {
    "social_services_in_group": {
        "summary": "Socialtjänsten i en samverkansgrupp, utan samtycke (→ not_allowed, listen_only)",
        "description": "Social services may only listen in a cooperation group; OSL 26:1 protects "
        "the information and nothing lifts it.",
        "value": {
            "on_date": "2016-02-01",
            "discloser": {"actor": "social_services", "authority": "sdn-norr"},
            "recipient": {"actor": "police"},
            "setting": "cooperation_group",
            "subject_age": 16,
            "consent": "none",
        },
    },
    "social_services_to_police_18a": {
        "summary": "Socialtjänsten direkt till polisen om en 19-åring, OSL 10:18a (→ allowed)",
        "description": "Special circumstances show a risk of criminal activity and the information "
        "helps prevent it: OSL 10:18a breaks the secrecy for a person under 21.",
        "value": {
            "on_date": "2016-02-01",
            "discloser": {"actor": "social_services", "authority": "sdn-norr"},
            "recipient": {"actor": "police"},
            "setting": "direct",
            "subject_age": 19,
            "facts": ["risk_of_criminal_activity", "helps_prevent"],
        },
    },
    "leisure_in_group": {
        "summary": "Fritidsverksamheten i en samverkansgrupp (→ allowed)",
        "description": "Only the OSL 21 minimum protects information at leisure activities, and "
        "personal circumstances are not such information.",
        "value": {
            "on_date": "2016-02-01",
            "discloser": {"actor": "leisure", "authority": "sdn-soder"},
            "recipient": {"actor": "police"},
            "setting": "cooperation_group",
            "information": "personal_circumstances",
            "subject_age": 15,
        },
    },
}
EXPECTED_OUTCOMES: dict[str, str] = {
    "social_services_in_group": Outcome.NOT_ALLOWED.value,
    "social_services_to_police_18a": Outcome.ALLOWED.value,
    "leisure_in_group": Outcome.ALLOWED.value,
}

# Vocabulary group in the rule base for each enum, for the value labels.
_VOCABULARY_GROUP: dict[type[StrEnum], str] = {
    Actor: "actors",
    Setting: "settings",
    Information: "information",
    Consent: "consent",
    Fact: "facts",
    Outcome: "outcomes",
    Participation: "participation",
}


def canonical_path(url_name: str) -> str:
    """The API's path without a language prefix: programs have no language."""
    with translation.override(settings.LANGUAGE_CODE):
        return reverse(url_name)


def _ref(name: str) -> Schema:
    return {"$ref": f"#/components/schemas/{name}"}


def _enum_schema(cls: type[StrEnum], description: str, exclude: frozenset[str] = frozenset()) -> Schema:
    """An enum with every value listed and labelled in English and Swedish."""
    vocabulary = default_rulebase().vocabulary.get(_VOCABULARY_GROUP[cls], {})
    values = [member.value for member in cls if member.value not in exclude]
    lines = [description, ""]
    for value in values:
        entry = vocabulary.get(value) or {}
        english, swedish = entry.get("en"), entry.get("sv")
        label = " – ".join(str(part) for part in (english, swedish and f"*{swedish}*") if part)
        lines.append(f"- `{value}`" + (f": {label}" if label else ""))
    return {"type": "string", "enum": values, "description": "\n".join(lines)}


def _party_schema(description: str, actor: Schema) -> Schema:
    authority = {
        "type": "string",
        "minLength": 1,
        "maxLength": MAX_AUTHORITY_LENGTH,
        "description": "Which authority, committee or branch the party belongs to, e.g. `sdn-norr`, "
        "`grundskolenamnden`, `polisen`. Left out: the Malmö organisation of the rule base is assumed.",
    }
    delegated_by = {
        "type": "string",
        "minLength": 1,
        "maxLength": MAX_AUTHORITY_LENGTH,
        "description": "The district committee on whose delegation the social resources administration "
        "acts; the information then belongs to that committee.",
    }
    return {
        "type": "object",
        "description": description,
        "required": ["actor"],
        "additionalProperties": False,
        "properties": {"actor": actor, "authority": authority, "delegated_by": delegated_by},
    }


def _schemas() -> dict[str, Schema]:
    return {
        "Actor": _enum_schema(Actor, "Kinds of holders and receivers of information."),
        "DiscloserActor": _enum_schema(
            Actor,
            "An actor that holds information; `private` can only receive.",
            exclude=frozenset({Actor.PRIVATE.value}),
        ),
        "Setting": _enum_schema(Setting, "Said in a cooperation group, or to the recipient alone."),
        "Information": _enum_schema(Information, "What the information is about."),
        "Consent": _enum_schema(Consent, "The person's consent to this disclosure."),
        "Fact": _enum_schema(Fact, "A circumstance the user asserts about the situation."),
        "Outcome": _enum_schema(Outcome, "The answer."),
        "Participation": _enum_schema(
            Participation, "In a cooperation group about an identifiable person: take part, or only listen."
        ),
        "Discloser": _party_schema("Who holds the information.", _ref("DiscloserActor")),
        "Recipient": _party_schema("Who would receive it.", _ref("Actor")),
        "Question": {
            "type": "object",
            "description": "May this actor disclose this information about a person to this recipient, "
            "in this setting? Unknown fields are ignored, and the decision warns about them.",
            "required": ["discloser", "recipient"],
            "properties": {
                "on_date": {
                    "type": "string",
                    "format": "date",
                    "description": "The day of the disclosure (default: today); selects the rule base "
                    "in force that day. Not before 2009-06-30.",
                },
                "discloser": _ref("Discloser"),
                "recipient": _ref("Recipient"),
                "setting": {**_ref("Setting"), "default": Setting.DIRECT.value},
                "information": {**_ref("Information"), "default": Information.PERSONAL_CIRCUMSTANCES.value},
                "identifiable": {
                    "type": "boolean",
                    "default": True,
                    "description": "false: a de-identified case description (no individual can be "
                    "recognised).",
                },
                "known_to_all_present": {
                    "type": "boolean",
                    "default": False,
                    "description": "Everyone present already knows it.",
                },
                "subject_age": {
                    "type": ["integer", "null"],
                    "minimum": 0,
                    "maximum": MAX_AGE,
                    "default": None,
                    "description": "Age of the person the information is about.",
                },
                "consent": {**_ref("Consent"), "default": Consent.NONE.value},
                "facts": {
                    "type": ["array", "null"],
                    "items": _ref("Fact"),
                    "default": [],
                    "description": "Facts the user asserts about the situation.",
                },
            },
        },
        "TraceStep": {
            "type": "object",
            "description": "One rule tried, in the order tried.",
            "required": ["rule", "provision", "applied", "reason"],
            "properties": {
                "rule": {"type": "string", "description": "The rule-base entry or engine step."},
                "provision": {
                    "type": ["string", "null"],
                    "description": "The citation it stands on, e.g. `OSL 26:1`.",
                },
                "applied": {"type": "boolean"},
                "reason": {"type": "string", "description": "Why, in Swedish."},
            },
        },
        "Decision": {
            "type": "object",
            "required": [
                "outcome",
                "participation",
                "provisions",
                "explanation",
                "trace",
                "warnings",
                "rulebase",
                "rulebase_reviewed_on",
                "on_date",
            ],
            "properties": {
                "outcome": _ref("Outcome"),
                "participation": {
                    "oneOf": [_ref("Participation"), {"type": "null"}],
                    "description": "Set in a cooperation group about an identifiable person.",
                },
                "provisions": {
                    "type": "array",
                    "items": {"type": "string"},
                    "description": "Every provision the decision rests on, e.g. `OSL 10:18a`, "
                    "`OSL 23:2 st. 2`, `SoL 14:1`.",
                },
                "explanation": {"type": "string", "description": "The reasoning in plain Swedish."},
                "trace": {"type": "array", "items": _ref("TraceStep")},
                "warnings": {
                    "type": "array",
                    "items": {"type": "string"},
                    "description": "What the user must still do or watch, in Swedish.",
                },
                "rulebase": {"type": "string", "description": "The rule-base version that answered."},
                "rulebase_reviewed_on": {"type": "string", "format": "date"},
                "on_date": {"type": "string", "format": "date", "description": "The day answered for."},
            },
        },
        "Error": {
            "type": "object",
            "description": "Every error has this shape. For an array, field names start with the "
            "question's index, e.g. `[3].discloser.actor`.",
            "required": ["message", "extra"],
            "properties": {
                "message": {"type": "string"},
                "extra": {
                    "type": "object",
                    "required": ["fields"],
                    "properties": {
                        "fields": {
                            "type": "object",
                            "additionalProperties": {"type": "string"},
                            "description": "The message for each field at fault.",
                        },
                        "allowed": {
                            "type": "object",
                            "additionalProperties": {"type": "array", "items": {"type": "string"}},
                            "description": "The allowed values for a field, where there is a fixed list.",
                        },
                    },
                },
            },
        },
    }


def _error_response(description: str) -> Schema:
    return {"description": description, "content": {JSON_CONTENT_TYPE: {"schema": _ref("Error")}}}


def _version() -> str:
    try:
        return metadata.version("varna")
    except metadata.PackageNotFoundError:
        return "0"


@cache
def _document() -> Schema:
    examples = {name: dict(example) for name, example in EXAMPLES.items()}
    examples["array"] = {
        "summary": "Several questions at once (→ an array of decisions, in order)",
        "value": [EXAMPLES["social_services_in_group"]["value"], EXAMPLES["leisure_in_group"]["value"]],
    }
    return {
        "openapi": "3.1.0",
        "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
        "info": {
            "title": "Värna – sekretessbedömning",
            "version": _version(),
            "summary": "May this actor disclose this information, to this recipient, here – and on "
            "what legal basis?",
            "description": "The same contract as `varna assess` (shared/contracts/assessment.md): one "
            "question gives one decision, an array of questions gives an array of decisions in order. "
            "Explanations, trace reasons and warnings are in Swedish. The answer supports the "
            "official's own judgement; it is not a decision.",
            "license": {"name": "EUPL-1.2", "identifier": "EUPL-1.2"},
        },
        "servers": [{"url": "/"}],
        "paths": {
            canonical_path("api:assess"): {
                "post": {
                    "operationId": "assess",
                    "summary": "Assess one question, or an array of questions",
                    "requestBody": {
                        "required": True,
                        "description": f"At most {MAX_BODY_BYTES} bytes and {MAX_QUESTIONS} questions.",
                        "content": {
                            JSON_CONTENT_TYPE: {
                                "schema": {
                                    "oneOf": [
                                        _ref("Question"),
                                        {
                                            "type": "array",
                                            "items": _ref("Question"),
                                            "maxItems": MAX_QUESTIONS,
                                        },
                                    ]
                                },
                                "examples": examples,
                            }
                        },
                    },
                    "responses": {
                        "200": {
                            "description": "A decision for an object; an array of decisions for an array.",
                            "content": {
                                JSON_CONTENT_TYPE: {
                                    "schema": {
                                        "oneOf": [
                                            _ref("Decision"),
                                            {"type": "array", "items": _ref("Decision")},
                                        ]
                                    }
                                }
                            },
                        },
                        "400": _error_response(
                            "Invalid JSON, or an invalid question; `extra.fields` names the field."
                        ),
                        "405": _error_response("Only POST is allowed."),
                        "413": _error_response(f"The body is larger than {MAX_BODY_BYTES} bytes."),
                        "415": _error_response(f"The content type is not {JSON_CONTENT_TYPE}."),
                    },
                }
            },
            canonical_path("api:openapi"): {
                "get": {
                    "operationId": "openapi",
                    "summary": "This document",
                    "responses": {"200": {"description": "The OpenAPI document."}},
                }
            },
        },
        "components": {"schemas": _schemas()},
    }


def openapi_document() -> Schema:
    """The document; a copy, so no caller can change the cached original."""
    return copy.deepcopy(_document())


def curl_example(url: str, example: str = "social_services_to_police_18a") -> str:
    """A command a person can paste into a shell to try the API."""
    body = json.dumps(EXAMPLES[example]["value"], ensure_ascii=False, indent=2)
    return (
        f"curl -sS -X POST {shlex.quote(url)} \\\n"
        f"  -H 'Content-Type: {JSON_CONTENT_TYPE}' \\\n"
        f"  --data-binary {shlex.quote(body)}"
    )
