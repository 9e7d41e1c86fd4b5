"""The engine's figures as the rest of the package reads them: per pair (``PairView``: Counts per mode,
label, document and section, built from the arrays when first asked for) and per key over all pairs
(``Tables``: spans.Summary rows — mean P/R/F1 over the pairs where defined, summed counts — for every
document, section or label at once, in numpy, a block of rows at a time)."""

from __future__ import annotations

from typing import Callable

import numpy as np

from annotator.agreement.spans import LABELLED_MODES, MODES, Counts, Summary


def _counts(row) -> dict:
    return {m: Counts(*(int(v) for v in row[i * 3:i * 3 + 3])) for i, m in enumerate(MODES)}


class PairView:
    """One pair's figures as spans.PairScores shows them (``modes``, ``by_label``, ``by_document``,
    ``by_section``: dicts of Counts), built from the engine's arrays when first asked for."""

    def __init__(self, a: str, b: str, index: int, tables: "Tables") -> None:
        self.a, self.b, self._p, self._t = a, b, index, tables
        self.modes = _counts(tables.modes[index])
        self._cache: dict = {}

    def _rows(self, rows, every_mode: bool) -> dict:
        out = {}
        for key, sp, counts in rows:
            hit = np.nonzero(sp == self._p)[0]
            if hit.size:
                found = _counts(counts[hit[0]])
                out[key] = found if every_mode else {m: c for m, c in found.items() if c.tp + c.fp + c.fn}
        return out

    @property
    def by_document(self) -> dict:
        if "doc" not in self._cache:
            self._cache["doc"] = self._rows(self._t.doc_rows, True)
        return self._cache["doc"]

    @property
    def by_section(self) -> dict:
        if "sec" not in self._cache:
            self._cache["sec"] = {k: v for k, v in self._rows(self._t.sec_rows, False).items() if v}
        return self._cache["sec"]

    @property
    def by_label(self) -> dict:
        out = {}
        for label, total in self._t.labels.items():
            found = {m: c for m, c in _counts(total[self._p]).items() if m in LABELLED_MODES and c.tp + c.fp + c.fn}
            if found:
                out[label] = found
        return out

    def to_json(self) -> dict:
        return {"a": self.a, "b": self.b, **{m: c.to_json() for m, c in self.modes.items()}}


class Tables:
    """The engine's arrays, and the summaries over pairs (mean of P/R/F1 where defined, summed counts)
    computed for all keys at once."""

    def __init__(self, engine) -> None:
        self.modes, self.labels = engine.modes, engine.labels
        self.doc_rows, self.sec_rows = engine.doc_rows, engine.sec_rows
        self.pairs = len(engine.pa)

    def keyed(self, attr: str, order: Callable | None = None) -> dict:
        if attr == "by_label":
            rows = [(lab, np.arange(self.pairs), total) for lab, total in self.labels.items()]
            rows.sort(key=lambda r: order(r[0]))
            return self._summaries(rows, every_mode=False, modes=LABELLED_MODES)
        if attr == "by_document":
            return self._summaries(self.doc_rows, every_mode=True)
        rows = sorted(self.sec_rows, key=lambda r: order(r[0])) if order else self.sec_rows
        return self._summaries(rows, every_mode=False)

    def _summaries(self, rows, *, every_mode: bool, modes=MODES, block: int = 2048) -> dict:
        out: dict = {}
        for first in range(0, len(rows), block):
            chunk = rows[first:first + block]
            full = np.zeros((len(chunk), self.pairs, 12), np.int64)
            present = np.zeros((len(chunk), self.pairs, 4), bool)
            for r, (_key, sp, counts) in enumerate(chunk):
                full[r, sp] = counts
                c = counts.reshape(len(sp), 4, 3)
                present[r, sp] = True if every_mode else c.sum(axis=2) > 0
            c = full.reshape(len(chunk), self.pairs, 4, 3)
            tp, fp, fn = c[..., 0], c[..., 1], c[..., 2]
            totals = (c * present[..., None]).sum(axis=1)
            npairs = present.sum(axis=1)
            means = [_mean_where(tp, tp + fp, present), _mean_where(tp, tp + fn, present),
                     _mean_where(2 * tp, 2 * tp + fp + fn, present)]
            # Plain Python numbers first: reading numpy scalars one by one was most of a report's table.
            means_l = [[[None if v != v else v for v in row] for row in x.tolist()] for x in means]
            totals_l, npairs_l = totals.tolist(), npairs.tolist()
            wanted = [(i, m) for i, m in enumerate(MODES) if m in modes]
            for r, (key, _sp, _c) in enumerate(chunk):
                p_r, r_r, f_r, t_r, n_r = means_l[0][r], means_l[1][r], means_l[2][r], totals_l[r], npairs_l[r]
                out[key] = {m: Summary(p_r[i], r_r[i], f_r[i], Counts(*t_r[i]), n_r[i]) for i, m in wanted if n_r[i]}
        return out


def _mean_where(num: np.ndarray, den: np.ndarray, present: np.ndarray) -> np.ndarray:
    ok = present & (den > 0)
    ratios = np.divide(num, den, out=np.zeros(num.shape, float), where=ok)
    n = ok.sum(axis=1)
    return np.divide(ratios.sum(axis=1), n, out=np.full(n.shape, np.nan), where=n > 0)
