"""The project schema, as migrations from the first version on.

Never edit a migration that has shipped: add a new one. tests/unit/test_storage_migrations.py opens a
fixture project made by every earlier version (tests/data/projects/) and checks it migrates.
"""

from __future__ import annotations

from annotator.storage.sqlite_lib import Database, Migrations

MIGRATION_SET = "annotator"
migrations = Migrations(MIGRATION_SET)
_NAMES: list[str] = []  # the step names in order, kept here (sqlite-utils has no public accessor for them)


def step(name: str):
    """Register a migration step with sqlite-utils and in our own ordered list of names."""
    def register(fn):
        _NAMES.append(name)
        return migrations(name=name)(fn)
    return register


@step("0001_initial")
def m0001_initial(db: Database) -> None:
    db.execute("CREATE TABLE project_meta (key TEXT PRIMARY KEY, value TEXT)")
    db.execute(
        """
        CREATE TABLE documents (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL DEFAULT '',
            source_path TEXT,
            format TEXT,
            encoding TEXT,
            raw_text TEXT NOT NULL,
            clean_text TEXT NOT NULL,
            sha256 TEXT NOT NULL UNIQUE,
            char_count INTEGER NOT NULL,
            metadata TEXT NOT NULL DEFAULT '{}',
            import_report TEXT NOT NULL DEFAULT '[]',
            imported_at TEXT NOT NULL,
            imported_by TEXT
        )"""
    )
    db.execute(
        """
        CREATE TABLE sections (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ord INTEGER NOT NULL,
            parent_ord INTEGER,
            level INTEGER NOT NULL,
            marker TEXT NOT NULL,
            title TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            title_start INTEGER NOT NULL,
            title_end INTEGER NOT NULL,
            kind TEXT NOT NULL DEFAULT '',
            ordinal INTEGER NOT NULL DEFAULT 0,
            confidence REAL NOT NULL DEFAULT 1.0,
            source TEXT NOT NULL DEFAULT 'auto',
            UNIQUE (document_id, ord)
        )"""
    )
    # Manual outline corrections, replayed over every re-parse so they survive it.
    db.execute(
        """
        CREATE TABLE section_edits (
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            op TEXT NOT NULL,
            anchor INTEGER NOT NULL,
            payload TEXT NOT NULL DEFAULT '{}',
            annotator TEXT,
            created TEXT NOT NULL
        )"""
    )
    db.execute(
        """
        CREATE TABLE labels (
            name TEXT PRIMARY KEY,
            colour TEXT NOT NULL,
            hotkey TEXT NOT NULL DEFAULT '',
            display TEXT NOT NULL DEFAULT '{}',
            attributes TEXT NOT NULL DEFAULT '[]',
            ord INTEGER NOT NULL DEFAULT 0
        )"""
    )
    db.execute("CREATE TABLE annotators (name TEXT PRIMARY KEY, created TEXT NOT NULL)")
    # The two non-human layers (see annotator/storage/labels.py).
    db.execute(
        "INSERT INTO annotators (name, created) VALUES ('@suggester', datetime('now')), ('@gold', datetime('now'))"
    )
    # One table for every layer: an annotator's spans, suggestions (annotator '@suggester'), the
    # annotator's rejections of suggestions (status 'rejected') and gold (annotator '@gold').
    db.execute(
        """
        CREATE TABLE spans (
            id TEXT PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            label TEXT NOT NULL REFERENCES labels(name),
            annotator TEXT NOT NULL REFERENCES annotators(name),
            status TEXT NOT NULL CHECK (status IN ('suggested', 'accepted', 'rejected', 'gold')),
            attributes TEXT NOT NULL DEFAULT '{}',
            source TEXT NOT NULL DEFAULT 'manual',
            provenance TEXT NOT NULL DEFAULT '{}',
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            CHECK (start >= 0 AND "end" > start)
        )"""
    )
    db.execute(
        'CREATE UNIQUE INDEX spans_identity ON spans (document_id, annotator, start, "end", label)'
    )
    db.execute("CREATE INDEX spans_by_doc ON spans (document_id, start)")
    db.execute("CREATE INDEX spans_by_annotator ON spans (annotator, document_id)")
    db.execute(
        """
        CREATE TABLE doc_status (
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            annotator TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'done')),
            updated TEXT NOT NULL,
            PRIMARY KEY (document_id, annotator)
        )"""
    )
    # Append-only: nothing updates or deletes a row (enforced by triggers below).
    db.execute(
        """
        CREATE TABLE events (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            ts TEXT NOT NULL,
            annotator TEXT,
            action TEXT NOT NULL,
            document_id INTEGER,
            entity TEXT,
            entity_id TEXT,
            before TEXT,
            after TEXT
        )"""
    )
    db.execute(
        "CREATE TRIGGER events_no_update BEFORE UPDATE ON events "
        "BEGIN SELECT RAISE(ABORT, 'events are append-only'); END"
    )
    db.execute(
        "CREATE TRIGGER events_no_delete BEFORE DELETE ON events "
        "BEGIN SELECT RAISE(ABORT, 'events are append-only'); END"
    )
    # Chinese full-text search: FTS5's default tokenizer sees a run of Han characters as one token, so
    # index the text with the trigram tokenizer (substrings of 3+ characters) and a jieba-segmented copy
    # with unicode61 (whole words, including 2-character ones). 1-character queries fall back to LIKE.
    db.execute(
        "CREATE VIRTUAL TABLE documents_fts USING fts5("
        "title, clean_text, content='documents', content_rowid='id', tokenize='trigram')"
    )
    db.execute(
        "CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN "
        "INSERT INTO documents_fts(rowid, title, clean_text) VALUES (new.id, new.title, new.clean_text); END"
    )
    db.execute(
        "CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN "
        "INSERT INTO documents_fts(documents_fts, rowid, title, clean_text) "
        "VALUES ('delete', old.id, old.title, old.clean_text); END"
    )
    db.execute(
        "CREATE TRIGGER documents_fts_au AFTER UPDATE OF title, clean_text ON documents BEGIN "
        "INSERT INTO documents_fts(documents_fts, rowid, title, clean_text) "
        "VALUES ('delete', old.id, old.title, old.clean_text); "
        "INSERT INTO documents_fts(rowid, title, clean_text) VALUES (new.id, new.title, new.clean_text); END"
    )
    db.execute("CREATE VIRTUAL TABLE documents_words USING fts5(words, tokenize='unicode61')")


