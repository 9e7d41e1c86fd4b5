"""Spans: every layer (annotators', suggestions, rejections, gold) in one table.

Each public function is one transaction that also appends to the event log, so the GUI's undo
commands and the CLI can call them directly and every change is on disk when they return.
"""

from __future__ import annotations

import json
import os
import sqlite3  # the DB-API error classes; PostgreSQL's errors subclass them (pg/backend.py)
from dataclasses import replace
from typing import Any, Iterable, Sequence

from annotator.domain.model import Span, SpanStatus, Suggestion
from annotator.storage import events
from annotator.storage.labels import SUGGESTER, ensure_annotator
from annotator.storage.project import Project, json_column, now, reads

_SELECT = (
    'SELECT id, document_id, start, "end", label, annotator, status, attributes, source, provenance,'
    " created, updated FROM spans"
)


class DuplicateSpan(ValueError):
    """The same annotator already has a span with this start, end and label in this document."""


class SpanConflict(ValueError):
    """Someone else changed or deleted the span since the editor read it: nothing was overwritten."""

    def __init__(self, message: str, current: Span | None = None):
        super().__init__(message)
        self.current = current


# What an edit compares with the span the editor saw. ``updated`` is stamped by every writer (this
# module and team_ops), so it is the version the editor read; the content is compared as well, so two
# changes stamped in the same millisecond still differ unless they left the span exactly as seen.
_SEEN = ("start", "end", "label", "status", "attributes", "provenance", "updated")


def _check_seen(project: Project, span_id: str, expect: Span | int | None) -> None:
    """On a team server (PostgreSQL) an edit of a span names what its editor saw (``expect``: the span
    as read, or its server version from team_span_versions); the row is locked and compared, and a
    difference raises SpanConflict instead of overwriting another person's change silently. A SQLite
    project has one writer at a time and keeps its direct path unchanged."""
    if expect is None or project.dialect.sqlite:
        return
    row = project.execute(_SELECT + " WHERE id = ? FOR UPDATE", [span_id]).fetchone()
    current = _row_to_span(row, project) if row else None
    if current is None:
        raise SpanConflict(f"span {span_id} was deleted by someone else since you read it; nothing was changed")
    if isinstance(expect, int):
        seen = project.execute("SELECT version FROM team_span_versions WHERE span_id = ?", [span_id]).fetchone()
        if seen is not None and seen[0] != expect:
            raise SpanConflict(f"span {span_id} was changed by someone else (version {seen[0]}, you edited "
                               f"version {expect}); nothing was overwritten", current)
        return
    changed = [f for f in _SEEN if getattr(current, f) != getattr(expect, f)]
    if changed:
        raise SpanConflict(
            f"the {current.label} span at [{current.start}, {current.end}) was changed by someone else at "
            f"{current.updated} ({', '.join(changed)}) since you read it; nothing was overwritten", current)


def new_id() -> str:
    """A random (version 4) UUID as 32 hex digits: ``uuid.uuid4().hex`` without building a UUID object,
    ~10× faster (a 2 000-span import made 2 000 of them: ~20 ms of its ~100)."""
    return uuid4_hex(os.urandom(16))


def uuid4_hex(raw: bytes) -> str:
    """``uuid.UUID(bytes=raw, version=4).hex``: the variant (RFC 4122) and version bits set as uuid.py sets them."""
    value = int.from_bytes(raw, "big") & ~(0xc000 << 48) & ~(0xf000 << 64) | (0x8000 << 48) | (4 << 76)
    return f"{value:032x}"


def _row_to_span(r: Sequence[Any], project: Project) -> Span:
    return Span(
        id=r[0], document_id=r[1], start=r[2], end=r[3], label=r[4], annotator=r[5], status=r[6],
        attributes=json_column(project, r[7], f"span {r[0]} attributes"), source=r[8],
        provenance=json_column(project, r[9], f"span {r[0]} provenance"), created=r[10], updated=r[11],
    )


def span_to_json(span: Span) -> dict[str, Any]:
    return {
        "id": span.id, "document_id": span.document_id, "start": span.start, "end": span.end,
        "label": span.label, "annotator": span.annotator, "status": span.status,
        "attributes": span.attributes, "source": span.source, "provenance": span.provenance,
        "created": span.created, "updated": span.updated,
    }


def _char_count(project: Project, doc_id: int) -> int:
    # char_count is stored after the texts, so reading it walks the row's overflow pages: O(document
    # size). Bulk callers look it up once per document (see add_spans), never once per span.
    row = project.execute("SELECT char_count FROM documents WHERE id = ?", [doc_id]).fetchone()
    if row is None:
        raise ValueError(f"no document {doc_id}")
    return row[0]


