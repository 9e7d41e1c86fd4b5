"""sqlite3's SQL as PostgreSQL takes it: the placeholders storage writes (``?``, ``:name``) as psycopg's,
an empty ``IN ()`` list, and a plain INSERT of many rows as one statement (pg/backend.py's execute and
executemany use these)."""

from __future__ import annotations

import functools
import re

_TOKEN = re.compile(r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|%|\?|(?<![:\w]):([A-Za-z_]\w*)"
                    r"|\b(NOT\s+)?IN\s*\(\s*\)", re.IGNORECASE)


@functools.lru_cache(maxsize=1024)
def _translate(sql: str) -> str:
    """sqlite3's placeholders → psycopg's; a literal % (in strings too) doubled; an empty list
    (``x IN ()``: SQLite's false, ``x NOT IN ()``: true — what storage builds from an empty list of
    names or ids, e.g. the review window's with no annotators yet) as PostgreSQL says it: a comparison
    with each element of an empty array of x's own type (``IN ()`` is a syntax error there)."""
    def sub(match: re.Match) -> str:
        token = match.group(0)
        if token[0] in "'\"":
            return token.replace("%", "%%")
        if token == "%":
            return "%%"
        if token == "?":
            return "%s"
        if token[0] in "nNiI":
            return "<> ALL ('{}')" if match.group(2) else "= ANY ('{}')"
        return f"%({match.group(1)})s"
    return _TOKEN.sub(sub, sql)


# A plain ``INSERT INTO t (columns) VALUES (?, …)``: executemany sends its rows as one multi-row INSERT.
_PLAIN_INSERT = re.compile(r"\s*(INSERT\s+INTO\s+[\w\"]+\s*\([^()]*\)\s*VALUES)\s*(\(\s*\?(?:\s*,\s*\?)*\s*\))\s*",
                           re.IGNORECASE)
MAX_PARAMS = 4096  # per statement of a multi-row INSERT (the protocol's limit is 65 535)


@functools.lru_cache(maxsize=256)
def _multi_row(sql: str) -> tuple[str, str, int] | None:
    """(``INSERT INTO t (columns) VALUES ``, one row's ``(%s, …)``, its width) when ``sql`` inserts one
    row of placeholders and nothing else (no ON CONFLICT, RETURNING, expressions); else None.

    Row by row (psycopg's executemany), each row was a statement of its own on the server: an import's
    ~30 sections per document cost ~2 ms of server CPU, executor start-up and the foreign-key check's
    plan for each; one statement for them all, a fraction of it (bench/pg_speed.py's import rows). The
    rows, their order, the triggers and the errors are those of the row-by-row statements: one
    statement inserts them all or none, inside the caller's transaction either way."""
    match = _PLAIN_INSERT.fullmatch(sql)
    if match is None:
        return None
    one = _translate(match.group(2))
    return _translate(match.group(1)) + " ", one, one.count("%s")


def execute_many(cur, sql: str, rows: list) -> None:
    """``sql`` once per row of ``rows`` on the psycopg cursor ``cur``: a plain INSERT as multi-row
    statements of up to MAX_PARAMS values (_multi_row), anything else row by row."""
    many = _multi_row(sql) if len(rows) > 1 else None
    if many is None:
        cur.executemany(_translate(sql), rows)
        return
    head, one, width = many
    step = max(1, MAX_PARAMS // width)
    for at in range(0, len(rows), step):
        chunk = rows[at:at + step]
        cur.execute(head + ", ".join([one] * len(chunk)), [v for row in chunk for v in row])
