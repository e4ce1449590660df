"""The ``varna`` command: one entry point, one sub-command per domain package."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from varna.ctc import cli as ctc_cli
from varna.deid import cli as deid_cli
from varna.guide import cli as guide_cli
from varna.law import cli as law_cli
from varna.web import cli as web_cli


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="varna",
        description="Värna – stöd för att värna demokratin mot våldsbejakande extremism.",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    law_cli.add_commands(sub)
    guide_cli.add_commands(sub)
    deid_cli.add_commands(sub)
    ctc_cli.add_commands(sub)
    web_cli.add_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    result: int = args.handler(args)
    sys.stdout.flush()
    return result
