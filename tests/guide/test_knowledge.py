"""The knowledge files: the bundled definitions and hard questions load, and every defect is named.

Each broken file below is written by the test itself – a copy of a small valid entry
with one hand-made mistake – so each test can state the one exact message it expects,
with the file and the line of the mistake.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from varna.guide.knowledge import (
    KNOWLEDGE_DIR,
    EntryKind,
    KnowledgeError,
    check_knowledge,
    check_knowledge_files,
    default_knowledge,
    load_knowledge,
)
from varna.guide.model import Level
from varna.law import default_rulebase

VALID = """\
format: 1
entries:
  - id: normkritik
    kind: definition
    title_sv: Normkritik
    title_en: Norm criticism
    summary_sv: Att ifrågasätta normer.
    summary_en: Questioning norms.
    body_sv:
      - Ett stycke.
    source:
      - {section: "1", pages: "4"}
    related: [normbrytande-beteende]
  - id: normbrytande-beteende
    kind: definition
    title_sv: Normbrytande beteende
    title_en: Norm-breaking behaviour
    summary_sv: Att bryta mot normer.
    summary_en: Breaking norms.
    body_sv: [Ett stycke., Ett till.]
    source:
      - {section: "1", pages: 4, note_sv: Begreppsförklaringen}
    levels: [universal, selective]
    provisions: [osl-26-1]
