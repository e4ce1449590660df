"""The ids that tie a question's inputs, hint and error together.

Every step-by-step form (the secrecy wizard, the concern interview) renders its
questions as fieldsets whose hint and error are announced through
``aria-describedby`` and reached from the error summary; the ids must follow one
scheme so the shared templates find them.
"""

from __future__ import annotations

from typing import Any


class FieldIds:
    """Mixed into a form's question dataclass, which supplies these attributes."""

    __slots__ = ()

    name: str
    kind: str
    hint: str
    options: tuple[Any, ...]  # each with an ``id``
    errors: tuple[str, ...]

    @property
    def anchor(self) -> str:
        """The id of the first input, where the error summary's link leads."""
        if self.kind in ("radio", "checkbox") and self.options:
            return str(self.options[0].id)
        return f"field-{self.name}"

    @property
    def error_id(self) -> str:
        return f"{self.name}-error"

    @property
    def hint_id(self) -> str:
        return f"{self.name}-hint"

    @property
    def described_by(self) -> str:
        ids = [self.hint_id] if self.hint else []
        if self.errors:
            ids.append(self.error_id)
        return " ".join(ids)
