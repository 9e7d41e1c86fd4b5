"""PostgreSQL-only checks of the team store: the schema's migrations on both backends, URLs, errors.

The storage behaviour itself is tested on both backends by the parametrised ``project`` fixture
(tests/unit/conftest.py); this file holds what only PostgreSQL has.
"""

from __future__ import annotations

import pytest

from annotator.storage.pg.backend import PgProject
from annotator.storage.schema import known_migrations


def test_every_migration_has_a_postgresql_body():
    from annotator.storage.pg.schema import BODIES

    assert list(BODIES) == known_migrations()


def test_migrations_run_once_and_are_recorded(pg_url):
    import psycopg

    from annotator.storage.pg import schema

    with psycopg.connect(pg_url, autocommit=True) as conn:
        assert schema.migrate(conn) == known_migrations()
        assert schema.migrate(conn) == []
        assert schema.applied(conn) == known_migrations()
        assert schema.pending(conn) == []
        # SQLite's helpers exist under the same names, so storage's SQL reads the same on both.
        row = conn.execute("SELECT json_extract(%s, '$.suggestion'), instr('中华人民', '人')",
                           ['{"suggestion": "ab"}']).fetchone()
        assert row == ("ab", 3)
        conn.execute("INSERT INTO events (ts, action) VALUES ('t', 'x')")
        with pytest.raises(psycopg.errors.RaiseException, match="append-only"):
            conn.execute("DELETE FROM events")


def test_both_backends_offer_the_store_protocols(store):
    from annotator.storage.store import ProjectStore, StoreBackend

    assert isinstance(store, ProjectStore) and isinstance(store, StoreBackend)
    assert store.location == (str(store.path) if store.dialect.sqlite else store.path)  # no password in these


@pytest.mark.parametrize("url, shown", [
    ("postgresql://ann:pa:ss@db.example/proj", "postgresql://ann:***@db.example/proj"),
    ("postgres://ann@db/proj?password=x%40y&sslmode=verify-full", "postgres://ann@db/proj?password=***&sslmode=verify-full"),
    ("postgresql://ann:secret@[::1/broken", "postgresql://ann:***@[::1/broken"),
    ("postgresql://db/proj", "postgresql://db/proj"),
])
def test_urls_are_shown_without_their_password(url, shown):
    from annotator.storage import ProjectError
    from annotator.storage.urls import redact

    assert redact(url) == shown
    error = ProjectError(url, f"cannot connect ({url} said no; password=secret)")
    assert "secret" not in str(error) and "pa:ss" not in str(error) and "x%40y" not in str(error)


def test_placeholders_are_translated_outside_string_literals():
    from annotator.storage.pg.backend import _translate

    assert _translate("SELECT ? , :name, '?', ':x', 'a%b', x::text FROM t WHERE y LIKE '%z' AND w = ?") == (
        "SELECT %s , %(name)s, '?', ':x', 'a%%b', x::text FROM t WHERE y LIKE '%%z' AND w = %s")


def test_a_newer_versions_team_project_is_refused(pg_url):
    import psycopg

    from annotator.storage import ProjectError, open_project

    PgProject(pg_url).close()  # what `team init` does first (open_project never creates one)
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("INSERT INTO annotator_migrations (name, applied) VALUES ('9999_future', 'x')")
    with pytest.raises(ProjectError, match="newer version"):
        open_project(pg_url)


def test_read_only_team_project_refuses_writes(pg_url):
    from annotator.storage import ProjectError, open_project
    from annotator.storage import documents as docs

    PgProject(pg_url).close()
    with open_project(pg_url, readonly=True) as project:
        assert docs.document_count(project) == 0
        with pytest.raises(ProjectError, match="read-only"):
            docs.add_document(project, clean_text="一篇。", raw_text="一篇。")


def test_an_empty_database_is_not_made_a_project_without_create(pg_url):
    from annotator.storage import ProjectError, open_project

    with pytest.raises(ProjectError, match="team init"):
        open_project(pg_url, create=False)


