"""Thin views over the knowledge selectors: parse, select, render; a real 404 for unknown ids."""

from __future__ import annotations

from collections.abc import Callable
from http import HTTPStatus
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render

from varna.guide.knowledge import EntryKind
from varna.guide.model import Municipality
from varna.guide.search import DocKind
from varna.web.knowledge import selectors
from varna.web.knowledge.forms import SearchForm


def index(request: HttpRequest) -> HttpResponse:
    m = selectors.municipality_for(request)
    return render(request, "knowledge/index.html", {"page": selectors.index_page(m), "municipality": m})


def section(request: HttpRequest, section: str) -> HttpResponse:
    """``kunskap/aktorer/`` and the like: the kind's section of the index."""
    for kind, slug in selectors.SECTION_SLUGS.items():
        if slug == section and kind is not DocKind.PROVISION:
            return HttpResponseRedirect(selectors.index_url(kind))
    raise Http404(section)


def _detail(request: HttpRequest, kind: DocKind, template: str, page: Any) -> HttpResponse:
    if page is None:
        raise Http404(kind.value)
    return render(request, template, {"page": page, "kind": kind})


def _simple(kind: DocKind, template: str,
            select: Callable[[Municipality, str], Any]) -> Callable[[HttpRequest, str], HttpResponse]:
    def view(request: HttpRequest, ident: str) -> HttpResponse:
        return _detail(request, kind, template, select(selectors.municipality_for(request), ident))

    view.__name__ = kind.value
    view.__doc__ = f"The page of one {kind.value}."
    return view


level = _simple(DocKind.LEVEL, "knowledge/level.html", selectors.level_page)
actor = _simple(DocKind.ACTOR, "knowledge/actor.html", selectors.actor_page)
service = _simple(DocKind.SERVICE, "knowledge/service.html", selectors.service_page)
contact = _simple(DocKind.CONTACT, "knowledge/contact.html", selectors.contact_page)
cooperation = _simple(DocKind.COOPERATION, "knowledge/cooperation.html", selectors.cooperation_page)
district = _simple(DocKind.DISTRICT, "knowledge/district.html", selectors.district_page)
national = _simple(DocKind.NATIONAL, "knowledge/national.html", selectors.national_page)
definition = _simple(DocKind.DEFINITION, "knowledge/entry.html",
                     lambda m, ident: selectors.entry_page(m, ident, EntryKind.DEFINITION))
question = _simple(DocKind.QUESTION, "knowledge/entry.html",
                   lambda m, ident: selectors.entry_page(m, ident, EntryKind.QUESTION))


def search(request: HttpRequest) -> HttpResponse:
    """``sok/?q=…``: without ``q`` only the form; a query that cannot be searched is a 400."""
    context: dict[str, Any] = {}
    if "q" not in request.GET:
        context["form"] = SearchForm()
        return render(request, "knowledge/search.html", context)
    form = SearchForm(request.GET)
    context["form"] = form
    if not form.is_valid():
        return render(request, "knowledge/search.html", context, status=HTTPStatus.BAD_REQUEST)
    m = selectors.municipality_for(request)
    context["result"] = selectors.knowledge_search(m, form.cleaned_data["q"])
    return render(request, "knowledge/search.html", context)
