"""Krippendorff's α for unitizing a continuum (spans with gaps), in its two published forms.

* ``unitizing_alpha_2004`` — Krippendorff (1995/2004) αU, per category, as computed by DKPro
  Statistics / INCEpTION ("Krippendorff's alpha (unitizing)"). Categories are evaluated separately,
  so spans of different labels may overlap; spans of one rater and one label may not.
* ``u_alpha`` — the revised uα and |uα of Krippendorff, Mathet, Bouvry & Widlöcher (2016) /
  Krippendorff (2019) §12.6, which behaves for more than two observers. Each observer's spans must
  form a partition (no overlaps at all) because every stretch of text gets one value or a gap.

Both walk section boundaries rather than individual positions, so the cost grows with the number
of spans, not with the length of the text (the 1995 example is run on a 1.2 M position continuum).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Hashable, Iterable, Mapping, Sequence

GAP = None  # the value of an uncovered stretch (Krippendorff's φ)


@dataclass(frozen=True)
class Unit:
    rater: Hashable
    begin: int
    length: int
    label: Hashable

    @property
    def end(self) -> int:
        return self.begin + self.length


class OverlapError(ValueError):
    """Two spans of one rater overlap where a partition is needed; ``position`` is where."""

    def __init__(self, who, position: int) -> None:
        super().__init__(f"overlapping spans for {who!r} at {position} (a rater's spans must not overlap)")
        self.who, self.position = who, position


def _partition(units: Sequence[tuple[int, int, Hashable]], begin: int, end: int, who) -> list:
    """Sorted (start, end, label-or-GAP) sections covering [begin, end) exactly."""
    out = []
    pos = begin
    for s, e, label in sorted(units, key=lambda u: (u[0], u[1])):
        if s < pos:
            raise OverlapError(who, s)
        if s < begin or e > end or e <= s:
            raise ValueError(f"span [{s}, {e}) of {who!r} lies outside the continuum or is empty")
        if s > pos:
            out.append((pos, s, GAP))
        out.append((s, e, label))
        pos = e
    if pos < end:
        out.append((pos, end, GAP))
    return out


def _overlapping_pairs(p1: list, p2: list):
    """Every (section1, section2) with a non-empty intersection, by a merge walk of two partitions."""
    i = j = 0
    while i < len(p1) and j < len(p2):
        yield p1[i], p2[j]
        end1, end2 = p1[i][1], p2[j][1]
        if end1 <= end2:
            i += 1
        if end2 <= end1:
            j += 1


# ---------------------------------------------------------------------------------------------
# 2004 / DKPro αU
# ---------------------------------------------------------------------------------------------


def unitizing_distance(begin1: int, length1: int, label1, begin2: int, length2: int, label2) -> int:
    """δ² between two sections of different raters (label None = gap), Krippendorff 2004 p.252.

    Two overlapping units: squared differences of their starts and of their ends. A unit that
    lies entirely inside the other rater's gap: its squared length. Anything else: 0.
    """
    end1, end2 = begin1 + length1, begin2 + length2
    if label1 is not GAP and label2 is not GAP:
        if begin1 < end2 and begin2 < end1:
            return (begin1 - begin2) ** 2 + (end1 - end2) ** 2
        return 0
    if label1 is not GAP and label2 is GAP and begin2 <= begin1 and end1 <= end2:
        return length1 * length1
    if label1 is GAP and label2 is not GAP and begin1 <= begin2 and end2 <= end1:
        return length2 * length2
    return 0


@dataclass(frozen=True)
class CategoryAlpha:
    observed: float
    expected: float
    alpha: float


@dataclass
class UnitizingResult:
    alpha: float
    observed: float  # mean of the categories' Do
    expected: float  # mean of the categories' De
    per_category: dict = field(default_factory=dict)  # label -> CategoryAlpha

    def to_json(self) -> dict:
        return {"alpha": self.alpha, "observed": self.observed, "expected": self.expected,
                "per_category": {str(k): v.__dict__ for k, v in self.per_category.items()}}


def _alpha(do: float, de: float) -> float:
    if de == 0:
        return 1.0  # no units or no possible variation: nothing to disagree about
    return 1.0 - do / de


def unitizing_alpha_2004(units: Iterable[Unit], *, continuum_begin: int, continuum_length: int,
                         raters: Sequence[Hashable] | None = None) -> UnitizingResult:
    """Krippendorff's αU (2004) per category and overall (1 − mean Do / mean De, as DKPro does).

    ``raters`` lists every rater, including any who marked nothing (they still count in R).
    """
    units = list(units)
    rater_list = list(raters) if raters is not None else sorted({u.rater for u in units}, key=str)
    R, B, L = len(rater_list), continuum_begin, continuum_length
    if R < 2:
        raise ValueError("unitizing alpha needs at least two raters")
    if L <= 0:
        raise ValueError("continuum length must be positive")
    categories = sorted({u.label for u in units}, key=str)
    per: dict = {}
    for cat in categories:
        mine = [u for u in units if u.label == cat]
        parts = [_partition([(u.begin, u.end, cat) for u in mine if u.rater == r], B, B + L, r)
                 for r in rater_list]
        # Observed: all overlapping section pairs of every rater pair.
        total = 0
        for a in range(R):
            for b in range(a + 1, R):
                for s1, s2 in _overlapping_pairs(parts[a], parts[b]):
                    total += unitizing_distance(s1[0], s1[1] - s1[0], s1[2],
                                                s2[0], s2[1] - s2[0], s2[2])
        do = Fraction(2 * total, R * (R - 1) * L * L)
        # Expected: every unit placed at every position of every gap of every rater (1995 eq.).
        n_c = len(mine)
        gaps = sorted((e - s for p in parts for s, e, lab in p if lab is GAP), reverse=True)
        numerator = Fraction(0)
        for u in mine:
            ln = u.length
            fit = 0
            for g in gaps:
                if g < ln:
                    break
                fit += g - ln + 1
            numerator += Fraction((n_c - 1) * ln * (ln - 1) * (2 * ln - 1), 3) + ln * ln * fit
        denominator = R * L * (R * L - 1) - sum(u.length * (u.length - 1) for u in mine)
        de = numerator * 2 / L / denominator if denominator else Fraction(0)
        per[cat] = CategoryAlpha(float(do), float(de), _alpha(float(do), float(de)))
    if not per:
        raise ValueError("no units: unitizing alpha is undefined")
    do_mean = sum(c.observed for c in per.values()) / len(per)
    de_mean = sum(c.expected for c in per.values()) / len(per)
    return UnitizingResult(_alpha(do_mean, de_mean), do_mean, de_mean, per)


# ---------------------------------------------------------------------------------------------
# 2016 uα and |uα
# ---------------------------------------------------------------------------------------------


@dataclass
class UAlphaResult:
    u_alpha: float  # agreement on boundaries and values together
    binary_u_alpha: float  # |uα: agreement on what is a unit at all (value vs gap)
    coincidences: dict = field(default_factory=dict)  # (c, k) -> ℓ_ck, gap = None

    def to_json(self) -> dict:
        return {"u_alpha": self.u_alpha, "binary_u_alpha": self.binary_u_alpha,
                "coincidences": {f"{k[0]},{k[1]}": v for k, v in self.coincidences.items()}}


def u_alpha(spans_by_observer: Mapping[Hashable, Iterable[tuple[int, int, Hashable]]], length: int,
            *, begin: int = 0) -> UAlphaResult:
    """uα and |uα (nominal) over the continuum [begin, begin + length).

    Coincidences are the lengths of intersections of the observers' sections divided by m − 1; the
    expected coincidences correct for self-pairing inside one segment (Σ ℓ² for valued segments,
    Σ ℓ for gaps, whose positions count as separate units), eq. 32–35 of Krippendorff (2019).
    """
    observers = list(spans_by_observer)
    m = len(observers)
    if m < 2:
        raise ValueError("u-alpha needs at least two observers")
    parts = [_partition(list(spans_by_observer[o]), begin, begin + length, o) for o in observers]
    ell: dict = defaultdict(float)
    for a in range(m):
        for b in range(a + 1, m):
            for s1, s2 in _overlapping_pairs(parts[a], parts[b]):
                overlap = min(s1[1], s2[1]) - max(s1[0], s2[0])
                ell[(s1[2], s2[2])] += overlap / (m - 1)
                ell[(s2[2], s1[2])] += overlap / (m - 1)
    correction: dict = defaultdict(float)
    for p in parts:
        for s, e, lab in p:
            correction[lab] += (e - s) if lab is GAP else (e - s) ** 2
    return _from_coincidences(ell, correction)


def u_alpha_from_totals(pair_lengths: Mapping[tuple, int], correction: Mapping, observers: int) -> UAlphaResult:
    """uα and |uα from summed coincidences: ``pair_lengths[(c, k)]`` = Σ intersection length over ordered
    pairs of observers (both orders counted), ``correction`` = Σ ℓ² per value and Σ ℓ for gaps; the same
    quantities ``u_alpha`` sums, kept as integers so documents can be added one at a time (chance.py)."""
    m = observers
    ell = {key: v / (m - 1) for key, v in pair_lengths.items() if v}
    return _from_coincidences(ell, correction)


def _from_coincidences(ell: Mapping[tuple, float], correction: Mapping) -> UAlphaResult:
    """uα and |uα from the coincidences ℓ(c, k) and the per-value correction (Σ ℓ² per value, Σ ℓ for
    gaps): the one formula both ``u_alpha`` and ``u_alpha_from_totals`` end in."""
    margin: dict = defaultdict(float)
    for (c, _k), v in ell.items():
        margin[c] += v
    total = sum(margin.values())
    if not total:
        raise ValueError("u-alpha needs a continuum of positive length")
    denom = total - sum(correction.values()) / total
    values = list(margin)
    observed = sum(v for (c, k), v in ell.items() if c != k)
    expected = sum(margin[c] * margin[k] for c in values for k in values if c != k) / denom
    gap, units = margin.get(GAP, 0.0), total - margin.get(GAP, 0.0)
    observed_bin = sum(v for (c, k), v in ell.items() if (c is GAP) != (k is GAP))
    expected_bin = 2 * gap * units / denom
    return UAlphaResult(_alpha(observed, expected), _alpha(observed_bin, expected_bin), dict(ell))