def test_a_lost_connection_is_a_clear_error_and_the_next_call_reconnects(pg_project, pg_cluster):
    import psycopg

    from annotator.storage import documents as docs
    from annotator.storage import open_project
    from annotator.storage.pg.backend import ServerUnavailable

    with open_project(pg_project) as project:
        docs.add_document(project, clean_text="第一篇。", raw_text="x")
        pid = project.scalar("SELECT pg_backend_pid()")
        with psycopg.connect(pg_project, autocommit=True) as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", [pid])
        with pytest.raises(ServerUnavailable) as caught:
            docs.add_document(project, clean_text="第二篇。", raw_text="x")
        assert "not saved" in str(caught.value)
        # Nothing half-written; the next call outside a transaction connects again.
        assert docs.document_count(project) == 1
        docs.add_document(project, clean_text="第二篇。", raw_text="x")
        assert docs.document_count(project) == 2


def test_transact_runs_the_body_again_after_a_serialization_failure(pg_project):
    from annotator.storage import documents as docs
    from annotator.storage import open_project

    calls = []
    with open_project(pg_project) as project:
        def body():
            calls.append(1)
            docs.add_document(project, clean_text=f"第{len(calls)}次。", raw_text="x")
            if len(calls) < 3:  # what a concurrent transaction does to a SERIALIZABLE one
                project.execute("DO $$BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = 'serialization_failure'; END$$")
        project.transact(body)
        assert len(calls) == 3
        assert docs.document_count(project) == 1  # the failed attempts left nothing behind


def test_integrity_check_names_broken_rows_on_both_backends(store):
    from annotator.domain.model import Span
    from annotator.storage import documents as docs
    from annotator.storage import integrity, spans

    doc_id, _ = docs.add_document(store, clean_text="各级工会要切实加强职工权益维护。", raw_text="x")
    span = spans.add_span(store, Span(document_id=doc_id, start=0, end=4, label="directive", annotator="张三"))
    assert integrity.check(store) == []
    with store.write():
        store.execute("UPDATE spans SET attributes = ? WHERE id = ?", ["[1", span.id])
        store.execute("UPDATE documents SET char_count = 3 WHERE id = ?", [doc_id])
    problems = integrity.check(store)
    assert any(span.id in p and "attributes" in p for p in problems), problems
    assert any("char_count 3" in p for p in problems), problems


def test_both_schemas_have_the_same_tables_and_columns(tmp_path, pg_project):
    """push/pull copy by column name, and storage's SQL names columns: the two schemas must agree."""
    from annotator.storage import open_project
    from annotator.storage.transfer import TABLES

    with open_project(tmp_path / "p.db") as lite, open_project(pg_project) as pg:
        for table, _ in TABLES:
            columns = [[d[0] for d in p.execute(f"SELECT * FROM {table} LIMIT 0").description] for p in (lite, pg)]
            assert columns[0] == columns[1], table


def test_the_same_span_stored_by_two_sessions_at_once_is_a_duplicate_not_a_crash(pg_project, monkeypatch):
    """The check-then-insert race of two annotator sessions: the loser gets DuplicateSpan (not a driver
    error) and nothing is stored twice."""
    import threading

    from annotator.domain.model import Span
    from annotator.storage import documents as docs
    from annotator.storage import open_project, spans

    with open_project(pg_project) as a, open_project(pg_project) as b:
        doc_id, _ = docs.add_document(a, clean_text="各级工会要切实加强职工权益维护。", raw_text="x")
        span = Span(document_id=doc_id, start=0, end=4, label="directive", annotator="张三")
        real_find, checks = spans.find_identical, []

        def racing_find(project, s):  # a's first check runs before b commits: it sees nothing
            if project is a and not checks:
                checks.append(1)
                return None
            return real_find(project, s)

        monkeypatch.setattr(spans, "find_identical", racing_find)
        outcome: list = []
        with b.write():
            spans.add_span(b, span)  # b's row is uncommitted: a's insert waits on it
            worker = threading.Thread(target=lambda: outcome.append(_try(lambda: spans.add_span(a, span))))
            worker.start()
            worker.join(0.5)
        worker.join(10)  # b committed: a's insert violated the unique index
        assert outcome and isinstance(outcome[0], spans.DuplicateSpan), outcome
        assert len(spans.list_spans(a, doc_id)) == 1