def known_migrations() -> list[str]:
    return list(_NAMES)


@step("0002_search_backlog")
def m0002_search_backlog(db: Database) -> None:
    """Search indexes that cost ~0.15× the text instead of ~1.5×, filled in batches (annotator/storage/search.py).

    - documents_fts keeps the trigram tokenizer but ``detail=none``: positions are not stored (the 1.2×
      of the text they took was the largest part of a project after the text itself); a substring query
      uses the index for candidates (LIKE) and every candidate is verified against the text.
    - search_backlog lists the documents whose text is not in documents_fts yet. Inserting a document
      only adds its id here (the per-document trigger was half of ingest); ``search.update_index``
      indexes the backlog in one batch after an import, and search scans the backlog meanwhile, so a
      result is never missing. Existing documents start in the backlog.
    - documents_words (the jieba word index) gets ``detail=none`` too; its words are copied over.
    """
    for name in ("documents_fts_ai", "documents_fts_ad", "documents_fts_au"):
        db.execute(f"DROP TRIGGER IF EXISTS {name}")
    db.execute("DROP TABLE IF EXISTS documents_fts")
    db.execute(
        "CREATE VIRTUAL TABLE documents_fts USING fts5("
        "title, clean_text, content='documents', content_rowid='id', tokenize='trigram', detail='none')"
    )
    db.execute("CREATE TABLE search_backlog (document_id INTEGER PRIMARY KEY)")
    db.execute("INSERT INTO search_backlog (document_id) SELECT id FROM documents")
    indexed = "NOT EXISTS (SELECT 1 FROM search_backlog WHERE document_id = old.id)"
    db.execute(
        "CREATE TRIGGER search_backlog_ai AFTER INSERT ON documents BEGIN "
        "INSERT OR IGNORE INTO search_backlog (document_id) VALUES (new.id); END"
    )
    db.execute(
        "CREATE TRIGGER search_backlog_ad AFTER DELETE ON documents BEGIN "
        "INSERT INTO documents_fts(documents_fts, rowid, title, clean_text) "
        f"SELECT 'delete', old.id, old.title, old.clean_text WHERE {indexed}; "
        "DELETE FROM search_backlog WHERE document_id = old.id; END"
    )
    # An edited title or text of an indexed document is re-indexed at once (edits are one at a time).
    db.execute(
        "CREATE TRIGGER search_backlog_au AFTER UPDATE OF title, clean_text ON documents BEGIN "
        "INSERT INTO documents_fts(documents_fts, rowid, title, clean_text) "
        f"SELECT 'delete', old.id, old.title, old.clean_text WHERE {indexed}; "
        "INSERT INTO documents_fts(rowid, title, clean_text) "
        f"SELECT new.id, new.title, new.clean_text WHERE {indexed}; END"
    )
    db.execute("CREATE VIRTUAL TABLE documents_words_v2 USING fts5(words, tokenize='unicode61', detail='none')")
    db.execute("INSERT INTO documents_words_v2 (rowid, words) SELECT rowid, words FROM documents_words")
    db.execute("DROP TABLE documents_words")
    db.execute("ALTER TABLE documents_words_v2 RENAME TO documents_words")


