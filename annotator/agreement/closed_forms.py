"""One pair of sub-layers in closed form, and the overlap groups that cut a document into them.

engine.py's combination path compares two annotators' spans inside one group of overlapping spans at a
time. Most comparisons are of a shape whose outcome needs no alignment: identical sub-layers (a true
positive in every mode), one side empty (misses), or one span against one span. These give exactly
what spans._tally_document gives for the same input — the same (mode, kind, label, section path)
counts and the same disagreements (kind, index in a, index in b) — at a fraction of the cost; the
general case still goes through _tally_document.
"""

from __future__ import annotations

from typing import Sequence

from annotator.agreement.align import EXACT_MATCH, MISSING_IN_A, MISSING_IN_B, classify
from annotator.agreement.spans import MODES

_STRICT, _RELAXED, _BOUNDARY, _OVERLAP = MODES


def groups(keyed: Sequence[Sequence[tuple]]) -> dict:
    """(start, end) → group number: intervals that overlap, directly or through others, share a group;
    an empty interval overlaps nothing and is a group of its own."""
    out: dict = {}
    group, end, count = -1, None, 0
    for s, e in sorted({(k[0], k[1]) for layer in keyed for k in layer}):
        if e <= s:
            out[(s, e)] = count
            count += 1
            continue
        if end is None or s >= end:
            group, end, count = count, e, count + 1
        else:
            end = max(end, e)
        out[(s, e)] = group
    return out


def trivial(ka: list, kb: list, where, *, same: bool) -> tuple[dict, list]:
    """What _tally_document gives when the two sub-layers are identical (every span pairs with its twin:
    a true positive in every mode, no disagreement) or one is empty (every span missing on the other
    side), without aligning anything. ``ka``/``kb``: (start, end, label, attributes key) tuples."""
    tally: dict = {}
    if same:
        kinds = ("tp",)
        spans = ka
    else:
        kinds, spans = ("fn",) if ka else ("fp",), ka or kb
    kind = kinds[0]
    for s, _e, label, _x in spans:
        path = where(s)
        for key in ((_STRICT, kind, label, path), (_RELAXED, kind, label, path), (_BOUNDARY, kind, None, path),
                    (_OVERLAP, kind, label, path)):
            tally[key] = tally.get(key, 0) + 1
    if same or (not ka and not kb):
        return tally, []
    if ka:
        return tally, [(MISSING_IN_B, i, None) for i in range(len(ka))]
    return tally, [(MISSING_IN_A, None, j) for j in range(len(kb))]


def one_to_one(x: tuple, y: tuple, xo, yo, where, compare_attributes: bool) -> tuple[dict, list]:
    """_tally_document of one span against one span (the common shape of a group), in closed form:
    the same counts at the same section paths, and the same disagreement (classify's kind)."""
    xs, xe, xl = x[0], x[1], x[2]
    ys, ye, yl = y[0], y[1], y[2]
    px, py = where(xs), where(ys)
    tally: dict = {}

    def add(key) -> None:
        tally[key] = tally.get(key, 0) + 1

    if xs == ys and xe == ye:
        add((_BOUNDARY, "tp", None, px))
        if xl == yl:
            add((_STRICT, "tp", xl, px))
        else:
            add((_STRICT, "fn", xl, px))
            add((_STRICT, "fp", yl, py))
    else:
        add((_STRICT, "fn", xl, px))
        add((_STRICT, "fp", yl, py))
        add((_BOUNDARY, "fn", None, px))
        add((_BOUNDARY, "fp", None, py))
    if xs < xe and ys < ye and max(xs, ys) < min(xe, ye):  # they overlap: paired in overlap mode
        pm = where(min(xs, ys))
        add((_OVERLAP, "tp", xl, pm))
        if xl == yl:
            add((_RELAXED, "tp", xl, pm))
        else:
            add((_RELAXED, "fn", xl, px))
            add((_RELAXED, "fp", yl, py))
        kind = classify(xo, yo, compare_attributes=compare_attributes)
        return tally, ([] if kind == EXACT_MATCH else [(kind, 0, 0)])
    for mode in (_RELAXED, _OVERLAP):
        add((mode, "fn", xl, px))
        add((mode, "fp", yl, py))
    return tally, [(MISSING_IN_B, 0, None), (MISSING_IN_A, None, 0)]
