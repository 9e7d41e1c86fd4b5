"""Pairwise span agreement fed one document at a time, holding only running totals.

``span_agreement`` (in memory) and ``project.project_agreement`` (streamed from storage) both drive
this engine, so the two cannot drift apart. What it keeps: per pair the counts per mode, label,
document and section (numpy int arrays, not objects), the character table and uα coincidences
(chance.py), and at most ``cap`` disagreements per pair (all of them are counted by kind).

Speed with many annotators: a pair's counts and alignment decompose over groups of overlapping spans
(the pairings never cross a group), and inside a group most annotators made one of a few identical
sub-layers. So each document is cut into groups, each annotator's sub-layer in a group gets a
signature, and spans.py's pairwise code runs once per distinct pair of signatures; the 190 pairs of
20 annotators then only index into those results (one numpy add per group).
"""

from __future__ import annotations

import json
from collections import Counter
from itertools import combinations
from typing import Any, Callable, Mapping, Sequence

import numpy as np

from annotator.agreement.align import EXACT_MATCH, MISSING_IN_A, MISSING_IN_B, Disagreement, Match, _position
from annotator.agreement.chance import ChanceTotals
from annotator.agreement.tables import PairView, Tables
from annotator.agreement.spans import (LABELLED_MODES, MODES, AgreementResult, PairDisagreement, SectionIndex,
                                       _doc_name, _tally_document)
from annotator.agreement.unitizing import u_alpha_from_totals

KINDS = ("tp", "fp", "fn")
_MK = {(m, k): i * 3 + j for i, m in enumerate(MODES) for j, k in enumerate(KINDS)}
LIST_LIMIT = 8  # documents named in a "left out" note
DIRECT_PAIRS = 6  # up to this many pairs in a document (4 annotators), each pair is aligned directly


def _attr_key(span) -> str | None:
    return json.dumps(span.attributes, sort_keys=True, ensure_ascii=False, default=str) if span.attributes else None


def _groups(layers: Sequence[Sequence]) -> dict:
    """(start, end) → group number: intervals that overlap, directly or through others, share a group;
    an empty interval overlaps nothing and is a group of its own."""
    out: dict = {}
    group, end, count = -1, None, 0
    for s, e in sorted({(x.start, x.end) for layer in layers for x in layer}):
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


def _trivial(a: list, b: list, where, *, same: bool) -> tuple[Counter, list]:
    """What _tally_document gives when the two sub-layers are identical (every span pairs with its twin:
    a true positive in every mode, no disagreement) or one is empty (every span missing on the other
    side), without aligning anything."""
    tally: Counter = Counter()
    if same:
        for x in a:
            path = where(x.start)
            for mode in MODES:
                tally[(mode, "tp", None if mode == "boundary" else x.label, path)] += 1
        return tally, []
    kind, spans = ("fn", a) if a else ("fp", b)
    for x in spans:
        path = where(x.start)
        for mode in MODES:
            tally[(mode, kind, None if mode == "boundary" else x.label, path)] += 1
    if a:
        return tally, [(MISSING_IN_B, i, None) for i in range(len(a))]
    return tally, [(MISSING_IN_A, None, j) for j in range(len(b))]