def _validate(project: Project, span: Span, lengths: dict[int, int] | None = None,
              labels: set[str] | None = None) -> None:
    if lengths is None:
        count = _char_count(project, span.document_id)
    elif span.document_id in lengths:
        count = lengths[span.document_id]
    else:
        count = lengths[span.document_id] = _char_count(project, span.document_id)
    if not (0 <= span.start < span.end <= count):
        raise ValueError(f"span [{span.start}, {span.end}) does not fit the document's {count} characters")
    if span.status not in SpanStatus.ALL:
        raise ValueError(f"unknown status {span.status!r}")
    if labels is not None:
        if span.label not in labels:
            raise ValueError(f"unknown label {span.label!r}")
    elif not project.execute("SELECT 1 FROM labels WHERE name = ?", [span.label]).fetchone():
        raise ValueError(f"unknown label {span.label!r}")


_INSERT = (
    'INSERT INTO spans (id, document_id, start, "end", label, annotator, status, attributes, source,'
    " provenance, created, updated) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
)


def _values(span: Span) -> list[Any]:
    return [span.id, span.document_id, span.start, span.end, span.label, span.annotator, span.status,
            json.dumps(span.attributes, ensure_ascii=False), span.source,
            json.dumps(span.provenance, ensure_ascii=False), span.created, span.updated]


def _json(value: dict) -> str:
    return "{}" if type(value) is dict and not value else json.dumps(value, ensure_ascii=False)  # most spans: {}


def _insert(project: Project, span: Span) -> None:
    project.execute(_INSERT, _values(span))


def insert_fixture_spans(project: Project, spans: Iterable[Span]) -> None:
    """Store spans that are valid by construction without checking them or logging an event: for
    benchmark fixtures only, where 100 000 checked inserts would take longer than what is measured.
    Each span needs its id and times set."""
    rows = list(spans)
    with project.write():
        for name in {s.annotator for s in rows}:
            ensure_annotator(project, name)
        project.executemany(_INSERT, [_values(s) for s in rows])


def find_identical(project: Project, span: Span) -> str | None:
    row = project.execute(
        'SELECT id FROM spans WHERE document_id = ? AND annotator = ? AND start = ? AND "end" = ? AND label = ?',
        [span.document_id, span.annotator, span.start, span.end, span.label],
    ).fetchone()
    return row[0] if row else None


def add_span(project: Project, span: Span, *, action: str = "span.add") -> Span:
    """Store a new span (or re-store a removed one, keeping its id and times, for undo)."""
    ensure_annotator(project, span.annotator)
    stamp = now()
    span = replace(span, id=span.id or new_id(), created=span.created or stamp, updated=span.updated or stamp)
    with project.write():
        _validate(project, span)
        if find_identical(project, span):
            raise DuplicateSpan(
                f"{span.annotator} already has a {span.label} span at [{span.start}, {span.end})"
            )
        try:
            # A savepoint: on a server another session may store the same span between the check above
            # and this insert; its unique index refuses ours, and the transaction must stay usable.
            with project.write():
                _insert(project, span)
        except sqlite3.IntegrityError:
            if find_identical(project, span):
                raise DuplicateSpan(
                    f"{span.annotator} already has a {span.label} span at [{span.start}, {span.end})") from None
            raise
        events.record(project, action, annotator=span.annotator, document_id=span.document_id,
                      entity="span", entity_id=span.id, after=span_to_json(span))
    return span


