"""Malmö's places and named organisations.

A named district, neighbourhood, square or shopping centre is generalised – "i Rosengård"
becomes "i ett bostadsområde" – so the text still says that the young person lives in
a residential area. A named school, club, association, place of worship or workplace
is replaced by a numbered placeholder: it points to a small group of people.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from varna.deid.gazetteer import (
    ACRONYMS,
    CHAIN_HEADS,
    CLUB_MARKS,
    FUNCTION_WORDS,
    GENERIC_ORGANISATIONS,
    INSTITUTION_NOUNS,
    KEEP,
    MALMO_DISTRICTS,
    MALMO_NEIGHBOURHOODS,
    MALMO_SPOTS,
    ORGANISATION_ENDINGS,
    ORGANISATION_HEADS,
    PLACE_PREPOSITIONS,
    SCHOOL_NAME_TAILS,
    SCHOOL_NAMES,
    SCHOOL_NAMES_ALWAYS_NEEDING_ONE,
    SCHOOL_NAMES_NEEDING_A_SCHOOL_WORD,
    SPOTS_AFTER_PREPOSITION,
)
from varna.deid.lexicon import WordList, english
from varna.deid.model import Span
from varna.deid.names import Token, WordClass, lower_text, lower_words, positions

_PLACE_KIND: dict[str, str] = {}
for _name in MALMO_SPOTS:
    _PLACE_KIND[_name] = "en plats"
for _name in MALMO_NEIGHBOURHOODS:
    _PLACE_KIND[_name] = "ett bostadsområde"
for _name in MALMO_DISTRICTS:
    _PLACE_KIND[_name] = "ett stadsområde"
_PLACE_LOWER = {name.lower(): phrase for name, phrase in _PLACE_KIND.items()}
_PLACE_FIRST_WORDS = frozenset(name.split()[0] for name in _PLACE_LOWER)
# Place names that in lower case are more often the ordinary word. Others ("rosengård",
# "möllan") are the place even in lower case: in a Malmö case note that is what they mean.
_ORDINARY_IN_LOWER_CASE = frozenset({"ön", "backarna", "ljungen", "lugnet", "stadion", "fortuna", "melody",
                                     "gustav", "rönnen", "entré", "triangeln", "kulturhuset", "gnistan",
                                     "sege", "höja", "ribban", "fridhem", "caroli", "flensburg"})

_WORD = r"[A-ZÅÄÖÉ](?:[\wåäöéüÅÄÖ'’&\-]|\.(?=\w))*"
_ENDING_LABEL = dict(ORGANISATION_ENDINGS)
_ENDINGS = tuple(e for e, _ in ORGANISATION_ENDINGS)
_ENDING_LAST_LETTERS = frozenset(e[-1] for e in _ENDINGS) | {"s"}
_SEPARATE = re.compile(
    rf"(?<![\wåäöÅÄÖ\-])((?:{_WORD}[ \t]+)?{_WORD})[ \t]+"
    r"(skolan|skola|förskola|förskolan|gymnasium|gymnasiet|Gymnasium|Gymnasiet|"
    r"grundskola|friskola|folkhögskola|moské|moskén|kyrka|kyrkan|församling|församlingen|förening|"
    r"föreningen|fritidsgård|fritidsgården|hus|huset)(s)?(?![\wåäöÅÄÖ])")
_SEPARATE_LABEL = {"skolan": "school", "skola": "school", "förskola": "school", "förskolan": "school",
                   "gymnasium": "school", "gymnasiet": "school", "grundskola": "school", "friskola": "school",
                   "folkhögskola": "school", "moské": "place_of_worship", "moskén": "place_of_worship",
                   "kyrka": "place_of_worship", "kyrkan": "place_of_worship",
                   "församling": "place_of_worship", "församlingen": "place_of_worship",
                   "förening": "association", "föreningen": "association",
                   "hus": "organisation", "huset": "organisation",
                   "fritidsgård": "organisation", "fritidsgården": "organisation"}
# Only the head noun ignores case: the name after it must be capitalised or quoted.
_HEAD = re.compile(
    r"\b(?i:(" + "|".join(re.escape(h) for h in sorted(ORGANISATION_HEADS, key=len, reverse=True))
    + r"))[ \t]+(?:(?P<quoted>[\"”“«'][^\"”“»'\n]{2,60}[\"”“»'])"
    + rf"|(?P<name>(?:(?:al|an|ar|as|ad|at|el|ash|ul)-)?{_WORD}(?: {_WORD}){{0,3}}))")
_CLUB_AFTER = re.compile(rf"((?:{_WORD}[ \t]+){{1,3}})({'|'.join(sorted(CLUB_MARKS, key=len, reverse=True))})"
                         r"(?![\wåäöÅÄÖ])")
_CLUB_PREFIXES = frozenset({"IFK", "FC", "BK", "AIK", "IK", "IF", "FF", "KFUM", "KFUK", "HK", "BoIS", "IBK",
                            "SK"})
_CLUB_BEFORE = re.compile(rf"(?<![\wåäöÅÄÖ])(IFK|FC|BK|AIK|IK|IF|FF|KFUM|KFUK|HK|BoIS|IBK|SK)[ \t]+"
                          rf"({_WORD}(?:[ \t]+{_WORD})?)")
_COMPANY_MARKS = frozenset({"AB", "HB", "KB", "Center", "Centre", "Centret", "Institute", "Foundation"})
_COMPANY = re.compile(rf"({_WORD}[ \t]+(?:(?:{_WORD}|&|i)[ \t]+){{0,4}})"
                      r"(AB|HB|KB|Center|Centre|Centret|Institute|Foundation)"
                      r"(?![\wåäöÅÄÖ])")
_WORKPLACE_VERBS = frozenset({
    "jobbar", "jobbade", "arbetar", "arbetade", "praktiserar", "praktiserade", "praktik", "prao", "anställd",
    "extrajobbar", "sommarjobbar", "sommarjobb", "sommarjobbet", "jobb", "extrajobb", "timanställd", "jobbet",
    "placerad", "placerades", "placerats", "placeras", "praktiken"})
_WORKPLACE = re.compile(
    r"\b(?:jobbar|jobbade|arbetar|arbetade|praktiserar|praktiserade|praktik|prao|anställd|extrajobbar|"
    r"sommarjobbar|sommarjobb|sommarjobbet|jobb|extrajobb|timanställd|jobbet|placerad|placerades|placerats|"
    r"placeras|praktiken)[ \t]+(?:på|hos|vid|för)[ \t]+"
    rf"({_WORD}(?:[ \t]+(?:&[ \t]+)?{_WORD}){{0,2}})")
# Heads that are ordinary nouns in lower case: "fritidsgården Rosen" keeps "fritidsgården".
GENERIC_HEAD_WORDS = frozenset({"skolan", "förskolan", "gymnasiet", "föreningen", "klubben", "laget",
                                "gymmet", "nätverket", "organisationen", "rörelsen", "kören", "moskén",
                                "församlingen",
                                "kyrkan", "boendet", "hemmet", "företaget", "firman", "restaurangen",
                                "butiken",
                                "affären", "kiosken", "pizzerian", "frisören", "verkstaden", "lagret",
                                "bolaget", "caféet", "kaféet", "salongen", "gallerian", "biblioteket",
                                "kafét", "stiftelsen", "skola", "förskola", "förening", "kyrka", "moské",
                                "församling", "bar", "hotell", "hotel", "grill", "restaurang"})
# "ica nära möllan", "Coop Forum Jägersro": a chain, perhaps its format, and a place.
_CHAIN = re.compile(r"(?i:(" + "|".join(sorted(CHAIN_HEADS, key=len, reverse=True)) + r"))"
                    r"(?:[ \t]+(?i:nära|maxi|kvantum|supermarket|forum|extra|city|to go|konsum|stormarknad))?"
                    r"[ \t]+([\wåäöÅÄÖ]+(?:[ \t]+[\wåäöÅÄÖ]+)?)")
_ADJECTIVE_ENDINGS = ("förening", "föreningen", "församling", "församlingen", "centret", "center",
                      "kulturcenter", "informationscentret", "förbund", "förbundet")
# "Kurdiska kulturföreningen", "Bosniakiska islamiska församlingen", "Turkiska föreningen i Malmö".
_ADJECTIVE_ORG = re.compile(
    rf"((?:S:t[ \t]+)?(?:{_WORD}[ \t]+){{1,2}})((?:[a-zåäö][a-zåäö\-]*a[ \t]+)?)"
    r"((?:[A-ZÅÄÖa-zåäö][a-zåäö]*)?(?:" + "|".join(_ADJECTIVE_ENDINGS) + r"))"
    r"(?:[ \t]+i[ \t]+Malmö)?(?![\wåäöÅÄÖ])")
_INSTITUTIONS = "|".join(sorted(INSTITUTION_NOUNS, key=len, reverse=True))
_INSTITUTION = re.compile(r"([A-ZÅÄÖ][\wåäöÅÄÖ\-]+)[ \t]+(" + _INSTITUTIONS + r")(?![\wåäö])")


# Words after "Malmö" that name the city or its authorities, not an organisation of their own.
_CITY_WORDS = frozenset({"stad", "stads", "kommun", "kommuns", "universitet", "högskola", "c", "central",
                         "centralstation", "ff", "airport", "arena", "live", "opera", "stadsområde",
                         "stadsdel", "tingsrätt", "hamn", "län", "centrum", "city"})


def _capitalised_word(token: Token) -> bool:
    return (token.text[:1].isupper() and any(c.islower() for c in token.text)) or token.text in _CLUB_PREFIXES


def _malmo_name(text: str, tokens: list[Token], index: int, words: WordList) -> re.Match[str] | None:
    """"Malmö Stadsteater", "Unga Röster Malmö": capitalised words joined to "Malmö" name an organisation."""
    first = index
    while first > 0 and index - first < 3 and tokens[first].gap_before == " " and _capitalised_word(
            tokens[first - 1]):
        first -= 1
    while first < index and (tokens[first].text in KEEP or tokens[first].lower in FUNCTION_WORDS
                             or tokens[first].lower in _PLACE_LOWER
                             or (tokens[first].sentence_start and words.is_ordinary(tokens[first].text))):
        first += 1
    last = index
    while (last + 1 < len(tokens) and last - index < 2 and tokens[last + 1].gap_before == " "
           and _capitalised_word(tokens[last + 1]) and tokens[last + 1].text not in KEEP
           and tokens[last + 1].lower not in _CITY_WORDS and tokens[last + 1].lower not in _PLACE_LOWER
           and not text.startswith(":", tokens[last + 1].end)):
        last += 1
    if first == index and last == index:
        return None
    return re.compile(re.escape(text[tokens[first].start:tokens[last].end])).match(text, tokens[first].start)


_LOWER_CLUB_PREFIXES = frozenset({"bk", "ifk", "fc", "hk", "aik", "boik", "ibk"})
_HEAD_LOWER = re.compile(
    r"(?i:(" + "|".join(re.escape(h) for h in sorted(set(ORGANISATION_HEADS) | _LOWER_CLUB_PREFIXES, key=len,
                                                     reverse=True))
    + r"))[ \t]+(?P<quoted>(?!))?(?P<name>[a-zåäö][a-zåäö\-]{2,})(?![\wåäö])")


# "har en firma, Malmbergs Bevakning": a firm named after a comma or colon.
_FIRM_WORDS = frozenset({"firma", "företag", "bolag", "firman", "företaget", "bolaget"})
_FIRM = re.compile(rf"(?i:firma|företag|bolag|firman|företaget|bolaget)[ \t]*[,:][ \t]*"
                   rf"({_WORD}(?:[ \t]+(?:&[ \t]+)?{_WORD}){{0,3}})")
# "föräldranätverket ”Mammor mot våld”": a group word, then its name in quotes.
_GROUP_ENDINGS = ("nätverket", "föreningen", "gruppen", "projektet", "kampanjen", "organisationen")
_GROUP_QUOTED = re.compile(r"[\wåäöÅÄÖ\-]*(?:" + "|".join(_GROUP_ENDINGS) + r")[ \t]+[\"”“«']"
                           r"([^\"”“»'\n]{2,60})[\"”“»']")


def _adjective_label(noun: str) -> str:
    if "församling" in noun:
        return "place_of_worship"
    return "association" if "förening" in noun or "förbund" in noun else "organisation"


_NAME_PREFIXES = frozenset({"Sankt", "S:t", "Norra", "Södra", "Östra", "Västra", "Nya", "Gamla", "Stora",
                            "Lilla", "Internationella", "Engelska", "Malmö", "Kunskapsskolan", "Fria"})


# "stadsområde Öster", "SSP Norr": a compass word after an area word is one of Malmö's districts.
_COMPASS_DISTRICT = re.compile(r"\b(?:stadsområde|stadsområdet|stadsdel|stadsdelen|SSP|SSP-möte|område|"
                               r"området|Stadsområde|Stadsdel)[ \t]*:?[ \t]+"
                               r"(Norr|Söder|Öster|Väster|Nord|Syd|Öst|Väst)(?![\wåäöÅÄÖ])")
# A square, park or centre named after a place goes whole: "Limhamns torg" → "en plats".
_PLACE_NOUN_AFTER = re.compile(r"[ \t]+(?:torg|torget|centrum|park|parken|plan|strand|stranden)(?![\wåäö])")


# The words that may open a place name, themselves or with a possessive "s".
_PLACE_OPENERS = WordClass(lambda word: word in _PLACE_FIRST_WORDS or word[:-1] in _PLACE_FIRST_WORDS)


def _after_place_preposition(tokens: list[Token], index: int) -> bool:
    """"hänger på triangeln": the word right after a preposition of place, in the same sentence."""
    token = tokens[index]
    return (index > 0 and not token.sentence_start and token.gap_before == " "
            and tokens[index - 1].lower in PLACE_PREPOSITIONS)


def places(text: str, tokens: list[Token], words: WordList) -> Iterator[Span]:
    """Malmö's districts, neighbourhoods and spots, looked up one to three words at a time."""
    if "SSP" in text or "stads" in text or "Stads" in text or "område" in text:
        for match in _COMPASS_DISTRICT.finditer(text):
            # "stadsområde Öster" → "ett stadsområde"; "SSP Norr" → "SSP ett stadsområde"
            start = match.start() if match.group(0).lower().startswith("stads") else match.start(1)
            yield Span(start, match.end(1), "place", replacement="ett stadsområde", priority=65)
    # Only a token that may open a place name is looked at; the others are skipped at once.
    candidates = positions(tokens, _PLACE_OPENERS.among(lower_words(tokens)))
    index = 0
    for candidate in candidates:
        if candidate < index:
            continue
        index = candidate
        found = None
        for width in (3, 2, 1):
            last = index + width - 1
            if last >= len(tokens) or any(tokens[k].gap_before != " " for k in range(index + 1, last + 1)):
                continue
            name = text[tokens[index].start:tokens[last].end]
            lowered = name.lower()
            possessive = ""
            if lowered not in _PLACE_LOWER and lowered.endswith("s") and lowered[:-1] in _PLACE_LOWER:
                lowered, possessive = lowered[:-1], "s"
            if lowered in _PLACE_LOWER:
                if name[0].islower() and lowered in _ORDINARY_IN_LOWER_CASE and not (
                        lowered in SPOTS_AFTER_PREPOSITION and _after_place_preposition(tokens, index)):
                    continue  # "ön", "en triangeln" in lower case are ordinary words; "på triangeln" is not
                phrase = _PLACE_LOWER[lowered]
                noun = _PLACE_NOUN_AFTER.match(text, tokens[last].end) if possessive or width == 1 else None
                if noun is not None and name[0].isupper():
                    found = Span(tokens[index].start, noun.end(), "place", replacement="en plats",
                                 priority=66)
                    while last + 1 < len(tokens) and tokens[last + 1].end <= noun.end():
                        last += 1
                    index = last
                    break
                found = Span(tokens[index].start, tokens[last].end, "place",
                             replacement=phrase + ("" if phrase.endswith("s") else possessive), priority=65)
                index = last
                break
        if found is not None:
            yield found
        index += 1


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 40):start].rstrip(" \t\"'«“(-–•*")
    return not before or before[-1] in ".!?:\n"


