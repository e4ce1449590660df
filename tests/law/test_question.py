"""Parsing the contract's JSON: every bad field is named, with the allowed values."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from varna.law import QuestionError, parse_question, question_to_dict

BASE: dict[str, Any] = {"discloser": {"actor": "leisure"}, "recipient": {"actor": "police"}}


def with_(**fields: Any) -> dict[str, Any]:
    return {**BASE, **fields}


@pytest.mark.parametrize(
    ("data", "field", "hint"),
    [
        ([], "question", "JSON object"),
        ({"recipient": {"actor": "police"}}, "discloser", "missing"),
        (with_(discloser={}), "discloser.actor", "missing"),
        (with_(discloser="leisure"), "discloser", "object"),
        (with_(discloser={"actor": "teacher"}), "discloser.actor", "unknown value"),
        (with_(discloser={"actor": "private"}), "discloser.actor", "only receive"),
        (with_(discloser={"actor": "leisure", "role": "x"}), "discloser.role", "unknown field"),
        (with_(recipient={"actor": 3}), "recipient.actor", "expected a string"),
        (with_(recipient={"actor": "police", "authority": ""}), "recipient.authority", "non-empty"),
        (with_(setting="meeting"), "setting", "unknown value"),
        (with_(information="secret"), "information", "unknown value"),
        (with_(identifiable="yes"), "identifiable", "true or false"),
        (with_(known_to_all_present=1), "known_to_all_present", "true or false"),
        (with_(subject_age="16"), "subject_age", "whole number"),
        (with_(subject_age=16.5), "subject_age", "whole number"),
        (with_(subject_age=True), "subject_age", "whole number"),
        (with_(subject_age=-1), "subject_age", "outside"),
        (with_(consent="yes"), "consent", "unknown value"),
        (with_(facts="helps_prevent"), "facts", "list"),
        (with_(facts=["helps_prevent", "gut_feeling"]), "facts[1]", "unknown value"),
        (with_(on_date="1/2/2016"), "on_date", "ISO date"),
        (with_(on_date=20160201), "on_date", "ISO date"),
    ],
)
def test_a_bad_field_is_named(data: object, field: str, hint: str) -> None:
    with pytest.raises(QuestionError) as info:
        parse_question(data, today=dt.date(2016, 2, 1))
    assert info.value.field == field
    assert hint in str(info.value)


def test_enum_errors_list_the_allowed_values() -> None:
    with pytest.raises(QuestionError) as info:
        parse_question(with_(consent="maybe"))
    assert info.value.allowed == ("none", "oral", "written")
    assert "allowed: none, oral, written" in str(info.value)


def test_defaults_follow_the_contract() -> None:
    q = parse_question(BASE, today=dt.date(2020, 5, 5))
    assert q.on_date == dt.date(2020, 5, 5)
    assert (q.setting.value, q.information.value, q.identifiable, q.known_to_all_present,
            q.subject_age, q.consent.value, q.facts) == (
        "direct", "personal_circumstances", True, False, None, "none", frozenset())


def test_a_question_survives_a_round_trip() -> None:
    data = with_(on_date="2016-02-01", setting="cooperation_group", subject_age=15,
                 consent="oral", facts=["harm_expected", "helps_prevent"],
                 discloser={"actor": "social_services", "authority": "sdn-norr"})
    q = parse_question(data)
    assert parse_question(question_to_dict(q)) == q
