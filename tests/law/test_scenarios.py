"""The scenario tables: the appendix's sentences as data, one pytest case per row.

Each file in ``tests/law/scenarios/`` holds the rows of one legal theme::

    tema: <one Swedish sentence on what the file covers>
    scenarios:
      - id: a-slug                       # unique across all files
        name: <what is tested, one Swedish sentence in legal language>
        guideline: <the appendix's sentence it checks, quoted or closely paraphrased>
        source: <where: "Bilaga 1, avsnitt '...', s. N" or a LEGAL-UPDATES section>
        question: {...}                  # exactly the contract's question JSON, with on_date
        expect:
          outcome: not_allowed           # required
          participation: listen_only     # or null; absent = not checked
          provisions_include: [...]      # citations that must be among decision.provisions
          provisions_exclude: [...]      # citations that must not be
          rulebase: malmo-2015-12-13
          warnings_mention: [...]        # each substring must occur in some warning
          explanation_mentions: [...]    # each substring must occur in the explanation
          trace_includes: [...]          # citations that must appear in the trace
        xfail: <reason>                  # optional: a known engine disagreement (strict)
        cli: true                        # optional: also run through `varna assess`

The files are validated strictly: an unknown key, a duplicate id, a citation the rule
base does not know or a question the contract rejects fails ``test_the_scenario_files_are_valid``
naming the file and the row. A failing row reports its name and the guideline sentence,
so that a lawyer can read what went wrong without reading Python.
"""

from __future__ import annotations

import functools
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from varna.law import (
    Actor,
    Consent,
    Fact,
    Information,
    Outcome,
    Participation,
    QuestionError,
    assess,
    default_engine,
    parse_question,
)

SCENARIO_DIR = Path(__file__).parent / "scenarios"
MIN_ROWS = 60

FILE_KEYS = frozenset({"tema", "scenarios"})
ROW_REQUIRED = frozenset({"id", "name", "guideline", "source", "question", "expect"})
ROW_OPTIONAL = frozenset({"xfail", "cli"})
EXPECT_LISTS = ("provisions_include", "provisions_exclude", "warnings_mention",
                "explanation_mentions", "trace_includes")
EXPECT_KEYS = frozenset({"outcome", "participation", "rulebase", *EXPECT_LISTS})
CITATION_LISTS = ("provisions_include", "provisions_exclude", "trace_includes")
OUTCOMES = tuple(o.value for o in Outcome)
PARTICIPATIONS = tuple(p.value for p in Participation)


@dataclass(frozen=True)
class Scenario:
    file: str
    id: str
    name: str
    guideline: str
    source: str
    question: dict[str, Any]
    expect: dict[str, Any]
    xfail: str | None = None
    cli: bool = False

    def header(self) -> str:
        """What a lawyer needs to read a failure: the row, the sentence and the question."""
        return (
            f"Scenario '{self.id}' ({self.file})\n"
            f"  Namn:      {self.name}\n"
            f"  Riktlinjen: \"{self.guideline}\"\n"
            f"  Källa:     {self.source}\n"
            f"  Fråga:     {json.dumps(self.question, ensure_ascii=False)}"
        )


@functools.cache
def _known_citations() -> frozenset[str]:
    return frozenset(p.citation for p in default_engine().rulebase.provisions if p.citation)


@functools.cache
def _known_versions() -> frozenset[str]:
    return frozenset(v.id for v in default_engine().rulebase.versions)


def _is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _check_expect(expect: object, where: str) -> list[str]:
    if not isinstance(expect, dict):
        return [f"{where}: 'expect' must be a mapping"]
    problems: list[str] = []
    unknown = sorted(set(expect) - EXPECT_KEYS)
    if unknown:
        problems.append(f"{where}: unknown key(s) in expect: {', '.join(unknown)} "
                        f"(allowed: {', '.join(sorted(EXPECT_KEYS))})")
    if expect.get("outcome") not in OUTCOMES:
        problems.append(f"{where}: expect.outcome must be one of {', '.join(OUTCOMES)}, "
                        f"got {expect.get('outcome')!r}")
    if len(set(expect) & EXPECT_KEYS) < 2:
        problems.append(f"{where}: expect must check the outcome and at least one more thing")
    if "participation" in expect and expect["participation"] not in (*PARTICIPATIONS, None):
        problems.append(f"{where}: expect.participation must be one of "
                        f"{', '.join(PARTICIPATIONS)} or null")
    if "rulebase" in expect and expect["rulebase"] not in _known_versions():
        problems.append(f"{where}: expect.rulebase {expect['rulebase']!r} is not a rule-base "
                        f"version ({', '.join(sorted(_known_versions()))})")
    for key in EXPECT_LISTS:
        if key not in expect:
            continue
        value = expect[key]
        if not isinstance(value, list) or not value or not all(_is_text(v) for v in value):
            problems.append(f"{where}: expect.{key} must be a non-empty list of strings")
            continue
        if key in CITATION_LISTS:
            unknown_citations = [v for v in value if v not in _known_citations()]
            if unknown_citations:
                problems.append(f"{where}: expect.{key} names citations the rule base does not "
                                f"know: {', '.join(unknown_citations)}")
    both = set(expect.get("provisions_include") or ()) & set(expect.get("provisions_exclude") or ())
    if both:
        problems.append(f"{where}: {', '.join(sorted(both))} both included and excluded")
    return problems


