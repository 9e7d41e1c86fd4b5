"""Which spans an export takes, and reading documents with their outline and spans in bulk.

Exports stream documents in id order and join them with one query over all selected spans and one
over all sections, both ordered by document: three cursors for the whole project, no per-span or
per-document queries (100 000 spans export in well under the 2 s budget, see bench.py).
"""

from __future__ import annotations

import json
from operator import itemgetter
from dataclasses import dataclass
from typing import Any, Iterator, NamedTuple

from annotator.domain.model import Section, SpanStatus
from annotator.storage.labels import GOLD, SUGGESTER
from annotator.storage.project import Project


@dataclass(frozen=True)
class Selection:
    """The layers to export.

    ``annotators=None`` means every human annotator and gold; naming annotators takes only those (plus
    gold with ``gold=True``); ``gold=True`` alone takes only gold. Suggestions (the @suggester layer)
    and an annotator's rejected suggestions are left out unless asked for.
    """

    annotators: tuple[str, ...] | None = None
    gold: bool = False
    include_suggestions: bool = False
    include_rejected: bool = False

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.annotators is not None:
            names = list(self.annotators) + ([GOLD] if self.gold else [])
            if self.include_suggestions:
                names.append(SUGGESTER)
            clauses.append(f"annotator IN ({','.join('?' * len(names))})")
            params.extend(names)
        elif self.gold:
            names = [GOLD] + ([SUGGESTER] if self.include_suggestions else [])
            clauses.append(f"annotator IN ({','.join('?' * len(names))})")
            params.extend(names)
        elif not self.include_suggestions:
            clauses.append("annotator != ?")
            params.append(SUGGESTER)
        statuses = [SpanStatus.ACCEPTED, SpanStatus.GOLD]
        if self.include_rejected:
            statuses.append(SpanStatus.REJECTED)
        if self.include_suggestions:
            statuses.append(SpanStatus.SUGGESTED)
        clauses.append(f"status IN ({','.join('?' * len(statuses))})")
        params.extend(statuses)
        return " AND ".join(clauses), params


class SpanRow(NamedTuple):
    """A span as stored: attributes and provenance still JSON text (parsed only by those who need it)."""

    id: str
    document_id: int
    start: int
    end: int
    label: str
    annotator: str
    status: str
    attributes: str
    source: str
    provenance: str
    created: str
    updated: str


class DocumentRow(NamedTuple):
    id: int
    title: str
    source_path: str | None
    text: str
    sha256: str
    metadata: str


@dataclass
class DocumentBundle:
    document: DocumentRow
    sections: list[Section]
    spans: list[SpanRow]


_SPANS_SQL = (
    'SELECT id, document_id, start, "end", label, annotator, status, attributes, source, provenance,'
    ' created, updated FROM spans WHERE {where} ORDER BY document_id, start'
)
# SQLite walks the spans_by_doc index for (document_id, start) but would sort every span again in a
# temporary B-tree for the remaining keys (twice the query's time on 100 000 spans); each document's
# spans, already nearly in order, are sorted on the full key in Python instead (timsort: ~linear).
_SPAN_ORDER = itemgetter(2, 3, 4, 5, 0)  # start, end, label, annotator, id
_SECTIONS_SQL = (
    'SELECT document_id, parent_ord, level, marker, title, start, "end", title_start, title_end, kind,'
    " ordinal, confidence, source FROM sections ORDER BY document_id, ord"
)
_DOCS_SQL = "SELECT id, title, source_path, clean_text, sha256, metadata FROM documents ORDER BY id"


def layers(project: Project, selection: Selection) -> list[str]:
    """The annotator names that have selected spans, sorted (the files of a per-annotator export)."""
    where, params = selection.where()
    sql = f"SELECT DISTINCT annotator FROM spans WHERE {where} ORDER BY annotator"
    return [r[0] for r in project.conn.execute(sql, params)]


def _grouped(cursor, key_index: int) -> Iterator[tuple[int, list]]:
    current, bucket = None, []
    for row in cursor:
        key = row[key_index]
        if key != current:
            if bucket:
                yield current, bucket
            current, bucket = key, []
        bucket.append(row)
    if bucket:
        yield current, bucket


def _section(row) -> Section:
    return Section(parent=row[1], level=row[2], marker=row[3], title=row[4], start=row[5], end=row[6],
                   title_start=row[7], title_end=row[8], kind=row[9], ordinal=row[10], confidence=row[11],
                   source=row[12])


_new = tuple.__new__


def iter_bundles(project: Project, selection: Selection) -> Iterator[DocumentBundle]:
    """Every document (id order) with its stored outline and its selected spans (sorted by start)."""
    where, params = selection.where()
    # Separate cursors so the three streams advance together without loading every text at once.
    spans = _grouped(project.conn.cursor().execute(_SPANS_SQL.format(where=where), params), 1)
    sections = _grouped(project.conn.cursor().execute(_SECTIONS_SQL), 0)
    next_spans = next(spans, None)
    next_sections = next(sections, None)
    for row in project.conn.cursor().execute(_DOCS_SQL):
        doc = DocumentRow(*row)
        doc_spans: list[SpanRow] = []
        doc_sections: list[Section] = []
        while next_spans is not None and next_spans[0] < doc.id:
            next_spans = next(spans, None)  # spans of a vanished document cannot exist (foreign key)
        if next_spans is not None and next_spans[0] == doc.id:
            # tuple.__new__ builds the named tuple in C (SpanRow(*r) runs a Python-level __new__).
            doc_spans = [_new(SpanRow, r) for r in sorted(next_spans[1], key=_SPAN_ORDER)]
            next_spans = next(spans, None)
        while next_sections is not None and next_sections[0] < doc.id:
            next_sections = next(sections, None)
        if next_sections is not None and next_sections[0] == doc.id:
            doc_sections = [_section(r) for r in next_sections[1]]
            next_sections = next(sections, None)
        yield DocumentBundle(doc, doc_sections, doc_spans)


def loads(text: str) -> Any:
    return json.loads(text) if text else {}
