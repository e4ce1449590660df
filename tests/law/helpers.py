"""Small builders so tests state only what matters for the rule they check."""

from __future__ import annotations

from typing import Any

from varna.law import Decision, assess, parse_question


def ask(discloser: str, recipient: str, **fields: Any) -> Decision:
    """Assess a question given as the contract's JSON fields; on_date defaults to 2016-02-01."""
    d_auth = fields.pop("discloser_authority", None)
    r_auth = fields.pop("recipient_authority", None)
    question: dict[str, Any] = {
        "on_date": "2016-02-01",
        "discloser": {"actor": discloser, **({"authority": d_auth} if d_auth else {})},
        "recipient": {"actor": recipient, **({"authority": r_auth} if r_auth else {})},
    }
    question.update(fields)
    return assess(parse_question(question))


def rules_tried(decision: Decision) -> list[str]:
    return [step.rule for step in decision.trace]


def applied(decision: Decision) -> list[str]:
    return [step.rule for step in decision.trace if step.applied]
