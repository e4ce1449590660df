"""Which pages to check: found from the URL conf and by walking the site, not from a fixed list.

Three sources, so that a page added by any app is checked without anyone editing
this file:

1. every named URL that reverses without arguments, in Swedish and in English
   (``home``, ``sharing:wizard``, ``concern_note:form`` – and ``concern:…``,
   ``knowledge:…`` as soon as those apps exist);
2. links followed from those pages, at most ``SAMPLES_PER_ROUTE`` pages for each
   URL pattern and language (two provision pages, not all of them);
3. every GET form walked as a person without JavaScript would: the first option of
   each group, a sample word in each text field, a date and an age where asked –
   which reaches the steps and answers of a wizard and the results of a search.

To these come two walks through the sharing wizard with the answers of
tests/web/sharing/helpers.py (every step, the circumstances, the answer) and a few
pages only a mistake reaches: the 404 page and a step sent without an answer.

Django's test client does the walking (it is fast and sees the status and type of
every response); only HTML pages are kept. The browser then checks each one.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlencode, urljoin, urlsplit

from django.test import Client
from django.urls import NoReverseMatch, Resolver404, URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils import translation
from tests.web.sharing.helpers import EXAMPLE_18A, EXAMPLE_GROUP, walk, wizard_answers

SAMPLES_PER_ROUTE = 2
MAX_PAGES = 160
MAX_FORM_STEPS = 12
LANGUAGES = ("sv", "en")

# What a walk types into a field, by its type.
SAMPLE_INPUT = {"date": "2016-02-01", "number": "15", "email": "", "tel": "", "url": ""}
SAMPLE_TEXT = "extremism"


@dataclass(frozen=True, slots=True)
class Found:
    path: str  # with its query, as the browser should open it
    status: int
    via: str  # how it was found: "named URL home", "link", "form walk"


def named_routes() -> list[str]:
    """Every ``namespace:name`` in the URL conf, in the order it is declared."""
    names: list[str] = []

    def visit(patterns: Iterable[Any], namespace: str) -> None:
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = namespace
                if pattern.namespace:
                    inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
                visit(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                names.append(f"{namespace}:{pattern.name}" if namespace else pattern.name)

    visit(get_resolver().url_patterns, "")
    return list(dict.fromkeys(names))


def reversible(names: Iterable[str], language: str) -> list[tuple[str, str]]:
    """(name, path) of each name that needs no arguments; the others are reached by walking."""
    found = []
    with translation.override(language):
        for name in names:
            try:
                found.append((name, reverse(name)))
            except NoReverseMatch:
                continue
    return found


@dataclass
class _Form:
    method: str
    action: str
    fields: list[tuple[str, str, str, bool]] = field(default_factory=list)  # (kind, name, value, checked)
    selects: dict[str, list[tuple[str, bool]]] = field(default_factory=dict)
    submit: tuple[str, str] | None = None


class _PageParser(HTMLParser):
    """The links of a page and its forms, with every field a submission would carry."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.forms: list[_Form] = []
        self._form: _Form | None = None
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {key: value or "" for key, value in attrs}
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "form":
            self._form = _Form(method=a.get("method", "get").lower(), action=a.get("action", ""))
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "input" and a.get("name") and "disabled" not in a:
            kind = a.get("type", "text").lower()
            if kind in ("submit", "image"):
                if self._form.submit is None:
                    self._form.submit = (a["name"], a.get("value", ""))
            else:
                self._form.fields.append((kind, a["name"], a.get("value", ""), "checked" in a))
        elif tag == "button" and a.get("type", "submit") == "submit" and a.get("name"):
            if self._form.submit is None:
                self._form.submit = (a["name"], a.get("value", ""))
        elif tag == "select" and a.get("name"):
            self._select = a["name"]
            self._form.selects[self._select] = []
        elif tag == "option" and self._select is not None:
            self._form.selects[self._select].append((a.get("value", ""), "selected" in a))
        elif tag == "textarea" and a.get("name"):
            self._textarea = a["name"]
            self._form.fields.append(("textarea", a["name"], "", False))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._form is not None and self._textarea is not None and data.strip():
            fields = self._form.fields
            fields[-1] = ("textarea", self._textarea, fields[-1][2] + data, False)


