"""The programs catalogue: schema checks and the suggestions made from priorities."""

from __future__ import annotations

import pytest

from varna.ctc.programs import ProgramsError, load_programs, parse_programs, suggest, unknown_targets
from varna.ctc.spec import load_spec


def test_bundled_catalogue_is_valid_and_targets_only_known_factors() -> None:
    programs = load_programs()
    assert len(programs) >= 10
    assert unknown_targets(programs, load_spec()) == []
    assert all(p.evidence_source and p.source and p.description for p in programs)


def test_schema_errors_name_the_program_and_field() -> None:
    data = {"programs": [{"id": "good-game", "name": "G", "targets": ["x"], "age_group": "6–10",
                          "level": "everyone", "evidence": {"rating": "Model"}, "source": "s",
                          "description": "d"}]}
    with pytest.raises(ProgramsError) as caught:
        parse_programs(data, "egen.yaml")
    assert ("program 'good-game', field 'level': one or a list of universal, selective, indicated, "
            "got 'everyone'") in caught.value.problems
    problem = "program 'good-game', evidence, field 'source': required; a non-empty text"
    assert problem in caught.value.problems


def test_suggestions_follow_the_priorities_and_say_why() -> None:
    spec = load_spec()
    found = suggest(load_programs(), ["family_conflict", "low_school_commitment"], spec)
    assert found
    first = found[0]
    assert "family_conflict" in first.matched
    assert first.why.startswith("riktar sig mot: Konflikter i familjen")
    # programs covering both priorities come before those covering only the first
    both = [s for s in found if set(s.matched) == {"family_conflict", "low_school_commitment"}]
    if both:
        assert found.index(both[0]) == 0


def test_no_priorities_no_suggestions() -> None:
    assert suggest(load_programs(), [], load_spec()) == []


def test_uploaded_yaml_text() -> None:
    from varna.ctc import SpecError, programs_from_yaml, spec_from_yaml
    from varna.ctc.spec import default_spec_text

    assert len(spec_from_yaml(default_spec_text(), "upload.yaml").factors) == 21
    with pytest.raises(SpecError, match=r"^upload.yaml: field 'area_column': required"):
        spec_from_yaml("name: x\nfactors: []\n", "upload.yaml")
    with pytest.raises(ProgramsError, match="not valid YAML"):
        programs_from_yaml("programs: [", "p.yaml")
