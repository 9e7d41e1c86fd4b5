"""Chance-corrected agreement coefficients for coded units: κ, π, S, Fleiss' κ, Krippendorff's α.

Conventions shared by every function here (tests pin them):

* Missing values are ``None`` or a float NaN; they are skipped, never treated as a category.
* Categories may be any hashable (strings, ints, floats); nominal metrics never order them.
* Degenerate chance agreement: when the expected disagreement is zero (every pairable value is the
  same category, so no variation exists), the coefficient is 0/0. We return 1.0 because in that case
  the observed agreement is necessarily perfect too (nltk's convention for α); callers that must
  distinguish "perfect but trivial" can check the ``expected`` field of the *_details results.
* No pairable data at all raises ``ValueError``: there is nothing to report.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable, Hashable, Iterable, Sequence

Distance = Callable[[Any, Any], float]


def is_missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def sorted_categories(values: Iterable[Hashable]) -> list:
    """Distinct values in a stable order; mixed types fall back to (type name, text)."""
    distinct = set(values)
    try:
        return sorted(distinct)
    except TypeError:
        return sorted(distinct, key=lambda v: (type(v).__name__, str(v)))


def _chance_corrected(observed: float, expected: float) -> float:
    """(Ao − Ae)/(1 − Ae), with the degenerate Ae = 1 case defined as 1.0 (see module doc)."""
    if math.isclose(expected, 1.0, rel_tol=0.0, abs_tol=1e-15):
        return 1.0
    return (observed - expected) / (1.0 - expected)


# ---------------------------------------------------------------------------------------------
# Two coders: contingency tables, percent agreement, Bennett's S, Scott's π, Cohen's κ
# ---------------------------------------------------------------------------------------------


def contingency_table(a: Sequence, b: Sequence, categories: Sequence | None = None):
    """(categories, table) with table[i][j] = items coder A put in category i and coder B in j.

    Items where either coder is missing are dropped (κ needs both values of a pair).
    """
    if len(a) != len(b):
        raise ValueError(f"sequences differ in length: {len(a)} != {len(b)}")
    pairs = [(x, y) for x, y in zip(a, b) if not is_missing(x) and not is_missing(y)]
    if not pairs:
        raise ValueError("no item has values from both coders")
    cats = list(categories) if categories is not None else sorted_categories(
        [x for x, _ in pairs] + [y for _, y in pairs])
    index = {c: i for i, c in enumerate(cats)}
    table = [[0] * len(cats) for _ in cats]
    for x, y in pairs:
        if x not in index or y not in index:
            raise ValueError(f"value not among the given categories: {x!r} / {y!r}")
        table[index[x]][index[y]] += 1
    return cats, table


def expand_table(table: Sequence[Sequence[int]], categories: Sequence) -> tuple[list, list]:
    """The two coders' value sequences behind a contingency table (for α on published tables)."""
    a: list = []
    b: list = []
    for i, row in enumerate(table):
        for j, count in enumerate(row):
            a.extend([categories[i]] * count)
            b.extend([categories[j]] * count)
    return a, b


@dataclass(frozen=True)
class TwoCoderAgreement:
    """Everything the classic two-coder coefficients share (Artstein & Poesio 2008 notation)."""

    n: int
    observed: float  # Ao, percent agreement
    expected_s: float  # 1/q
    expected_pi: float  # from pooled marginals
    expected_kappa: float  # from each coder's own marginals
    s: float
    pi: float
    kappa: float

    def to_json(self) -> dict[str, float]:
        return dict(self.__dict__)


def table_agreement(table: Sequence[Sequence[float]]) -> TwoCoderAgreement:
    """Ao, S, π and κ from a square contingency table (rows coder A, columns coder B).

    Bennett's S counts every category of the table, including ones neither coder used, because
    the table's category set is what the coding scheme offered.
    """
    q = len(table)
    if q == 0 or any(len(row) != q for row in table):
        raise ValueError("contingency table must be square and non-empty")
    n = sum(sum(row) for row in table)
    if n <= 0:
        raise ValueError("contingency table is empty")
    rows = [sum(row) / n for row in table]
    cols = [sum(table[i][j] for i in range(q)) / n for j in range(q)]
    ao = sum(table[i][i] for i in range(q)) / n
    ae_s = 1.0 / q
    ae_pi = sum(((r + c) / 2.0) ** 2 for r, c in zip(rows, cols))
    ae_k = sum(r * c for r, c in zip(rows, cols))
    return TwoCoderAgreement(
        n=int(n) if float(n).is_integer() else n,
        observed=ao,
        expected_s=ae_s,
        expected_pi=ae_pi,
        expected_kappa=ae_k,
        s=_chance_corrected(ao, ae_s) if q > 1 else 1.0,
        pi=_chance_corrected(ao, ae_pi),
        kappa=_chance_corrected(ao, ae_k),
    )


