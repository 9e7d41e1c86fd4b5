"""Delete a document so that it can come back, until the trash is emptied.

``trash_document`` reads the document row and every row that goes with it (outline, outline edits,
spans of every annotator and status, progress marks, notes, the jieba word index row), deletes the
document (the foreign keys cascade the rest), keeps all of it as one row of the ``trash`` table (schema
step 0006) and records one ``document.delete`` event naming that row — all in one transaction, so a
failure leaves the document whole. ``restore_document`` writes every row back with its own id (spans
keep their ids, so notes on them and exports made before still match), removes the trash row and
records ``document.restore``; because the trash is in the project, this works after a restart too (the
undo history is rebuilt from the delete event: services/history.py ``trash_history``).

``empty_trash`` is the one way out: it deletes trash rows for good (``trash.empty`` event: which
documents, never their text). On SQLite the deleted pages are overwritten (``secure_delete``), the
search indexes are merged so no segment keeps the text's trigrams, and the log is checkpointed and
truncated, so the text is gone from the file, not only from the tables. PostgreSQL reclaims the space
at its next VACUUM (the rows are invisible to every reader at once).

Rows are carried as column → value dicts read with ``SELECT *``: a column added by a later migration
comes back too, without this module knowing it. Backend-neutral (base.StoreBase's surface); the one
difference is the jieba word index row: an FTS5 row keyed by ``rowid`` (its words as one text) on
SQLite, a ``document_id`` row holding an array on PostgreSQL — carried as the backend stores it.
"""

from __future__ import annotations

import base64
import json
import zlib
from dataclasses import dataclass, field
from typing import Any

from annotator.storage import events, search
from annotator.storage.project import now, reads
from annotator.storage.store import StoreBackend

# Why a document is in the trash: deleted by a person, or an import taken back (its redo restores it).
REASONS = ("delete", "import.undo")
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
    trash_id: int | None = None  # its row in the trash table, once trashed

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


def _pack(trashed: TrashedDocument) -> bytes:
    """The rows as zlib-compressed JSON. Bytes values: the raw text (documents.raw_zlib, compressed at
    level 1) goes in as text when compressing it again gives the very same bytes — the raw and the clean
    text then compress together (a base64 of compressed bytes does not compress at all: the trash row was
    1.8× the clean text that way); any other bytes as base64."""
    def default(value):
        if isinstance(value, (bytes, bytearray, memoryview)):
            value = bytes(value)
            try:
                text = zlib.decompress(value).decode("utf-8")
                if zlib.compress(text.encode("utf-8"), 1) == value:
                    return {"$zlib1": text}
            except (zlib.error, UnicodeDecodeError):
                pass
            return {"$bytes": base64.b64encode(value).decode("ascii")}
        raise TypeError(f"cannot keep a {type(value).__name__} in the trash")
    data = {"document": trashed.document, "children": trashed.children, "words": trashed.words}
    return zlib.compress(json.dumps(data, ensure_ascii=False, default=default).encode("utf-8"), 6)


def _unpack(blob: bytes, trash_id: int) -> TrashedDocument:
    def hook(obj):
        if set(obj) == {"$zlib1"}:
            return zlib.compress(obj["$zlib1"].encode("utf-8"), 1)
        return base64.b64decode(obj["$bytes"]) if set(obj) == {"$bytes"} else obj
    try:
        data = json.loads(zlib.decompress(bytes(blob)).decode("utf-8"), object_hook=hook)
        return TrashedDocument(data["document"], data["children"], data["words"], trash_id)
    except (zlib.error, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"trash entry {trash_id} is damaged and cannot be restored ({exc})") from None


def _scrub(project: StoreBackend) -> None:
    """SQLite: overwrite what this connection deletes from now on (the text must leave the file, not only
    the table). A connection flag, not part of the transaction; PostgreSQL has no such thing."""
    if project.dialect.sqlite:
        project.execute("PRAGMA secure_delete=ON")


