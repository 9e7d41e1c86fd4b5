"""The project's own exchange format: JSON Lines, one document per line, versioned (schema_version 1).

It carries everything needed to rebuild a project's documents, outlines and span layers: exporting,
importing into an empty project and exporting again gives identical lines (ids and times included).
Offsets are code points of ``text``; ``utf16_start``/``utf16_end`` are given for JavaScript and Qt.
See FORMAT.md and resources/native_jsonl.schema.json.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import replace
from pathlib import Path
from typing import Any, Iterator

from annotator.domain.model import Section, Span, SpanStatus
from annotator.domain.offsets import Utf16Map
from annotator.exchange.exporting import ExportReport, export_layers
from annotator.exchange.importing import (
    ImportReport, LineRefused, check_label, check_offsets, document_for, ensure_labels, json_lines, json_type,
    layer_for, misfit, object_field, run_lines, store, text_field,
)
from annotator.domain.section_paths import innermost, section_paths
from annotator.exchange.safe_write import atomic_open
from annotator.exchange.selection import DocumentBundle, Selection, iter_bundles
from annotator.storage.documents import sha256_text
from annotator.storage.project import Project
from annotator.structure.gc_pause import gc_paused

SCHEMA_VERSION = 1


def _sections_json(sections: list[Section], paths: list[list[str]]) -> list[dict[str, Any]]:
    return [
        {"level": s.level, "marker": s.marker, "title": s.title, "start": s.start, "end": s.end,
         "path": path, "parent": s.parent, "title_start": s.title_start, "title_end": s.title_end,
         "kind": s.kind, "ordinal": s.ordinal, "confidence": s.confidence, "source": s.source}
        for s, path in zip(sections, paths)
    ]


def _load_all(texts: list[str]) -> list[Any]:
    # One json.loads over a whole document's stored objects is several times faster than one call per
    # span (the parse stays in C); the stored texts are json.dumps output, so joining them is valid JSON.
    return json.loads("[" + ",".join(texts) + "]") if texts else []


def record(bundle: DocumentBundle) -> dict[str, Any]:
    """One document as a native record (a dict ready for json.dumps)."""
    doc = bundle.document
    text = doc.text
    u16 = Utf16Map(text)
    paths = section_paths(bundle.sections)
    where = innermost(bundle.sections, [s.start for s in bundle.spans])
    attributes = _load_all([s.attributes for s in bundle.spans])
    provenance = _load_all([s.provenance for s in bundle.spans])
    spans = [
        {"id": s.id, "start": s.start, "end": s.end, "utf16_start": u16.to_utf16(s.start),
         "utf16_end": u16.to_utf16(s.end), "label": s.label, "text": text[s.start:s.end],
         "attributes": attrs, "annotator": s.annotator, "status": s.status,
         "source": s.source, "provenance": prov,
         "section_path": paths[i] if i is not None else [], "created": s.created, "updated": s.updated}
        for s, i, attrs, prov in zip(bundle.spans, where, attributes, provenance)
    ]
    return {
        "schema_version": SCHEMA_VERSION, "id": doc.id, "title": doc.title, "source": doc.source_path,
        "text": text, "text_sha256": doc.sha256, "metadata": json.loads(doc.metadata),
        "sections": _sections_json(bundle.sections, paths), "spans": spans,
    }


def iter_records(project: Project, selection: Selection = Selection()) -> Iterator[dict[str, Any]]:
    for bundle in iter_bundles(project, selection):
        yield record(bundle)


@gc_paused
def _write(project: Project, path: Path, selection: Selection) -> ExportReport:
    # The lines are built by native_lines (the same bytes as json.dumps(record(bundle)), ~2.5× faster).
    # With the cyclic collector paused (structure/gc_pause.py): every span row read is a new tuple, and
    # each 700 of them made the collector walk every live object again — a fifth of the export's time
    # on 100 000 spans, more when the caller holds much else. The export makes no reference cycles.
    from annotator.exchange.native_lines import line_parts  # noqa: PLC0415

    report = ExportReport(files=[path])
    with atomic_open(path, "w", newline="\n") as out:
        for bundle in iter_bundles(project, selection):
            head, body, count = line_parts(bundle, _sections_json(bundle.sections, section_paths(bundle.sections)))
            out.write(head)
            out.write(body)
            out.write("]}\n")
            report.documents += 1
            report.spans += count
    return report


def export_native(project: Project, path: str | Path, selection: Selection = Selection(), *,
                  per_annotator: bool = False) -> ExportReport:
    return export_layers(project, path, selection, _write, per_annotator=per_annotator)


# -- import ----------------------------------------------------------------------------------------

def _expect(value: Any, kind: type | tuple, what: str) -> Any:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise LineRefused(f"{what} is missing or not a {getattr(kind, '__name__', 'valid value')}")
    return value


def _sections(items: Any, length: int) -> list[Section]:
    result = []
    for i, item in enumerate(_expect(items, list, "sections")):
        _expect(item, dict, f"section {i}")
        start, end = item.get("start"), item.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= length):
            raise LineRefused(f"section {i} [{start}, {end}) {misfit(start, end, length)}")
        parent = item.get("parent")
        if parent is not None and not (isinstance(parent, int) and 0 <= parent < i):
            raise LineRefused(f"section {i} has parent {parent!r}, which is not an earlier section")
        result.append(Section(
            level=_expect(item.get("level"), int, f"section {i} level"),
            marker=_expect(item.get("marker"), str, f"section {i} marker"),
            title=_expect(item.get("title"), str, f"section {i} title"), start=start, end=end,
            title_start=item.get("title_start", start), title_end=item.get("title_end", start),
            kind=item.get("kind", ""), ordinal=item.get("ordinal", 0), confidence=item.get("confidence", 1.0),
            parent=parent, source=item.get("source", "auto"),
        ))
    return result


def _span(item: Any, i: int, text: str, u16: Utf16Map) -> Span:
    _expect(item, dict, f"span {i}")
    start, end = item.get("start"), item.get("end")
    check_offsets(start, end, len(text), f"span {i}")
    if "utf16_start" in item or "utf16_end" in item:
        expected = (u16.to_utf16(start), u16.to_utf16(end))
        if (item.get("utf16_start"), item.get("utf16_end")) != expected:
            raise LineRefused(
                f"span {i}: utf16 offsets ({item.get('utf16_start')}, {item.get('utf16_end')}) disagree with "
                f"code points [{start}, {end}) (expected {expected[0]}, {expected[1]})")
    if "text" in item and item["text"] != text[start:end]:
        raise LineRefused(f"span {i}: its text {item['text']!r} is not the text at [{start}, {end})")
    status = item.get("status", SpanStatus.ACCEPTED)
    if status not in SpanStatus.ALL:
        raise LineRefused(f"span {i}: unknown status {status!r}")
    annotator = _expect(item.get("annotator"), str, f"span {i} annotator").strip()
    if not annotator:
        raise LineRefused(f"span {i} has no annotator")
    for key in ("id", "created", "updated", "source"):
        if item.get(key) is not None and not isinstance(item[key], str):
            raise LineRefused(f"span {i}: {key} must be a string, got {item[key]!r}")
    return Span(
        id=item.get("id"), start=start, end=end, label=_expect(item.get("label"), str, f"span {i} label"),
        annotator=annotator, status=status, attributes=_expect(item.get("attributes", {}), dict, f"span {i} attributes"),
        source=item.get("source") or "import:native",
        provenance=_expect(item.get("provenance", {}), dict, f"span {i} provenance"),
        created=item.get("created"), updated=item.get("updated"),
    )


def _relayer(found: list[Span], annotator: str | None, as_suggestions: bool) -> list[Span]:
    """Every span of the file into one layer: ``annotator``'s labels (suggestions and gold become
    accepted labels, rejections stay rejections), or suggestions (rejections are left out: they answer
    a suggestion, they are not one). New ids derive from the old id and the layer, so importing the
    same file twice adds nothing and never collides with the spans it came from."""
    name, status = layer_for(annotator, as_suggestions, named=True)
    result = []
    for span in found:
        if as_suggestions and span.status == SpanStatus.REJECTED:
            continue
        new_status = SpanStatus.REJECTED if span.status == SpanStatus.REJECTED else status
        new_id = uuid.uuid5(uuid.NAMESPACE_URL, f"annotator:{span.id}:{name}").hex if span.id else None
        result.append(replace(span, id=new_id, annotator=name, status=new_status))
    return result


def _import_line(project: Project, report: ImportReport, item: Any, annotator: str | None = None,
                 as_suggestions: bool = False) -> bool:
    _expect(item, dict, "the line")
    version = item.get("schema_version")
    if version is None:  # a doccano or Prodigy line given as native: say what it lacks, not "None"
        raise LineRefused("no schema_version: not a line of the annotator's own format (is the file doccano or "
                          "Prodigy JSONL? choose that format)")
    if version != SCHEMA_VERSION:
        raise LineRefused(f"schema_version {version!r} is not supported (this version reads {SCHEMA_VERSION})")
    text = _expect(item.get("text"), str, "text")
    if item.get("text_sha256") != sha256_text(text):
        raise LineRefused("text_sha256 does not match the text (the text was changed after export)")
    metadata = object_field(item, "metadata")
    title, source = text_field(item, "title"), text_field(item, "source") or None
    doc_id = item.get("id")
    if doc_id is not None and (not isinstance(doc_id, int) or isinstance(doc_id, bool) or doc_id < 1):
        got = doc_id if isinstance(doc_id, int) and not isinstance(doc_id, bool) else json_type(doc_id)
        raise LineRefused(f"'id' must be an integer ≥ 1, not {got}")
    sections = _sections(item.get("sections", []), len(text))
    u16 = Utf16Map(text)
    new_spans = [_span(s, i, text, u16) for i, s in enumerate(_expect(item.get("spans", []), list, "spans"))]
    if annotator or as_suggestions:
        new_spans = _relayer(new_spans, annotator, as_suggestions)
    before = (report.documents_created, report.spans_added)
    with project.write():
        ensure_labels(project, {s.label for s in new_spans}, report)
        created = report.documents_created
        doc = document_for(project, text, title=title, metadata=metadata,
                           source_path=source, fmt="native", report=report, document_id=doc_id,
                           sections=sections)
        if report.documents_created == created and sections:
            # The project's outline of this text may hold corrections; an import never overwrites it.
            report.notes.append(f"document {doc}: already in the project, its outline was kept")
        for span in new_spans:
            span.document_id = doc
        store(project, new_spans, report)
    return (report.documents_created, report.spans_added) != before


def import_native(project: Project, path: str | Path, *, annotator: str | None = None,
                  as_suggestions: bool = False) -> ImportReport:
    """``annotator`` re-assigns every span of the file to that person; ``as_suggestions`` makes them
    suggestions (see ``_relayer``)."""
    report = ImportReport(file=str(path))
    if annotator is not None:
        layer_for(annotator, False, named=True)  # a reserved or empty name is refused before any line
    run_lines(report, json_lines(Path(path)), lambda _n, item: _import_line(
        project, report, item, annotator, as_suggestions))
    return report
