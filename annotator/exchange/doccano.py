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
from annotator.domain.model import SpanStatus
from annotator.exchange.exporting import ExportReport, by_annotator, by_status, export_layers, write_jsonl
from annotator.exchange.importing import (
    ImportReport, LineRefused, json_lines, json_type, layer_for, run_lines, store_line, text_field,
    utf16_to_codepoints,
)
from annotator.exchange.selection import Selection, iter_bundles
from annotator.storage.project import Project

FORMS = ("label", "entities")
OFFSETS = ("codepoint", "utf16")
_KNOWN_KEYS = {"id", "text", "label", "labels", "entities", "relations", "annotator", "title", "document_id",
               "text_sha256", "status", "annotations"}


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
        for annotator, status, spans in by_status(by_annotator(bundle.spans)) or [(None, None, [])]:
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
            if status in (SpanStatus.SUGGESTED, SpanStatus.REJECTED):
                line["status"] = status  # doccano keeps it as metadata; our import restores the status
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


def _entity_label(label: Any, where: str) -> Any:
    if isinstance(label, int) and not isinstance(label, bool):
        # doccano 1.x's JSONL export of a project can carry label *ids*; the names live in its database.
        raise LineRefused(f"{where} has label id {label}, not a label name: export from doccano with label "
                          "names (JSONL, \"label\" form) to import it")
    return label


def _offsets_of(entities: Any, key: str) -> list[tuple[Any, Any, Any]]:
    if not isinstance(entities, list) or not all(isinstance(e, dict) for e in entities):
        raise LineRefused(f"{key} must be an array of objects with start_offset, end_offset, label")
    return [(e.get("start_offset"), e.get("end_offset"), _entity_label(e.get("label"), f"{key} {n}"))
            for n, e in enumerate(entities, start=1)]


def _found(item: dict[str, Any]) -> list[tuple[Any, Any, Any]] | None:
    """The line's spans; None when the line has no span key at all (a text without labels)."""
    if "entities" in item:
        return _offsets_of(item["entities"], "entities")
    if "annotations" in item and "label" not in item:
        return _offsets_of(item["annotations"], "annotations")  # doccano 1.x sequence-labelling export
    if "label" not in item and "labels" not in item:
        return None
    labels = item.get("label", item.get("labels"))
    if not isinstance(labels, list):
        raise LineRefused(f"label must be an array of [start, end, label], not {json_type(labels)}")
    if labels and all(isinstance(x, str) for x in labels):
        raise LineRefused("label holds categories (a classification project), not [start, end, label] spans")
    for n, x in enumerate(labels, start=1):
        if not (isinstance(x, list) and len(x) == 3):
            raise LineRefused(f"label {n} must be [start, end, label], not {json_type(x)}"
                              + (f" of {len(x)} items" if isinstance(x, list) else ""))
    return [(x[0], x[1], _entity_label(x[2], f"label {n}")) for n, x in enumerate(labels, start=1)]


def _import_line(project: Project, report: ImportReport, item: Any, *, annotator: str | None,
                 as_suggestions: bool, offsets: str, bare: list[int]) -> bool:
    if not isinstance(item, dict):
        raise LineRefused(f"a line must be a JSON object, not {json_type(item)}")
    text = item.get("text")
    if not isinstance(text, str) or not text:
        raise LineRefused("no text" if not text else f"the text must be a string, not {json_type(text)}")
    found = _found(item)
    if found is None:
        bare.append(1)
        found = []
    if offsets == "utf16":
        found = [(*utf16_to_codepoints(text, s, e), label) for s, e, label in found]
    status = text_field(item, "status") or None
    name, status = layer_for(annotator or item.get("annotator"), as_suggestions, status, named=bool(annotator))
    title = text_field(item, "title")
    metadata = {k: v for k, v in item.items() if k not in _KNOWN_KEYS}
    return store_line(project, report, text=text, layers=[(name, status, found)], fmt="doccano",
                      title=title, metadata=metadata)


def import_doccano(project: Project, path: str | Path, *, annotator: str | None = None,
                   as_suggestions: bool = False, offsets: str = "codepoint") -> ImportReport:
    _check_options("label", offsets)
    report = ImportReport(file=str(path))
    bare: list[int] = []
    run_lines(report, json_lines(Path(path)), lambda _n, item: _import_line(
        project, report, item, annotator=annotator, as_suggestions=as_suggestions, offsets=offsets, bare=bare))
    if bare:
        report.notes.append(f"{len(bare)} lines had no label, labels, entities or annotations key: "
                            "their texts were imported without spans")
    return report
