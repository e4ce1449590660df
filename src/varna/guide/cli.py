"""``varna org check|show``: a municipality's organisation file from the command line.

Whoever keeps the file – the safety unit, the legal unit – runs ``varna org check``
after every edit. Exit codes follow ``varna rules check``: 0 clean, 1 problems
(every one listed as ``file:line: entry 'id' field 'x': message``), 2 when the file
cannot be read or is not YAML at all.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from varna.guide.check import CheckResult, check_document
from varna.guide.loader import DEFAULT_MUNICIPALITY_FILE
from varna.guide.model import Level, Municipality, Role
from varna.guide.schema import LEVEL_LABELS, ROLE_LABELS

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_INVALID = 2


def _check(path: Path | None) -> CheckResult:
    if path is None:
        return check_document(DEFAULT_MUNICIPALITY_FILE, display=DEFAULT_MUNICIPALITY_FILE.name)
    return check_document(path)


def summary_sv(m: Municipality) -> str:
    """One line for a clean file: what it holds, so a typo that drops a section shows."""
    return (f"{m.label_sv}: {len(m.districts)} stadsområden, {len(m.units)} enheter, "
            f"{len(m.contacts)} kontaktvägar, {len(m.services)} insatser, "
            f"{len(m.cooperations)} samverkansformer, {len(m.partners)} samverkansparter – inga fel")


def run_org_check(path: Path | None, stdout: TextIO, stderr: TextIO) -> int:
    result = _check(path)
    if result.unreadable:
        for problem in result.problems:
            print(f"varna org check: {problem}", file=stderr)
        return EXIT_INVALID
    if result.municipality is None:
        for problem in result.problems:
            print(problem, file=stdout)
        print(f"{len(result.problems)} fel i {result.file}", file=stdout)
        return EXIT_PROBLEMS
    print(summary_sv(result.municipality), file=stdout)
    return EXIT_OK


def _phone_web(phone: str, web: str) -> str:
    parts = [f"tel. {phone}" if phone else "", web]
    text = ", ".join(p for p in parts if p)
    return f" ({text})" if text else ""


def _print_contacts(m: Municipality, out: TextIO, district: str | None, role: Role | None,
                    levels: list[Level]) -> None:
    for level in levels:
        info = m.level(level)
        print(f"\nVart vänder jag mig? – {info.name_sv}", file=out)
        contacts = m.contacts_for(level=level, role=role, district=district)
        if not contacts:
            print("  (ingen kontaktväg för det urvalet)", file=out)
        for index, contact in enumerate(contacts, start=1):
            unit = m.unit(contact.unit)
            # "Säkerhetspolisen – Säkerhetspolisen" says nothing twice; name the unit only if new.
            named = "" if unit.name_sv.casefold() in contact.function_sv.casefold() else f" – {unit.name_sv}"
            print(f"  {index}. {contact.function_sv}{named}{_phone_web(contact.phone, contact.web)}",
                  file=out)
            if contact.how_sv:
                print(f"     {contact.how_sv}", file=out)
        if info.advice_sv:
            print(f"  Råd: {info.advice_sv}", file=out)


def show(m: Municipality, out: TextIO, *, district: str | None = None, role: Role | None = None,
         level: Level | None = None) -> None:
    """A readable overview; with filters, only where to turn for that district, role and level."""
    print(f"{m.label_sv} – {m.source.title_sv}", file=out)
    filtered = district is not None or role is not None or level is not None
    if not filtered:
        print("\nPreventionsnivåer", file=out)
        for info in m.levels:
            print(f"  {info.name_sv}: {info.approach_sv}", file=out)
        print("\nStadsområden", file=out)
        for d in m.districts:
            places = f" ({', '.join(d.neighbourhoods)})" if d.neighbourhoods else ""
            print(f"  {d.name_sv}{places}", file=out)
        print("\nNämnder och myndigheter", file=out)
        for a in m.authorities:
            if a.partner:
                continue
            print(f"  {a.name_sv} [{a.kind}]", file=out)
            for u in m.units_of_authority(a.id):
                assumed = ", antagen" if u.actor_assumed else ""
                print(f"    - {u.name_sv} [{u.actor.value}{assumed}]{_phone_web(u.phone, u.web)}", file=out)
        print("\nSamverkansparter", file=out)
        for a in m.partners:
            print(f"  {a.name_sv} [{a.kind}, {a.acts_as}]", file=out)
        print("\nInsatser", file=out)
        for s in m.services:
            ages = ""
            if s.ages is not None:
                ages = f", {s.ages.low or 0}–{s.ages.high if s.ages.high is not None else ''} år"
            print(f"  {s.name_sv} ({m.unit(s.provider).name_sv}{ages}): {s.offers_sv}", file=out)
        print("\nSamverkansformer", file=out)
        for c in m.cooperations:
            short = f" ({c.short_sv})" if c.short_sv else ""
            convener = f"; sammankallande: {m.name_of(c.convener)}" if c.convener else ""
            print(f"  {c.name_sv}{short}{convener}", file=out)
        print("\nNationella resurser", file=out)
        for r in m.national_resources:
            flags = " [senare än riktlinjen]" if r.later else ""
            flags += " [ej verifierad]" if not r.verified else ""
            print(f"  {r.name_sv}{flags}{_phone_web(r.phone, r.web)}", file=out)
    else:
        where = m.district(district).name_sv if district else "alla stadsområden"
        who = ROLE_LABELS[role] if role else "alla roller"
        print(f"Urval: {where}; {who}" + (f"; {LEVEL_LABELS[level]}" if level else ""), file=out)
    _print_contacts(m, out, district, role, [level] if level else list(Level))


def run_org_show(path: Path | None, district: str | None, role: str | None, level: str | None,
                 stdout: TextIO, stderr: TextIO) -> int:
    result = _check(path)
    if result.municipality is None:
        for problem in result.problems:
            print(f"varna org show: {problem}", file=stderr)
        return EXIT_INVALID if result.unreadable else EXIT_PROBLEMS
    m = result.municipality
    district_id: str | None = None
    if district is not None:
        found = m.find_district(district)
        if found is None:
            known = ", ".join(d.name_sv for d in m.districts) or "inga"
            print(f"varna org show: okänt stadsområde eller område {district!r} (stadsområden: {known})",
                  file=stderr)
            return EXIT_INVALID
        district_id = found.id
    show(m, stdout, district=district_id, role=Role(role) if role else None,
         level=Level(level) if level else None)
    return EXIT_OK


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    org = sub.add_parser("org", help="check or show a municipality's organisation file")
    org_sub = org.add_subparsers(dest="org_command", required=True)
    check = org_sub.add_parser("check", help="validate a municipality file and list every problem")
    check.add_argument("path", nargs="?", type=Path, help="municipality YAML file (default: Malmö 2015)")
    check.set_defaults(handler=lambda args: run_org_check(args.path, sys.stdout, sys.stderr))
    show_cmd = org_sub.add_parser("show", help="print a readable summary of a municipality file")
    show_cmd.add_argument("path", nargs="?", type=Path, help="municipality YAML file (default: Malmö 2015)")
    show_cmd.add_argument("--district", help="district id, name or neighbourhood (for example Rosengård)")
    show_cmd.add_argument("--role", choices=[r.value for r in Role], help="who is asking")
    show_cmd.add_argument("--level", choices=[lv.value for lv in Level], help="prevention level")
    show_cmd.set_defaults(handler=lambda args: run_org_show(args.path, args.district, args.role, args.level,
                                                            sys.stdout, sys.stderr))