"""


def write(tmp_path: Path, text: str, name: str = "begrepp.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def broken(tmp_path: Path, old: str, new: str) -> tuple[Path, list[str]]:
    assert old in VALID, f"test setup: {old!r} not in the valid text"
    path = write(tmp_path, VALID.replace(old, new, 1))
    return path, check_knowledge(tmp_path)


# -- the bundled files ------------------------------------------------------------------------------
def test_the_bundled_files_are_clean() -> None:
    assert check_knowledge(KNOWLEDGE_DIR) == []


def test_the_bundled_knowledge_has_the_definitions_and_hard_questions_of_the_guideline() -> None:
    knowledge = default_knowledge()
    definitions = {e.id for e in knowledge.of_kind(EntryKind.DEFINITION)}
    questions = {e.id for e in knowledge.of_kind(EntryKind.QUESTION)}
    assert {"valdsbejakande-extremism", "normbrytande-beteende", "normkritik", "radikalisering",
            "tre-preventionsnivaer"} <= definitions
    # Section 1.2: can we / should we predict, what if we are wrong, what can the worry lead to.
    assert {"kan-vi-forutse", "tank-om-vi-tar-fel", "vad-kan-oron-leda-till"} <= questions


def test_the_definition_of_violent_extremism_follows_section_1() -> None:
    entry = default_knowledge().get("valdsbejakande-extremism")
    assert entry is not None
    assert entry.title_en == "Violent extremism"
    assert "demokratisk" in entry.summary_sv and "våld" in entry.summary_sv
    assert (entry.sources[0].section, entry.sources[0].pages) == ("1", "4")
    assert entry.sources[0].label_sv == "avsnitt 1, s. 4"


def test_norm_criticism_is_kept_apart_from_norm_breaking_behaviour() -> None:
    entry = default_knowledge().get("normkritik")
    assert entry is not None
    assert "förväxlas" in entry.summary_sv
    assert "normbrytande-beteende" in entry.related


def test_every_entry_has_english_title_and_summary_and_a_page_in_the_guideline() -> None:
    for entry in default_knowledge().entries:
        assert entry.title_en and entry.summary_en, entry.id
        assert entry.sources, entry.id
        assert all(source.pages for source in entry.sources), entry.id
        assert all(paragraph.strip() for paragraph in entry.body_sv), entry.id


def test_related_entries_are_found_in_both_directions() -> None:
    knowledge = default_knowledge()
    entry = knowledge.get("normbrytande-beteende")
    assert entry is not None
    related = [e.id for e in knowledge.related_to(entry)]
    assert related[: len(entry.related)] == list(entry.related)
    # Named by radikalisering? No – but "valdsbejakande-extremism" names it and it names that back;
    # each entry appears once.
    assert len(related) == len(set(related))
    assert entry.id not in related


def test_entries_are_found_by_level_and_by_provision() -> None:
    knowledge = default_knowledge()
    assert "anmalningsskyldighet" in {e.id for e in knowledge.for_level(Level.INDICATED)}
    assert "anmalningsskyldighet" in {e.id for e in knowledge.citing("sol-14-1")}
    for entry in knowledge.entries:
        assert set(entry.provisions) <= set(default_rulebase().by_id), entry.id


def test_the_hard_questions_are_questions() -> None:
    for entry in default_knowledge().of_kind(EntryKind.QUESTION):
        assert entry.title_sv.endswith("?") and entry.title_en.endswith("?"), entry.id


# -- a small valid file ------------------------------------------------------------------------------------
def test_a_valid_file_loads(tmp_path: Path) -> None:
    write(tmp_path, VALID)
    knowledge = load_knowledge(tmp_path)
    first, second = knowledge.entries
    assert first.related == ("normbrytande-beteende",)
    assert second.sources[0].pages == "4"  # an unquoted page number is read as text
    assert second.sources[0].note_sv == "Begreppsförklaringen"
    assert second.levels == (Level.UNIVERSAL, Level.SELECTIVE)
    assert second.body_sv == ("Ett stycke.", "Ett till.")
    assert [e.id for e in knowledge.related_to(second)] == ["normkritik"]


# -- every defect, with file and line ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("old", "new", "line", "message"),
    [
        ("    title_en: Norm criticism\n", "    title_en: Norm criticism\n    titel: X\n", 7,
         "entry 'normkritik' field 'titel': unknown field (allowed: id, kind, title_sv, title_en, "
         "summary_sv, summary_en, body_sv, source, keywords_sv, related, levels, provisions, note_sv)"),
        ("    summary_en: Questioning norms.\n", "", 3,
         "entry 'normkritik' field 'summary_en': required field is missing"),
        ("kind: definition", "kind: concept", 4,
         "entry 'normkritik' field 'kind': unknown kind 'concept' (allowed: definition, question)"),
        ("related: [normbrytande-beteende]", "related: [normbrytande]", 13,
         "entry 'normkritik' field 'related': refers to unknown knowledge entry 'normbrytande'"),
        ("related: [normbrytande-beteende]", "related: [normkritik]", 13,
         "entry 'normkritik' field 'related': an entry cannot be related to itself"),
        ("provisions: [osl-26-1]", "provisions: [osl-99-1]", 24,
         "entry 'normbrytande-beteende' field 'provisions': refers to unknown provision 'osl-99-1' "
         "(the ids are those of varna rules check)"),
        ('{section: "1", pages: "4"}', "{section: 1.2, pages: \"5\"}", 12,
         "entry 'normkritik' field 'source[0].section': expected a section in quotes, such as \"1.2\" or "
         "\"Bilaga 1\", got 1.2 (YAML read it as a number; put it in quotes)"),
        ('{section: "1", pages: "4"}', '{section: "1", pages: "fyra"}', 12,
         "entry 'normkritik' field 'source[0].pages': expected a page or a page range such as \"6–7\", "
         "got 'fyra'"),
        ('{section: "1", pages: "4"}', '{section: "1", pages: "4", sida: 4}', 12,
         "entry 'normkritik' field 'source[0].sida': unknown field (allowed: section, pages, note_sv)"),
        ("levels: [universal, selective]", "levels: [universal, group]", 23,
         "entry 'normbrytande-beteende' field 'levels': unknown level 'group' (allowed: universal, "
         "selective, indicated)"),
        ("    related: [normbrytande-beteende]\n  - id: normbrytande-beteende\n", "  - id: normkritik\n", 13,
         "entry 'normkritik' field 'id': duplicate id: already used by the entry on {path}:3"),
        ("id: normkritik", "id: Normkritik", 3,
         "entry 'Normkritik' field 'id': 'Normkritik' is not a valid id (lower-case a–z, digits and single "
         "hyphens, for example 'sdn-oster')"),
        ("    title_sv: Normkritik\n", "    title_sv: Normkritik\n    title_sv: Normkritik igen\n", 6,
         "entry 'normkritik' field 'title_sv': given twice in one mapping; YAML would silently keep only "
         "the last"),
        ("body_sv:\n      - Ett stycke.", "body_sv: []", 9,
         "entry 'normkritik' field 'body_sv': expected a non-empty list of texts"),
        ("format: 1", "format: 2", 1,
         "field 'format': unknown format 2; this version of Värna reads format 1"),
    ],
)
def test_each_defect_gives_exactly_its_one_message(
    tmp_path: Path, old: str, new: str, line: int, message: str
) -> None:
    path, problems = broken(tmp_path, old, new)
    assert problems == [f"{path}:{line}: {message.format(path=path)}"]


def test_problems_in_several_files_are_all_reported(tmp_path: Path) -> None:
    write(tmp_path, VALID, "a.yaml")
    second = VALID.replace("id: normkritik", "id: annan").replace("id: normbrytande-beteende", "id: tredje")
    second = second.replace("related: [normbrytande-beteende]", "related: [finns-inte]")
    write(tmp_path, second.replace("    title_en: Norm criticism\n", ""), "b.yaml")
    problems = check_knowledge(tmp_path)
    assert problems == [
        f"{tmp_path / 'b.yaml'}:3: entry 'annan' field 'title_en': required field is missing",
        f"{tmp_path / 'b.yaml'}:12: entry 'annan' field 'related': refers to unknown knowledge entry "
        "'finns-inte'",
    ]


def test_an_id_used_in_two_files_names_the_first(tmp_path: Path) -> None:
    write(tmp_path, VALID, "a.yaml")
    write(tmp_path, VALID, "b.yaml")
    problems = check_knowledge(tmp_path)
    expected = (f"{tmp_path / 'b.yaml'}:3: entry 'normkritik' field 'id': duplicate id: already used by "
                f"the entry on {tmp_path / 'a.yaml'}:3")
    assert expected in problems
    assert len(problems) == 2


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, VALID.replace('{section: "1", pages: "4"}', '{section: "1", pages: "4"'))
    [problem] = check_knowledge(tmp_path)
    assert problem.startswith(f"{path}:13: not valid YAML:")


@pytest.mark.parametrize(("text", "message"), [
    ("", "the file is empty"),
    ("- a\n- b\n", "expected a mapping with the sections format and entries"),
])
def test_an_empty_or_shapeless_file_is_reported(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)
    assert check_knowledge(tmp_path) == [f"{path}:1: {message}"]


def test_a_directory_without_files_is_reported(tmp_path: Path) -> None:
    assert check_knowledge(tmp_path) == [f"{tmp_path}: no knowledge files (*.yaml) found"]


def test_loading_refuses_a_broken_file_and_lists_every_problem(tmp_path: Path) -> None:
    text = VALID.replace("kind: definition", "kind: x", 1).replace("    title_en: Norm criticism\n", "")
    write(tmp_path, text)
    with pytest.raises(KnowledgeError) as raised:
        load_knowledge(tmp_path)
    assert len(raised.value.problems) == 2
    assert "2 problem(s)" in str(raised.value)


def test_messages_can_name_files_relative_to_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "knowledge"
    folder.mkdir()
    write(folder, VALID.replace("format: 1", "format: 3"))
    result = check_knowledge_files(folder, relative_to=tmp_path)
    assert [str(p) for p in result.problems] == [
        "knowledge/begrepp.yaml:1: field 'format': unknown format 3; this version of Värna reads format 1"
    ]
    assert result.base is None
