"""Names for the municipality's entries as the knowledge pages and the search show them.

A municipality file names contacts by what a person reads ("SSP-samordnaren i ditt
stadsområde"); five districts have one each, so on a page that lists them all – or
in a search hit – the name alone does not say which is which. These functions give
every entry a title that is unique and readable, the same for the pages and the search.
"""

from __future__ import annotations

from functools import cache

from varna.guide.model import Authority, ContactPoint, District, Municipality, Unit

Actor = Authority | Unit


def actor_get(municipality: Municipality, ident: str) -> Actor | None:
    """An authority, partner or unit by id (they share one namespace in the file)."""
    for find in (municipality.authority, municipality.unit):
        try:
            return find(ident)
        except KeyError:
            continue
    return None


def district_title(district: District) -> str:
    """"Stadsområde Norr": the district's name alone ("Norr") reads as a direction."""
    return f"Stadsområde {district.name_sv}"


@cache
def _shared_functions(municipality: Municipality) -> frozenset[str]:
    seen: set[str] = set()
    shared: set[str] = set()
    for contact in municipality.contacts:
        (shared if contact.function_sv in seen else seen).add(contact.function_sv)
    return frozenset(shared)


def contact_qualifier(municipality: Municipality, contact: ContactPoint) -> str:
    """What tells this contact from others with the same function: its districts, or its unit."""
    if contact.districts:
        return ", ".join(municipality.district(d).name_sv for d in contact.districts)
    return municipality.unit(contact.unit).name_sv


def contact_title(municipality: Municipality, contact: ContactPoint) -> str:
    """The contact's function, with its district or unit when another contact shares the function."""
    if contact.function_sv not in _shared_functions(municipality):
        return contact.function_sv
    return f"{contact.function_sv} – {contact_qualifier(municipality, contact)}"
