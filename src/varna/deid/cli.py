"""``varna deid``: de-identify a Swedish case description read from standard input.

The contract (``shared/contracts/deid.md``): UTF-8 text on stdin; the de-identified text
on stdout, or with ``--json`` one object with ``text``, ``entities`` and
``residual_risks``. Exit 2 with a message on stderr – and nothing on stdout – when the
input is empty or not UTF-8, so a script never mistakes an error for a result.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import BinaryIO, TextIO

from varna.deid.pipeline import deidentify

EXIT_OK = 0
EXIT_INVALID = 2


def _fail(message: str, stderr: TextIO) -> int:
    print(f"varna deid: {message}", file=stderr)
    return EXIT_INVALID


def run_deid(stdin: BinaryIO, stdout: TextIO, stderr: TextIO, *, as_json: bool) -> int:
    raw = stdin.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _fail(f"input is not UTF-8 (byte {exc.start}): save the text as UTF-8 and try again", stderr)
    text = text.removeprefix("\ufeff")
    if not text.strip():
        return _fail("no input: give the case description as UTF-8 text on stdin", stderr)
    result = deidentify(text)
    if as_json:
        json.dump(result.as_dict(), stdout, ensure_ascii=False, indent=2)
        stdout.write("\n")
    else:
        stdout.write(result.text)
        if not result.text.endswith("\n"):
            stdout.write("\n")
    return EXIT_OK


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    deid = sub.add_parser("deid", help="de-identify a Swedish case description (UTF-8 text on stdin)")
    deid.add_argument("--json", action="store_true",
                      help="print one JSON object with text, entities and residual_risks")
    deid.set_defaults(handler=lambda args: run_deid(sys.stdin.buffer, sys.stdout, sys.stderr,
                                                    as_json=args.json))
