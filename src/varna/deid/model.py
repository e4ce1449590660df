"""The results of de-identification, as the contract ``shared/contracts/deid.md`` names them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Every label an entity can carry, with the word its placeholder uses. Generalised kinds
# (place, age, school class, date) are rewritten into words instead of a placeholder.
PLACEHOLDER_WORDS: dict[str, str] = {
    "person": "Person",
    "personnummer": "Personnummer",
    "samordningsnummer": "Samordningsnummer",
    "phone": "Telefon",
    "email": "E-post",
    "url": "Webbadress",
    "handle": "Konto",
    "vehicle": "Registreringsnummer",
    "address": "Adress",
    "postcode": "Postnummer",
    "birth_date": "Födelsedatum",
    "case_number": "Ärendenummer",
    "number": "Nummer",
    "school": "Skola",
    "association": "Förening",
    "organisation": "Organisation",
    "workplace": "Arbetsplats",
    "place_of_worship": "Trossamfund",
}
GENERALISED_LABELS: frozenset[str] = frozenset({"place", "age", "school_class", "date", "birth_year"})

# Short Swedish descriptions for the page that shows the changes, one per label.
LABELS_SV: dict[str, str] = {
    "person": "namn på person",
    "personnummer": "personnummer",
    "samordningsnummer": "samordningsnummer",
    "phone": "telefonnummer",
    "email": "e-postadress",
    "url": "webbadress",
    "handle": "konto i sociala medier",
    "vehicle": "registreringsnummer",
    "address": "gatuadress",
    "postcode": "postnummer",
    "birth_date": "födelsedatum",
    "birth_year": "födelseår",
    "case_number": "ärende- eller diarienummer",
    "number": "annat nummer som kan peka ut någon",
    "school": "skola eller förskola",
    "association": "förening eller klubb",
    "organisation": "organisation eller verksamhet",
    "workplace": "arbetsplats",
    "place_of_worship": "moské, kyrka eller församling",
    "place": "stadsområde, bostadsområde eller plats",
    "age": "ålder",
    "school_class": "skolklass",
    "date": "datum",
}


# Short Swedish names of the residual-risk labels, for the page that lists them.
RISK_LABELS_SV: dict[str, str] = {
    "age_and_class": "ålder tillsammans med årskurs eller skola",
    "family_relation": "anhörig i en uppmärksammad situation",
    "rare_event": "ovanlig eller uppmärksammad händelse",
    "rare_profession": "ovanligt yrke eller uppdrag",
    "nickname": "smeknamn eller alias",
    "small_place": "ort eller egennamn som finns kvar",
    "other_script": "text i annan skrift",
}


@dataclass(frozen=True, slots=True)
class Entity:
    """One replaced span: offsets into the input, so a page can highlight the original."""

    start: int
    end: int
    label: str
    text: str
    replacement: str

    def as_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "label": self.label, "text": self.text,
                "replacement": self.replacement}


@dataclass(frozen=True, slots=True)
class ResidualRisk:
    """Something left in the text that may identify someone in combination with other facts."""

    label: str
    text: str
    advice: str

    def as_dict(self) -> dict[str, str]:
        return {"label": self.label, "text": self.text, "advice": self.advice}


@dataclass(frozen=True, slots=True)
class Result:
    """The de-identified text, what was replaced, and what risk a person must still judge."""

    text: str
    entities: tuple[Entity, ...] = ()
    residual_risks: tuple[ResidualRisk, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "entities": [e.as_dict() for e in self.entities],
                "residual_risks": [r.as_dict() for r in self.residual_risks]}


@dataclass(slots=True)
class Span:
    """A detection inside the pipeline, before placeholders are numbered.

    ``key`` groups spans that are the same thing (the same person, the same phone number);
    ``replacement`` is set for generalisations and left empty for numbered placeholders;
    ``suffix`` keeps a possessive "s" after the placeholder; ``priority`` decides overlaps.
    """

    start: int
    end: int
    label: str
    key: str = ""
    replacement: str = ""
    suffix: str = ""
    priority: int = 50
    word: str = ""
    parts: tuple[str, ...] = field(default_factory=tuple)