def _check_row(row: object, file: str, index: int) -> tuple[Scenario | None, list[str]]:
    if not isinstance(row, dict):
        return None, [f"{file}: row {index} is not a mapping"]
    where = f"{file}: row '{row.get('id', f'#{index}')}'"
    problems: list[str] = []
    unknown = sorted(set(row) - ROW_REQUIRED - ROW_OPTIONAL)
    if unknown:
        problems.append(f"{where}: unknown key(s) {', '.join(map(str, unknown))} "
                        f"(allowed: {', '.join(sorted(ROW_REQUIRED | ROW_OPTIONAL))})")
    missing = sorted(ROW_REQUIRED - set(row))
    if missing:
        problems.append(f"{where}: missing key(s) {', '.join(missing)}")
    for key in ("id", "name", "guideline", "source"):
        if key in row and not _is_text(row[key]):
            problems.append(f"{where}: '{key}' must be a non-empty string")
    if "xfail" in row and not _is_text(row["xfail"]):
        problems.append(f"{where}: 'xfail' must give the reason as a non-empty string")
    if "cli" in row and not isinstance(row["cli"], bool):
        problems.append(f"{where}: 'cli' must be true or false")
    question = row.get("question")
    if "question" in row:
        if not isinstance(question, dict) or "on_date" not in question:
            problems.append(f"{where}: 'question' must be a contract question with an on_date "
                            "(so that the row means the same thing every day)")
        else:
            try:
                parsed = parse_question(question)
            except QuestionError as exc:
                problems.append(f"{where}: the contract rejects the question: {exc}")
            else:
                if parsed.ignored_fields:
                    problems.append(f"{where}: question has fields the contract does not know: "
                                    f"{', '.join(parsed.ignored_fields)}")
    if "expect" in row:
        problems.extend(_check_expect(row["expect"], where))
    if problems:
        return None, problems
    return Scenario(
        file=file,
        id=row["id"],
        name=" ".join(row["name"].split()),
        guideline=" ".join(row["guideline"].split()),
        source=" ".join(row["source"].split()),
        question=row["question"],
        expect=row["expect"],
        xfail=row.get("xfail"),
        cli=row.get("cli", False),
    ), []


def load_scenarios(directory: Path) -> tuple[list[Scenario], list[str]]:
    """Every valid row of every ``*.yaml`` file, and a problem line for everything else."""
    rows: list[Scenario] = []
    problems: list[str] = []
    seen: dict[str, str] = {}
    files = sorted(directory.glob("*.yaml"))
    if not files:
        problems.append(f"{directory}: no scenario files (*.yaml)")
    for path in files:
        name = path.name
        try:
            data = yaml.safe_load(path.read_text("utf-8"))
        except yaml.YAMLError as exc:
            problems.append(f"{name}: not valid YAML: {exc}")
            continue
        if not isinstance(data, dict) or not isinstance(data.get("scenarios"), list):
            problems.append(f"{name}: expected a mapping with a 'scenarios' list")
            continue
        unknown = sorted(set(data) - FILE_KEYS)
        if unknown:
            problems.append(f"{name}: unknown top-level key(s) {', '.join(map(str, unknown))} "
                            f"(allowed: {', '.join(sorted(FILE_KEYS))})")
        if not _is_text(data.get("tema")):
            problems.append(f"{name}: 'tema' must say in one sentence what the file covers")
        if not data["scenarios"]:
            problems.append(f"{name}: no rows")
        for index, raw in enumerate(data["scenarios"]):
            row_id = raw.get("id") if isinstance(raw, dict) else None
            if isinstance(row_id, str):
                if row_id in seen:
                    problems.append(f"{name}: row '{row_id}': duplicate id (also in {seen[row_id]})")
                    continue
                seen[row_id] = name
            scenario, row_problems = _check_row(raw, name, index)
            problems.extend(row_problems)
            if scenario is not None:
                rows.append(scenario)
    return rows, problems


