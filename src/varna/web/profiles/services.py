"""Writes: make a profile from an upload or the example survey, delete it, log exports.

The raw survey is copied to a private temporary file under the data directory, profiled
and deleted in a ``finally`` – unless the uploader ticked "keep the raw survey file";
then it is moved next to the saved profile (``<DATA_DIR>/profiles/kept/<pk>/``) and
stays until the profile or the file is deleted. Only the profile (group-level numbers)
goes into the database.
"""

from __future__ import annotations

import contextlib
import json
import logging
import shutil
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import polars as pl
from django.conf import settings
from django.db import transaction
from django.utils.text import get_valid_filename

from varna.ctc import (
    Profile,
    ProgramsError,
    SpecError,
    SurveyError,
    load_programs,
    load_spec,
    profile,
    programs_from_yaml,
    spec_from_yaml,
)
from varna.ctc.example import AREAS, Plant, generate
from varna.ctc.report import render_csv, render_pdf
from varna.web.audit.models import Action
from varna.web.audit.services import audit_record
from varna.web.profiles.models import ProfileRun

logger = logging.getLogger(__name__)
SURVEY_SUFFIXES = (".csv", ".parquet", ".xlsx")
EXAMPLE_ROWS = 3000
EXAMPLE_SEED = 2026
# The fictional example has two planted differences, so a newcomer sees what a finding looks like.
EXAMPLE_PLANTS = (("Rosengård", "family_conflict", 12.0), ("Fosie", "low_school_commitment", 10.0))


class ProfileInputError(Exception):
    """Input the profile cannot be made from; ``field`` says which upload, ``problems`` what is wrong."""

    def __init__(self, field: str, problems: list[str]) -> None:
        self.field = field
        self.problems = problems
        super().__init__("; ".join(problems))


def profiles_dir() -> Path:
    return Path(settings.DATA_DIR) / "profiles"


def work_dir() -> Path:
    """Where uploaded surveys live while they are profiled (empty between requests)."""
    path = profiles_dir() / "work"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _spec_problems(exc: SpecError | ProgramsError) -> list[str]:
    return list(exc.problems) or [str(exc)]


def read_spec(text: str | None) -> Any:
    try:
        return load_spec("default") if text is None else spec_from_yaml(text, source="spec")
    except SpecError as exc:
        raise ProfileInputError("spec_file", _spec_problems(exc)) from exc


def read_programs(text: str | None) -> Any:
    try:
        return load_programs() if text is None else programs_from_yaml(text, source="programs")
    except ProgramsError as exc:
        raise ProfileInputError("programs_file", _spec_problems(exc)) from exc


def _write_upload(chunks: Iterable[bytes], suffix: str) -> Path:
    path = work_dir() / f"{uuid.uuid4().hex}{suffix}"
    with path.open("xb") as out:
        for chunk in chunks:
            out.write(chunk)
    return path


def _save(
    *,
    user: Any,
    name: str,
    result: Profile,
    spec_uploaded: bool,
    programs_uploaded: bool,
    input_name: str,
    how: str,
) -> ProfileRun:
    data = result.as_dict()
    excluded = data.get("excluded", {})
    run = ProfileRun.objects.create(
        name=name[:200],
        created_by=user,
        unit=user.unit,
        spec_name=result.spec.name[:200],
        spec_uploaded=spec_uploaded,
        programs_uploaded=programs_uploaded,
        input_name=input_name[:255],
        profile_json=json.dumps(data, ensure_ascii=False),
        n_respondents=result.n_respondents,
        excluded_non_numeric=int(excluded.get("non_numeric", 0)),
        excluded_out_of_range=int(excluded.get("out_of_range", 0)),
        excluded_missing_area=int(excluded.get("missing_area", 0)),
        report_pdf=render_pdf(result),
        report_csv=render_csv(result),
    )
    audit_record(
        user=user,
        action=Action.CREATE,
        obj=run,
        summary=f"Faktorprofil skapad ({how})",
        detail={
            "respondents": run.n_respondents,
            "areas": len(data.get("areas", {})),
            "spec_uploaded": spec_uploaded,
            "programs_uploaded": programs_uploaded,
        },
    )
    return run


