"""Deciding whether a file is a project we may open, before any connection that could change it.

``check()`` runs on a connection that cannot write: ``immutable=1`` when nothing is beside the file (no
lock taken, no ``-wal``/``-shm`` created, nothing replayed), ``mode=ro`` with ``query_only`` when a
``-wal`` that siblings.py proved ours must be read. It refuses, with a ProjectError naming the file:
- a file that is not an SQLite database, or a damaged one (``quick_check``);
- an SQLite database that is not a project, or a project made by a newer version;
- a project whose schema is not the one its recorded migrations create: a table replaced by a view, a
  table with other columns or constraints, a trigger or view we did not make (they run code on every
  write, e.g. a function that does not exist), an index on expressions or with a WHERE clause;
- JSON columns of labels, spans and outline edits holding something that is not the JSON our readers
  expect (documents' and events' JSON is checked where it is read, see ``_CHECKED_ON_OPEN``).
Extensions are never loaded (Python's sqlite3 leaves loading disabled; we never enable it), and the
checking connection runs with ``trusted_schema=OFF``.

The schema part is O(schema) and runs on every open. The scan (``quick_check`` and the JSON columns) is
O(project) and runs once per file state: ``scan=False`` when trust_verdicts.py knows this exact state
passed it before (see there for what a state is and why a file cannot forge that verdict).
"""

from __future__ import annotations

import functools
import sqlite3

from annotator.storage.sqlite_lib import Database

from annotator.storage.schema import MIGRATION_SET, known_migrations, migrations

MIGRATIONS_TABLE = "_sqlite_migrations"
_SAFE_COLLATIONS = {"BINARY", "NOCASE", "RTRIM"}
# JSON columns and the JSON type our readers need there (table, key column, column, json_type).
JSON_COLUMNS = [
    ("labels", "name", "display", "object"),
    ("labels", "name", "attributes", "array"),
    ("spans", "id", "attributes", "object"),
    ("spans", "id", "provenance", "object"),
    ("section_edits", "id", "payload", "object"),
    ("documents", "id", "metadata", "object"),
    ("documents", "id", "import_report", "array"),
]
# Checked on open: small rows. The documents' JSON sits after their texts, so checking it reads every
# text again (as long as quick_check itself: ~0.4 s on a 134 MB project); their readers raise a
# ProjectError naming the document instead (project.json_column), and integrity.check lists them all.
_CHECKED_ON_OPEN = {"labels", "spans", "section_edits"}


class Untrusted(Exception):
    """The reason a file is not opened (project.py turns it into a ProjectError naming the file)."""


def _norm(sql: str | None) -> str:
    return " ".join((sql or "").split())


@functools.lru_cache(maxsize=8)
def expected_schema(applied: tuple[str, ...]) -> dict[str, tuple[str, str]]:
    """name → (type, normalised SQL) of what the given migrations create, built in memory.

    Building it runs every migration in an in-memory database (~25 ms of CPU in every process that opens
    a project), so it is kept in the user's data folder, keyed by the bytes of the code that makes it
    (schema.py and sqlite-utils' migrations.py), SQLite's version and the migrations applied: any change
    to either builds it again. Where the sources cannot be read (a frozen app), it is always built."""
    from annotator.storage import trust_verdicts  # noqa: PLC0415 - it imports nothing of ours back

    key = _schema_key(applied)
    kept = trust_verdicts.read_kept(f"schema-{key}") if key else None
    if isinstance(kept, dict) and all(isinstance(v, list) and len(v) == 2 for v in kept.values()):
        return {name: (str(v[0]), str(v[1])) for name, v in kept.items()}
    built = _build_expected(applied)
    if key:
        trust_verdicts.keep(f"schema-{key}", built)
    return built


def _schema_key(applied: tuple[str, ...]) -> str | None:
    import hashlib  # noqa: PLC0415
    import sys  # noqa: PLC0415

    digest = hashlib.sha256(repr((applied, sqlite3.sqlite_version)).encode())
    for name in ("annotator.storage.schema", "sqlite_utils.migrations"):
        try:
            with open(sys.modules[name].__file__, "rb") as source:  # our code, never a project file
                digest.update(source.read())
        except (KeyError, OSError, TypeError):
            return None
    return digest.hexdigest()[:32]


def _build_expected(applied: tuple[str, ...]) -> dict[str, tuple[str, str]]:
    db = Database(memory=True, execute_plugins=False)  # no entry-point scan (~70 ms, importlib.metadata)
    pending = [name for name in known_migrations() if name not in applied]
    migrations.apply(db, stop_before=pending or None)
    rows = db.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
    db.conn.close()
    return {name: (type_, _norm(sql)) for type_, name, sql in rows}


def _shadow_of_virtual(name: str, expected: dict[str, tuple[str, str]]) -> bool:
    """FTS5 keeps its index in shadow tables whose layout belongs to SQLite's version, not to us."""
    return any(sql.upper().startswith("CREATE VIRTUAL TABLE") and name.startswith(vt + "_")
               for vt, (_, sql) in expected.items())


