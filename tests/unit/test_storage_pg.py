"""PostgreSQL-only checks of the team store: the schema's migrations on both backends, URLs, errors.

The storage behaviour itself is tested on both backends by the parametrised ``project`` fixture
(tests/unit/conftest.py); this file holds what only PostgreSQL has.
"""

from __future__ import annotations

import pytest

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
