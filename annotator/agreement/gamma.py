"""Mathet et al.'s γ (2015): dissimilarities, the best alignment, and the chance-corrected γ.

γ = 1 − observed disorder / expected disorder. The observed disorder is the cost of the best
alignment of all annotators' units and is exact here. The expected disorder is the mean best-alignment
disorder of random continua made from the same annotations by Mathet et al.'s shuffling (each
annotator slot takes a randomly chosen annotator's units, shifted by a random pivot with wrap-around,
as in their Java implementation and pygamma's MathetContinuumSampler). That mean is a Monte-Carlo
estimate: ``gamma`` draws from a seeded generator (the same seed gives the same γ) and keeps sampling
until the standard error of the mean is within ``precision`` of it, and reports that precision and the
resulting interval for γ alongside the figure.

The best alignment is found by exact branch and bound, which is fine for the handful of units in
one passage or one section but exponential in the worst case; ``max_units`` guards against that.
"""

from __future__ import annotations

import random
import statistics
from dataclasses import dataclass
from itertools import combinations, product
from math import comb, sqrt
from typing import Callable, Hashable, Iterable, Sequence


@dataclass(frozen=True)
class GammaUnit:
    annotator: Hashable
    start: int
    end: int
    category: Hashable


def positional_dissimilarity(u: tuple[int, int], v: tuple[int, int], delta_empty: float = 1.0) -> float:
    """((|Δstart| + |Δend|) / (len u + len v))² · Δ∅ (Mathet et al. 2015, eq. 7)."""
    (s1, e1), (s2, e2) = u, v
    return ((abs(s1 - s2) + abs(e1 - e2)) / ((e1 - s1) + (e2 - s2))) ** 2 * delta_empty


def combined_dissimilarity(u: GammaUnit, v: GammaUnit, *, alpha: float = 1.0, beta: float = 1.0,
                           delta_empty: float = 1.0,
                           category_distance: Callable[[Hashable, Hashable], float] | None = None) -> float:
    """α·d_pos + β·d_cat, with d_cat nominal (0/1) unless ``category_distance`` is given."""
    cat = category_distance(u.category, v.category) if category_distance else float(u.category != v.category)
    return (alpha * positional_dissimilarity((u.start, u.end), (v.start, v.end), delta_empty)
            + beta * cat * delta_empty)


@dataclass(frozen=True)
class Alignment:
    disorder: float  # Σ unitary disorders / mean number of units per annotator
    unitary: tuple  # tuples of GammaUnit|None, one slot per annotator, in annotator order


def best_alignment(units: Iterable[GammaUnit], *, alpha: float = 1.0, beta: float = 1.0,
                   delta_empty: float = 1.0, annotators: Sequence[Hashable] | None = None,
                   category_distance=None, max_units: int = 60) -> Alignment:
    """The partition of all units into unitary alignments (≤ one unit per annotator) of least
    total disorder. A unitary alignment costs the mean dissimilarity over all C(n, 2) annotator
    pairs, any pair involving an empty slot costing Δ∅ (as pygamma/DKPro compute it). Among
    equally cheap alignments the one with fewer unitary alignments wins, as in pygamma."""
    units = list(units)
    names = list(annotators) if annotators is not None else sorted({u.annotator for u in units}, key=str)
    n = len(names)
    if n < 2:
        raise ValueError("an alignment needs at least two annotators")
    if len(units) > max_units:
        raise ValueError(f"{len(units)} units exceed max_units={max_units} for the exact search")
    by_annotator = [[u for u in units if u.annotator == a] for a in names]
    pairs = comb(n, 2)

    def d(x, y):
        if x is None or y is None:
            return delta_empty  # pygamma counts an empty/empty pair as Δ∅ too
        return combined_dissimilarity(x, y, alpha=alpha, beta=beta, delta_empty=delta_empty,
                                      category_distance=category_distance)

    def cost(slots):
        return sum(d(x, y) for x, y in combinations(slots, 2)) / pairs

    index = {id(u): i for i, u in enumerate(u for group in by_annotator for u in group)}
    single = {}
    for k, group in enumerate(by_annotator):
        for u in group:
            slots = [None] * n
            slots[k] = u
            single[index[id(u)]] = cost(slots)
    # Candidate unitary alignments; one that costs more than its units left alone can never be
    # part of an optimum (splitting it would be cheaper), so it is dropped up front.
    candidates = []
    for slots in product(*[[None] + group for group in by_annotator]):
        members = frozenset(index[id(u)] for u in slots if u is not None)
        if not members:
            continue
        c = cost(slots)
        if len(members) == 1 or c <= sum(single[m] for m in members) + 1e-12:
            candidates.append((c, members, slots))
    by_member: dict[int, list] = {}
    for cand in sorted(candidates, key=lambda t: t[0]):
        for m in cand[1]:
            by_member.setdefault(m, []).append(cand)
    # Lower bound per unit: the cheapest share of any alignment it can be in.
    share = {m: min(c / len(mem) for c, mem, _ in lst) for m, lst in by_member.items()}
    order = sorted(by_member, key=lambda m: len(by_member[m]))
    best = [sum(single.values()), [c for c in candidates if len(c[1]) == 1]]

    def search(covered: frozenset, spent: float, chosen: list):
        free = [m for m in order if m not in covered]
        if not free:
            if spent < best[0] - 1e-9 or (spent <= best[0] + 1e-9 and len(chosen) < len(best[1])):
                best[0], best[1] = spent, list(chosen)
            return
        if spent + sum(share[m] for m in free) > best[0] + 1e-9:
            return
        for cand in by_member[free[0]]:
            if cand[1] & covered:
                continue
            chosen.append(cand)
            search(covered | cand[1], spent + cand[0], chosen)
            chosen.pop()

    search(frozenset(), 0.0, [])
    mean_units = len(units) / n
    unitary = tuple(sorted((c[2] for c in best[1]),
                           key=lambda s: min((u.start, u.end) for u in s if u is not None)))
    return Alignment(best[0] / mean_units if mean_units else 0.0, unitary)


