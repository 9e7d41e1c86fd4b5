"""The team's answers to suggestions, for the per-project learner (annotator.suggest.learner).

A decision is an annotator's own row that answers a suggestion: ``accepted`` (the suggestion became
their span, perhaps edited later) or ``rejected``. Both carry ``provenance.suggestion`` (the id of the
suggestion they answer, see spans._answer) and the suggester's rule in ``source``. The learned model is
kept in project_meta under ``suggest_model`` as JSON, never as pickled code.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from annotator.domain.model import SpanStatus
from annotator.storage.labels import SUGGESTER
from annotator.storage.store import StoreBackend

MODEL_KEY = "suggest_model"


@dataclass(frozen=True)
class Decision:
    document_id: int
    start: int
    end: int
    label: str
    accepted: bool
    attributes: dict[str, Any]
    rule: str  # the suggester's rule ("modal:要", "quantity:元"…), "" when unknown
    score: float | None  # the suggestion's score when it was proposed, if recorded
    annotator: str
    updated: str


def suggestion_decisions(project: StoreBackend, document_ids: list[int] | None = None) -> list[Decision]:
    """Every accept and reject of a suggestion, oldest first (the order the team made them)."""
    sql = ('SELECT s.document_id, s.start, s."end", s.label, s.status, s.attributes, s.source, s.annotator,'
           " s.updated, g.provenance FROM spans s LEFT JOIN spans g"
           " ON g.id = json_extract(s.provenance, '$.suggestion')"
           " WHERE s.annotator != ? AND s.status IN (?, ?)"
           " AND json_extract(s.provenance, '$.suggestion') IS NOT NULL")
    params: list[Any] = [SUGGESTER, SpanStatus.ACCEPTED, SpanStatus.REJECTED]
    if document_ids is not None:
        if not document_ids:
            return []
        sql += f" AND s.document_id IN ({', '.join('?' for _ in document_ids)})"
        params += list(document_ids)
    sql += " ORDER BY s.created, s.id"
    out = []
    for doc_id, start, end, label, status, attrs, source, annotator, updated, prov in project.execute(sql, params):
        rule = source.split(":", 1)[1] if source and source.startswith("suggester:") else ""
        score = None
        if prov:
            try:
                score = json.loads(prov).get("score")
            except (ValueError, AttributeError):
                score = None
        try:
            attributes = json.loads(attrs) if attrs else {}
        except ValueError:
            attributes = {}
        out.append(Decision(doc_id, start, end, label, status == SpanStatus.ACCEPTED, attributes, rule,
                            score if isinstance(score, (int, float)) else None, annotator, updated))
    return out


def count_decisions(project: StoreBackend) -> int:
    """How many suggestions have been answered (to decide when to retrain)."""
    row = project.execute(
        "SELECT COUNT(*) FROM spans WHERE annotator != ? AND status IN (?, ?)"
        " AND json_extract(provenance, '$.suggestion') IS NOT NULL",
        [SUGGESTER, SpanStatus.ACCEPTED, SpanStatus.REJECTED]).fetchone()
    return int(row[0])


def load_model(project: StoreBackend) -> str | None:
    """The stored model (JSON text), or None."""
    return project.meta(MODEL_KEY)


def save_model(project: StoreBackend, model_json: str) -> None:
    project.set_meta(MODEL_KEY, model_json)
