"""``varna audit|units|demo|retention``: the workspace's database from the command line.

These sub-commands need Django and the database; the domain commands (``varna assess``,
``varna deid`` …) must stay fast and Django-free, so this module imports nothing of
Django at load time. Each handler calls :func:`_django` first, which configures the
settings (``DJANGO_SETTINGS_MODULE`` defaults to the project's) and imports lazily.
In the test run Django is already set up, and the handlers use the test database.

Exit codes: 0 done (or the log is intact), 1 a problem found (a broken log entry),
2 the command could not run (no database, bad configuration).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import TextIO

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_FAILED = 2


def _django() -> None:
    """Set Django up once; a no-op when it already is (the test run, a second command)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "varna.web.config.settings")
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()


def _guarded(command: str, run: Callable[[], int]) -> int:
    """Run a handler; a database or configuration that cannot be used is one line and exit 2."""
    try:
        return run()
    except Exception as error:
        from django.core.exceptions import ImproperlyConfigured
        from django.db import DatabaseError

        if isinstance(error, DatabaseError | ImproperlyConfigured):
            print(
                f"varna {command}: databasen eller inställningarna kan inte användas: {error}",
                file=sys.stderr,
            )
            print("Har databasen migrerats (python -m django migrate)?", file=sys.stderr)
            return EXIT_FAILED
        raise


# --- varna audit verify ---------------------------------------------------------------


def run_audit_verify(stdout: TextIO) -> int:
    _django()
    from varna.web.audit.services import audit_verify

    result = audit_verify()
    if result.ok:
        print(f"Loggboken är hel: {result.checked} poster kontrollerade.", file=stdout)
        return EXIT_OK
    print(
        f"Loggboken är bruten vid post {result.first_broken}: {_problem_sv(result.problem)} "
        f"({result.checked} poster före den stämmer).",
        file=stdout,
    )
    return EXIT_PROBLEMS


def _problem_sv(problem: str) -> str:
    """The verifier's English reason in Swedish; an unknown reason is shown as it is."""
    if problem.startswith("entry ") and "is missing" in problem:
        return "posten saknas (" + problem + ")"
    if problem.startswith("the log ends at entry"):
        return "loggen har kortats i slutet (" + problem + ")"
    known = {
        "its link to the previous entry does not match": "dess länk till föregående post stämmer inte",
        "its contents were changed after it was written": "dess innehåll har ändrats efter att den skrevs",
    }
    return known.get(problem, problem)


# --- varna units sync -----------------------------------------------------------------


def run_units_sync(stdout: TextIO) -> int:
    _django()
    from varna.web.accounts.services import units_sync
    from varna.web.core.municipality import current_municipality

    municipality = current_municipality()
    result = units_sync(municipality=municipality)
    print(
        f"Enheter från {municipality.label_sv}: {result.created} nya, {result.updated} uppdaterade, "
        f"{result.deactivated} inaktiverade.",
        file=stdout,
    )
    return EXIT_OK


# --- varna demo load ------------------------------------------------------------------


def run_demo_load(stdout: TextIO) -> int:
    _django()
    from varna.web.workspace.demo import demo_load

    report = demo_load()
    print(report.text_sv(), file=stdout)
    return EXIT_OK


# --- varna plans load-default ---------------------------------------------------------


def run_plans_load_default(stdout: TextIO) -> int:
    _django()
    from varna.web.plans.management.commands.load_default_plans import load_default

    print(load_default(), file=stdout)
    return EXIT_OK


# --- varna retention run [--dry-run] --------------------------------------------------


def run_retention(args: argparse.Namespace, stdout: TextIO) -> int:
    """Anonymise closed individual matters past their retention date; ``--dry-run`` only lists them."""
    _django()
    from django.utils import timezone

    from varna.web.matters.retention import retention_run

    report = retention_run(today=timezone.localdate(), dry_run=bool(args.dry_run))
    print(report.text_sv(), file=stdout)
    return EXIT_OK


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    audit = sub.add_parser("audit", help="loggboken: kontrollera att ingen post ändrats eller tagits bort")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True)
    verify = audit_sub.add_parser("verify", help="gå igenom hela hashkedjan och namnge första brutna post")
    verify.set_defaults(handler=lambda args: _guarded("audit verify", lambda: run_audit_verify(sys.stdout)))

    units = sub.add_parser("units", help="arbetsrummets enheter")
    units_sub = units.add_subparsers(dest="units_command", required=True)
    sync = units_sub.add_parser(
        "sync", help="kopiera enheterna från organisationsfilen (VARNA_MUNICIPALITY_FILE) till databasen"
    )
    sync.set_defaults(handler=lambda args: _guarded("units sync", lambda: run_units_sync(sys.stdout)))

    demo = sub.add_parser("demo", help="påhittade demodata för arbetsrummet")
    demo_sub = demo.add_subparsers(dest="demo_command", required=True)
    load = demo_sub.add_parser(
        "load", help="lägg in demodata (går att köra flera gånger) och skriv ut inloggningarna"
    )
    load.set_defaults(handler=lambda args: _guarded("demo load", lambda: run_demo_load(sys.stdout)))

    plans = sub.add_parser("plans", help="handlingsplaner, projekt och kompetensutveckling")
    plans_sub = plans.add_subparsers(dest="plans_command", required=True)
    load_default = plans_sub.add_parser(
        "load-default", help="lägg in riktlinjens planer för 2016 som saknas (går att köra flera gånger)"
    )
    load_default.set_defaults(handler=lambda args: run_plans_load_default(sys.stdout))

    # retention
    retention = sub.add_parser("retention", help="gallring av avslutade individärenden")
    retention_sub = retention.add_subparsers(dest="retention_command", required=True)
    retention_run_parser = retention_sub.add_parser(
        "run", help="anonymisera avslutade individärenden vars gallringsdatum har passerat"
    )
    retention_run_parser.add_argument(
        "--dry-run", action="store_true", help="visa bara vad som skulle gallras; ändra ingenting"
    )
    retention_run_parser.set_defaults(
        handler=lambda args: _guarded("retention run", lambda: run_retention(args, sys.stdout))
    )
