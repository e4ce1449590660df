"""The factor profile pages: thin views that parse, call a service or selector, and render.

Every view needs a logged-in user (else the login page) with a unit (else 403). A
missing profile is 404; deleting needs to be its creator or an administrator (else 403).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from http import HTTPStatus
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_http_methods, require_POST

from varna.web.profiles import forms as profile_forms
from varna.web.profiles import presentation, selectors
from varna.web.profiles.forms import ProfileForm
from varna.web.profiles.models import ProfileRun
from varna.web.profiles.permissions import can_delete, can_fetch_file, can_read
from varna.web.profiles.services import (
    ProfileInputError,
    kept_path,
    profile_run_create,
    profile_run_delete,
    profile_run_delete_file,
    profile_run_example,
    profile_run_exported,
)
from varna.web.profiles.uploads import SizeLimitHandler

View = Callable[..., HttpResponseBase]


def reader(view: View) -> View:
    """Logged in (else the login page) and placed in a unit (else 403)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not can_read(request.user):
            return render(request, "profiles/refused.html", {"reason": "unit"}, status=HTTPStatus.FORBIDDEN)
        return view(request, *args, **kwargs)

    return login_required(wrapped)


def form_errors(form: forms.Form) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for bound in form:
        for message in bound.errors:
            rows.append({"label": f"{bound.label}:", "messages": [message], "anchor": bound.id_for_label})
    return rows


def _index(request: HttpRequest, form: ProfileForm, status: int = HTTPStatus.OK) -> HttpResponse:
    form.describe()
    return render(
        request,
        "profiles/index.html",
        {
            "form": form,
            "errors": form_errors(form) if form.is_bound else [],
            "runs": selectors.runs_for(request.user)[:200],
        },
        status=status,
    )


@csrf_exempt
def index(request: HttpRequest) -> HttpResponseBase:
    """The list and the upload form; an upload over the size limit stops being stored at the limit."""
    request.upload_handlers.insert(0, SizeLimitHandler(request))
    return _index_view(request)


@csrf_protect
@reader
@require_http_methods(["GET", "POST"])
def _index_view(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _index(request, ProfileForm())
    form = ProfileForm(request.POST, request.FILES)
    too_large = getattr(request, "profiles_too_large", None)
    if not form.is_valid() or too_large:
        if too_large and "survey" in too_large:
            form.add_error("survey", form.too_large_message(profile_forms.MAX_SURVEY_BYTES))
        return _index(request, form, HTTPStatus.BAD_REQUEST)
    upload = form.cleaned_data["survey"]
    try:
        run = profile_run_create(
            user=request.user,
            name=form.profile_name(),
            survey_name=upload.name,
            survey_chunks=upload.chunks(),
            spec_text=form.cleaned_data["spec_file"],
            programs_text=form.cleaned_data["programs_file"],
            keep_file=form.cleaned_data["keep_file"],
        )
    except ProfileInputError as exc:
        field = exc.field if exc.field in form.fields else "survey"
        shown = exc.problems[:10]
        if len(exc.problems) > len(shown):
            shown.append(_("… and %(count)s more problems.") % {"count": len(exc.problems) - len(shown)})
        for problem in shown:
            form.add_error(field, problem)
        return _index(request, form, HTTPStatus.BAD_REQUEST)
    messages.success(request, _("The profile is made."))
    left_out = run.excluded_answers + run.excluded_missing_area
    if left_out:
        messages.warning(
            request,
            ngettext(
                "%(count)s answer could not be used: see “Answers that could not be used” below.",
                "%(count)s answers could not be used: see “Answers that could not be used” below.",
                left_out,
            )
            % {"count": left_out},
        )
    return redirect("profiles:detail", pk=run.pk)


@reader
@require_POST
def example(request: HttpRequest) -> HttpResponse:
    run = profile_run_example(user=request.user, name=_("Example survey (fictional)"))
    messages.success(request, _("The profile of the fictional example survey is made."))
    return redirect("profiles:detail", pk=run.pk)


@reader
@require_http_methods(["GET"])
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    run = selectors.run_for(request.user, pk)
    areas = presentation.areas_view(run.data)
    return render(
        request,
        "profiles/detail.html",
        {
            "run": run,
            "areas": areas,
            "summary": presentation.summary_view(areas),
            "excluded": presentation.excluded_view(run.data),
            "method": presentation.method_view(run.data),
            "may_delete": can_delete(request.user, run),
            "may_fetch_file": can_fetch_file(request.user, run),
        },
    )


def _filename(run: ProfileRun, suffix: str) -> str:
    return f"faktorprofil-{run.pk}-{slugify(run.name)[:40] or 'profil'}.{suffix}"


def _download(request: HttpRequest, pk: int, fmt: str, content_type: str) -> HttpResponse:
    """One saved rendering of a profile as a file, its export audited."""
    run = selectors.run_for(request.user, pk)
    profile_run_exported(user=request.user, run=run, fmt=fmt)
    body = {"pdf": bytes(run.report_pdf), "csv": run.report_csv, "json": run.profile_json}[fmt]
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{_filename(run, fmt)}"'
    return response


@reader
@require_http_methods(["GET"])
def report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    return _download(request, pk, "pdf", "application/pdf")


@reader
@require_http_methods(["GET"])
def report_csv(request: HttpRequest, pk: int) -> HttpResponse:
    return _download(request, pk, "csv", "text/csv; charset=utf-8")


@reader
@require_http_methods(["GET"])
def report_json(request: HttpRequest, pk: int) -> HttpResponse:
    return _download(request, pk, "json", "application/json; charset=utf-8")


@reader
@require_http_methods(["GET"])
def kept_file(request: HttpRequest, pk: int) -> HttpResponseBase:
    run = selectors.run_for(request.user, pk)
    path = kept_path(run)
    if not can_fetch_file(request.user, run) or path is None or not path.is_file():
        raise Http404
    profile_run_exported(user=request.user, run=run, fmt="raw survey file")
    return FileResponse(path.open("rb"), as_attachment=True, filename=path.name)


@reader
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    run = selectors.run_for(request.user, pk)
    if not can_delete(request.user, run):
        return render(request, "profiles/refused.html", {"reason": "delete"}, status=HTTPStatus.FORBIDDEN)
    what = request.POST.get("what") or request.GET.get("what") or "profile"
    if what not in ("profile", "file") or (what == "file" and not run.kept_file):
        raise Http404
    if request.method == "POST":
        if what == "file":
            profile_run_delete_file(user=request.user, run=run)
            messages.success(request, _("The kept survey file is deleted."))
            return redirect("profiles:detail", pk=run.pk)
        profile_run_delete(user=request.user, run=run)
        messages.success(request, _("The profile is deleted."))
        return redirect("profiles:index")
    return render(request, "profiles/delete.html", {"run": run, "what": what})
