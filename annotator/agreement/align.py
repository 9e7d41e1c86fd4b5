"""One-to-one alignment of two annotators' spans and the classes of disagreement it yields.

Candidate pairs are spans that share at least one code point (found by a sweep over spans sorted
by start, so the cost follows the number of overlaps, not n²). Pairs are taken greedily: same label
first, then larger overlap measured as Jaccard (intersection / union, so a long neighbour does not
win over a well-fitting short one just by its length), then larger absolute overlap, then document
position — which makes the result deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Sequence

from annotator.domain.model import Span

EXACT_MATCH = "exact_match"
ATTRIBUTE_MISMATCH = "attribute_mismatch"
BOUNDARY_MISMATCH = "boundary_mismatch"
LABEL_MISMATCH = "label_mismatch"
BOUNDARY_AND_LABEL_MISMATCH = "boundary_and_label_mismatch"
MISSING_IN_A = "missing_in_A"  # B has a span that A lacks
MISSING_IN_B = "missing_in_B"  # A has a span that B lacks
KINDS = (EXACT_MATCH, ATTRIBUTE_MISMATCH, BOUNDARY_MISMATCH, LABEL_MISMATCH,
         BOUNDARY_AND_LABEL_MISMATCH, MISSING_IN_A, MISSING_IN_B)


def as_span(item: Any, annotator: str = "", document_id: Any = None) -> Span:
    """Accept a Span or a (start, end, label[, attributes]) tuple, the shape the vectors use."""
    if isinstance(item, Span):
        return item
    start, end, label, *rest = item
    attributes = dict(rest[0]) if rest else {}
    return Span(int(start), int(end), str(label), annotator, attributes=attributes, document_id=document_id)


def _json_span(span: Span | None) -> dict | None:
    if span is None:
        return None
    out = {"start": span.start, "end": span.end, "label": span.label, "annotator": span.annotator}
    if span.attributes:
        out["attributes"] = span.attributes
    if span.id is not None:
        out["id"] = span.id
    return out


@dataclass(frozen=True)
class Match:
    """Both annotators made the same span: same start, end, label and attributes."""

    a: Span
    b: Span
    kind: str = EXACT_MATCH

    @property
    def document_id(self):
        return self.a.document_id

    @property
    def start(self) -> int:
        return self.a.start

    def to_json(self) -> dict:
        return {"kind": self.kind, "document_id": self.document_id, "a": _json_span(self.a),
                "b": _json_span(self.b)}


@dataclass(frozen=True)
class Disagreement:
    """One thing an adjudicator must decide. ``a``/``b`` are the two annotators' spans (one may be
    None for a missing span); ``extra`` holds further annotators' spans when 3+ are compared."""

    kind: str
    a: Span | None
    b: Span | None
    extra: tuple = ()

    @property
    def spans(self) -> tuple:
        return tuple(s for s in (self.a, self.b, *self.extra) if s is not None)

    @property
    def document_id(self):
        return self.spans[0].document_id

    @property
    def start(self) -> int:
        return min(s.start for s in self.spans)

    @property
    def end(self) -> int:
        return max(s.end for s in self.spans)

    def to_json(self) -> dict:
        out = {"kind": self.kind, "document_id": self.document_id, "a": _json_span(self.a),
               "b": _json_span(self.b)}
        if self.extra:
            out["extra"] = [_json_span(s) for s in self.extra]
        return out


def overlap_candidates(a: Sequence[Span], b: Sequence[Span]) -> list[tuple[int, int]]:
    """All (i, j) with a[i] and b[j] sharing at least one position (half-open intervals)."""
    events = sorted([(s.start, 0, i) for i, s in enumerate(a) if s.end > s.start]
                    + [(s.start, 1, j) for j, s in enumerate(b) if s.end > s.start])
    active: tuple[list[int], list[int]] = ([], [])
    ends = ([s.end for s in a], [s.end for s in b])
    out = []
    for start, side, idx in events:
        other = 1 - side
        # Drop spans of the other side that ended at or before this start: they overlap nothing later.
        still = [k for k in active[other] if ends[other][k] > start]
        active[other][:] = still
        for k in still:
            out.append((idx, k) if side == 0 else (k, idx))
        active[side].append(idx)
    return out


def _pair_key(a: Span, b: Span, same_label_first: bool):
    inter = min(a.end, b.end) - max(a.start, b.start)
    union = max(a.end, b.end) - min(a.start, b.start)
    same = a.label == b.label
    return (-(same if same_label_first else 0), -inter / union, -inter,
            min(a.start, b.start), a.start, b.start, a.end, b.end)


def greedy_pairs(a: Sequence[Span], b: Sequence[Span], candidates: Iterable[tuple[int, int]], *,
                 same_label_first: bool = True, same_label_only: bool = False) -> list[tuple[int, int]]:
    """One-to-one pairs chosen greedily from overlapping candidates (see module doc for order)."""
    cands = [(i, j) for i, j in candidates if not same_label_only or a[i].label == b[j].label]
    cands.sort(key=lambda ij: (_pair_key(a[ij[0]], b[ij[1]], same_label_first), ij))
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for i, j in cands:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            out.append((i, j))
    return out


