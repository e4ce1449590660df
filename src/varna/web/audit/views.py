"""The administrators' search of the audit log, its CSV export, and the chain check.

Administrators only (403 for everyone else, as the other administrator pages).
The search is a GET form, so a result can be bookmarked and paged; the export
takes the same filters and is itself audited (``Action.EXPORT``).
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from varna.web.accounts.views import administrator_required
from varna.web.audit.forms import AuditSearchForm
from varna.web.audit.labels import action_label
from varna.web.audit.models import Action
from varna.web.audit.selectors import AuditFilter, audit_search
from varna.web.audit.services import audit_record, audit_verify
from varna.web.core.spreadsheet import csv_download, text_cell
from varna.web.workspace.forms import error_summary, prepare

PAGE_SIZE = 50


def _query_without(request: HttpRequest, *names: str) -> str:
    query = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()


def _problem_text(problem: str) -> str:
    if problem.startswith("entry ") and "is missing" in problem:
        return _("the entry is missing")
    if problem.startswith("the log ends at entry"):
        return _("the log was cut off at its end")
    known = {
        "its link to the previous entry does not match": _("its link to the previous entry does not match"),
        "its contents were changed after it was written": _("its contents were changed after it was written"),
    }
    return str(known.get(problem, problem))


@administrator_required
@never_cache
@require_GET
def search(request: HttpRequest) -> HttpResponse:
    form = AuditSearchForm(request.GET or None)
    valid = form.is_valid() if form.is_bound else True
    entries = audit_search(form.filters() if form.is_bound else AuditFilter()) if valid else None
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page")) if entries is not None else None
    verification = None
    if request.GET.get("verify"):
        result = audit_verify()
        verification = {
            "ok": result.ok,
            "checked": result.checked,
            "first_broken": result.first_broken,
            "problem": _problem_text(result.problem) if not result.ok else "",
        }
    context: dict[str, Any] = {
        "form": prepare(form),
        "errors": error_summary(form),
        "page": page,
        "searched": page is not None,
        "rows": [(entry, action_label(entry.action)) for entry in page.object_list] if page else [],
        "verification": verification,
        "query": _query_without(request, "page", "verify"),
    }
    status = HTTPStatus.OK if valid else HTTPStatus.BAD_REQUEST
    return render(request, "audit/search.html", context, status=status)


@administrator_required
@never_cache
@require_GET
def export(request: HttpRequest) -> HttpResponse:
    form = AuditSearchForm(request.GET)
    if not form.is_valid():
        return search(request)
    filters = form.filters()
    entries = list(audit_search(filters))
    audit_record(
        user=request.user,
        action=Action.EXPORT,
        summary="Exporterade loggboken som CSV",
        detail={"rows": len(entries), "filters": {k: str(v) for k, v in vars_of(filters).items() if v}},
    )
    response, writer = csv_download(f"loggbok-{timezone.localtime():%Y%m%d-%H%M}.csv")
    writer.writerow(
        [
            _("Number"),
            _("Time"),
            _("User"),
            _("User's authority"),
            pgettext("audit log", "Action"),
            _("Object type"),
            _("Object id"),
            _("Authority whose data"),
            _("Summary"),
            _("Hash"),
        ]
    )
    for entry in entries:
        writer.writerow(
            [
                text_cell(v)
                for v in (
                    entry.seq,
                    timezone.localtime(entry.at).strftime("%Y-%m-%d %H:%M:%S"),
                    entry.username,
                    entry.user_authority,
                    entry.get_action_display(),
                    entry.object_type,
                    entry.object_id,
                    entry.authority,
                    entry.summary,
                    entry.hash,
                )
            ]
        )
    return response


def vars_of(filters: AuditFilter) -> dict[str, object]:
    return {name: getattr(filters, name) for name in AuditFilter.__dataclass_fields__}
