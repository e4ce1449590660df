"""Server-drawn SVG charts: one per area and domain, each factor a bar with its interval and the city.

No inline styles and no scripts (the CSP forbids both): geometry in attributes, colours
in site.css classes (``profiles-chart…``). Each chart is an image with a title and a
text description that says every number it draws; the same numbers stand in a table
beside it. A flagged factor's bar is marked by colour *and* by the words after its value.
"""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

WIDTH = 820
LEFT = 20
PLOT = 480  # the width of 0 … scale %
ROW = 46
TOP = 8
AXIS = 24


@dataclass(frozen=True)
class Bar:
    label: str
    pct: float
    ci_low: float
    ci_high: float
    city: float | None
    flagged: bool


def _n(value: float) -> str:
    text = f"{value:.1f}"
    return text if (get_language() or "sv").startswith("en") else text.replace(".", ",")


def _scale(bars: list[Bar]) -> float:
    top = max([b.ci_high for b in bars] + [b.city or 0.0 for b in bars] + [10.0])
    return float(min(100, math.ceil(top / 10) * 10))


def domain_chart(
    bars: list[Bar],
    *,
    title: str,
    hidden: list[str],
    city_label: str,
    flagged_label: str,
    hidden_label: str,
    description: str,
) -> SafeString:
    scale = _scale(bars)
    rows = len(bars) + len(hidden)
    height = TOP + rows * ROW + AXIS
    ident = "chart-" + hashlib.sha256(title.encode()).hexdigest()[:10]

    def x(value: float) -> float:
        return round(LEFT + PLOT * max(0.0, min(value, scale)) / scale, 1)

    parts = [
        f'<svg class="profiles-chart" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{ident}-title">{escape(title)}</title>',
        f'<desc id="{ident}-desc">{escape(description)}</desc>',
    ]
    bottom = TOP + rows * ROW
    for step in range(0, int(scale) + 1, 10 if scale <= 50 else 20):
        gx = x(step)
        parts.append(f'<line class="profiles-chart__grid" x1="{gx}" x2="{gx}" y1="{TOP}" y2="{bottom}"/>')
        parts.append(
            f'<text class="profiles-chart__tick" x="{gx}" y="{bottom + 16}" text-anchor="middle">'
            f"{step}\u00a0%</text>"
        )
    y = TOP
    for bar in bars:
        mid = y + 28
        flagged = " profiles-chart__bar--flagged" if bar.flagged else ""
        parts.append(
            f'<text class="profiles-chart__label" x="{LEFT}" y="{y + 13}">{escape(bar.label)}</text>'
        )
        parts.append(
            f'<rect class="profiles-chart__bar{flagged}" x="{LEFT}" y="{mid - 7}" '
            f'width="{max(x(bar.pct) - LEFT, 1.0)}" height="14"/>'
        )
        lo, hi = x(bar.ci_low), x(bar.ci_high)
        parts.append(
            f'<path class="profiles-chart__ci" d="M{lo} {mid - 5}V{mid + 5}M{lo} {mid}H{hi}M{hi} '
            f'{mid - 5}V{mid + 5}"/>'
        )
        value = f"{_n(bar.pct)}\u00a0%"
        if bar.city is not None:
            cx = x(bar.city)
            parts.append(
                f'<line class="profiles-chart__city" x1="{cx}" x2="{cx}" y1="{mid - 11}" y2="{mid + 11}" '
                'stroke-dasharray="3 2"/>'
            )
            parts.append(
                f'<path class="profiles-chart__city-mark" d="M{cx - 5} {mid + 17}L{cx + 5} {mid + 17}'
                f'L{cx} {mid + 11}Z"/>'
            )
            value += f" ({escape(city_label)} {_n(bar.city)}\u00a0%)"
        if bar.flagged:
            value += f" – {escape(flagged_label)}"
        parts.append(
            f'<text class="profiles-chart__value" x="{LEFT + PLOT + 8}" y="{mid + 4}">{value}</text>'
        )
        y += ROW
    for label in hidden:
        parts.append(f'<text class="profiles-chart__label" x="{LEFT}" y="{y + 13}">{escape(label)}</text>')
        parts.append(
            f'<text class="profiles-chart__hidden" x="{LEFT}" y="{y + 32}">{escape(hidden_label)}</text>'
        )
        y += ROW
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 – every text above is escaped
