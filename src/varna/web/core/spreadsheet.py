"""CSV downloads that a spreadsheet program opens right: one way for every export.

Why this module: the audit log, the plans and the situational picture each offer a
CSV file. Each must begin with a byte-order mark, or Excel reads å, ä and ö wrongly,
and a text cell that someone else wrote must not be taken for a formula (CSV
injection). The copies in the apps had begun to drift apart on the second point.
"""

from __future__ import annotations

import csv
from typing import Any

from django.http import HttpResponse

# A cell starting with one of these is a formula to a spreadsheet; an apostrophe keeps it text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_download(filename: str, *, delimiter: str = ",") -> tuple[HttpResponse, Any]:
    """An attachment named ``filename``, and a CSV writer into it (the byte-order mark is written)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")
    return response, csv.writer(response, delimiter=delimiter)


def text_cell(value: object) -> str:
    """``value`` as a cell that stays text, even when it starts like a formula."""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text