def _named_before(text: str, tokens: list[Token], token: Token, words: WordList) -> bool:
    """A capitalised name right before a lower-case compound: "Malmö latinskola", "Lunds katedralskola"."""
    index = tokens.index(token)
    if index == 0 or token.sentence_start or token.gap_before != " ":
        return False
    before = tokens[index - 1]
    word = before.text
    if not word[0].isupper() or before.lower in FUNCTION_WORDS:
        return False
    place = before.lower in _PLACE_LOWER or before.lower[:-1] in _PLACE_LOWER
    return place or word in KEEP or word.rstrip("s") in KEEP or not words.is_ordinary(word)


def _with_prefix_words(text: str, start: int, words: WordList) -> int:
    """Extend a name backwards over "Malmö", "Sankt", "Västra" … or another non-word."""
    while True:
        found = re.search(rf"({_WORD})[ \t]+$", text[max(0, start - 40):start])
        if not found:
            return start
        word = found.group(1)
        if word in KEEP and word != "Malmö":
            return start
        lowered = word.lower()
        place = lowered in _PLACE_LOWER or lowered[:-1] in _PLACE_LOWER
        if word not in _NAME_PREFIXES and not place and words.is_ordinary(word):
            return start
        start -= len(found.group(0))
        if place:
            return start  # "Rosengårds boxningsklubb": the place names the club, and goes with it