def mismatches(scenario: Scenario, decision: dict[str, Any]) -> list[str]:
    """What the decision (in the contract's JSON shape) gets wrong, in plain words."""
    expect = scenario.expect
    out: list[str] = []
    if decision["outcome"] != expect["outcome"]:
        out.append(f"utfall (outcome): väntat {expect['outcome']}, fick {decision['outcome']}")
    if "participation" in expect and decision["participation"] != expect["participation"]:
        out.append(f"deltagande (participation): väntat {expect['participation']}, "
                   f"fick {decision['participation']}")
    if "rulebase" in expect and decision["rulebase"] != expect["rulebase"]:
        out.append(f"regelbas: väntat {expect['rulebase']}, fick {decision['rulebase']}")
    provisions = decision["provisions"]
    for citation in expect.get("provisions_include", ()):
        if citation not in provisions:
            out.append(f"bestämmelser: {citation} saknas bland {provisions}")
    for citation in expect.get("provisions_exclude", ()):
        if citation in provisions:
            out.append(f"bestämmelser: {citation} ska inte finnas bland {provisions}")
    warnings = [w.casefold() for w in decision["warnings"]]
    for text in expect.get("warnings_mention", ()):
        if not any(text.casefold() in w for w in warnings):
            out.append(f"varningar: ingen varning nämner {text!r}; varningarna var {decision['warnings']}")
    explanation = decision["explanation"].casefold()
    for text in expect.get("explanation_mentions", ()):
        if text.casefold() not in explanation:
            out.append(f"förklaring: nämner inte {text!r}")
    traced = {step["provision"] for step in decision["trace"]}
    for citation in expect.get("trace_includes", ()):
        if citation not in traced:
            out.append(f"spår (trace): {citation} prövades inte; spåret hade {sorted(map(str, traced))}")
    return out


def check(scenario: Scenario, decision: dict[str, Any], how: str) -> None:
    problems = mismatches(scenario, decision)
    if problems:
        pytest.fail(
            f"{scenario.header()}\n  Besvarad via: {how}\n  Avvikelser:\n"
            + "\n".join(f"    - {p}" for p in problems)
            + f"\n  Beslutets förklaring: {decision['explanation']}",
            pytrace=False,
        )


SCENARIOS, PROBLEMS = load_scenarios(SCENARIO_DIR)


def _params(rows: list[Scenario]) -> list[Any]:
    params = []
    for row in rows:
        marks = [pytest.mark.xfail(reason=row.xfail, strict=True)] if row.xfail else []
        params.append(pytest.param(row, id=row.id, marks=marks))
    return params


def in_process(scenario: Scenario) -> dict[str, Any]:
    return assess(parse_question(scenario.question)).as_dict()


