"""Horizontal bar charts as server-rendered SVG: attributes only, no inline style (CSP).

The chart repeats the row totals of its table; the table beside it holds the same
numbers for screen readers and print. A hidden (suppressed) count gets no bar and
the sign "–", so the chart never tells more than the table.
"""

from __future__ import annotations

from dataclasses import dataclass

from varna.web.picture.selectors import Breakdown
from varna.web.picture.suppression import HIDDEN

BAR_AREA = 480  # the longest bar
ROW_HEIGHT = 42  # a label line above each bar, so long labels are never cut


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    label_y: int
    y: int
    width: int
    value: str
    value_x: int
    value_y: int


@dataclass(frozen=True, slots=True)
class Chart:
    bars: list[Bar]
    height: int
    width: int


def bar_chart(breakdown: Breakdown) -> Chart:
    values = breakdown.bars()
    largest = max((v for _label, v in values if v is not None), default=0)
    bars = []
    for index, (label, value) in enumerate(values):
        width = 0 if not value or not largest else max(2, round(BAR_AREA * value / largest))
        top = index * ROW_HEIGHT
        bars.append(
            Bar(
                label=label,
                label_y=top + 14,
                y=top + 20,
                width=width,
                value=HIDDEN if value is None else str(value),
                value_x=width + 6,
                value_y=top + 33,
            )
        )
    return Chart(bars=bars, height=max(len(values), 1) * ROW_HEIGHT, width=BAR_AREA + 60)
