"""The core must stay Qt-free: only annotator/gui may import PySide6 (guide §2); the layers and the
sqlite3 boundary are import-linter contracts in pyproject.toml, checked here so CI fails on a violation."""

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

PKG = Path(__file__).resolve().parents[2] / "annotator"


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


def test_no_qt_outside_gui():
    offenders = []
    for path in PKG.rglob("*.py"):
        rel = path.relative_to(PKG)
        if rel.parts[0] in ("gui",) or rel.name in ("app.py",):
            continue
        for name in _imports(path):
            if name.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6"):
                offenders.append(f"{rel}: {name}")
    assert not offenders, "Qt imported outside annotator/gui: " + ", ".join(offenders)


def test_every_subpackage_is_listed_for_the_wheel():
    import tomllib

    listed = set(tomllib.loads((PKG.parent / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {
        ".".join(("annotator",) + p.parent.relative_to(PKG).parts).rstrip(".")
        for p in PKG.rglob("__init__.py")
    }
    found = {f if f != "annotator." else "annotator" for f in found}
    missing = found - listed
    assert not missing, f"add to [tool.setuptools] packages in pyproject.toml: {sorted(missing)}"


def test_import_linter_contracts_hold():
    # lint-imports reads [tool.importlinter] from pyproject.toml in the working directory and imports the
    # package from sys.path: run it from the repository root with this interpreter's environment.
    root = PKG.parent
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(root), os.environ.get("PYTHONPATH")])))
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"],
        cwd=root, env=env, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "broken" not in result.stdout.split("Contracts:")[-1].lower().replace("0 broken", "")


# Only annotator/storage talks to the database. The benchmark harness (annotator/bench) builds fixtures
# and measures floors (a bare INSERT+COMMIT is the floor a keystroke's commit is compared with), so it is
# exempt; its GUI half (annotator/gui/bench.py) stores its fixture through storage and is not.
_DATABASE_ATTRIBUTES = {"conn", "db", "execute", "executemany", "executescript"}
# SQL as written in this code base: the verb upper case, then the word that makes it a statement.
_SQL = re.compile(r"\s*(SELECT\b[\s\S]*\bFROM\b|(INSERT|REPLACE)(\s+OR\s+[A-Z]+)?\s+INTO\b|UPDATE\s+\S+\s+SET\b"
                  r"|DELETE\s+FROM\b|PRAGMA\s)")


def _database_uses(source: str) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr in _DATABASE_ATTRIBUTES:
            found.append((node.lineno, f".{node.attr}"))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and _SQL.match(node.value):
            found.append((node.lineno, f"SQL {node.value.strip()[:40]!r}"))
    return found


def test_the_database_check_sees_connections_calls_and_sql():
    source = """
rows = project.conn.execute(f"SELECT id FROM spans WHERE {where}")
project.db.query("x")
sql = 'INSERT OR IGNORE INTO annotators (name) VALUES (?)'
other = "UPDATE spans SET label = ?"
gone = \"\"\"
    DELETE FROM spans\"\"\"
hint = "Select some text first, then press E"
"""
    kinds = sorted({what.split()[0] for _, what in _database_uses(source)})
    assert kinds == [".conn", ".db", ".execute", "SQL"]
    assert sorted(n for n, what in _database_uses(source) if what.startswith("SQL")) == [2, 4, 5, 6]


def test_no_database_access_outside_storage():
    offenders = []
    for path in sorted(PKG.rglob("*.py")):
        rel = path.relative_to(PKG)
        if rel.parts[0] in ("storage", "bench"):
            continue
        offenders.extend(f"{rel}:{line}: {what}" for line, what in _database_uses(path.read_text(encoding="utf-8")))
    assert not offenders, "database access outside annotator/storage (add a function there):\n" + "\n".join(offenders)


# Inside storage, only the backends themselves hold a driver connection; every other module goes through
# the backend-neutral surface (base.StoreBase: execute/query/fetchone/fetchall/scalar/stream/insert_id/
# write/transact), so it runs on SQLite and PostgreSQL alike. A module reaching for ``project.conn`` would
# work on one backend and fail on the other.
# The exceptions are the backends themselves and SQLite-only code: the SQLite migration bodies (schema.py,
# sqlite-utils' Database; PostgreSQL's are pg/schema.py), the trust check and the -wal/-journal judge.
_CONNECTION_HOLDERS = {"project.py", "trust.py", "siblings.py", "sqlite_lib.py", "schema.py", "pg/backend.py"}


def _connection_uses(source: str) -> list[int]:
    return [node.lineno for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Attribute) and node.attr in ("conn", "db")]


def test_the_connection_check_sees_conn_and_db():
    assert _connection_uses("project.conn.execute('x')\nrows = p.db.query()\np.execute('y')\n") == [1, 2]


def test_storage_modules_use_the_backend_surface_not_a_connection():
    storage = PKG / "storage"
    offenders = []
    for path in sorted(storage.rglob("*.py")):
        rel = path.relative_to(storage).as_posix()
        if rel in _CONNECTION_HOLDERS:
            continue
        offenders.extend(f"storage/{rel}:{line}: .conn/.db" for line in _connection_uses(path.read_text(encoding="utf-8")))
    assert not offenders, ("storage modules must use the backend surface (project.execute/query/fetchall/…), "
                           "not a driver connection:\n" + "\n".join(offenders))


def test_the_front_ends_reach_the_pipelines_only_through_the_services():
    """Issue 15, point 2: the contract exists (test_import_linter_contracts_hold checks it holds), covers
    both front ends and the three pipelines, and has no exception."""
    import tomllib

    contracts = tomllib.loads((PKG.parent / "pyproject.toml").read_text())["tool"]["importlinter"]["contracts"]
    seam = [c for c in contracts if c["type"] == "forbidden"
            and {"annotator.cli", "annotator.gui"} <= set(c["source_modules"])
            and {"annotator.ingest", "annotator.exchange", "annotator.agreement"} <= set(c["forbidden_modules"])]
    assert len(seam) == 1 and not seam[0].get("ignore_imports")
