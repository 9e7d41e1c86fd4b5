"""Chance-corrected γ (Mathet et al. 2015): seeded, its precision stated, 1 for identical annotations,
near 0 for independent ones, and (when pygamma-agreement is installed) close to pygamma's γ."""

from __future__ import annotations

import random

import pytest

from annotator.agreement.gamma import GammaUnit, gamma, shuffled_continuum


def _units(spec):
    return [GammaUnit(a, s, e, c) for a, s, e, c in spec]


SAME = _units([(a, s, e, c) for a in "AB" for s, e, c in [(0, 5, "x"), (10, 18, "y"), (25, 30, "x")]])


def test_identical_annotations_give_one():
    res = gamma(SAME, seed=3)
    assert res.observed_disorder == 0 and res.gamma == 1.0 and res.expected_disorder > 0


def test_seeded_and_precision_stated():
    units = _units([("A", 0, 5, "x"), ("A", 10, 18, "y"), ("B", 1, 5, "x"), ("B", 11, 17, "x"), ("B", 25, 30, "y")])
    first, again = gamma(units, seed=7), gamma(units, seed=7)
    assert first == again
    assert first.samples == 1000 or first.expected_stderr / first.expected_disorder <= 0.02
    low, high = first.gamma_interval
    assert low <= first.gamma <= high
    coarse = gamma(units, seed=7, precision=0.2, min_samples=5)
    assert coarse.samples <= first.samples


def test_independent_annotations_are_near_chance():
    rng = random.Random(1)
    values = []
    for trial in range(6):
        spec = []
        for a in "AB":
            pos = 0
            for _ in range(4):
                pos += rng.randint(1, 10)
                length = rng.randint(2, 8)
                spec.append((a, pos, pos + length, rng.choice("xy")))
                pos += length
        values.append(gamma(_units(spec), seed=trial, precision=0.05).gamma)
    assert abs(sum(values) / len(values)) < 0.35


def test_shuffled_continua_keep_every_annotators_units_and_lengths():
    rng = random.Random(0)
    sample = shuffled_continuum(SAME, ["A", "B"], 0, 30, rng)
    assert sorted(u.end - u.start for u in sample) == sorted(u.end - u.start for u in SAME)
    assert {u.annotator for u in sample} == {0, 1}


def test_too_many_units_are_refused_with_advice():
    many = _units([(a, i * 3, i * 3 + 2, "x") for a in "AB" for i in range(40)])
    with pytest.raises(ValueError, match="per section"):
        gamma(many)


def test_against_pygamma_on_random_continua():
    pygamma = pytest.importorskip("pygamma_agreement", reason="pygamma-agreement is not installed")
    from pyannote.core import Segment

    rng = random.Random(2015)
    for trial in range(5):
        spec = []
        for a in "ABC":
            for _ in range(3):
                s = rng.randint(0, 60)
                spec.append((a, s, s + rng.randint(2, 10), rng.choice("xy")))
        continuum = pygamma.Continuum()
        for a, s, e, c in spec:
            continuum.add(a, Segment(s, e), c)
        dissim = pygamma.CombinedCategoricalDissimilarity(alpha=1, beta=1)
        theirs = continuum.compute_gamma(dissim, precision_level=0.01, sampler=pygamma.MathetContinuumSampler())
        ours = gamma(_units(spec), seed=trial, precision=0.01)
        assert ours.observed_disorder == pytest.approx(theirs.observed_disorder, abs=1e-9)
        assert ours.gamma == pytest.approx(theirs.gamma, abs=0.1)
