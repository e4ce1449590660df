"""Thin views: parse, call the engine through api.assessing, serialise."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.csrf import csrf_exempt


@csrf_exempt
def assess(request: HttpRequest) -> HttpResponse:
    return JsonResponse({"message": "not yet"}, status=501)


def openapi(request: HttpRequest) -> HttpResponse:
    return JsonResponse({"openapi": "3.1.0"})


def docs(request: HttpRequest) -> HttpResponse:
    return render(request, "api/docs.html")
