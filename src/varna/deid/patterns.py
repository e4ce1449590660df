"""Identifiers with a fixed shape: numbers, addresses, contact details, dates and ages.

Each detector is a regular expression plus, where the shape alone would mislead, a
check: a personnummer must be a real date and pass the Luhn check digit; a phone number
must have the number of digits a Swedish number has. What fails the check is not thrown
away silently – a ten-digit number with a wrong check digit is still replaced, as a
plain number, because a typo in a personnummer still points to one person.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator

from varna.deid.gazetteer import ACRONYMS
from varna.deid.model import Span
from varna.deid.names import (
    Token,
    WordClass,
    WordsAsWritten,
    lower_text,
    lower_words,
    positions,
    written_words,
)


class _Folded:
    """A pattern written in lower case and run over lower-cased text.

    Long alternations with ``re.IGNORECASE`` are several times slower in Python's engine.
    Where lower-casing changes the length of the text (a few rare letters), offsets would
    shift, so the original text is searched case-insensitively instead.
    """

    def __init__(self, pattern: str) -> None:
        self.folded = re.compile(pattern)
        self.any_case = re.compile(pattern, re.IGNORECASE)

    def at_digits(self, text: str, lowered: str) -> Iterator[re.Match[str]]:
        """Like ``finditer`` for a pattern that can only start where a run of digits starts."""
        if len(lowered) == len(text):
            return _at_digits(self.folded, lowered, _digit_starts(text))
        return self.any_case.finditer(text)

    def finditer(self, text: str, lowered: str) -> Iterator[re.Match[str]]:
        if len(lowered) == len(text):
            return self.folded.finditer(lowered)
        return self.any_case.finditer(text)


def led_finditer(pattern: re.Pattern[str], lead: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Like ``pattern.finditer(text)``, trying ``pattern`` only where ``lead`` matches.

    ``lead`` is ``pattern`` without its leading look-behind or word boundary, so it matches
    wherever ``pattern`` does; without that assertion Python's engine skips straight to the
    characters a match can start with. ``pattern`` must match no empty string.
    """
    position = 0
    while True:
        hit = lead.search(text, position)
        if hit is None:
            return
        match = pattern.match(text, hit.start())
        if match is None:
            position = hit.start() + 1
        else:
            yield match
            position = match.end()


MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
          "oktober", "november", "december")
_MONTH_ALTERNATIVES = ("januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|"
                       "december|jan|feb|mar|apr|jun|jul|aug|sept|sep|okt|nov|dec")
_MONTH_NUMBER = {name: index for index, name in enumerate(MONTHS, start=1)}
_MONTH_NUMBER.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
                      "sept": 9, "okt": 10, "nov": 11, "dec": 12})
# Prepositions after which a month stands alone ("sedan mars"); elsewhere it takes "i".
_PREPOSITIONS = frozenset({"i", "från", "till", "sedan", "efter", "före", "innan", "under", "tills",
                           "med", "om", "fram", "t.o.m.", "f.o.m.", "tom", "fom", "senast", "runt",
                           "omkring", "kring", "mellan", "och", "eller", "to", "av"})

# ---------------------------------------------------------------- personnummer


_DIGIT_RUNS = re.compile(r"\d+")
_digit_cache: list[object] = [None, []]


def _digit_starts(text: str) -> list[int]:
    """Where each run of digits starts; computed once per text and shared by the digit-anchored patterns."""
    if _digit_cache[0] is not text:
        _digit_cache[0] = text
        _digit_cache[1] = [match.start() for match in _DIGIT_RUNS.finditer(text)]
    starts: list[int] = _digit_cache[1]  # type: ignore[assignment]
    return starts


