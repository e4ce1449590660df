"""Small specs and frames for the CTC tests."""

from __future__ import annotations

from typing import Any

import polars as pl

from varna.ctc.spec import Spec, parse_spec


def spec_dict(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": "Test",
        "area_column": "area",
        "min_cell": 3,
        "confidence": 0.95,
        "factors": [
            {"id": "risky", "label": "Risk", "kind": "risk", "domain": "school", "items": ["a", "b", "c"],
             "reverse": ["b"], "scale": [1, 4], "min_items": 2, "cut_point": 2.5},
            {"id": "shield", "label": "Skydd", "kind": "protective", "domain": "family", "items": ["d"],
             "scale": [1, 5], "min_items": 1, "cut_point": 3},
        ],
    }
    data.update(overrides)
    return data


def small_spec(**overrides: Any) -> Spec:
    return parse_spec(spec_dict(**overrides), "test.yaml")


def frame(rows: list[dict[str, Any]]) -> pl.DataFrame:
    """Rows as a frame of text cells, as a CSV file would give them."""
    columns = ["area", "a", "b", "c", "d"]
    extra = [k for row in rows for k in row if k not in columns]
    columns += list(dict.fromkeys(extra))
    return pl.DataFrame({c: [None if r.get(c) is None else str(r.get(c)) for r in rows] for c in columns},
                        schema={c: pl.String for c in columns})
