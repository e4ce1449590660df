"""From request bytes to decisions: the API's half of the assessment contract.

The view only moves bytes; everything a client can get wrong is checked here and
raised as :class:`ApiError`. Questions go through the same ``parse_question`` and
engine as ``varna assess``, so the API and the CLI can never answer differently.
"""

from __future__ import annotations

import json
from http import HTTPStatus
from typing import Any

from django.http import HttpRequest

from varna.law import QuestionError, default_engine, parse_question
from varna.web.api.errors import ApiError

JSON_CONTENT_TYPE = "application/json"
MAX_BODY_BYTES = 1024 * 1024
MAX_QUESTIONS = 1000


def read_json_body(request: HttpRequest) -> Any:
    """The request's JSON document, after checking its type and size.

    The size is checked against the declared length first and again while reading,
    so a client cannot make the server buffer more than one MiB.
    """
    if request.content_type != JSON_CONTENT_TYPE:
        raise ApiError(
            f"Send the question as {JSON_CONTENT_TYPE} (got {request.content_type or 'no content type'}).",
            status=HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
            headers={"Accept-Post": JSON_CONTENT_TYPE},
        )
    charset = (request.content_params or {}).get("charset", "utf-8").lower()
    if charset not in ("utf-8", "utf8"):
        raise ApiError(
            f"The body must be UTF-8 (got charset {charset}).",
            status=HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
        )
    too_large = ApiError(
        f"The body is larger than {MAX_BODY_BYTES} bytes; send fewer questions per request.",
        status=HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
    )
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > MAX_BODY_BYTES:
        raise too_large
    raw = request.read(MAX_BODY_BYTES + 1)
    if len(raw) > MAX_BODY_BYTES:
        raise too_large
    return decode_json(raw)


def decode_json(raw: bytes) -> Any:
    """Parse JSON, naming the line and column of the first error."""
    if not raw.strip():
        raise ApiError("The body is empty: send one question (a JSON object) or an array of them.")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(f"The body is not valid UTF-8 (byte {exc.start}).") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ApiError(
            f"The body is not valid JSON (line {exc.lineno}, column {exc.colno}): {exc.msg}."
        ) from None
    except RecursionError:
        raise ApiError("The body is not valid JSON for this API: it is nested too deeply.") from None


def _question_error(exc: QuestionError, index: int | None) -> ApiError:
    field = exc.field if index is None else f"[{index}].{exc.field}"
    where = "The question" if index is None else f"Question [{index}]"
    text = exc.message
    if exc.allowed:
        text += f" (allowed: {', '.join(exc.allowed)})"
    return ApiError(
        f"{where} is invalid: {field}: {text}", fields={field: text}, allowed={field: exc.allowed}
    )


def _answer_one(item: object, index: int | None) -> dict[str, object]:
    try:
        return default_engine().assess(parse_question(item)).as_dict()
    except QuestionError as exc:  # from parsing, or from the engine (a date before the rule base)
        raise _question_error(exc, index) from None


def answer(document: Any) -> dict[str, object] | list[dict[str, object]]:
    """One decision for an object, a list of decisions in order for an array.

    The first invalid question stops the whole request, as in the CLI: a batch is
    either answered completely or not at all, so no caller acts on half an answer.
    """
    if isinstance(document, dict):
        return _answer_one(document, None)
    if not isinstance(document, list):
        raise ApiError("Expected one question (a JSON object) or an array of questions.")
    if len(document) > MAX_QUESTIONS:
        raise ApiError(
            f"At most {MAX_QUESTIONS} questions per request (got {len(document)}); split the array."
        )
    return [_answer_one(item, index) for index, item in enumerate(document)]
