"""Template tags for the knowledge pages: names in the page's language, codes in words, links.

Names of the organisation are Swedish proper names with an English name where the
file gives one; on an English page a name without one is shown in Swedish and marked
``lang="sv"`` so a screen reader pronounces it right.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from varna.guide.search import DocKind, Hit, Snippet
from varna.law import Actor, default_rulebase
from varna.web.knowledge import labels
from varna.web.knowledge.selectors import Link, index_url, page_url

register = template.Library()


def _english() -> bool:
    return (get_language() or "sv").startswith("en")


@register.simple_tag
def name(swedish: str, english: str = "") -> SafeString:
    """The English name on an English page when there is one; otherwise the Swedish, marked."""
    if _english() and english:
        return format_html("{}", english)
    if _english():
        return format_html('<span lang="sv">{}</span>', swedish)
    return format_html("{}", swedish)


@register.simple_tag
def plain_name(swedish: str, english: str = "") -> str:
    """The same choice as ``name`` without markup, for ``<title>``."""
    return english if _english() and english else swedish


@register.simple_tag
def link_to(item: Link) -> SafeString:
    """``<a href=…>`` to another page, its title in the page's language."""
    return format_html('<a href="{}">{}</a>', item.url, name(item.title, item.title_en))


def _lookup(table: Mapping[str, object], key: object) -> str:
    return str(table.get(str(key), key))


@register.filter
def kind_label(kind: object) -> str:
    return _lookup({str(k): v for k, v in labels.KIND_LABELS.items()}, kind)


@register.filter
def section_title(kind: object) -> str:
    return _lookup({str(k): v for k, v in labels.SECTION_TITLES.items()}, kind)


@register.filter
def section_url(kind: object) -> str:
    return index_url(DocKind(str(kind)))


@register.filter
def role_label(role: object) -> str:
    return _lookup({str(k): v for k, v in labels.ROLE_LABELS.items()}, role)


@register.filter
def authority_kind_label(kind: str) -> str:
    return _lookup(labels.AUTHORITY_KIND_LABELS, kind)


@register.filter
def national_kind_label(kind: str) -> str:
    return _lookup(labels.NATIONAL_KIND_LABELS, kind)


@register.filter
def actor_kind_label(actor: Actor) -> str:
    """The law's actor kind in the page's language, from the rule base's vocabulary."""
    entry = default_rulebase().vocabulary.get("actors", {}).get(actor.value)
    if not isinstance(entry, dict):
        return actor.value
    return str(entry.get("en" if _english() else "sv") or entry.get("sv") or actor.value)


@register.filter
def tel_href(phone: str) -> str:
    """A ``tel:`` address: "040-340550" → "tel:+4640340550"; short numbers ("112") stay as they are."""
    digits = re.sub(r"\D", "", phone)
    if phone.strip().startswith("+"):
        return f"tel:+{digits}"
    if digits.startswith("0"):
        return f"tel:+46{digits[1:]}"
    return f"tel:{digits}"


@register.filter
def marked(snippet: Snippet) -> SafeString:
    """A search snippet: its text escaped, matched words in ``<mark>``."""
    return mark_safe(snippet.html())  # noqa: S308 - Snippet.html() escapes every part itself


@register.filter
def hit_url(hit: Hit) -> str:
    return page_url(hit.document.kind, hit.document.ident)


@register.filter
def hit_title(hit: Hit) -> SafeString:
    """The hit's title in the page's language, marked; a Swedish title on an English page gets lang."""
    if _english() and hit.document.title_en:
        return marked(hit.title_en)
    if _english():
        return format_html('<span lang="sv">{}</span>', marked(hit.title))
    return marked(hit.title)