def _parse(html: str) -> _PageParser:
    parser = _PageParser()
    parser.feed(html)
    return parser


def _first_choice(options: list[tuple[str, bool]]) -> str:
    """The option already chosen, else the first real one (not an empty "choose…" placeholder)."""
    chosen = [value for value, checked in options if checked]
    real = [value for value, _checked in options if value]
    return (chosen or real or [options[0][0]])[0]


def fill(form: _Form, *, tick: bool = False) -> list[tuple[str, str]]:
    """What a person who picks the first of everything would send.

    Boxes are left as they are, unless ``tick``: then the first box of each group
    that has none ticked is ticked too (for a step that asks for at least one).
    """
    data: list[tuple[str, str]] = []
    radios: dict[str, list[tuple[str, bool]]] = {}
    ticked: set[str] = {name for kind, name, _value, checked in form.fields if kind == "checkbox" and checked}
    for kind, name, value, checked in form.fields:
        if kind == "radio":
            radios.setdefault(name, []).append((value, checked))
        elif kind == "checkbox":
            if checked or (tick and name not in ticked):
                data.append((name, value))
                ticked.add(name)
        elif kind == "hidden":
            data.append((name, value))
        elif kind in SAMPLE_INPUT:
            data.append((name, value or SAMPLE_INPUT[kind]))
        else:  # text, search, textarea and anything new
            data.append((name, value or SAMPLE_TEXT))
    for name, options in radios.items():
        data.append((name, _first_choice(options)))
    for name, options in form.selects.items():
        if options:
            data.append((name, _first_choice(options)))
    if form.submit is not None:
        data.append(form.submit)
    return data


def route_of(path: str) -> str | None:
    # Each request activates its page's language, and the URL conf only knows the prefix
    # of the active language, so resolve in the language of the path itself.
    with translation.override(_language(path)):
        try:
            return resolve(urlsplit(path).path).view_name
        except Resolver404:
            return None


def _language(path: str) -> str:
    return "en" if path.startswith("/en/") else "sv"


def _is_page(response: Any) -> bool:
    """An HTML page to look at: a redirect's body is not one, an error page (even a 500) is."""
    is_redirect = 300 <= response.status_code < 400
    return not is_redirect and str(response.get("Content-Type", "")).startswith("text/html")


def _full_path(response: Any) -> str:
    request = response.wsgi_request
    query = request.META.get("QUERY_STRING", "")
    return request.path + (f"?{query}" if query else "")