def _match_ending_at(pattern: re.Pattern[str], text: str, tokens: list[Token], index: int,
                     back: int) -> re.Match[str] | None:
    """The longest match of ``pattern`` starting up to ``back`` tokens back and reaching token ``index``."""
    for first in range(max(0, index - back), index):
        match = pattern.match(text, tokens[first].start)
        if match is not None and match.end() >= tokens[index].end:
            return match
    return None


# "går på bladins", "började på hermods": where a pupil goes; the preposition each verb takes.
_ATTEND_VERBS: dict[str, frozenset[str]] = {
    **dict.fromkeys(("går", "gick", "gått", "gå", "pluggar", "pluggade", "pluggat", "plugga", "studerar",
                     "studerade", "studerat", "elev", "eleven", "elever", "eleverna"),
                    frozenset({"på", "vid"})),
    **dict.fromkeys(("börjar", "började", "börjat", "börja", "byter", "bytte", "bytt", "byta", "flyttas",
                     "flyttades", "söker", "sökte", "sökt", "söka", "kom", "kommer"),
                    frozenset({"på", "till", "vid"})),
}
_ATTEND_VERB_WORDS = frozenset(_ATTEND_VERBS)
_ATTEND_PREPOSITIONS = frozenset({"på", "till", "vid"})
_ATTEND_NAME = re.compile(r"[ \t]+(på|till|vid)[ \t]+([a-zåäöé][a-zåäöé\-]{2,})(?![\wåäö\-]|[ \t]*:)")
_NOT_SCHOOLS = frozenset({
    "bio", "gym", "gymmet", "krogen", "fest", "stan", "snap", "insta", "tiktok", "youtube", "discord",
    "nätet", "sfi", "komvux", "sis", "hvb", "bup", "lvu", "lvm", "soc", "jobbet", "mcdonalds", "mcd",
    "maccen", "donken", "burger", "max", "ica", "coop", "lidl", "willys", "netto", "systemet",
    "träning", "träningen", "prao", "praktik", "praktiken", "gymnasiet", "högstadiet", "mellanstadiet",
    "lågstadiet", "universitetet", "högskolan", "folkhögskolan", "introduktionsprogrammet", "im",
    "yrkesintroduktion", "språkintroduktion", "natur", "samhäll", "samhälle", "teknik", "ekonomi",
    "bygg", "el", "fordon", "barn", "vård", "handel", "hotell", "restaurang", "estet", "media", "idrott"})


