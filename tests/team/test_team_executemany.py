"""PostgreSQL's executemany sends a plain ``INSERT … VALUES (?, …)`` as multi-row statements
(pg/dialect._multi_row): the same rows in the same order as row by row, in chunks past the parameter
limit, all or none when a row is refused, and any other statement row by row as before."""

from __future__ import annotations

import sqlite3

import pytest

from annotator.storage import open_project
from annotator.storage.pg import dialect


def test_which_statements_go_as_one():
    assert dialect._multi_row('INSERT INTO sections (a, "end", b) VALUES (?,?, ?)') == (
        'INSERT INTO sections (a, "end", b) VALUES ', "(%s,%s, %s)", 3)
    for sql in ("INSERT INTO t (a) VALUES (?) ON CONFLICT DO NOTHING", "INSERT INTO t (a) VALUES (?) RETURNING id",
                "INSERT INTO t (a, b) VALUES (?, now())", "UPDATE t SET a = ? WHERE id = ?",
                "INSERT INTO t (a) SELECT ? WHERE true"):
        assert dialect._multi_row(sql) is None, sql


@pytest.fixture
def table(pg_project):
    with open_project(pg_project) as project:
        project.execute("CREATE TABLE t (id integer PRIMARY KEY, word text NOT NULL, n double precision)")
        yield project


def test_rows_in_order_across_chunks(table, monkeypatch):
    monkeypatch.setattr(dialect, "MAX_PARAMS", 7)  # 2 rows of 3 per statement: chunks and a remainder
    rows = [(i, f"词{i}😀", i / 3 if i % 2 else None) for i in range(11)]
    with table.write():
        table.executemany("INSERT INTO t (id, word, n) VALUES (?, ?, ?)", rows)
    assert table.fetchall("SELECT id, word, n FROM t ORDER BY id") == rows
    # a refused row: nothing of the call is kept, and the error is the row-by-row one
    with pytest.raises(sqlite3.IntegrityError), table.write():
        table.executemany("INSERT INTO t (id, word, n) VALUES (?, ?, ?)", [(20, "新", 1.0), (5, "重复", 2.0)])
    assert table.scalar("SELECT count(*) FROM t") == len(rows)
    table.executemany("INSERT INTO t (id, word, n) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING",
                      [(30, "a", 1.0), (30, "b", 2.0)])  # row by row: the second meets the first
    assert table.fetchall("SELECT word FROM t WHERE id = 30") == [("a",)]