def add_spans(project: Project, spans: Iterable[Span], *, action: str = "span.import") -> tuple[int, int]:
    """Bulk insert in one transaction; identical duplicates (in the project or earlier in ``spans``) and
    spans whose id is taken are skipped. Returns (added, skipped). A span that does not fit its document,
    or has an unknown status or label, raises ValueError and nothing is stored.

    Set-based: the labels, the documents' lengths and the existing spans of each (document, annotator)
    are read once, and the new rows go in with one executemany — four statements per span made a
    2 000-span import ~4× slower (issue 19, the Label Studio row)."""
    stamp = now()
    with project.write():
        labels = {row[0] for row in project.execute("SELECT name FROM labels").fetchall()}
        lengths: dict[int, int] = {}
        taken: dict[tuple[int, str], set[tuple[int, int, str]]] = {}
        rows, ids, skipped, annotators = [], set(), 0, set()
        for span in spans:
            annotators.add(span.annotator)
            if span.document_id not in lengths:
                lengths[span.document_id] = _char_count(project, span.document_id)
            count = lengths[span.document_id]
            if not (0 <= span.start < span.end <= count):
                raise ValueError(f"span [{span.start}, {span.end}) does not fit the document's {count} characters")
            if span.status not in SpanStatus.ALL:
                raise ValueError(f"unknown status {span.status!r}")
            if span.label not in labels:
                raise ValueError(f"unknown label {span.label!r}")
            layer = (span.document_id, span.annotator)
            if layer not in taken:
                taken[layer] = {tuple(r) for r in project.execute(
                    'SELECT start, "end", label FROM spans WHERE document_id = ? AND annotator = ?', list(layer))}
            where = (span.start, span.end, span.label)
            span_id = span.id or new_id()
            if where in taken[layer] or span_id in ids:
                skipped += 1
                continue
            taken[layer].add(where)
            ids.add(span_id)
            rows.append([span_id, span.document_id, span.start, span.end, span.label, span.annotator,
                         span.status, _json(span.attributes), span.source, _json(span.provenance),
                         span.created or stamp, span.updated or stamp])
        given = [row[0] for row in rows]
        existing: set[str] = set()
        for i in range(0, len(given), 500):  # ids already stored (a re-import of our own export keeps them)
            chunk = given[i:i + 500]
            existing.update(r[0] for r in project.execute(
                f"SELECT id FROM spans WHERE id IN ({','.join('?' * len(chunk))})", chunk))
        if existing:
            skipped += sum(1 for row in rows if row[0] in existing)
            rows = [row for row in rows if row[0] not in existing]
        for name in annotators:
            ensure_annotator(project, name)
        if rows:
            project.executemany(_INSERT, rows)
            # One person's layer (a member importing their own labels): the event is theirs too — a team
            # project's row-level security lets a member write only events of their own (issue 16).
            by = next(iter(annotators)) if len(annotators) == 1 else None
            events.record(project, action, annotator=by, after={"added": len(rows), "skipped": skipped})
    return len(rows), skipped


@reads
def get_span(project: Project, span_id: str) -> Span | None:
    row = project.execute(_SELECT + " WHERE id = ?", [span_id]).fetchone()
    return _row_to_span(row, project) if row else None


def remove_span(project: Project, span_id: str, *, by: str | None = None,
                expect: Span | int | None = None) -> Span | None:
    """Delete a span; ``expect`` (what the editor saw) makes a team server refuse a stale delete."""
    with project.write():
        _check_seen(project, span_id, expect)
        span = get_span(project, span_id)
        if span is None:
            return None
        project.execute("DELETE FROM spans WHERE id = ?", [span_id])
        events.record(project, "span.remove", annotator=by or span.annotator, document_id=span.document_id,
                      entity="span", entity_id=span_id, before=span_to_json(span))
    return span


def update_span(project: Project, span_id: str, *, by: str | None = None, expect: Span | int | None = None,
                **changes: Any) -> tuple[Span, Span]:
    """Change label, attributes, start/end or status. Returns (before, after). ``expect``: see _check_seen."""
    allowed = {"label", "attributes", "start", "end", "status", "provenance"}
    unknown = set(changes) - allowed
    if unknown:
        raise TypeError(f"cannot change {', '.join(sorted(unknown))}")
    with project.write():
        _check_seen(project, span_id, expect)
        before = get_span(project, span_id)
        if before is None:
            raise KeyError(f"no span {span_id}")
        after = replace(before, **changes, updated=now())
        _validate(project, after)
        other = find_identical(project, after)
        if other and other != span_id:
            raise DuplicateSpan(f"{after.annotator} already has a {after.label} span at [{after.start}, {after.end})")
        project.execute(
            'UPDATE spans SET start = ?, "end" = ?, label = ?, status = ?, attributes = ?, provenance = ?,'
            " updated = ? WHERE id = ?",
            [after.start, after.end, after.label, after.status, json.dumps(after.attributes, ensure_ascii=False),
             json.dumps(after.provenance, ensure_ascii=False), after.updated, span_id],
        )
        events.record(project, "span.update", annotator=by or before.annotator, document_id=before.document_id,
                      entity="span", entity_id=span_id, before=span_to_json(before), after=span_to_json(after))
    return before, after


