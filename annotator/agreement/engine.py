"""Pairwise span agreement fed one document at a time, holding only running totals.

``span_agreement`` (in memory) and ``project.project_agreement`` (streamed from storage) both drive
this engine, so the two cannot drift apart. What it keeps: per pair the counts per mode, label,
document and section (numpy int arrays, not objects), the character table and uα coincidences
(chance.py), and at most ``cap`` disagreements per pair (all of them are counted by kind).

Speed with many annotators: a pair's counts and alignment decompose over groups of overlapping spans
(the pairings never cross a group), and inside a group most annotators made one of a few identical
sub-layers. So each document is cut into groups, each annotator's sub-layer in a group gets a
signature, and the pairwise work runs once per distinct pair of signatures (closed_forms.py for the
common shapes, spans._tally_document otherwise); the 190 pairs of 20 annotators then only index into
those results (one matrix product per document).

Once every pair has listed its ``cap`` disagreements, a document whose groups hold at most one span per
annotator is counted by singles.py instead, for all pairs at once in numpy: a 20-annotator report
spends most of its documents there. Every span is read once, into a plain tuple (start, end, label,
attributes key), at the start of ``document``.
"""

from __future__ import annotations

import json
from collections import Counter
from itertools import combinations
from typing import Any, Callable, Mapping, Sequence

import numpy as np

from annotator.agreement import singles
from annotator.agreement.align import EXACT_MATCH, Disagreement, Match, _position
from annotator.agreement.chance import ChanceTotals
from annotator.agreement.closed_forms import groups, one_to_one, trivial
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


def _plain(span):
    """A listed span as a Span: the project stream reads rows (storage/span_stream.StreamedSpan), and
    the few a report lists become the Spans callers expect."""
    as_span = getattr(span, "as_span", None)
    return span if as_span is None else as_span()


