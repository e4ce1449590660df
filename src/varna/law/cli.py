"""``varna assess`` and ``varna rules check|show``: the law from the command line.

The assess command is a contract (``shared/contracts/assessment.md``): one JSON
document on stdin, decisions on stdout, exit 2 with a message naming the field on
stderr – and nothing on stdout – when any question is invalid.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from varna.law.check import check_rules
from varna.law.engine import Engine, default_engine
from varna.law.question import QuestionError, parse_question
from varna.law.rulebase import DEFAULT_RULES_DIR, RuleBaseError, load_rulebase

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_INVALID = 2


def _fail(message: str, stderr: TextIO) -> int:
    print(f"varna assess: {message}", file=stderr)
    return EXIT_INVALID


def run_assess(stdin: TextIO, stdout: TextIO, stderr: TextIO, engine: Engine | None = None) -> int:
    raw = stdin.read()
    if not raw.strip():
        return _fail("no input: give one JSON question (an object) or a list of them on stdin",
                     stderr)
    try:
        document: Any = json.loads(raw)
    except json.JSONDecodeError as exc:
        return _fail(f"input is not valid JSON (line {exc.lineno}, column {exc.colno}): "
                     f"{exc.msg}", stderr)
    engine = engine or default_engine()
    single = isinstance(document, dict)
    if not single and not isinstance(document, list):
        return _fail("expected a JSON object (one question) or an array of objects", stderr)
    items = [document] if single else document
    decisions = []
    for index, item in enumerate(items):
        try:
            decisions.append(engine.assess(parse_question(item)).as_dict())
        except QuestionError as exc:
            where = "" if single else f"question [{index}]: "
            return _fail(f"{where}{exc}", stderr)
    output = decisions[0] if single else decisions
    json.dump(output, stdout, ensure_ascii=False, indent=2)
    stdout.write("\n")
    return EXIT_OK


def run_rules_check(path: Path | None, stdout: TextIO) -> int:
    root = path or DEFAULT_RULES_DIR
    if not root.is_dir():
        print(f"{root}: not a rule-base directory (expected versions.yaml and provisions/)",
              file=stdout)
        return EXIT_INVALID
    checked = check_rules(root)
    for problem in checked.problems:
        print(problem, file=stdout)
    if checked.problems:
        print(f"{len(checked.problems)} problem(s) in {root}", file=stdout)
        return EXIT_PROBLEMS
    print(f"OK: {len(checked.entries)} entries, {len(checked.versions)} versions in {root}",
          file=stdout)
    return EXIT_OK


def run_rules_show(path: Path | None, day: dt.date, as_json: bool, stdout: TextIO) -> int:
    try:
        rulebase = load_rulebase(path)
    except RuleBaseError as exc:
        print(exc, file=stdout)
        return EXIT_PROBLEMS
    if day < rulebase.earliest:
        print(f"{day} is before the rule base begins ({rulebase.earliest})", file=stdout)
        return EXIT_INVALID
    version = rulebase.version_for(day)
    entries = rulebase.in_force_on(day)
    if as_json:
        json.dump({
            "date": day.isoformat(),
            "rulebase": version.id,
            "reviewed_on": version.reviewed_on.isoformat(),
            "entries": [
                {"id": p.id, "citation": p.citation, "title_sv": p.title_sv, "kind": p.kind,
                 "status": p.status,
                 "in_force": {"from": p.in_force.start.isoformat() if p.in_force.start else None,
                              "to": p.in_force.end.isoformat() if p.in_force.end else None},
                 "summary_sv": p.summary_sv}
                for p in entries
            ],
        }, stdout, ensure_ascii=False, indent=2)
        stdout.write("\n")
        return EXIT_OK
    print(f"Regelbas {version.id} den {day} (granskad {version.reviewed_on})", file=stdout)
    print(version.summary_sv, file=stdout)
    if day > rulebase.latest_review:
        print(f"OBS: {day} ligger efter senaste granskning ({rulebase.latest_review}).",
              file=stdout)
    for kind, heading in (
        ("secrecy", "Sekretessbestämmelser"), ("breaking", "Sekretessbrytande bestämmelser"),
        ("principle", "Principer"), ("meeting", "Samverkansgruppen"), ("duty", "Skyldigheter"),
        ("organisation", "Organisation"), ("guidance", "JO-uttalanden"),
        ("consequence", "Påföljd"), ("context", "Sammanhang"),
        ("pending", "Ej verifierat eller förslag (bara varningar)"),
    ):
        group = [p for p in entries if p.kind == kind]
        if not group:
            continue
        print(f"\n{heading}", file=stdout)
        for p in group:
            since = f" (från {p.in_force.start})" if p.in_force.start else ""
            print(f"  {p.label:<20} {p.title_sv}{since} [{p.status}]", file=stdout)
    return EXIT_OK


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    assess = sub.add_parser("assess", help="answer secrecy questions (JSON on stdin)")
    assess.set_defaults(handler=lambda args: run_assess(sys.stdin, sys.stdout, sys.stderr))
    rules = sub.add_parser("rules", help="validate or print the rule base")
    rules_sub = rules.add_subparsers(dest="rules_command", required=True)
    check = rules_sub.add_parser("check", help="validate the rule-base data")
    check.add_argument("path", nargs="?", type=Path, help="rule-base directory (default: bundled)")
    check.set_defaults(handler=lambda args: run_rules_check(args.path, sys.stdout))
    show = rules_sub.add_parser("show", help="print the rule base in force on a date")
    show.add_argument("--date", type=dt.date.fromisoformat, default=dt.date.today(),
                      help="YYYY-MM-DD (default: today)")
    show.add_argument("--path", type=Path, default=None, help="rule-base directory")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(handler=lambda args: run_rules_show(args.path, args.date, args.json,
                                                          sys.stdout))