def discover(client: Client | None = None, *, extra: Iterable[str] = ()) -> list[Found]:
    """The HTML pages of the site worth checking, each once, in the order found."""
    # A view that fails must not stop the walk: its 500 page is kept like any other page.
    client = client or Client(raise_request_exception=False)
    names = named_routes()
    queue: deque[tuple[str, str]] = deque()
    for language in LANGUAGES:
        queue.extend((path, f"named URL {name}") for name, path in reversible(names, language))
    queue.extend((path, "listed") for path in extra)

    found: dict[str, Found] = {}
    per_route: dict[tuple[str, str | None], int] = {}
    walked_forms: set[tuple[str, str | None]] = set()

    def keep(path: str, response: Any, via: str) -> _PageParser | None:
        if path in found or len(found) >= MAX_PAGES or not _is_page(response):
            return None
        found[path] = Found(path=path, status=response.status_code, via=via)
        return _parse(response.content.decode())

    def follow_links(path: str, parsed: _PageParser) -> None:
        for href in parsed.links:
            target = urljoin(path, href).split("#", 1)[0]
            parts = urlsplit(target)
            elsewhere = parts.scheme or parts.netloc or not target.startswith("/")
            if not (elsewhere or target.startswith("/static/")):
                queue.append((target, "link"))

    def form_key(page_path: str, form: _Form) -> tuple[str, str | None]:
        """A form is known by the language and the URL pattern it is sent to."""
        return _language(page_path), route_of(urljoin(page_path, form.action or page_path))

    def walk_form(start: str, form: _Form) -> None:
        """Submit the form, then the same form on the page it leads to (the wizard's next step), or
        else the first GET form not walked yet – as far as it goes."""
        page_path, current = start, form
        walking = form_key(start, form)
        for _step in range(MAX_FORM_STEPS):
            action = urlsplit(urljoin(page_path, current.action or page_path)).path
            response = client.get(action, fill(current), follow=True)
            if response.status_code == 400:  # keep the error page, then try again ticking a box
                keep(_full_path(response), response, "form walk, refused")
                response = client.get(action, fill(current, tick=True), follow=True)
            path = _full_path(response)
            parsed = keep(path, response, "form walk")
            if parsed is None:
                return  # not HTML, already seen (the walk goes round), or the budget is spent
            follow_links(path, parsed)  # an answer page links to more, such as the provisions it cites
            following = [f for f in parsed.forms if f.method == "get"]
            same = [f for f in following if form_key(path, f) == walking]
            unwalked = [f for f in following if form_key(path, f) not in walked_forms]
            if not (same or unwalked):
                return
            page_path, current = path, (same or unwalked)[0]
            walking = form_key(path, current)
            walked_forms.add(walking)

    with translation.override("sv"):  # the client's requests must not leave a language behind
        while queue and len(found) < MAX_PAGES:
            path, via = queue.popleft()
            if path in found:
                continue
            route = (_language(path), route_of(path))
            if via == "link" and per_route.get(route, 0) >= SAMPLES_PER_ROUTE:
                continue
            response = client.get(path)
            parsed = keep(path, response, via)
            if parsed is None:
                continue
            per_route[route] = per_route.get(route, 0) + 1
            follow_links(path, parsed)
            for form in parsed.forms:
                if form.method != "get":
                    continue
                key = form_key(path, form)
                if key not in walked_forms:
                    walked_forms.add(key)
                    walk_form(path, form)
    return list(found.values())


def query_path(path: str, items: Iterable[tuple[str, Any]]) -> str:
    query = urlencode(list(items), doseq=True)
    return path + (f"?{query}" if query else "")


# Pages that only a walk or a mistake reaches; the rest is discovered.
LISTED = [
    "/finns-inte/",  # the 404 page
    "/en/finns-inte/",
    "/dela/?step=discloser",  # a step sent without an answer: the error summary
    "/en/dela/?step=discloser",
]
# Named URLs that exist today; discovery must find them (and whatever is added later).
KNOWN_NAMES = {"home", "sharing:wizard", "provisions:index", "api:docs", "concern_note:form"}


class _Recorder(Client):
    """A test client that remembers every GET it made, as the browser would open it."""

    def __init__(self) -> None:
        super().__init__()
        self.paths: list[str] = []

    def get(self, path: str, data: Any = None, **extra: Any) -> Any:  # type: ignore[override]
        self.paths.append(query_path(path, (data or {}).items()))
        return super().get(path, data, **extra)


def wizard_paths() -> list[str]:
    """Every step and the answer of two walks through the wizard, in both languages."""
    paths: list[str] = []
    with translation.override("sv"):
        for start in ("/dela/", "/en/dela/"):
            for example in (EXAMPLE_18A, EXAMPLE_GROUP):
                recorder = _Recorder()
                result = walk(recorder, wizard_answers(example), start=start)
                paths += [*recorder.paths, result.result_url]
    return list(dict.fromkeys(p for p in paths if "/pdf/" not in p))


def site_pages() -> list[Found]:
    """Everything the checks look at: what is discovered, the listed pages and the wizard walks."""
    return discover(extra=[*LISTED, *wizard_paths()])
