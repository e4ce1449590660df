"""Small-cell suppression for tables of counts, with their row and column totals.

The rule (also in docs/plans.md):

1. **Primary suppression.** Every cell with a count from 1 to 4 is hidden – the
   inner cells and the totals alike. Zero is shown: that nothing was recorded
   identifies no one.
2. **Complementary suppression.** A table is read as lines: each row with its row
   total and each column with its column total (the totals row and totals column are
   lines too, meeting in the grand total). A line with exactly one hidden cell would
   give that cell away by subtraction, so one more cell of the line is hidden: the
   smallest count above zero among its inner cells, else its total. Hiding it may
   leave another line with one hidden cell; this is repeated until no line has
   exactly one.
3. **Across tables.** Every table of the situational picture shares its totals row
   (group matters, individual matters, all). A total hidden in one table is hidden
   in all of them, and the tables are suppressed again until they agree.

A hidden cell is shown as "–" in the page, the chart and the CSV file alike,
whichever of the rules hid it, so that the sign itself says nothing about the size.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

SMALL = range(1, 5)  # counts 1–4 are never shown
HIDDEN = "–"

Position = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Table:
    """Counts with totals: ``cells[r][c]``; the last row and column are the totals."""

    cells: tuple[tuple[int, ...], ...]
    hidden: frozenset[Position]

    def shown(self, row: int, column: int) -> str:
        return HIDDEN if (row, column) in self.hidden else str(self.cells[row][column])

    def is_hidden(self, row: int, column: int) -> bool:
        return (row, column) in self.hidden


def with_totals(counts: Sequence[Sequence[int]]) -> tuple[tuple[int, ...], ...]:
    """The counts with a total column at the right and a totals row at the bottom."""
    columns = len(counts[0]) if counts else 0
    rows = [(*row, sum(row)) for row in counts]
    totals = tuple(sum(row[c] for row in rows) for c in range(columns + 1))
    return (*[tuple(row) for row in rows], totals)


def _lines(height: int, width: int) -> Iterable[tuple[list[Position], Position]]:
    """Each line's cells, and which of them is the line's total (the last)."""
    for r in range(height):
        yield [(r, c) for c in range(width)], (r, width - 1)
    for c in range(width):
        yield [(r, c) for r in range(height)], (height - 1, c)


def suppress(counts: Sequence[Sequence[int]], forced: Iterable[Position] = ()) -> Table:
    """Apply rules 1 and 2 to ``counts`` (inner cells only; totals are added here).

    ``forced`` names cells (in the table with totals) that must be hidden as well.
    """
    cells = with_totals(counts)
    height, width = len(cells), len(cells[0])
    hidden = {(r, c) for r in range(height) for c in range(width) if cells[r][c] in SMALL}
    hidden.update(forced)
    changed = True
    while changed:
        changed = False
        for line, total in _lines(height, width):
            if sum(1 for cell in line if cell in hidden) != 1:
                continue
            candidates = [cell for cell in line if cell not in hidden and cells[cell[0]][cell[1]] > 0]
            if not candidates:  # cannot happen: a hidden count > 0 makes the total > 0
                continue
            # The smallest inner count first; the total only when no inner cell is left.
            choice = min(candidates, key=lambda cell: (cell == total, cells[cell[0]][cell[1]], cell))
            hidden.add(choice)
            changed = True
    return Table(cells, frozenset(hidden))


def suppress_together(tables: Sequence[Sequence[Sequence[int]]]) -> list[Table]:
    """Rule 3: tables sharing their totals row hide the same totals."""
    forced_columns: set[int] = set()
    while True:
        done = []
        for counts in tables:
            last = len(counts)
            done.append(suppress(counts, forced=[(last, c) for c in forced_columns]))
        hidden_columns = {c for table in done for (r, c) in table.hidden if r == len(table.cells) - 1}
        if hidden_columns <= forced_columns:
            return done
        forced_columns |= hidden_columns
