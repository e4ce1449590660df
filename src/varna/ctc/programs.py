"""The catalogue of evidence-based programs and the suggestions made from a profile.

A municipality keeps its own catalogue (YAML, the bundled ``data/programs.yaml`` is the
starting point). Each program names the factor ids it targets; the profile suggests, for
each area, the programs that target its priority factors and says which ones ("riktar sig
mot: …"). A suggestion is a starting point for the local board's choice, not a decision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from varna.ctc.spec import Spec

LEVELS = ("universal", "selective", "indicated")
LEVEL_LABELS_SV = {"universal": "universell", "selective": "selektiv", "indicated": "indikerad"}
MAX_SUGGESTIONS = 5
_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


class ProgramsError(ValueError):
    def __init__(self, source: str, problems: list[str]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: " + "; ".join(problems))


@dataclass(frozen=True)
class Program:
    id: str
    name: str
    targets: tuple[str, ...]
    age_group: str
    level: tuple[str, ...]
    evidence_rating: str
    evidence_source: str
    source: str
    description: str

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "targets": list(self.targets), "age_group": self.age_group,
                "level": list(self.level), "evidence": {"rating": self.evidence_rating,
                                                        "source": self.evidence_source},
                "source": self.source, "description": self.description}


@dataclass(frozen=True)
class Suggestion:
    program: Program
    matched: tuple[str, ...]
    why: str

    def as_dict(self) -> dict[str, Any]:
        return {"program": self.program.id, "name": self.program.name, "targets": list(self.matched),
                "why": self.why, "level": list(self.program.level), "age_group": self.program.age_group,
                "evidence": {"rating": self.program.evidence_rating, "source": self.program.evidence_source},
                "source": self.program.source}


def _text(raw: dict[str, Any], key: str, where: str, problems: list[str], required: bool = True) -> str:
    value = raw.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or not value.strip():
        problems.append(f"{where}, field {key!r}: required; a non-empty text")
        return ""
    return value.strip()


def parse_programs(data: Any, source: str = "<programs>") -> tuple[Program, ...]:
    problems: list[str] = []
    if not isinstance(data, dict) or not isinstance(data.get("programs"), list):
        raise ProgramsError(source, ["the file must hold a mapping with a list under 'programs'"])
    programs: list[Program] = []
    known = {"id", "name", "targets", "age_group", "level", "evidence", "source", "description"}
    for index, raw in enumerate(data["programs"]):
        if not isinstance(raw, dict):
            problems.append(f"programs[{index}]: expected a mapping")
            continue
        pid = raw.get("id")
        where = f"program {pid!r}" if isinstance(pid, str) else f"programs[{index}]"
        before = len(problems)
        for key in raw:
            if key not in known:
                problems.append(f"{where}, field {key!r}: unknown (known: {', '.join(sorted(known))})")
        if not isinstance(pid, str) or not _ID.match(pid):
            problems.append(f"{where}, field 'id': required; lower-case letters, digits, - and _")
        name = _text(raw, "name", where, problems)
        targets = raw.get("targets")
        if not isinstance(targets, list) or not targets or not all(isinstance(t, str) for t in targets):
            problems.append(f"{where}, field 'targets': required; a non-empty list of factor ids")
            targets = []
        age_group = _text(raw, "age_group", where, problems)
        level = raw.get("level")
        levels = [level] if isinstance(level, str) else level
        if (not isinstance(levels, list) or not levels
                or not all(isinstance(v, str) and v in LEVELS for v in levels)):
            problems.append(f"{where}, field 'level': one or a list of {', '.join(LEVELS)}, got {level!r}")
            levels = []
        evidence = raw.get("evidence")
        rating = evidence_source = ""
        if not isinstance(evidence, dict):
            problems.append(f"{where}, field 'evidence': required; a mapping with rating and source")
        else:
            rating = _text(evidence, "rating", f"{where}, evidence", problems)
            evidence_source = _text(evidence, "source", f"{where}, evidence", problems)
        src = _text(raw, "source", where, problems)
        description = _text(raw, "description", where, problems)
        if len(problems) == before:
            programs.append(Program(str(pid), name, tuple(targets), age_group, tuple(levels), rating,
                                    evidence_source, src, description))
    ids = [p.id for p in programs]
    for pid in sorted({i for i in ids if ids.count(i) > 1}):
        problems.append(f"program {pid!r}: the id is used more than once")
    if problems:
        raise ProgramsError(source, problems)
    return tuple(programs)


def load_programs(path: str | Path | None = None) -> tuple[Program, ...]:
    """Load a catalogue; ``None`` or ``"default"`` gives the bundled one."""
    if path is None or str(path) == "default":
        text = resources.files("varna.ctc").joinpath("data/programs.yaml").read_text(encoding="utf-8")
        return programs_from_yaml(text, "programs.yaml")
    source = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ProgramsError(source, [f"cannot be read ({exc})"]) from exc
    return programs_from_yaml(text, source)


def programs_from_yaml(text: str, source: str = "<upload>") -> tuple[Program, ...]:
    """A catalogue from YAML text (an uploaded file); raises :class:`ProgramsError`."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ProgramsError(source, [f"not valid YAML ({exc})"]) from exc
    return parse_programs(data, source)


def unknown_targets(programs: tuple[Program, ...], spec: Spec) -> list[str]:
    """Targets that name no factor of the spec – harmless, but worth a note (a typo?)."""
    ids = {f.id for f in spec.factors}
    return [f"program {p.id!r} targets {t!r}, which the spec does not define"
            for p in programs for t in p.targets if t not in ids]


def suggest(programs: tuple[Program, ...], priorities: list[str], spec: Spec,
            limit: int = MAX_SUGGESTIONS) -> list[Suggestion]:
    """Programs for an area's priority factors, best first.

    Order: the program that targets the area's first priority comes first (then the second
    …); among those, the one that covers more of the priorities; then by name. Only
    programs that target at least one priority are suggested.
    """
    rank = {fid: i for i, fid in enumerate(priorities)}
    scored = []
    for program in programs:
        matched = tuple(sorted((t for t in set(program.targets) if t in rank), key=rank.__getitem__))
        if matched:
            scored.append((rank[matched[0]], -len(matched), program.name.lower(), program, matched))
    scored.sort(key=lambda entry: entry[:3])
    out = []
    for _first, _count, _name, program, matched in scored[:limit]:
        labels = ", ".join(spec.factor(fid).label for fid in matched)
        out.append(Suggestion(program, matched, f"riktar sig mot: {labels}"))
    return out