def trash_document(project: StoreBackend, doc_id: int, *, by: str | None = None,
                   reason: str = "delete") -> TrashedDocument:
    """Move a document with everything on it into the trash; returns what was moved (``trash_id`` set).
    KeyError when there is no such document (already deleted elsewhere). ``reason``: "delete", or
    "import.undo" when an import is taken back (``trash_documents``)."""
    if reason not in REASONS:
        raise ValueError(f"unknown reason {reason!r} for the trash")
    _scrub(project)  # the document's pages: its text then lives only in the (compressed) trash row
    with project.write():
        trashed = snapshot(project, doc_id)
        if trashed is None:
            raise KeyError(f"no document {doc_id}")
        search.forget_words(project, doc_id)
        project.execute("DELETE FROM documents WHERE id = ?", [doc_id])  # children cascade
        trashed.trash_id = project.insert_id(
            "INSERT INTO trash (document_id, title, sha256, deleted_at, deleted_by, reason, content)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [doc_id, trashed.title, trashed.document.get("sha256") or "", now(), by, reason, _pack(trashed)],
            table="trash")
        events.record(project, "document.delete", annotator=by, document_id=doc_id, entity="document",
                      entity_id=doc_id, before={"title": trashed.title, "sha256": trashed.document.get("sha256"),
                                                "trash_id": trashed.trash_id, "reason": reason, **trashed.counts()})
    return trashed


def trash_documents(project: StoreBackend, doc_ids, *, by: str | None = None,
                    reason: str = "import.undo") -> list[int]:
    """Move several documents into the trash in one transaction (an import taken back); returns their
    trash ids in the order given. KeyError, and nothing moved, when one of them is gone."""
    with project.write():
        return [trash_document(project, int(doc_id), by=by, reason=reason).trash_id for doc_id in doc_ids]


def restore_documents(project: StoreBackend, trash_ids, *, by: str | None = None) -> list[int]:
    """Restore several trash entries in one transaction (the redo of an import taken back); all or none."""
    with project.write():
        return [restore_document(project, int(trash_id), by=by) for trash_id in trash_ids]


def record_import(project: StoreBackend, doc_ids, *, by: str | None = None) -> None:
    """One ``import.batch`` event naming the documents an import brought in (new ones only): the undo
    history rebuilds "take this import back" from it after a restart (services/history.py)."""
    ids = [int(i) for i in doc_ids]
    if ids:
        with project.write():
            events.record(project, "import.batch", annotator=by, entity="import", after={"documents": ids})


def _insert(project: StoreBackend, table: str, row: dict[str, Any]) -> None:
    names = list(row)
    columns = ", ".join(f'"{n}"' for n in names)
    marks = ", ".join("?" for _ in names)
    project.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", [row[n] for n in names])  # noqa: S608


@dataclass(frozen=True)
class TrashEntry:
    """One deleted document waiting in the trash (what a list of the trash shows; no text)."""

    id: int
    document_id: int
    title: str
    deleted_at: str
    deleted_by: str | None
    size: int  # bytes the trash row keeps (compressed)
    reason: str = "delete"


@reads
def list_trash(project: StoreBackend) -> list[TrashEntry]:
    """The trash, oldest deletion first. On a team project a member who is no lead sees none (RLS)."""
    rows = project.fetchall("SELECT id, document_id, title, deleted_at, deleted_by, length(content), reason"
                            " FROM trash ORDER BY id")
    return [TrashEntry(int(r[0]), int(r[1]), r[2], r[3], r[4], int(r[5] or 0), r[6]) for r in rows]


@reads
def in_trash(project: StoreBackend, trash_ids) -> set[int]:
    """Which of ``trash_ids`` are still in the trash (an undo after a restart needs its row)."""
    wanted = sorted({int(i) for i in trash_ids})
    if not wanted:
        return set()
    marks = ", ".join("?" for _ in wanted)
    return {int(r[0]) for r in project.fetchall(f"SELECT id FROM trash WHERE id IN ({marks})", wanted)}  # noqa: S608


