"""Prodigy-style JSONL: ``{"text", "spans": [{"start", "end", "label"}], "meta", "_annotator_id", "answer"}``.

Offsets are character offsets into ``text`` as Python (and spaCy, which Prodigy builds on) counts
them: code points, the project's own unit, so no conversion. Export writes one task per document and
annotator (``_annotator_id`` is the field Prodigy itself uses in multi-user sessions; ``answer`` is
"accept"); an annotator's rejected suggestions, when asked for, go one per task with ``answer``
"reject", which is what a rejected span task means in Prodigy. Import reads "accept" tasks (or tasks
without an answer) as spans, "reject" tasks as rejections, and skips "ignore".
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

from annotator.domain.model import SpanStatus
from annotator.exchange.exporting import ExportReport, by_annotator, export_layers, write_jsonl
from annotator.exchange.importing import (
    ImportReport, LineRefused, check_offsets, json_lines, json_type, layer_for, object_field, run_lines, store_line,
    text_field,
)
from annotator.exchange.selection import DocumentRow, Selection, SpanRow, iter_bundles
from annotator.storage.labels import SUGGESTER
from annotator.storage.project import Project


def _span(text: str, s: SpanRow) -> dict[str, Any]:
    span = {"start": s.start, "end": s.end, "label": s.label, "text": text[s.start:s.end]}
    if s.attributes not in ("", "{}"):
        span["attributes"] = json.loads(s.attributes)  # Prodigy keeps extra keys of a span as given
    return span


def _task(doc: DocumentRow, annotator: str | None, spans: list[SpanRow], answer: str | None) -> dict[str, Any]:
    task: dict[str, Any] = {
        "text": doc.text,
        "spans": [_span(doc.text, s) for s in spans],
        "meta": {"document_id": doc.id, "title": doc.title, "text_sha256": doc.sha256},
    }
    if annotator is not None:
        task["_annotator_id"] = annotator
    if answer is not None:
        task["answer"] = answer
    return task


def _tasks(project: Project, selection: Selection, report: ExportReport) -> Iterator[dict[str, Any]]:
    for bundle in iter_bundles(project, selection):
        report.documents += 1
        report.spans += len(bundle.spans)
        doc = bundle.document
        layers = by_annotator(bundle.spans)
        if not layers:
            yield _task(doc, None, [], None)
        for annotator, spans in layers:
            kept = [s for s in spans if s.status != SpanStatus.REJECTED]
            if kept:
                # Suggestions have not been answered yet: no answer, like a task in a Prodigy stream.
                yield _task(doc, annotator, kept, None if annotator == SUGGESTER else "accept")
            for rejected in (s for s in spans if s.status == SpanStatus.REJECTED):
                yield _task(doc, annotator, [rejected], "reject")


def export_prodigy(project: Project, path: str | Path, selection: Selection = Selection(), *,
                   per_annotator: bool = False) -> ExportReport:
    def write(project: Project, target: Path, chosen: Selection) -> ExportReport:
        report = ExportReport(files=[target])
        write_jsonl(target, _tasks(project, chosen, report))
        return report

    return export_layers(project, path, selection, write, per_annotator=per_annotator)


def _import_line(project: Project, report: ImportReport, item: Any, *, annotator: str | None,
                 as_suggestions: bool, relations: list[int]) -> bool:
    if not isinstance(item, dict):
        raise LineRefused(f"a line must be a JSON object, not {json_type(item)}")
    answer = item.get("answer", "accept")
    if answer == "ignore":
        return False
    if answer not in ("accept", "reject") or not isinstance(answer, str):
        raise LineRefused(f"unknown answer {answer!r} (accept, reject or ignore)")
    spans = item.get("spans", [])
    if not isinstance(spans, list) or not all(isinstance(s, dict) for s in spans):
        raise LineRefused("spans must be an array of objects with start, end, label")
    text = item.get("text")
    if not isinstance(text, str) or not text:
        raise LineRefused("no text" if not text else f"the text must be a string, not {json_type(text)}")
    for s in spans:
        if "start" not in s and "token_start" in s:
            raise LineRefused("a span has token offsets only (token_start); character offsets start/end are needed")
        check_offsets(s.get("start"), s.get("end"), len(text))
        if "text" in s and s["text"] != text[s["start"]:s["end"]]:
            raise LineRefused(f"span [{s['start']}, {s['end']}) text {s['text']!r} is not the text there")
    if isinstance(item.get("relations"), list) and item["relations"]:
        relations.append(len(item["relations"]))
    # Prodigy's answer is the status: a rejected task holds rejected suggestions, a task with no answer
    # (a stream item) holds suggestions.
    status = SpanStatus.REJECTED if answer == "reject" else (None if "answer" in item else SpanStatus.SUGGESTED)
    if answer == "reject" and as_suggestions:
        return False  # a rejection is an answer to a suggestion, not a suggestion itself
    who = annotator or item.get("_annotator_id")
    if status == SpanStatus.SUGGESTED and who not in (None, SUGGESTER) and not annotator:
        status = None  # an annotator's task saved without an answer: that annotator's labels
    name, status = layer_for(who, as_suggestions, status, named=bool(annotator))
    meta = object_field(item, "meta")
    title = text_field(meta, "title")
    return store_line(project, report, text=text, fmt="prodigy", title=title,
                      metadata={k: v for k, v in meta.items() if k not in ("title", "document_id", "text_sha256")},
                      layers=[(name, status, [(s.get("start"), s.get("end"), s.get("label"), s.get("attributes") or {})
                                              for s in spans])])


def import_prodigy(project: Project, path: str | Path, *, annotator: str | None = None,
                   as_suggestions: bool = False) -> ImportReport:
    report = ImportReport(file=str(path))
    relations: list[int] = []
    run_lines(report, json_lines(Path(path)), lambda _n, item: _import_line(
        project, report, item, annotator=annotator, as_suggestions=as_suggestions, relations=relations))
    if relations:
        report.notes.append(f"{sum(relations)} relations in {len(relations)} lines were not imported "
                            "(the project stores spans, not relations between them)")
    return report
