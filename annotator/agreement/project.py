"""Agreement and adjudication against a stored project (Qt-free glue over storage and gold.py).

Figures are always computed on annotators' accepted spans; the gold layer ('@gold') is only ever
the output of adjudication and the reference of ``gold_scores``. Sections come from one reference
outline — the stored outline of each document — never from an annotator's own view of it.

A disagreement counts as resolved when every span in it is named in the provenance ("from") of a
gold-layer record, so the review state survives restarts without a table of its own, and undoing a
resolution (removing its record) reopens the disagreement.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import combinations
from typing import Any, Iterable, Sequence

from annotator.agreement import gold as gold_ops
from annotator.agreement.align import Disagreement
from annotator.agreement.gold import GoldScore, premerge_gold, score_against_gold
from annotator.agreement.spans import AgreementResult, Counts, SectionIndex
from annotator.domain import timestamps
from annotator.domain.model import Section, Span, SpanStatus
from annotator.domain.section_paths import innermost, section_paths
from annotator.storage import documents as doc_store
from annotator.storage import sections as section_store
from annotator.storage import spans as span_store
from annotator.storage.exchange_queries import document_titles, worked_documents
from annotator.storage.span_stream import OutlineCursor, accepted_by_document
from annotator.storage.labels import GOLD, list_annotators
from annotator.storage.project import Project

ACTIONS = ("take_a", "take_b", "take", "edit", "relabel", "reject", "add")
PATH_SEPARATOR = " › "


def _stamp(when: str | None = None) -> str:
    return when or timestamps.now()  # the one format (domain/timestamps.py)


# --- loading layers and the reference outline ------------------------------------------------


def annotators_with_spans(project: Project, doc_id: int | None = None) -> list[str]:
    """Human annotators with at least one accepted span (in one document, or anywhere)."""
    found = span_store.span_annotators(project, status=SpanStatus.ACCEPTED, doc_id=doc_id)
    return [n for n in list_annotators(project) if n in found]


def load_layers(project: Project, annotators: Sequence[str], *, doc_ids: Iterable[int] | None = None,
                label: str | None = None) -> dict[str, list[Span]]:
    """Each annotator's accepted spans: suggestions and rejections are nobody's judgement."""
    wanted = None if doc_ids is None else set(doc_ids)
    out: dict[str, list[Span]] = {n: [] for n in annotators}
    for span in span_store.list_spans(project, annotators=list(annotators), statuses=[SpanStatus.ACCEPTED],
                                      label=label):
        if wanted is None or span.document_id in wanted:
            out[span.annotator].append(span)
    return out


def section_names(sections: Sequence[Section]) -> list[str]:
    """A readable, unique path per section ("一、… › （二）…"); a repeated heading gets its number so
    two sections never pool their counts."""
    names, seen = [], set()
    for i, parts in enumerate(section_paths(sections)):
        name = PATH_SEPARATOR.join(parts)
        if name in seen:
            name = f"{name} [{i + 1}]"
        seen.add(name)
        names.append(name)
    return names


def reference_outline(sections: Sequence[Section]) -> list[tuple[int, int, str]]:
    return [(s.start, s.end, name) for s, name in zip(sections, section_names(sections))]


DISAGREEMENT_CAP = 10_000  # disagreements listed in a project report, shared among the pairs; all are counted


def project_agreement(project: Project, annotators: Sequence[str] | None = None, *, label: str | None = None,
                      doc_ids: Iterable[int] | None = None, cap: int | None = DISAGREEMENT_CAP) -> AgreementResult:
    """Pairwise span agreement over the project (or some documents) with per-section figures.

    Each pair is scored on the documents both annotators worked on (status in progress or done, or a
    span of theirs there); ``doc_ids`` narrows that to a chosen set. The notes say what was left out.

    Spans are streamed from storage one document at a time (span_stream.py) into engine.py, which keeps
    running totals only: memory follows the largest document and the report's own size (its rows per
    document and section, and about ``cap`` listed disagreements: the first cap / pairs of each pair),
    not the number of spans.
    The figures are span_agreement's over the same layers (tests compare the two). Texts are read only
    to quote listed disagreements, one document at a time.
    """
    from annotator.agreement.engine import Engine  # noqa: PLC0415 - engine imports spans, which is light

    names = list(annotators) if annotators else annotators_with_spans(project)
    if len(names) < 2:
        raise ValueError(f"agreement needs at least two annotators with spans (found: {', '.join(names) or 'none'})")
    chosen = set(doc_ids) if doc_ids is not None else set(doc_store.document_ids(project))
    worked = worked_documents(project, names)
    touched = {n: worked.get(n, set()) & chosen for n in names}
    lengths = doc_store.char_counts(project)
    outlines = OutlineCursor(project)
    pairs = len(names) * (len(names) - 1) // 2
    engine = Engine(names, touched, cap=None if cap is None else -(-cap // pairs), document_names=_Titles(project))
    for doc, spans in accepted_by_document(project, names, label=label,
                                           doc_ids=chosen if doc_ids is not None else None):
        layers: dict[str, list[Span]] = {n: [] for n in names}
        for span in spans:
            layers[span.annotator].append(span)
        engine.document(doc, [layers[n] for n in names], SectionIndex(reference_outline(outlines.get(doc))),
                        lengths.get(doc), lambda d: doc_store.clean_text(project, d))
    return engine.finish({(a, b): touched[a] & touched[b] for a, b in combinations(names, 2)})


class _Titles:
    """Document titles for the notes, read when the first note names a document (most reports name
    none; reading 100 000 titles would be wasted)."""

    def __init__(self, project: Project) -> None:
        self._project, self._titles = project, None

    def get(self, doc_id, default=None):
        if self._titles is None:
            self._titles = document_titles(self._project, doc_store.document_ids(self._project))
        return self._titles.get(doc_id, default)

    def __bool__(self) -> bool:
        return True


def section_heat(result: AgreementResult, doc_id: int, sections: Sequence[Section],
                 mode: str = "strict") -> list[float | None]:
    """F1 per section of one document, each section pooling the counts of its whole subtree (a span
    is filed under its innermost section), averaged over annotator pairs; None where no one tagged."""
    names = section_names(sections)
    members: list[set[str]] = [{n} for n in names]
    for i, s in enumerate(sections):  # parents come before children, so walk children upwards
        parent = s.parent
        while parent is not None and 0 <= parent < len(sections):
            members[parent].add(names[i])
            parent = sections[parent].parent
    heat: list[float | None] = []
    for group in members:
        f1s = []
        for pair in result.pairs:
            total = Counts()
            for name in group:
                counts = pair.by_section.get((doc_id, name), {}).get(mode)
                if counts is not None:
                    total.add(counts)
            if total.f1 is not None:
                f1s.append(total.f1)
        heat.append(sum(f1s) / len(f1s) if f1s else None)
    return heat


# --- the gold layer -------------------------------------------------------------------------------


def gold_layer(project: Project, doc_id: int | None = None, *, decisions: bool = True) -> list[Span]:
    """Gold spans (and, with ``decisions``, the rejected records that say "nothing here")."""
    statuses = [SpanStatus.GOLD, SpanStatus.REJECTED] if decisions else [SpanStatus.GOLD]
    return span_store.list_spans(project, doc_id, annotators=[GOLD], statuses=statuses)


def _origin_key(origin: dict) -> tuple:
    return (origin.get("annotator"), origin.get("id"), origin.get("start"), origin.get("end"), origin.get("label"))


def _span_key(s: Span) -> tuple:
    return (s.annotator, s.id, s.start, s.end, s.label)


def _to_store(span: Span, adjudicator: str, when: str) -> Span:
    """gold.py's record → the stored '@gold' row; provenance keys made uniform (adjudicator, at)."""
    prov = dict(span.provenance)
    prov.pop("adjudicated_by", None)
    prov.pop("adjudicated_at", None)
    prov.pop("merged_at", None)
    prov.update(adjudicator=adjudicator, at=when)
    return replace(span, annotator=GOLD, provenance=prov, created=None, updated=None)