def _weight_matrix(weights, categories: Sequence) -> list[list[float]]:
    """Disagreement weights w[i][j] (0 on the diagonal). Linear/quadratic use category *positions*
    (as sklearn and SAS with default scores do), so order the categories meaningfully."""
    q = len(categories)
    if weights is None:
        return [[0.0 if i == j else 1.0 for j in range(q)] for i in range(q)]
    if weights == "linear":
        return [[float(abs(i - j)) for j in range(q)] for i in range(q)]
    if weights == "quadratic":
        return [[float((i - j) ** 2) for j in range(q)] for i in range(q)]
    if callable(weights):
        return [[float(weights(ci, cj)) for cj in categories] for ci in categories]
    matrix = [[float(w) for w in row] for row in weights]
    if len(matrix) != q or any(len(row) != q for row in matrix):
        raise ValueError("weight matrix must be q × q")
    return matrix


def cohen_kappa_table(table: Sequence[Sequence[float]], *, weights=None,
                      categories: Sequence | None = None) -> float:
    """Cohen's κ from a contingency table; ``weights`` None, "linear", "quadratic", a q×q matrix
    of disagreement weights or a callable (cat_i, cat_j) -> disagreement weight.

    Weighted κ = 1 − Σ w·o / Σ w·e; with 0/1 weights this equals the unweighted κ.
    """
    q = len(table)
    cats = list(categories) if categories is not None else list(range(q))
    w = _weight_matrix(weights, cats)
    n = sum(sum(row) for row in table)
    if n <= 0:
        raise ValueError("contingency table is empty")
    rows = [sum(row) for row in table]
    cols = [sum(table[i][j] for i in range(q)) for j in range(q)]
    observed = sum(w[i][j] * table[i][j] for i in range(q) for j in range(q)) / n
    expected = sum(w[i][j] * rows[i] * cols[j] for i in range(q) for j in range(q)) / (n * n)
    if expected == 0.0:
        return 1.0  # one category only: see the module doc on degenerate cases
    return 1.0 - observed / expected


def cohen_kappa(a: Sequence, b: Sequence, *, weights=None, categories: Sequence | None = None) -> float:
    """Cohen's κ of two coders' equal-length value sequences (missing pairs dropped)."""
    cats, table = contingency_table(a, b, categories)
    return cohen_kappa_table(table, weights=weights, categories=cats)


def scott_pi(a: Sequence, b: Sequence) -> float:
    _, table = contingency_table(a, b)
    return table_agreement(table).pi


def bennett_s(a: Sequence, b: Sequence, categories: Sequence | None = None) -> float:
    """Bennett's S; q is the number of categories given, else the number the coders used."""
    _, table = contingency_table(a, b, categories)
    return table_agreement(table).s


def percent_agreement(a: Sequence, b: Sequence) -> float:
    _, table = contingency_table(a, b)
    return table_agreement(table).observed


def positive_specific_agreement(both: float, only_a: float, only_b: float) -> float:
    """2a/(2a+b+c): equals pairwise F1 and is what κ tends to as true negatives grow
    (Hripcsak & Rothschild 2005) — the reason span F1, not character κ, is our headline."""
    denominator = 2 * both + only_a + only_b
    if denominator == 0:
        raise ValueError("no positive judgements at all")
    return 2 * both / denominator


# ---------------------------------------------------------------------------------------------
# Fleiss' κ
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FleissResult:
    kappa: float
    p_bar: float  # mean per-subject agreement
    p_e: float  # chance agreement from the category proportions


def fleiss_details(counts: Sequence[Sequence[int]]) -> FleissResult:
    """Fleiss' κ from a subjects × categories matrix of counts.

    Every subject must have the same number of ratings n ≥ 2 (Fleiss' definition assumes it;
    use Krippendorff's α when raters skip subjects).
    """
    if len(counts) == 0:
        raise ValueError("no subjects")
    from annotator.agreement import fast  # noqa: PLC0415 - numpy loads only when a coefficient is asked for

    # P̄ = (Σ n_ij² − S·n) / (S·n·(n−1)) and P_e = Σ p_j²: the same sums as Fleiss (1971), vectorised.
    p_bar, p_e = fast.fleiss(counts)
    return FleissResult(_chance_corrected(p_bar, p_e), p_bar, p_e)


def fleiss_kappa(counts: Sequence[Sequence[int]]) -> float:
    return fleiss_details(counts).kappa


# ---------------------------------------------------------------------------------------------
# Krippendorff's α (coincidence-matrix formulation, Krippendorff 2011 "Computing α")
# ---------------------------------------------------------------------------------------------

LEVELS = ("nominal", "ordinal", "interval", "ratio")


