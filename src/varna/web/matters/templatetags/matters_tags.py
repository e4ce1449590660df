"""Template helpers of the workspace's matter pages."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import get_language

register = template.Library()


@register.filter
def unit_name(unit: Any) -> str:
    """A unit's name in the page's language (the Swedish name when no English one is on file)."""
    if unit is None:
        return ""
    english_name = str(getattr(unit, "name_en", None) or "")
    if english_name and (get_language() or "sv").startswith("en"):
        return english_name
    return str(unit.name)
