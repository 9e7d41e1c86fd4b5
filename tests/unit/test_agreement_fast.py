"""The numpy kernels compute the definitions: compared with the unit-by-unit reference on random data
of every input shape (lists with None, strings, floats with NaN, numpy arrays), and with the peer
libraries when they are installed (the `bench` extra)."""

from __future__ import annotations

import math
import random

import numpy as np
import pytest

from annotator.agreement.coefficients import (alpha_details, coincidences, coincidences_reference,
                                              fleiss_details)


def _random_data(rng: random.Random, kind: str):
    coders, units = rng.randint(2, 6), rng.randint(1, 40)
    cats = {"int": [0, 1, 2, 7], "str": ["甲", "乙", "丙"], "float": [0.5, 1.0, 2.25],
            "mixed": [1, 2.5, 3]}[kind]
    missing = None if kind != "float" else float("nan")
    return [[rng.choice(cats) if rng.random() > 0.3 else missing for _ in range(units)] for _ in range(coders)]


@pytest.mark.parametrize("kind", ["int", "str", "float", "mixed"])
def test_coincidences_match_the_reference(kind):
    rng = random.Random(kind)
    for _ in range(200):
        data = _random_data(rng, kind)
        want, used = coincidences_reference(data)
        got, got_used = coincidences(data)
        assert got_used == used and set(got) == set(want)
        assert all(math.isclose(got[k], want[k], rel_tol=1e-12) for k in want)


def test_numpy_input_and_large_integer_codes():
    data = np.array([[1, 5, 1_000_000_007, np.nan], [1, 5, 1_000_000_007, 3]], float)
    got, used = coincidences(data)
    assert used == 3 and got[(1_000_000_007.0, 1_000_000_007.0)] == 2.0


def test_fleiss_matches_the_textbook_example():
    # Fleiss (1971) / Wikipedia example: 10 subjects, 14 raters, 5 categories; κ = 0.210.
    table = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
             [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]]
    res = fleiss_details(table)
    assert res.p_bar == pytest.approx(0.378, abs=5e-4) and res.p_e == pytest.approx(0.213, abs=5e-4)
    assert res.kappa == pytest.approx(0.20993, abs=5e-5)
    with pytest.raises(ValueError, match="different numbers of ratings"):
        fleiss_details([[1, 1], [2, 1]])


def test_alpha_against_the_krippendorff_package_when_installed():
    krippendorff = pytest.importorskip("krippendorff", reason="krippendorff not installed (bench extra)")
    rng = np.random.default_rng(11)
    checked = 0
    for _ in range(50):
        data = rng.integers(0, 4, size=(rng.integers(2, 6), rng.integers(5, 200))).astype(float)
        data[rng.random(data.shape) < 0.2] = np.nan
        if np.sum(np.sum(~np.isnan(data), axis=0) >= 2) == 0 or len(np.unique(data[~np.isnan(data)])) < 2:
            continue
        want = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
        assert alpha_details(data).alpha == pytest.approx(want, abs=1e-12)
        checked += 1
    assert checked > 40


def test_fleiss_against_statsmodels_when_installed():
    irr = pytest.importorskip("statsmodels.stats.inter_rater", reason="statsmodels not installed (bench extra)")
    rng = np.random.default_rng(12)
    for _ in range(50):
        subjects = int(rng.integers(2, 100))
        ratings = rng.integers(0, 4, size=(subjects, 8))
        counts = np.stack([(ratings == c).sum(axis=1) for c in range(4)], axis=1)
        assert fleiss_details(counts).kappa == pytest.approx(irr.fleiss_kappa(counts), abs=1e-12)
