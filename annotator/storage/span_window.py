"""What the first screens of a long document need before they are painted — one annotator's spans and
open suggestions touching a range, and the outline's first sections (the rest is read right after,
gui/session.py).

Reading all 2 400 spans of a 100 000-character report (rows, JSON columns, objects) took ~35 ms of CPU
before anything was shown, twice what Qt needs to lay out and paint the text itself; the first screen
holds a few dozen of them. Same columns, row conversion and "open" rule as storage/spans.py (its
``_SELECT`` and ``_row_to_span``), restricted to spans with ``start < hi`` and ``end > lo``.
Backend-neutral (base.StoreBase's surface).
"""

from __future__ import annotations

from annotator.domain.model import Span
from annotator.storage.project import reads
from annotator.storage.store import StoreBackend
from annotator.domain.model import Section
from annotator.storage.labels import SUGGESTER
from annotator.storage.sections import _SELECT as _SECTIONS
from annotator.storage.sections import _row_to_section
from annotator.storage.spans import _SELECT, _row_to_span


@reads
def spans_touching(project: StoreBackend, doc_id: int, annotator: str, lo: int, hi: int) -> tuple[list[Span], list[Span]]:
    """(accepted spans of ``annotator``, suggestions still open for them) overlapping [lo, hi), in text
    order — the same rows ``list_spans`` / ``open_suggestions`` give, cut to the range."""
    accepted = [_row_to_span(r, project) for r in project.fetchall(
        _SELECT + ' WHERE document_id = ? AND annotator = ? AND status = \'accepted\' AND start < ? AND "end" > ?'
        ' ORDER BY start, "end", label', [doc_id, annotator, hi, lo])]
    suggested = [_row_to_span(r, project) for r in project.fetchall(
        _SELECT + """ AS s WHERE s.document_id = ? AND s.annotator = ? AND s.start < ? AND s."end" > ?
            AND NOT EXISTS (SELECT 1 FROM spans o WHERE o.document_id = s.document_id AND o.annotator = ?
            AND o.start = s.start AND o."end" = s."end" AND o.label = s.label)
        ORDER BY s.start, s."end", s.label""", [doc_id, SUGGESTER, hi, lo, annotator])]
    return accepted, suggested


@reads
def sections_before(project: StoreBackend, doc_id: int, limit: int) -> list[Section]:
    """The stored outline's sections starting before ``limit``: a prefix of ``get_sections`` (sections are
    stored in text order and a parent comes before its children, so every ``parent`` index stays valid)."""
    rows = project.fetchall(_SECTIONS + " WHERE document_id = ? AND start < ? ORDER BY ord", [doc_id, limit])
    return [_row_to_section(r) for r in rows]