def _from_trash(project: StoreBackend, trash_id: int) -> TrashedDocument:
    row = project.fetchone("SELECT content FROM trash WHERE id = ?", [trash_id])
    if row is None:
        raise ValueError(f"the deleted document (trash entry {trash_id}) is no longer in the trash: it was "
                         "restored or the trash was emptied")
    return _unpack(row[0], trash_id)


def restore_document(project: StoreBackend, trashed: TrashedDocument | int, *, by: str | None = None) -> int:
    """Write a trashed document (a ``TrashedDocument`` or its trash id) back with its id and every row
    that went with it, and take it out of the trash. ValueError when the project meanwhile holds the same
    text (re-imported), another document took its id, or it is no longer in the trash; nothing is
    written then."""
    with project.write():
        if isinstance(trashed, TrashedDocument) and trashed.trash_id is None:
            kept = trashed  # a snapshot that never went through the trash (kept for callers that hold one)
        else:
            trash_id = trashed if isinstance(trashed, int) else trashed.trash_id
            if isinstance(trashed, TrashedDocument) and project.fetchone(
                    "SELECT 1 FROM documents WHERE id = ?", [trashed.id]):
                raise ValueError(f"document id {trashed.id} is in use again; “{trashed.title}” cannot be restored")
            kept = _from_trash(project, int(trash_id))
        _write_back(project, kept)
        if kept.trash_id is not None:
            project.execute("DELETE FROM trash WHERE id = ?", [kept.trash_id])
        events.record(project, "document.restore", annotator=by, document_id=kept.id, entity="document",
                      entity_id=kept.id, after={"title": kept.title, "sha256": kept.document.get("sha256"),
                                                "trash_id": kept.trash_id, **kept.counts()})
    return kept.id


def _write_back(project: StoreBackend, trashed: TrashedDocument) -> None:
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
                        [doc_id, _words_for(project, trashed.words)])


def _words_for(project: StoreBackend, words: Any) -> Any:
    """The word index row as this backend stores it: a trash row copied between backends (team push or
    pull) carries the other one's form, as transfer.py converts it."""
    from annotator.storage.pg.search import tokens  # noqa: PLC0415 - pure Python, no driver

    if project.dialect.sqlite:
        return words if isinstance(words, str) else " ".join(words)
    return sorted(set(tokens(words))) if isinstance(words, str) else list(words)


def empty_trash(project: StoreBackend, trash_ids=None, *, by: str | None = None) -> list[TrashEntry]:
    """Delete trash rows for good (all of them, or ``trash_ids``): they can no longer be restored, and
    their text leaves the project. One transaction and one ``trash.empty`` event listing the documents
    (id, title, hash — never the text). Returns what was removed. Not an undoable step: nothing is kept."""
    _scrub(project)
    with project.write():
        entries = [e for e in list_trash(project) if trash_ids is None or e.id in set(trash_ids)]
        if not entries:
            return []
        shas = dict(project.fetchall("SELECT id, sha256 FROM trash"))
        for entry in entries:
            project.execute("DELETE FROM trash WHERE id = ?", [entry.id])
        events.record(project, "trash.empty", annotator=by, entity="trash", after={"documents": [
            {"trash_id": e.id, "document_id": e.document_id, "title": e.title, "sha256": shas.get(e.id)}
            for e in entries]})
        if project.dialect.sqlite:
            # Merge every segment of both search indexes: the deleted documents' tokens (trigrams of the
            # text, jieba's words) stay in older segments, marked deleted, until a merge drops them.
            project.execute("INSERT INTO documents_fts(documents_fts) VALUES ('optimize')")
            project.execute("INSERT INTO documents_words(documents_words) VALUES ('optimize')")
    if project.dialect.sqlite:
        # The log still holds pages written before (the import's among them): copy it into the file
        # (whose freed pages secure_delete zeroed) and truncate it. Busy readers only delay this to the
        # next checkpoint, which SQLite runs by itself.
        project.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return entries
