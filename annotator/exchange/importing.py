"""What every importer shares: the report, finding or creating the document, missing labels, CRLF.

Importers check a whole line before writing any of it: a line with one bad span is refused entirely
(named by line number and reason) so a document never ends up half-imported; other lines go on.
"""

from __future__ import annotations

import contextvars
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from annotator.domain.labels import Label
from annotator.domain.model import Span, SpanStatus
from annotator.domain.offsets import Utf16Map
from annotator.exchange.jsonread import MAX_LINE_BYTES, InputFileError, LineRefused, json_lines, json_type  # noqa: F401 (re-exported)
from annotator.storage import documents, spans
from annotator.storage.errors import ProjectError
from annotator.storage.labels import GOLD, SUGGESTER, get_labels, save_label
from annotator.storage.project import Project

# Colour for labels an import brings that the project does not have yet (a neutral grey the user can
# change in the label editor).
NEW_LABEL_COLOUR = "#9e9e9e"
# Label names are shown in menus and written as column headers; real ones are a few words.
MAX_LABEL_CHARS = 100
# New labels one label file may bring. Real projects have tens of labels; a file of machine-made names
# (a label per span, an id where the name should be) made thousands, each a menu entry, a legend row
# and a column of every table export, and the project unusable. Past this, a line that would add one
# more is refused with the reason; lines using known labels still import. To import such a file on
# purpose, add its labels first (label editor).
MAX_NEW_LABELS = 200
# Failed lines kept with their reasons: a file of a million bad lines ("{}" each) kept a million
# problems in memory and printed a million lines; past this only their number is kept.
MAX_LISTED_FAILURES = 1000


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
    failed_unlisted: int = 0  # failed lines past MAX_LISTED_FAILURES: counted, not kept
    interrupted_at: int | None = None  # the first line not imported when the import was stopped
    interrupted_midway: bool = False  # by a KeyboardInterrupt inside a line (not at a line's start)
    stopped_by: str = ""  # the project's failure (disk full, busy, read-only) that ended the import
    unit: str = "line"

    @property
    def failed_count(self) -> int:
        """Every failed line, listed or not."""
        return len(self.failed) + self.failed_unlisted

    def add_failure(self, problem: LineProblem) -> None:
        if len(self.failed) < MAX_LISTED_FAILURES:
            self.failed.append(problem)
        else:
            self.failed_unlisted += 1

    def summary(self) -> str:
        lines = [
            f"{self.file}: {self.imported} lines imported, {self.skipped} skipped, {self.failed_count} failed",
            f"  documents created: {self.documents_created}; spans added: {self.spans_added}, "
            f"already present: {self.spans_skipped}",
        ]
        if self.crlf_lines:
            lines.append(f"  {self.crlf_lines} lines had CRLF line ends: text normalised to LF, offsets moved")
        if self.labels_added:
            lines.append(f"  labels added: {', '.join(self.labels_added)}")
        lines.extend(f"  note: {n}" for n in self.notes)
        lines.extend(f"  failed {p}" for p in self.failed)
        if self.failed_unlisted:
            lines.append(f"  … and {self.failed_unlisted:,} more failed lines, not listed (is this the right format?)")
        if self.interrupted_at is not None and not self.stopped_by:  # (a project failure is a note)
            this = (f"{self.unit} {self.interrupted_at} was being saved (whole or not at all)" if self.interrupted_midway
                    else f"{self.unit} {self.interrupted_at} and the rest were not read")
            lines.append(f"  stopped: the {self.unit}s before are imported, {this}; import the file again for the "
                         f"rest (what is already in the project is skipped)")
        return "\n".join(lines)


class ImportInterrupted(KeyboardInterrupt):
    """An import stopped by KeyboardInterrupt: the line being stored was rolled back (its own transaction),
    the lines before it are saved; ``report`` says what was done and where it stopped."""

    def __init__(self, report: ImportReport, cause: BaseException) -> None:
        super().__init__(*cause.args)
        self.report, self.cause = report, cause


# Asked before each line of an import (services.exchange.import_labels sets it): True stops the import.
CANCEL: contextvars.ContextVar[Callable[[], bool] | None] = contextvars.ContextVar("import_cancel", default=None)
# The report of the import running in this context (set by run_lines): a second signal that lands after
# the first one ended the loop, while the importer wraps up, must still leave the caller its report.
RUNNING: contextvars.ContextVar[ImportReport | None] = contextvars.ContextVar("import_report", default=None)