def _attended_school(text: str, tokens: list[Token], index: int, words: WordList) -> re.Match[str] | None:
    """"han går på bladins": after "går på", "började på" a lower-case word that is no Swedish or
    English word, no programme and no shorthand names the school."""
    match = _ATTEND_NAME.match(text, tokens[index].end)
    if match is None or match.group(1) not in _ATTEND_VERBS[tokens[index].lower]:
        return None
    name = match.group(2)
    if (name in _NOT_SCHOOLS or name in FUNCTION_WORDS or name in _PLACE_LOWER or words.is_ordinary(name)
            or name in english() or name.upper() in ACRONYMS):
        return None
    return match


def _all_triggers() -> frozenset[str]:
    separate = set(_SEPARATE_LABEL) | {f"{word}s" for word in _SEPARATE_LABEL}
    return frozenset(separate | set(ORGANISATION_HEADS) | CLUB_MARKS | _CLUB_PREFIXES | _COMPANY_MARKS
                     | _WORKPLACE_VERBS | INSTITUTION_NOUNS | _LOWER_CLUB_PREFIXES)


_TRIGGERS = _all_triggers()
# The same test as one look-up each: a lower-case key word, a word as written, or an ending.
_LOWER_TRIGGERS = _TRIGGERS | _FIRM_WORDS
_WORD_TRIGGERS = _TRIGGERS | {"Malmö"}
_TRIGGER_ENDINGS = _ADJECTIVE_ENDINGS + _GROUP_ENDINGS
# The lower-case words that are a key word, end like one, or are a key word written
# otherwise ("if" for "IF"); the exact test is made again at each such token.
_WORD_TRIGGERS_LOWER = frozenset(word.lower() for word in _WORD_TRIGGERS)
_TRIGGER_WORDS = WordClass(lambda lower: lower in _LOWER_TRIGGERS or lower in _WORD_TRIGGERS_LOWER
                           or lower.endswith(_TRIGGER_ENDINGS))


