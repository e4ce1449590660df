"""Template filters that turn rule-base codes into words for the provision pages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from enum import StrEnum

from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from varna.law import default_rulebase
from varna.law.rulebase import Provision
from varna.web.provisions import labels

register = template.Library()


def _lookup(table: Mapping[str, object], key: object) -> str:
    return str(table.get(str(key), key))


@register.filter
def group_title(key: str) -> str:
    return _lookup(labels.GROUP_TITLES, key)


@register.filter
def group_description(key: str) -> str:
    return _lookup(labels.GROUP_DESCRIPTIONS, key)


@register.filter
def kind_label(kind: str) -> str:
    return _lookup(labels.KIND_LABELS, kind)


@register.filter
def status_label(status: str) -> str:
    return _lookup(labels.STATUS_LABELS, status)


@register.filter
def status_explanation(status: str) -> str:
    return _lookup(labels.STATUS_EXPLANATIONS, status)


@register.filter
def strength_label(strength: str) -> str:
    return _lookup(labels.STRENGTH_LABELS, strength)


@register.filter
def harm_test_label(harm_test: str) -> str:
    return _lookup(labels.HARM_TEST_LABELS, harm_test)


@register.filter
def outcome_label(outcome: object) -> str:
    return _lookup(labels.OUTCOME_LABELS, getattr(outcome, "value", outcome))


@register.filter
def sources(provision: Provision) -> list[tuple[str, str]]:
    """The entry's sources as (label, text), statute first and the guideline last."""
    order = {key: i for i, key in enumerate(labels.SOURCE_ORDER)}
    keys = sorted(provision.source, key=lambda k: order.get(k, len(order)))
    return [(_lookup(labels.SOURCE_LABELS, key), provision.source[key]) for key in keys]


@register.filter
def vocabulary(value: object, group: str) -> str:
    """A code's label from the rule base's vocabulary, in the page's language."""
    code = str(getattr(value, "value", value))
    entry = default_rulebase().vocabulary.get(group, {}).get(code)
    if not isinstance(entry, dict):
        return code
    language = "en" if (get_language() or "sv").startswith("en") else "sv"
    return str(entry.get(language) or entry.get("sv") or code)


@register.filter
def in_force_text(provision: Provision) -> str:
    start, end = provision.in_force.start, provision.in_force.end
    if start and end:
        return _("%(start)s – %(end)s") % {"start": start.isoformat(), "end": end.isoformat()}
    if start:
        return _("from %(start)s, until further notice") % {"start": start.isoformat()}
    if end:
        return _("until %(end)s") % {"end": end.isoformat()}
    return _("no dates given")


@register.filter
def in_force_on(provision: Provision, day: dt.date) -> bool:
    return provision.in_force.covers(day)


@register.filter
def in_order(members: Iterable[StrEnum]) -> list[StrEnum]:
    """Enum members in the order the engine declares them (sets have no stable order)."""
    return sorted(members, key=lambda m: list(type(m).__members__.values()).index(m))
