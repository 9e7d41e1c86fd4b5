"""The project tables on PostgreSQL, as the SQLite schema has them (annotator/storage/schema.py).

Used by the team tests only while the PostgreSQL backend's own migrations are not importable
(annotator.storage.pg, helper ``pg``); conftest.py prefers those. Same names, same columns.
"""

DDL = [
    "CREATE TABLE project_meta (key TEXT PRIMARY KEY, value TEXT)",
    """CREATE TABLE documents (id BIGSERIAL PRIMARY KEY, title TEXT NOT NULL DEFAULT '', source_path TEXT,
        format TEXT, encoding TEXT, raw_text TEXT NOT NULL, clean_text TEXT NOT NULL, sha256 TEXT NOT NULL UNIQUE,
        char_count INTEGER NOT NULL, metadata TEXT NOT NULL DEFAULT '{}', import_report TEXT NOT NULL DEFAULT '[]',
        imported_at TEXT NOT NULL, imported_by TEXT)""",
    """CREATE TABLE sections (id BIGSERIAL PRIMARY KEY, document_id BIGINT NOT NULL REFERENCES documents(id)
        ON DELETE CASCADE, ord INTEGER NOT NULL, parent_ord INTEGER, level INTEGER NOT NULL, marker TEXT NOT NULL,
        title TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, title_start INTEGER NOT NULL,
        title_end INTEGER NOT NULL, kind TEXT NOT NULL DEFAULT '', ordinal INTEGER NOT NULL DEFAULT 0,
        confidence REAL NOT NULL DEFAULT 1.0, source TEXT NOT NULL DEFAULT 'auto', UNIQUE (document_id, ord))""",
    """CREATE TABLE section_edits (id BIGSERIAL PRIMARY KEY, document_id BIGINT NOT NULL REFERENCES documents(id)
        ON DELETE CASCADE, op TEXT NOT NULL, anchor INTEGER NOT NULL, payload TEXT NOT NULL DEFAULT '{}',
        annotator TEXT, created TEXT NOT NULL)""",
    """CREATE TABLE labels (name TEXT PRIMARY KEY, colour TEXT NOT NULL, hotkey TEXT NOT NULL DEFAULT '',
        display TEXT NOT NULL DEFAULT '{}', attributes TEXT NOT NULL DEFAULT '[]', ord INTEGER NOT NULL DEFAULT 0)""",
    "CREATE TABLE annotators (name TEXT PRIMARY KEY, created TEXT NOT NULL)",
    "INSERT INTO annotators (name, created) VALUES ('@suggester', now()::text), ('@gold', now()::text)",
    """CREATE TABLE spans (id TEXT PRIMARY KEY, document_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, label TEXT NOT NULL REFERENCES labels(name),
        annotator TEXT NOT NULL REFERENCES annotators(name),
        status TEXT NOT NULL CHECK (status IN ('suggested', 'accepted', 'rejected', 'gold')),
        attributes TEXT NOT NULL DEFAULT '{}', source TEXT NOT NULL DEFAULT 'manual',
        provenance TEXT NOT NULL DEFAULT '{}', created TEXT NOT NULL, updated TEXT NOT NULL,
        CHECK (start >= 0 AND "end" > start))""",
    'CREATE UNIQUE INDEX spans_identity ON spans (document_id, annotator, start, "end", label)',
    "CREATE INDEX spans_by_annotator ON spans (annotator, document_id)",
    """CREATE TABLE doc_status (document_id BIGINT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        annotator TEXT NOT NULL, status TEXT NOT NULL CHECK (status IN ('not_started', 'in_progress', 'done')),
        updated TEXT NOT NULL, PRIMARY KEY (document_id, annotator))""",
    """CREATE TABLE events (id BIGSERIAL PRIMARY KEY, ts TEXT NOT NULL, annotator TEXT, action TEXT NOT NULL,
        document_id BIGINT, entity TEXT, entity_id TEXT, before TEXT, after TEXT)""",
    """CREATE TABLE comments (id TEXT PRIMARY KEY, document_id BIGINT NOT NULL REFERENCES documents(id)
        ON DELETE CASCADE, span_id TEXT, annotator TEXT NOT NULL, body TEXT NOT NULL, created TEXT NOT NULL,
        updated TEXT NOT NULL)""",
    "CREATE TABLE search_backlog (document_id BIGINT PRIMARY KEY)",
]