@dataclass
class ReviewItem:
    """One disagreement of a document under review, where it sits, and how it was decided."""

    disagreement: Disagreement
    section: int | None  # index into the document's stored outline
    resolution: list[Span]  # gold-layer records naming its spans (empty while open)

    @property
    def is_open(self) -> bool:
        return not self.resolution

    @property
    def key(self) -> tuple:
        d = self.disagreement
        return (d.document_id, d.start, d.end, tuple(s.id for s in d.spans))

    def span_of(self, annotator: str) -> Span | None:
        return next((s for s in self.disagreement.spans if s.annotator == annotator), None)


def _resolutions(records: Iterable[Span]) -> dict[tuple, list[Span]]:
    by_origin: dict[tuple, list[Span]] = {}
    for record in records:
        if record.provenance.get("method") == "premerge":
            continue
        for origin in record.provenance.get("from", ()):
            by_origin.setdefault(_origin_key(origin), []).append(record)
    return by_origin


def review_items(project: Project, doc_id: int, annotators: Sequence[str]) -> list[ReviewItem]:
    """Every disagreement of the document among ``annotators`` (read-only), with its resolution."""
    layers = load_layers(project, annotators, doc_ids=[doc_id])
    disagreements = premerge_gold(layers, annotators=annotators).disagreements
    sections = section_store.get_sections(project, doc_id)
    where = innermost(sections, sorted({d.start for d in disagreements}))
    section_of = dict(zip(sorted({d.start for d in disagreements}), where))
    by_origin = _resolutions(gold_layer(project, doc_id))
    items = []
    for d in disagreements:
        found: list[Span] = []
        covered = True
        for s in d.spans:
            records = by_origin.get(_span_key(s))
            if not records:
                covered = False
                break
            found.extend(r for r in records if all(r is not f for f in found))
        items.append(ReviewItem(d, section_of.get(d.start), found if covered else []))
    return items


