"""Microsoft Presidio set up as well as it can be for Swedish without fetching anything.

The comparison in ``bench/deid.py`` is only worth reading if Presidio gets a fair chance,
so this module gives it everything a careful integrator could give it offline:

* Presidio's own slim spaCy engine with a *blank* Swedish pipeline (``spacy.blank("sv")``:
  tokenizer and stop words, no trained model, nothing downloaded);
* Presidio's language-neutral pattern recognizers, instantiated for ``sv`` (e-mail, phone
  numbers with region SE, URL, dates, IBAN, credit card, IP, …) and its two Swedish ones
  (personnummer, also accepting a space as separator; organisationsnummer);
* Swedish recognizers written here with ordinary regular expressions: postcodes, vehicle
  registration numbers, street addresses, social-media handles, named schools, churches,
  mosques and clubs by their endings;
* a deny list of first names, surnames and nicknames – the very list ``varna.deid`` ships in
  ``src/varna/deid/data/names.tsv`` (Faker locales plus hand lists) – with or without a
  possessive ``s``, less the names that are Swedish stop words in spaCy ("Vi", "Man",
  "Till", "Alla"), which would otherwise go everywhere. By default it ignores case, as
  Presidio's ``deny_list`` does: chats write names in lower case, and on this corpus that
  gives Presidio more recall (0.66 against 0.56) for fewer words kept (0.98 against 1.00);
  ``names_ignore_case=False`` gives the other trade-off.

The deny list is compiled into one trie-shaped regular expression instead of Presidio's
``deny_list=`` alternation: the same matches, but 28,000 alternatives tried at every
position would make Presidio look slower than it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

NAMES_FILE = Path(__file__).resolve().parents[1] / "src" / "varna" / "deid" / "data" / "names.tsv"
LANGUAGE = "sv"
# Presidio's default flags less IGNORECASE: most patterns below rely on case (a vehicle
# registration is upper case, "och 12" is not one); those written for both add it back.
CASE_FLAGS = re.DOTALL | re.MULTILINE

_UPPER = "A-ZÅÄÖÉÜ"
_LOWER = "a-zåäöéü"
_STREET_ENDINGS = (
    "gatan", "vägen", "gränd", "gången", "allén", "allé", "stigen", "backe", "backen", "torg",
    "torget", "plan", "platsen", "leden", "stråket", "promenaden", "esplanaden", "kajen", "parken",
    "väg", "gata",
)
_ORGANISATION_ENDINGS = (
    "skolan", "skola", "gymnasiet", "gymnasium", "förskolan", "förskola", "moskén", "moské",
    "kyrkan", "kyrka", "församlingen", "församling", "föreningen", "förening",
)
# Swedish postcodes: three digits, an optional space, two digits, then the postal town.
POSTCODE = rf"\b[1-9]\d{{2}} ?\d{{2}}\b(?=,?\s+[{_UPPER}])"
# Vehicle registration: ABC 123 and the new ABC 12D; mopeds ABC 12 (class I: 3 letters, 2 digits).
VEHICLE = r"\b[A-HJ-PR-UW-Z]{3} ?\d{2}[A-HJ-PR-UW-Z0-9]?\b"
# A street name (up to three words before a known ending, "Von Rosens väg"), a house number
# or range, a letter, then a flat number or floor. Matched ignoring case: chats write lower case.
STREET_ADDRESS = (
    rf"\b(?:(?-i:(?:[{_UPPER}][{_LOWER}]+ ){{1,3}})|[{_LOWER}]+s (?=väg|gata|allé))?"
    rf"[{_LOWER}-]*(?:{'|'.join(_STREET_ENDINGS)})"
    r"\s+\d{1,4}(?:\s?[–-]\s?\d{1,4})?\s?[A-Za-z]?\b"
    r"(?:,?\s*(?:lgh|lägenhet)\.?\s*\d{1,5})?(?:,?\s*\d\s*tr\b)?"
)
# "@name"; a word joined by underscores ("abdi_k", "amiir.k_08"); a Discord tag ("kian#0451").
HANDLE = (
    r"(?<![\w.])@[A-Za-z0-9_][A-Za-z0-9_.]{1,29}"
    r"|(?<![\w@.])[A-Za-z][A-Za-z0-9.]*(?:_[A-Za-z0-9.]+)+\b"
    r"|\b[A-Za-z][A-Za-z0-9_.]{1,30}#\d{4}\b"
)
ORGANISATION = (
    rf"\b(?:[{_UPPER}][{_LOWER}-]*(?:{'|'.join(_ORGANISATION_ENDINGS)})"
    rf"|(?:IK|IF|FC|BK|FF|IFK|KFUM|SK) [{_UPPER}][{_LOWER}]+)\b"
)
PERSONNUMMER_WITH_SPACE = r"\b(?:\d{6}|\d{8}) \d{4}\b"


@dataclass(frozen=True, slots=True)
class Found:
    """One span Presidio's analyzer reported, offsets into the input."""

    start: int
    end: int
    label: str


def read_names(path: Path = NAMES_FILE) -> list[str]:
    """The names ``varna.deid`` knows, one per line of ``names.tsv`` (``name<TAB>flags``)."""
    names = []
    for line in path.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            names.append(line.split("\t", 1)[0])
    return names


