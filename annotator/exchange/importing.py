"""What every importer shares: the report, finding or creating the document, missing labels, CRLF.

Importers check a whole line before writing any of it: a line with one bad span is refused entirely
(named by line number and reason) so a document never ends up half-imported; other lines go on.
"""

from __future__ import annotations

import json
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from annotator.domain.labels import Label
from annotator.domain.model import Span, SpanStatus
from annotator.domain.offsets import Utf16Map
from annotator.storage import documents, spans
from annotator.storage.labels import SUGGESTER, get_labels, save_label
from annotator.storage.project import Project

# Colour for labels an import brings that the project does not have yet (a neutral grey the user can
# change in the label editor).
NEW_LABEL_COLOUR = "#9e9e9e"


class LineRefused(ValueError):
    """A line that cannot be imported; the message is the reason shown to the user."""


@dataclass
class LineProblem:
    line: int  # 1-based; for a JSON array (Label Studio) the task's position in it
    reason: str
    unit: str = "line"

    def __str__(self) -> str:
        return f"{self.unit} {self.line}: {self.reason}"


@dataclass
class ImportReport:
    file: str
    imported: int = 0  # lines that added at least one span or document
    skipped: int = 0  # lines with nothing new (already in the project)
    failed: list[LineProblem] = field(default_factory=list)
    documents_created: int = 0
    spans_added: int = 0
    spans_skipped: int = 0
    labels_added: list[str] = field(default_factory=list)
    crlf_lines: int = 0  # lines whose text had CR/CRLF line ends, normalised to LF
    notes: list[str] = field(default_factory=list)

    def summary(self) -> str:
        lines = [
            f"{self.file}: {self.imported} lines imported, {self.skipped} skipped, {len(self.failed)} failed",
            f"  documents created: {self.documents_created}; spans added: {self.spans_added}, "
            f"already present: {self.spans_skipped}",
        ]
        if self.crlf_lines:
            lines.append(f"  {self.crlf_lines} lines had CRLF line ends: text normalised to LF, offsets moved")
        if self.labels_added:
            lines.append(f"  labels added: {', '.join(self.labels_added)}")
        lines.extend(f"  note: {n}" for n in self.notes)
        lines.extend(f"  failed {p}" for p in self.failed)
        return "\n".join(lines)


def json_lines(path: Path) -> Iterator[tuple[int, Any]]:
    """(line number, parsed object) per non-blank line; a line that is not JSON yields a LineRefused in
    place of the object, so ``run_lines`` reports it and goes on with the next line."""
    with open(path, encoding="utf-8-sig") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                yield number, json.loads(raw)
            except json.JSONDecodeError as exc:
                yield number, LineRefused(f"not valid JSON ({exc.msg} at column {exc.colno})")


def run_lines(report: ImportReport, items: Iterable[tuple[int, Any]], handle: Callable[[int, Any], bool],
              unit: str = "line") -> None:
    """Call ``handle`` per line; it returns True when something new was stored."""
    for number, item in items:
        # A line refused inside its transaction was rolled back: so are its counts.
        saved = (report.documents_created, report.spans_added, report.spans_skipped, report.crlf_lines,
                 len(report.labels_added), len(report.notes))
        try:
            if isinstance(item, LineRefused):
                raise item
            if handle(number, item):
                report.imported += 1
            else:
                report.skipped += 1
        except ValueError as exc:  # LineRefused, and the store's own checks (unknown label, bad status…)
            (report.documents_created, report.spans_added, report.spans_skipped, report.crlf_lines) = saved[:4]
            del report.labels_added[saved[4]:], report.notes[saved[5]:]
            report.failed.append(LineProblem(number, str(exc), unit))


def normalise_newlines(text: str) -> tuple[str, Callable[[int], int]]:
    """CRLF and lone CR → LF, as the project's clean texts are; returns the text and an offset map.

    Each dropped CR shifts later offsets by one; an offset pointing at a dropped CR moves to its LF.
    """
    if "\r" not in text:
        return text, lambda offset: offset
    gone = [i for i, ch in enumerate(text) if ch == "\r" and i + 1 < len(text) and text[i + 1] == "\n"]
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    return normalised, lambda offset: offset - bisect_left(gone, offset)


