"""The meeting rule: who may take part in a cooperation group, and who may only listen.

In a group the information reaches every authority present at once. The appendix
therefore treats the group differently from a direct, one-to-one disclosure: the
social services and the medical student health may not speak about an
identifiable person there unless consent, real anonymity or knowledge everyone
already has lifts their secrecy. They may listen; listening discloses nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from varna.law.model import Outcome, Participation, Question, Setting
from varna.law.rulebase import Provision, RuleSet


@dataclass(frozen=True, slots=True)
class MeetingVerdict:
    rule: Provision
    blocks: bool
    reason_sv: str
    listen_only_holder: bool


def meeting_verdict(
    rules: RuleSet, setting: Setting, applying: list[Provision], exception: Provision | None
) -> MeetingVerdict | None:
    """Does a meeting rule govern this secrecy in this setting, and does it block ``exception``?"""
    if setting is not Setting.COOPERATION_GROUP or not applying:
        return None
    for rule in rules.meeting:
        held = [s for s in applying if s.id in rule.secrecy]
        if not held:
            continue
        blocks = exception is not None and exception.id not in rule.lifted_only_by
        names = ", ".join(s.label for s in held)
        reason = (
            f"I en samverkansgrupp kan sekretessen enligt {names} bara hävas genom samtycke, en "
            "verkligt avidentifierad beskrivning eller uppgifter som alla redan känner till "
            "(JO 1990/91 s. 369)."
        )
        return MeetingVerdict(rule, blocks, reason, listen_only_holder=True)
    return None


def participation_for(question: Question, outcome: Outcome) -> Participation | None:
    """In a group about an identifiable person: take part, or only listen."""
    if question.setting is not Setting.COOPERATION_GROUP or not question.identifiable:
        return None
    if outcome in (Outcome.ALLOWED, Outcome.ALLOWED_AFTER_ASSESSMENT):
        return Participation.PARTICIPATE
    return Participation.LISTEN_ONLY
