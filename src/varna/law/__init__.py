"""Secrecy rules as code: the rule base, ``assess(question) -> decision`` and its trace.

Plain Python on purpose: no Django, no database, no I/O beyond reading the bundled
YAML, so the law can be tested in microseconds and used from a CLI, an API and a
web page alike.
"""

from varna.law.engine import Engine, assess, default_engine
from varna.law.model import (
    Actor,
    Consent,
    Decision,
    Fact,
    Information,
    Outcome,
    Participation,
    Party,
    Question,
    Setting,
    TraceStep,
)
from varna.law.question import QuestionError, parse_question, question_to_dict
from varna.law.rulebase import RuleBase, RuleBaseError, default_rulebase, load_rulebase

__all__ = [
    "Actor", "Consent", "Decision", "Engine", "Fact", "Information", "Outcome",
    "Participation", "Party", "Question", "QuestionError", "RuleBase", "RuleBaseError",
    "Setting", "TraceStep", "assess", "default_engine", "default_rulebase", "load_rulebase",
    "parse_question", "question_to_dict",
]