def trie_regex(words: Iterable[str]) -> str:
    """One regular expression matching exactly the given words, shaped as a prefix tree."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        ending = "" in node
        body = "(?:" + "|".join(branches) + ")" if len(branches) > 1 or ending else branches[0]
        return body + "?" if ending else body

    return build(trie)


def _keep_tldextract_offline() -> None:
    """Presidio's e-mail recognizer asks tldextract, which by default fetches the public
    suffix list from the internet on first use. The project allows no network beyond the
    package registries, so it is given the snapshot that ships inside tldextract."""
    import tldextract
    from presidio_analyzer.predefined_recognizers.generic import email_recognizer

    offline = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
    email_recognizer.tldextract.extract = offline  # type: ignore[attr-defined]


class PresidioSwedish:
    """Presidio's analyzer and anonymizer with the Swedish configuration described above."""

    def __init__(self, names_ignore_case: bool = True) -> None:
        from presidio_analyzer import AnalyzerEngine, Pattern, PatternRecognizer, RecognizerRegistry
        from presidio_analyzer.nlp_engine import SlimSpacyNlpEngine
        from presidio_analyzer.predefined_recognizers import (
            CreditCardRecognizer,
            CryptoRecognizer,
            DateRecognizer,
            EmailRecognizer,
            IbanRecognizer,
            IpRecognizer,
            MacAddressRecognizer,
            PhoneRecognizer,
            SeOrganisationsnummerRecognizer,
            SePersonnummerRecognizer,
            UrlRecognizer,
            UuidRecognizer,
        )
        from presidio_anonymizer import AnonymizerEngine
        from spacy.lang.sv.stop_words import STOP_WORDS

        _keep_tldextract_offline()
        nlp_engine = SlimSpacyNlpEngine(supported_languages=[LANGUAGE], auto_download=False,
                                        generic_tokenizer="blank")
        nlp_engine.load()
        personnummer = SePersonnummerRecognizer(
            patterns=[*SePersonnummerRecognizer.PATTERNS,
                      Pattern("Swedish Personnummer (space)", PERSONNUMMER_WITH_SPACE, 0.5)])
        names = sorted({name for name in read_names() if name.lower() not in STOP_WORDS})
        name_regex = rf"(?<!\w)(?:{trie_regex(names)})s?(?!\w)"

        def swedish(entity: str, label: str, regex: str, score: float, flags: int = 0) -> Any:
            return PatternRecognizer(supported_entity=entity, name=label, supported_language=LANGUAGE,
                                     patterns=[Pattern(label, regex, score)],
                                     global_regex_flags=CASE_FLAGS | flags)

        recognizers = [
            CreditCardRecognizer(supported_language=LANGUAGE),
            CryptoRecognizer(supported_language=LANGUAGE),
            DateRecognizer(supported_language=LANGUAGE),
            EmailRecognizer(supported_language=LANGUAGE),
            IbanRecognizer(supported_language=LANGUAGE),
            IpRecognizer(supported_language=LANGUAGE),
            MacAddressRecognizer(supported_language=LANGUAGE),
            PhoneRecognizer(supported_language=LANGUAGE, supported_regions=("SE",)),
            UrlRecognizer(supported_language=LANGUAGE),
            UuidRecognizer(supported_language=LANGUAGE),
            personnummer,
            SeOrganisationsnummerRecognizer(),
            swedish("PERSON", "SwedishNameList", name_regex, 0.6, re.IGNORECASE if names_ignore_case else 0),
            swedish("LOCATION", "SwedishPostcode", POSTCODE, 0.5),
            swedish("VEHICLE", "SwedishVehicleRegistration", VEHICLE, 0.5),
            swedish("LOCATION", "SwedishStreetAddress", STREET_ADDRESS, 0.6, re.IGNORECASE),
            swedish("HANDLE", "SocialMediaHandle", HANDLE, 0.5),
            swedish("ORGANIZATION", "SwedishOrganisationEnding", ORGANISATION, 0.5),
        ]
        registry = RecognizerRegistry(recognizers=recognizers, supported_languages=[LANGUAGE])
        self.analyzer = AnalyzerEngine(registry=registry, nlp_engine=nlp_engine,
                                       supported_languages=[LANGUAGE])
        self.anonymizer = AnonymizerEngine()
        self.name_count = len(names)
        self.names_ignore_case = names_ignore_case
        self.recognizer_names = [recognizer.name for recognizer in recognizers]

    def find(self, text: str) -> list[Found]:
        """The spans the analyzer reports for one text."""
        return [Found(r.start, r.end, r.entity_type) for r in self.analyzer.analyze(text, language=LANGUAGE)]

    def run(self, text: str) -> str:
        """The whole de-identification: analyse, then replace (Presidio's default ``<ENTITY>``)."""
        results = self.analyzer.analyze(text, language=LANGUAGE)
        return str(self.anonymizer.anonymize(text=text, analyzer_results=results).text)

    def describe(self) -> str:
        """What is active, for the printed report."""
        return (f"blank spaCy 'sv' (SlimSpacyNlpEngine, nothing downloaded); recognizers: "
                f"{', '.join(self.recognizer_names)}; SwedishNameList = {self.name_count:,} names "
                f"from src/varna/deid/data/names.tsv (the list Värna ships), "
                f"{'ignoring case' if self.names_ignore_case else 'case-sensitive'}, optional "
                f"possessive s, spaCy sv stop words removed; no model downloaded")
