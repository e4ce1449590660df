"""Turn untrusted JSON into a :class:`Question`, or say exactly what is wrong.

The CLI, the JSON API and the web wizard all pass through here, so a bad field
gets the same message everywhere: which field, what was given, what is allowed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from enum import StrEnum
from typing import Any, TypeVar

from varna.law.model import Actor, Consent, Fact, Information, Party, Question, Setting

KNOWN_FIELDS = frozenset(
    {
        "on_date",
        "discloser",
        "recipient",
        "setting",
        "information",
        "identifiable",
        "known_to_all_present",
        "subject_age",
        "consent",
        "facts",
    }
)
PARTY_FIELDS = frozenset({"actor", "authority", "delegated_by"})
MAX_AGE = 130
MAX_AUTHORITY_LENGTH = 100

E = TypeVar("E", bound=StrEnum)


class QuestionError(ValueError):
    """A question that cannot be answered because a field is missing or malformed."""

    def __init__(self, field: str, message: str, allowed: tuple[str, ...] = ()) -> None:
        self.field = field
        self.message = message
        self.allowed = allowed
        text = f"{field}: {message}"
        if allowed:
            text += f" (allowed: {', '.join(allowed)})"
        super().__init__(text)

    def as_dict(self) -> dict[str, object]:
        return {"field": self.field, "message": self.message, "allowed": list(self.allowed)}


def _enum(cls: type[E], value: object, field: str) -> E:
    member = cls._value2member_map_.get(value) if isinstance(value, str) else None
    if member is not None:
        return member  # type: ignore[return-value]
    allowed = tuple(m.value for m in cls)
    if not isinstance(value, str):
        raise QuestionError(field, f"expected a string, got {_shown(value)}", allowed)
    raise QuestionError(field, f"unknown value {value!r}", allowed)


def _shown(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    return f"{type(value).__name__} {value!r}"


def _bool(data: Mapping[str, Any], key: str, default: bool) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        raise QuestionError(key, f"expected true or false, got {_shown(value)}")
    return value


def _authority(value: object, field: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise QuestionError(field, f"expected a non-empty string, got {_shown(value)}")
    if len(value) > MAX_AUTHORITY_LENGTH:
        raise QuestionError(field, f"longer than {MAX_AUTHORITY_LENGTH} characters")
    return value.strip().lower()


def _party(data: Mapping[str, Any], key: str) -> Party:
    if key not in data:
        raise QuestionError(key, "required field is missing")
    raw = data[key]
    if not isinstance(raw, Mapping):
        raise QuestionError(key, f"expected an object with 'actor', got {_shown(raw)}")
    unknown = sorted(set(raw) - PARTY_FIELDS)
    if unknown:
        raise QuestionError(
            f"{key}.{unknown[0]}", "unknown field", tuple(sorted(PARTY_FIELDS))
        )
    if "actor" not in raw:
        raise QuestionError(f"{key}.actor", "required field is missing",
                            tuple(a.value for a in Actor))
    actor = _enum(Actor, raw["actor"], f"{key}.actor")
    if key == "discloser" and actor is Actor.PRIVATE:
        raise QuestionError(
            "discloser.actor",
            "'private' can only receive information; the engine judges authorities' secrecy",
            tuple(a.value for a in Actor if a is not Actor.PRIVATE),
        )
    return Party(
        actor=actor,
        authority=_authority(raw.get("authority"), f"{key}.authority"),
        delegated_by=_authority(raw.get("delegated_by"), f"{key}.delegated_by"),
    )


def _on_date(data: Mapping[str, Any], today: dt.date) -> dt.date:
    raw = data.get("on_date")
    if raw is None:
        return today
    if not isinstance(raw, str):
        raise QuestionError("on_date", f"expected an ISO date such as 2016-02-01, got {_shown(raw)}")
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise QuestionError(
            "on_date", f"{raw!r} is not an ISO date (YYYY-MM-DD), e.g. 2016-02-01"
        ) from None


def _age(data: Mapping[str, Any]) -> int | None:
    raw = data.get("subject_age")
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise QuestionError("subject_age", f"expected a whole number or null, got {_shown(raw)}")
    if not 0 <= raw <= MAX_AGE:
        raise QuestionError("subject_age", f"{raw} is outside 0–{MAX_AGE}")
    return raw


def _facts(data: Mapping[str, Any]) -> frozenset[Fact]:
    raw = data.get("facts", [])
    if raw is None:
        return frozenset()
    if not isinstance(raw, list):
        raise QuestionError("facts", f"expected a list of fact ids, got {_shown(raw)}",
                            tuple(f.value for f in Fact))
    return frozenset(_enum(Fact, item, f"facts[{i}]") for i, item in enumerate(raw))


def parse_question(data: object, *, today: dt.date | None = None) -> Question:
    """Validate one question object from the contract's JSON.

    Unknown top-level fields are not an error (the contract lets callers add
    fields), but they are remembered so the decision can warn that they were
    ignored: a misspelt ``subject_age`` must not pass silently.
    """
    if not isinstance(data, Mapping):
        raise QuestionError("question", f"expected a JSON object, got {_shown(data)}")
    today = today or dt.date.today()
    ignored = tuple(sorted(str(k) for k in data if k not in KNOWN_FIELDS))
    setting_raw = data.get("setting", Setting.DIRECT.value)
    information_raw = data.get("information", Information.PERSONAL_CIRCUMSTANCES.value)
    consent_raw = data.get("consent", Consent.NONE.value)
    return Question(
        on_date=_on_date(data, today),
        discloser=_party(data, "discloser"),
        recipient=_party(data, "recipient"),
        setting=_enum(Setting, setting_raw, "setting"),
        information=_enum(Information, information_raw, "information"),
        identifiable=_bool(data, "identifiable", True),
        known_to_all_present=_bool(data, "known_to_all_present", False),
        subject_age=_age(data),
        consent=_enum(Consent, consent_raw, "consent"),
        facts=_facts(data),
        ignored_fields=ignored,
    )


def question_to_dict(question: Question) -> dict[str, object]:
    """The inverse of :func:`parse_question`, for records and round-trip tests."""

    def party(p: Party) -> dict[str, object]:
        out: dict[str, object] = {"actor": p.actor.value}
        if p.authority:
            out["authority"] = p.authority
        if p.delegated_by:
            out["delegated_by"] = p.delegated_by
        return out

    return {
        "on_date": question.on_date.isoformat(),
        "discloser": party(question.discloser),
        "recipient": party(question.recipient),
        "setting": question.setting.value,
        "information": question.information.value,
        "identifiable": question.identifiable,
        "known_to_all_present": question.known_to_all_present,
        "subject_age": question.subject_age,
        "consent": question.consent.value,
        "facts": sorted(f.value for f in question.facts),
    }
