"""Accepted spans and reference outlines streamed document by document, in document order.

Agreement over a whole project needs each document's layers once, together, and never two documents at
a time: holding every Span of a 100 000-document project took 5.1 GB. These generators read one ordered
cursor (``project.stream``) and yield one document's rows at a time, so memory follows the largest
document, not the project. Same columns and row conversion as spans.py / sections.py.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from annotator.domain.model import Section, Span, SpanStatus
from annotator.storage.project import Project
from annotator.storage.sections import _SELECT as _SECTIONS
from annotator.storage.sections import _row_to_section
from annotator.storage.spans import _SELECT, _row_to_span


IN_LIMIT = 500  # up to this many chosen documents are named in the query; more are filtered while reading


def accepted_by_document(project: Project, annotators: Iterable[str], *, label: str | None = None,
                         doc_ids: Iterable[int] | None = None) -> Iterator[tuple[int, list[Span]]]:
    """(document id, its accepted spans of ``annotators``) for each document holding any, in id order;
    spans ordered by start, end, label. ``doc_ids`` keeps only those documents (a long list is checked
    while reading, not sent as a 100 000-element IN list)."""
    names = list(annotators)
    if not names:
        return
    wanted = None if doc_ids is None else set(doc_ids)
    where = [f"annotator IN ({', '.join('?' * len(names))})", "status = ?"]
    params: list = [*names, SpanStatus.ACCEPTED]
    if label is not None:
        where.append("label = ?")
        params.append(label)
    if wanted is not None and len(wanted) <= IN_LIMIT:  # a few documents (the review window's one): by index
        if not wanted:
            return
        where.append(f"document_id IN ({', '.join('?' * len(wanted))})")
        params.extend(sorted(wanted))
    sql = _SELECT + " WHERE " + " AND ".join(where) + ' ORDER BY document_id, start, "end", label, annotator'
    current, batch = None, []
    for row in project.stream(sql, params):
        doc = row[1]
        if wanted is not None and doc not in wanted:
            continue
        if doc != current:
            if batch:
                yield current, batch
            current, batch = doc, []
        batch.append(_to_span(row, project))
    if batch:
        yield current, batch


def _to_span(r, project: Project) -> Span:
    """spans._row_to_span, without a JSON parse for the empty object most rows hold (two parses per row
    were a tenth of a 20-annotator report)."""
    if r[7] != "{}" or r[9] != "{}":
        return _row_to_span(r, project)
    return Span(id=r[0], document_id=r[1], start=r[2], end=r[3], label=r[4], annotator=r[5], status=r[6],
                attributes={}, source=r[8], provenance={}, created=r[10], updated=r[11])


class OutlineCursor:
    """The stored outline of each document, read forward in document order by one cursor: ``get(doc)``
    for increasing ``doc`` returns that document's sections (empty when it has none)."""

    def __init__(self, project: Project) -> None:
        self._rows = iter(project.stream(_SECTIONS + " ORDER BY document_id, ord"))
        self._next = next(self._rows, None)

    def get(self, doc_id: int) -> list[Section]:
        while self._next is not None and self._next[0] < doc_id:
            self._next = next(self._rows, None)
        out = []
        while self._next is not None and self._next[0] == doc_id:
            out.append(_row_to_section(self._next))
            self._next = next(self._rows, None)
        return out
