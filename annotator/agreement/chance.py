"""Character κ and uα of many annotators as running totals, one document at a time.

Both figures are defined over all documents joined into one continuum (spans.py's notes), but neither
needs the continuum: the character table and the uα coincidences are sums over stretches of text, and
no stretch that matters crosses a document boundary (a gap that does is counted by its length, and gaps
are counted by length anyway). So each document adds its share and is dropped.

Within a document the text is cut at every span boundary of every annotator; on each piece each
annotator has one value, and the pair sums become products of per-piece counts — one numpy expression
per document instead of a Python merge walk per annotator pair (190 pairs for 20 annotators).
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Sequence

import numpy as np

from annotator.agreement.charlevel import label_runs
from annotator.agreement.unitizing import GAP

OVERLAP = object()  # marker: this observer's spans overlap, no partition for this continuum


class ChanceTotals:
    """Accumulates the character table (ordered annotator pairs) and the uα coincidences, over all
    labels and per label, of the documents given to ``document``."""

    def __init__(self, m: int) -> None:
        self.m = m
        self.char: Counter = Counter()
        self.total = 0  # length of the continuum so far
        self.ell: Counter = Counter()  # (c, k) -> Σ length × ordered observer pairs, GAP included
        self.corr: Counter = Counter()  # value -> Σ ℓ² (valued) or ℓ (gap)
        self.overlap: dict[int, tuple[Any, int]] = {}  # observer -> first (doc, position) of an overlap
        self.by_label: dict = {}  # label -> [ell Counter, corr Counter, covered length of docs seen]
        self.label_overlap: dict = {}  # label -> {observer: (doc, position)}

    # -- one document ---------------------------------------------------------------------------
    def document(self, doc, layers: Sequence[Sequence], size: int) -> None:
        """``layers``: per observer, spans sorted by (start, end, label) inside [0, size)."""
        self.total += size
        if size <= 0:
            return
        self._char_table(layers, size)
        self._u_alpha(doc, [[(s.start, s.end, s.label) for s in layer] for layer in layers], size,
                      self.ell, self.corr, self.overlap)
        labels = sorted({s.label for layer in layers for s in layer}, key=str)
        for lab in labels:
            ell, corr, seen = self.by_label.setdefault(lab, [Counter(), Counter(), 0])
            self._u_alpha(doc, [[(s.start, s.end, lab) for s in layer if s.label == lab] for layer in layers], size,
                          ell, corr, self.label_overlap.setdefault(lab, {}))
            self.by_label[lab][2] = seen + size

    def _char_table(self, layers, size: int) -> None:
        runs = [label_runs(layer, size) for layer in layers]
        cuts = np.unique(np.fromiter((end for r in runs for end, _ in r), np.int64))
        widths = np.diff(cuts, prepend=0)
        codes: dict = {}
        values = np.empty((len(cuts), self.m), np.int64)
        for n, r in enumerate(runs):
            ends = np.fromiter((end for end, _ in r), np.int64, len(r))
            labels = np.fromiter((codes.setdefault(lab, len(codes)) for _, lab in r), np.int64, len(r))
            values[:, n] = labels[np.searchsorted(ends, cuts, side="left")]
        self._pairs_into(self.char, values, widths, list(codes))

    def _pairs_into(self, table: Counter, values: np.ndarray, widths: np.ndarray, names: list) -> None:
        """table[(x, y)] += Σ pieces width × #{a < b: value_a = x, value_b = y} (ordered pairs)."""
        q = len(names)
        onehot = np.zeros(values.shape + (q,), np.int64)
        np.put_along_axis(onehot, values[..., None], 1, axis=2)
        before = np.cumsum(onehot, axis=1) - onehot  # per piece and observer: values of earlier observers
        counts = np.einsum("s,smx,smy->xy", widths, before, onehot)
        for x, y in zip(*np.nonzero(counts)):
            table[(names[x], names[y])] += int(counts[x, y])

    def _u_alpha(self, doc, layers: list[list[tuple]], size: int, ell: Counter, corr: Counter, overlaps: dict) -> None:
        """Coincidences of the observers' partitions of [0, size): ℓ_ck += width × n_c (n_k − [c = k])."""
        broken = False
        for n, layer in enumerate(layers):
            pos = 0
            for s, e, _label in layer:  # sorted by (start, end): the order _partition checks in
                if e <= s or s < 0 or e > size:
                    raise ValueError(f"span [{s}, {e}) lies outside document {doc!r} (length {size}) or is empty")
                if s < pos:
                    overlaps.setdefault(n, (doc, s))
                    broken = True
                    break
                pos = e
        if broken or self.overlap_anywhere(overlaps):
            return  # undefined for this continuum: nothing more to add
        cuts = np.unique(np.fromiter((x for layer in layers for s, e, _ in layer for x in (s, e)), np.int64))
        cuts = np.union1d(cuts, [0, size])
        starts, widths = cuts[:-1], np.diff(cuts)
        codes: dict = {GAP: 0}
        values = np.zeros((len(starts), self.m), np.int64)
        for n, layer in enumerate(layers):
            if not layer:
                corr[GAP] += size
                continue
            s_arr = np.fromiter((s for s, _, _ in layer), np.int64, len(layer))
            e_arr = np.fromiter((e for _, e, _ in layer), np.int64, len(layer))
            lab = np.fromiter((codes.setdefault(label, len(codes)) for _, _, label in layer), np.int64, len(layer))
            k = np.searchsorted(s_arr, starts, side="right") - 1
            inside = (k >= 0) & (e_arr[np.maximum(k, 0)] > starts)
            values[:, n] = np.where(inside, lab[np.maximum(k, 0)], 0)
            covered = int((e_arr - s_arr).sum())
            corr[GAP] += size - covered
            for s, e, label in layer:
                corr[label] += (e - s) ** 2
        names = list(codes)
        q = len(names)
        counts = np.zeros((len(starts), q), np.int64)
        np.add.at(counts, (np.repeat(np.arange(len(starts)), self.m), values.ravel()), 1)
        pairs = (counts * widths[:, None]).T @ counts
        pairs[np.diag_indices(q)] -= (counts * widths[:, None]).sum(axis=0)
        for x, y in zip(*np.nonzero(pairs)):
            ell[(names[x], names[y])] += int(pairs[x, y])

    @staticmethod
    def overlap_anywhere(overlaps: dict) -> bool:
        return bool(overlaps)

    # -- the figures ------------------------------------------------------------------------------
    def first_overlap(self, overlaps: dict) -> tuple[int, Any, int] | None:
        """(observer, doc, position) of the first observer (in annotator order) whose spans overlap."""
        if not overlaps:
            return None
        n = min(overlaps)
        return (n, *overlaps[n])

    def label_totals(self, lab) -> tuple[Counter, Counter]:
        """The label's coincidences over the whole continuum: documents without the label are one gap
        for every observer (m (m − 1) ordered gap pairs per position)."""
        ell, corr, seen = self.by_label[lab]
        rest = self.total - seen
        ell, corr = Counter(ell), Counter(corr)
        if rest:
            ell[(GAP, GAP)] += self.m * (self.m - 1) * rest
            corr[GAP] += self.m * rest
        return ell, corr
