"""Pairwise span agreement: precision / recall / F1 per mode, label, document and section.

Modes (A is the reference, B the candidate of each ordered pair; F1 is symmetric anyway):
  strict    same start, end and label (a multiset intersection);
  relaxed   overlapping, same label, paired one-to-one;
  boundary  same start and end, any label;
  overlap   overlapping, any label, one-to-one.
One-to-one pairing keeps one long span from being credited twice against two short ones; the pairing
is a maximum matching (align.maximum_pairs), so no pairing could credit more.

A pair of annotators is scored only on the documents both worked on (``worked``: by default the
documents where each has any span of their own, accepted or rejected): one annotator's spans on a
document the other never opened are not the other's misses. What was left out is listed in the notes;
a pair with no shared document has no figures ("n/a"), not 0.

Undefined ratios (0/0, e.g. neither annotator used a label) are None and skipped when averaging
over annotator pairs; they are never silently turned into 0 or 1.

Only accepted spans count: suggestions and rejected suggestions are nobody's judgement, and gold
spans are refused outright — gold is adjudicated from this agreement, never an input to it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any, Iterable, Mapping, Sequence

from annotator.agreement.align import Disagreement, align_document, as_span, maximum_pairs, overlap_candidates
from annotator.agreement.charlevel import CharKappa
from annotator.domain.model import Span, SpanStatus

MODES = ("strict", "relaxed", "boundary", "overlap")
LABELLED_MODES = ("strict", "relaxed")  # the modes that make sense per label
OUTSIDE = ""  # section path of text before the first heading or outside every section


def ratio(num: float, den: float) -> float | None:
    return num / den if den else None


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0  # in B only
    fn: int = 0  # in A only

    def add(self, other: "Counts") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float | None:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        return ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    def to_json(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": self.precision,
                "recall": self.recall, "f1": self.f1}


def _natural(key) -> tuple:
    """Numbers in numeric order (document 2 before 10), then anything else as text."""
    return (0, key, "") if isinstance(key, (int, float)) and not isinstance(key, bool) else (1, 0, str(key))


def _mean(values: Iterable[float | None]) -> float | None:
    vals = [v for v in values if v is not None]
    return sum(vals) / len(vals) if vals else None


@dataclass
class Summary:
    """Mean over annotator pairs of P, R, F1 (pairs where a ratio is undefined are skipped),
    plus the counts summed over pairs (whose F1 is the micro average)."""

    precision: float | None
    recall: float | None
    f1: float | None
    totals: Counts
    pairs: int

    @classmethod
    def of(cls, per_pair: Sequence[Counts]) -> "Summary":
        total = Counts()
        for c in per_pair:
            total.add(c)
        return cls(_mean(c.precision for c in per_pair), _mean(c.recall for c in per_pair),
                   _mean(c.f1 for c in per_pair), total, len(per_pair))

    def to_json(self) -> dict:
        return {"precision": self.precision, "recall": self.recall, "f1": self.f1,
                "micro_f1": self.totals.f1, "tp": self.totals.tp, "fp": self.totals.fp,
                "fn": self.totals.fn, "pairs": self.pairs}


@dataclass
class PairScores:
    a: str
    b: str
    modes: dict = field(default_factory=lambda: {m: Counts() for m in MODES})
    by_label: dict = field(default_factory=dict)  # label -> {mode -> Counts}
    by_document: dict = field(default_factory=dict)  # doc -> {mode -> Counts}
    by_section: dict = field(default_factory=dict)  # (doc, path) -> {mode -> Counts}

    def to_json(self) -> dict:
        return {"a": self.a, "b": self.b, **{m: c.to_json() for m, c in self.modes.items()}}


@dataclass
class PairDisagreement:
    annotator_a: str
    annotator_b: str
    item: Disagreement
    text_a: str | None = None
    text_b: str | None = None

    def to_json(self) -> dict:
        out = self.item.to_json()
        out.update(annotator_a=self.annotator_a, annotator_b=self.annotator_b)
        if self.text_a is not None or self.text_b is not None:
            out.update(text_a=self.text_a, text_b=self.text_b)
        return out


def _summaries(per_pair: list[dict]) -> dict:
    modes = sorted({m for d in per_pair for m in d}, key=MODES.index)
    return {m: Summary.of([d[m] for d in per_pair if m in d]) for m in modes}


@dataclass
class AgreementResult:
    annotators: list[str]
    pairs: list[PairScores]
    span_counts: dict  # annotator -> number of spans compared
    disagreements: list[PairDisagreement]
    char_kappa: CharKappa | None = None
    u_alpha: float | None = None
    notes: list[str] = field(default_factory=list)
    u_alpha_by_label: dict = field(default_factory=dict)  # label -> uα of that label's units (None: n/a)
    shared_documents: dict = field(default_factory=dict)  # (a, b) -> documents both worked on
    section_order: dict = field(default_factory=dict)  # (doc, path) -> position, for document order
    disagreement_kinds: dict = field(default_factory=dict)  # kind -> number, listed or not
    disagreement_total: int | None = None  # every disagreement found (the list may be capped)
    tables: Any = field(default=None, repr=False, compare=False)  # engine.Tables behind the views below

    @property
    def overall(self) -> dict:
        return _summaries([p.modes for p in self.pairs])

    def _keyed(self, attr: str) -> dict:
        if self.tables is not None:
            return self.tables.keyed(attr, self._section_key if attr == "by_section" else _natural)
        keys = sorted({k for p in self.pairs for k in getattr(p, attr)},
                      key=self._section_key if attr == "by_section" else _natural)
        return {k: _summaries([getattr(p, attr)[k] for p in self.pairs if k in getattr(p, attr)])
                for k in keys}

    def _section_key(self, key) -> tuple:
        doc, path = key
        return (_natural(doc), self.section_order.get(key, (-1 if path == OUTSIDE else 1 << 30)), str(path))

    @property
    def by_label(self) -> dict:
        return self._keyed("by_label")

    @property
    def by_document(self) -> dict:
        return self._keyed("by_document")

    @property
    def by_section(self) -> dict:
        return self._keyed("by_section")

    def found(self) -> int:
        """Every disagreement found, including any beyond the listed ones."""
        return len(self.disagreements) if self.disagreement_total is None else self.disagreement_total

    def kinds_found(self) -> dict:
        return self.disagreement_kinds or dict(sorted(Counter(d.item.kind for d in self.disagreements).items()))

    def to_json(self) -> dict:
        def summ(d):
            return {m: s.to_json() for m, s in d.items()}

        return {
            "annotators": self.annotators,
            "span_counts": self.span_counts,
            "overall": summ(self.overall),
            "by_label": {str(k): summ(v) for k, v in self.by_label.items()},
            "by_document": [{"document_id": k, **summ(v)} for k, v in self.by_document.items()],
            "by_section": [{"document_id": k[0], "section": k[1], **summ(v)}
                           for k, v in self.by_section.items()],
            "pairs": [p.to_json() for p in self.pairs],
            "char_kappa": self.char_kappa.to_json() if self.char_kappa else None,
            "u_alpha": self.u_alpha,
            "u_alpha_by_label": {str(k): v for k, v in self.u_alpha_by_label.items()},
            "shared_documents": [{"a": a, "b": b, "documents": sorted(d, key=_natural)}
                                 for (a, b), d in self.shared_documents.items()],
            "disagreements": [d.to_json() for d in self.disagreements],
            "disagreement_kinds": self.kinds_found(),
            "disagreement_total": self.found(),
            "notes": self.notes,
        }


class SectionIndex:
    """Innermost section containing a position, from one reference outline [(start, end, path)].

    The outline is cut into elementary intervals once; each lookup is then a bisection.
    """

    def __init__(self, sections: Sequence[tuple[int, int, str]]):
        secs = [(int(s), int(e), str(p)) for s, e, p in sections if e > s]
        self.order = {p: i for i, (_s, _e, p) in enumerate(secs)}  # outline order = document order
        points = sorted({x for s, e, _ in secs for x in (s, e)})
        self._starts = points
        self._paths = []
        for lo in points:
            inside = [(s, -e, p) for s, e, p in secs if s <= lo < e]
            # innermost = latest start, then shortest: nested sections start later or end sooner
            self._paths.append(max(inside)[2] if inside else OUTSIDE)

    def path_at(self, pos: int) -> str:
        i = bisect_right(self._starts, pos) - 1
        return self._paths[i] if i >= 0 else OUTSIDE


def _bucket(store: dict, key, mode: str) -> Counts:
    return store.setdefault(key, {}).setdefault(mode, Counts())


def _absorb(pair: PairScores, doc, tally: Counter) -> None:
    """Spread one document's tally {(mode, kind, label, section path): n} over the pair's views.

    Tallying first and spreading once per distinct key keeps the per-span work to one Counter
    increment, which is what makes 1 000 documents × 3 annotators fit in about a second.
    """
    for m in MODES:
        _bucket(pair.by_document, doc, m)  # a document with no spans still gets its row
    for (mode, kind, label, path), n in tally.items():
        targets = [pair.modes[mode], pair.by_document[doc][mode]]
        if path is not None:
            targets.append(_bucket(pair.by_section, (doc, path), mode))
        if mode in LABELLED_MODES:
            targets.append(_bucket(pair.by_label, label, mode))
        for c in targets:
            setattr(c, kind, getattr(c, kind) + n)


def _tally_document(a: list[Span], b: list[Span], where, compare_attributes: bool) -> tuple[Counter, list]:
    """One document's tally {(mode, kind, label, section path): n} of a pair and its alignment.

    Everything here decomposes over groups of overlapping spans, which is what lets engine.py compute
    it once per distinct pair of sub-layers instead of once per annotator pair."""
    tally: Counter = Counter()
    for mode, key_of in (("strict", lambda s: (s.start, s.end, s.label)),
                         ("boundary", lambda s: (s.start, s.end, None))):
        ca, cb = Counter(map(key_of, a)), Counter(map(key_of, b))
        for key in ca | cb:
            both = min(ca[key], cb[key])
            path = where(key[0])
            for kind, n in (("tp", both), ("fn", ca[key] - both), ("fp", cb[key] - both)):
                if n:
                    tally[(mode, kind, key[2], path)] += n
    candidates = overlap_candidates(a, b)
    alignment = align_document(a, b, compare_attributes=compare_attributes, candidates=candidates)
    relaxed = [(a[i], b[j]) for i, j in maximum_pairs(a, b, candidates, same_label_only=True)]
    overlap = [(a[i], b[j]) for i, j in maximum_pairs(a, b, candidates)]
    for mode, pairs in (("relaxed", relaxed), ("overlap", overlap)):
        used_a = {id(x) for x, _ in pairs}
        used_b = {id(y) for _, y in pairs}
        for x, y in pairs:
            tally[(mode, "tp", x.label, where(min(x.start, y.start)))] += 1
        for x in a:
            if id(x) not in used_a:
                tally[(mode, "fn", x.label, where(x.start))] += 1
        for y in b:
            if id(y) not in used_b:
                tally[(mode, "fp", y.label, where(y.start))] += 1
    return tally, alignment


def _score_document(pair: PairScores, doc, a: list[Span], b: list[Span], index: SectionIndex | None,
                    compare_attributes: bool) -> list:
    """Add one document's counts to ``pair``; return the document's alignment."""
    tally, alignment = _tally_document(a, b, index.path_at if index else (lambda pos: None), compare_attributes)
    _absorb(pair, doc, tally)
    return alignment


def _group(spans: Iterable, annotator: str, labels: set | None, touched: set) -> dict:
    by_doc: dict = {}
    for raw in spans:
        s = as_span(raw, annotator)
        if s.status == SpanStatus.GOLD:
            raise ValueError("gold spans are not an annotator's judgement; score them with score_against_gold")
        if s.status != SpanStatus.SUGGESTED:
            touched.add(s.document_id)  # a rejection shows the annotator looked at the document
        if s.status in (SpanStatus.SUGGESTED, SpanStatus.REJECTED):
            continue
        if labels is not None and s.label not in labels:
            continue
        by_doc.setdefault(s.document_id, []).append(s)
    for lst in by_doc.values():
        lst.sort(key=lambda s: (s.start, s.end, s.label))
    return by_doc


def _doc_name(d, names: Mapping | None) -> str:
    title = names.get(d) if names else None
    return f"document {d} ({title})" if title else f"document {d}"


def span_agreement(spans_by_annotator: Mapping[str, Iterable], *, label: str | Iterable[str] | None = None,
                   sections: Sequence | Mapping[Any, Sequence] | None = None,
                   texts: Mapping[Any, str] | None = None, lengths: Mapping[Any, int] | None = None,
                   annotators: Sequence[str] | None = None,
                   compare_attributes: bool = True, worked: Mapping[str, Iterable] | None = None,
                   document_names: Mapping[Any, str] | None = None, cap: int | None = None) -> AgreementResult:
    """Pairwise span agreement of every pair of annotators (means over pairs for 3+).

    ``sections``: one reference outline, [(start, end, path)] for every document, or a mapping
    document_id -> outline; a span belongs to the innermost section containing its start (a pair
    to the section of its earlier span). ``texts`` (document_id -> clean text) fills span text into
    the disagreement list and, like ``lengths``, enables the character-level κ and uα.
    ``worked``: annotator -> the documents they worked on (e.g. status in progress/done); each pair
    is scored on the documents both worked on. Without it, a document counts as worked on by an
    annotator who has any span (accepted or rejected) in it. ``document_names`` name documents in notes.
    ``cap``: list at most this many disagreements per pair (all are counted in ``disagreement_kinds``).
    The work is engine.py's, one document at a time.
    """
    names = list(annotators) if annotators is not None else sorted(spans_by_annotator, key=str)
    if len(names) < 2:
        raise ValueError("agreement needs at least two annotators")
    labels = {label} if isinstance(label, str) else (set(label) if label is not None else None)
    touched: dict = {n: set() for n in names}
    grouped = {n: _group(spans_by_annotator.get(n, ()), n, labels, touched[n]) for n in names}
    if worked is not None:
        touched = {n: set(worked.get(n, ())) | touched[n] for n in names}
    from annotator.agreement.engine import Engine  # noqa: PLC0415 - engine imports this module

    engine = Engine(names, touched, compare_attributes=compare_attributes, cap=cap, document_names=document_names)
    for d in sorted({d for g in grouped.values() for d in g}, key=_natural):
        outline = (sections.get(d) if isinstance(sections, Mapping) else sections) if sections is not None else None
        engine.document(d, [grouped[n].get(d, []) for n in names],
                        SectionIndex(outline) if outline is not None else None,
                        _size(d, lengths, texts), (lambda doc: texts.get(doc)) if texts else None)
    return engine.finish({(a, b): touched[a] & touched[b] for a, b in combinations(names, 2)})


def _size(d, lengths, texts) -> int | None:
    """A document's length: ``lengths`` first (texts may be read lazily), else its text's."""
    if lengths and d in lengths:
        return int(lengths[d])
    if texts and d in texts:
        return len(texts[d])
    return None


def compare(reference: Iterable, candidate: Iterable, *, sections=None,
            compare_attributes: bool = True) -> PairScores:
    """Counts of one reference/candidate pair without agreement's input rules (any status is
    taken as given). Used to score annotators or suggesters against gold."""
    ref = _group_any(reference, "reference")
    cand = _group_any(candidate, "candidate")
    pair = PairScores("reference", "candidate")
    for d in sorted(set(ref) | set(cand), key=lambda d: (d is not None, str(d))):
        outline = sections.get(d) if isinstance(sections, Mapping) else sections
        _score_document(pair, d, ref.get(d, []), cand.get(d, []),
                        SectionIndex(outline) if outline is not None else None, compare_attributes)
    return pair


def _group_any(spans: Iterable, who: str) -> dict:
    by_doc: dict = {}
    for raw in spans:
        s = as_span(raw, who)
        by_doc.setdefault(s.document_id, []).append(s)
    return by_doc