def ensure_labels(project: Project, names: Iterable[str], report: ImportReport) -> None:
    """Add labels the project lacks (grey, no attributes); existing labels are never changed."""
    known = {label.name for label in get_labels(project)}
    for name in sorted(set(names) - known):
        if not name or not isinstance(name, str):
            continue
        save_label(project, Label(name=name, colour=NEW_LABEL_COLOUR))
        report.labels_added.append(name)


def check_offsets(start: Any, end: Any, length: int, what: str = "span") -> None:
    if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool) or isinstance(end, bool):
        raise LineRefused(f"{what} offsets must be integers, got {start!r}, {end!r}")
    if not 0 <= start < end <= length:
        raise LineRefused(f"{what} [{start}, {end}) does not fit the text's {length} characters")


def document_for(project: Project, text: str, *, title: str = "", metadata: dict | None = None,
                 source_path: str | None = None, fmt: str, report: ImportReport,
                 document_id: int | None = None, sections=(), annotator: str | None = None) -> int:
    """The document with this exact text (matched by SHA-256), created if the project lacks it."""
    existing = documents.find_by_sha(project, documents.sha256_text(text))
    if existing is not None:
        return existing
    doc_id, created = documents.add_document(
        project, clean_text=text, raw_text=text, title=title, source_path=source_path, fmt=fmt,
        metadata=metadata, sections=sections, annotator=annotator, document_id=document_id,
    )
    report.documents_created += int(created)
    return doc_id


def layer_for(annotator: str | None, as_suggestions: bool) -> tuple[str, str]:
    """(annotator, status) of imported spans; an import as suggestions goes to the @suggester layer."""
    if as_suggestions:
        return SUGGESTER, SpanStatus.SUGGESTED
    if not annotator or not annotator.strip():
        raise LineRefused("no annotator: name one (--annotator) or import as suggestions")
    if annotator.startswith("@") and annotator != "@gold":
        raise LineRefused(f"{annotator!r} is a reserved layer name")
    return annotator.strip(), SpanStatus.GOLD if annotator == "@gold" else SpanStatus.ACCEPTED


def store(project: Project, new_spans: list[Span], report: ImportReport) -> int:
    """Add the spans (ids already present or identical spans are skipped); returns how many were new."""
    if not new_spans:
        return 0
    added, skipped = spans.add_spans(project, new_spans, action="span.import")
    report.spans_added += added
    report.spans_skipped += skipped
    return added


def store_line(project: Project, report: ImportReport, *, text: Any, layers: list[tuple[str, str, list]],
               fmt: str, title: str = "", metadata: dict | None = None) -> bool:
    """Import one line of a foreign format: its text and, per layer (annotator, status from
    ``layer_for``), the (start, end, label) found, in code points of ``text`` as given (CRLF included).

    Returns True when the line brought something new (a document or a span).
    """
    if not isinstance(text, str) or not text:
        raise LineRefused("no text")
    for _, _, found in layers:
        for start, end, label in found:
            check_offsets(start, end, len(text))
            if not isinstance(label, str) or not label.strip():
                raise LineRefused(f"span [{start}, {end}) has no label")
    clean, remap = normalise_newlines(text)
    new_spans = []
    for name, status, found in layers:
        for start, end, label in found:
            new_start, new_end = remap(start), remap(end)
            if new_start >= new_end:
                raise LineRefused(f"span [{start}, {end}) covers only a line break")
            new_spans.append(Span(start=new_start, end=new_end, label=label.strip(), annotator=name,
                                  status=status, source=f"import:{fmt}"))
    report.crlf_lines += int("\r" in text)
    before = (report.documents_created, report.spans_added)
    with project.write():
        ensure_labels(project, {s.label for s in new_spans}, report)
        doc_id = document_for(project, clean, title=title if isinstance(title, str) else "",
                              metadata=metadata, fmt=fmt, report=report)
        for span in new_spans:
            span.document_id = doc_id
        store(project, new_spans, report)
    return (report.documents_created, report.spans_added) != before


def utf16_to_codepoints(text: str, start: Any, end: Any) -> tuple[int, int]:
    """Offsets counted in UTF-16 code units (JavaScript) → code points; refuses half a surrogate pair."""
    u16 = Utf16Map(text)
    check_offsets(start, end, u16.utf16_length, "span (UTF-16 units)")
    result = u16.to_codepoint(start), u16.to_codepoint(end)
    if (u16.to_utf16(result[0]), u16.to_utf16(result[1])) != (start, end):
        raise LineRefused(f"span [{start}, {end}) in UTF-16 units splits a character outside the BMP")
    return result
