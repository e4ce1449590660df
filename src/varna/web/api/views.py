"""Thin views: check the method, hand the body to ``assessing``, serialise the answer.

Every refusal leaves through :func:`varna.web.api.errors.error_response`, so the
error shape is the same whether the method, the content type, the size or a field
of a question is wrong.
"""

from __future__ import annotations

import json
from http import HTTPStatus

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt

from varna.web.api.assessing import (
    JSON_CONTENT_TYPE,
    MAX_BODY_BYTES,
    MAX_QUESTIONS,
    answer,
    read_json_body,
)
from varna.web.api.errors import ApiError, error_response
from varna.web.api.openapi import EXAMPLES, canonical_path, curl_example, openapi_document


def _method_not_allowed(request: HttpRequest, allowed: str) -> ApiError:
    return ApiError(
        f"Method {request.method} is not allowed here; use {allowed}.",
        status=HTTPStatus.METHOD_NOT_ALLOWED,
        headers={"Allow": allowed},
    )


# Programs call the API without a browser session, so there is no CSRF token to send
# and no cookie-borne authority to abuse: the endpoint reads nothing but the body.
@csrf_exempt
def assess(request: HttpRequest) -> HttpResponse:
    try:
        if request.method != "POST":
            raise _method_not_allowed(request, "POST")
        decisions = answer(read_json_body(request))
    except ApiError as error:
        return error_response(error)
    return JsonResponse(decisions, safe=False, json_dumps_params={"ensure_ascii": False})


@csrf_exempt  # a POST here should meet the API's 405, not the browser's CSRF page
@cache_control(public=True, max_age=300)
def openapi(request: HttpRequest) -> HttpResponse:
    if request.method not in ("GET", "HEAD"):
        return error_response(_method_not_allowed(request, "GET, HEAD"))
    return JsonResponse(openapi_document(), json_dumps_params={"ensure_ascii": False, "indent": 2})


def docs(request: HttpRequest) -> HttpResponse:
    """A page for people: what the API answers, a command to try, the real answer it gets."""
    example = "social_services_to_police_18a"
    assess_url = request.build_absolute_uri(canonical_path("api:assess"))
    context = {
        "assess_path": canonical_path("api:assess"),
        "openapi_path": canonical_path("api:openapi"),
        "content_type": JSON_CONTENT_TYPE,
        "max_body_kib": MAX_BODY_BYTES // 1024,
        "max_questions": MAX_QUESTIONS,
        "curl": curl_example(assess_url, example),
        "example_response": json.dumps(answer(EXAMPLES[example]["value"]), ensure_ascii=False, indent=2),
    }
    return render(request, "api/docs.html", context)