def _at_digits(pattern: re.Pattern[str], text: str,
               starts: list[int] | None = None) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that can only match where a run of digits starts.

    One scan for digits and a ``match`` at each run costs a fifth of a full scan per pattern.
    """
    last_end = 0
    match_at = pattern.match
    for start in _digit_starts(text) if starts is None else starts:
        if start < last_end:
            continue
        match = match_at(text, start)
        if match is not None:
            last_end = match.end()
            yield match


def _capital_before(text: str, start: int, any_space: bool) -> bool:
    """Whether an ASCII capital stands before ``start``, past at most one space (or, with
    ``any_space``, one white-space character) and one line break.

    A cheap test that a look-back pattern ending ``[A-Z…] ?$`` or ``[A-Z…]\\s?$`` needs
    before it is searched: in Python ``$`` also matches before a final line break.
    """
    last = start - 1
    if last >= 0 and text[last] == "\n":
        last -= 1
    if last >= 0 and (text[last].isspace() if any_space else text[last] == " "):
        last -= 1
    return last >= 0 and "A" <= text[last] <= "Z"


def luhn_ok(digits: str) -> bool:
    """The Luhn check the Swedish Tax Agency uses on the last ten digits."""
    total = 0
    for index, char in enumerate(digits):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return total % 10 == 0


def _real_date(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def classify_identity_number(text: str) -> str | None:
    """``personnummer``, ``samordningsnummer`` or None for a 10- or 12-digit string.

    Without a century the date must be real in the 1900s or the 2000s ("+" marks people
    over a hundred). A samordningsnummer adds 60 to the day.
    """
    digits = re.sub(r"\D", "", text)
    if len(digits) == 12:
        centuries: tuple[int, ...] = (int(digits[:2]) * 100,)
        digits = digits[2:]
        if centuries[0] not in (1800, 1900, 2000):
            return None
    elif len(digits) == 10:
        centuries = (1800, 1900, 2000) if "+" in text else (1900, 2000)
    else:
        return None
    yy, month, day = int(digits[:2]), int(digits[2:4]), int(digits[4:6])
    label = "personnummer"
    if day > 60:
        day -= 60
        label = "samordningsnummer"
    if not any(_real_date(century + yy, month, day) for century in centuries):
        return None
    return label if luhn_ok(digits) else None


_IDENTITY = re.compile(r"(?<![\w+\-/.])((?:18|19|20)?\d{6})\s?([-+])?\s?(\d{4})(?![\w\-/])")


def identity_numbers(text: str) -> Iterator[Span]:
    for match in _at_digits(_IDENTITY, text):
        value = match.group(0)
        label = classify_identity_number(value)
        digits = re.sub(r"\D", "", value)[-10:]
        if label is not None:
            yield Span(match.start(), match.end(), label, key=f"id:{digits}", priority=95)
        elif match.group(2) or len(re.sub(r"\D", "", value)) == 12:
            # Shaped like a personnummer but failing the check: still a number about a person.
            yield Span(match.start(), match.end(), "number", key=f"nr:{digits}", priority=90)


# ---------------------------------------------------------------- contact details

_PHONE = re.compile(
    r"(?<![\w+/\-.])((?:\+|00)\s?46\s?(?:\(0\)\s?)?|\(?0\)?\s?)(\d(?:[ \-–/)]{0,3}\d){6,9})(?![\d\-/])")


def _national_digits(rest: str) -> str:
    """The number as dialled inside Sweden: the trunk "0" (or "+46") is never part of ``rest``."""
    return "0" + re.sub(r"\D", "", rest)


# A foreign number written with its country code: "+44 7700 900123", "+358 40 123 4567".
_FOREIGN_PHONE = re.compile(r"(?<![\w+])(?:\+|00)(?!46)[1-9]\d{0,2}(?:[ \-]?\(?\d\)?){7,12}(?![\d\-])")
_FOREIGN_PHONE_LEAD = re.compile(_FOREIGN_PHONE.pattern.removeprefix(r"(?<![\w+])"))


def phones(text: str) -> Iterator[Span]:
    foreign = led_finditer(_FOREIGN_PHONE, _FOREIGN_PHONE_LEAD, text) if "+" in text or "00" in text else ()
    for match in foreign:
        digits = re.sub(r"\D", "", match.group(0))
        yield Span(match.start(), match.end(), "phone", key=f"tel:+{digits.lstrip('0')}", priority=84)
    for match in _PHONE.finditer(text):
        national = _national_digits(match.group(2))
        if national.startswith("00") or not 8 <= len(national) <= 10:
            continue
        if national.startswith("07") and len(national) != 10:
            continue
        yield Span(match.start(), match.end(), "phone", key=f"tel:{national}", priority=85)


# Possessive quantifiers (``++``) stop the engine from backtracking through every word.
_EMAIL = re.compile(r"(?<![\w.+\-])[\w.+\-]++@[\w\-]+(?:\.[\w\-]+)*\.[A-Za-z]{2,}")
_URL = _Folded(
    r"(?:\bhttps?://|\bwww\.)[^\s<>\"']+"
    r"|(?<![\w.\-@])(?:[\w\-]++\.)++(?:se|com|nu|org|net|io|me|tv|gg|info|eu|dk|no|fi|de|co|uk|app|live)"
    r"(?:/[^\s<>\"']*)?(?![\w@])")
_URL_HINT = re.compile(
    r"\.(?:se|com|nu|org|net|io|me|tv|gg|info|eu|dk|no|fi|de|co|uk|app|live)\b|www\.|https?:")
_PLATFORMS = ("snapchat|snap|instagram|insta|ig|tiktok|tik tok|kik|discord|telegram|twitter|fb|facebook|"
              "youtube|twitch|steam|psn|xbox|wickr|signal|skype|threema|whatsapp|reddit|flashback|"
              "spotify|viber")
_HANDLE_AFTER_PLATFORM = _Folded(
    rf"\b(?:{_PLATFORMS})(?:[- ]?(?:namn|namnet|konto|kontot|användare|användarnamn|nick|id))?"
    r"\s*(?:[:=]|\s(?:är|heter|som))\s*@?([\w][\w.\-#]{1,39})")
_AT_HANDLE = re.compile(r"(?<![\w@.])@([A-Za-z0-9_][A-Za-z0-9_.]{1,29})")
# Account-name shapes: "kingen_99", "_x_", "amir2005". Found from the underscore or from
# the digits after lower-case letters, so ordinary words cost nothing.
_HANDLE_UNDERSCORE = re.compile(r"(?<![\w@.\-])(?:[A-Za-zåäöÅÄÖ]++_\w+|_+\w+)(?![\w@\-])")
_HANDLE_DIGITS = re.compile(r"(?<=[a-zåäö])\d{2,4}(?![\w@\-])")
# "PongFighterMMA", "amirK": a capital after a small letter inside a word is an account name.
_CAMEL = re.compile(r"(?<![\w@.\-])(?!Mc|Mac)[A-Za-z]*[a-z][A-Z][A-Za-z0-9]*(?![\w@\-])")
_CAMEL_WORDS = frozenset({
    "iPhone", "iPad", "iPod", "iCloud", "iMessage", "eBay", "YouTube", "TikTok", "WhatsApp", "PlayStation",
    "LinkedIn", "OneDrive", "FaceTime", "GoPro", "PowerPoint", "JavaScript", "SoL", "BoIS", "GoIF", "BoIK",
    "MySpace", "SnapChat", "OnlyFans"})
_LETTERS_BEFORE = re.compile(r"(?<![\w@.\-])[a-zåäö]{3,}$")
_NOT_HANDLES = frozenset({"covid19", "covid-19", "sars", "mp3", "mp4", "h2o", "co2", "win10", "ps4", "ps5",
                          "fifa", "det", "inte", "privat", "hemligt", "okänt", "oklart", "den", "han",
                          "hon", "samma", "ett", "en", "nog", "ju"})


def _strip_url(value: str) -> str:
    return value.rstrip(".,;:!?)»\"'”")


_PLATFORM_WORDS = tuple(_PLATFORMS.replace("tik tok", "tik").split("|"))
# Every platform cue starts with one of these words: one scan for them finds where to try the cue.
_PLATFORM_WORD = re.compile("|".join(re.escape(word) for word in _PLATFORM_WORDS))
# A camel-case account name needs a small letter before a capital: a cheap scan for that
# pair decides whether the slower shape pattern runs at all.
_SMALL_THEN_CAPITAL = re.compile(r"[a-z][A-Z]")
# Two letters in a row stand in one token: the words as written that hold the pair.
_CAMEL_SHAPED = WordsAsWritten(lambda word: _SMALL_THEN_CAPITAL.search(word) is not None)


def _platform_cues(text: str, lowered: str) -> Iterator[re.Match[str]]:
    """``_HANDLE_AFTER_PLATFORM`` matches, tried only where a platform word starts."""
    if len(lowered) != len(text):
        if _PLATFORM_WORD.search(lowered) is not None:
            yield from _HANDLE_AFTER_PLATFORM.any_case.finditer(text)
        return
    pattern = _HANDLE_AFTER_PLATFORM.folded
    position = 0
    while True:
        word = _PLATFORM_WORD.search(lowered, position)
        if word is None:
            return
        match = pattern.match(lowered, word.start())
        if match is None:
            position = word.start() + 1
        else:
            yield match
            position = match.end()


_EMAIL_LOCAL_BACK = re.compile(r"[\w.+\-]+$")
_URL_BACK = re.compile(r"[\w.\-/:%?=&#~+]*$")


def _emails(text: str) -> Iterator[re.Match[str]]:
    """E-mail addresses, tried only where an "@" stands."""
    at = text.find("@")
    while at >= 0:
        local = _EMAIL_LOCAL_BACK.search(text, max(0, at - 64), at)
        if local is not None:
            match = _EMAIL.match(text, local.start())
            if match is not None:
                yield match
                at = text.find("@", match.end())
                continue
        at = text.find("@", at + 1)


def _urls(text: str, lowered: str) -> Iterator[re.Match[str]]:
    """URLs, tried only back from a top-level domain, "www." or "http"."""
    if len(lowered) != len(text):
        yield from _URL.any_case.finditer(text)
        return
    reached = -1
    for hint in _URL_HINT.finditer(lowered):
        if hint.start() < reached:
            continue
        back = _URL_BACK.search(lowered, max(0, hint.start() - 200), hint.start())
        start = back.start() if back is not None else hint.start()
        match = _URL.folded.match(lowered, start) or _URL.folded.match(lowered, hint.start())
        if match is not None:
            reached = match.end()
            yield match


# A platform cue starts with a word that is a platform's name, perhaps with "namn", "konto" …
# glued on ("snapnamn", "ig-konto"); "tik" opens "tik tok". A text with no such word has no cue.
_PLATFORM_TOKEN = re.compile(
    rf"(?:{_PLATFORMS}|tik)(?:-?(?:namn|namnet|konto|kontot|användare|användarnamn|nick|id))?")
_PLATFORM_TOKENS = WordClass(lambda word: _PLATFORM_TOKEN.fullmatch(word) is not None)


def contacts(text: str, tokens: list[Token] | None = None) -> Iterator[Span]:
    lowered = lower_text(text)
    for match in _emails(text):
        yield Span(match.start(), match.end(), "email", key=f"mail:{match.group(0).lower()}", priority=92)
    for match in _urls(text, lowered):
        value = _strip_url(text[match.start():match.end()])
        if "." not in value.strip("."):
            continue
        yield Span(match.start(), match.start() + len(value), "url", key=f"url:{value.lower()}", priority=80)
    cued = tokens is None or bool(_PLATFORM_TOKENS.among(lower_words(tokens)))
    for match in _platform_cues(text, lowered) if cued else ():
        handle = match.group(1).rstrip(".,:;!?-")
        if handle.lower() in _NOT_HANDLES or len(handle) < 2:
            continue
        start = match.start(1)
        yield Span(start, start + len(handle), "handle", key=f"@{handle.lower().lstrip('@')}", priority=82)
    for match in _AT_HANDLE.finditer(text) if "@" in text else ():
        handle = match.group(0).rstrip(".")
        yield Span(match.start(), match.start() + len(handle), "handle", key=handle.lower(), priority=82)
    shapes: list[tuple[int, int]] = []
    camel = (_SMALL_THEN_CAPITAL.search(text) is not None if tokens is None
             else bool(_CAMEL_SHAPED.among(written_words(tokens))))
    for match in _CAMEL.finditer(text) if camel else ():
        if match.group(0) not in _CAMEL_WORDS:
            shapes.append(match.span())
    if "_" in text:
        shapes.extend(m.span() for m in _HANDLE_UNDERSCORE.finditer(text))
    for match in _at_digits(_HANDLE_DIGITS, text):  # it starts a run of digits, after a letter
        letters = _LETTERS_BEFORE.search(text, max(0, match.start() - 40), match.start())
        if letters is not None:
            shapes.append((letters.start(), match.end()))
    for start, end in shapes:
        value = text[start:end]
        if value.lower() not in _NOT_HANDLES:
            yield Span(start, end, "handle", key=f"@{value.lower()}", priority=60)


_SPEAKER = re.compile(r"^[ \t]*(?:\[?\d{1,2}[:.]\d{2}\]?[ \t]+)?([\w.\-]{2,30}):[ \t]", re.MULTILINE)


def chat_speakers(text: str, is_word: Callable[[str], bool], keep: frozenset[str]) -> Iterator[Span]:
    """Who speaks in a pasted chat ("ali.h: ja wallah"): an account name, whatever it looks like.

    Only when at least two lines of the text start that way, and never an ordinary word,
    so headings such as "Närvarande:" or "Åtgärd:" in a note stay.
    """
    if text.count(": ") + text.count(":\t") < 2:
        return  # every speaker is followed by ": " or ":\t"
    matches = list(_SPEAKER.finditer(text))
    if len(matches) < 2:
        return
    for match in matches:
        speaker = match.group(1)
        if is_word(speaker) or speaker in keep or speaker.capitalize() in keep or speaker.isdigit():
            continue
        yield Span(match.start(1), match.end(1), "handle", key=f"@{speaker.lower()}", priority=81)


# ---------------------------------------------------------------- vehicles, addresses, postcodes

# Swedish plates never use I, Q or V (nor Å, Ä, Ö); the new format ends in a letter.
_PLATE_LETTER = "A-HJ-PR-UW-Z"
_PLATE = re.compile(rf"(?<![\w\-/])([{_PLATE_LETTER}]{{3}}) ?(\d{{2}}[{_PLATE_LETTER}0-9])(?![\w\-/])")
_PLATE_CUED = _Folded(
    rf"\b(?:reg(?:\.?\s?nr|nummer|istreringsnummer(?:et)?|\.)?|bil(?:en)?|mopeden|mc:n|skylt(?:en)?)"
    rf"\s*:?\s*([{_PLATE_LETTER.lower()}]{{3}} ?\d{{2}}[{_PLATE_LETTER.lower()}0-9])\b")


# Mopeds (class I) carry three letters and two digits: "ABC 12"; only after a vehicle word.
_MOPED_PLATE = re.compile(rf"(?<![\w\-/])([{_PLATE_LETTER}]{{3}}) ?(\d{{2}})(?![\w\-/]|[.,]\d)")
_VEHICLE_WORDS = re.compile(r"(?i:moped|reg|skylt|fordon|bil|mc\b|motorcykel|scooter|epa|a-traktor)")


_PLATE_LETTERS_BEFORE = re.compile(rf"(?<![\w\-/])[{_PLATE_LETTER}]{{3}} ?$")


# Every cue for a plate starts where a word starts, with a word that starts so ("regnr", "bilen").
_VEHICLE_CUE_WORDS = WordClass(lambda word: word.startswith(("reg", "bil", "mopeden", "mc", "skylt")))


def vehicles(text: str, tokens: list[Token] | None = None) -> Iterator[Span]:
    # Every plate has digits after three letters: look back from each run of digits.
    for start in _digit_starts(text):
        if not _capital_before(text, start, any_space=False):
            continue  # a plate's letters are capitals
        letters = _PLATE_LETTERS_BEFORE.search(text, max(0, start - 4), start)
        if letters is None or text[letters.start():letters.start() + 3] in ACRONYMS:
            continue
        match = _PLATE.match(text, letters.start())
        if match is None:
            match = _MOPED_PLATE.match(text, letters.start())
            if match is None or not _VEHICLE_WORDS.search(text, max(0, match.start() - 80), match.start()):
                continue
        plate = match.group(1) + match.group(2)
        yield Span(match.start(), match.end(), "vehicle", key=f"reg:{plate}", priority=75)
    lowered = lower_text(text)
    if tokens is None:
        cued = any(map(lowered.__contains__, ("reg", "bil", "moped", "mc:n", "skylt")))
    else:
        cued = bool(_digit_starts(text)) and bool(_VEHICLE_CUE_WORDS.among(lower_words(tokens)))
    for match in _PLATE_CUED.finditer(text, lowered) if cued else ():
        plate = re.sub(r"\s", "", match.group(1)).upper()
        yield Span(match.start(1), match.end(1), "vehicle", key=f"reg:{plate}", priority=75)


_STREET_SUFFIXES = ("gatan|vägen|gränd|gränden|torget|allén|allé|stigen|backen|plan|leden|stråket|gången|"
                    "platsen|esplanaden|promenaden|kajen|vallen|parken|liden|slingan|ringen|bågen|kroken|"
                    "gården|boulevarden|väg|gata|torg|stig|backe|park|plats|boulevard")
_STREET_PREFIX = (r"(?:(?:Norra|Södra|Östra|Västra|Stora|Lilla|Gamla|Nya|S:t|Sankt|Kung|Drottning|Prins|Von|"
                  r"von|norra|södra|östra|västra|stora|lilla|gamla|nya)\s+|[A-ZÅÄÖ][a-zåäöéü]+\s(?=[A-ZÅÄÖ][a-zåäöéü]+s\s))?")
# A house letter is a capital ("12 B", "12B") or a small letter written close ("12b");
# "Ystadvägen 23 i Malmö" has no letter.
_HOUSE = (r"\s+(?!(?:19|20)\d\d-[01]\d-[0-3]\d)\d{1,4}(?:\s?[A-J](?![\wåäö])|[a-j](?![\wåäö]))?"
          r"(?:\s*[-–]\s*\d{1,4})?"
          r"(?:\s*,?\s*(?:lgh|lägenhet|lgh\.|lgh nr|lägenhetsnummer|lght?)\.?\s*(?:nr\.?\s*)?\d{3,4})?"
          r"(?:,?\s*\d{1,2}\s?(?:tr|trappor|trappa|vån|våningen)\b\.?)?"
          rf"(?!\s+(?:{_MONTH_ALTERNATIVES})\b)")
_ADDRESS_NUMBERED = re.compile(
    rf"(?<![\w-]){_STREET_PREFIX}(?:[A-ZÅÄÖ][a-zåäöéü]+(?:s\s|\s)(?i:{_STREET_SUFFIXES})"
    r"|[a-zåäö][a-zåäöéü]+s\s(?:väg|gata|gränd|allé|torg|stig)"
    rf"|[A-ZÅÄÖa-zåäö][a-zåäöéü]{{1,}}(?:{_STREET_SUFFIXES})){_HOUSE}(?![\w/])")
# A street named without a number: only the unambiguous endings, capitalised.
_ADDRESS_NAMED = re.compile(
    rf"(?<![\w-]){_STREET_PREFIX}[A-ZÅÄÖ][a-zåäöéü]{{2,}}(?:gatan|vägen|gränd|gränden|allén|stigen|"
    r"esplanaden|promenaden|kajen|stråket|s väg|s gata|s gränd|s allé)(?![\wåäö])")
# In lower case only the unmistakable street endings count ("bor på lönngatan 5").
_LOWER_CASE_STREETS = ("gatan", "vägen", "gränd", "gränden", "allén", "stigen", "backen", "torget")
_POST_BOX = re.compile(r"\b(?:Box|box|BOX|Postbox|Pl)\s\d{1,5}\b")
_FLAT = _Folded(r"\b(?:lgh|lägenhet|lägenhetsnummer)\.?\s*(?:nr\.?\s*)?(\d{3,4})\b")
_POSTCODE = re.compile(r"(?<![\w])([1-9]\d{2}) ?(\d{2})(?=\s+[A-ZÅÄÖ][a-zåäö]{2,})")
_POSTCODE_CUED = _Folded(r"(?:postnummer|postnr|postadress)\s*:?\s*((?:se-?\s?)?[1-9]\d{2}\s?\d{2})\b")


_STREET_ENDINGS = tuple(_STREET_SUFFIXES.split("|"))
_NAMED_STREET_ENDINGS = ("gatan", "vägen", "gränd", "gränden", "allén", "stigen", "esplanaden", "promenaden",
                         "kajen", "stråket", "väg", "gata", "allé")


# The lower-case words that end in one of a tuple of street endings, learnt across texts:
# set operations sort a text's words faster than testing thirty endings at every word.
_STREET_WORDS: dict[tuple[str, ...], WordClass] = {}


def _street_matches(pattern: re.Pattern[str], text: str, tokens: list[Token],
                    endings: tuple[str, ...]) -> Iterator[re.Match[str]]:
    """Matches of ``pattern`` that start at most two words before a street word.

    Anchoring on the words that end like streets ("-gatan", "väg") keeps the pattern from
    being tried at every word of the text.
    """
    streets = _STREET_WORDS.get(endings)
    if streets is None:  # only a caller's own endings: the module's are made when it is loaded
        streets = _STREET_WORDS.setdefault(endings, WordClass(_ends_with(endings)))
    last_end = -1
    for index in positions(tokens, streets.among(lower_words(tokens))):
        token = tokens[index]
        if token.start < last_end:
            continue
        for first in range(max(0, index - 2), index + 1):
            match = pattern.match(text, tokens[first].start)
            if match is not None and match.end() >= token.end:
                last_end = match.end()
                yield match
                break


def _ends_with(endings: tuple[str, ...]) -> Callable[[str], bool]:
    return lambda word: word.endswith(endings)


for _endings in (_STREET_ENDINGS, _NAMED_STREET_ENDINGS):
    _STREET_WORDS[_endings] = WordClass(_ends_with(_endings))


def _in_lexicon(word: str) -> bool:
    from varna.deid.lexicon import words  # loaded once; only lower-case streets need it

    return word in words()


def addresses(text: str, tokens: list[Token], ordinary: frozenset[str] = frozenset(),
              is_word: Callable[[str], bool] = lambda word: False) -> Iterator[Span]:
    """Street addresses. ``ordinary`` holds street-like words that are plain nouns ("motorvägen");
    ``is_word`` tells an ordinary lower-case word ("likabehandlingsplan 1") from a street."""
    for match in _street_matches(_ADDRESS_NUMBERED, text, tokens, _STREET_ENDINGS):
        value = match.group(0)
        street_words = re.match(r"\D+", value)
        parts = street_words.group(0).split() if street_words else value.split()[:1]
        street = parts[-1]
        if value[0].islower() and (not street.endswith((*_LOWER_CASE_STREETS, "väg", "gata"))
                                   or (len(parts) == 1 and _in_lexicon(street))):
            continue  # "motorvägen 3" is a road; "lönngatan 5", "ramels väg 62" are addresses
        yield Span(match.start(), match.end(), "address", key=f"adr:{value.lower()}", priority=78)
    for match in _street_matches(_ADDRESS_NAMED, text, tokens, _NAMED_STREET_ENDINGS):
        value = match.group(0)
        if value.lower() in ordinary:
            continue
        key = f"adr:{value.lower()}"
        yield Span(match.start(), match.end(), "address", key=key, priority=70)
    for match in _POST_BOX.finditer(text) if "ox " in text or "Pl " in text else ():
        yield Span(match.start(), match.end(), "address", key=f"box:{match.group(0).lower()}", priority=76)
    lowered = lower_text(text)
    for match in _FLAT.finditer(text, lowered) if "lgh" in lowered or "lägenhet" in lowered else ():
        yield Span(match.start(), match.end(), "address", key=f"lgh:{match.group(1)}", priority=77)


def postcodes(text: str) -> Iterator[Span]:
    for match in _at_digits(_POSTCODE, text):
        code = match.group(1) + match.group(2)
        yield Span(match.start(), match.end(), "postcode", key=f"post:{code}", priority=72)
    lowered = lower_text(text)
    if "post" not in lowered:
        return
    for match in _POSTCODE_CUED.finditer(text, lowered):
        code = re.sub(r"\D", "", match.group(1))
        yield Span(match.start(1), match.end(1), "postcode", key=f"post:{code}", priority=72)


# ---------------------------------------------------------------- case and file numbers

_CASE_CUED = _Folded(
    r"\b(?:dnr|d\.nr|diarienr|diarienummer|diarie-nr|ärendenr|ärendenummer|ärende(?:\s+nr)?|aktnr|"
    r"aktnummer|anm(?:älan)?\.?\s?nr|anmälningsnummer|polisanmälan|k-?nr|målnr|mål\s+nr|journalnr|"
    r"journalnummer|referensnummer|ref\.?|löpnr|löpnummer|beslut\s+nr|ärendet|anmälan|akt)"
    r"\s*(?:nr\.?|nummer)?\s*[:.#]?\s*"
    r"((?:[A-ZÅÄÖa-zåäö]{1,6}[ \-]?)?\d[\w/\-.:]*\d|\d{2,})")
_CASE_SHAPES = re.compile(
    r"(?<![\w/])(?:"
    r"[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,5}\s?(?:19|20)\d{2}[/:-]\d{1,6}(?:[/:-]\d{1,6})?"  # SoN 2015/1234
    r"|(?:\d{4}-)?K\s?-?\d{3,8}-\d{2}"  # police report K123456-15
    r"|[BTÖ]\s\d{2,6}-\d{2}"  # court case B 1234-16
    r")(?![\w/])")
# National series of statutes, bills and reports, cited by year and number: not a case.
_NOT_CASE_PREFIXES = frozenset({"SFS", "SOU", "Prop", "prop", "Ds", "Dir", "dir", "NJA", "RÅ", "HFD", "Bet",
                                "bet", "Rskr", "rskr", "År", "år", "Vecka", "vecka", "Läsåret", "läsåret",
                                "Kl", "kl", "Ju", "JuU", "SoU", "UbU", "Fi", "Ku", "KU", "Skr", "skr", "MÖD",
                                "AD", "RH", "HD", "RegR", "JO", "JK", "Budgetåret", "budgetåret"})
_ISO_DATE_END = re.compile(r"\b(?:19|20)\d{2}-[01]\d-[0-3]\d$")
_YEAR_SPAN = re.compile(r"(?:19|20)(\d{2})/(\d{2})$")


# Cues that are abbreviations standing for the number's kind ("Dnr", "D.nr", "Ärendenr"): they go
# with the number, since the placeholder says what it was, and a reader may count them as part
# of it. Whole words ("ärende", "diarienummer", "anmälan") stay in the text.
_ABBREVIATED_CASE_CUE = re.compile(
    r"(?:dnr|d\.nr|diarienr|diarie-nr|ärendenr|aktnr|anm\.?\s?nr|k-?nr|målnr|journalnr|löpnr|ref\.?)"
    r"\s*(?:nr\.?|nummer)?\s*[:.#]?\s*$")


# Every cue starts where a word starts, and that word starts so ("ärende" in "ärendet"):
# a text none of whose words does is not scanned for cues.
_CASE_CUE_STEMS = ("dnr", "diarie", "ärende", "akt", "anm", "polisanm", "mål", "journal", "referens", "ref",
                   "löp", "beslut")
_CASE_CUE_WORDS = WordClass(lambda word: word.startswith(_CASE_CUE_STEMS) or word in ("d", "k-nr", "knr"))
# Where a shaped case number can start, looked for back from a run of digits: a short
# capitalised prefix ("SoN "), "K", "5000-K" or a court's letter ("B ").
_CASE_SHAPE_BACK = re.compile(r"(?:[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,5}\s?|(?:\d{4}-)?K\s?-?|[BTÖ]\s)$")


def _case_shapes(text: str) -> Iterator[re.Match[str]]:
    """``_CASE_SHAPES.finditer(text)``, tried only back from the runs of digits it needs."""
    last_end = 0
    for start in _digit_starts(text):
        if start < last_end or start == 0:
            continue
        before = text[start - 1]
        if not (before.isalpha() or before in " -\t\n\u00a0"):
            continue  # every shape has a letter, a space or a hyphen right before its digits
        back = _CASE_SHAPE_BACK.search(text, max(last_end, start - 12), start)
        if back is None:
            continue
        match = _CASE_SHAPES.match(text, back.start())
        if match is not None:
            last_end = match.end()
            yield match


def case_numbers(text: str, tokens: list[Token] | None = None) -> Iterator[Span]:
    if not _digit_starts(text):
        return  # every case number has digits
    lowered = lower_text(text)
    cued = tokens is None or bool(_CASE_CUE_WORDS.among(lower_words(tokens)))
    for match in _CASE_CUED.finditer(text, lowered) if cued else ():
        value = match.group(1).rstrip(".:-/")
        if sum(c.isdigit() for c in value) < 3:
            continue
        start = match.start(1)
        if _ABBREVIATED_CASE_CUE.match(lowered if len(lowered) == len(text) else text.lower(),
                                       match.start(), start):
            start = match.start()  # "Dnr 4.2.1-123/2016" goes whole
        end = match.start(1) + len(value)
        yield Span(start, end, "case_number", key=f"dnr:{value.lower()}", priority=88)
    for match in _case_shapes(text):
        value = match.group(0)
        prefix = re.match(r"[A-Za-zÅÄÖåäö]+", value)
        if prefix and (prefix.group(0) in _NOT_CASE_PREFIXES or prefix.group(0).endswith("FS")):
            continue
        span = _YEAR_SPAN.search(value)
        if span and (int(span.group(1)) + 1) % 100 == int(span.group(2)):
            continue  # "JO 1990/91", "läsåret 2015/16": a span of years
        if _ISO_DATE_END.search(value):
            continue  # "Malmö 2016-09-14": a place and a date
        if re.fullmatch(r"(?:19|20)\d{2}[-/](?:19|20)?\d{2}", value.split()[-1]) and " " not in value:
            continue
        yield Span(match.start(), match.end(), "case_number", key=f"dnr:{value.lower()}", priority=87)


_LONG_NUMBER = re.compile(
    r"(?<![\w.,:/\-])\d{6,}(?![\w.,:/\-]|\s?(?:kr\b|kronor|sek\b|:-|euro|€|\$|%|procent|invånare|personer))",
    re.IGNORECASE)


def long_numbers(text: str) -> Iterator[Span]:
    """Any other run of six or more digits: account, passport or card numbers point to one person."""
    for match in _at_digits(_LONG_NUMBER, text):
        yield Span(match.start(), match.end(), "number", key=f"nr:{match.group(0)}", priority=40)


# ---------------------------------------------------------------- dates, birth dates, ages, classes

_DATE_FORMS = (
    r"(?P<iso>(?:19|20)\d{2}-?[01]\d-?[0-3]\d)"
    r"|(?P<short>\d{2}[01]\d[0-3]\d)(?![\d\-])"
    rf"|(?P<day>[0-3]?\d)(?::e|:a|e|a)?\s+(?P<month>{_MONTH_ALTERNATIVES})"
    r"(?:(?<=[a-zåäö]{3})(?<!mar)(?<!maj)(?<!jun)(?<!jul)\.(?=[ \t]+(?:19|20)\d\d))?"
    r"(?:\s+(?P<year>(?:19|20)\d{2}))?"
    r"|(?P<d>[0-3]?\d)/(?P<m>[01]?\d)(?:[ \-](?P<y>(?:19|20)?\d{2}))?"
    r"|(?P<d2>[0-3]?\d)\.(?P<m2>[01]?\d)\.(?P<y2>(?:19|20)?\d{2})"
)
_BIRTH = _Folded(
    rf"\b(?:född|födde|född\s+den|födelsedatum|födelsedag|föd\.|fd\.|f\.|f)\s*:?\s*(?:den\s+)?"
    rf"(?:år\s+)?(?:{_DATE_FORMS}|(?P<birthyear>(?:19|20)\d{{2}})(?![\d\-/]))")
# Every date form starts with a digit, so the engine only tries at digits; "den" is looked
# up behind the match afterwards.
_DATE = _Folded(rf"(?<![\w\-/.])(?:{_DATE_FORMS})(?![\w\-/])")
_DEN_BEFORE = re.compile(r"\b[Dd]en\s+$")
_WEEKDAY_BEFORE = re.compile(r"\b(?i:måndag|tisdag|onsdag|torsdag|fredag|lördag|söndag|mån|tis|ons|tors|tor|"
                             r"fre|lör|sön)(?:en)?\.?,?\s+$")


def _month_and_year(match: re.Match[str]) -> tuple[int, str] | None:
    groups = match.groupdict()
    if groups.get("iso"):
        digits = groups["iso"].replace("-", "")
        month, day, year = int(digits[4:6]), int(digits[6:8]), digits[:4]
    elif groups.get("month"):
        month, day = _MONTH_NUMBER[groups["month"].lower()], int(groups["day"])
        year = groups.get("year") or ""
    elif groups.get("m"):
        month, day, year = int(groups["m"]), int(groups["d"]), groups.get("y") or ""
    elif groups.get("m2"):
        month, day, year = int(groups["m2"]), int(groups["d2"]), groups.get("y2") or ""
    elif groups.get("short"):
        digits = groups["short"]
        month, day, year = int(digits[2:4]), int(digits[4:6]), ""
    else:
        return None
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if len(year) == 2:
        year = ""
    return month, year


def _previous_word(text: str, start: int) -> str:
    found = re.search(r"([\wåäöÅÄÖ.]+)\s*$", text[max(0, start - 30):start])
    return found.group(1).lower() if found else ""


def decade_phrase(year: int) -> str:
    """"i början av 2000-talet": a birth year made as coarse as a school year group or more."""
    decade = year // 10 * 10
    part = "början" if year % 10 <= 3 else "mitten" if year % 10 <= 6 else "slutet"
    return f"i {part} av {decade}-talet"


_BIRTH_LEAD = re.compile(_BIRTH.folded.pattern.removeprefix(r"\b"))


def birth_dates(text: str) -> Iterator[Span]:
    lowered = lower_text(text)
    if "föd" not in lowered and "f." not in lowered and "f " not in lowered and "fd" not in lowered:
        return  # every birth-date cue starts so; most notes have none
    births = (led_finditer(_BIRTH.folded, _BIRTH_LEAD, lowered) if len(lowered) == len(text)
              else _BIRTH.any_case.finditer(text))
    for match in births:
        if match.group("birthyear"):
            year = int(match.group("birthyear"))
            yield Span(match.start("birthyear"), match.end("birthyear"), "birth_year",
                       replacement=decade_phrase(year), priority=86)
            continue
        if _month_and_year(match) is None:
            continue
        start = next(match.start(g) for g in ("iso", "short", "day", "d", "d2") if match.group(g))
        yield Span(start, match.end(), "birth_date", key=f"dob:{match.group(0).lower()}", priority=89)


_NOT_A_DATE_AFTER = re.compile(r"\s*(?:timme|timmar|dl|liter|del|delar|%|procent|av)\b")


def dates(text: str) -> Iterator[Span]:
    for match in _DATE.at_digits(text, lower_text(text)):
        if match.group("short"):
            continue  # six bare digits are a date only after "född"; elsewhere too ambiguous
        found = _month_and_year(match)
        if found is None:
            continue
        den = _DEN_BEFORE.search(text, max(0, match.start() - 8), match.start())
        if (match.group("d") and not match.group("y") and den is None
                and _NOT_A_DATE_AFTER.match(text, match.end())):
            continue
        start = den.start() if den else match.start()
        weekday = _WEEKDAY_BEFORE.search(text, max(0, start - 12), start)
        if weekday is not None:
            start = weekday.start()  # "lör 18/3", "tisdag den 4 maj": the weekday dates it too
        month, year = found
        words = MONTHS[month - 1] + (f" {year}" if year else "")
        before = _previous_word(text, start)
        phrase = words if before in _PREPOSITIONS else f"i {words}"
        yield Span(start, match.end(), "date", replacement=phrase, priority=55)


# Age bands keep the thresholds the law cares about (15, 18, 21) on their edges.
_BANDS = ((0, 2), (3, 5), (6, 9), (10, 12), (13, 14), (15, 17), (18, 20), (21, 24), (25, 29), (30, 39),
          (40, 49), (50, 59), (60, 69), (70, 79), (80, 89), (90, 99))


def age_band(age: int) -> tuple[int, int]:
    for low, high in _BANDS:
        if low <= age <= high:
            return low, high
    return 90, 99


_AGE_WORD = re.compile(r"(?<![\w\-])(\d{1,2}) ?-? ?(?:års?-?)?(åring|årig)"
                       r"(en|ens|ar|arna|arnas|ars|a|e|t)?\b",
                       re.IGNORECASE)
_AGE_YEARS = re.compile(r"(?<![\w\-])(\d{1,2})\s?(års|år|årig)(?![\wåäö])", re.IGNORECASE)
_AGE_CONTEXT_BEFORE = re.compile(
    r"(?:\b(?P<pre>är|e|var|va|blir|blev|fyller|fyllde|fyllt|nyss|snart|ca|cirka|runt|omkring|drygt|knappt|"
    r"nästan|varit|på|åldern|ålder|båda|bägge|samtliga|alla|år\s+och)\.?\s*:?|[,(])\s*$", re.IGNORECASE)
_AGE_CONTEXT_AFTER = re.compile(r"\s+(?:gammal|gamla|gammalt|ung|fyllda|och\s+\d+\s+månader)\b",
                                re.IGNORECASE)
# A number of one or two digits standing alone; the words around it decide if it is an age.
_BARE_NUMBER = re.compile(r"(?<![\w\-/.,:])(\d{1,2})(?![\w\-/]|[.,:]\d)")
_BARE_AGE_CONTEXTS = (
    (re.compile(r"\b(?:fyller|fyllde|fyllt)\s+(?:(?:snart|nyss|just|redan|bara|då|nu)\s+)?$",
                re.IGNORECASE),
     re.compile(r"(?!\s?(?:år|%|kr|st|mil|km|poäng))", re.IGNORECASE)),
    (re.compile(r"\b(?:ålder|åldern|age)\s*:?\s*$", re.IGNORECASE), re.compile(r"(?!\s?(?:%|kr|st|mil|km))")),
    (re.compile(r"\b(?:är|var|blir)\s+$", re.IGNORECASE),
     re.compile(r"\s*(?:[,.;)]|$|\s+och\b|\s+nu\b|\s+i\s+år\b)", re.IGNORECASE)),
    # "han e bara 15 wallah", "Lamin e 13.", "hon är snart 14 och …": a person, a copula, maybe an adverb.
    (re.compile(r"(?:\b(?:han|hon|hen|jag|du|dom|de|[a-zåäö]+(?:en|an)|(?:lille|lill|store|stor|halv)?"
                r"(?:bror|brorsan|syster|syrran)|kusin|kompis|son|dotter|grabb|tjej|kille|unge)"
                r"|[A-ZÅÄÖ][a-zåäöéü]+)\s+"
                r"(?:är|e|var|va|blir)\s+(?:(?:bara|typ|snart|nog|ju|väl|redan|nästan|knappt|endast|precis|"
                r"nyss|fortfarande|också|nu|ca|cirka|runt)\s+)*$", re.IGNORECASE),
     re.compile(r"(?!\s*(?:(?:kr|kronor|st|stycken|min|minuter|timmar|tim|h|grader|cm|kg|m|meter|km|mil|"
                r"procent|poäng|sek|sekunder|dagar|veckor|månader|gånger|pers|personer)(?![a-zåäö])"
                r"|%|[.,:]\d|:[ae]\b))",
                re.IGNORECASE)),
    (re.compile(r"\b(?:äldre|yngre)\s+än\s+$", re.IGNORECASE), re.compile(r"(?!\s*(?:%|kr|st|min|timmar))")),
    (re.compile(r"[A-ZÅÄÖa-zåäö\]]\s\($"), re.compile(r"(?:\s?år)?\)")),
    (re.compile(r"(?:[A-ZÅÄÖ][a-zåäöé]+|\])s?,\s*$"), re.compile(r",\s")),  # "Amir, 15, går …"
)
_NOT_AN_AGE_SUBJECT = re.compile(r"\b(?:klockan|kl|tiden|summan|priset|poängen|temperaturen|siffran|antalet|"
                                 r"nummer|numret|betyget|resultatet|det|här|där|vi|ni|vilket|som)\s+(?:är|e|var|va|blir)\s+(?:\S+\s+)?$",
                                 re.IGNORECASE)
_PERSON_BEFORE_PA = re.compile(r"(?:pojke|flicka|kille|tjej|ungdom|elev|son|dotter|bror|syster|barn|man|"
                               r"kvinna|"
                               r"person|yngling|grabb|brorson|systerson|kusin)\w*\s+på\s*$", re.IGNORECASE)


_NUMBER_WORDS = {"fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9, "tio": 10, "elva": 11, "tolv": 12,
                 "tretton": 13, "fjorton": 14, "femton": 15, "sexton": 16, "sjutton": 17, "arton": 18,
                 "aderton": 18, "nitton": 19, "tjugo": 20, "tjugoett": 21, "tjugotvå": 22, "tjugotre": 23,
                 "tjugofyra": 24}
_AGE_IN_WORDS = re.compile(
    r"(?<![\wåäö])(" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")(?:\s?(års|år|årig\w*)|"
    r"(?=\s*[.,;)]|\s+(?:och|o|nu|snart|i\s+\w+)\b))(?![\wåäö])")
_AGE_WORDS_CONTEXT = re.compile(
    r"(?:\b(?:är|e|var|va|blir|blev|fyller|fyllde|fyllt|nyss|snart|ca|cirka|runt|omkring|drygt|knappt|nästan|"
    r"varit|båda|bägge|samtliga|bara)\s+|,\s*)$")
# "13–15-årsåldern", "ca 12-13", "i åldern 14–16 år": a span of ages is as telling as one.
_AGE_RANGE = re.compile(r"(?<![\w\-/.:])(\d{1,2}) ?[-–] ?(\d{1,2})(-?årsåldern|-?åringar|-?åriga|\s?år)?"
                        r"(?![\w\-/]|[.:]\d)")
_AGE_RANGE_BEFORE = re.compile(r"\b(?:ca|cirka|typ|runt|omkring|ålder|åldern|mellan|åldrarna)\.?\s*:?\s*$",
                               re.IGNORECASE)


_NUMBER_WORD_STARTS = tuple(_NUMBER_WORDS)
# Words that an age in words starts: the number itself, or glued to "år" ("femtonårig").
_AGE_NUMBER_WORDS = WordClass(lambda word: any(
    word.startswith(number) and (len(word) == len(number) or word.startswith("år", len(number)))
    for number in _NUMBER_WORD_STARTS))


_COPULAS = frozenset({"är", "e", "var", "va", "blir"})


def _possible_age_contexts(text: str, start: int) -> tuple[bool, ...]:
    """For each of ``_BARE_AGE_CONTEXTS``, whether its pattern can match before ``start``.

    A necessary condition on the words just before the number, cheaper than the search:
    "fyller" for the first, "ålder" for the second, a copula for the third and fourth, and
    so on. The patterns decide; this only skips searches that cannot succeed.
    """
    window = text[max(0, start - 40):start]
    words = window.lower().split()
    last = words[-1] if words else ""
    second = words[-2] if len(words) > 1 else ""
    fills = ("fyller", "fyllde", "fyllt")
    before = window.rstrip()
    age_word = (second if last == ":" else last).rstrip(":")
    return (
        last in fills or second in fills,
        age_word in ("ålder", "åldern", "age") or last.endswith(("ålder:", "åldern:", "age:")),
        last in ("är", "var", "blir"),
        not _COPULAS.isdisjoint(words),
        last == "än" and second in ("äldre", "yngre"),
        before.endswith("("),
        before.endswith(","),
    )


def ages(text: str, tokens: list[Token] | None = None) -> Iterator[Span]:
    lowered = lower_text(text)
    if (_AGE_NUMBER_WORDS.among(lower_words(tokens)) if tokens is not None else
            any(map(lowered.__contains__, ("ton", "tio", "elva", "tolv", "tjugo", "fem", "sex", "sju", "åtta",
                                           "nio", "arton")))):
        for match in _AGE_IN_WORDS.finditer(lowered):
            start = match.start()
            if not _AGE_WORDS_CONTEXT.search(lowered, max(0, start - 16), start):
                continue
            if match.group(2) is None and match.group(1) in ("fem", "sex", "sju", "åtta", "nio", "tio"):
                continue  # "är sex." is more often a count than an age
            low, high = age_band(_NUMBER_WORDS[match.group(1)])
            unit = f" {text[match.start(2):match.end(2)]}" if match.group(2) else ""
            yield Span(start, match.end(), "age", replacement=f"{low}–{high}{unit}", priority=58)
    for match in _at_digits(_AGE_RANGE, text) if "-" in text or "–" in text else ():
        first, second, unit = int(match.group(1)), int(match.group(2)), match.group(3) or ""
        if not (3 <= first < second <= 25 and second - first <= 5):
            continue
        if not unit.strip() and not _AGE_RANGE_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            continue
        if unit.strip() == "år" and not _AGE_CONTEXT_BEFORE.search(text, max(0, match.start() - 16),
                                                                   match.start()) \
                and not _AGE_RANGE_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            continue
        low, high = age_band(first)[0], age_band(second)[1]
        yield Span(match.start(), match.end(), "age", replacement=f"{low}–{high}{unit}", priority=58)
    for match in _at_digits(_AGE_WORD, text) if "åri" in text or "ÅRI" in text else ():
        age = int(match.group(1))
        low, high = age_band(age)
        stem = match.group(2).lower()
        ending = match.group(3) or ""
        prefix = "ton" if low >= 13 and high <= 19 else f"{low}–{high}-"
        yield Span(match.start(), match.end(), "age", replacement=f"{prefix}{stem}{ending}", priority=58)
    for match in _at_digits(_AGE_YEARS, text):
        start, end, age, unit = match.start(1), match.end(), int(match.group(1)), match.group(2)
        context = _AGE_CONTEXT_BEFORE.search(text, max(0, start - 16), start)
        if context is None:
            if unit.lower() != "år" or not _AGE_CONTEXT_AFTER.match(text, end):
                continue
        elif (context.group("pre") or "").lower() == "på" and not _PERSON_BEFORE_PA.search(
                text, max(0, start - 40), start):
            # "på 15 år" is an age after a person word ("en pojke på 15 år"), else a duration.
            continue
        low, high = age_band(age)
        yield Span(start, end, "age", replacement=f"{low}–{high} {unit}", priority=58)
    for match in _at_digits(_BARE_NUMBER, text):
        start, end = match.span(1)
        left = text[max(0, start - 2):start].rstrip()
        if not left or not (left[-1].isalpha() or left[-1] in "(,]:"):
            continue  # every age context ends in a word, "(", "," or ":"
        possible = _possible_age_contexts(text, start)
        for index, (before, after) in enumerate(_BARE_AGE_CONTEXTS):
            if not possible[index]:
                continue
            window = 40 if index == 3 else 20 if index == 0 else 12
            if before.search(text, max(0, start - window), start) and after.match(text, end):
                age = int(match.group(1))
                if index == 3 and _NOT_AN_AGE_SUBJECT.search(text, max(0, start - 40), start):
                    break  # "klockan är 15", "det är 15 kvar"
                if index >= 5 and not 1 <= age <= 25:
                    break  # "(3)" after a word is more often a footnote or a count than an age
                low, high = age_band(age)
                yield Span(start, end, "age", replacement=f"{low}–{high}", priority=57)
                break


# A year digit and a class letter; the words before decide whether a lower-case letter counts.
_CLASS = re.compile(r"(?<![\w/.:\-])([1-9]) ?([A-Ha-h])(?![\w/\-]|:\S)")
# A class written close in lower case ("8c") after a word that places a pupil in it:
# "i 9a", "från 9c", "hela 9b", "(8a)", "Elif 9a", "Ängslättskolan 7b".
_CLASS_LOWER_BEFORE = re.compile(
    r"(?:\b(?:i|från|hela|in|ur|till|elev|elever|eleven|eleverna|klassen|mentor|skolan|skola)|"
    r"[a-zåäö]skolan|\(|[A-ZÅÄÖ][a-zåäöéü]+)[ \t]*$")
_NOT_CLASS_BEFORE = re.compile(r"(?:§|kap\.?|kapitel|paragraf|punkt|bilaga|sida|s\.|avsnitt|steg|nivå|"
                               r"rum|sal|våning|lgh|port|plan|film|tv|bild)[ \t]*$", re.IGNORECASE)
_CLASS_CUE = re.compile(r"\b(?:klass|klassen|kl\.)\s*\(?\s*$", re.IGNORECASE)
_CLASS_VERB = re.compile(
    r"\b(?:går i|gick i|börjar i|började i|elev i|eleverna i|elever i|kommer från|mentor för|mentor i|"
    r"klasslärare i|klasslärare för)\s+$", re.IGNORECASE)
_GYMNASIUM = re.compile(
    r"\b(?:NA|SA|EK|TE|ES|HU|IB|BF|BA|EE|FT|HA|HV|HT|IN|NB|RL|VF|VO|IM|IMA|IMS|IMY|IMV|IMSPR|IMPRE)"
    r"\s?(\d{1,2})([A-Za-z])?\b")


_GYMNASIUM_CODE_BEFORE = re.compile(
    r"\b(?:NA|SA|EK|TE|ES|HU|IB|BF|BA|EE|FT|HA|HV|HT|IN|NB|RL|VF|VO|IM|IMA|IMS|IMY|IMV|IMSPR|IMPRE)\s?$")


def _gymnasium_classes(text: str) -> Iterator[re.Match[str]]:
    for start in _digit_starts(text):
        if not _capital_before(text, start, any_space=True):
            continue  # every code ends in a capital
        code = _GYMNASIUM_CODE_BEFORE.search(text, max(0, start - 7), start)
        if code is not None:
            match = _GYMNASIUM.match(text, code.start())
            if match is not None:
                yield match


def school_classes(text: str) -> Iterator[Span]:
    for match in _at_digits(_CLASS, text):
        start, letter = match.start(), match.group(2)
        cue = _CLASS_CUE.search(text, max(0, start - 10), start)
        if cue is not None:
            if "(" not in cue.group(0) and not cue.group(0).lower().startswith("klassen"):
                start = cue.start()  # "klass 9B" becomes "årskurs 9"; "klassen (7c)" keeps "klassen ("
        elif (not (_CLASS_VERB.search(text, max(0, start - 16), start) and letter in "abcdefABCDEF")
              and (letter not in "ABCDEF" or " " in match.group(0))
              and not (letter in "abcdef" and " " not in match.group(0) and match.group(0) not in ("2d", "3d")
                       and _CLASS_LOWER_BEFORE.search(text, max(0, start - 20), start)
                       and not _NOT_CLASS_BEFORE.search(text, max(0, start - 10), start)
                       and not re.match(r"\s*§", text[match.end():match.end() + 3]))):
            continue  # a bare "9B" needs a capital class letter; "8c" needs "går i", "från", "(" before it
        yield Span(start, match.end(), "school_class", replacement=f"årskurs {match.group(1)}", priority=59)
    for match in _gymnasium_classes(text):
        year = match.group(1)
        phrase = f"gymnasiet årskurs {year}" if len(year) == 1 and year in "123" else "gymnasiet"
        yield Span(match.start(), match.end(), "school_class", replacement=phrase, priority=59)
