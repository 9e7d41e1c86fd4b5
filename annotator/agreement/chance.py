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

from annotator.agreement.charlevel import UNTAGGED, label_runs
from annotator.agreement.unitizing import GAP



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
        self._pending: list = []  # documents not computed yet (see flush)
        self._pending_spans = 0

    # -- documents, in batches ---------------------------------------------------------------------
    BATCH_SPANS = 20_000  # spans per numpy pass: per-call overhead spread, memory still bounded

    def document(self, doc, layers: Sequence[Sequence[tuple]], size: int) -> None:
        """``layers``: per observer, (start, end, label, …) tuples sorted by (start, end, label) inside
        [0, size). Documents are buffered and computed as one continuum per batch (the sums are the same,
        the numpy calls fewer); a span outside its document is a ValueError when its batch is computed."""
        self._pending.append((doc, layers, size))
        self._pending_spans += sum(map(len, layers))
        if self._pending_spans >= self.BATCH_SPANS:
            self.flush()

    def flush(self) -> None:
        """Compute the buffered documents (call before reading the totals)."""
        pending = self._pending
        if not pending:
            return
        self._pending, self._pending_spans = [], 0
        offset, where, offsets = 0, [], []  # (first position, doc) per document of the batch
        for doc, _layers, size in pending:
            where.append((offset, doc))
            offsets.append(offset)
            offset += size
        self._where, self._starts = where, offsets
        # Observer-major, each observer's spans in batch order: (start, end) order within the batch.
        obs: list = []
        starts: list = []
        ends: list = []
        labels: list = []
        owners: list = []  # the document (its place in the batch) of each span
        for n in range(self.m):
            for d, (first, (_doc, layers, _size)) in enumerate(zip(offsets, pending)):
                layer = layers[n]
                if layer:
                    obs.extend([n] * len(layer))
                    owners.extend([d] * len(layer))
                    starts.extend([x[0] + first for x in layer])
                    ends.extend([x[1] + first for x in layer])
                    labels.extend([x[2] for x in layer])
        self._check(starts, ends, owners, offsets, pending)
        self._batch(obs, starts, ends, labels, offset)

    @staticmethod
    def _check(starts: list, ends: list, owners: list, offsets: list, pending: list) -> None:
        """Every span non-empty and inside its document (one numpy pass over the batch); the error names
        the first document (in order) holding a bad span, as a check per document would have."""
        s, e, own = np.array(starts, np.int64), np.array(ends, np.int64), np.array(owners, np.int64)
        first = np.array(offsets, np.int64)
        size = np.array([p[2] for p in pending], np.int64)
        bad = (e <= s) | (s < first[own]) | (e > first[own] + size[own])
        if bad.any():
            at = np.nonzero(bad)[0]
            i = int(at[np.argmin(own[at])])  # observer-major order: the first observer's first bad span
            d = int(own[i])
            raise ValueError(f"span [{int(s[i] - first[d])}, {int(e[i] - first[d])}) lies outside document "
                             f"{pending[d][0]!r} (length {int(size[d])}) or is empty")

    def _locate(self, position: int) -> tuple:
        """(doc, offset in it) of a batch position."""
        from bisect import bisect_right  # noqa: PLC0415

        k = bisect_right(self._starts, position) - 1
        return self._where[k][1], position - self._starts[k]

    def _batch(self, obs_list: list, start_list: list, end_list: list, label_list: list, size: int) -> None:
        self.total += size
        if size <= 0 or not obs_list:
            if size > 0:  # no span at all: one gap per observer
                self.ell[(GAP, GAP)] += self.m * (self.m - 1) * size
                self.corr[GAP] += self.m * size
                self.char[("O", "O")] += size * self.m * (self.m - 1) // 2
            return
        names = list(dict.fromkeys(label_list))
        code = {lab: i for i, lab in enumerate(names)}
        obs = np.array(obs_list, np.int64)
        starts = np.array(start_list, np.int64)
        ends = np.array(end_list, np.int64)
        labels = np.array([code[lab] for lab in label_list], np.int64)
        cuts = np.union1d(np.union1d(starts, ends), [0, size])
        widths = np.diff(cuts)
        i0, i1 = np.searchsorted(cuts, starts), np.searchsorted(cuts, ends)
        overlapping = self._overlaps(obs, starts, ends, labels, names)
        self._char_table(size, overlapping, cuts, widths, obs, i0, i1, starts, ends, labels, names)
        # Coverage counts per piece and label (an observer's spans of one label never overlap where uα
        # is defined, so a count is a number of observers).
        diff = np.zeros((len(cuts), len(names)), np.int64)
        np.add.at(diff, (i0, labels), 1)
        np.add.at(diff, (i1, labels), -1)
        covered = np.cumsum(diff, axis=0)[:-1]
        lengths = ends - starts
        squares = np.bincount(labels, weights=lengths * lengths, minlength=len(names)).astype(np.int64)
        per_label_len = np.bincount(labels, weights=lengths, minlength=len(names)).astype(np.int64)
        if not overlapping and not self.overlap:
            counts = np.concatenate([self.m - covered.sum(axis=1, keepdims=True), covered], axis=1)
            self._add_pairs(self.ell, counts, widths, [GAP, *names])
            self.corr[GAP] += self.m * size - int(lengths.sum())
            for lab, sq in zip(names, squares.tolist()):
                self.corr[lab] += sq
        for c, lab in enumerate(names):
            ell, corr, seen = self.by_label.setdefault(lab, [Counter(), Counter(), 0])
            self.by_label[lab][2] = seen + size
            if lab in self.label_overlap:
                continue
            counts = np.stack([self.m - covered[:, c], covered[:, c]], axis=1)
            self._add_pairs(ell, counts, widths, [GAP, lab])
            corr[GAP] += self.m * size - int(per_label_len[c])
            corr[lab] += int(squares[c])

    def _overlaps(self, obs, starts, ends, labels, names) -> bool:
        """Record each observer's first overlap (all labels, and per label) in _partition's terms: a span
        starting before the end of the one before it, in (start, end) order. True if this document has one."""
        found = False
        same = obs[1:] == obs[:-1]  # observer-major, each observer's spans in (start, end) order
        for k in np.nonzero(same & (starts[1:] < ends[:-1]))[0].tolist():
            if int(obs[k + 1]) not in self.overlap:
                self.overlap[int(obs[k + 1])] = self._locate(int(starts[k + 1]))
            found = True
        order = np.lexsort((ends, starts, obs, labels))  # label, observer, start, end
        lab, ob, st, en = labels[order], obs[order], starts[order], ends[order]
        hit = (lab[1:] == lab[:-1]) & (ob[1:] == ob[:-1]) & (st[1:] < en[:-1])
        for k in np.nonzero(hit)[0].tolist():
            seen = self.label_overlap.setdefault(names[int(lab[k + 1])], {})
            if int(ob[k + 1]) not in seen:
                seen[int(ob[k + 1])] = self._locate(int(st[k + 1]))
        return found

    def _char_table(self, size, overlapping, cuts, widths, obs, i0, i1, starts, ends, labels, names) -> None:
        """The character table over ordered annotator pairs: per piece, each annotator's character label
        (charlevel.label_runs' rule: an overlap of labels is their sorted '+' join, nothing is 'O')."""
        values = np.zeros((len(cuts), self.m), np.int64)  # code 0 = 'O', label c = c + 1
        np.add.at(values, (i0, obs), labels + 1)
        np.add.at(values, (i1, obs), -(labels + 1))
        values = np.cumsum(values, axis=0)[:-1]
        value_names = [UNTAGGED, *names]
        if overlapping:  # an annotator whose own spans overlap: their pieces from label_runs
            extra: dict = {}
            for n in set(obs.tolist()):
                mine = obs == n
                layer = list(zip(starts[mine].tolist(), ends[mine].tolist(), [names[c] for c in labels[mine].tolist()]))
                if any(layer[i][0] < layer[i - 1][1] for i in range(1, len(layer))):
                    runs = label_runs(layer, size)
                    run_ends = np.fromiter((e for e, _ in runs), np.int64, len(runs))
                    codes = []
                    for _, lab in runs:
                        if lab not in extra:
                            extra[lab] = value_names.index(lab) if lab in value_names else len(value_names)
                            if extra[lab] == len(value_names):
                                value_names.append(lab)
                        codes.append(extra[lab])
                    values[:, n] = np.asarray(codes, np.int64)[np.searchsorted(run_ends, cuts[1:], side="left")]
        self._ordered_pairs(self.char, values, widths, value_names)

    def _ordered_pairs(self, table: Counter, values: np.ndarray, widths: np.ndarray, names: list) -> None:
        """table[(x, y)] += Σ pieces width × #{a < b: value_a = x, value_b = y}."""
        q = len(names)
        onehot = np.zeros(values.shape + (q,), np.int64)
        np.put_along_axis(onehot, values[..., None], 1, axis=2)
        before = np.cumsum(onehot, axis=1) - onehot  # per piece and observer: values of earlier observers
        counts = np.einsum("s,smx,smy->xy", widths, before, onehot)
        for x, y in zip(*np.nonzero(counts)):
            table[(names[x], names[y])] += int(counts[x, y])

    @staticmethod
    def _add_pairs(ell: Counter, counts: np.ndarray, widths: np.ndarray, names: list) -> None:
        """ℓ_ck += Σ pieces width × n_c (n_k − [c = k]): ordered pairs of distinct observers."""
        weighted = counts * widths[:, None]
        pairs = weighted.T @ counts
        pairs[np.diag_indices(len(names))] -= weighted.sum(axis=0)
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
