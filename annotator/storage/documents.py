"""Documents: one row per imported speech, identified by the SHA-256 of its clean text."""

from __future__ import annotations

import hashlib
import json
import zlib
from dataclasses import asdict
from typing import Any, Iterable

from annotator.domain.model import RemovedRegion, Section
from annotator.storage import events, search
from annotator.storage.project import ProjectError, json_column, now, reads
from annotator.storage.store import StoreBackend
from annotator.storage.sections import save_sections


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def pack_raw(raw_text: str) -> tuple[str, bytes]:
    """(raw_text column, raw_zlib column) for a raw text: compressed (schema migration 0004). Level 1:
    0.45× the UTF-8 size of real speeches at ~60 MB/s; level 6 gains 5 % of that for 2.6× the time."""
    return "", zlib.compress(raw_text.encode("utf-8"), 1)


def unpack_raw(raw_text: str, raw_zlib: bytes | None) -> str:
    """The raw text from its two columns (NULL raw_zlib: stored uncompressed, as before migration 0004)."""
    return raw_text if raw_zlib is None else zlib.decompress(raw_zlib).decode("utf-8")


def find_by_sha(project: StoreBackend, sha: str) -> int | None:
    row = project.execute("SELECT id FROM documents WHERE sha256 = ?", [sha]).fetchone()
    return row[0] if row else None


@reads
def document_count(project: StoreBackend) -> int:
    return project.execute("SELECT count(*) FROM documents").fetchone()[0]


@reads
def changed_source(project: StoreBackend, source_path: str, sha: str) -> int | None:
    """The newest document imported from ``source_path`` whose clean text is not ``sha`` (an edited
    file imported again), or None."""
    row = project.execute(
        "SELECT id FROM documents WHERE source_path = ? AND sha256 != ? ORDER BY id DESC LIMIT 1",
        [source_path, sha],
    ).fetchone()
    return row[0] if row else None


class SourceIndex:
    """source path → ids of the documents imported from it, read once for a batch of imports.

    ``changed_source`` has no index to use (source_path is not indexed, and an index is a schema
    migration): asked once per imported file it scanned every document row, so importing N files into a
    project cost N² row visits (a third of the store stage at 1 000 documents). Read inside the batch's
    write transaction, where nobody else can add a document, this map plus what the batch adds is exact.
    """

    def __init__(self, project: StoreBackend, source_paths: Iterable[str] | None = None) -> None:
        """``source_paths``: the only paths the batch will ask about (None: all). Only their rows are
        read: a project of N documents is still scanned once per batch, but in SQLite's C code, without
        a Python row per document (importing N files was N²/batch rows in Python)."""
        self.ids: dict[str, list[int]] = {}
        if source_paths is None:
            rows = project.execute("SELECT id, source_path FROM documents")
        else:
            wanted = sorted(set(source_paths))
            if not wanted:
                return
            rows = project.execute(f"SELECT id, source_path FROM documents WHERE source_path IN "
                                   f"({','.join('?' * len(wanted))}) ORDER BY id", wanted)
        for doc_id, source in rows:
            self.ids.setdefault(source, []).append(doc_id)

    def changed(self, project: StoreBackend, source_path: str, sha: str) -> int | None:
        """What ``changed_source(project, source_path, sha)`` answers, without scanning the table."""
        ids = self.ids.get(source_path)
        if not ids:
            return None
        marks = ",".join("?" * len(ids))
        row = project.execute(f"SELECT id FROM documents WHERE id IN ({marks}) AND sha256 != ? ORDER BY id DESC "
                              "LIMIT 1", [*ids, sha]).fetchone()
        return row[0] if row else None

    def add(self, source_path: str, doc_id: int) -> None:
        ids = self.ids.setdefault(source_path, [])
        if doc_id not in ids:
            ids.append(doc_id)


@reads
def stored_documents(project: StoreBackend) -> list[dict[str, Any]]:
    """Every document as stored (id order), texts included and JSON columns still text: what a merge
    copies into another project."""
    rows = []
    for row in project.query(
        "SELECT id, title, source_path, format, encoding, raw_text, raw_zlib, clean_text, sha256, metadata,"
        " import_report, imported_by FROM documents ORDER BY id"
    ):
        row["raw_text"] = unpack_raw(row["raw_text"], row.pop("raw_zlib"))
        rows.append(row)
    return rows


def add_document(
    project: StoreBackend,
    *,
    clean_text: str,
    raw_text: str,
    title: str = "",
    source_path: str | None = None,
    fmt: str | None = None,
    encoding: str | None = None,
    metadata: dict[str, Any] | None = None,
    removed: Iterable[RemovedRegion] = (),
    sections: Iterable[Section] = (),
    annotator: str | None = None,
    document_id: int | None = None,
    sha256: str | None = None,
    packed_raw: tuple[str, bytes] | None = None,
) -> tuple[int, bool]:
    """Store a document with its outline in one transaction. Returns (id, created).

    A document whose clean text is already in the project is not stored again: (existing id, False).
    ``sha256`` (of ``clean_text``) and ``packed_raw`` (``pack_raw(raw_text)``) may come precomputed: the
    importer has them made in a thread while it reads the next file.
    """
    sha = sha256 or sha256_text(clean_text)
    with project.write():
        existing = find_by_sha(project, sha)
        if existing is not None:
            return existing, False
        if document_id is not None and project.execute(
            "SELECT 1 FROM documents WHERE id = ?", [document_id]
        ).fetchone():
            document_id = None  # keep the caller's id only where it is free (lossless re-import)
        # The id column is named only when the caller's id is kept: PostgreSQL's identity takes no NULL.
        explicit = document_id is not None
        doc_id = project.insert_id(
            f"INSERT INTO documents ({'id, ' if explicit else ''}title, source_path, format, encoding, raw_text,"
            " raw_zlib, clean_text, sha256, char_count, metadata, import_report, imported_at, imported_by)"
            f" VALUES ({'?,' if explicit else ''}?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                *([document_id] if explicit else []),
                title or "",
                source_path,
                fmt,
                encoding,
                *(packed_raw or pack_raw(raw_text)),
                clean_text,
                sha,
                len(clean_text),
                json.dumps(metadata or {}, ensure_ascii=False),
                json.dumps([asdict(r) for r in removed], ensure_ascii=False),
                now(),
                annotator,
            ],
            table="documents", explicit=explicit,
        )
        save_sections(project, doc_id, list(sections), log=False)
        events.record(
            project,
            "document.import",
            annotator=annotator,
            document_id=doc_id,
            entity="document",
            entity_id=doc_id,
            after={"title": title, "source_path": source_path, "sha256": sha, "chars": len(clean_text)},
        )
    return doc_id, True


