"""Helpers every workspace form page can use: the error summary and accessible field markup.

``prepare(form)`` ties each field's input to its hint and its error through
``aria-describedby`` (Django adds ``aria-invalid`` itself), and ``error_summary(form)``
lists the problems for ``includes/error_summary.html``, each linking to its field.
Templates render a field with ``{% include "workspace/_field.html" with field=form.x %}``.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS


def prepare(form: forms.BaseForm) -> forms.BaseForm:
    for bound in form:
        ids = []
        if bound.help_text:
            ids.append(f"{bound.auto_id}_helptext")
        if bound.errors:
            ids.append(f"{bound.auto_id}_error")
        if ids:
            bound.field.widget.attrs["aria-describedby"] = " ".join(ids)
    return form


def error_summary(form: forms.BaseForm) -> list[dict[str, Any]]:
    """The form's errors, field by field in the form's order, the form's own errors first."""
    if not form.is_bound or not form.errors:
        return []
    errors: list[dict[str, Any]] = []
    general = form.errors.get(NON_FIELD_ERRORS)
    if general:
        errors.append({"label": "", "messages": list(general), "anchor": ""})
    for bound in form:
        if bound.errors:
            anchor = bound.auto_id
            if isinstance(bound.field.widget, forms.CheckboxSelectMultiple):
                anchor = f"{anchor}_0"  # the first box: the group itself has no id to lead to
            errors.append({"label": f"{bound.label}:", "messages": list(bound.errors), "anchor": anchor})
    return errors
