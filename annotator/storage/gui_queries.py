"""Small reads and writes the desktop app needs that no other layer does (kept out of annotator/gui,
which holds no SQL): has a document been suggested, renaming a document."""

from __future__ import annotations

from annotator.storage import events
from annotator.storage.store import StoreBackend


def title_and_text(project: StoreBackend, doc_id: int) -> tuple[str, str] | None:
    """(title, clean text) of a document, None when it no longer exists: what opening it in the window
    needs. get_document also reads and inflates the raw text and parses the import report — about a
    tenth of the first paint of a 100 000-character report, for nothing the window shows (session 8)."""
    row = project.execute("SELECT title, clean_text FROM documents WHERE id = ?", [doc_id]).fetchone()
    return None if row is None else (row[0] or "", row[1])


def was_suggested(project: StoreBackend, doc_id: int) -> bool:
    """True once the suggester ran on this document (its run is in the event log)."""
    return project.execute(
        "SELECT 1 FROM events WHERE document_id = ? AND action = 'suggest.run' LIMIT 1", [doc_id]
    ).fetchone() is not None


def rename_document(project: StoreBackend, doc_id: int, title: str, *, annotator: str | None = None) -> str:
    """Set a document's title (event-logged with the old one). Returns the old title."""
    title = " ".join(title.split())
    if not title:
        raise ValueError("a document title cannot be empty")
    with project.write():
        row = project.execute("SELECT title FROM documents WHERE id = ?", [doc_id]).fetchone()
        if row is None:
            raise KeyError(f"no document {doc_id}")
        project.execute("UPDATE documents SET title = ? WHERE id = ?", [title, doc_id])
        events.record(project, "document.rename", annotator=annotator, document_id=doc_id, entity="document",
                      entity_id=doc_id, before={"title": row[0]}, after={"title": title})
    return row[0]


def open_suggestions_at(project: StoreBackend, doc_id: int, annotator: str,
                        keys: list[tuple[int, int, str]]) -> list:
    """The open suggestions (as ``spans.open_suggestions`` decides) among those with these
    (start, end, label) keys — what one keystroke can have answered or re-opened."""
    from annotator.storage import spans as span_store  # noqa: PLC0415

    keys = list(dict.fromkeys(keys))
    if not keys:
        return []
    wanted = " OR ".join('(s.start = ? AND s."end" = ? AND s.label = ?)' for _ in keys)
    sql = span_store._SELECT + f""" AS s WHERE s.document_id = ? AND s.annotator = ? AND ({wanted})
        AND NOT EXISTS (SELECT 1 FROM spans o WHERE o.document_id = s.document_id AND o.annotator = ?
            AND o.start = s.start AND o."end" = s."end" AND o.label = s.label)"""
    params = [doc_id, span_store.SUGGESTER, *(x for key in keys for x in key), annotator]
    return [span_store._row_to_span(r, project) for r in project.execute(sql, params)]
