"""Small reads and writes the desktop app needs that no other layer does (kept out of annotator/gui,
which holds no SQL): has a document been suggested, renaming a document."""

from __future__ import annotations

from annotator.storage import events
from annotator.storage.project import Project


def was_suggested(project: Project, doc_id: int) -> bool:
    """True once the suggester ran on this document (its run is in the event log)."""
    return project.conn.execute(
        "SELECT 1 FROM events WHERE document_id = ? AND action = 'suggest.run' LIMIT 1", [doc_id]
    ).fetchone() is not None


def rename_document(project: Project, doc_id: int, title: str, *, annotator: str | None = None) -> str:
    """Set a document's title (event-logged with the old one). Returns the old title."""
    title = " ".join(title.split())
    if not title:
        raise ValueError("a document title cannot be empty")
    with project.write():
        row = project.conn.execute("SELECT title FROM documents WHERE id = ?", [doc_id]).fetchone()
        if row is None:
            raise KeyError(f"no document {doc_id}")
        project.conn.execute("UPDATE documents SET title = ? WHERE id = ?", [title, doc_id])
        events.record(project, "document.rename", annotator=annotator, document_id=doc_id, entity="document",
                      entity_id=doc_id, before={"title": row[0]}, after={"title": title})
    return row[0]