@step("0003_comments")
def m0003_comments(db: Database) -> None:
    """Notes on a document or on one span (annotator/storage/comments.py): an annotator leaves one, the
    adjudicator reads it in the review window. A note outlives its span (span_id is not a foreign key:
    an undone tag may come back with the same id); it goes with its document."""
    db.execute(
        "CREATE TABLE comments ("
        "id TEXT PRIMARY KEY, "
        "document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE, "
        "span_id TEXT, "
        "annotator TEXT NOT NULL, "
        "body TEXT NOT NULL, "
        "created TEXT NOT NULL, "
        "updated TEXT NOT NULL)"
    )
    db.execute("CREATE INDEX comments_document ON comments (document_id, span_id)")


@step("0004_raw_text_compressed")
def m0004_raw_text_compressed(db: Database) -> None:
    """The raw text (as read, before cleaning: kept for provenance, read only when a document's text is
    replaced or merged) stored zlib-compressed in ``raw_zlib`` (a blob: bytea in PostgreSQL); ``raw_text``
    is then ''. On real speeches that is 0.45× the UTF-8 size (documents.pack_raw). A row whose
    ``raw_zlib`` is NULL still holds its raw text in ``raw_text``, so a writer that knows only that
    column stays correct. Existing rows are compressed here, in batches of ids."""
    db.execute("ALTER TABLE documents ADD COLUMN raw_zlib BLOB")
    import zlib  # noqa: PLC0415 - only this migration and documents.py compress

    last = -1
    while True:
        rows = db.execute("SELECT id, raw_text FROM documents WHERE id > ? ORDER BY id LIMIT 500", [last]).fetchall()
        if not rows:
            return
        db.conn.executemany("UPDATE documents SET raw_zlib = ?, raw_text = '' WHERE id = ?",
                            [(zlib.compress(raw.encode("utf-8"), 1), doc_id) for doc_id, raw in rows])
        last = rows[-1][0]


@step("0005_events_by_document")
def m0005_events_by_document(db: Database) -> None:
    """An index on events (document_id, id). Opening a document reads its newest events (the undo history
    rebuilt after a restart, services/history.py; "was this suggested" checks) with ``WHERE document_id
    = ? ORDER BY id DESC LIMIT n``; without it that scanned the whole log (100–170 ms at 200 000 events).
    With it the read walks the document's own entries backwards from the newest."""
    db.execute("CREATE INDEX IF NOT EXISTS events_by_document ON events (document_id, id)")


@step("0006_document_trash")
def m0006_document_trash(db: Database) -> None:
    """Deleted documents kept until the trash is emptied (annotator/storage/document_trash.py).

    Deleting a document moves it here (its row and every row that went with it, as zlib-compressed
    JSON) in the transaction that deletes it, so "undo delete" works after a restart: the undo history
    is rebuilt from the ``document.delete`` event, which names the trash row. Emptying the trash deletes
    the rows for good (the text must be removable: a document imported by mistake may be one that must
    not stay). AUTOINCREMENT: an id is never handed out twice, so an old event never names a newer row.
    ``document_id`` is no foreign key: the document is gone. ``reason``: 'delete' (a person deleted it) or
    'import.undo' (an import taken back: its redo brings it back, and after a restart it is no deletion to
    undo)."""
    db.execute(
        "CREATE TABLE trash ("
        "id INTEGER PRIMARY KEY AUTOINCREMENT, "
        "document_id INTEGER NOT NULL, "
        "title TEXT NOT NULL DEFAULT '', "
        "sha256 TEXT NOT NULL, "
        "deleted_at TEXT NOT NULL, "
        "deleted_by TEXT, "
        "reason TEXT NOT NULL DEFAULT 'delete', "
        "content BLOB NOT NULL)"
    )
