"""Which municipality's organisation the web pages answer from.

The concern interview and the knowledge pages route people to *their* municipality's
contacts, so the file is a deployment setting (``VARNA_MUNICIPALITY_FILE``), not code.
Without it the bundled Malmö 2015 file is used. A broken file is reported by
``manage.py check`` (and so by ``migrate`` in ``make run``) rather than as a 500 on the
first worried visitor.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, register

from varna.guide import Municipality, check_municipality, default_municipality, load_municipality


def current_municipality() -> Municipality:
    """The organisation of this deployment, loaded once per file."""
    return _load(settings.VARNA_MUNICIPALITY_FILE)


@cache
def _load(path: str | None) -> Municipality:
    if not path:
        return default_municipality()
    return load_municipality(Path(path))


@register()
def municipality_file_check(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """Every problem of a configured municipality file, with file, line and field."""
    path = settings.VARNA_MUNICIPALITY_FILE
    if not path:
        return []
    problems = check_municipality(Path(path))
    return [
        Error(problem, hint="Run `varna org check FILE` to see every problem.", id="varna.E001")
        for problem in problems
    ]