# Generic heads after which a definite noun is still a name: "förskolan kastanjen".
_NAMED_BY_A_NOUN_HEADS = frozenset({"förskolan", "föreningen", "klubben"})
# Definite nouns that follow a head as time or manner, not as its name: "fritidsgården kvällen innan".
_NOT_NAMES_AFTER_A_HEAD = frozenset({
    "kvällen", "natten", "morgonen", "förmiddagen", "eftermiddagen", "dagen", "helgen", "veckan", "månaden",
    "året", "hösten", "våren", "sommaren", "vintern", "lunchen", "julen", "påsken", "lovet", "sportlovet",
    "höstlovet", "jullovet", "sommarlovet", "påsklovet", "terminen", "läsåret", "måndagen", "tisdagen",
    "onsdagen", "torsdagen", "fredagen", "lördagen", "söndagen", "timmen", "stunden", "gången", "tiden",
    "perioden", "nästan", "sedan", "personalen", "ledarna", "själva", "däremot", "istället", "ibland"})


def _definite_noun(word: str, words: WordList) -> bool:
    """"rosen", "garaget", "gnistan": an ordinary noun in the definite singular form."""
    if len(word) < 4 or word in _NOT_NAMES_AFTER_A_HEAD or word.endswith("igen"):
        return False
    if word.endswith("en") and word[:-2] in words and len(word) >= 5:
        return True  # "ros|en"
    if word.endswith("et") and (word[:-1] in words or word[:-2] in words):
        return True  # "garage|t", "hus|et"
    return word.endswith(("an", "on", "un")) and word[:-1] in words  # "gnista|n"


