"""Template helpers of the plans pages: accessible widgets and the start page's panel."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms, template
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.safestring import SafeString

from varna.web.plans.permissions import can_read
from varna.web.plans.selectors import follow_up_for

register = template.Library()

PANEL_LIMIT = 5


def hint_id(bound: forms.BoundField) -> str:
    return f"{bound.auto_id}-hint"


def error_id(bound: forms.BoundField) -> str:
    return f"{bound.auto_id}-error"


@register.filter
def described_widget(bound: forms.BoundField) -> SafeString:
    """The field's widget, tied to its hint and error by aria-describedby."""
    ids = [hint_id(bound)] if bound.help_text else []
    attrs: dict[str, str | bool] = {}
    if bound.errors:
        ids.append(error_id(bound))
        attrs["aria-invalid"] = "true"
    if ids:
        attrs["aria-describedby"] = " ".join(ids)
    return bound.as_widget(attrs=attrs)


@register.filter
def is_checkbox(bound: forms.BoundField) -> bool:
    return isinstance(bound.field.widget, forms.CheckboxInput)


@register.filter
def is_checkbox_group(bound: forms.BoundField) -> bool:
    return isinstance(bound.field.widget, forms.CheckboxSelectMultiple)


@register.filter
def plain_number(value: Decimal | None) -> str:
    """A decimal without trailing zeros, in the page's language (100, 7,5); "–" when empty."""
    if value is None:
        return "–"
    normal = value.normalize()
    places = max(-int(normal.as_tuple().exponent), 0)
    return number_format(normal, decimal_pos=places)


@register.inclusion_tag("plans/_start_panel_body.html", takes_context=True)
def plans_start_panel(context: dict[str, Any]) -> dict[str, Any]:
    """Overdue and soon-due activities of the user's unit, for the workspace start page."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if not can_read(user):
        return {"shown": False}
    lists = follow_up_for(user, today=timezone.localdate(), mine=True, limit=PANEL_LIMIT)
    return {
        "shown": True,
        "overdue": lists.overdue,
        "due_soon": lists.due_soon,
        "limit": PANEL_LIMIT,
        "today": timezone.localdate(),
    }