@dataclass
class AlphaResult:
    alpha: float
    observed_disagreement: float  # Do = Σ o_ck δ²_ck / n
    expected_disagreement: float  # De = Σ n_c n_k δ²_ck / (n (n−1))
    n_pairable: int  # n.., number of pairable values
    n_units: int  # units with ≥ 2 values
    categories: list = field(default_factory=list)
    coincidences: dict = field(default_factory=dict)  # (c, k) -> o_ck
    marginals: dict = field(default_factory=dict)  # c -> n_c

    @property
    def percent_agreement(self) -> float:
        """Share of pairable values that coincide with an identical value (nominal matching)."""
        return sum(self.coincidences.get((c, c), 0.0) for c in self.categories) / self.n_pairable

    def per_category(self) -> dict:
        """Nominal α of each category against all others (binary collapse of the coincidences).

        None where α is undefined: a category nobody used (or the only one anybody used) has no
        expected disagreement, and reporting 1.0 there would claim agreement no one showed.
        """
        n = self.n_pairable
        out: dict = {}
        for c in self.categories:
            n_c = self.marginals.get(c, 0)
            if n_c == 0 or n_c == n:
                out[c] = None
                continue
            off = n_c - self.coincidences.get((c, c), 0.0)
            out[c] = 1.0 - (n - 1) * off / (n_c * (n - n_c))
        return out


def coincidences(data: Sequence[Sequence]) -> tuple[dict, int]:
    """o_ck from a raters × units matrix; units with < 2 values are not pairable and dropped.

    Computed by fast.coincidences (numpy); ``coincidences_reference`` below is the same definition
    unit by unit, kept as the readable specification the tests compare against.
    """
    if len(data) == 0:
        raise ValueError("no raters")
    from annotator.agreement import fast  # noqa: PLC0415

    if isinstance(data, (list, tuple)):
        n_units = len(data[0])
        if any(len(row) != n_units for row in data):
            raise ValueError("every rater's row must have one entry per unit")
    return fast.coincidences(data)


def coincidences_reference(data: Sequence[Sequence]) -> tuple[dict, int]:
    """The definition, one unit at a time (Krippendorff 2011, "Computing Krippendorff's α")."""
    if not data:
        raise ValueError("no raters")
    n_units = len(data[0])
    if any(len(row) != n_units for row in data):
        raise ValueError("every rater's row must have one entry per unit")
    o: dict = defaultdict(float)
    used = 0
    for u in range(n_units):
        values = [row[u] for row in data if not is_missing(row[u])]
        m = len(values)
        if m < 2:
            continue
        used += 1
        counts = Counter(values)
        for c, n_c in counts.items():
            for k, n_k in counts.items():
                pairs = n_c * (n_c - 1) if c == k else n_c * n_k
                if pairs:
                    o[(c, k)] += pairs / (m - 1)
    return dict(o), used


def _distance_function(level: str, categories: list, marginals: dict) -> Distance:
    if level == "nominal":
        return lambda c, k: 0.0 if c == k else 1.0
    if level == "interval":
        return lambda c, k: float(c - k) ** 2
    if level == "ratio":
        return lambda c, k: 0.0 if c + k == 0 else (float(c - k) / float(c + k)) ** 2
    if level == "ordinal":
        # Krippendorff's ordinal metric: ranks come from the marginal frequencies of the values
        # actually used, so the distance between two values grows with how many values lie between.
        rank = {c: i for i, c in enumerate(categories)}
        cumulative = [0.0]
        for c in categories:
            cumulative.append(cumulative[-1] + marginals[c])

        def ordinal(c, k):
            lo, hi = sorted((rank[c], rank[k]))
            between = cumulative[hi + 1] - cumulative[lo]
            return (between - (marginals[c] + marginals[k]) / 2.0) ** 2

        return ordinal
    raise ValueError(f"unknown level {level!r}; choose one of {LEVELS}")


def alpha_details(data: Sequence[Sequence], level: str = "nominal", *,
                  distance: Distance | None = None, categories: Sequence | None = None) -> AlphaResult:
    """Krippendorff's α with its parts. ``data`` is raters × units (None/NaN = missing).

    ``distance`` (c, k) -> δ²_ck overrides ``level`` (e.g. Artstein & Poesio's 0.5 for "Chck").
    ``categories``: every category the scheme has (e.g. all labels), so ``per_category`` also lists
    those nobody used (as undefined); by default only the categories that occur.
    """
    o, n_units = coincidences(data)
    if not o:
        raise ValueError("no unit has two or more values: alpha is undefined")
    marginals: dict = defaultdict(float)
    for (c, _k), v in o.items():
        marginals[c] += v
    used = sorted_categories(marginals)
    n = sum(marginals.values())
    delta = distance or _distance_function(level, used, marginals)
    scheme = list(categories) if categories is not None else used
    unknown = [c for c in used if c not in scheme]
    if unknown:
        raise ValueError(f"values not among the given categories: {unknown!r}")
    categories = used
    do = sum(v * delta(c, k) for (c, k), v in o.items()) / n
    de = sum(marginals[c] * marginals[k] * delta(c, k)
             for c in categories for k in categories) / (n * (n - 1))
    if de == 0.0:
        alpha = 1.0  # no variation at all: see the module doc
    else:
        alpha = 1.0 - do / de
    return AlphaResult(alpha, do, de, int(round(n)), n_units, scheme, o, dict(marginals))


def krippendorff_alpha(data: Sequence[Sequence], level: str = "nominal", *,
                       distance: Distance | None = None) -> float:
    """Krippendorff's α for a raters × units matrix; levels nominal, ordinal, interval, ratio."""
    return alpha_details(data, level, distance=distance).alpha