class Engine:
    def __init__(self, names: Sequence[str], touched: Mapping[str, set], *, compare_attributes: bool = True,
                 cap: int | None = None, document_names: Mapping | None = None) -> None:
        self.names = list(names)
        self.touched = [touched[n] for n in self.names]
        pairs = list(combinations(range(len(self.names)), 2))
        self.pa = np.array([a for a, _ in pairs], np.int64)
        self.pb = np.array([b for _, b in pairs], np.int64)
        self.compare_attributes, self.cap, self.document_names = compare_attributes, cap, document_names
        P = len(pairs)
        self.modes = np.zeros((P, 12), np.int64)
        self.labels: dict = {}  # label -> [P, 12] (only the labelled modes filled)
        self.doc_rows: list = []  # (doc, pair indexes, counts [p, 12] int32)
        self.sec_rows: list = []  # ((doc, path), pair indexes, counts [p, 12] int32)
        self.section_order: dict = {}
        self.span_counts = [0] * len(self.names)
        self.left_out = [0] * P
        self.left_first: list[list] = [[] for _ in pairs]
        self.kept: list[list[PairDisagreement]] = [[] for _ in pairs]
        self.found = np.zeros(P, np.int64)
        self.kinds: Counter = Counter()
        self.docs = self.common = 0
        self.chance = ChanceTotals(len(self.names))
        self.sizes_missing = False

    # -- one document -------------------------------------------------------------------------------
    def document(self, doc, layers: Sequence[list], index: SectionIndex | None, size: int | None,
                 text: Callable[[Any], str | None] | None) -> None:
        """``layers``: per annotator (in ``names`` order) their counted spans in ``doc``, sorted by
        (start, end, label). Documents must come in the report's order (numbers ascending)."""
        self.docs += 1
        for n, layer in enumerate(layers):
            self.span_counts[n] += len(layer)
        if index is not None:
            self.section_order.update({(doc, p): i for p, i in index.order.items()})
        t = np.array([doc in tch for tch in self.touched], bool)
        have = np.array([bool(layer) for layer in layers], bool)
        shared = t[self.pa] & t[self.pb]
        for p in np.nonzero(~shared & (have[self.pa] | have[self.pb]))[0].tolist():
            self.left_out[p] += 1
            if len(self.left_first[p]) < LIST_LIMIT:
                self.left_first[p].append(doc)
        sp = np.nonzero(shared)[0]
        if sp.size:
            self._pairs(doc, layers, sp, index, text)
        if t.all():
            self.common += 1
            if size is None:
                self.sizes_missing = True
            elif not self.sizes_missing:
                self.chance.document(doc, layers, int(size))

    def _pairs(self, doc, layers, sp: np.ndarray, index, text) -> None:
        where = index.path_at if index else (lambda pos: None)
        keys: dict = {}  # (mode, kind, label, path) -> local column
        if len(sp) <= DIRECT_PAIRS:  # few pairs: grouping and signatures cost more than they save
            tallies, items = [], []
            for a, b in zip(self.pa[sp].tolist(), self.pb[sp].tolist()):
                tally, found = self._combo(layers[a], layers[b], False, where, keys)
                tallies.append(tally)
                items.append(found)
            inverse = np.arange(len(sp))
            self.found[sp] += self._count(inverse, items, len(sp))
            per_group = [(inverse, tallies, items, layers)]
            self._absorb(doc, sp, keys, per_group)
            self._keep(doc, sp, per_group, text)
            return
        group_of = _groups(layers)
        n_groups = max(group_of.values(), default=-1) + 1
        subs = [[[] for _ in layers] for _ in range(n_groups)]
        for n, layer in enumerate(layers):
            for x in layer:
                subs[group_of[(x.start, x.end)]][n].append(x)
        pa, pb = self.pa[sp], self.pb[sp]
        per_group = []  # (inverse over sp, [tally per combo], [items per combo], reps)
        n_dis = np.zeros(len(sp), np.int64)
        for g in range(n_groups):
            sig_ids: dict = {}
            reps: list = []
            sid = np.empty(len(layers), np.int64)
            for n, sub in enumerate(subs[g]):
                sig = tuple((x.start, x.end, x.label, _attr_key(x) if self.compare_attributes else None) for x in sub)
                k = sig_ids.get(sig)
                if k is None:
                    k = sig_ids[sig] = len(reps)
                    reps.append(sub)
                sid[n] = k
            if len(reps) == 1:  # everyone made the same sub-layer here: one combination for all pairs
                uniq, inverse = np.zeros(1, np.int64), np.zeros(len(sp), np.int64)
            else:
                uniq, inverse = np.unique(sid[pa] * len(reps) + sid[pb], return_inverse=True)
            tallies, items = [], []
            for code in uniq.tolist():
                ia, ib = divmod(code, len(reps))
                tally, found = self._combo(reps[ia], reps[ib], ia == ib, where, keys)
                tallies.append(tally)
                items.append(found)
            n_dis += self._count(inverse, items, len(uniq))
            per_group.append((inverse, tallies, items, subs[g]))
        self.found[sp] += n_dis
        self._absorb(doc, sp, keys, per_group)
        self._keep(doc, sp, per_group, text)

    def _combo(self, ra: list, rb: list, same: bool, where, keys: dict) -> tuple[dict, list]:
        """One pair of (sub-)layers: its tally by local column and its disagreements as (kind, i, j)."""
        if same or not ra or not rb:  # the common cases, in closed form
            tally, found = _trivial(ra, rb, where, same=same)
        else:
            tally, alignment = _tally_document(ra, rb, where, self.compare_attributes)
            pos_a, pos_b = {id(x): i for i, x in enumerate(ra)}, {id(x): i for i, x in enumerate(rb)}
            found = [(it.kind, pos_a.get(id(it.a)), pos_b.get(id(it.b))) for it in alignment
                     if not (isinstance(it, Match) or it.kind == EXACT_MATCH)]
        return {keys.setdefault(k, len(keys)): v for k, v in tally.items()}, found

    def _count(self, inverse: np.ndarray, items: list, combos: int) -> np.ndarray:
        """Disagreements per pair of this group, and every one counted by kind."""
        per_combo = np.bincount(inverse, minlength=combos).tolist()
        for found, times in zip(items, per_combo):
            for kind, _i, _j in found:
                self.kinds[kind] += times
        return np.array([len(f) for f in items], np.int64)[inverse]

    def _absorb(self, doc, sp, keys: dict, per_group) -> None:
        K = len(keys)
        table = np.zeros((len(sp), K), np.int64)
        for inverse, tallies, _items, _subs in per_group:
            if not K:
                break
            m = np.zeros((len(tallies), K), np.int64)
            for r, tally in enumerate(tallies):
                for col, v in tally.items():
                    m[r, col] = v
            table += m[inverse]
        meta = list(keys)
        to_mk = np.zeros((K, 12), np.int64)
        for col, (mode, kind, _label, _path) in enumerate(meta):
            to_mk[col, _MK[(mode, kind)]] = 1
        per_doc = table @ to_mk
        self.modes[sp] += per_doc
        self.doc_rows.append((doc, sp, per_doc.astype(np.int32)))
        for label in dict.fromkeys(lab for mode, _k, lab, _p in meta if mode in LABELLED_MODES):
            sel = np.array([mode in LABELLED_MODES and lab == label for mode, _k, lab, _p in meta])
            total = self.labels.setdefault(label, np.zeros_like(self.modes))
            total[sp] += table[:, sel] @ to_mk[sel]
        for path in dict.fromkeys(p for *_x, p in meta if p is not None):
            sel = np.array([p == path for *_x, p in meta])
            counts = table[:, sel] @ to_mk[sel]
            if counts.any():
                self.sec_rows.append(((doc, path), sp, counts.astype(np.int32)))

    def _keep(self, doc, sp, per_group, text) -> None:
        """The disagreements of the pairs that have not reached ``cap``, as spans.py listed them: per
        pair, the document's items in position order; texts quoted with one read per document."""
        quoted = None
        for row, p in enumerate(sp.tolist()):
            kept = self.kept[p]
            if self.cap is not None and len(kept) >= self.cap:
                continue
            a, b = int(self.pa[p]), int(self.pb[p])
            found = []
            for inverse, _t, items, subs in per_group:
                for kind, i, j in items[inverse[row]]:
                    found.append(Disagreement(kind, None if i is None else subs[a][i], None if j is None else subs[b][j]))
            found.sort(key=_position)
            for item in found[: None if self.cap is None else self.cap - len(kept)]:
                d = PairDisagreement(self.names[a], self.names[b], item)
                if text is not None:
                    if quoted is None:
                        quoted = (text(doc),)
                    if quoted[0] is not None:
                        d.text_a = quoted[0][item.a.start:item.a.end] if item.a else None
                        d.text_b = quoted[0][item.b.start:item.b.end] if item.b else None
                kept.append(d)

    # -- the result ---------------------------------------------------------------------------------
    def finish(self, shared_documents: dict) -> AgreementResult:
        names = self.names
        result = AgreementResult(names, [], {n: c for n, c in zip(names, self.span_counts)},
                                 [d for kept in self.kept for d in kept])
        result.shared_documents = shared_documents
        result.section_order = self.section_order
        result.disagreement_kinds = dict(sorted(self.kinds.items()))
        result.disagreement_total = int(self.found.sum())
        result.tables = Tables(self)
        for p, (a, b) in enumerate(zip(self.pa.tolist(), self.pb.tolist())):
            na, nb = names[a], names[b]
            result.pairs.append(PairView(na, nb, p, result.tables))
            shared = shared_documents[(na, nb)]
            if not shared:
                result.notes.append(f"{na} / {nb}: no document both worked on — no figures for this pair")
            elif self.left_out[p]:
                shown = ", ".join(_doc_name(d, self.document_names) for d in self.left_first[p])
                more = self.left_out[p] - len(self.left_first[p])
                result.notes.append(f"{na} / {nb}: scored on the {len(shared)} documents both worked on; left out "
                                    f"{self.left_out[p]} only one of them worked on: {shown}"
                                    + (f" and {more} more" if more > 0 else ""))
        if self.common < self.docs:
            result.notes.append(f"character kappa and u-alpha use the {self.common} documents every annotator "
                                "worked on")
        self._chance_figures(result)
        if len(result.disagreements) < result.disagreement_total:
            result.notes.append(f"{result.disagreement_total} disagreements; the first {self.cap} of each pair are "
                                "listed")
        return result

    def _chance_figures(self, result: AgreementResult) -> None:
        if not self.common:
            return
        if self.sizes_missing:
            result.notes.append("character kappa and u-alpha need every document's length (texts= or lengths=)")
            return
        from annotator.agreement.charlevel import char_kappa_from_table  # noqa: PLC0415

        c = self.chance
        c.flush()
        if c.char:
            result.char_kappa = char_kappa_from_table(c.char)
        first = c.first_overlap(c.overlap)
        if first is not None:
            n, doc, pos = first
            result.notes.append(f"u-alpha over all labels not computed: {self.names[n]}'s spans overlap in "
                                f"{_doc_name(doc, self.document_names)} at offset {pos} "
                                "(spans of different labels may overlap; see u-alpha per label)")
        elif c.total:
            result.u_alpha = u_alpha_from_totals(c.ell, c.corr, c.m).u_alpha
        for lab in sorted(c.by_label, key=str):
            first = c.first_overlap(c.label_overlap.get(lab, {}))
            if first is not None:
                n, doc, pos = first
                result.u_alpha_by_label[lab] = None
                result.notes.append(f"u-alpha for {lab!r} not computed: {self.names[n]} has two overlapping {lab!r} "
                                    f"spans in {_doc_name(doc, self.document_names)} at offset {pos}")
            else:
                result.u_alpha_by_label[lab] = u_alpha_from_totals(*c.label_totals(lab), c.m).u_alpha
