"""The statistics against numbers computed by hand (or taken from textbook examples)."""

from __future__ import annotations

import math

import pytest

from varna.ctc import stats


def test_wilson_interval_by_hand() -> None:
    # 8 of 20 at 95 %: z = 1.959964, z² = 3.841459; centre = (0.4 + z²/40) / (1 + z²/20) = 0.416115;
    # half-width = z·sqrt(0.24/20 + z²/1600) / (1 + z²/20) = 0.197303 → (0.21881, 0.61342)
    low, high = stats.wilson(8, 20)
    assert low == pytest.approx(0.21881, abs=1e-5)
    assert high == pytest.approx(0.61342, abs=1e-5)


def test_wilson_at_zero_and_all() -> None:
    # 0 of 10: the upper limit is z²/(n + z²) = 3.841459 / 13.841459 = 0.27753
    low, high = stats.wilson(0, 10)
    assert low == 0.0
    assert high == pytest.approx(0.27753, abs=1e-5)
    low, high = stats.wilson(10, 10)
    assert low == pytest.approx(1 - 0.27753, abs=1e-5)
    assert high == 1.0


def test_wilson_other_confidence() -> None:
    # 90 %: z = 1.644854; 50 of 100 → centre 0.5, half = z·sqrt(0.0025 + z²/40000)/(1 + z²/100)
    z = 1.6448536
    half = z * math.sqrt(0.25 / 100 + z * z / 40000) / (1 + z * z / 100)
    low, high = stats.wilson(50, 100, 0.90)
    assert low == pytest.approx(0.5 - half, abs=1e-7)
    assert high == pytest.approx(0.5 + half, abs=1e-7)


def test_two_proportion_z_by_hand() -> None:
    # 60/200 against 40/200: pooled 0.25, se = sqrt(0.25·0.75·(2/200)) = 0.0433013, z = 0.1/se = 2.309401
    p = stats.two_proportion_z(60, 200, 40, 200)
    assert p == pytest.approx(math.erfc(2.309401 / math.sqrt(2)), rel=1e-6)
    assert p == pytest.approx(0.020921, abs=1e-5)


def test_fisher_exact_textbook_example() -> None:
    # the 2×2 table [[1, 9], [11, 3]]: two-sided p = 0.0027594561852
    assert stats.fisher_exact(1, 10, 11, 14) == pytest.approx(0.0027594561852, rel=1e-9)


def test_compare_uses_fisher_for_small_expected_counts() -> None:
    # expected counts 10·12/24 = 5 are just enough for the z-test; 8·7/17 = 3.3 are not
    assert stats.compare(1, 10, 11, 14)[1] == "two_proportion_z"
    assert stats.compare(1, 8, 6, 9)[1] == "fisher_exact"
    assert stats.compare(60, 200, 40, 200)[1] == "two_proportion_z"


def test_holm_by_hand() -> None:
    # sorted 0.005·4 = 0.02, 0.01·3 = 0.03, 0.03·2 = 0.06, 0.04·1 = 0.04 → kept monotone: 0.06
    assert stats.holm([0.01, 0.04, 0.03, 0.005]) == pytest.approx([0.03, 0.06, 0.06, 0.02])


def test_holm_caps_at_one_and_keeps_order() -> None:
    assert stats.holm([0.5, 0.9]) == [1.0, 1.0]
    assert stats.holm([]) == []


def test_quantile_linear() -> None:
    assert stats.quantile([1, 2, 3, 4, 5, 6, 7, 8], 0.75) == pytest.approx(6.25)
