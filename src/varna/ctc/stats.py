"""The statistics of a profile, in the standard library only so every step can be checked by hand.

- :func:`wilson` – the Wilson score interval for a proportion (it stays inside 0–100 % and
  behaves at small n, unlike the normal-approximation interval).
- :func:`compare` – the two-sided test of an area's proportion against the rest of the city:
  the pooled two-proportion z-test, or Fisher's exact test when an expected cell count is
  below 5, where the normal approximation is not to be trusted.
- :func:`holm` – Holm's step-down correction for the number of comparisons; it controls the
  family-wise error rate like Bonferroni but rejects at least as much.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from statistics import NormalDist

_NORMAL = NormalDist()
FISHER_MIN_EXPECTED = 5.0


def z_for(confidence: float) -> float:
    """The two-sided normal quantile for a confidence level (1.959964… for 0.95)."""
    return _NORMAL.inv_cdf((1 + confidence) / 2)


def wilson(successes: int, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """Wilson score interval for ``successes`` out of ``n``, as proportions (0–1)."""
    if n <= 0:
        raise ValueError("the interval needs at least one observation")
    if not 0 <= successes <= n:
        raise ValueError("successes must lie between 0 and n")
    z = z_for(confidence)
    p = successes / n
    z2 = z * z
    denominator = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == n else min(1.0, centre + half)
    return low, high


def two_proportion_z(x1: int, n1: int, x2: int, n2: int) -> float:
    """Two-sided p-value of the pooled two-proportion z-test."""
    pooled = (x1 + x2) / (n1 + n2)
    variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2)
    if variance <= 0:
        return 1.0  # everyone or no one counts on both sides: no difference to test
    z = (x1 / n1 - x2 / n2) / math.sqrt(variance)
    return min(1.0, math.erfc(abs(z) / math.sqrt(2)))


def _log_choose(n: int, k: int) -> float:
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)


def fisher_exact(x1: int, n1: int, x2: int, n2: int) -> float:
    """Two-sided p-value of Fisher's exact test on the table [[x1, n1-x1], [x2, n2-x2]].

    Sums the probabilities of every table with the same margins that is no more likely than
    the observed one (the usual two-sided definition), with a small relative tolerance so
    that tables of equal probability are not lost to rounding.
    """
    column = x1 + x2
    total = n1 + n2
    low, high = max(0, column - n2), min(column, n1)
    log_denominator = _log_choose(total, column)

    def log_p(k: int) -> float:
        return _log_choose(n1, k) + _log_choose(n2, column - k) - log_denominator

    observed = log_p(x1)
    threshold = observed + 1e-7
    p = 0.0
    for k in range(low, high + 1):
        lp = log_p(k)
        if lp <= threshold:
            p += math.exp(lp)
    return min(1.0, p)


def compare(x1: int, n1: int, x2: int, n2: int) -> tuple[float, str]:
    """Two-sided p-value for x1/n1 against x2/n2 and the name of the test used."""
    if n1 <= 0 or n2 <= 0:
        raise ValueError("both groups need at least one observation")
    total = n1 + n2
    column = x1 + x2
    expected = (n1 * column / total, n1 * (total - column) / total,
                n2 * column / total, n2 * (total - column) / total)
    if min(expected) < FISHER_MIN_EXPECTED:
        return fisher_exact(x1, n1, x2, n2), "fisher_exact"
    return two_proportion_z(x1, n1, x2, n2), "two_proportion_z"


def holm(p_values: Sequence[float]) -> list[float]:
    """Holm-adjusted p-values, in the order given; each is at most 1 and never below its raw p."""
    k = len(p_values)
    order = sorted(range(k), key=lambda i: p_values[i])
    adjusted = [0.0] * k
    running = 0.0
    for rank, index in enumerate(order):
        running = max(running, min(1.0, (k - rank) * p_values[index]))
        adjusted[index] = running
    return adjusted


def quantile(sorted_values: Sequence[float], fraction: float) -> float:
    """The linear-interpolation quantile (type 7, the default of R and numpy) of sorted values."""
    if not sorted_values:
        raise ValueError("no values")
    position = (len(sorted_values) - 1) * fraction
    below = math.floor(position)
    above = min(below + 1, len(sorted_values) - 1)
    return sorted_values[below] + (sorted_values[above] - sorted_values[below]) * (position - below)