@dataclass(frozen=True)
class GammaResult:
    gamma: float
    observed_disorder: float
    expected_disorder: float  # mean over the samples
    expected_stderr: float  # standard error of that mean
    samples: int
    gamma_interval: tuple[float, float]  # γ with the expected disorder at mean ∓ 1.96 standard errors
    seed: int

    def to_json(self) -> dict:
        return dict(self.__dict__, gamma_interval=list(self.gamma_interval))


def shuffled_continuum(units: Sequence[GammaUnit], annotators: Sequence[Hashable], begin: int, end: int,
                       rng: random.Random) -> list[GammaUnit]:
    """One random continuum (Mathet et al. 2015 §4.2): per annotator slot, a random annotator's units
    shifted by a random integer pivot, wrapped around the continuum; pivots at least half a mean unit
    length apart."""
    by_annotator = {a: [u for u in units if u.annotator == a] for a in annotators}
    mean_length = sum(u.end - u.start for u in units) / len(units)
    width = end - begin
    pivots: list[int] = []
    out = []
    for slot in range(len(annotators)):
        for _ in range(1000):  # a free pivot exists unless the continuum is tiny; then take any
            pivot = rng.randrange(begin, end)
            if all(abs(p - pivot) >= mean_length / 2 and abs(p - (pivot - end)) >= mean_length / 2 for p in pivots):
                break
        pivots.append(pivot)
        for u in by_annotator[annotators[rng.randrange(len(annotators))]]:
            shift = pivot - (width if u.start + pivot > end else 0)
            out.append(GammaUnit(slot, u.start + shift, u.end + shift, u.category))
    return out


def gamma(units: Iterable[GammaUnit], *, annotators: Sequence[Hashable] | None = None,
          continuum: tuple[int, int] | None = None, alpha: float = 1.0, beta: float = 1.0,
          delta_empty: float = 1.0, category_distance=None, seed: int = 0, precision: float = 0.02,
          min_samples: int = 30, max_samples: int = 1000, max_units: int = 60) -> GammaResult:
    """Chance-corrected γ. ``continuum`` is [begin, end) of the annotated stretch (default: from the
    first unit's start to the last unit's end); ``precision`` is the target relative standard error of
    the expected disorder (sampling stops there, or at ``max_samples``)."""
    units = list(units)
    names = list(annotators) if annotators is not None else sorted({u.annotator for u in units}, key=str)
    if not units:
        raise ValueError("no units: gamma is undefined")
    begin, end = continuum if continuum is not None else (min(u.start for u in units), max(u.end for u in units))
    largest = max(sum(1 for u in units if u.annotator == a) for a in names)
    if largest * len(names) > max_units:
        raise ValueError(f"random continua may hold {largest * len(names)} units, over max_units={max_units} "
                         "for the exact alignment: compute gamma per section")
    options = dict(alpha=alpha, beta=beta, delta_empty=delta_empty, category_distance=category_distance,
                   max_units=max_units)
    observed = best_alignment(units, annotators=names, **options).disorder
    rng = random.Random(seed)
    disorders: list[float] = []
    stderr = float("inf")
    while len(disorders) < max_samples:
        sample = shuffled_continuum(units, names, begin, end, rng)
        disorders.append(best_alignment(sample, annotators=list(range(len(names))), **options).disorder)
        if len(disorders) >= min_samples:
            mean = statistics.fmean(disorders)
            stderr = statistics.stdev(disorders) / sqrt(len(disorders))
            if mean and stderr / mean <= precision:
                break
    expected = statistics.fmean(disorders)
    if expected <= 0:
        raise ValueError("the expected disorder is 0 (every random continuum aligns perfectly): gamma is undefined")
    low, high = max(expected - 1.96 * stderr, 1e-12), expected + 1.96 * stderr
    return GammaResult(1 - observed / expected, observed, expected, stderr, len(disorders),
                       (1 - observed / low, 1 - observed / high), seed)