def run_lines(report: ImportReport, items: Iterable[tuple[int, Any]], handle: Callable[[int, Any], bool],
              unit: str = "line") -> None:
    """Call ``handle`` per line; it returns True when something new was stored.

    ``should_cancel`` (the CLI's first Ctrl+C or SIGTERM, a cancel button) is asked before each line:
    the import stops there, between two lines, and returns its report. A KeyboardInterrupt (a second
    signal) rolls back the line being stored, like any failure, and ends the import with
    ImportInterrupted carrying the report, so the caller can say what was saved.
    """
    report.unit = unit
    RUNNING.set(report)
    should_cancel = CANCEL.get()
    done, current, saved = 0, None, _counts(report)
    try:
        for number, item in items:
            if should_cancel is not None and should_cancel():
                report.interrupted_at = number
                return
            current, saved = number, _counts(report)
            _run_line(report, number, item, handle, unit, saved)
            done, current = number, None
    except ProjectError as exc:  # the project, not the line: every later line would fail alike (or wait
        # a minute each for a lock), so the import stops here with what it saved, said in the report
        if current is not None:
            _undo_counts(report, saved)
        report.interrupted_at, report.stopped_by = current if current is not None else done + 1, str(exc)
        # A note, so every reader of the report shows it (the GUI words the report itself).
        report.notes.append(f"stopped at {unit} {report.interrupted_at}: {exc}; the {unit}s before it are imported, "
                            "it and the rest are not (import the file again once this is solved)")
    except KeyboardInterrupt as exc:
        if isinstance(exc, ImportInterrupted):
            raise
        if current is not None:  # inside a line: its transaction was rolled back (or just committed)
            _undo_counts(report, saved)
        report.interrupted_at = current if current is not None else done + 1
        report.interrupted_midway = current is not None
        raise ImportInterrupted(report, exc) from exc


def _counts(report: ImportReport) -> tuple:
    return (report.documents_created, report.spans_added, report.spans_skipped, report.crlf_lines,
            len(report.labels_added), len(report.notes))


def _run_line(report: ImportReport, number: int, item: Any, handle: Callable[[int, Any], bool], unit: str,
              saved: tuple) -> None:
    # A line refused inside its transaction was rolled back: so are its counts.
    try:
        if isinstance(item, LineRefused):
            raise item
        if handle(number, item):
            report.imported += 1
        else:
            report.skipped += 1
    except ValueError as exc:  # LineRefused, and the store's own checks (unknown label, bad status…)
        _undo_counts(report, saved)
        report.add_failure(LineProblem(number, str(exc), unit))
    except (TypeError, KeyError, AttributeError, IndexError, OverflowError, RecursionError) as exc:
        # A field of a type no check above foresaw: still only this line is refused, with the field.
        _undo_counts(report, saved)
        report.add_failure(LineProblem(number, f"malformed ({type(exc).__name__}: {exc})", unit))


def _undo_counts(report: ImportReport, saved: tuple) -> None:
    (report.documents_created, report.spans_added, report.spans_skipped, report.crlf_lines) = saved[:4]
    del report.labels_added[saved[4]:], report.notes[saved[5]:]


def text_field(item: dict, key: str, *, default: str = "") -> str:
    """``item[key]`` as a string: absent or null gives ``default``; any other type refuses the line."""
    value = item.get(key)
    if value is None:
        return default
    if not isinstance(value, str):
        raise LineRefused(f"{key!r} must be a string, not {json_type(value)}")
    return value


def object_field(item: dict, key: str) -> dict:
    """``item[key]`` as an object (absent or null: empty); any other type refuses the line."""
    value = item.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise LineRefused(f"{key!r} must be an object, not {json_type(value)}")
    return value


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
    new = [name for name in sorted(set(names) - known) if name and isinstance(name, str)]
    if new and len(report.labels_added) + len(new) > MAX_NEW_LABELS:
        more = f" and {len(new) - 1} more" if len(new) > 1 else ""
        raise LineRefused(f"it would add the label {new[0]!r}{more}, past the {MAX_NEW_LABELS} new labels one file "
                          "may add (are the label names right? to import them, add the labels to the project first)")
    for name in new:
        save_label(project, Label(name=name, colour=NEW_LABEL_COLOUR))
        report.labels_added.append(name)


def check_offsets(start: Any, end: Any, length: int, what: str = "span") -> None:
    if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool) or isinstance(end, bool):
        raise LineRefused(f"{what} offsets must be integers, not {offset_kind(start)} and {offset_kind(end)}")
    if not 0 <= start < end <= length:
        raise LineRefused(f"{what} [{start}, {end}) {misfit(start, end, length)}")


def offset_kind(value: Any) -> str:
    """What an offset is, for a message: 6.0 and 2.5 are "numbers" to JSON, which tells nobody why."""
    if isinstance(value, float):
        written = "in exponent form" if "e" in repr(value) else "with a decimal point"
        return f"{value!r} (a number {written})"
    if isinstance(value, int) and not isinstance(value, bool):
        return "an integer"
    return json_type(value)


def misfit(start: int, end: int, length: int, unit: str = "characters") -> str:
    """Why [start, end) is not a span of a text of ``length`` characters, in the reader's words."""
    if start < 0 or end < 0:
        return "has a negative offset"
    if end < start:
        return "ends before it starts"
    if start == end:
        return "is empty (it starts where it ends)"
    return f"does not fit the text's {length} {unit}"


