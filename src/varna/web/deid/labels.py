"""The kinds of change as the page names and colours them.

Every label ``varna.deid`` can give has a name here, in English for the code and in
Swedish in the app's catalogue, and a colour group. The colour is never the only cue:
the legend names each kind, every highlight carries its kind as text for screen
readers, and the border says how the text was changed – solid for a placeholder,
dashed for a generalisation, double for a word the person marked, dotted for an
original the person kept.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from varna.deid import LABELS_SV
from varna.deid.model import GENERALISED_LABELS
from varna.web.deid.review import MARKED, Change

KINDS: dict[str, Promise] = {
    "person": _("Person's name"),
    "personnummer": _("Personal identity number"),
    "samordningsnummer": _("Co-ordination number"),
    "phone": _("Phone number"),
    "email": _("E-mail address"),
    "url": _("Web address"),
    "handle": _("Social media account"),
    "vehicle": _("Vehicle registration number"),
    "address": _("Street address"),
    "postcode": _("Postcode"),
    "birth_date": _("Date of birth"),
    "birth_year": _("Year of birth"),
    "case_number": _("Case or file number"),
    "number": _("Other number that may point to someone"),
    "school": _("School or preschool"),
    "association": _("Association or club"),
    "organisation": _("Organisation or business"),
    "workplace": _("Workplace"),
    "place_of_worship": _("Mosque, church or congregation"),
    "place": _("District, neighbourhood or place"),
    "age": _("Age"),
    "school_class": _("School class"),
    "date": _("Date"),
    MARKED: _("Word you marked"),
}

# Colour groups; site-wide colours are in site.css, these in deid/deid.css.
GROUPS: dict[str, str] = {
    "person": "person",
    "personnummer": "number",
    "samordningsnummer": "number",
    "case_number": "number",
    "number": "number",
    "vehicle": "number",
    "birth_date": "number",
    "phone": "contact",
    "email": "contact",
    "url": "contact",
    "handle": "contact",
    "address": "place",
    "postcode": "place",
    "place": "place",
    "school": "organisation",
    "association": "organisation",
    "organisation": "organisation",
    "workplace": "organisation",
    "place_of_worship": "organisation",
    "age": "time",
    "birth_year": "time",
    "school_class": "time",
    "date": "time",
    MARKED: "marked",
}

REPLACED, GENERALISED, REMOVED, KEPT = "replaced", "generalised", "removed", "kept"


def kind(label: str) -> str:
    """The kind's name in the active language; a label added to varna.deid later still gets a name."""
    if label in KINDS:
        return str(KINDS[label])
    if (get_language() or "sv").startswith("sv") and label in LABELS_SV:
        described = LABELS_SV[label]
        return described[:1].upper() + described[1:]
    return label.replace("_", " ").capitalize()


def group(label: str) -> str:
    return GROUPS.get(label, "other")


def how(change: Change) -> str:
    """How the text was changed, which decides the highlight's border."""
    if change.kept:
        return KEPT
    if change.marked:
        return REMOVED
    return GENERALISED if change.label in GENERALISED_LABELS else REPLACED


def spoken(change: Change) -> str:
    """What a screen reader hears after a highlight, such as "(replaced: person's name)"."""
    name = kind(change.label)
    name = name[:1].lower() + name[1:]
    messages = {
        REPLACED: _("(replaced: %(kind)s)"),
        GENERALISED: _("(generalised: %(kind)s)"),
        REMOVED: _("(removed: %(kind)s)"),
        KEPT: _("(original kept: %(kind)s)"),
    }
    return str(messages[how(change)]) % {"kind": name}