@reads
def list_spans(
    project: Project,
    doc_id: int | None = None,
    *,
    annotators: Iterable[str] | None = None,
    statuses: Iterable[str] | None = None,
    label: str | None = None,
) -> list[Span]:
    where, params = [], []
    if doc_id is not None:
        where.append("document_id = ?")
        params.append(doc_id)
    if annotators is not None:
        names = list(annotators)
        where.append(f"annotator IN ({','.join('?' * len(names))})")
        params.extend(names)
    if statuses is not None:
        states = list(statuses)
        where.append(f"status IN ({','.join('?' * len(states))})")
        params.extend(states)
    if label is not None:
        where.append("label = ?")
        params.append(label)
    sql = _SELECT + (" WHERE " + " AND ".join(where) if where else "") + ' ORDER BY document_id, start, "end", label'
    return [_row_to_span(r, project) for r in project.execute(sql, params)]


@reads
def span_annotators(project: Project, *, status: str, doc_id: int | None = None) -> set[str]:
    """Names with at least one span of this status (in one document, or anywhere)."""
    sql = "SELECT DISTINCT annotator FROM spans WHERE status = ?"
    params: list[Any] = [status]
    if doc_id is not None:
        sql += " AND document_id = ?"
        params.append(doc_id)
    return {r[0] for r in project.execute(sql, params)}


# -- suggestions ---------------------------------------------------------------------------------
SUGGESTION_ONLY = ("confidence", "low_confidence")  # the suggester's sureness (suggest/modality.py, learner.py)

def replace_suggestions(project: Project, doc_id: int, suggestions: Iterable[Suggestion]) -> int:
    """Store a fresh set of suggestions for a document (the previous set is dropped).

    Annotators' acceptances and rejections are their own rows, so they survive this.
    """
    stamp = now()
    rows = []
    seen = set()
    for s in suggestions:
        key = (s.start, s.end, s.label)
        if key in seen:
            continue
        seen.add(key)
        # How sure the suggester is belongs to the suggestion, not to the label: it goes to provenance, so
        # that accepting a suggestion (which copies its attributes) never exports "low_confidence".
        attributes = dict(s.attributes)
        sureness = {k: attributes.pop(k) for k in SUGGESTION_ONLY if k in attributes}
        rows.append(Span(id=new_id(), document_id=doc_id, start=s.start, end=s.end, label=s.label,
                         annotator=SUGGESTER, status=SpanStatus.SUGGESTED, attributes=attributes,
                         source=f"suggester:{s.rule}" if s.rule else "suggester",
                         provenance={"score": s.score, **sureness}, created=stamp, updated=stamp))
    with project.write():
        project.execute("DELETE FROM spans WHERE document_id = ? AND annotator = ?", [doc_id, SUGGESTER])
        # Checked, then stored in one call: three statements per suggestion were three round trips each
        # on a team server (a 400-section report's 4 788 suggestions: 14 s against 4 s, most of it the
        # suggester's own work, on a loaded machine; the window said "busy" meanwhile; issue 16).
        lengths: dict[int, int] = {}
        labels = {row[0] for row in project.execute("SELECT name FROM labels").fetchall()}
        for span in rows:
            _validate(project, span, lengths, labels)
        project.executemany(_INSERT, [_values(span) for span in rows])
        events.record(project, "suggest.run", annotator=SUGGESTER, document_id=doc_id, entity="document",
                      entity_id=doc_id, after={"suggestions": len(rows)})
    return len(rows)


@reads
def open_suggestions(project: Project, doc_id: int, annotator: str) -> list[Span]:
    """Suggestions this annotator has neither accepted (has an identical span) nor rejected."""
    sql = _SELECT + """ AS s WHERE s.document_id = ? AND s.annotator = ? AND NOT EXISTS (
            SELECT 1 FROM spans o WHERE o.document_id = s.document_id AND o.annotator = ?
            AND o.start = s.start AND o."end" = s."end" AND o.label = s.label)
        ORDER BY s.start, s."end", s.label"""
    return [_row_to_span(r, project) for r in project.execute(sql, [doc_id, SUGGESTER, annotator])]


def _answer(project: Project, suggestion: Span, annotator: str, status: str, action: str) -> Span:
    """The annotator's own row for a suggestion: an accepted span, or the record of a rejection."""
    span = Span(document_id=suggestion.document_id, start=suggestion.start, end=suggestion.end,
                label=suggestion.label, annotator=annotator, status=status,
                attributes=dict(suggestion.attributes), source=suggestion.source,
                provenance={"suggestion": suggestion.id})
    return add_span(project, span, action=action)


def accept_suggestion(project: Project, suggestion: Span, annotator: str) -> Span:
    return _answer(project, suggestion, annotator, SpanStatus.ACCEPTED, "suggestion.accept")


def reject_suggestion(project: Project, suggestion: Span, annotator: str) -> Span:
    return _answer(project, suggestion, annotator, SpanStatus.REJECTED, "suggestion.reject")
