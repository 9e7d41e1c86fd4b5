"""Delete a document so that it can come back: everything that hangs on it is read out first.

``trash_document`` reads the document row and every row that goes with it (outline, outline edits,
spans of every annotator and status, progress marks, notes, the jieba word index row), deletes the
document (the foreign keys cascade the rest) and records one ``document.delete`` event — all in one
transaction, so a failure leaves the document whole. It returns a ``TrashedDocument``: the undo step of
the GUI holds it and ``restore_document`` writes every row back with its own id (spans keep their ids,
so notes on them and exports made before still match) and records ``document.restore``.

Rows are carried as column → value dicts read with ``SELECT *``: a column added by a later migration
comes back too, without this module knowing it. Backend-neutral (base.StoreBase's surface); the one
difference is the jieba word index row: an FTS5 row keyed by ``rowid`` (its words as one text) on
SQLite, a ``document_id`` row holding an array on PostgreSQL — carried as the backend stores it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.storage import events, search
from annotator.storage.project import reads
from annotator.storage.store import StoreBackend

# Tables whose rows belong to one document (column document_id), in the order they are written back.
_CHILDREN = ("sections", "section_edits", "spans", "doc_status", "comments")
# Integer row ids nothing else refers to by value: another document may have been given one of them
# since the deletion, so those rows take a new id then (span and comment ids are UUIDs and stay).
_RENUMBERED = ("sections", "section_edits")


@dataclass
class TrashedDocument:
    """A deleted document and every row that went with it, enough to write it back exactly."""

    document: dict[str, Any]
    children: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    # the document's row in the jieba word index (documents_words): text on SQLite, a list on PostgreSQL
    words: Any = None

    @property
    def id(self) -> int:
        return int(self.document["id"])

    @property
    def title(self) -> str:
        return str(self.document.get("title") or "")

    def counts(self) -> dict[str, int]:
        """How many rows of each kind go with it (for the confirmation and the event)."""
        return {table: len(rows) for table, rows in self.children.items()}


def _rows(project: StoreBackend, sql: str, params: list) -> list[dict[str, Any]]:
    return project.query(sql, params)


def _words_key(project: StoreBackend) -> str:
    return "rowid" if project.dialect.sqlite else "document_id"


@reads
def snapshot(project: StoreBackend, doc_id: int) -> TrashedDocument | None:
    """Everything of one document as stored, or None when there is no such document."""
    found = _rows(project, "SELECT * FROM documents WHERE id = ?", [doc_id])
    if not found:
        return None
    children = {table: _rows(project, f"SELECT * FROM {table} WHERE document_id = ?", [doc_id])  # noqa: S608
                for table in _CHILDREN}
    words = project.fetchone(f"SELECT words FROM documents_words WHERE {_words_key(project)} = ?", [doc_id])
    return TrashedDocument(found[0], children, words[0] if words else None)


@reads
def impact(project: StoreBackend, doc_id: int) -> dict[str, Any]:
    """What deleting would take with it, for a confirmation: spans per annotator, notes, sections."""
    per_annotator = dict(project.fetchall(
        "SELECT annotator, count(*) FROM spans WHERE document_id = ? AND status IN ('accepted', 'gold')"
        " GROUP BY annotator ORDER BY annotator", [doc_id]))
    notes = project.scalar("SELECT count(*) FROM comments WHERE document_id = ?", [doc_id])
    return {"spans": per_annotator, "notes": notes}


def trash_document(project: StoreBackend, doc_id: int, *, by: str | None = None) -> TrashedDocument:
    """Delete a document with everything on it; returns what ``restore_document`` needs. KeyError when
    there is no such document (already deleted elsewhere)."""
    with project.write():
        trashed = snapshot(project, doc_id)
        if trashed is None:
            raise KeyError(f"no document {doc_id}")
        search.forget_words(project, doc_id)
        project.execute("DELETE FROM documents WHERE id = ?", [doc_id])  # children cascade
        events.record(project, "document.delete", annotator=by, document_id=doc_id, entity="document",
                      entity_id=doc_id, before={"title": trashed.title, "sha256": trashed.document.get("sha256"),
                                                **trashed.counts()})
    return trashed


def _insert(project: StoreBackend, table: str, row: dict[str, Any]) -> None:
    names = list(row)
    columns = ", ".join(f'"{n}"' for n in names)
    marks = ", ".join("?" for _ in names)
    project.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", [row[n] for n in names])  # noqa: S608


def restore_document(project: StoreBackend, trashed: TrashedDocument, *, by: str | None = None) -> int:
    """Write a trashed document back with its id and every row that went with it. ValueError when the
    project meanwhile holds the same text (re-imported) or another document took its id; nothing is
    written then."""
    with project.write():
        doc_id, sha = trashed.id, trashed.document.get("sha256")
        if project.fetchone("SELECT 1 FROM documents WHERE id = ?", [doc_id]):
            raise ValueError(f"document id {doc_id} is in use again; “{trashed.title}” cannot be restored")
        if project.fetchone("SELECT 1 FROM documents WHERE sha256 = ?", [sha]):
            raise ValueError(f"“{trashed.title}” was imported again meanwhile; it is not restored twice")
        labels = {r[0] for r in project.fetchall("SELECT name FROM labels")}
        missing = sorted({s["label"] for s in trashed.children.get("spans", [])} - labels)
        if missing:
            raise ValueError(f"“{trashed.title}” cannot be restored: its spans use labels no longer in the "
                             f"project ({', '.join(missing)})")
        for span in trashed.children.get("spans", []):  # an annotator removed meanwhile comes back
            project.execute("INSERT INTO annotators (name, created) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                            [span["annotator"], span.get("created") or ""])
        _insert(project, "documents", trashed.document)
        for table in _CHILDREN:
            for row in trashed.children.get(table, []):
                if table in _RENUMBERED and project.fetchone(
                        f"SELECT 1 FROM {table} WHERE id = ?", [row["id"]]):  # noqa: S608
                    row = {k: v for k, v in row.items() if k != "id"}  # id reused meanwhile: a new one
                _insert(project, table, row)
        if trashed.words is not None:
            project.execute(f"INSERT INTO documents_words ({_words_key(project)}, words) VALUES (?, ?)",
                            [doc_id, trashed.words])
        events.record(project, "document.restore", annotator=by, document_id=doc_id, entity="document",
                      entity_id=doc_id, after={"title": trashed.title, "sha256": sha, **trashed.counts()})
    return doc_id
