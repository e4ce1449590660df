"""Walk the wizard as a browser without JavaScript would: read the form, fill it, send it."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.test import Client
from tests.web.stepforms import Page, Walk, read_step_form

# What a contract question looks like as the wizard's answers, field by field.
Answers = dict[str, Any]

# The three examples of shared/contracts/assessment.md.
EXAMPLE_GROUP = {
    "on_date": "2016-02-01",
    "discloser": {"actor": "social_services", "authority": "sdn-norr"},
    "recipient": {"actor": "police"}, "setting": "cooperation_group",
    "subject_age": 16, "consent": "none",
}
EXAMPLE_18A = {
    "on_date": "2016-02-01",
    "discloser": {"actor": "social_services", "authority": "sdn-norr"},
    "recipient": {"actor": "police"}, "setting": "direct", "subject_age": 19,
    "facts": ["risk_of_criminal_activity", "helps_prevent"],
}
EXAMPLE_LEISURE = {
    "on_date": "2016-02-01",
    "discloser": {"actor": "leisure", "authority": "sdn-soder"},
    "recipient": {"actor": "police"}, "setting": "cooperation_group",
    "information": "personal_circumstances", "subject_age": 15,
}


def wizard_answers(question: dict[str, Any]) -> dict[str, Any]:
    """A contract question as the answers a person would give the wizard (defaults spelled out)."""
    return {
        "discloser": question["discloser"]["actor"],
        "recipient": question["recipient"]["actor"],
        "discloser_authority": question["discloser"].get("authority", "unspecified"),
        "recipient_authority": question["recipient"].get("authority", "unspecified"),
        "setting": question.get("setting", "direct"),
        "on_date": question["on_date"],
        "information": question.get("information", "personal_circumstances"),
        "identifiable": question.get("identifiable", True),
        "known_to_all_present": question.get("known_to_all_present", False),
        "subject_age": question.get("subject_age"),
        "consent": question.get("consent", "none"),
        "facts": question.get("facts", []),
    }


def read_form(html: str) -> Page:
    return read_step_form(html, form_class="wizard")


def _values(name: str, answers: Answers) -> list[str]:
    if name == "age_unknown":
        return ["yes"] if answers.get("subject_age", "unknown") is None else []
    value = answers.get(name)
    if value is None:
        return []
    if isinstance(value, bool):
        return ["yes" if value else "no"]
    if isinstance(value, list):
        return [str(v) for v in value]
    return [str(value)]


def walk(client: Client, answers: Answers, *, start: str = "/dela/", max_steps: int = 12) -> Walk:
    """Answer each step the wizard shows from ``answers`` until it shows the decision.

    ``subject_age: None`` means "I do not know the age". Every visible field the
    wizard asks must have an answer (facts may be left out), so a test notices when
    the wizard asks something it did not expect.
    """
    result = Walk()
    response = client.get(start)
    for _ in range(max_steps):
        assert response.status_code == 200, response.content.decode()[:2000]
        page = read_form(response.content.decode())
        result.steps.append(page.step)
        data: list[tuple[str, str]] = list(page.hidden)
        for name in page.visible:
            result.fields.append(name)
            if name not in answers and name not in ("facts", "age_unknown"):
                raise AssertionError(f"the wizard asked {name!r}, which the test did not expect")
            data += [(name, v) for v in _values(name, answers)]
        query: dict[str, list[str]] = {}
        for name, value in data:
            query.setdefault(name, []).append(value)
        response = client.get(page.action, query)
        if response.status_code == 302:
            result.result_url = response["Location"]
            result.response = client.get(result.result_url)
            assert urlsplit(result.result_url).path.endswith("/dela/svar/")
            return result
    raise AssertionError(f"no decision after {max_steps} steps: {result.steps}")