def check(conn: sqlite3.Connection, *, quick_check: bool = True, scan: bool = True) -> list[str]:
    """Raise Untrusted, or return the pending migrations (all of them for an empty database).

    ``scan=False`` leaves out the O(project) part (quick_check and the JSON columns)."""
    quick_check = quick_check and scan
    try:
        rows = conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc) or "file is encrypted" in str(exc):
            raise Untrusted("not a project file (it is not an SQLite database, or its first page is damaged)") from None
        raise Untrusted(f"damaged project file ({exc})") from None
    if quick_check:
        verdict = conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        if verdict != "ok":
            raise Untrusted(f"damaged project file ({verdict})")
    if not rows:
        return known_migrations()
    actual = {name: (type_, _norm(sql)) for type_, name, sql in rows}
    applied = _applied(conn, actual)
    unknown = [name for name in applied if name not in known_migrations()]
    if unknown:
        raise Untrusted(f"made by a newer version of the annotator (schema step {unknown[-1]})")
    expected = expected_schema(tuple(applied))
    _compare(conn, actual, expected)
    if scan:
        _check_json(conn, expected)
    return [name for name in known_migrations() if name not in applied]


def _applied(conn: sqlite3.Connection, actual: dict[str, tuple[str, str]]) -> list[str]:
    kind = actual.get(MIGRATIONS_TABLE, ("", ""))[0]
    if not kind:
        raise Untrusted("not an annotator project (an SQLite database with other tables)")
    if kind != "table":
        raise Untrusted(f"not a project this app can trust: {MIGRATIONS_TABLE} is a {kind}, not a table")
    columns = {row[1] for row in conn.execute(f"PRAGMA table_xinfo({MIGRATIONS_TABLE})")}
    if not {"migration_set", "name"} <= columns:
        raise Untrusted(f"not a project this app can trust: {MIGRATIONS_TABLE} lacks the expected columns")
    try:
        names = [r[0] for r in conn.execute(
            f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid", [MIGRATION_SET])]
    except sqlite3.DatabaseError as exc:
        raise Untrusted(f"damaged project file ({exc})") from None
    if not names:
        raise Untrusted("not an annotator project (an SQLite database with other tables)")
    if not all(isinstance(n, str) for n in names):
        raise Untrusted(f"damaged project file ({MIGRATIONS_TABLE} holds names that are not text)")
    return names


def _compare(conn: sqlite3.Connection, actual: dict, expected: dict) -> None:
    for name, (kind, sql) in expected.items():
        if name.startswith("sqlite_"):
            continue
        if name not in actual:
            raise Untrusted(f"not a project this app can trust: the {kind} {name} is missing")
        got_kind, got_sql = actual[name]
        if got_kind != kind:
            raise Untrusted(f"not a project this app can trust: {name} is a {got_kind} where a {kind} belongs")
        if name == MIGRATIONS_TABLE or _shadow_of_virtual(name, expected):
            continue
        if got_sql != sql:
            what = "columns or constraints" if kind == "table" else "definition"
            raise Untrusted(f"not a project this app can trust: the {kind} {name} has other {what} than "
                            "this app creates")
    for name, (kind, sql) in actual.items():
        if name in expected or name.startswith("sqlite_"):
            continue
        if kind in ("trigger", "view"):
            raise Untrusted(f"not a project this app can trust: it has a {kind} '{name}' this app did not make "
                            "(it would run on every change)")
        if kind == "table" and sql.upper().startswith("CREATE VIRTUAL TABLE"):
            raise Untrusted(f"not a project this app can trust: it has a virtual table '{name}' this app did "
                            "not make")
        if kind == "index":
            _check_extra_index(conn, name, sql)


def _check_extra_index(conn: sqlite3.Connection, name: str, sql: str) -> None:
    # An index someone added for their own queries is harmless if it only orders plain columns; one on
    # an expression or with a WHERE clause evaluates SQL on every write to its table.
    partial = " WHERE " in f" {sql.upper()} "
    keys = conn.execute(f"PRAGMA index_xinfo({_quote(name)})").fetchall()
    expression = any(row[1] == -2 for row in keys)
    odd_collation = any(row[5] and row[4] and str(row[4]).upper() not in _SAFE_COLLATIONS for row in keys)
    if partial or expression or odd_collation:
        raise Untrusted(f"not a project this app can trust: it has an index '{name}' on expressions, with a "
                        "condition or an unknown collation")


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _check_json(conn: sqlite3.Connection, expected: dict) -> None:
    """One pass over each JSON column (linear); names the first bad row."""
    for table, key, column, kind in JSON_COLUMNS:
        if table not in expected or table not in _CHECKED_ON_OPEN:
            continue
        row = conn.execute(
            f'SELECT {key} FROM {table} WHERE CASE WHEN json_valid("{column}") THEN json_type("{column}") != ? '
            'ELSE 1 END LIMIT 1',
            [kind],
        ).fetchone()
        if row is not None:
            raise Untrusted(f"damaged data: {table} row {row[0]!r} has a {column} value that is not a JSON "
                            f"{kind} (the project's integrity check lists every such row)")
