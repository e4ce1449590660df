"""Paths and small edits shared by the guide's tests."""

from __future__ import annotations

import shutil
from pathlib import Path

DATA = Path(__file__).parent / "data"
EXEMPELBY = DATA / "exempelby.yaml"
BROKEN = DATA / "broken"


def copy_of(source: Path, target_dir: Path, name: str = "kommun.yaml") -> Path:
    target = target_dir / name
    shutil.copyfile(source, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` – the way a hand edit would break the file."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    """The 1-based line where ``needle`` first occurs, so tests need not hard-code lines of copies."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"test setup: {needle!r} not in {path.name}")
