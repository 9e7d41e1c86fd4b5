"""doccano sequence-labelling JSONL, both of its forms:

- ``{"text": …, "label": [[start, end, "LABEL"], …]}``
- ``{"text": …, "entities": [{"id", "label", "start_offset", "end_offset"}], "relations": []}``

Offsets: doccano's documentation and its Python tooling treat them as Python string indices (code
points), which is our default. The doccano 1.x web editor, however, stores JavaScript string offsets
(UTF-16 code units) unless the project counts grapheme clusters (doccano issue #2290); pass
``offsets="utf16"`` for files exported from it. Both are the same for text without astral characters.

Export writes one line per document and annotator (``"annotator"`` names the layer; doccano keeps
unknown keys as metadata); a document nobody tagged still gets one line, with no spans, so the texts
travel complete. Import takes ``label`` or ``entities``; the layer is ``annotator`` (argument first,
then the line's ``annotator`` key) or the suggestion layer. Text with CRLF is normalised to LF, offsets
moved accordingly (the project's clean texts have LF only).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

from annotator.domain.offsets import Utf16Map
from annotator.exchange.exporting import ExportReport, by_annotator, export_layers, write_jsonl
from annotator.exchange.importing import (
    ImportReport, LineRefused, json_lines, layer_for, run_lines, store_line, utf16_to_codepoints,
)
from annotator.exchange.selection import Selection, iter_bundles
from annotator.storage.project import Project

FORMS = ("label", "entities")
OFFSETS = ("codepoint", "utf16")
_KNOWN_KEYS = {"id", "text", "label", "labels", "entities", "relations", "annotator", "title", "document_id",
               "text_sha256"}


def _check_options(form: str, offsets: str) -> None:
    if form not in FORMS:
        raise ValueError(f"doccano form must be one of {', '.join(FORMS)}, not {form!r}")
    if offsets not in OFFSETS:
        raise ValueError(f"doccano offsets must be one of {', '.join(OFFSETS)}, not {offsets!r}")


def _lines(project: Project, selection: Selection, form: str, offsets: str,
           report: ExportReport) -> Iterator[dict[str, Any]]:
    for bundle in iter_bundles(project, selection):
        doc = bundle.document
        convert = Utf16Map(doc.text).to_utf16 if offsets == "utf16" else int
        report.documents += 1
        for annotator, spans in by_annotator(bundle.spans) or [(None, [])]:
            line: dict[str, Any] = {"id": doc.id, "text": doc.text}
            if form == "label":
                line["label"] = [[convert(s.start), convert(s.end), s.label] for s in spans]
            else:
                line["entities"] = [
                    {"id": n, "label": s.label, "start_offset": convert(s.start), "end_offset": convert(s.end)}
                    for n, s in enumerate(spans, start=1)
                ]
                line["relations"] = []
            if annotator is not None:
                line["annotator"] = annotator
            line["title"] = doc.title
            report.spans += len(spans)
            yield line


def export_doccano(project: Project, path: str | Path, selection: Selection = Selection(), *,
                   form: str = "label", offsets: str = "codepoint", per_annotator: bool = False) -> ExportReport:
    _check_options(form, offsets)

    def write(project: Project, target: Path, chosen: Selection) -> ExportReport:
        report = ExportReport(files=[target])
        write_jsonl(target, _lines(project, chosen, form, offsets, report))
        return report

    return export_layers(project, path, selection, write, per_annotator=per_annotator)


def _found(item: dict[str, Any]) -> list[tuple[Any, Any, Any]]:
    if "entities" in item:
        entities = item["entities"]
        if not isinstance(entities, list) or not all(isinstance(e, dict) for e in entities):
            raise LineRefused("entities must be a list of objects with start_offset, end_offset, label")
        return [(e.get("start_offset"), e.get("end_offset"), e.get("label")) for e in entities]
    labels = item.get("label", item.get("labels", []))
    if not isinstance(labels, list):
        raise LineRefused("label must be a list of [start, end, label]")
    if labels and not all(isinstance(x, list) and len(x) == 3 for x in labels):
        raise LineRefused("label holds categories (a classification project), not [start, end, label] spans")
    return [tuple(x) for x in labels]


def _import_line(project: Project, report: ImportReport, item: Any, *, annotator: str | None,
                 as_suggestions: bool, offsets: str) -> bool:
    if not isinstance(item, dict):
        raise LineRefused("a line must be a JSON object")
    text = item.get("text")
    if not isinstance(text, str) or not text:
        raise LineRefused("no text")
    found = _found(item)
    if offsets == "utf16":
        found = [(*utf16_to_codepoints(text, s, e), label) for s, e, label in found]
    name, status = layer_for(annotator or item.get("annotator"), as_suggestions)
    metadata = {k: v for k, v in item.items() if k not in _KNOWN_KEYS}
    return store_line(project, report, text=text, layers=[(name, status, found)], fmt="doccano",
                      title=item.get("title") or "", metadata=metadata)


def import_doccano(project: Project, path: str | Path, *, annotator: str | None = None,
                   as_suggestions: bool = False, offsets: str = "codepoint") -> ImportReport:
    _check_options("label", offsets)
    report = ImportReport(file=str(path))
    run_lines(report, json_lines(Path(path)), lambda _n, item: _import_line(
        project, report, item, annotator=annotator, as_suggestions=as_suggestions, offsets=offsets))
    return report
