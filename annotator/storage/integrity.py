"""A project's health check: what SQLite says about the file, and what our own invariants say.

Opening a project checks the header, schema, version, the JSON columns and runs ``quick_check`` (once
per process, see registry.py). This full check adds ``integrity_check`` (indexes against tables),
foreign keys, offsets against text lengths and the event log's JSON; it is its own step (a worker
thread in the GUI, or the CLI). Every query is one pass over its table: linear in the project's size.
"""

from __future__ import annotations

import sqlite3

from annotator.storage.project import Project
from annotator.storage.trust import JSON_COLUMNS

# integrity_check stops after this many problems; more than that is the same message: the file is damaged.
_MAX_REPORTED = 20


def check(project: Project) -> list[str]:
    """Problems found in the project, as readable sentences; an empty list means healthy."""
    try:
        problems = _sqlite_problems(project)
        if problems:
            # Our own queries would only repeat SQLite's complaint about the damaged pages.
            return problems
        return (_foreign_key_problems(project) + _span_problems(project) + _section_problems(project)
                + _json_problems(project))
    except sqlite3.DatabaseError as exc:
        return [f"the file could not be read completely ({exc})"]


def _sqlite_problems(project: Project) -> list[str]:
    rows = project.conn.execute(f"PRAGMA integrity_check({_MAX_REPORTED})").fetchall()
    messages = [r[0] for r in rows]
    return [] if messages == ["ok"] else [f"integrity_check: {m}" for m in messages]


def _foreign_key_problems(project: Project) -> list[str]:
    out = []
    for table, rowid, parent, _ in project.conn.execute("PRAGMA foreign_key_check").fetchall():
        # Spans are known by their id (a text key), not by SQLite's hidden rowid.
        name = (project.conn.execute("SELECT id FROM spans WHERE rowid = ?", [rowid]).fetchone() or [rowid])[0] \
            if table == "spans" else rowid
        out.append(f"{table} row {name} points at a missing {parent} row")
    return out


# Each document's length in code points, computed once: length() walks the whole text, so calling it
# per span or per section (as this check once did, through a join) was quadratic — over 9 minutes on a
# project holding one 19.9 MB document. MATERIALIZED makes SQLite build the little table once.
_LENGTHS = "WITH lengths AS MATERIALIZED (SELECT id, length(clean_text) AS n FROM documents) "


def _span_problems(project: Project) -> list[str]:
    # Offsets are code points of the clean text; char_count is stored beside it, so check both agree
    # before trusting either.
    out = [
        f"document {doc_id}: char_count {count} but its clean text has {length} characters"
        for doc_id, count, length in project.conn.execute(
            _LENGTHS + "SELECT d.id, d.char_count, l.n FROM documents d JOIN lengths l ON l.id = d.id"
            " WHERE d.char_count IS NOT l.n"
        )
    ]
    out += [
        f"span {span_id} [{start}, {end}) does not fit document {doc_id} ({count} characters)"
        for span_id, doc_id, start, end, count in project.conn.execute(
            _LENGTHS + 'SELECT s.id, s.document_id, s.start, s."end", l.n FROM spans s'
            ' JOIN lengths l ON l.id = s.document_id WHERE s.start < 0 OR s."end" <= s.start OR s."end" > l.n'
        )
    ]
    return out


def _section_problems(project: Project) -> list[str]:
    return [
        f"section {ord_} of document {doc_id} [{start}, {end}) does not fit its {count} characters"
        for doc_id, ord_, start, end, count in project.conn.execute(
            _LENGTHS + 'SELECT s.document_id, s.ord, s.start, s."end", l.n FROM sections s'
            ' JOIN lengths l ON l.id = s.document_id WHERE s.start < 0 OR s."end" < s.start OR s."end" > l.n'
        )
    ]


def _json_problems(project: Project) -> list[str]:
    """Every JSON column, one pass each (the event log too, which opening does not scan)."""
    columns = [*JSON_COLUMNS, ("events", "id", "before", None), ("events", "id", "after", None)]
    out = []
    for table, key, column, kind in columns:
        condition = (f'NOT json_valid("{column}")' if kind is None else
                     f'CASE WHEN json_valid("{column}") THEN json_type("{column}") != \'{kind}\' ELSE 1 END')
        out += [
            f"{table} row {row_key!r}: {column} is not {'valid JSON' if kind is None else 'a JSON ' + kind}"
            for (row_key,) in project.conn.execute(
                f'SELECT {key} FROM {table} WHERE "{column}" IS NOT NULL AND {condition} LIMIT {_MAX_REPORTED}')
        ]
    return out