def _nowhere(_pos: int) -> None:
    return None


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
        self.open = set(range(P)) if cap != 0 else set()  # pairs still listing disagreements (below the cap)
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
        # Every span read once, as a plain tuple: what the signatures, the closed forms and the chance
        # totals use (attribute reads and JSON for every comparison were most of a large report).
        if self.compare_attributes:
            keyed = [[(x.start, x.end, x.label, _attr_key(x) if x.attributes else None) for x in layer]
                     for layer in layers]
        else:
            keyed = [[(x.start, x.end, x.label, None) for x in layer] for layer in layers]
        t = np.array([doc in tch for tch in self.touched], bool)
        have = np.array([bool(layer) for layer in layers], bool)
        shared = t[self.pa] & t[self.pb]
        for p in np.nonzero(~shared & (have[self.pa] | have[self.pb]))[0].tolist():
            self.left_out[p] += 1
            if len(self.left_first[p]) < LIST_LIMIT:
                self.left_first[p].append(doc)
        sp = np.nonzero(shared)[0]
        if sp.size:
            self._pairs(doc, layers, keyed, sp, index, text)
        if t.all():
            self.common += 1
            if size is None:
                self.sizes_missing = True
            elif not self.sizes_missing:
                self.chance.document(doc, keyed, int(size))

    def _pairs(self, doc, layers, keyed, sp: np.ndarray, index, text) -> None:
        where = index.path_at if index else _nowhere
        if not self.open and self._singles(doc, layers, keyed, sp, where):
            return  # counts only, every pair at once (singles.py)
        m = len(layers)
        if len(sp) <= DIRECT_PAIRS:  # few pairs: one group, the whole layers (grouping would cost more)
            subs_k, subs_o = [keyed], [layers]
        else:
            group_of = groups(keyed)
            n_groups = max(group_of.values(), default=-1) + 1
            subs_k = [[[] for _ in range(m)] for _ in range(n_groups)]
            subs_o = [[[] for _ in range(m)] for _ in range(n_groups)]
            for n in range(m):
                objs = layers[n]
                for i, k in enumerate(keyed[n]):
                    g = group_of[(k[0], k[1])]
                    subs_k[g][n].append(k)
                    subs_o[g][n].append(objs[i])
        # Each annotator's sub-layer in a group gets a signature number; a pair's work in a group is that
        # of its two signatures (a "combination"), computed once however many pairs share it.
        sid_rows, reps, width = [], [], 1
        for group in subs_k:
            ids: dict = {}
            rep: list = []
            row = []
            for n, sub in enumerate(group):
                sig = tuple(sub)
                k = ids.get(sig)
                if k is None:
                    k = ids[sig] = len(rep)
                    rep.append(n)
                row.append(k)
            sid_rows.append(row)
            reps.append(rep)
            width = max(width, len(rep))
        S = np.array(sid_rows, np.int64)  # groups × annotators
        G, P = len(subs_k), len(sp)
        pa, pb = self.pa[sp], self.pb[sp]
        codes = (np.arange(G, dtype=np.int64)[:, None] * width + S[:, pa]) * width + S[:, pb]
        uniq, inverse = np.unique(codes, return_inverse=True)
        inverse = inverse.reshape(G, P)
        tallies, items = [], []
        for code in uniq.tolist():
            g, rest = divmod(code, width * width)
            ia, ib = divmod(rest, width)
            na, nb = reps[g][ia], reps[g][ib]
            tally, found = self._combo(subs_k[g][na], subs_k[g][nb], subs_o[g][na], subs_o[g][nb], ia == ib, where)
            tallies.append(tally)
            items.append(found)
        NC = len(tallies)
        # uses[p, c]: how many groups pair p spends in combination c; every sum below is a product with it.
        uses = np.bincount((np.arange(P, dtype=np.int64) * NC + inverse).ravel(), minlength=P * NC).reshape(P, NC)
        n_found = np.array([len(f) for f in items], np.int64)
        self.found[sp] += uses @ n_found
        if n_found.any():
            for found, times in zip(items, uses.sum(axis=0).tolist()):
                for kind, _i, _j in found:
                    self.kinds[kind] += times
        self._absorb(doc, sp, tallies, uses)
        if n_found.any() and self.open:
            self._keep(doc, sp, pa, pb, inverse, items, subs_o, text)

    def _singles(self, doc, layers, keyed, sp: np.ndarray, where) -> bool:
        """singles.py's counts when every group holds at most one span per annotator; False otherwise."""
        group_of = groups(keyed)
        found = singles.layout(keyed, layers, group_of.__getitem__, max(group_of.values(), default=-1) + 1,
                               where, self.compare_attributes)
        if found is None:
            return False
        lay, labels, paths, differ = found
        table, per_pair, kinds = singles.pair_counts(lay, self.pa[sp], self.pb[sp], len(labels), len(paths),
                                                     differ)
        self.found[sp] += per_pair
        for name, n in zip(singles.KIND_NAMES, kinds.tolist()):
            if n:
                self.kinds[name] += n
        per_doc = table.sum(axis=2)
        self.modes[sp] += per_doc
        self.doc_rows.append((doc, sp, per_doc.astype(np.int32)))
        n_paths = len(paths)
        cube = table.reshape(len(sp), 12, len(labels) + 1, n_paths)
        by_label = cube[:, :6].sum(axis=3)  # the labelled modes (strict, relaxed: columns 0–5) per label
        for li, label in enumerate(labels):
            counts = by_label[:, :, li]
            if counts.any():
                total = self.labels.setdefault(label, np.zeros_like(self.modes))
                total[sp, :6] += counts
        by_path = cube.sum(axis=2)
        for xi, path in enumerate(paths):
            if path is not None:
                counts = by_path[:, :, xi]
                if counts.any():
                    self.sec_rows.append(((doc, path), sp, counts.astype(np.int32)))
        return True

    def _combo(self, ka: list, kb: list, oa: list, ob: list, same: bool, where) -> tuple[dict, list]:
        """One pair of (sub-)layers: its tally {(mode, kind, label, path): n} and its disagreements as
        (kind, i, j)."""
        if same or not ka or not kb:  # the common cases, in closed form
            tally, found = trivial(ka, kb, where, same=same)
        elif len(ka) == 1 and len(kb) == 1:
            tally, found = one_to_one(ka[0], kb[0], oa[0], ob[0], where, self.compare_attributes)
        else:
            tally, alignment = _tally_document(oa, ob, where, self.compare_attributes)
            pos_a, pos_b = {id(x): i for i, x in enumerate(oa)}, {id(x): i for i, x in enumerate(ob)}
            found = [(it.kind, pos_a.get(id(it.a)), pos_b.get(id(it.b))) for it in alignment
                     if not (isinstance(it, Match) or it.kind == EXACT_MATCH)]
        return tally, found

    def _absorb(self, doc, sp, tallies: list, uses: np.ndarray) -> None:
        """Add the document's counts: per pair (uses × the combinations' tallies), per mode, label and
        section; each (mode, kind, label, path) key is one column of a small matrix."""
        keys: dict = {}
        cols = [keys.setdefault(k, len(keys)) for tally in tallies for k in tally]
        rows = [r for r, tally in enumerate(tallies) for _ in range(len(tally))]
        K = len(keys)
        m = np.zeros((len(tallies), K), np.int64)
        m[rows, cols] = [v for tally in tallies for v in tally.values()]
        table = uses @ m  # pairs × columns
        meta = list(keys)
        mk = np.array([_MK[(mode, kind)] for mode, kind, _l, _p in meta], np.int64)
        to_mk = np.zeros((K, 12), np.int64)
        to_mk[np.arange(K), mk] = 1
        per_doc = table @ to_mk
        self.modes[sp] += per_doc
        self.doc_rows.append((doc, sp, per_doc.astype(np.int32)))
        labels: dict = {}
        paths: dict = {}
        lab_of = np.array([labels.setdefault(lab, len(labels)) if mode in LABELLED_MODES else -1
                           for mode, _k, lab, _p in meta], np.int64)
        path_of = np.array([-1 if p is None else paths.setdefault(p, len(paths)) for *_x, p in meta], np.int64)
        for label, li in labels.items():
            sel = lab_of == li
            total = self.labels.setdefault(label, np.zeros_like(self.modes))
            total[sp] += table[:, sel] @ to_mk[sel]
        for path, pi in paths.items():
            sel = path_of == pi
            counts = table[:, sel] @ to_mk[sel]
            if counts.any():
                self.sec_rows.append(((doc, path), sp, counts.astype(np.int32)))

    def _keep(self, doc, sp, pa, pb, inverse, items, subs_o, text) -> None:
        """The disagreements of the pairs that have not reached ``cap``, as spans.py listed them: per
        pair, the document's items in position order; texts quoted with one read per document."""
        quoted = None
        for row, p in enumerate(sp.tolist()):
            if p not in self.open:
                continue
            kept = self.kept[p]
            a, b = int(pa[row]), int(pb[row])
            found = []
            for g, c in enumerate(inverse[:, row].tolist()):
                for kind, i, j in items[c]:
                    found.append(Disagreement(kind, None if i is None else subs_o[g][a][i],
                                              None if j is None else subs_o[g][b][j]))
            found.sort(key=_position)
            for item in found[: None if self.cap is None else self.cap - len(kept)]:
                item = Disagreement(item.kind, _plain(item.a), _plain(item.b))
                d = PairDisagreement(self.names[a], self.names[b], item)
                if text is not None:
                    if quoted is None:
                        quoted = (text(doc),)
                    if quoted[0] is not None:
                        d.text_a = quoted[0][item.a.start:item.a.end] if item.a else None
                        d.text_b = quoted[0][item.b.start:item.b.end] if item.b else None
                kept.append(d)
            if self.cap is not None and len(kept) >= self.cap:
                self.open.discard(p)

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
        self.chance.flush()  # also checks every buffered span lies inside its document
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
