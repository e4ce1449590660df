"""At a realistic size, a planted difference is found and nothing else is.

20,000 fictional respondents in 10 areas, the bundled spec's 21 factors: 210 comparisons
in the Holm family. Seeds are fixed, so these are exact regression checks; the null test
over several seeds also bounds the family-wise false-positive rate.
"""

from __future__ import annotations

import polars as pl
import pytest

from varna.ctc.example import AREAS, generate, parse_plant
from varna.ctc.profile import profile
from varna.ctc.spec import load_spec

ROWS = 20_000


def flagged(plants: list[str], seed: int) -> dict[str, list[str]]:
    spec = load_spec("default")
    survey = generate(spec, ROWS, seed, tuple(parse_plant(p, spec) for p in plants))
    result = profile(survey, spec).as_dict()
    assert result["comparisons"] == 210
    return {area: factors for area, factors in result["priorities"].items() if factors}


# Seed 12 is left out on purpose: it adds one chance flag (Rosengård, availability of drugs
# and weapons, corrected p 0.03) – the kind of error the 5 % family-wise level allows.
@pytest.mark.parametrize("seed", [11, 13, 14])
def test_planted_risk_and_protective_differences_are_found_and_nothing_else(seed: int) -> None:
    plants = ["Rosengård:family_conflict:+8", "Oxie:social_skills:-8", "Husie:academic_failure:+6"]
    assert flagged(plants, seed) == {"Rosengård": ["family_conflict"], "Oxie": ["social_skills"],
                                     "Husie": ["academic_failure"]}


def test_differences_in_the_good_direction_are_not_flagged() -> None:
    # less risk and more protection than the rest of the city are not what the flags are for
    assert flagged(["Fosie:family_conflict:-10", "Hyllie:social_skills:+10"], 21) == {}


def test_priorities_order_by_size_of_difference() -> None:
    plants = ["Kirseberg:rebelliousness:+7", "Kirseberg:antisocial_peers:+12",
              "Kirseberg:school_prosocial:-9"]
    assert flagged(plants, 5) == {"Kirseberg": ["antisocial_peers", "school_prosocial", "rebelliousness"]}


def test_null_surveys_raise_no_flags() -> None:
    # Holm at 5 % keeps the chance of any flag in a null survey at most 5 % (two-sided tests,
    # one direction flagged: about 2.5 %). Over 40 surveys, more than 5 with a flag would
    # happen with probability below 0.02 even at the full 5 %.
    with_flags = sum(1 for seed in range(100, 140) if flagged([], seed))
    assert with_flags <= 5


def test_a_tiny_area_hides_an_unremarkable_neighbour_not_the_finding() -> None:
    spec = load_spec("default")
    areas = (*AREAS, "Lillby")
    weights = (*[1.0] * len(AREAS), 0.004)

    def survey(plants: tuple[str, ...]) -> pl.DataFrame:
        return generate(spec, ROWS, 31, tuple(parse_plant(p, spec, areas) for p in plants), areas=areas,
                        area_weights=weights)

    sizes = dict(survey(()).group_by("area").len().iter_rows())
    assert 0 < sizes["Lillby"] < 10
    smallest = min((n, a) for a, n in sizes.items() if a != "Lillby")[1]
    result = profile(survey((f"{smallest}:family_conflict:+8",)), spec).as_dict()
    assert result["areas"]["Lillby"] == {"suppressed": True}
    # the finding stays visible; the smallest area with nothing to report is hidden instead
    assert result["priorities"][smallest] == ["family_conflict"]
    hidden = [a for a, v in result["areas"].items() if v["suppressed"]]
    assert len(hidden) == 2
    second = min((n, a) for a, n in sizes.items() if a not in ("Lillby", smallest))[1]
    assert set(hidden) == {"Lillby", second}
    # the city minus the shown areas reveals the two hidden together, not Lillby alone
    for fid, city in result["city"].items():
        shown = sum(v["factors"][fid]["n"] for v in result["areas"].values() if not v["suppressed"]
                    and not v["factors"][fid]["suppressed"])
        assert city["n"] - shown >= 10
