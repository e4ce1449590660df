"""Keyboard only: every stop shows where the focus is, and a form can be sent without a mouse.

These run with the site's Content-Security-Policy in force (unlike the axe check),
and fail on anything the browser reports as an error, a blocked resource included.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

MAX_TABS = 40

# What the focused element looks like; a keyboard user must be able to see it.
FOCUS_STYLE = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const s = getComputedStyle(e);
  const box = e.getBoundingClientRect();
  return {
    tag: e.tagName.toLowerCase(), name: e.getAttribute('name') || '', type: e.getAttribute('type') || '',
    text: (e.innerText || e.value || '').trim().slice(0, 60),
    outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
    shadow: s.boxShadow !== 'none',
    visible: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0,
  };
}"""


@pytest.fixture
def keyboard_page(browser: Any) -> Iterator[tuple[Any, list[str]]]:
    context = browser.new_context(locale="sv-SE")
    page = context.new_page()
    problems: list[str] = []

    def on_console(message: Any) -> None:
        where = message.location.get("url", "")
        # The browser asks for /favicon.ico on its own; the site has none, and that is not a fault.
        if message.type in ("error", "warning") and not where.endswith("/favicon.ico"):
            problems.append(f"console {message.type}: {message.text} ({where})")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    try:
        yield page, problems
    finally:
        context.close()


def tab_until(page: Any, wanted: Any, stops: list[dict[str, Any]]) -> dict[str, Any]:
    """Press Tab until ``wanted(focus)`` holds, keeping every stop on the way."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS_STYLE)
        assert focus is not None, f"the focus left the page after {stops}"
        stops.append(focus)
        if wanted(focus):
            return focus
    raise AssertionError(f"not reached in {MAX_TABS} presses of Tab: {stops}")


def assert_focus_visible(stops: list[dict[str, Any]]) -> None:
    hidden = [s for s in stops if not (s["visible"] and (s["outline"] or s["shadow"]))]
    assert not hidden, f"focus not visible at: {hidden}"


def test_the_wizard_first_step_by_keyboard(live_server: Any, keyboard_page: tuple[Any, list[str]]) -> None:
    page, problems = keyboard_page
    page.goto(live_server.url + "/dela/")
    stops: list[dict[str, Any]] = []

    skip = tab_until(page, lambda f: True, stops)
    assert skip["tag"] == "a" and skip["text"] == "Hoppa till innehållet"  # the first stop skips the menus

    first = tab_until(page, lambda f: f["name"] == "discloser", stops)
    assert first["type"] == "radio"
    page.keyboard.press("Space")  # choose the first place of work
    page.keyboard.press("ArrowDown")  # arrows move within the group and choose as they go
    chosen = page.evaluate("() => document.activeElement.value")
    assert page.locator(f"input[name=discloser][value={chosen}]").is_checked()

    tab_until(page, lambda f: f["tag"] == "button", stops)  # one Tab leaves the group for the button
    assert stops[-1]["text"] == "Fortsätt"
    assert_focus_visible(stops)

    page.keyboard.press("Enter")
    page.get_by_text("Steg 2 av").wait_for()
    assert f"discloser={chosen}" in page.url
    assert not problems, problems


def test_the_skip_link_leads_to_the_content(live_server: Any, keyboard_page: tuple[Any, list[str]]) -> None:
    page, _ = keyboard_page
    page.goto(live_server.url + "/dela/")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "main"
    stops: list[dict[str, Any]] = []
    focus = tab_until(page, lambda f: True, stops)
    assert focus["name"] == "discloser"  # the next stop is the first question, past the menus


def test_the_concern_note_by_keyboard(live_server: Any, keyboard_page: tuple[Any, list[str]]) -> None:
    """Write the note and get the PDF with the keyboard alone; an error leads back to its field."""
    page, problems = keyboard_page
    page.goto(live_server.url + "/orolig/anteckning/")
    stops: list[dict[str, Any]] = []

    tab_until(page, lambda f: f["name"] == "observed", stops)
    page.keyboard.type("Eleven sa: ”Jag ska åka och strida.”")
    tab_until(page, lambda f: f["tag"] == "button", stops)  # past every field, the when field left empty
    assert_focus_visible(stops)
    page.keyboard.press("Enter")

    summary = page.locator(".error-summary")
    summary.wait_for()
    assert "Skriv när det hände" in summary.inner_text()
    assert page.locator("#field-observed").input_value() == "Eleven sa: ”Jag ska åka och strida.”"
    link = tab_until(page, lambda f: f["tag"] == "a" and f["text"].startswith("När:"), [])
    assert "Skriv när det hände" in link["text"]
    page.keyboard.press("Enter")  # the summary's link leads to the field
    assert page.evaluate("() => document.activeElement.id") == "field-when"
    page.keyboard.type("2016-02-01 kl. 12.15")

    with page.expect_download() as download:
        page.keyboard.press("Enter")  # Enter in a one-line field sends the form
    saved = download.value
    assert saved.suggested_filename.startswith("varna-anteckning-")
    assert Path(saved.path()).read_bytes().startswith(b"%PDF-")
    # The form with an error is answered 400 on purpose, which the console reports; nothing else may be.
    unexpected = [p for p in problems if "status of 400" not in p]
    assert not unexpected, unexpected