def premerge_document(project: Project, doc_id: int, annotators: Sequence[str], adjudicator: str, *,
                      when: str | None = None) -> list[Disagreement]:
    """Write every span all ``annotators`` made identically as '@gold' (status 'gold', provenance
    {"agreed_by", "method": "premerge", "adjudicator", "at", "from"}); return the open disagreements.

    Idempotent: a gold-layer row already at that start, end and label (an earlier pre-merge, or the
    adjudicator's decision) is left as it is.
    """
    stamp = _stamp(when)
    layers = load_layers(project, annotators, doc_ids=[doc_id])
    merged = premerge_gold(layers, annotators=annotators, when=stamp)
    with project.write():
        for record in merged.gold:
            row = _to_store(record, adjudicator, stamp)
            if span_store.find_identical(project, row) is None:
                span_store.add_span(project, row, action="gold.premerge")
    return [item.disagreement for item in review_items(project, doc_id, annotators) if item.is_open]


def build_resolution(disagreement: Disagreement | None, action: str, adjudicator: str, *,
                     start: int | None = None, end: int | None = None, label: str | None = None,
                     base: str = "a", span: Span | None = None, document_id: int | None = None,
                     attributes: dict | None = None, when: str | None = None) -> Span:
    """The '@gold' row a resolution would store (not stored yet)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown resolution {action!r}; one of {', '.join(ACTIONS)}")
    stamp = _stamp(when)
    d = disagreement
    if action == "add":
        doc = document_id if document_id is not None else (d.document_id if d is not None else None)
        if doc is None or start is None or end is None or not label:
            raise ValueError("adding a gold span needs a document, start, end and label")
        record = gold_ops.add(doc, start, end, label, adjudicator=adjudicator, attributes=attributes, when=stamp)
    elif d is None:
        raise ValueError(f"{action} needs a disagreement")
    elif action == "take_a":
        record = gold_ops.take_a(d, adjudicator=adjudicator, when=stamp)
    elif action == "take_b":
        record = gold_ops.take_b(d, adjudicator=adjudicator, when=stamp)
    elif action == "take":
        if span is None:
            raise ValueError("take needs the span to keep")
        record = gold_ops.take_span(d, span, adjudicator=adjudicator, when=stamp)
    elif action == "edit":
        if start is None or end is None:
            raise ValueError("edit needs the new start and end")
        record = gold_ops.edit(d, start=start, end=end, label=label, attributes=attributes,
                               adjudicator=adjudicator, when=stamp)
    elif action == "relabel":
        if not label:
            raise ValueError("relabel needs a label")
        if (d.a if base == "a" else d.b) is None:
            base = "b" if base == "a" else "a"
        record = gold_ops.relabel(d, label, adjudicator=adjudicator, base=base, when=stamp)
    else:
        record = gold_ops.reject(d, adjudicator=adjudicator, when=stamp)
    return _to_store(record, adjudicator, stamp)


def resolve(project: Project, disagreement: Disagreement | None, action: str, adjudicator: str,
            **options: Any) -> Span:
    """Decide one disagreement (take_a / take_b / take / edit / relabel / reject / add) and store the
    '@gold' row with its provenance. Returns the stored row (with its id, for undo).

    Raises ``span_store.DuplicateSpan`` when gold already has a row with that start, end and label.
    """
    row = build_resolution(disagreement, action, adjudicator, **options)
    return span_store.add_span(project, row, action=f"gold.{action}")


def resolve_many(project: Project, plan: Sequence[tuple[Disagreement, str, dict]], adjudicator: str) -> list[Span]:
    """Several resolutions in one transaction (all stored, or none)."""
    stamp = _stamp()
    stored = []
    with project.write():
        for d, action, options in plan:
            row = build_resolution(d, action, adjudicator, when=stamp, **options)
            stored.append(span_store.add_span(project, row, action=f"gold.{action}"))
    return stored


def bulk_plan(items: Sequence[ReviewItem], annotator: str, section: int | None, *, accept: bool,
              sections: Sequence[Section] = ()) -> list[tuple[Disagreement, str, dict]]:
    """Resolutions for "accept/reject all of ``annotator``'s spans in this section" (its subtree).

    Accept: take that annotator's span in every open disagreement where they have one. Reject: only
    where that annotator is the sole one with a span (their extra spans); where others have spans the
    decision is about those too, so it is left open — accept the other annotator's spans for that.
    """
    inside = _subtree(sections, section) if section is not None else None
    plan = []
    for item in items:
        if not item.is_open or (inside is not None and item.section not in inside):
            continue
        mine = item.span_of(annotator)
        if mine is None:
            continue
        if accept:
            plan.append((item.disagreement, "take", {"span": mine}))
        elif len(item.disagreement.spans) == 1:
            plan.append((item.disagreement, "reject", {}))
    return plan


def _subtree(sections: Sequence[Section], index: int) -> set[int]:
    out = {index}
    for i, s in enumerate(sections):
        if s.parent in out:  # parents precede children in document order
            out.add(i)
    return out


def restore_gold(project: Project, rows: Sequence[Span]) -> None:
    """Re-store removed gold rows with their ids and provenance (redo after undo)."""
    with project.write():
        for row in rows:
            span_store.add_span(project, row, action="gold.restore")


def remove_gold(project: Project, rows: Sequence[Span], *, by: str) -> None:
    """Remove gold rows (undo of a resolution, or reopening a decided disagreement)."""
    with project.write():
        for row in rows:
            span_store.remove_span(project, row.id, by=by)


def gold_scores(project: Project, annotators: Sequence[str], doc_ids: Iterable[int] | None = None) -> dict[str, GoldScore]:
    """Each annotator's P/R/F1 against gold, over the documents that have a gold layer (a document
    nobody adjudicated would otherwise count every span as a false positive)."""
    wanted = None if doc_ids is None else set(doc_ids)
    gold = [g for g in gold_layer(project) if wanted is None or g.document_id in wanted]
    adjudicated = {g.document_id for g in gold}
    layers = load_layers(project, annotators, doc_ids=adjudicated)
    return score_against_gold(layers, gold)
