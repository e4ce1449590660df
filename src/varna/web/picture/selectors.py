"""The numbers of the situational picture: counts of matters, never anything else.

The counts cover the matters of every authority, because the picture is the
coordination team's shared one (guideline 4.4: "skapa en gemensam lägesbild") and
Lag (2023:196) asks the municipality for a situational picture of its own. They are
read only as ``COUNT(*) … GROUP BY`` over the kind, level, kind of concern, district
and quarter a matter was opened – no title, description, person or authority is
ever selected – and are shown only after small-cell suppression
(:mod:`varna.web.picture.suppression`). Reading a matter itself still goes through
``varna.web.matters.access``.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, F, QuerySet
from django.db.models.functions import ExtractQuarter, ExtractYear
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from varna.web.core.municipality import current_municipality
from varna.web.matters.models import CONCERN_CHOICES, LEVEL_CHOICES, Kind, Matter
from varna.web.picture.suppression import Table, suppress_together

KINDS = (Kind.GROUP.value, Kind.INDIVIDUAL.value)


@dataclass(frozen=True, slots=True)
class Breakdown:
    """One table: a dimension's values down, group / individual / all across."""

    key: str
    title: str
    labels: list[str]  # without the totals row
    table: Table

    def rows(self) -> list[tuple[str, list[str], bool]]:
        """Each row's label, its shown cells and whether it is the totals row."""
        labels = [*self.labels, _("All")]
        return [
            (label, [self.table.shown(r, c) for c in range(3)], r == len(self.labels))
            for r, label in enumerate(labels)
        ]

    def bars(self) -> list[tuple[str, int | None]]:
        """The row totals for a chart: None where hidden."""
        return [
            (label, None if self.table.is_hidden(r, 2) else self.table.cells[r][2])
            for r, label in enumerate(self.labels)
        ]


def _counts(matters: QuerySet[Matter], field: str, values: list[str]) -> list[list[int]]:
    found = {
        (row["value"], row["kind"]): row["n"]
        for row in matters.values("kind", value=F(field)).annotate(n=Count("pk")).order_by()
    }
    return [[found.get((value, kind), 0) for kind in KINDS] for value in values]


def _quarters(matters: QuerySet[Matter], year: int | None) -> tuple[list[str], list[list[int]]]:
    """Every quarter from the first to the last with a matter; all four of a chosen year."""
    rows = list(
        matters.annotate(y=ExtractYear("opened_at"), q=ExtractQuarter("opened_at"))
        .values("kind", "y", "q")
        .annotate(n=Count("pk"))
        .order_by()
    )
    if not rows and year is None:
        return [], []
    found = {((row["y"], row["q"]), row["kind"]): row["n"] for row in rows}
    if year is not None:
        first, last = (year, 1), (year, 4)
    else:
        first, last = min((r["y"], r["q"]) for r in rows), max((r["y"], r["q"]) for r in rows)
    quarters = []
    year, quarter = first
    while (year, quarter) <= last:
        quarters.append((year, quarter))
        year, quarter = (year, quarter + 1) if quarter < 4 else (year + 1, 1)
    labels = [_("%(year)d Q%(quarter)d") % {"year": y, "quarter": q} for y, q in quarters]
    return labels, [[found.get((yq, kind), 0) for kind in KINDS] for yq in quarters]


def matter_years() -> list[int]:
    """The years in which matters were opened, newest first."""
    years = Matter.objects.annotate(y=ExtractYear("opened_at")).values_list("y", flat=True).distinct()
    return sorted({int(y) for y in years if y is not None}, reverse=True)


def picture(*, year: int | None = None) -> list[Breakdown]:
    """The four breakdowns, suppressed together."""
    matters = Matter.objects.all()
    if year is not None:
        matters = matters.filter(opened_at__year=year)
    municipality = current_municipality()
    level_values = [value for value, _label in LEVEL_CHOICES]
    concern_values = [value for value, _label in CONCERN_CHOICES]
    district_values = [d.id for d in municipality.districts]
    stray = sorted(
        set(matters.exclude(district__in=district_values).values_list("district", flat=True)) - {""}
    )
    district_labels = [_district_label(d.name_sv, d.name_en) for d in municipality.districts]
    # Matters without a district, or with one the organisation file no longer knows, count as "not stated".
    district_counts = _counts(matters, "district", district_values)
    unknown = _counts(matters, "district", ["", *stray])
    district_counts.append([sum(row[k] for row in unknown) for k in range(2)])
    quarter_labels, quarter_counts = _quarters(matters, year)
    specs = [
        (
            "level",
            _("By prevention level"),
            [str(label) for _v, label in LEVEL_CHOICES],
            _counts(matters, "level", level_values),
        ),
        (
            "concern",
            _("By kind of concern"),
            [str(label) for _v, label in CONCERN_CHOICES],
            _counts(matters, "concern", concern_values),
        ),
        ("district", _("By district"), [*district_labels, _("District not stated")], district_counts),
        ("quarter", _("By quarter opened"), quarter_labels, quarter_counts),
    ]
    specs = [spec for spec in specs if spec[3]]
    tables = suppress_together([counts for *_rest, counts in specs])
    return [
        Breakdown(key, title, labels, table)
        for (key, title, labels, _c), table in zip(specs, tables, strict=True)
    ]


def _district_label(swedish: str, english: str) -> str:
    return english if english and (get_language() or "sv").startswith("en") else swedish