# Control characters (tab, line breaks, escape sequences) and bidi overrides in a name: a label or an
# annotator is shown on one line in lists, columns and CoNLL headers; a line break or tab there breaks
# those files, an escape sequence recolours the terminal, an override shows the name reversed.
_UNPRINTABLE_IN_NAME = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def check_name(name: str, what: str) -> None:
    found = _UNPRINTABLE_IN_NAME.search(name)
    if found:
        raise LineRefused(f"{what} {name[:40]!r} holds the invisible character U+{ord(found.group()):04X} "
                          "(a line break, tab, escape or direction mark); names are one line of visible text")


def check_label(label: Any, what: str) -> None:
    if not isinstance(label, str) or not label.strip():
        raise LineRefused(f"{what} has no label" if label in (None, "") else
                          f"{what}: the label is blank" if isinstance(label, str) else
                          f"{what}: the label must be a non-empty string, not {json_type(label)}")
    if len(label) > MAX_LABEL_CHARS:
        raise LineRefused(f"{what}: a label name longer than {MAX_LABEL_CHARS} characters")
    check_name(label.strip(), f"{what}: the label")


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


def layer_for(annotator: Any, as_suggestions: bool, status: Any = None, *, named: bool = False) -> tuple[str, str]:
    """(annotator, status) of imported spans.

    ``status`` is what the file says (a doccano ``status`` key, a Label Studio region's meta, a Prodigy
    answer): a rejected suggestion stays rejected, a suggestion comes back as a suggestion. ``named``
    means the user chose the annotator (``--annotator``): the spans become that person's labels, so
    suggestions in the file turn into accepted labels (the bulk way to adopt suggestions) while
    rejections stay rejections. ``as_suggestions`` puts everything in the suggestion layer.
    """
    if as_suggestions:
        return SUGGESTER, SpanStatus.SUGGESTED
    if annotator is not None and not isinstance(annotator, str):
        raise LineRefused(f"the annotator must be a string, not {json_type(annotator)}")
    if status is not None and status not in SpanStatus.ALL:
        raise LineRefused(f"unknown status {status!r} (known: {', '.join(sorted(SpanStatus.ALL))})")
    name = (annotator or "").strip()
    if not named and (name == SUGGESTER or status == SpanStatus.SUGGESTED):
        return SUGGESTER, SpanStatus.SUGGESTED
    if not name:
        raise LineRefused("no annotator: name one (--annotator) or import as suggestions")
    if name.startswith("@") and name != GOLD:
        raise LineRefused(f"{name!r} is a reserved layer name")
    check_name(name, "the annotator")
    if status == SpanStatus.REJECTED:
        if name == GOLD:
            raise LineRefused("gold cannot hold rejected suggestions")
        return name, SpanStatus.REJECTED
    if name == GOLD:
        return name, SpanStatus.GOLD
    return name, SpanStatus.ACCEPTED


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
    ``layer_for``), the (start, end, label[, attributes]) found, in code points of ``text`` as given
    (CRLF included).

    Returns True when the line brought something new (a document or a span).
    """
    if not isinstance(text, str) or not text:
        raise LineRefused("no text" if text is None or text == "" else f"the text must be a string, not {json_type(text)}")
    if not isinstance(title, str):
        raise LineRefused(f"the title must be a string, not {json_type(title)}")
    if metadata is not None and not isinstance(metadata, dict):
        raise LineRefused(f"metadata must be an object, not {json_type(metadata)}")
    if len(text) * 4 > MAX_LINE_BYTES and len(text.encode("utf-8", "surrogatepass")) > MAX_LINE_BYTES:
        raise LineRefused("the text is larger than the 20 MB document limit")
    length = len(text)
    for _, _, found in layers:
        for start, end, label, *attributes in found:
            # The common case tested inline (thousands of spans per line); anything else gets the full
            # checks, which accept what they accept and refuse with their own messages.
            if not (type(start) is int and type(end) is int and 0 <= start < end <= length):
                check_offsets(start, end, length)
            if not (type(label) is str and label and len(label) <= MAX_LABEL_CHARS and label.isprintable()
                    and not label.isspace()):
                check_label(label, f"span [{start}, {end})")
            if attributes and not isinstance(attributes[0], dict):
                raise LineRefused(f"span [{start}, {end}): attributes must be an object, not {json_type(attributes[0])}")
    clean, remap = normalise_newlines(text)
    moved = clean is not text  # CR/CRLF dropped: offsets move
    new_spans = []
    source = f"import:{fmt}"
    for name, status, found in layers:
        for start, end, label, *attributes in found:
            new_start, new_end = (remap(start), remap(end)) if moved else (start, end)
            if new_start >= new_end:
                raise LineRefused(f"span [{start}, {end}) covers only a line break")
            new_spans.append(Span(new_start, new_end, label.strip(), name, status,
                                  dict(attributes[0]) if attributes else {}, source=source))
    report.crlf_lines += int("\r" in text)
    before = (report.documents_created, report.spans_added)
    with project.write():
        ensure_labels(project, {s.label for s in new_spans}, report)
        doc_id = document_for(project, clean, title=title,
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