def maximum_pairs(a: Sequence[Span], b: Sequence[Span], candidates: Iterable[tuple[int, int]], *,
                  same_label_only: bool = False) -> list[tuple[int, int]]:
    """A maximum one-to-one matching of overlapping spans (as many pairs as any pairing can have).

    Greedy pairing by overlap can strand a span: A=[1,4),[4,5) against B=[0,2),[2,5) pairs [1,4)
    with [2,5) and leaves [4,5) and [0,2) apart, although [1,4)–[0,2) and [4,5)–[2,5) pair both.
    The greedy pairs are the starting point (they keep the best-overlapping choices where nothing is
    lost), then augmenting paths (Kuhn's algorithm) raise the matching to maximum cardinality. Overlap
    graphs are sparse and mostly tiny components, so this costs little more than the greedy pass.
    """
    cands = [(i, j) for i, j in candidates if not same_label_only or a[i].label == b[j].label]
    adjacency: dict[int, list[int]] = {}
    for i, j in cands:
        adjacency.setdefault(i, []).append(j)
    match_a: dict[int, int] = {}
    match_b: dict[int, int] = {}
    for i, j in greedy_pairs(a, b, cands, same_label_first=False):
        match_a[i], match_b[j] = j, i
    for root in adjacency:
        if root in match_a:
            continue
        # Iterative DFS for an augmenting path root → … → a free j (no recursion limit on long chains).
        parent_of_b: dict[int, int] = {}
        stack = [root]
        seen_b: set[int] = set()
        free_b = None
        while stack and free_b is None:
            i = stack.pop()
            for j in adjacency.get(i, ()):
                if j in seen_b:
                    continue
                seen_b.add(j)
                parent_of_b[j] = i
                if j not in match_b:
                    free_b = j
                    break
                stack.append(match_b[j])
        if free_b is None:
            continue
        j = free_b
        while True:  # flip the path: every b on it takes the a that reached it
            i = parent_of_b[j]
            previous = match_a.get(i)
            match_a[i], match_b[j] = j, i
            if i == root:
                break
            j = previous
    return sorted(match_a.items())


def classify(a: Span, b: Span, *, compare_attributes: bool = True) -> str:
    same_bounds = a.start == b.start and a.end == b.end
    same_label = a.label == b.label
    if same_bounds and same_label:
        if compare_attributes and (a.attributes or {}) != (b.attributes or {}):
            return ATTRIBUTE_MISMATCH
        return EXACT_MATCH
    if same_bounds:
        return LABEL_MISMATCH
    if same_label:
        return BOUNDARY_MISMATCH
    return BOUNDARY_AND_LABEL_MISMATCH


def _position(item) -> tuple:
    spans = (item.a, item.b) if isinstance(item, Match) else item.spans
    doc = spans[0].document_id
    return (doc is not None, str(doc) if doc is not None else "", min(s.start for s in spans),
            min(s.end for s in spans), item.kind)


def align_document(a: Sequence[Span], b: Sequence[Span], *, compare_attributes: bool = True,
                   candidates: Iterable[tuple[int, int]] | None = None) -> list[Match | Disagreement]:
    """Align spans of one document (no grouping by document_id); see ``align``.
    ``candidates`` lets a caller that already has ``overlap_candidates(a, b)`` pass them in."""
    pairs = greedy_pairs(a, b, overlap_candidates(a, b) if candidates is None else candidates)
    out: list[Match | Disagreement] = []
    for i, j in pairs:
        kind = classify(a[i], b[j], compare_attributes=compare_attributes)
        out.append(Match(a[i], b[j]) if kind == EXACT_MATCH else Disagreement(kind, a[i], b[j]))
    paired_a = {i for i, _ in pairs}
    paired_b = {j for _, j in pairs}
    out.extend(Disagreement(MISSING_IN_B, s, None) for i, s in enumerate(a) if i not in paired_a)
    out.extend(Disagreement(MISSING_IN_A, None, s) for j, s in enumerate(b) if j not in paired_b)
    out.sort(key=_position)
    return out


def align(spans_a: Iterable, spans_b: Iterable, *, compare_attributes: bool = True) -> list[Match | Disagreement]:
    """Align two annotators' spans one-to-one, document by document (``Span.document_id``).

    Every span appears in exactly one entry: a Match (same start, end, label, attributes) or a
    Disagreement of kind attribute/boundary/label/boundary-and-label mismatch or missing on one side.
    Spans that touch without sharing a position (end == start) do not overlap and are not paired.
    Entries are ordered by document, then position.
    """
    a_by_doc: dict = {}
    b_by_doc: dict = {}
    for s in spans_a:
        s = as_span(s, "A")
        a_by_doc.setdefault(s.document_id, []).append(s)
    for s in spans_b:
        s = as_span(s, "B")
        b_by_doc.setdefault(s.document_id, []).append(s)
    out: list[Match | Disagreement] = []
    for doc in set(a_by_doc) | set(b_by_doc):
        out.extend(align_document(a_by_doc.get(doc, []), b_by_doc.get(doc, []),
                                  compare_attributes=compare_attributes))
    out.sort(key=_position)
    return out
