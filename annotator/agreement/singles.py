"""The engine's counts for a document whose overlap groups each hold at most one span per annotator,
for every annotator pair at once, in numpy (no per-pair, per-group Python).

In such a group a pair's alignment is decided by two spans at most, so spans.py's definitions reduce to
comparisons: both absent (nothing), one absent (a miss in every mode), or both present — strict true
positive when start, end and label agree; boundary when start and end do; relaxed / overlap pairing
when they overlap (with the same label for relaxed), the true positive filed under the earlier start's
section; and one disagreement, classify's kind, or two misses when they do not overlap. engine.py's
combination path computes the same figures one group and pair of sub-layers at a time (tests compare
the two); it is still used where the listed disagreements are needed (the pair is below its cap) and
for documents where an annotator has overlapping spans of their own.
"""

from __future__ import annotations

from typing import Callable, Sequence

import numpy as np

from annotator.agreement.align import (ATTRIBUTE_MISMATCH, BOUNDARY_AND_LABEL_MISMATCH, BOUNDARY_MISMATCH,
                                       LABEL_MISMATCH, MISSING_IN_A, MISSING_IN_B)

# Column of (mode, kind) in the engine's 12 counts (MODES × (tp, fp, fn)): strict, relaxed, boundary, overlap.
TP, FP, FN = 0, 1, 2
STRICT, RELAXED, BOUNDARY, OVERLAP = 0, 3, 6, 9
KIND_NAMES = (MISSING_IN_B, MISSING_IN_A, ATTRIBUTE_MISMATCH, LABEL_MISMATCH, BOUNDARY_MISMATCH,
              BOUNDARY_AND_LABEL_MISMATCH)


class Singles:
    """One document's layout: per overlap group and annotator, the one span (or none)."""

    def __init__(self, G: int, m: int) -> None:
        self.present = np.zeros((G, m), bool)
        self.start = np.zeros((G, m), np.int64)
        self.end = np.zeros((G, m), np.int64)
        self.label = np.zeros((G, m), np.int64)
        self.attr = np.zeros((G, m), np.int64)
        self.path = np.zeros((G, m), np.int64)


def layout(keyed: Sequence[Sequence[tuple]], layers: Sequence[Sequence], group_of: Callable, n_groups: int,
           where: Callable, compare_attributes: bool):
    """(Singles, label names, path names, attribute inequality matrix), or None when some annotator has
    two spans in one group or an empty span (the combination path handles those)."""
    m = len(keyed)
    ns = [n for n, layer in enumerate(keyed) for _ in layer]
    flat = [k for layer in keyed for k in layer]
    if any(k[1] <= k[0] for k in flat):
        return None
    gs = [group_of((k[0], k[1])) for k in flat]
    cells = [g * m + n for g, n in zip(gs, ns)]
    if len(set(cells)) != len(cells):
        return None
    labels: dict = {}
    attrs: dict = {None: 0}
    paths: dict = {}
    at: dict = {}
    for s in {k[0] for k in flat}:
        at[s] = paths.setdefault(where(s), len(paths))
    out = Singles(n_groups, m)
    idx = np.array(cells, np.int64)
    out.present.flat[idx] = True
    out.start.flat[idx] = [k[0] for k in flat]
    out.end.flat[idx] = [k[1] for k in flat]
    out.label.flat[idx] = [labels.setdefault(k[2], len(labels)) for k in flat]
    out.attr.flat[idx] = [attrs.setdefault(k[3], len(attrs)) for k in flat]
    out.path.flat[idx] = [at[k[0]] for k in flat]
    differ = np.zeros((len(attrs), len(attrs)), bool)
    if compare_attributes and len(attrs) > 1:  # rare: decide "attributes differ" as classify does (dicts)
        dicts: dict = {None: {}}
        objs = [x for layer in layers for x in layer]
        for k, x in zip(flat, objs):
            if k[3] is not None and k[3] not in dicts:
                dicts[k[3]] = x.attributes
        keys = list(attrs)
        for i, ki in enumerate(keys):
            for j, kj in enumerate(keys):
                differ[i, j] = (dicts[ki] or {}) != (dicts[kj] or {})
    return out, list(labels), list(paths), differ


def pair_counts(lay: Singles, pa: np.ndarray, pb: np.ndarray, n_labels: int, n_paths: int,
                differ: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(table [pairs, 12, (labels + 1) × paths] of counts per (mode, kind) and (label, path) — label
    ``n_labels`` is the boundary mode's none —, disagreements per pair, disagreements per KIND_NAMES)."""
    P = len(pa)
    pA, pB = lay.present[:, pa], lay.present[:, pb]
    sA, sB, eA, eB = lay.start[:, pa], lay.start[:, pb], lay.end[:, pa], lay.end[:, pb]
    lA, lB, xA, xB = lay.label[:, pa], lay.label[:, pb], lay.path[:, pa], lay.path[:, pb]
    both = pA & pB
    only_a, only_b = pA & ~pB, ~pA & pB
    same_bounds = both & (sA == sB) & (eA == eB)
    same_label = both & (lA == lB)
    exact = same_bounds & same_label
    overlap = both & (np.maximum(sA, sB) < np.minimum(eA, eB))
    relaxed = overlap & same_label
    x_min = np.where(sA <= sB, xA, xB)  # the section of the earlier start
    cell = np.arange(P, dtype=np.int64)[None, :] * (12 * (n_labels + 1) * n_paths)  # a pair's first column
    width = (n_labels + 1) * n_paths
    own_a, own_b = lA * n_paths + xA, lB * n_paths + xB  # (label, section) slots
    none_a, none_b = n_labels * n_paths + xA, n_labels * n_paths + xB  # the boundary mode's (none, section)
    where_, weight = [], []
    for base, paired, tp_slot, fn_slot, fp_slot in (
            (STRICT, exact, own_a, own_a, own_b), (BOUNDARY, same_bounds, none_a, none_a, none_b),
            (OVERLAP, overlap, lA * n_paths + x_min, own_a, own_b), (RELAXED, relaxed, lA * n_paths + x_min, own_a, own_b)):
        unpaired = both & ~paired
        for column, mask, slot in ((TP, paired, tp_slot), (FN, only_a | unpaired, fn_slot), (FP, only_b | unpaired, fp_slot)):
            where_.append((cell + (base + column) * width + slot).ravel())
            weight.append(mask.ravel())
    table = np.bincount(np.concatenate(where_), weights=np.concatenate(weight),
                        minlength=P * 12 * width).astype(np.int64).reshape(P, 12, width)
    apart = both & ~overlap
    attr_differ = differ[lay.attr[:, pa], lay.attr[:, pb]]
    kinds = np.stack([only_a | apart, only_b | apart, overlap & exact & attr_differ, overlap & same_bounds & ~same_label,
                      overlap & ~same_bounds & same_label, overlap & ~same_bounds & ~same_label])
    per_pair = kinds.sum(axis=(0, 1))
    return table, per_pair, kinds.sum(axis=(1, 2))
