"""A fictional case description as staff write it, and reading the page's parts back."""

from __future__ import annotations

import re
from html import unescape

URL = "/avidentifiera/"
URL_EN = "/en/avidentifiera/"

# Fictional: the name, the personnummer (its check digit is right), the phone number and the school.
SAMPLE = (
    "Eleven heter Amir Hassan och är 15 år. Han går i 9B på Rosengårdsskolan, personnummer 080612-2388.\n"
    "Amirs mamma ringde från 070-123 45 67 och var orolig. Mentorn Lisa Berg har pratat med honom.\n\n"
    "Efter skolan jobbar han extra på kiosken vid badet. Kioskens ägare har sett honom med äldre killar."
)
# What must be gone from the final text.
IDENTIFIERS = ("Amir", "Hassan", "080612-2388", "070-123 45 67", "Rosengårdsskolan", "Lisa Berg")
# A word the tool leaves, which in this case points to the young person: the person marks it.
MISSED = "kiosken"


def textarea(page: str, name_or_id: str) -> str:
    """The text of a textarea found by its name or id, as the browser would show it."""
    match = re.search(rf'<textarea[^>]*(?:name|id)="{name_or_id}"[^>]*>\n(.*?)</textarea>', page, re.S)
    assert match, f"no textarea {name_or_id}"
    return unescape(match.group(1))


def hidden(page: str, name: str) -> list[str]:
    """The values of every hidden input of that name, in page order."""
    return [unescape(value) for value in
            re.findall(rf'<input type="hidden" name="{name}" value="([^"]*)"', page)]


def highlighted(page: str) -> str:
    """The draft's highlighted text as HTML."""
    match = re.search(r'<div class="deid-text" lang="sv">(.*?)</div>', page, re.S)
    assert match, "no highlighted text"
    return match.group(1)


def shown_text(page: str) -> str:
    """What the highlighted text reads on screen: the highlights' text without the screen-reader notes."""
    html = re.sub(r'<span class="visually-hidden"[^>]*>.*?</span>', "", highlighted(page))
    return unescape(re.sub(r"<[^>]+>", "", html))


def keep_key(page: str, original: str) -> str:
    """The value of the "keep the original" box of the change whose original is ``original``."""
    match = re.search(
        rf'<td lang="sv">{re.escape(original)}</td>.*?name="keep" value="(\d+-\d+)"', page, re.S)
    assert match, f"no change for {original!r}"
    return match.group(1)


def state(page: str) -> dict[str, object]:
    """What a draft or final page sends back: the text, the words, the kept originals, the fingerprint."""
    words = textarea(page, "remove") if 'name="remove" rows' in page else "\n".join(hidden(page, "remove"))
    return {"text": hidden(page, "text")[0], "remove": words, "shown": hidden(page, "shown")[0],
            "keep": re.findall(r'name="keep" value="(\d+-\d+)" checked', page) + hidden(page, "keep")}
