"""Small-cell suppression: no count from 1 to 4 is shown or can be worked out from the totals."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from varna.web.picture.suppression import HIDDEN, SMALL, Table, suppress, suppress_together, with_totals


def lines(table: Table) -> list[list[tuple[int, int]]]:
    height, width = len(table.cells), len(table.cells[0])
    return [[(r, c) for c in range(width)] for r in range(height)] + [
        [(r, c) for r in range(height)] for c in range(width)
    ]


def assert_safe(table: Table) -> None:
    for r, row in enumerate(table.cells):
        for c, value in enumerate(row):
            if value in SMALL:
                assert table.is_hidden(r, c), (r, c, value)
    for line in lines(table):
        assert sum(1 for cell in line if cell in table.hidden) != 1, line


def test_totals_are_added() -> None:
    assert with_totals([[1, 2], [3, 4]]) == ((1, 2, 3), (3, 4, 7), (4, 6, 10))


def test_a_small_cell_is_hidden_and_one_more_in_its_row_and_column() -> None:
    table = suppress([[3, 10], [20, 30]])
    # 3 is small; 10 goes with it in its row, 20 in its column; then row 1 and column 1 need one more: 30.
    assert table.is_hidden(0, 0)
    assert table.is_hidden(0, 1) and table.is_hidden(1, 0) and table.is_hidden(1, 1)
    assert table.shown(2, 2) == "63"
    assert_safe(table)


def test_nothing_is_hidden_when_every_count_is_zero_or_large() -> None:
    table = suppress([[0, 12], [7, 5]])
    assert table.hidden == frozenset()
    assert [table.shown(0, c) for c in range(3)] == ["0", "12", "12"]


def test_a_small_total_is_hidden_too() -> None:
    table = suppress([[0, 0], [2, 0], [9, 6]])
    assert table.is_hidden(1, 0) and table.is_hidden(1, 2)
    assert_safe(table)


def test_the_hidden_sign_is_the_same_whatever_hid_the_cell() -> None:
    table = suppress([[2, 40], [30, 50]])
    assert {table.shown(r, c) for r, c in table.hidden} == {HIDDEN}


def test_tables_sharing_their_totals_row_hide_the_same_totals() -> None:
    by_level = [[2, 0], [0, 0], [5, 9]]  # 7 group matters, 9 individual
    by_district = [[7, 1], [0, 8]]  # the 1 hides the individual total of this table
    first, second = suppress_together([by_level, by_district])
    assert_safe(first)
    assert_safe(second)
    hidden_totals = {c for r, c in first.hidden if r == 3}
    assert hidden_totals == {c for r, c in second.hidden if r == 2}
    assert hidden_totals  # something of the shared totals row had to go


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=1, max_value=6).flatmap(
        lambda rows: st.lists(
            st.lists(st.integers(min_value=0, max_value=12), min_size=2, max_size=2),
            min_size=rows,
            max_size=rows,
        )
    )
)
def test_no_table_leaves_a_line_with_one_hidden_cell(counts: list[list[int]]) -> None:
    assert_safe(suppress(counts))
