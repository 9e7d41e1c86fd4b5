"""Reading documents with their outline and chosen spans in bulk, for exports.

Exports stream documents in id order and join them with one query over all selected spans and one
over all sections, both ordered by document: three cursors for the whole project, no per-span or
per-document queries (100 000 spans export in well under the 2 s budget, see exchange/bench.py).

The spans come from the same column list as every other span read (spans._SELECT) but stay rows
(``SpanRow``) with attributes and provenance as the stored JSON text: the native writer splices that
text into its lines after one check per document instead of parsing and re-encoding every span.
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import itemgetter
from typing import Any, Iterator, NamedTuple

from annotator.domain.model import Section
from annotator.storage import sections as section_store
from annotator.storage import spans as span_store
from annotator.storage.store import StoreBackend


@dataclass(frozen=True)
class SpanFilter:
    """Which spans: annotator names taken (None: any), names left out, and statuses taken."""

    statuses: tuple[str, ...]
    annotators: tuple[str, ...] | None = None
    excluded: tuple[str, ...] = ()

    def _where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.annotators is not None:
            clauses.append(f"annotator IN ({','.join('?' * len(self.annotators))})")
            params.extend(self.annotators)
        for name in self.excluded:
            clauses.append("annotator != ?")
            params.append(name)
        clauses.append(f"status IN ({','.join('?' * len(self.statuses))})")
        params.extend(self.statuses)
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


_DOCS_SQL = "SELECT id, title, source_path, clean_text, sha256, metadata FROM documents ORDER BY id"
# SQLite walks the spans_by_doc index for (document_id, start) but would sort every span again in a
# temporary B-tree for the remaining keys (twice the query's time on 100 000 spans); each document's
# spans, already nearly in order, are sorted on the full key in Python instead (timsort: ~linear).
_SPAN_ORDER = itemgetter(2, 3, 4, 5, 0)  # start, end, label, annotator, id
_new = tuple.__new__


def span_layers(project: StoreBackend, chosen: SpanFilter) -> list[str]:
    """The annotator names that have chosen spans, sorted."""
    where, params = chosen._where()
    sql = f"SELECT DISTINCT annotator FROM spans WHERE {where} ORDER BY annotator"
    return [r[0] for r in project.execute(sql, params)]


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


def iter_documents(project: StoreBackend, chosen: SpanFilter) -> Iterator[tuple[DocumentRow, list[Section], list[SpanRow]]]:
    """Every document (id order) with its stored outline and its chosen spans (sorted by start)."""
    where, params = chosen._where()
    # Separate cursors so the three streams advance together without loading every text at once.
    spans = _grouped(project.stream(
        span_store._SELECT + f" WHERE {where} ORDER BY document_id, start", params), 1)
    sections = _grouped(project.stream(section_store._SELECT + " ORDER BY document_id, ord"), 0)
    next_spans = next(spans, None)
    next_sections = next(sections, None)
    for row in project.stream(_DOCS_SQL):
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
            doc_sections = [section_store._row_to_section(r) for r in next_sections[1]]
            next_sections = next(sections, None)
        yield doc, doc_sections, doc_spans