def _try(fn):
    try:
        return fn()
    except Exception as exc:  # noqa: BLE001 - the test inspects it
        return exc


def test_word_tokens_are_those_of_sqlites_unicode61_tokeniser(seeds_dir):
    """pg/search.py splits jieba's words as FTS5's unicode61 does on SQLite, so the 2-character word
    index marks the same documents on both backends: compared with SQLite's own vocabulary."""
    import sqlite3

    from annotator.nlp.segment import segmented
    from annotator.storage.pg.search import tokens

    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    texts.append("ÉCOLE école Straße İstanbul ŒUVRE naïve Ｆｕｌｌ１２３ ①② 𠮷野家😀的 a_b%c 5.6% \ue000私用 x\u0301y ǅ")
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE w USING fts5(words, tokenize='unicode61', detail='none')")
    conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(w, 'row')")
    for text in texts:
        words = segmented(text)
        conn.execute("DELETE FROM w")
        conn.execute("INSERT INTO w (words) VALUES (?)", [words])
        assert {r[0] for r in conn.execute("SELECT term FROM v")} == set(tokens(words)), text[:40]


def test_a_role_without_rights_gets_a_message_not_a_traceback(pg_url, pg_cluster):
    """Creating the schema as a role that may not create tables: a ProjectError naming the database."""
    import psycopg

    from annotator.storage import ProjectError
    from annotator.storage.pg.backend import init_team_project

    if pg_cluster.external:
        pytest.skip("a server named by ANNOTATOR_TEST_PG_URL: roles are not ours to create")
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("DROP ROLE IF EXISTS annotator_test_nobody")
        conn.execute("CREATE ROLE annotator_test_nobody LOGIN")
        conn.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    nobody = pg_url.replace("postgresql://postgres@", "postgresql://annotator_test_nobody@")
    try:
        with pytest.raises(ProjectError, match="cannot be opened as a team project .*permission denied"):
            init_team_project(nobody)  # creating is `team init`'s (open_project refuses an empty database)
    finally:
        with psycopg.connect(pg_url, autocommit=True) as conn:
            conn.execute("DROP ROLE IF EXISTS annotator_test_nobody")


def test_clean_text_is_stored_uncompressed_and_team_init_settles_an_older_project(pg_url):
    """Search reads every clean text; on PostgreSQL it is stored uncompressed (STORAGE EXTERNAL, see
    pg/schema._search_text_uncompressed): a new project has that layout, a project made before it gets
    it from ``team init`` (its texts rewritten), and search answers the same before and after."""
    from annotator.storage import documents, search
    from annotator.storage.pg.backend import init_team_project

    text = "要坚持稳中求进工作总基调，" * 400  # ~5 000 characters: TOAST compresses it, were it allowed
    storage = "SELECT a.attstorage FROM pg_attribute a WHERE a.attrelid = 'documents'::regclass AND a.attname = 'clean_text'"
    with PgProject(pg_url, create=True) as project:
        assert project.fetchall(storage) == [("e",)]
        # a project laid out the old way: compressible texts, compressed
        project.execute("ALTER TABLE documents ALTER COLUMN clean_text SET STORAGE EXTENDED")
        doc, _ = documents.add_document(project, clean_text=text, raw_text=text, title="稳")
        small = project.fetchall("SELECT pg_column_size(clean_text) < octet_length(clean_text) FROM documents")
        assert small == [(True,)]
        before = [(h.document_id, h.position, h.snippet) for h in search.search(project, "稳中求进工作")]
    with init_team_project(pg_url) as project:
        assert project.fetchall(storage) == [("e",)]
        assert project.fetchall("SELECT pg_column_size(clean_text) >= octet_length(clean_text) FROM documents") == [(True,)]
        assert documents.clean_text(project, doc) == text
        assert [(h.document_id, h.position, h.snippet) for h in search.search(project, "稳中求进工作")] == before
        assert before and before[0][1] == 3
