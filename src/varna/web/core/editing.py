"""Optimistic locking: one way for every workspace page that edits a versioned record.

Why this module: minutes and actions (meetings), plans, areas and activities (plans)
and matters each carry a ``version`` field, and each save is made only against the
version the form was opened at. Whoever saves second is refused with 409, is shown
what the other person saved, and keeps their own text in the form – now bound to the
version saved, so that a second save is a conscious overwrite. The apps wrote this
three times; here it is once, so that they cannot drift apart.
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any, TypeVar

from django import forms
from django.db.models import F, Model
from django.http import QueryDict

FormT = TypeVar("FormT", bound=forms.BaseForm)


class EditConflict(Exception):  # noqa: N818 (a conflict between two people, not an error of the program)
    """Someone else saved after the writer read; ``current`` is what they saved (if the service says)."""

    def __init__(self, current: Any = None) -> None:
        super().__init__("edited by someone else")
        self.current = current


def claim_version(model: type[Model], *, pk: Any, version: int, **values: Any) -> bool:
    """Write ``values`` and take the next version, only if the saved version is still ``version``.

    One conditional UPDATE, atomic on SQLite and PostgreSQL alike; False when another
    save came in between (and then nothing is written).
    """
    manager = model._default_manager
    return manager.filter(pk=pk, version=version).update(version=F("version") + 1, **values) == 1


def rebind(
    form_class: type[FormT], data: QueryDict, *, version: int, message: str = "", **kwargs: Any
) -> FormT:
    """The sent form again, keeping the user's text but naming the saved ``version``.

    ``message`` (when given) tops the form's errors, telling the user what happened.
    """
    again = data.copy()
    again["version"] = str(version)
    form = form_class(again, **kwargs)
    form.is_valid()
    if message:
        form.add_error(None, message)
    return form


def edit_status(*, conflict: bool, bound: bool) -> HTTPStatus:
    """409 after a conflict, 400 for a sent form that comes back, else 200."""
    if conflict:
        return HTTPStatus.CONFLICT
    return HTTPStatus.BAD_REQUEST if bound else HTTPStatus.OK
