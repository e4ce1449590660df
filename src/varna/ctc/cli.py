"""``varna ctc profile|example|check``: risk and protective factor profiles from the command line.

The profile command is a contract (``shared/contracts/ctc-spec.md``): the profile on
stdout (or in ``--out``), exit 0; exit 2 with a message on stderr – and nothing on stdout –
when the spec, the programs file or the survey cannot be used. Problems with single
answers (text, out of range) do not stop the run: they are counted in the profile.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

from varna.ctc.example import ExampleError, generate, parse_plant, write_survey
from varna.ctc.profile import Profile, profile
from varna.ctc.programs import ProgramsError, load_programs
from varna.ctc.spec import SpecError, load_spec
from varna.ctc.survey import SurveyError

EXIT_OK = 0
EXIT_INVALID = 2
FORMATS = ("json", "html", "pdf", "csv")


def _fail(command: str, message: str, stderr: TextIO) -> int:
    print(f"varna ctc {command}: {message}", file=stderr)
    return EXIT_INVALID


def _spec_problems(exc: SpecError | ProgramsError) -> str:
    if len(exc.problems) == 1:
        return f"{exc.source}: {exc.problems[0]}"
    return f"{exc.source}: {len(exc.problems)} problems\n" + "\n".join(f"  - {p}" for p in exc.problems)


def run_profile(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    fmt = args.format or _format_from(args.out)
    if fmt is None:
        return _fail("profile", f"--out {args.out}: cannot tell the format; give --format json|html|pdf|csv",
                     stderr)
    try:
        spec = load_spec(args.spec)
        programs = load_programs(args.programs)
        result = profile(args.input, spec, programs=programs)
    except (SpecError, ProgramsError) as exc:
        return _fail("profile", _spec_problems(exc), stderr)
    except SurveyError as exc:
        return _fail("profile", str(exc), stderr)
    _warn_excluded(result, stderr)
    if fmt == "json":
        output: str | bytes = json.dumps(result.as_dict(), ensure_ascii=False, indent=2) + "\n"
    else:
        from varna.ctc.report import render_csv, render_html, render_pdf  # reportlab only when asked for

        if fmt == "pdf":
            output = render_pdf(result)
        else:
            output = render_html(result) if fmt == "html" else render_csv(result)
    if args.out:
        try:
            if isinstance(output, str):
                Path(args.out).write_text(output, encoding="utf-8")
            else:
                Path(args.out).write_bytes(output)
        except OSError as exc:
            return _fail("profile", f"--out {args.out}: cannot write ({exc.strerror or exc})", stderr)
    elif isinstance(output, str):
        stdout.write(output)
    else:
        stdout.flush()
        sys.stdout.buffer.write(output)
    return EXIT_OK


def _warn_excluded(result: Profile, stderr: TextIO) -> None:
    """Excluded answers go on stderr too (the run still succeeds): the first rows, then counts."""
    counts = {kind: n for kind, n in result.problem_counts.items() if n}
    for note in result.notes:
        print(f"varna ctc profile: note: {note}", file=stderr)
    if not counts:
        return
    for problem in result.problems:
        print(f"varna ctc profile: {problem.as_dict()['message']}", file=stderr)
    summary = ", ".join(f"{kind} {n}" for kind, n in counts.items())
    print(f"varna ctc profile: excluded in all – {summary} (see \"excluded\" in the profile)", file=stderr)


def _format_from(out: str | None) -> str | None:
    if out is None:
        return "json"
    suffix = Path(out).suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else None


def run_example(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    try:
        spec = load_spec(args.spec)
        plants = tuple(parse_plant(p, spec) for p in args.plant or [])
        frame = generate(spec, args.rows, args.seed, plants)
        write_survey(frame, Path(args.out))
    except SpecError as exc:
        return _fail("example", _spec_problems(exc), stderr)
    except ExampleError as exc:
        return _fail("example", str(exc), stderr)
    print(f"{args.out}: {frame.height} fictional respondents, {len(spec.items)} items, seed {args.seed}"
          + (f", planted {', '.join(args.plant)}" if args.plant else ""), file=stdout)
    return EXIT_OK


def run_check(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    try:
        spec = load_spec(args.spec)
        programs = load_programs(args.programs)
    except (SpecError, ProgramsError) as exc:
        return _fail("check", _spec_problems(exc), stderr)
    from varna.ctc.programs import unknown_targets

    print(f"spec {spec.source}: {len(spec.factors)} factors, {len(spec.items)} items – ok", file=stdout)
    print(f"programs: {len(programs)} programs – ok", file=stdout)
    for note in [*spec.warnings, *unknown_targets(programs, spec)]:
        print(f"note: {note}", file=stdout)
    return EXIT_OK


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    ctc = sub.add_parser("ctc", help="risk and protective factor profiles from a youth survey (CTC)")
    ctc_sub = ctc.add_subparsers(dest="ctc_command", required=True)

    prof = ctc_sub.add_parser("profile", help="each area's factors against the rest of the city")
    prof.add_argument("--spec", default="default",
                      help="scoring spec (YAML); omit or 'default' for the bundled CTC-style spec")
    prof.add_argument("--input", required=True, help="the survey: .csv, .parquet or .xlsx")
    prof.add_argument("--format", choices=FORMATS,
                      help="json (default), html, pdf, or csv (the numbers as a table); "
                           "taken from --out's suffix when omitted")
    prof.add_argument("--out", help="write here instead of standard output")
    prof.add_argument("--programs", default="default",
                      help="catalogue of programs (YAML); omit or 'default' for the bundled one")
    prof.set_defaults(handler=lambda args: run_profile(args, sys.stdout, sys.stderr))

    example = ctc_sub.add_parser("example", help="write a fictional survey to try the profile with")
    example.add_argument("--rows", type=int, default=5000, help="respondents (default 5000)")
    example.add_argument("--seed", type=int, default=1, help="the same seed gives the same file")
    example.add_argument("--out", required=True, help=".csv, .parquet or .xlsx")
    example.add_argument("--spec", default="default", help="the spec whose items to write")
    example.add_argument("--plant", action="append", metavar="AREA:FACTOR:+PP",
                         help="make FACTOR PP percentage points more common in AREA (repeatable)")
    example.set_defaults(handler=lambda args: run_example(args, sys.stdout, sys.stderr))

    check = ctc_sub.add_parser("check", help="validate a spec and a programs file")
    check.add_argument("--spec", default="default")
    check.add_argument("--programs", default="default")
    check.set_defaults(handler=lambda args: run_check(args, sys.stdout, sys.stderr))
