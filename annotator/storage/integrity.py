"""A project's health check: what SQLite says about the file, and what our own invariants say.

Opening a project checks the header, schema, version, the JSON columns and runs ``quick_check`` (once
per process, see registry.py). This full check adds ``integrity_check`` (indexes against tables),
foreign keys, offsets against text lengths and the event log's JSON; it is its own step (a worker
thread in the GUI, or the CLI). Every query is one pass over its table: linear in the project's size.
"""

from __future__ import annotations

import sqlite3

from annotator.storage.store import StoreBackend
from annotator.storage.trust import JSON_COLUMNS

# integrity_check stops after this many problems; more than that is the same message: the file is damaged.
_MAX_REPORTED = 20


def check(project: StoreBackend) -> list[str]:
    """Problems found in the project, as readable sentences; an empty list means healthy."""
    if not project.dialect.sqlite:
        # The server keeps pages, indexes and foreign keys consistent itself; our invariants remain.
        lengths = _lengths(project)
        return _span_problems(project, lengths) + _section_problems(project, lengths) + _json_problems_py(project)
    try:
        problems = _sqlite_problems(project)
        if problems:
            # Our own queries would only repeat SQLite's complaint about the damaged pages.
            return problems
        lengths = _lengths(project)
        return (_foreign_key_problems(project) + _span_problems(project, lengths)
                + _section_problems(project, lengths) + _json_problems(project))
    except sqlite3.DatabaseError as exc:
        return [f"the file could not be read completely ({exc})"]


def _sqlite_problems(project: StoreBackend) -> list[str]:
    rows = project.execute(f"PRAGMA integrity_check({_MAX_REPORTED})").fetchall()
    messages = [r[0] for r in rows]
    return [] if messages == ["ok"] else [f"integrity_check: {m}" for m in messages]


def _foreign_key_problems(project: StoreBackend) -> list[str]:
    out = []
    for table, rowid, parent, _ in project.execute("PRAGMA foreign_key_check").fetchall():
        # Spans are known by their id (a text key), not by SQLite's hidden rowid.
        name = (project.execute("SELECT id FROM spans WHERE rowid = ?", [rowid]).fetchone() or [rowid])[0] \
            if table == "spans" else rowid
        out.append(f"{table} row {name} points at a missing {parent} row")
    return out


def _lengths(project: StoreBackend) -> dict[int, int]:
    """Each document's clean-text length in code points, computed once per document.

    length() walks the whole text, so calling it per span or per section (as this check once did,
    through a join) was quadratic: over 9 minutes on a project holding one 19.9 MB document. The
    comparisons below run in Python against this table (a MATERIALIZED CTE would need SQLite 3.35).
    """
    return dict(project.execute("SELECT id, length(clean_text) FROM documents"))


def _span_problems(project: StoreBackend, lengths: dict[int, int]) -> list[str]:
    # Offsets are code points of the clean text; char_count is stored beside it, so check both agree
    # before trusting either.
    out = [
        f"document {doc_id}: char_count {count} but its clean text has {lengths.get(doc_id)} characters"
        for doc_id, count in project.execute("SELECT id, char_count FROM documents")
        if count != lengths.get(doc_id)
    ]
    for span_id, doc_id, start, end in project.execute('SELECT id, document_id, start, "end" FROM spans'):
        count = lengths.get(doc_id)
        if count is not None and not _fits(start, end, count, empty_ok=False):
            out.append(f"span {span_id} [{start}, {end}) does not fit document {doc_id} ({count} characters)")
    return out


def _section_problems(project: StoreBackend, lengths: dict[int, int]) -> list[str]:
    out = []
    for doc_id, ord_, start, end in project.execute('SELECT document_id, ord, start, "end" FROM sections'):
        count = lengths.get(doc_id)
        if count is not None and not _fits(start, end, count, empty_ok=True):
            out.append(f"section {ord_} of document {doc_id} [{start}, {end}) does not fit its {count} characters")
    return out


def _fits(start, end, count: int, *, empty_ok: bool) -> bool:
    if not (isinstance(start, int) and isinstance(end, int)):
        return False
    return 0 <= start and (start <= end if empty_ok else start < end) and end <= count


def _json_problems(project: StoreBackend) -> list[str]:
    """Every JSON column, one pass each (the event log too, which opening does not scan)."""
    columns = [*JSON_COLUMNS, ("events", "id", "before", None), ("events", "id", "after", None)]
    out = []
    for table, key, column, kind in columns:
        condition = (f'NOT json_valid("{column}")' if kind is None else
                     f'CASE WHEN json_valid("{column}") THEN json_type("{column}") != \'{kind}\' ELSE 1 END')
        out += [
            f"{table} row {row_key!r}: {column} is not {'valid JSON' if kind is None else 'a JSON ' + kind}"
            for (row_key,) in project.execute(
                f'SELECT {key} FROM {table} WHERE "{column}" IS NOT NULL AND {condition} LIMIT {_MAX_REPORTED}')
        ]
    return out


def _json_problems_py(project: StoreBackend) -> list[str]:
    """``_json_problems`` decided in Python, for a backend without SQLite's json_valid/json_type."""
    import json  # noqa: PLC0415

    kinds = {"object": dict, "array": list}
    columns = [*JSON_COLUMNS, ("events", "id", "before", None), ("events", "id", "after", None)]
    out = []
    for table, key, column, kind in columns:
        found = 0
        for row_key, value in project.stream(f'SELECT {key}, "{column}" FROM {table} WHERE "{column}" IS NOT NULL'):
            try:
                parsed = json.loads(value)
                ok = kind is None or isinstance(parsed, kinds[kind])
            except (TypeError, ValueError, RecursionError):
                ok = False
            if not ok:
                out.append(f"{table} row {row_key!r}: {column} is not "
                           f"{'valid JSON' if kind is None else 'a JSON ' + kind}")
                found += 1
                if found >= _MAX_REPORTED:
                    break
    return out
