"""Load a municipality file, refusing one with problems, and the bundled Malmö 2015.

A guide that routes a worried person from half-valid data could send them to a
unit that does not exist, so loading checks first and raises with every problem.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from varna.guide.check import check_document
from varna.guide.model import Municipality
from varna.law.check import Problem

DATA_DIR = Path(__file__).parent / "data"
DEFAULT_MUNICIPALITY_FILE = DATA_DIR / "malmo-2015.yaml"


class MunicipalityError(Exception):
    """The municipality file has problems; each is listed with file, line, entry and field."""

    def __init__(self, problems: tuple[Problem, ...], *, unreadable: bool = False) -> None:
        self.problems = problems
        self.unreadable = unreadable
        lines = "\n".join(f"  {p}" for p in problems)
        super().__init__(f"the municipality file has {len(problems)} problem(s):\n{lines}")


def load_municipality(path: Path, *, display: str | None = None) -> Municipality:
    """Check and load one municipality file; raise :class:`MunicipalityError` on any problem."""
    result = check_document(path, display=display)
    if result.municipality is None:
        raise MunicipalityError(result.problems, unreadable=result.unreadable)
    return result.municipality


@cache
def default_municipality() -> Municipality:
    """The bundled organisation – Malmö stad as the 2015 guideline describes it – loaded once."""
    return load_municipality(DEFAULT_MUNICIPALITY_FILE, display=DEFAULT_MUNICIPALITY_FILE.name)
