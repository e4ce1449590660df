"""Small surveys for the profile tests, made with the domain's example generator."""

from __future__ import annotations

import io
from typing import Any

import polars as pl
from django.core.files.uploadedfile import SimpleUploadedFile

from varna.ctc import load_spec
from varna.ctc.example import Plant, generate

PLANT = Plant("Rosengård", "family_conflict", 25.0)


def example(rows: int = 2000, seed: int = 7, plants: tuple[Plant, ...] = (PLANT,)) -> pl.DataFrame:
    return generate(load_spec("default"), rows, seed, plants)


def file_bytes(frame: pl.DataFrame, fmt: str) -> bytes:
    out = io.BytesIO()
    if fmt == "csv":
        frame.write_csv(out)
    elif fmt == "parquet":
        frame.write_parquet(out)
    else:
        frame.write_excel(out, autofit=False)
    return out.getvalue()


def upload(
    frame: pl.DataFrame | None = None, fmt: str = "csv", name: str | None = None, **fields: Any
) -> dict[str, Any]:
    frame = example() if frame is None else frame
    data: dict[str, Any] = {
        "name": "Testenkät",
        "survey": SimpleUploadedFile(name or f"enkat.{fmt}", file_bytes(frame, fmt)),
    }
    data.update(fields)
    return data