def profile_run_create(
    *,
    user: Any,
    name: str,
    survey_name: str,
    survey_chunks: Iterable[bytes],
    spec_text: str | None = None,
    programs_text: str | None = None,
    keep_file: bool = False,
) -> ProfileRun:
    """Profile an uploaded survey and save the profile; the raw file is deleted unless ``keep_file``.

    Raises :class:`ProfileInputError` (nothing saved, the file deleted) when the survey,
    the spec or the programme catalogue cannot be used.
    """
    suffix = Path(survey_name).suffix.lower()
    if suffix not in SURVEY_SUFFIXES:
        raise ProfileInputError(
            "survey", [f"unknown file type {suffix or '(none)'!r}: give .csv, .parquet or .xlsx"]
        )
    spec = read_spec(spec_text)
    programs = read_programs(programs_text)
    path = _write_upload(survey_chunks, suffix)
    try:
        try:
            result = profile(path, spec, programs=programs)
        except SurveyError as exc:
            raise ProfileInputError("survey", [str(exc).replace(str(path), survey_name)]) from exc
        except (pl.exceptions.PolarsError, OSError, ValueError, ArithmeticError) as exc:
            # The domain turns what it foresees into SurveyError; anything else still must not crash the page.
            logger.exception("profile of an uploaded survey failed")
            raise ProfileInputError(
                "survey",
                [f"{survey_name}: cannot be read ({type(exc).__name__}); check that it is the survey"],
            ) from exc
        result.input_name = survey_name
        with transaction.atomic():
            run = _save(
                user=user,
                name=name,
                result=result,
                spec_uploaded=spec_text is not None,
                programs_uploaded=programs_text is not None,
                input_name=survey_name,
                how="uppladdad enkät",
            )
            if keep_file:
                kept = (
                    profiles_dir()
                    / "kept"
                    / str(run.pk)
                    / (get_valid_filename(Path(survey_name).name) or f"survey{suffix}")
                )
                kept.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(str(path), kept)
                run.kept_file = str(kept.relative_to(profiles_dir()))
                run.save(update_fields=["kept_file"])
        return run
    finally:
        path.unlink(missing_ok=True)


def example_frame(spec: Any) -> Any:
    ids = {f.id for f in spec.factors}
    plants = tuple(
        Plant(area, factor, pp) for area, factor, pp in EXAMPLE_PLANTS if factor in ids and area in AREAS
    )
    return generate(spec, EXAMPLE_ROWS, EXAMPLE_SEED, plants)


def profile_run_example(*, user: Any, name: str) -> ProfileRun:
    """The fictional example survey of :mod:`varna.ctc.example`, profiled with the bundled files."""
    spec = load_spec("default")
    result = profile(example_frame(spec), spec, programs=load_programs())
    result.input_name = "exempel"
    with transaction.atomic():
        return _save(
            user=user,
            name=name,
            result=result,
            spec_uploaded=False,
            programs_uploaded=False,
            input_name="",
            how="påhittad exempelenkät",
        )


def kept_path(run: ProfileRun) -> Path | None:
    if not run.kept_file:
        return None
    return profiles_dir() / run.kept_file


def _remove_kept(run: ProfileRun) -> None:
    path = kept_path(run)
    if path is not None:
        path.unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            path.parent.rmdir()


def profile_run_delete(*, user: Any, run: ProfileRun) -> None:
    with transaction.atomic():
        pk = run.pk
        had_file = bool(run.kept_file)
        audit_record(
            user=user,
            action=Action.DELETE,
            obj=run,
            summary="Faktorprofil borttagen",
            detail={"kept_file_deleted": had_file},
        )
        run.delete()
        run.pk = pk
    _remove_kept(run)


def profile_run_delete_file(*, user: Any, run: ProfileRun) -> None:
    if not run.kept_file:
        return
    with transaction.atomic():
        audit_record(user=user, action=Action.DELETE, obj=run, summary="Sparad enkätfil borttagen")
        _remove_kept(run)
        run.kept_file = ""
        run.save(update_fields=["kept_file"])


def profile_run_exported(*, user: Any, run: ProfileRun, fmt: str) -> None:
    audit_record(
        user=user,
        action=Action.EXPORT,
        obj=run,
        summary=f"Faktorprofil exporterad ({fmt})",
        detail={"format": fmt},
    )
