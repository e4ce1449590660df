"""The API's one error shape, produced in one place.

Every failure a client can cause – wrong method, wrong content type, a body too
large, invalid JSON, an invalid question – is raised as :class:`ApiError` and turned
into ``{"message": ..., "extra": {"fields": {...}}}`` by :func:`error_response`, so
a client needs exactly one way to read an error.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from http import HTTPStatus

from django.http import JsonResponse


class ApiError(Exception):
    """A request the API refuses, with the HTTP status and the fields at fault."""

    def __init__(
        self,
        message: str,
        *,
        status: HTTPStatus = HTTPStatus.BAD_REQUEST,
        fields: Mapping[str, str] | None = None,
        allowed: Mapping[str, Sequence[str]] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.fields = dict(fields or {})
        self.allowed = {name: list(values) for name, values in (allowed or {}).items() if values}
        self.headers = dict(headers or {})

    def as_dict(self) -> dict[str, object]:
        extra: dict[str, object] = {"fields": self.fields}
        if self.allowed:
            extra["allowed"] = self.allowed
        return {"message": self.message, "extra": extra}


def error_response(error: ApiError) -> JsonResponse:
    response = JsonResponse(error.as_dict(), status=error.status, json_dumps_params={"ensure_ascii": False})
    for name, value in error.headers.items():
        response[name] = value
    return response
