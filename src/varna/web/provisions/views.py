"""Thin views over the provision selectors."""

from __future__ import annotations

from http import HTTPStatus

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from varna.web.provisions.forms import InForceDateForm
from varna.web.provisions.selectors import (
    provision_get,
    provision_groups,
    provision_related,
    provision_version,
    version_answering,
)


def index(request: HttpRequest) -> HttpResponse:
    form = InForceDateForm(request.GET or None)
    if request.GET and not form.is_valid():
        context = {"form": form, "groups": provision_groups()}
        return render(request, "provisions/index.html", context, status=HTTPStatus.BAD_REQUEST)
    day = form.cleaned_data.get("date") if form.is_bound else None
    context = {
        "form": form,
        "day": day,
        "version": version_answering(on_date=day) if day else None,
        "groups": provision_groups(on_date=day),
    }
    return render(request, "provisions/index.html", context)


def detail(request: HttpRequest, provision_id: str) -> HttpResponse:
    provision = provision_get(provision_id=provision_id)
    if provision is None:
        raise Http404(provision_id)
    context = {
        "provision": provision,
        "version": provision_version(provision=provision),
        "related": provision_related(provision=provision),
    }
    return render(request, "provisions/detail.html", context)
