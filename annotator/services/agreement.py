"""Agreement and adjudication: the one entry point the CLI's ``agreement`` verb and the review window call.

Three groups, each the same functions for both front ends:
- the project report: ``agreement_report`` checks what a person asked for (the label exists, the
  annotators are known, at least two), computes the figures and ``render_report`` words them as a
  table, JSON or HTML; ``write_report`` writes a file atomically.
- the review window's overview of one document: who tagged it, the figures and per-section heat,
  the disagreements with their resolutions, the gold layer, each annotator's score against gold, and
  the pairwise alignment of the side-by-side view.
- adjudication: decide (``resolve``/``resolve_many``/``bulk_plan``), pre-merge agreed spans into gold
  (``premerge``: the adjudicator's explicit command, never a side effect of opening the window),
  and undo/redo of those (``remove_gold``/``restore_gold``).

The figures and the gold rules live in annotator/agreement (project.py, engine.py, gold.py, …); this
module is their door, so the front ends import nothing below it. The names re-exported at the bottom
are the vocabulary the review window shows (disagreement kinds, the ReviewItem it lists) — data, not
a second way in.
"""

from __future__ import annotations

from typing import Iterable, Sequence

from annotator.agreement.align import (ATTRIBUTE_MISMATCH, BOUNDARY_AND_LABEL_MISMATCH, BOUNDARY_MISMATCH,
                                       EXACT_MATCH, LABEL_MISMATCH, MISSING_IN_A, MISSING_IN_B, Disagreement,
                                       align_document)
from annotator.agreement.gold import MISSING_IN_SOME, GoldScore
from annotator.agreement.project import (ACTIONS, DISAGREEMENT_CAP, ReviewItem, annotators_with_spans, bulk_plan,
                                         gold_layer, gold_scores, load_layers, premerge_document, project_agreement,
                                         remove_gold, resolve, resolve_many, restore_gold, review_items,
                                         section_heat, section_names)
from annotator.agreement.spans import AgreementResult
from annotator.domain.model import Span
from annotator.storage.labels import has_label, list_annotators
from annotator.storage.project import Project

REPORT_FORMATS = ("table", "json", "html")


# --- the project report ----------------------------------------------------------------------------


def agreement_report(project: Project, annotators: Sequence[str] | None = None, *, label: str | None = None,
                     doc_ids: Iterable[int] | None = None) -> AgreementResult:
    """Pairwise span agreement over the project (or ``doc_ids``), each pair on the documents both worked
    on. ValueError, naming the project, for what cannot be asked: an unknown label or annotator, fewer
    than two annotators."""
    names = list(annotators) if annotators is not None else None
    if names is not None and len(names) < 2:
        raise ValueError("agreement needs at least two annotators")
    if label is not None and not has_label(project, label):
        raise ValueError(f"{project.location}: no label {label!r}")
    if names:
        known = set(list_annotators(project, humans_only=False))
        missing = [n for n in names if n not in known]
        if missing:
            raise ValueError(f"{project.location}: no annotator {', '.join(missing)}")
    try:
        return project_agreement(project, names, label=label, doc_ids=list(doc_ids) if doc_ids is not None else None)
    except ValueError as exc:
        raise ValueError(f"{project.location}: {exc}") from None


def render_report(result: AgreementResult, fmt: str = "table") -> str:
    """The report as a text table, JSON or a self-contained HTML page."""
    from annotator.agreement.report import render_html, render_json, render_table  # noqa: PLC0415

    renderers = {"table": render_table, "json": render_json, "html": render_html}
    if fmt not in renderers:
        raise ValueError(f"unknown report format {fmt!r}; one of {', '.join(REPORT_FORMATS)}")
    return renderers[fmt](result)


def write_report(text: str, output: str) -> None:
    """Write a rendered report beside and rename (never a half-written file; never over a project)."""
    from annotator.exchange.safe_write import atomic_open  # noqa: PLC0415

    with atomic_open(output, "w", encoding="utf-8") as handle:
        handle.write(text)


# --- adjudication ----------------------------------------------------------------------------------


def premerge(project: Project, doc_id: int, annotators: Sequence[str], adjudicator: str) -> list[Span]:
    """Store every span all ``annotators`` made identically as gold; return the rows this call added
    (empty when all of them were gold already), which is exactly what its undo removes."""
    before = {s.id for s in gold_layer(project, doc_id)}
    premerge_document(project, doc_id, annotators, adjudicator)
    return [s for s in gold_layer(project, doc_id) if s.id not in before]


__all__ = [
    # the report
    "REPORT_FORMATS", "agreement_report", "render_report", "write_report", "project_agreement",
    # the review window's overview of one document
    "annotators_with_spans", "section_names", "section_heat", "review_items", "gold_layer", "load_layers",
    "gold_scores", "align_document",
    # adjudication
    "ACTIONS", "bulk_plan", "premerge", "premerge_document", "remove_gold", "resolve", "resolve_many",
    "restore_gold",
    # vocabulary shown by the review window
    "ATTRIBUTE_MISMATCH", "BOUNDARY_AND_LABEL_MISMATCH", "BOUNDARY_MISMATCH", "DISAGREEMENT_CAP", "EXACT_MATCH",
    "LABEL_MISMATCH", "MISSING_IN_A", "MISSING_IN_B", "MISSING_IN_SOME", "AgreementResult", "Disagreement",
    "GoldScore", "ReviewItem",
]
