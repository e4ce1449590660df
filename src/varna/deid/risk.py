"""What may still identify someone after the direct identifiers are gone.

No tool can know whether a combination of facts points to one person in a small
school or neighbourhood; a person must judge that. These checks name the combinations
that most often do, with advice in Swedish, so the judgement is informed: an age with a
school class, a family member in a notable situation, an event that may have been in
the news, a rare occupation, a small place the tool kept, a nickname.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from varna.deid.model import ResidualRisk, Span
from varna.deid.names import WordClass, lower_text
from varna.deid.patterns import led_finditer

_RELATIVE = (r"(?:bror|brodern|brorsan|lillebror|storebror|syster|systern|syrran|pappa|pappan|mamma|mamman|"
             r"far|"
             r"fadern|mor|modern|farbror|morbror|moster|faster|kusin|kusinen|styvpappa|styvpappan|"
             r"morfar|farfar|mormor|farmor|föräldrar|föräldrarna|familj|familjen|släkt|släktingar|"
             r"halvbror|halvsyster|son|sonen|dotter|dottern)")
_FAMILY = re.compile(
    r"\b(?:hans|hennes|hens|deras|dess|elevens|ungdomens|pojkens|flickans|killens|tjejens|\[[^\]]{1,40}\]s)"
    rf"\s+{_RELATIVE}\b"
    r"[^.!?\n]{0,120}?\b(?:fängelse|sitter inne|avtjänar|dömd|dömdes|häktad|häktades|gripen|greps|död|dog|"
    r"dödad|dödades|mördad|skjuten|sköts|stupade|stupat|avliden|utvisad|utvisades|avvisad|åkte till|"
    r"reste till|"
    r"anslöt sig|strider|stred|krigare|känd|kända|ledare|ledande|imam|polis|politiker|sjuk|missbruk|"
    r"missbrukar|psykiskt|självmord|utbränd|arbetslös|is|syrien|irak)\w*")
_EVENT = re.compile(
    r"\b(?:skjutning|skottlossning|skjuten|sköts|mord|mördad|dödad|knivhuggen|knivhögg|knivskuren|"
    r"explosion|sprängning|sprängde|handgranat|bomb|bombhot|brand|brandattentat|mordbrand|terror\w*|"
    r"attentat|kidnapp\w*|bortförd|rymde|rymning|försvann|försvunnen|efterlyst|drunkn\w*|självmord|"
    r"hedersmord|hedersrelaterat|tvångsgift\w*|könsstympning|återvändare|återvände från|åkte till syrien|"
    r"reste till syrien|anslöt sig till|stod i tidningen|i tidningen|i media|i medierna|sydsvenskan|"
    r"kvällsposten|aftonbladet|expressen|uppmärksammad\w*|polisinsats|razzia|husrannsakan|"
    r"rättegång\w*|dom i tingsrätten|hovrätten|dödsfall)\b")
_PROFESSION = re.compile(
    r"\b(?:är|var|jobbar som|arbetar som|arbetade som|jobbade som|blev)\s+(?:en\s+|ett\s+|känd\s+)?("
    r"imam|präst|pastor|rabbin|politiker|riksdagsledamot|kommunalråd|ordförande|journalist|domare|åklagare|"
    r"advokat|läkare|kirurg|pilot|professor|diplomat|ambassadör|artist|rappare|musiker|skådespelare|"
    r"influencer|youtuber|proffs|fotbollsproffs|landslagsspelare|elitidrottare|kändis|författare|"
    r"företagsledare|vd|chef|ledare|polis|polisman|militär|officer|soldat|tolk)\b")
# Scripts the tool does not read: names written in them are not found.
_SCRIPTS = ("\u0370-\u03ff\u0400-\u04ff\u0530-\u058f\u0590-\u05ff\u0600-\u06ff\u0750-\u077f"
            "\u0e00-\u0e7f\u10a0-\u10ff\u1200-\u137f\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af")
_OTHER_SCRIPT = re.compile(f"[{_SCRIPTS}](?:[{_SCRIPTS} ]*[{_SCRIPTS}])?")
_NICKNAME = re.compile(r"\b(?:kallas|kallad|kallade|alias|smeknamn\w*|kallar sig)\b")
# The patterns above are written in lower case and run over lower-cased text: several times
# faster than IGNORECASE on long alternations. Where lower-casing changes the length (a
# few rare letters), the original text is searched with IGNORECASE instead.


# Words one of which the source must hold for a pattern to match the output: the tool only
# removes and rewrites words, it never writes these. A text without them skips the scan.
# Every match of ``_FAMILY`` holds a relative; of ``_PROFESSION`` an occupation; of
# ``_EVENT`` a word that the pattern matches alone, or the last word of one of its phrases.
_RELATIVES = frozenset(_RELATIVE.strip("(?:)").split("|"))
_OCCUPATIONS = frozenset(_PROFESSION.pattern.rpartition("(")[2].removesuffix(r")\b").split("|"))
_EVENT_PHRASE_WORDS = frozenset({"återvände", "syrien", "anslöt", "tidningen", "media", "medierna",
                                 "tingsrätten"})


def _word_parts(word: str) -> list[str]:
    return re.split(r"['’\-]", word)


_EVENT_WORDS = WordClass(lambda word: any(_EVENT.match(part) is not None or part in _EVENT_PHRASE_WORDS
                                          for part in _word_parts(word)))
_RELATIVE_WORDS = WordClass(lambda word: any(part in _RELATIVES for part in _word_parts(word)))
_OCCUPATION_WORDS = WordClass(lambda word: any(part in _OCCUPATIONS for part in _word_parts(word)))


# The same patterns without their leading word boundary: Python's engine skips quickly to
# where one of their first letters stands, and the full pattern is tried only there.
_LEADS = {pattern: re.compile(pattern.pattern.removeprefix(r"\b")) for pattern in (_FAMILY, _PROFESSION)}


def _scan(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Like ``pattern.finditer(text)``, for a pattern that matches no empty string."""
    lead = _LEADS.get(pattern)
    if lead is None:
        yield from pattern.finditer(text)
        return
    yield from led_finditer(pattern, lead, text)


