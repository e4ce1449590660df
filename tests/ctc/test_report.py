"""The HTML and PDF reports: flagged factors first, hidden areas without numbers."""

from __future__ import annotations

import re

from varna.ctc.example import AREAS, generate, parse_plant
from varna.ctc.profile import profile
from varna.ctc.report import render_html, render_pdf
from varna.ctc.spec import load_spec


def test_reports_show_findings_and_hide_tiny_areas() -> None:
    spec = load_spec("default")
    areas = (*AREAS, "Lillby")
    survey = generate(spec, 8000, 31, (parse_plant("Oxie:family_conflict:+15", spec, areas),), areas=areas,
                      area_weights=(*[1.0] * len(AREAS), 0.006))
    result = profile(survey, spec)
    assert result.areas["Lillby"].suppressed
    page = render_html(result)
    assert "<script" not in page
    section = re.search(r'<section id="omrade-lillby">(.*?)</section>', page, re.S)
    assert section is not None
    assert not re.search(r"\d", re.sub(r"<[^>]+>", "", section.group(1)))
    oxie = re.search(r'<section id="omrade-oxie">(.*?)</section>', page, re.S)
    assert oxie is not None
    # the flagged factor comes first, before the domain charts
    assert oxie.group(1).index("Konflikter i familjen") < oxie.group(1).index("<figure>")
    pdf = render_pdf(result)
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


def test_breakdowns_of_flagged_factors_hide_small_groups() -> None:
    from varna.ctc.report import breakdown_tables

    spec = load_spec("default")
    survey = generate(spec, 6000, 8, (parse_plant("Oxie:family_conflict:+20", spec),))
    result = profile(survey, spec)
    tables = {title: (heads, body) for title, heads, body in breakdown_tables(result, result.areas["Oxie"])}
    heads, body = tables["Efter kön"]
    assert body[0][0] == "Konflikter i familjen"
    small = [i for i, h in enumerate(heads) if "(n=" not in h]
    for i in small:
        assert body[0][1 + i] == "dolt"
    assert "Efter årskurs" in tables
