"""Walk the interview as a browser without JavaScript would: read the form, fill it, send it."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.test import Client
from tests.web.stepforms import Page, Walk, read_step_form

Answers = dict[str, Any]

# Issue 3's newcomer: a youth leader in Rosengård, a 15-year-old showing violent extremist propaganda.
NEWCOMER: Answers = {
    "role": "leisure_staff", "workplace": "leisure", "district": "Rosengård", "age": "15_17",
    "observed": ["extremist_propaganda"], "seriousness": "worried",
}
TEACHER_UNIVERSAL: Answers = {
    "role": "school_staff_compulsory", "district": "Fosie", "age": "12_14",
    "observed": ["anti_democratic_values"], "seriousness": "worried",
}
FIELD_WORKER_SELECTIVE: Answers = {
    "role": "field_worker", "district": "innerstaden", "age": "15_17",
    "observed": ["drugs", "crime"], "seriousness": "worried",
}
RELATIVE_DANGER: Answers = {
    "role": "relative", "district": "Holma", "age": "18_20",
    "observed": ["wants_to_fight_abroad"], "seriousness": "immediate_danger",
}


def read_form(html: str) -> Page:
    return read_step_form(html, form_class="concern-form")


def walk(client: Client, answers: Answers, *, start: str = "/orolig/", max_steps: int = 8) -> Walk:
    """Answer each step the interview shows from ``answers`` until it shows the answer.

    Every visible field must have an answer, so a test notices when the interview asks
    something it did not expect.
    """
    result = Walk()
    response = client.get(start)
    for _ in range(max_steps):
        assert response.status_code == 200, response.content.decode()[:3000]
        page = read_form(response.content.decode())
        result.steps.append(page.step)
        data: list[tuple[str, str]] = list(page.hidden)
        for name in page.visible:
            result.fields.append(name)
            if name not in answers:
                raise AssertionError(f"the interview asked {name!r}, which the test did not expect")
            value = answers[name]
            data += [(name, v) for v in (value if isinstance(value, list) else [value])]
        query: dict[str, list[str]] = {}
        for name, value in data:
            query.setdefault(name, []).append(value)
        response = client.get(page.action, query)
        if response.status_code == 302:
            result.result_url = response["Location"]
            result.response = client.get(result.result_url)
            assert urlsplit(result.result_url).path.endswith("/orolig/svar/")
            return result
    raise AssertionError(f"no answer after {max_steps} steps: {result.steps}")