def _triggered(text: str, tokens: list[Token], words: WordList) -> dict[str, list[re.Match[str]]]:
    """Run each organisation pattern only where its key word stands.

    Scanning the whole text with every pattern costs more than all the rest of the
    pipeline; the key words ("skola", "IF", "AB", "föreningen", "jobbar") are rare, so the
    patterns are anchored at them instead.
    """
    found: dict[str, list[re.Match[str]]] = {key: [] for key in (
        "separate", "head", "club_after", "club_before", "company", "workplace", "chain", "adjective",
        "institution", "malmo", "firm")}
    word_triggers = _WORD_TRIGGERS
    for index in positions(tokens, _TRIGGER_WORDS.among(lower_words(tokens))):
        token = tokens[index]
        word, lower = token.text, token.lower
        if not (lower in _LOWER_TRIGGERS or lower.endswith(_TRIGGER_ENDINGS) or word in word_triggers):
            continue
        candidates: list[tuple[str, re.Match[str] | None]] = []
        if lower in _SEPARATE_LABEL or (lower[:-1] in _SEPARATE_LABEL and lower.endswith("s")):
            candidates.append(("separate", _match_ending_at(_SEPARATE, text, tokens, index, 2)))
        if lower in ORGANISATION_HEADS or word in _LOWER_CLUB_PREFIXES:
            head = _HEAD.match(text, token.start) if lower in ORGANISATION_HEADS else None
            if head is None and (lower not in GENERIC_HEAD_WORDS or lower in _NAMED_BY_A_NOUN_HEADS):
                # "café noor", "bk olympic": in chat the name after a head is written small too;
                # after a word head only a word that is no ordinary Swedish word counts, or a
                # noun in the definite form ("fritidsgården rosen", "förskolan kastanjen"):
                # Swedish sets no second definite noun straight after the first but a name.
                head = _HEAD_LOWER.match(text, token.start)
                if head is not None:
                    name = head.group("name")
                    named_by_noun = _definite_noun(name, words)
                    ordinary = word not in _LOWER_CLUB_PREFIXES and words.is_ordinary(name)
                    if name in FUNCTION_WORDS or (
                            (lower in GENERIC_HEAD_WORDS or ordinary) and not named_by_noun):
                        head = None
            candidates.append(("head", head))
        if lower in CHAIN_HEADS:
            chain = _CHAIN.match(text, token.start)
            if chain is not None:
                place = chain.group(2).lower()
                if place in _PLACE_LOWER or place.split()[0] in _PLACE_LOWER:
                    if place not in _PLACE_LOWER:
                        chain = _CHAIN.match(text, token.start, chain.start(2) + len(place.split()[0]))
                    candidates.append(("chain", chain))
        if lower.endswith(_ADJECTIVE_ENDINGS) and index > 0:
            candidates.append(("adjective", _match_ending_at(_ADJECTIVE_ORG, text, tokens, index, 5)))
        if lower in _FIRM_WORDS:
            candidates.append(("firm", _FIRM.match(text, token.start)))
        if lower.endswith(_GROUP_ENDINGS):
            candidates.append(("firm", _GROUP_QUOTED.match(text, token.start)))
        if word == "Malmö" and not token.sentence_start:
            candidates.append(("malmo", _malmo_name(text, tokens, index, words)))
        if lower in INSTITUTION_NOUNS and index > 0:
            candidates.append(("institution", _INSTITUTION.match(text, tokens[index - 1].start)))
        if word in CLUB_MARKS:
            candidates.append(("club_after", _match_ending_at(_CLUB_AFTER, text, tokens, index, 3)))
        if word in _CLUB_PREFIXES:
            candidates.append(("club_before", _CLUB_BEFORE.match(text, token.start)))
        if word in _COMPANY_MARKS:
            candidates.append(("company", _match_ending_at(_COMPANY, text, tokens, index, 3)))
        if lower in _WORKPLACE_VERBS:
            candidates.append(("workplace", _WORKPLACE.match(text, token.start)))
        for kind, match in candidates:
            if match is not None:
                found[kind].append(match)
    return found


def _organisation_ending(lowered: str) -> tuple[str, str, bool] | None:
    """For a lower-case word ending like an organisation ("rosengårdsskolans"): the word without
    a possessive "s", the ending, and whether there was one; None for any other word."""
    if len(lowered) < 5 or lowered[-1] not in _ENDING_LAST_LETTERS:
        return None
    possessive = False
    if lowered.endswith("s") and lowered[:-1].endswith(_ENDINGS):
        lowered, possessive = lowered[:-1], True
    elif not lowered.endswith(_ENDINGS):
        return None
    return lowered, next(e for e in _ENDINGS if lowered.endswith(e)), possessive


# The lower-case words that end like an organisation.
_ENDING_WORDS = WordClass(lambda lower: _organisation_ending(lower) is not None)


