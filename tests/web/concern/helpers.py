"""Walk the interview as a browser without JavaScript would: read the form, fill it, send it."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

from django.test import Client

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


class _FormParser(HTMLParser):
    """The interview form's hidden fields, the names of its visible inputs, and the step."""

    def __init__(self) -> None:
        super().__init__()
        self.in_form = False
        self.action = ""
        self.hidden: list[tuple[str, str]] = []
        self.visible: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and "concern-form" in a.get("class", ""):
            self.in_form, self.action = True, a.get("action", "")
        elif tag in ("input", "select", "textarea") and self.in_form:
            if a.get("type") == "hidden":
                self.hidden.append((a["name"], a.get("value", "")))
            elif a["name"] not in self.visible:
                self.visible.append(a["name"])

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.in_form = False


@dataclass
class Page:
    action: str
    hidden: list[tuple[str, str]]
    visible: list[str]

    @property
    def step(self) -> str:
        return dict(self.hidden)["step"]


def read_form(html: str) -> Page:
    parser = _FormParser()
    parser.feed(html)
    return Page(parser.action, parser.hidden, parser.visible)


@dataclass
class Walk:
    steps: list[str] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)
    result_url: str = ""
    response: Any = None


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