def varna_assess(document: object) -> Any:
    result = subprocess.run([sys.executable, "-m", "varna", "assess"], input=json.dumps(document),
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


# -- the table itself ---------------------------------------------------------------------
def test_the_scenario_files_are_valid() -> None:
    assert not PROBLEMS, "Fel i scenariofilerna:\n" + "\n".join(PROBLEMS)


def test_there_are_enough_rows_and_each_cites_the_guideline() -> None:
    assert len(SCENARIOS) >= MIN_ROWS, f"only {len(SCENARIOS)} scenario rows, want at least {MIN_ROWS}"
    assert all(row.guideline and row.source for row in SCENARIOS)


def test_every_outcome_and_both_settings_are_covered() -> None:
    assert {row.expect["outcome"] for row in SCENARIOS} == set(OUTCOMES)
    assert {row.question.get("setting", "direct") for row in SCENARIOS} == {"direct", "cooperation_group"}
    assert {row.expect.get("participation") for row in SCENARIOS if "participation" in row.expect} \
        == {*PARTICIPATIONS, None}


def test_every_value_of_the_contracts_vocabulary_is_tried() -> None:
    """Each actor, information kind, fact and consent value occurs in some row's question."""
    questions = [row.question for row in SCENARIOS]
    disclosers = {q["discloser"]["actor"] for q in questions}
    recipients = {q["recipient"]["actor"] for q in questions}
    # The appendix never has the Security Service hold information, only receive it.
    assert disclosers >= {a.value for a in Actor} - {"private", "security_police"}
    assert recipients >= {"private", "security_police", "police", "social_services",
                          "school_staff", "school_health_medical", "leisure"}
    assert {q.get("information", "personal_circumstances") for q in questions} \
        == {i.value for i in Information}
    assert set().union(*(q.get("facts", []) for q in questions)) == {f.value for f in Fact}
    assert {q.get("consent", "none") for q in questions} == {c.value for c in Consent}
    assert {q.get("identifiable", True) for q in questions} == {True, False}
    assert {q.get("known_to_all_present", False) for q in questions} == {True, False}
    assert any(q.get("subject_age") is None for q in questions)
    assert any(q["discloser"].get("delegated_by") for q in questions)


@pytest.mark.parametrize("scenario", _params(SCENARIOS))
def test_scenario(scenario: Scenario) -> None:
    check(scenario, in_process(scenario), "assess() i samma process")


# -- the same answers through the command line --------------------------------------------
CLI_ROWS = [row for row in SCENARIOS if row.cli and not row.xfail]


@pytest.mark.parametrize("scenario", _params(CLI_ROWS))
def test_scenario_through_the_cli_gives_the_same_decision(scenario: Scenario) -> None:
    from_cli = varna_assess(scenario.question)
    check(scenario, from_cli, "varna assess (ett objekt på stdin)")
    assert from_cli == in_process(scenario)


def test_the_cli_rows_as_one_array_give_the_same_decisions_in_order() -> None:
    assert len(CLI_ROWS) >= 5
    decisions = varna_assess([row.question for row in CLI_ROWS])
    assert [d["outcome"] for d in decisions] == [row.expect["outcome"] for row in CLI_ROWS]
    assert decisions == [in_process(row) for row in CLI_ROWS]


# -- the loader is as strict as it says ---------------------------------------------------
GOOD_ROW: dict[str, Any] = {
    "id": "exempel",
    "name": "Socialtjänsten får bara lyssna i samverkansgruppen utan samtycke.",
    "guideline": "Socialtjänsten och medicinsk elevhälsa får lyssna, men får absolut inte delta.",
    "source": "Bilaga 1, s. 22",
    "question": {"on_date": "2016-02-01", "discloser": {"actor": "social_services"},
                 "recipient": {"actor": "police"}, "setting": "cooperation_group"},
    "expect": {"outcome": "not_allowed", "participation": "listen_only"},
}


def _write(directory: Path, name: str, rows: list[dict[str, Any]]) -> None:
    (directory / name).write_text(
        yaml.safe_dump({"tema": "Prov.", "scenarios": rows}, allow_unicode=True), "utf-8")


def test_the_loader_accepts_a_good_row(tmp_path: Path) -> None:
    _write(tmp_path, "prov.yaml", [GOOD_ROW])
    rows, problems = load_scenarios(tmp_path)
    assert problems == [] and [r.id for r in rows] == ["exempel"]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"expected": {}}, "prov.yaml: row 'exempel': unknown key(s) expected"),
        ({"expect": {"outcome": "not_allowed", "provisions_includes": ["OSL 26:1"]}},
         "unknown key(s) in expect: provisions_includes"),
        ({"expect": {"outcome": "not_allowed"}}, "at least one more thing"),
        ({"expect": {"outcome": "forbidden", "participation": None}}, "expect.outcome must be"),
        ({"expect": {"outcome": "allowed", "provisions_include": ["OSL 26:10"]}},
         "does not know: OSL 26:10"),
        ({"guideline": " "}, "'guideline' must be a non-empty string"),
        ({"question": {**GOOD_ROW["question"], "setting": "meeting"}}, "setting: unknown value"),
        ({"question": {**GOOD_ROW["question"], "subjct_age": 15}}, "does not know: subjct_age"),
        ({"question": {k: v for k, v in GOOD_ROW["question"].items() if k != "on_date"}},
         "with an on_date"),
    ],
)
def test_the_loader_names_file_and_row_of_a_bad_row(
    tmp_path: Path, change: dict[str, Any], expected: str
) -> None:
    _write(tmp_path, "prov.yaml", [{**GOOD_ROW, **change}])
    rows, problems = load_scenarios(tmp_path)
    assert rows == []
    assert any(expected in p and "prov.yaml" in p for p in problems), problems


def test_the_loader_refuses_a_source_missing_from_a_row(tmp_path: Path) -> None:
    _write(tmp_path, "prov.yaml", [{k: v for k, v in GOOD_ROW.items() if k != "source"}])
    _, problems = load_scenarios(tmp_path)
    assert problems == ["prov.yaml: row 'exempel': missing key(s) source"]


def test_the_loader_refuses_duplicate_ids_across_files(tmp_path: Path) -> None:
    _write(tmp_path, "a.yaml", [GOOD_ROW])
    _write(tmp_path, "b.yaml", [GOOD_ROW])
    rows, problems = load_scenarios(tmp_path)
    assert len(rows) == 1
    assert problems == ["b.yaml: row 'exempel': duplicate id (also in a.yaml)"]


def test_a_failing_row_is_reported_with_its_name_and_guideline_sentence() -> None:
    row = Scenario(file="prov.yaml", id="exempel", name=GOOD_ROW["name"],
                   guideline=GOOD_ROW["guideline"], source=GOOD_ROW["source"],
                   question=GOOD_ROW["question"],
                   expect={"outcome": "allowed", "participation": "participate"})
    with pytest.raises(pytest.fail.Exception) as info:
        check(row, in_process(row), "test")
    message = str(info.value)
    assert GOOD_ROW["name"] in message and GOOD_ROW["guideline"] in message
    assert "väntat allowed, fick not_allowed" in message