def _first_word(phrase: str) -> str:
    found = re.match(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*", phrase)
    return found.group(0) if found else phrase


_SCHOOL_PHRASES = sorted({name.lower() for name in SCHOOL_NAMES}, key=len, reverse=True)
_SCHOOL_FIRST_WORDS = frozenset(_first_word(name) for name in _SCHOOL_PHRASES)
# Written in lower case and run over the lower-cased text, like the other long alternations.
_SCHOOL = re.compile(
    r"(?P<name>" + "|".join(re.escape(name).replace("\\ ", "[ \t]+") for name in _SCHOOL_PHRASES) + r")"
    r"(?P<tail>(?:[ \t]+(?:" + "|".join(sorted(SCHOOL_NAME_TAILS, key=len, reverse=True)) + r"))*)"
    r"(?P<suffix>s|'s|’s)?(?![\w\-])")
_SCHOOL_ANY_CASE = re.compile(_SCHOOL.pattern, re.IGNORECASE)


def known_schools(text: str, tokens: list[Token]) -> Iterator[Span]:
    """Schools known by a short name ("Bladins", "hermods", "malmö latin"), in any case."""
    lowered = lower_text(text)
    pattern, searched = (_SCHOOL, lowered) if len(lowered) == len(text) else (_SCHOOL_ANY_CASE, text)
    reached = 0
    for index in positions(tokens, lower_words(tokens) & _SCHOOL_FIRST_WORDS):
        token = tokens[index]
        if token.start < reached:
            continue
        match = pattern.match(searched, token.start)
        if match is None:
            continue
        name = match.group("name").lower()
        if name.endswith("s") and match.group("suffix") == "s" and not match.group("tail"):
            continue  # "hermodss" is no word
        if not match.group("tail") and name in SCHOOL_NAMES_NEEDING_A_SCHOOL_WORD:
            # "praktiska svårigheter" stays; "Praktiska" mid-sentence and "praktiska gymnasiet" go.
            capital = text[token.start].isupper() and not _sentence_start(text, token.start)
            if not capital or name in SCHOOL_NAMES_ALWAYS_NEEDING_ONE:
                continue
        end = match.end()
        suffix = match.group("suffix") or ""
        name_end = end - len(suffix)
        reached = end
        key = f"org:{lowered[token.start:name_end]}" if searched is lowered else f"org:{name}"
        yield Span(token.start, name_end + len(suffix), "school", key=key, suffix=suffix, priority=76)


def organisations(text: str, tokens: list[Token], words: WordList, is_name: frozenset[str]) -> Iterator[Span]:
    """Named schools, clubs, places of worship, associations and workplaces.

    ``is_name`` holds lower-case names and places known in this text, so a lower-case
    "rosengårdsskolan" counts while "musikskolan" stays an ordinary word.
    """
    for index in positions(tokens, _ENDING_WORDS.among(lower_words(tokens))):
        token = tokens[index]
        shape = _organisation_ending(token.lower)
        if shape is None:
            continue
        word = token.text
        lowered, ending, possessive_s = shape
        possessive = word[-1] if possessive_s else ""
        stem = word[:len(lowered) - len(ending)]
        if not stem or lowered in GENERIC_ORGANISATIONS or stem.lower() in {"hem", "skol", "sön", "ton"}:
            continue
        if lowered in _PLACE_LOWER:
            continue  # "Apelgården", "Herrgården": neighbourhoods, generalised as places
        core = stem.lower().rstrip("-")
        core = core[:-1] if core.endswith("s") else core
        named_before = stem[0].islower() and _named_before(text, tokens, token, words)
        if (stem[0].islower() and core not in is_name and core not in _PLACE_LOWER
                and core + "n" not in _PLACE_LOWER and core + "en" not in _PLACE_LOWER
                and words.is_ordinary(lowered) and not named_before):
            continue  # "musikskolan", "koranskola": ordinary; "lindängeskolan", "Malmö latinskola": named
        if (stem[0].isupper() and words.is_ordinary(lowered) and (token.sentence_start or lowered in words)
                and core not in _PLACE_LOWER and core not in is_name):
            continue  # "Kulturskolan" or "Grundskolan" opening a sentence is the ordinary word
        extend = stem[0].isupper() or named_before
        start = _with_prefix_words(text, token.start, words) if extend else token.start
        key = f"org:{text[start:token.end - len(possessive)].lower()}"
        yield Span(start, token.end, _ENDING_LABEL[ending], key=key, suffix=possessive, priority=74)
    triggered = _triggered(text, tokens, words)
    for match in triggered["separate"]:
        name = match.group(1)
        first = name.split()[0]
        if first in KEEP and first != "Malmö":
            continue
        if words.is_ordinary(first) and _sentence_start(text, match.start()) and " " not in name:
            continue
        if first.lower() in FUNCTION_WORDS or len(first) < 2 or name.lower() in {"hans", "deras"}:
            continue
        start = match.start()
        if " " in name and first.lower() in words and first not in _NAME_PREFIXES:
            start += len(first) + 1  # "Barnhälsoplan Tallbackens förskola": the plan is no part of the name
        possessive = match.group(3) or ""
        label = _SEPARATE_LABEL[match.group(2).lower()]
        yield Span(start, match.end(), label, key=f"org:{text[start:match.end()].lower().rstrip('s')}",
                   suffix=possessive, priority=73)
    for match in triggered["head"]:
        head = match.group(1).lower()
        label = ORGANISATION_HEADS.get(head, "association")
        # A capitalised head is part of the name ("Fritidsgården Rosen", "Restaurang Lotus"),
        # and then even "Malmö" after it names the place ("Komvux Malmö").
        capital_head = match.group(1)[0].isupper()
        opening = _sentence_start(text, match.start())
        if match.group("quoted"):
            start, end = match.start("quoted"), match.end("quoted")
        else:
            name_words = match.group("name").split()
            kept: list[str] = []
            for word in name_words:
                bare = word.rstrip(".,;:!?")
                if bare in KEEP and not (capital_head and not opening and bare == "Malmö"):
                    break
                kept.append(bare)
                if bare != word:
                    break
            if not kept:
                continue
            start = match.start("name")
            end = start + len(" ".join(kept))
        priority = 72
        key = f"org:{text[start:end].lower()}"
        if head not in GENERIC_HEAD_WORDS or capital_head:
            name = text[start:end]
            start, priority = match.start(1), 70  # "jobbar på Pizzeria Roma" stays a workplace
            key = f"org:{text[start:end].lower()}"
            if name[:1].isupper() and name not in KEEP and name.lower() not in _PLACE_LOWER:
                # "HVB-hemmet Solgläntan … personal på Solgläntan": the name alone is the same place.
                for other in re.finditer(rf"(?<![\wåäöÅÄÖ\-]){re.escape(name)}(?![\wåäöÅÄÖ\-])", text):
                    if other.start() != end - len(name):
                        yield Span(other.start(), other.end(), label, key=key, priority=69)
        yield Span(start, end, label, key=key, priority=priority)
    for match in triggered["chain"]:
        yield Span(match.start(), match.end(), "workplace", key=f"org:{match.group(0).lower()}", priority=72)
    for match in triggered["adjective"]:
        first = match.group(1).split()[0]
        adjective = first.lower().endswith("ska")  # "Kurdiska", "Somaliska": a language, here a name
        if first.lower() in FUNCTION_WORDS or (first in KEEP and first != "Malmö" and not adjective):
            continue
        if first.lower() in _PLACE_LOWER or first.lower()[:-1] in _PLACE_LOWER:
            continue  # "Holma center" is a place, generalised as one
        if words.is_ordinary(first) and not adjective and first not in _NAME_PREFIXES:
            continue  # "Nya kulturföreningen"; "Kurdiska kulturföreningen" is a name
        start = match.start()
        yield Span(start, match.end(), _adjective_label(match.group(3)),
                   key=f"org:{text[start:match.end()].lower()}", priority=74)
    for match in triggered["institution"]:
        place = match.group(1).lower()
        if place not in _PLACE_LOWER and place[:-1] not in _PLACE_LOWER:
            continue
        yield Span(match.start(), match.end(), "organisation", key=f"org:{match.group(0).lower()}",
                   priority=76)
    for match in triggered["club_after"]:
        name = match.group(1).split()
        opening = _sentence_start(text, match.start())
        while name and ((opening and words.is_ordinary(name[0])) or (name[0] in KEEP and name[0] != "Malmö")):
            name = name[1:]
        if not name:
            continue
        start = text.index(name[0], match.start(1))
        key = f"org:{text[start:match.end()].lower()}"
        yield Span(start, match.end(), "association", key=key, priority=73)
    for match in triggered["club_before"]:
        key = f"org:{match.group(0).lower()}"
        yield Span(match.start(), match.end(), "association", key=key, priority=73)
    for match in triggered["company"]:
        name = match.group(1).split()
        opening = _sentence_start(text, match.start())
        while name and ((opening and name[0].lower() in words) or name[0] in KEEP):
            name = name[1:]
            opening = False
        if not name:
            continue
        start = text.index(name[0], match.start(1))
        yield Span(start, match.end(), "organisation", key=f"org:{text[start:match.end()].lower()}",
                   priority=73)
    for match in triggered["workplace"]:
        name = match.group(1).split()
        kept = []
        # "Thai Garden", "Malmö Stadsteater": a kept word is part of a longer name.
        longer = any(word not in KEEP and word != "&" and word.lower() not in _PLACE_LOWER
                     for word in name[1:])
        for word in name:
            if word in KEEP and not longer:
                break
            kept.append(word)
        if not kept or (len(kept) == 1 and kept[0].lower() in _PLACE_LOWER):
            continue
        start = match.start(1)
        end = start + len(" ".join(kept))
        label = "organisation" if match.group(0).lower().startswith("placera") else "workplace"
        yield Span(start, end, label, key=f"org:{text[start:end].lower()}", priority=71)
    # The verbs of attending are common words: they are looked at apart from the key words,
    # and only where a preposition follows.
    last = len(tokens) - 1
    for index in positions(tokens, lower_words(tokens) & _ATTEND_VERB_WORDS):
        if index < last and tokens[index + 1].lower in _ATTEND_PREPOSITIONS:
            attended = _attended_school(text, tokens, index, words)
            if attended is not None:
                start, end = attended.span(2)
                yield Span(start, end, "school", key=f"org:{attended.group(2)}", priority=71)
    for match in triggered["firm"]:
        name = match.group(1).strip()
        if name.split()[0] in KEEP or name.split()[0].lower() in FUNCTION_WORDS:
            continue
        start = match.start(1)
        after = text[start + len(name):start + len(name) + 2]
        if " " not in name and not re.match(r"\s*(?:[.,;)”\"]|$)", after):
            continue  # "ett företag, Amir jobbar där": one word before a verb is the next clause
        yield Span(start, start + len(name), "organisation", key=f"org:{name.lower()}", priority=72)
    for match in triggered["malmo"]:
        start, end = match.span()
        label = "organisation"
        for part in match.group(0).split():
            if part in CLUB_MARKS or part in _CLUB_PREFIXES:
                label = "association"
            elif part.lower().endswith(_ENDINGS):
                label = _ENDING_LABEL[next(e for e in _ENDINGS if part.lower().endswith(e))]
        yield Span(start, end, label, key=f"org:{text[start:end].lower()}", priority=75)
