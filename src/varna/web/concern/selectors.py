"""Reads for the interview: the municipality, the guide's routing, and links out of it.

Nothing here writes. The municipality is the bundled organisation file (Malmö 2015);
``municipality()`` is the one place that says so, so a test – or later a setting –
can swap in another municipality's file and see every answer change with it. The
routing is the domain's ``route_concern``; this module only adds what a page needs
that the domain must not know: URLs of provision pages and of the /dela/ wizard.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import QueryDict
from django.urls import NoReverseMatch, reverse

from varna.guide import Municipality
from varna.guide.concern import Concern, Routing, route_concern
from varna.web.core.municipality import current_municipality
from varna.web.provisions.selectors import provision_url_for_citation
from varna.web.sharing.forms import AnswersForm
from varna.web.sharing.wizard import plan as sharing_plan
from varna.web.sharing.wizard import query_items as sharing_query_items


def municipality() -> Municipality:
    """The organisation the interview routes through (``VARNA_MUNICIPALITY_FILE``)."""
    return current_municipality()


def routing_for(concern: Concern, *, on_date: dt.date) -> Routing:
    """The guide's answer; raises :class:`varna.guide.concern.ConcernError` for an answer it refuses."""
    return route_concern(concern, municipality=municipality(), on_date=on_date)


@dataclass(frozen=True, slots=True)
class DistrictOption:
    value: str
    label: str


@dataclass(frozen=True, slots=True)
class DistrictGroup:
    """One district and the neighbourhoods in it, as an ``<optgroup>`` of the district question."""

    label: str
    options: tuple[DistrictOption, ...]


def district_groups(whole: str) -> tuple[DistrictGroup, ...]:
    """Each district, then its neighbourhoods: choosing "Rosengård" is choosing Öster.

    ``whole`` is the label pattern for the district itself ("%(name)s – the whole district").
    """
    groups = []
    for d in municipality().districts:
        options = [DistrictOption(d.id, whole % {"name": d.name_sv})]
        options += [DistrictOption(n, n) for n in d.neighbourhoods]
        groups.append(DistrictGroup(d.name_sv, tuple(options)))
    return tuple(groups)


def example_neighbourhood() -> str:
    """A neighbourhood to name in the hint, from the file itself (Malmö's first is Centrum)."""
    return next((n for d in municipality().districts for n in d.neighbourhoods), "")


def district_known(value: str) -> bool:
    return municipality().find_district(value) is not None


def district_label(value: str) -> str:
    """"Rosengård (Öster)", or the district's name when the district itself was chosen."""
    district = municipality().find_district(value)
    if district is None:
        return value
    if value.strip().casefold() in {district.id.casefold(), district.name_sv.casefold()}:
        return district.name_sv
    return f"{value.strip()} ({district.name_sv})"


@dataclass(frozen=True, slots=True)
class CitationLink:
    citation: str
    url: str | None


def citation_links(citations: tuple[str, ...], *, on_date: dt.date) -> tuple[CitationLink, ...]:
    return tuple(CitationLink(c, provision_url_for_citation(c, on_date=on_date)) for c in citations)


def share_url(query: Mapping[str, tuple[str, ...]]) -> str | None:
    """The /dela/ wizard with the question already answered, or ``None`` when there is none.

    The query goes through the wizard's own form and plan first, so the link carries
    only answers the wizard would itself keep: an authority it does not need, or does
    not know, is left out rather than shown as a dropped answer when the page opens.
    """
    if not query:
        return None
    data = QueryDict(mutable=True)
    for name, values in query.items():
        data.setlist(name, list(values))
    form = AnswersForm(data)
    form.is_valid()
    settled = sharing_plan(form.answers()).answers
    return reverse("sharing:wizard") + "?" + urlencode(sharing_query_items(settled))


def concern_note_url() -> str | None:
    """The concern note, where a person can write down what they saw without sending it anywhere.

    Another app provides it; until it is installed there is nothing to link to.
    """
    try:
        return reverse("concern_note:form")
    except NoReverseMatch:
        return None


_TEL = re.compile(r"[^\d+]")


def tel_href(phone: str) -> str:
    """A ``tel:`` address for a Swedish number as the file writes it ("040-340550" → "tel:040340550")."""
    return "tel:" + _TEL.sub("", phone)
