"""The situational picture (lägesbild): suppressed counts as tables, bar charts and CSV."""

from __future__ import annotations

from http import HTTPStatus

from django import forms
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from varna.web.core.spreadsheet import csv_download
from varna.web.picture.charts import bar_chart
from varna.web.picture.selectors import matter_years, picture
from varna.web.plans.guards import reader


class YearForm(forms.Form):
    year = forms.TypedChoiceField(
        label=gettext_lazy("Year opened"),
        coerce=int,
        required=False,
        empty_value=None,
        error_messages={"invalid_choice": gettext_lazy("Choose one of the years in the list.")},
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["year"].choices = [("", _("All years")), *[(y, str(y)) for y in matter_years()]]  # type: ignore[attr-defined]


def _year(request: HttpRequest) -> tuple[YearForm, int | None, bool]:
    form = YearForm(request.GET if "year" in request.GET else None)
    if form.is_bound and not form.is_valid():
        return form, None, False
    return form, (form.cleaned_data.get("year") if form.is_bound else None), True


@reader
def index(request: HttpRequest) -> HttpResponse:
    form, year, ok = _year(request)
    breakdowns = picture(year=year) if ok else []
    errors = (
        [] if ok else [{"label": _("Year opened:"), "messages": form.errors["year"], "anchor": "id_year"}]
    )
    return render(
        request,
        "picture/index.html",
        {
            "form": form,
            "year": year,
            "errors": errors,
            "breakdowns": [(b, bar_chart(b)) for b in breakdowns],
        },
        status=HTTPStatus.OK if ok else HTTPStatus.BAD_REQUEST,
    )


@reader
def export_csv(request: HttpRequest) -> HttpResponse:
    _form, year, ok = _year(request)
    if not ok:
        return HttpResponse(
            _("Choose one of the years in the list."),
            status=HTTPStatus.BAD_REQUEST,
            content_type="text/plain; charset=utf-8",
        )
    response, writer = csv_download(f"varna-lagesbild-{year or 'alla-ar'}.csv", delimiter=";")
    writer.writerow(
        [_("Breakdown"), _("Value"), _("Group matters"), _("Individual matters"), _("All matters")]
    )
    for breakdown in picture(year=year):
        for label, cells, _total in breakdown.rows():
            writer.writerow([breakdown.title, label, *cells])
    return response
