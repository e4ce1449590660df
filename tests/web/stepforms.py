"""Reading the GET step forms of the secrecy wizard and the concern interview in tests.

Both carry earlier answers as hidden fields and show the next questions as inputs;
a test walks them as a browser without JavaScript would.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any


class _FormParser(HTMLParser):
    """The step form's hidden fields, the names of its visible inputs, and its action."""

    def __init__(self, form_class: str) -> None:
        super().__init__()
        self.form_class = form_class
        self.in_form = False
        self.action = ""
        self.hidden: list[tuple[str, str]] = []
        self.visible: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and self.form_class in a.get("class", ""):
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


def read_step_form(html: str, *, form_class: str) -> Page:
    parser = _FormParser(form_class)
    parser.feed(html)
    return Page(parser.action, parser.hidden, parser.visible)


@dataclass
class Walk:
    steps: list[str] = field(default_factory=list)
    fields: list[str] = field(default_factory=list)
    result_url: str = ""
    response: Any = None
