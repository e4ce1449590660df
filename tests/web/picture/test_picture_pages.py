"""The situational picture: its numbers against matters made here, and nothing but numbers."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from tests.workspace import logged_in, make_matter, make_user

from varna.web.matters.models import Matter
from varna.web.picture.selectors import picture

URL = "/arbetsrum/lagesbild/"
CSV = "/arbetsrum/lagesbild/lagesbild.csv"


def opened(matter: Matter, day: dt.date) -> None:
    at = timezone.make_aware(dt.datetime(day.year, day.month, day.day, 12))
    Matter.objects.filter(pk=matter.pk).update(opened_at=at)


@pytest.fixture
def workspace(units: Any) -> dict[str, Any]:
    """Matters of three authorities: 23 in 2016 (no count below five) and 3 in 2017."""
    social = make_user("ifo-norr")
    school = make_user("elevhalsan-grundskolan")
    police = make_user("lpo-soder")
    made: list[Matter] = []

    def add(user: Any, day: dt.date, count: int, **fields: Any) -> None:
        for _ in range(count):
            matter = make_matter(user, **fields)
            opened(matter, day)
            made.append(matter)

    group = {"individual": False}
    add(school, dt.date(2016, 2, 1), 7, level="selective", concern="vandalism", district="norr", **group)
    add(police, dt.date(2016, 5, 1), 5, level="universal", concern="crime", district="soder", **group)
    add(
        social,
        dt.date(2016, 3, 1),
        6,
        level="indicated",
        concern="extremist_propaganda",
        district="norr",
        title="Oro för Kalle Hemlig",
    )
    add(
        social,
        dt.date(2016, 8, 1),
        5,
        level="indicated",
        concern="violence",
        district="oster",
        title="Oro för Lisa Hemlig",
    )
    # 2017: two group matters in Öster and one individual matter without a district – small counts.
    add(police, dt.date(2017, 1, 10), 2, level="selective", concern="bullying", district="oster", **group)
    add(social, dt.date(2017, 2, 10), 1, level="selective", concern="drugs", title="Oro för Nils Hemlig")
    return {"social": social, "school": school, "police": police, "matters": made}


def row(breakdowns: list[Any], key: str, label: str) -> list[str]:
    breakdown = next(b for b in breakdowns if b.key == key)
    return next(cells for name, cells, _total in breakdown.rows() if name == label)


def row_at(breakdowns: list[Any], key: str, index: int) -> list[str]:
    breakdown = next(b for b in breakdowns if b.key == key)
    return breakdown.rows()[index][1]


def test_the_counts_match_the_matters(workspace: dict[str, Any]) -> None:
    breakdowns = picture(year=2016)
    assert row(breakdowns, "level", "Alla") == ["12", "11", "23"]
    # The levels in order: universal, selective, indicated.
    assert [row_at(breakdowns, "level", i) for i in range(3)] == [
        ["5", "0", "5"],
        ["7", "0", "7"],
        ["0", "11", "11"],
    ]
    assert row(breakdowns, "district", "Norr") == ["7", "6", "13"]
    assert row(breakdowns, "district", "Söder") == ["5", "0", "5"]
    assert row(breakdowns, "district", "Öster") == ["0", "5", "5"]
    assert row(breakdowns, "district", "Väster") == ["0", "0", "0"]
    assert row(breakdowns, "quarter", "2016 K1") == ["7", "6", "13"]
    assert row(breakdowns, "quarter", "2016 K2") == ["5", "0", "5"]
    assert row(breakdowns, "quarter", "2016 K3") == ["0", "5", "5"]
    assert row(breakdowns, "quarter", "2016 K4") == ["0", "0", "0"]
    concern = next(b for b in breakdowns if b.key == "concern")
    # vandalism, bullying, drugs, crime, anti-democratic, violence, propaganda, contacts, abroad, pressured
    assert [cells[2] for _label, cells, _total in concern.rows()] == [
        "7",
        "0",
        "0",
        "5",
        "0",
        "5",
        "6",
        "0",
        "0",
        "0",
        "23",
    ]
    # Nothing was hidden: every table's cells are the counts themselves.
    assert all(not b.table.hidden for b in breakdowns)


def test_no_small_count_can_be_read_or_worked_out(workspace: dict[str, Any]) -> None:
    for year in (None, 2017):
        breakdowns = picture(year=year)
        assert any(b.table.hidden for b in breakdowns)
        for breakdown in breakdowns:
            cells = breakdown.table.cells
            for r, values in enumerate(cells):
                for c, value in enumerate(values):
                    if 1 <= value <= 4:
                        assert breakdown.table.is_hidden(r, c), (breakdown.key, r, c)
            # Back-calculation: no row or column (with its total) has exactly one hidden cell.
            height, width = len(cells), len(cells[0])
            for r in range(height):
                assert sum(breakdown.table.is_hidden(r, c) for c in range(width)) != 1, (
                    breakdown.key,
                    "row",
                    r,
                )
            for c in range(width):
                assert sum(breakdown.table.is_hidden(r, c) for r in range(height)) != 1, (
                    breakdown.key,
                    "col",
                    c,
                )
        # The shared totals row is hidden alike in every table.
        totals = {tuple(b.table.is_hidden(len(b.table.cells) - 1, c) for c in range(3)) for b in breakdowns}
        assert len(totals) == 1
    everything = picture()
    assert row(everything, "district", "Uppgift om stadsområde saknas")[1:] == ["–", "–"]
    assert row(everything, "district", "Öster")[0] == "–"
    only_2017 = picture(year=2017)
    assert row(only_2017, "level", "Alla") == ["–", "–", "–"]


def test_a_year_is_chosen(workspace: dict[str, Any]) -> None:
    response = logged_in(workspace["social"]).get(URL, {"year": "2017"})
    assert response.status_code == 200
    response = logged_in(workspace["social"]).get(URL, {"year": "1999"})
    assert response.status_code == 400
    assert "Välj ett av åren i listan." in response.content.decode()


def test_the_page_shows_counts_and_never_a_title_or_name(workspace: dict[str, Any]) -> None:
    for user in ("social", "school", "police"):
        response = logged_in(workspace[user]).get(URL)
        html = response.content.decode()
        assert response.status_code == 200
        assert "Hemlig" not in html and "Oro för" not in html and "Klotter" not in html
        assert "Beskrivning som bara" not in html
        assert 'style="' not in html and "<script" not in html
        assert "<svg" in html and 'role="img"' in html
        assert '<th scope="row">Norr</th>' in html


def test_the_csv_holds_the_same_suppressed_numbers(workspace: dict[str, Any]) -> None:
    response = logged_in(workspace["police"]).get(CSV, {"year": "2016"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    assert "Hemlig" not in text
    lines = text.splitlines()
    assert lines[0] == "Indelning;Värde;Gruppärenden;Individärenden;Alla ärenden"
    assert "Per stadsområde;Öster;0;5;5" in lines
    assert "Per stadsområde;Norr;7;6;13" in lines
    every_year = logged_in(workspace["police"]).get(CSV).content.decode("utf-8-sig").splitlines()
    assert "Per stadsområde;Uppgift om stadsområde saknas;0;–;–" in every_year
    assert not any(re.search(r";[1-4](;|$)", line) for line in every_year[1:])
    assert not any(re.search(r";[1-4](;|$)", line) for line in lines[1:])


def test_who_may_see_it(units: Any) -> None:
    for url in (URL, CSV):
        anonymous = Client().get(url)
        assert anonymous.status_code == 302
        assert anonymous["Location"].startswith(reverse("accounts:login"))
        assert logged_in(make_user(None, username=f"utan-{len(url)}")).get(url).status_code == 403
        assert logged_in(make_user("lpo-norr", username=f"polis-{len(url)}")).get(url).status_code == 200


def test_english(workspace: dict[str, Any]) -> None:
    html = logged_in(workspace["social"]).get("/en" + URL).content.decode()
    assert "Situational picture" in html and "By district" in html and "North" in html
