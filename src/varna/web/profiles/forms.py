"""The upload form: a survey, optionally an own spec and programme catalogue, keep the file or not."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from varna.web.profiles.services import SURVEY_SUFFIXES

MAX_SURVEY_BYTES = 200 * 1024 * 1024
MAX_YAML_BYTES = 1024 * 1024


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f}".replace(".", ",")


def _yaml_text(upload: UploadedFile[Any] | None) -> str | None:
    if not upload:
        return None
    if upload.size is not None and upload.size > MAX_YAML_BYTES:
        raise forms.ValidationError(
            _("The file is %(size)s MB; a YAML file may be at most 1 MB.") % {"size": _megabytes(upload.size)}
        )
    raw = upload.read()
    if not raw.strip():
        raise forms.ValidationError(_("The file is empty."))
    try:
        return str(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise forms.ValidationError(
            _("The file is not text in UTF-8. Save it as UTF-8 and try again.")
        ) from exc


class ProfileForm(forms.Form):
    name = forms.CharField(
        label=_("Name of the profile"),
        max_length=200,
        required=False,
        help_text=_("For example the survey and the year. Left empty, the file name is used."),
    )
    survey = forms.FileField(
        label=_("Survey file"),
        help_text=_("CSV, Parquet or Excel (.xlsx), one row per respondent, at most 200 MB."),
        error_messages={
            "required": _("Choose the survey file."),
            "empty": _("The survey file is empty."),
            "invalid": _("No file was sent. Choose the survey file again."),
        },
    )
    spec_file = forms.FileField(
        label=_("Own scoring spec (YAML)"),
        required=False,
        help_text=_("Leave empty to use the bundled spec modelled on the CTC youth survey."),
    )
    programs_file = forms.FileField(
        label=_("Own programme catalogue (YAML)"),
        required=False,
        help_text=_("Leave empty to use the bundled catalogue of evidence-based programmes."),
    )
    keep_file = forms.BooleanField(
        label=_("Keep the raw survey file"),
        required=False,
        help_text=_(
            "Off: the file is deleted as soon as the profile is made; only the group-level profile is saved. "
            "On: the file is stored with the profile until you delete it."
        ),
    )

    def describe(self) -> None:
        """Tie each input to its hint and error (``aria-describedby``); call after validation."""
        for bound in self:
            ids = [f"{bound.auto_id}-hint"] if bound.help_text else []
            if bound.errors:
                ids.append(f"{bound.auto_id}-error")
            if ids:
                bound.field.widget.attrs["aria-describedby"] = " ".join(ids)
            if bound.errors:
                bound.field.widget.attrs["aria-invalid"] = "true"

    def clean_survey(self) -> UploadedFile[Any]:
        upload: UploadedFile[Any] = self.cleaned_data["survey"]
        suffix = Path(upload.name or "").suffix.lower()
        if suffix not in SURVEY_SUFFIXES:
            raise forms.ValidationError(
                _("The file %(name)s is not a CSV, Parquet or Excel (.xlsx) file.") % {"name": upload.name}
            )
        if upload.size is not None and upload.size > MAX_SURVEY_BYTES:
            raise forms.ValidationError(self.too_large_message(MAX_SURVEY_BYTES))
        return upload

    @staticmethod
    def too_large_message(limit: int) -> str:
        return str(
            _(
                "The file is larger than %(limit)s MB, the limit. Split the survey or save it as Parquet, "
                "which is much smaller."
            )
            % {"limit": limit // (1024 * 1024) or _megabytes(limit)}
        )

    def clean_spec_file(self) -> str | None:
        return _yaml_text(self.cleaned_data.get("spec_file"))

    def clean_programs_file(self) -> str | None:
        return _yaml_text(self.cleaned_data.get("programs_file"))

    def profile_name(self) -> str:
        data: dict[str, Any] = self.cleaned_data
        return str(data.get("name") or "").strip() or Path(data["survey"].name).stem


class ExampleForm(forms.Form):
    """No fields: the button alone (CSRF protects it)."""
