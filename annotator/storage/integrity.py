"""A project's health check: what SQLite says about the file, and what our own invariants say.

Opening a project only does cheap checks (header, schema, version); a full check reads every page, so
it is its own step (run it in a worker thread in the GUI, or from the CLI) rather than part of opening.
"""

from __future__ import annotations

import sqlite3

from annotator.storage.project import Project

# integrity_check stops after this many problems; more than that is the same message: the file is damaged.
_MAX_REPORTED = 20


def check(project: Project) -> list[str]:
    """Problems found in the project, as readable sentences; an empty list means healthy."""
    try:
        problems = _sqlite_problems(project)
        if problems:
            # Our own queries would only repeat SQLite's complaint about the damaged pages.
            return problems
        return _foreign_key_problems(project) + _span_problems(project) + _section_problems(project)
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


def _span_problems(project: Project) -> list[str]:
    # Offsets are code points of the clean text; char_count is stored beside it, so check both agree
    # before trusting either.
    out = [
        f"document {doc_id}: char_count {count} but its clean text has {length} characters"
        for doc_id, count, length in project.conn.execute(
            "SELECT id, char_count, length(clean_text) FROM documents WHERE char_count != length(clean_text)"
        )
    ]
    out += [
        f"span {span_id} [{start}, {end}) does not fit document {doc_id} ({count} characters)"
        for span_id, doc_id, start, end, count in project.conn.execute(
            'SELECT s.id, s.document_id, s.start, s."end", length(d.clean_text) FROM spans s'
            ' JOIN documents d ON d.id = s.document_id WHERE s.start < 0 OR s."end" <= s.start'
            ' OR s."end" > length(d.clean_text)'
        )
    ]
    return out


def _section_problems(project: Project) -> list[str]:
    return [
        f"section {ord_} of document {doc_id} [{start}, {end}) does not fit its {count} characters"
        for doc_id, ord_, start, end, count in project.conn.execute(
            'SELECT s.document_id, s.ord, s.start, s."end", length(d.clean_text) FROM sections s'
            ' JOIN documents d ON d.id = s.document_id WHERE s.start < 0 OR s."end" < s.start'
            ' OR s."end" > length(d.clean_text)'
        )
    ]
