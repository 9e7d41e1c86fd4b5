"""Gold layer: pre-merge what every annotator agrees on, then resolve the rest, with provenance.

Everything here is a pure function returning new Span objects for the caller to store; nothing is
written anywhere. Gold is the *output* of adjudication: ``span_agreement`` refuses gold spans, and
``score_against_gold`` is the only place gold is used as a reference.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

from annotator.agreement.align import (ATTRIBUTE_MISMATCH, BOUNDARY_AND_LABEL_MISMATCH,
                                       BOUNDARY_MISMATCH, LABEL_MISMATCH, Disagreement, Match,
                                       align_document, as_span)
from annotator.agreement.spans import Counts, compare
from annotator.domain import timestamps
from annotator.domain.model import Span, SpanStatus

GOLD_ANNOTATOR = "gold"
MISSING_IN_SOME = "missing_in_some"  # 3+ annotators: some of them have no span here


def _now(when: str | None) -> str:
    return when or timestamps.now()  # the one format (domain/timestamps.py)


def _attr_key(attributes: Mapping[str, Any] | None) -> str:
    # Attribute values may be lists or dicts (unhashable); canonical JSON makes them comparable.
    return json.dumps(attributes or {}, sort_keys=True, ensure_ascii=False, default=str)


def _strict_key(s: Span, with_attributes: bool) -> tuple:
    return (s.start, s.end, s.label, _attr_key(s.attributes) if with_attributes else "")


def _origin(s: Span) -> dict:
    return {"annotator": s.annotator, "id": s.id, "start": s.start, "end": s.end, "label": s.label}


def _gold(template: Span, provenance: dict, when: str, *, status: str = SpanStatus.GOLD, **changes) -> Span:
    base = dict(start=template.start, end=template.end, label=template.label,
                attributes=dict(template.attributes or {}), document_id=template.document_id)
    base.update(changes)
    if base["end"] <= base["start"] or base["start"] < 0:
        raise ValueError(f"invalid gold span [{base['start']}, {base['end']})")
    return Span(annotator=GOLD_ANNOTATOR, status=status, source="adjudication", provenance=provenance,
                created=when, updated=when, **base)


@dataclass
class PremergeResult:
    annotators: list[str]
    gold: list[Span]
    disagreements: list[Disagreement] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"annotators": self.annotators,
                "gold": [{"document_id": g.document_id, "start": g.start, "end": g.end, "label": g.label,
                          "attributes": g.attributes, "provenance": g.provenance} for g in self.gold],
                "disagreements": [d.to_json() for d in self.disagreements]}


def _classify_cluster(spans: list[Span], names: Sequence[str]) -> str:
    if {s.annotator for s in spans} != set(names) or len(spans) != len(names):
        return MISSING_IN_SOME
    same_bounds = len({(s.start, s.end) for s in spans}) == 1
    same_label = len({s.label for s in spans}) == 1
    if same_bounds:
        return ATTRIBUTE_MISMATCH if same_label else LABEL_MISMATCH
    return BOUNDARY_MISMATCH if same_label else BOUNDARY_AND_LABEL_MISMATCH


def _clusters(spans: list[Span]) -> list[list[Span]]:
    """Groups of spans linked by overlap (a sweep over spans sorted by start)."""
    out: list[list[Span]] = []
    reach = -1
    for s in sorted(spans, key=lambda s: (s.start, s.end, s.annotator)):
        if out and s.start < reach:
            out[-1].append(s)
            reach = max(reach, s.end)
        else:
            out.append([s])
            reach = s.end
    return out


def premerge_gold(spans_by_annotator: Mapping[str, Iterable], *, annotators: Sequence[str] | None = None,
                  compare_attributes: bool = True, when: str | None = None) -> PremergeResult:
    """Gold spans for every span all chosen annotators made identically (start, end, label and,
    by default, attributes), and the disagreements left to resolve.

    With two annotators the disagreements are ``align``'s; with more, each group of overlapping
    leftover spans is one Disagreement (a, b = first two spans, ``extra`` = the rest).
    """
    names = list(annotators) if annotators is not None else sorted(spans_by_annotator, key=str)
    if len(names) < 2:
        raise ValueError("pre-merging needs at least two annotators")
    stamp = _now(when)
    by_doc: dict = {}
    for n in names:
        for raw in spans_by_annotator.get(n, ()):
            s = as_span(raw, n)
            if s.status in (SpanStatus.SUGGESTED, SpanStatus.REJECTED, SpanStatus.GOLD):
                continue
            by_doc.setdefault(s.document_id, {}).setdefault(n, []).append(s)
    result = PremergeResult(names, [])
    for doc in sorted(by_doc, key=lambda d: (d is not None, str(d))):
        lists = {n: sorted(by_doc[doc].get(n, []), key=lambda s: (s.start, s.end, s.label)) for n in names}
        counters = [Counter(_strict_key(s, compare_attributes) for s in lists[n]) for n in names]
        agreed = counters[0]
        for c in counters[1:]:
            agreed = agreed & c
        left = {n: [] for n in names}
        taken = {n: Counter() for n in names}
        sources: dict = {}
        for n in names:
            for s in lists[n]:
                key = _strict_key(s, compare_attributes)
                if taken[n][key] < agreed[key]:
                    taken[n][key] += 1
                    sources.setdefault((key, taken[n][key]), []).append(s)
                else:
                    left[n].append(s)
        for (_key, _i), group in sorted(sources.items(), key=lambda kv: kv[0]):
            provenance = {"method": "premerge", "agreed_by": list(names), "merged_at": stamp,
                          "from": [_origin(s) for s in group]}
            result.gold.append(_gold(group[0], provenance, stamp))
        if len(names) == 2:
            result.disagreements.extend(
                x for x in align_document(left[names[0]], left[names[1]], compare_attributes=compare_attributes)
                if not isinstance(x, Match))
        else:
            for group in _clusters([s for n in names for s in left[n]]):
                group.sort(key=lambda s: (names.index(s.annotator), s.start, s.end))
                padded = group + [None, None]
                result.disagreements.append(Disagreement(_classify_cluster(group, names), padded[0],
                                                         padded[1], tuple(group[2:])))
    return result


# --- resolutions: each returns the gold span to store ----------------------------------------


def _provenance(method: str, d: Disagreement | None, adjudicator: str, when: str, **more) -> dict:
    out = {"method": method, "adjudicated_by": adjudicator, "adjudicated_at": when}
    if d is not None:
        out["disagreement"] = d.kind
        out["from"] = [_origin(s) for s in d.spans]
    out.update(more)
    return out


def take_span(d: Disagreement, span: Span, *, adjudicator: str, when: str | None = None) -> Span:
    """Keep one of the disagreement's spans as it is (any of a, b or extra)."""
    if not any(span is s for s in d.spans):
        raise ValueError("the span to take is not part of this disagreement")
    stamp = _now(when)
    return _gold(span, _provenance("take", d, adjudicator, stamp, chosen=span.annotator), stamp)