@reads
def get_document(project: StoreBackend, doc_id: int) -> dict[str, Any] | None:
    rows = list(project.query("SELECT * FROM documents WHERE id = ?", [doc_id]))
    if not rows:
        return None
    row = rows[0]
    row["raw_text"] = unpack_raw(row["raw_text"], row.pop("raw_zlib"))
    row["metadata"] = json_column(project, row["metadata"], f"document {doc_id} metadata")
    report = json_column(project, row["import_report"], f"document {doc_id} import report")
    try:
        row["import_report"] = [RemovedRegion(**r) for r in report]
    except TypeError:
        raise ProjectError(project.path, f"damaged data: document {doc_id} import report has another shape "
                           "than this app writes") from None
    return row


@reads
def clean_text(project: StoreBackend, doc_id: int) -> str:
    row = project.execute("SELECT clean_text FROM documents WHERE id = ?", [doc_id]).fetchone()
    if row is None:
        raise KeyError(f"no document {doc_id}")
    return row[0]


@reads
def char_counts(project: StoreBackend) -> dict[int, int]:
    """document id → length of its clean text (code points), without reading any text."""
    return dict(project.execute("SELECT id, char_count FROM documents").fetchall())


@reads
def list_documents(project: StoreBackend, *, annotator: str | None = None, limit: int | None = None,
                   offset: int = 0) -> list[dict[str, Any]]:
    """Summaries for the document list: no texts, one query; ``limit``/``offset`` for a lazy list that
    reads only the rows on screen (document_ids gives the whole order)."""
    sql = """
        SELECT d.id, d.title, d.source_path, d.char_count, d.imported_at, d.sha256,
               coalesce(s.status, 'not_started') AS status,
               (SELECT count(*) FROM spans sp WHERE sp.document_id = d.id AND sp.annotator = :a
                  AND sp.status = 'accepted') AS span_count
        FROM documents d
        LEFT JOIN doc_status s ON s.document_id = d.id AND s.annotator = :a
        ORDER BY d.id
    """
    params: dict[str, Any] = {"a": annotator or ""}
    if limit is not None:
        sql += " LIMIT :limit OFFSET :offset"
        params.update(limit=int(limit), offset=int(offset))
    return list(project.query(sql, params))


@reads
def document_ids(project: StoreBackend) -> list[int]:
    return [r[0] for r in project.execute("SELECT id FROM documents ORDER BY id")]


def set_status(project: StoreBackend, doc_id: int, annotator: str, status: str) -> None:
    with project.write():
        before = project.execute(
            "SELECT status FROM doc_status WHERE document_id = ? AND annotator = ?", [doc_id, annotator]
        ).fetchone()
        project.execute(
            "INSERT INTO doc_status (document_id, annotator, status, updated) VALUES (?,?,?,?)"
            " ON CONFLICT (document_id, annotator) DO UPDATE SET status = excluded.status, updated = excluded.updated",
            [doc_id, annotator, status, now()],
        )
        events.record(
            project,
            "document.status",
            annotator=annotator,
            document_id=doc_id,
            entity="document",
            entity_id=doc_id,
            before=before[0] if before else None,
            after=status,
        )


@reads
def all_statuses(project: StoreBackend) -> list[tuple[int, str, str, str]]:
    """Every (document_id, annotator, status, updated) progress mark."""
    return [tuple(r) for r in project.execute(
        "SELECT document_id, annotator, status, updated FROM doc_status").fetchall()]


@reads
def status_mark(project: StoreBackend, doc_id: int, annotator: str) -> tuple[str, str] | None:
    """(status, updated) of this annotator's mark on this document, or None when never marked."""
    row = project.execute(
        "SELECT status, updated FROM doc_status WHERE document_id = ? AND annotator = ?", [doc_id, annotator]
    ).fetchone()
    return (row[0], row[1]) if row else None


@reads
def get_status(project: StoreBackend, doc_id: int, annotator: str) -> str:
    row = project.execute(
        "SELECT status FROM doc_status WHERE document_id = ? AND annotator = ?", [doc_id, annotator]
    ).fetchone()
    return row[0] if row else "not_started"


def delete_document(project: StoreBackend, doc_id: int, *, annotator: str | None = None) -> None:
    with project.write():
        row = project.execute("SELECT title, sha256 FROM documents WHERE id = ?", [doc_id]).fetchone()
        if row is None:
            return
        search.forget_words(project, doc_id)
        project.execute("DELETE FROM documents WHERE id = ?", [doc_id])
        events.record(
            project,
            "document.delete",
            annotator=annotator,
            document_id=doc_id,
            entity="document",
            entity_id=doc_id,
            before={"title": row[0], "sha256": row[1]},
        )