def _snippet(text: str, start: int, end: int) -> str:
    return " ".join(text[start:end].split())


def residual_risks(source: str, output: str, spans: Iterable[Span],
                   kept_proper: Iterable[str], words: frozenset[str] | None = None) -> list[ResidualRisk]:
    """Risks in the de-identified ``output``; ``spans`` are what was replaced in ``source``.

    ``words``, the lower-case words of ``source`` when the caller has them, lets the scans
    for family situations, events and occupations be skipped where they cannot match.
    """
    risks: list[ResidualRisk] = []
    seen: set[tuple[str, str]] = set()

    def add(label: str, text: str, advice: str) -> None:
        if (label, text) not in seen:
            seen.add((label, text))
            risks.append(ResidualRisk(label, text, advice))

    chosen = list(spans)
    ages = [s for s in chosen if s.label in ("age", "birth_year", "birth_date")]
    classes = [s for s in chosen if s.label == "school_class"]
    schools = [s for s in chosen if s.label == "school"]
    if ages and (classes or schools):
        what = ages[0].replacement or "ålder"
        grade = classes[0].replacement if classes else "skola"
        add("age_and_class", f"{what} + {grade}",
            "Ålder och årskurs (eller skola) tillsammans kan peka ut en enskild elev, särskilt i en liten "
            "skola eller klass. Ta bort det ena om gruppen inte behöver det för att förstå ärendet.")
    lowered = output.lower()
    if len(lowered) != len(output):
        lowered = output

    gates = {_FAMILY: _RELATIVE_WORDS, _EVENT: _EVENT_WORDS, _PROFESSION: _OCCUPATION_WORDS}

    def find(pattern: re.Pattern[str]) -> Iterable[re.Match[str]]:
        if words is not None and not gates[pattern].among(words):
            return ()
        if lowered is output:
            return re.compile(pattern.pattern, re.IGNORECASE).finditer(output)
        return _scan(pattern, lowered)

    for match in find(_FAMILY):
        add("family_relation", _snippet(output, match.start(), match.end()),
            "En familjemedlems situation (till exempel fängelse, dödsfall eller resa till en konfliktzon) "
            "kan vara känd i området och avslöja vem det gäller. Beskriv den allmännare eller stryk den.")
    for match in find(_EVENT):
        sentence_start = output.rfind(".", 0, match.start()) + 1
        sentence_end = output.find(".", match.end())
        add("rare_event", _snippet(output, sentence_start, sentence_end if sentence_end > 0 else len(output)),
            "En ovanlig eller uppmärksammad händelse kan kännas igen även utan namn. Ange inte datum, plats "
            "eller detaljer som gör att händelsen går att slå upp.")
    for match in find(_PROFESSION):
        add("rare_profession", _snippet(output, match.start(), match.end()),
            "Ett ovanligt yrke eller uppdrag hos den enskilde eller en anhörig kan peka ut familjen. "
            "Skriv yrkesområdet mer allmänt om det behövs alls.")
    lowered_source = lower_text(source)
    cue = "kall" in lowered_source or "alias" in lowered_source or "smeknamn" in lowered_source
    if cue and _NICKNAME.search(lowered_source):
        add("nickname", "smeknamn",
            "Texten nämner ett smeknamn eller alias. Kontrollera att det är borta överallt, även i andra "
            "stavningar och i citat från chatt eller sociala medier.")
    for match in _OTHER_SCRIPT.finditer(output):
        add("other_script", _snippet(output, match.start(), match.end())[:80],
            "Texten innehåller ord i en annan skrift (till exempel arabisk eller kyrillisk) som verktyget "
            "inte kan granska. Kontrollera att där inte står namn, adresser eller annat som pekar ut någon.")
    for name in sorted(set(kept_proper)):
        add("small_place", name,
            f"\"{name}\" är kvar i texten. Om det är en liten ort, en gata, en verksamhet eller ett namn "
            "kan det peka ut någon – ersätt det i så fall med en allmän beskrivning.")
    return risks
