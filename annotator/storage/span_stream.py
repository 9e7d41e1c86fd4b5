"""Accepted spans and reference outlines streamed document by document, in document order.

Agreement over a whole project needs each document's layers once, together, and never two documents at
a time: holding every Span of a 100 000-document project took 5.1 GB. These generators read one ordered
cursor and yield one document's rows at a time, so memory follows the largest document, not the project.

What a 1 000-document × 20-annotator report spends here is per span, so each span costs little:
- only the columns a report reads (id, document, position, label, annotator, attributes);
- ordered by the database along the ``spans_identity`` index (document, annotator, start, end, label):
  on SQLite, when the report covers at least half the annotators, a scan of that index with no sort
  (``+annotator`` keeps the IN list from choosing the annotator index, which needed a temporary B-tree
  over every row: 0.7 → 0.3 s CPU for 128 000 spans); for a few annotators their index and a sort of
  their rows. Each annotator's spans come sorted by (start, end, label), which is what agreement needs;
- each row becomes a ``StreamedSpan`` — the row tuple itself, with Span's attribute names — not a Span
  dataclass (6× cheaper to make); ``as_span()`` gives the Span for the few a report lists;
- on PostgreSQL through a server-side cursor (pg/stream.py): the rows arrive in batches as they are
  read, instead of the whole result set before the first row is used.
"""

from __future__ import annotations

from operator import itemgetter
from typing import Iterable, Iterator

from annotator.domain.model import Section, Span, SpanStatus
from annotator.storage.project import Project, json_column
from annotator.storage.sections import _SELECT as _SECTIONS
from annotator.storage.sections import _row_to_section

IN_LIMIT = 500  # up to this many chosen documents are named in the query; more are filtered while reading
_COLUMNS = 'SELECT id, document_id, start, "end", label, annotator, attributes FROM spans'


class StreamedSpan(tuple):
    """One accepted span as the stream read it: (id, document_id, start, end, label, annotator,
    attributes), readable as a Span is (``x.start``, ``x.label``, ``x.attributes``…). ``attributes`` is a
    dict when the row held any, else the stored "{}" (read as a new empty dict)."""

    __slots__ = ()
    id = property(itemgetter(0))
    document_id = property(itemgetter(1))
    start = property(itemgetter(2))
    end = property(itemgetter(3))
    label = property(itemgetter(4))
    annotator = property(itemgetter(5))
    status = SpanStatus.ACCEPTED
    source = "manual"

    @property
    def attributes(self) -> dict:
        value = self[6]
        return {} if value == "{}" else value

    @property
    def provenance(self) -> dict:
        return {}

    @property
    def key(self) -> tuple[int, int, str]:
        return (self[2], self[3], self[4])

    def as_span(self) -> Span:
        """The Span (a report lists a few; provenance and timestamps are not read by the stream)."""
        return Span(start=self[2], end=self[3], label=self[4], annotator=self[5], status=SpanStatus.ACCEPTED,
                    attributes=dict(self.attributes), id=self[0], document_id=self[1])


def _rows(project: Project, sql: str, params: list) -> Iterator[tuple]:
    if project.dialect.sqlite:
        return project.stream(sql, params)
    from annotator.storage.pg.stream import server_rows  # noqa: PLC0415 - psycopg only for team projects

    return server_rows(project, sql, params)


def accepted_by_document(project: Project, annotators: Iterable[str], *, label: str | None = None,
                         doc_ids: Iterable[int] | None = None) -> Iterator[tuple[int, list[StreamedSpan]]]:
    """(document id, its accepted spans of ``annotators``) for each document holding any, in id order;
    spans ordered by annotator, then start, end, label (so each annotator's are in (start, end, label)
    order). ``doc_ids`` keeps only those documents (a long list is checked while reading, not sent as a
    100 000-element IN list)."""
    names = list(annotators)
    if not names:
        return
    wanted = None if doc_ids is None else set(doc_ids)
    member = "annotator"
    if project.dialect.sqlite and 2 * len(names) >= project.fetchone("SELECT count(*) FROM annotators")[0]:
        member = "+annotator"  # most of the team: scan spans_identity in order (module docstring)
    where = [f"{member} IN ({', '.join('?' * len(names))})", "status = ?"]
    params: list = [*names, SpanStatus.ACCEPTED]
    if label is not None:
        where.append("label = ?")
        params.append(label)
    if wanted is not None and len(wanted) <= IN_LIMIT:  # a few documents (the review window's one): by index
        if not wanted:
            return
        where.append(f"document_id IN ({', '.join('?' * len(wanted))})")
        params.extend(sorted(wanted))
    sql = _COLUMNS + " WHERE " + " AND ".join(where) + ' ORDER BY document_id, annotator, start, "end", label'
    current, batch = None, []
    make = StreamedSpan
    for row in _rows(project, sql, params):
        doc = row[1]
        if doc != current:
            if batch:
                yield current, batch
            current, batch = doc, []
            skip = wanted is not None and doc not in wanted
        if skip:
            continue
        if row[6] != "{}":  # the rare span with attributes: parsed once, damage named
            row = (*row[:6], json_column(project, row[6], f"span {row[0]} attributes"))
        batch.append(make(row))
    if batch:
        yield current, batch


class OutlineCursor:
    """The stored outline of each document, read forward in document order by one cursor: ``get(doc)``
    for increasing ``doc`` returns that document's sections (empty when it has none)."""

    def __init__(self, project: Project) -> None:
        self._rows = iter(_rows(project, _SECTIONS + " ORDER BY document_id, ord", []))
        self._next = next(self._rows, None)

    def get(self, doc_id: int) -> list[Section]:
        while self._next is not None and self._next[0] < doc_id:
            self._next = next(self._rows, None)
        out = []
        while self._next is not None and self._next[0] == doc_id:
            out.append(_row_to_section(self._next))
            self._next = next(self._rows, None)
        return out