def take_a(d: Disagreement, *, adjudicator: str, when: str | None = None) -> Span:
    if d.a is None:
        raise ValueError(f"{d.kind}: annotator A has no span to take")
    return take_span(d, d.a, adjudicator=adjudicator, when=when)


def take_b(d: Disagreement, *, adjudicator: str, when: str | None = None) -> Span:
    if d.b is None:
        raise ValueError(f"{d.kind}: annotator B has no span to take")
    return take_span(d, d.b, adjudicator=adjudicator, when=when)


def edit(d: Disagreement, *, start: int, end: int, adjudicator: str, label: str | None = None,
         attributes: Mapping[str, Any] | None = None, when: str | None = None) -> Span:
    """New boundaries (and optionally label/attributes) starting from the disagreement's first span."""
    stamp = _now(when)
    base = d.spans[0]
    return _gold(base, _provenance("edit", d, adjudicator, stamp), stamp, start=start, end=end,
                 label=label or base.label,
                 attributes=dict(attributes) if attributes is not None else dict(base.attributes or {}))


def relabel(d: Disagreement, label: str, *, adjudicator: str, base: str = "a",
            when: str | None = None) -> Span:
    """Keep span ``base`` ("a" or "b") with another label."""
    span = d.a if base == "a" else d.b
    if span is None:
        raise ValueError(f"{d.kind}: no span {base!r} to relabel")
    stamp = _now(when)
    return _gold(span, _provenance("relabel", d, adjudicator, stamp, chosen=span.annotator), stamp,
                 label=label)


def reject(d: Disagreement, *, adjudicator: str, when: str | None = None) -> Span:
    """Decide there is no gold span here. Returned as a REJECTED gold-layer record (covering the
    disputed stretch) so the decision and its provenance are kept; never export it as gold."""
    stamp = _now(when)
    return _gold(d.spans[0], _provenance("reject", d, adjudicator, stamp), stamp,
                 status=SpanStatus.REJECTED, start=d.start, end=d.end)


def add(document_id: Any, start: int, end: int, label: str, *, adjudicator: str,
        attributes: Mapping[str, Any] | None = None, when: str | None = None) -> Span:
    """A gold span nobody annotated (the adjudicator's own)."""
    stamp = _now(when)
    template = Span(start, end, label, GOLD_ANNOTATOR, document_id=document_id)
    return _gold(template, _provenance("add", None, adjudicator, stamp), stamp,
                 attributes=dict(attributes or {}))


# --- scoring annotators against gold -------------------------------------------------------------


@dataclass
class GoldScore:
    annotator: str
    strict: Counts
    relaxed: Counts

    def to_json(self) -> dict:
        return {"annotator": self.annotator, "strict": self.strict.to_json(), "relaxed": self.relaxed.to_json()}


def score_against_gold(spans: Mapping[str, Iterable] | Iterable[Span], gold: Iterable[Span]) -> dict[str, GoldScore]:
    """Precision / recall / F1 of each annotator with gold as the reference (rejected gold-layer
    records are decisions, not spans, and are left out)."""
    if isinstance(spans, Mapping):
        grouped = {n: [as_span(s, n) for s in lst] for n, lst in spans.items()}
    else:
        grouped = {}
        for s in spans:
            grouped.setdefault(s.annotator, []).append(s)
    reference = [g for g in gold if g.status != SpanStatus.REJECTED]
    out = {}
    for name in sorted(grouped, key=str):
        mine = [s for s in grouped[name] if s.status not in (SpanStatus.SUGGESTED, SpanStatus.REJECTED)]
        pair = compare(reference, mine)
        out[name] = GoldScore(name, pair.modes["strict"], pair.modes["relaxed"])
    return out
