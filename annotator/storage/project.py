"""Opening a project file safely, and the one way to write to it.

A project is one SQLite file. Guarantees:
- every write goes through ``Project.write()``: BEGIN IMMEDIATE (so two processes queue instead of
  deadlocking on a lock upgrade), retried while another process holds the lock, committed with
  synchronous=FULL in WAL mode — once ``write()`` returns, the change survives a killed process and a
  power cut;
- a file that is not an annotator project, is damaged, or was made by a newer version is refused with a
  ``ProjectError`` and left untouched;
- a file we may not write opens read-only (``Project.readonly``) instead of failing.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from sqlite_utils import Database

from annotator import __version__
from annotator.storage.schema import MIGRATION_SET, known_migrations, migrations

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5_000
# How long write() keeps retrying a locked database before it gives up (another process importing a
# large batch holds the lock per document, so this only runs out if something is really stuck).
LOCK_PATIENCE_S = 60.0


class ProjectError(Exception):
    """A project file that cannot be opened; ``str()`` names the file and the reason."""

    def __init__(self, path: str | os.PathLike, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


def now() -> str:
    """UTC timestamp with milliseconds; sortable as text."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def _check_header(path: Path) -> None:
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise ProjectError(path, f"cannot be read ({exc.strerror or exc})") from None
    if header and header != SQLITE_MAGIC:
        raise ProjectError(path, "not a project file (it is not an SQLite database)")


def _connect(path: Path, readonly: bool) -> sqlite3.Connection:
    if readonly:
        uri = path.resolve().as_uri() + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True)
    else:
        conn = sqlite3.connect(str(path))
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return conn


class Project:
    """An open project. One per thread: sqlite3 connections must not cross threads."""

    def __init__(self, path: str | os.PathLike, *, readonly: bool = False, create: bool = True):
        self.path = Path(path)
        exists = self.path.exists() and self.path.stat().st_size > 0
        if not exists and not create:
            raise ProjectError(self.path, "no such project file")
        if exists:
            _check_header(self.path)
            if not readonly and not os.access(self.path, os.W_OK):
                readonly = True
        elif readonly:
            raise ProjectError(self.path, "no such project file")
        self.readonly = readonly
        try:
            self.conn = _connect(self.path, readonly)
            self.db = Database(self.conn)
            self._configure()
        except ProjectError:
            self.close()
            raise
        except sqlite3.DatabaseError as exc:
            with contextlib.suppress(Exception):
                self.conn.close()
            raise ProjectError(self.path, f"damaged or unreadable project ({exc})") from None

    # -- opening -----------------------------------------------------------------------------
    def _configure(self) -> None:
        # Reading the schema is what detects most damaged files ("file is not a database").
        self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        # A damaged page elsewhere would otherwise open fine and fail at some later click, possibly
        # half-way through a change. quick_check walks every b-tree page (~0.5 ms per MB when cached),
        # cheap enough to do on every open.
        verdict = self.conn.execute("PRAGMA quick_check(1)").fetchone()[0]
        if verdict != "ok":
            raise ProjectError(self.path, f"damaged project file ({verdict})")
        # Decide whether the file is ours before changing anything in it (WAL mode is written to the
        # file header).
        pending = self._check_version()
        self.conn.execute("PRAGMA foreign_keys=ON")
        if not self.readonly:
            mode = self.conn.execute("PRAGMA journal_mode").fetchone()[0]
            if mode.lower() != "wal":
                self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=FULL")
        if pending:
            self._migrate()

    def _check_version(self) -> bool:
        """Refuse files that are not ours or are newer; True if migrations are pending."""
        tables = set(self.db.table_names())
        applied = [m.name for m in migrations.applied(self.db)]
        if tables and not applied:
            raise ProjectError(self.path, "not an annotator project (an SQLite database with other tables)")
        unknown = [name for name in applied if name not in known_migrations()]
        if unknown:
            raise ProjectError(
                self.path,
                f"made by a newer version of the annotator (schema step {unknown[-1]}); "
                f"this is version {__version__} — update the app to open it",
            )
        if not migrations.pending(self.db):
            return False
        if self.readonly:
            raise ProjectError(self.path, "needs an upgrade to this version's format but is read-only")
        return True

    def _migrate(self) -> None:
        self._with_lock_retry(lambda: migrations.apply(self.db))
        self.db.execute(
            "INSERT OR REPLACE INTO project_meta(key, value) VALUES ('app_version', ?)", [__version__]
        )
        if not self.meta("created"):
            self.set_meta("created", now())

    # -- writing ---------------------------------------------------------------------------------
    def _with_lock_retry(self, fn):
        deadline = time.monotonic() + LOCK_PATIENCE_S
        delay = 0.01
        while True:
            try:
                return fn()
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                if time.monotonic() > deadline:
                    raise ProjectError(self.path, "busy: another program has held it locked for a minute")
                time.sleep(delay)
                delay = min(delay * 2, 0.25)

    @contextlib.contextmanager
    def write(self) -> Iterator[Database]:
        """One transaction. Nested calls join the outer transaction (via a savepoint)."""
        if self.readonly:
            raise ProjectError(self.path, "opened read-only; changes cannot be saved")
        if self.conn.in_transaction:
            with self.db.atomic():
                yield self.db
            return
        self._with_lock_retry(lambda: self.conn.execute("BEGIN IMMEDIATE"))
        try:
            yield self.db
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        else:
            self._with_lock_retry(lambda: self.conn.execute("COMMIT"))

    # -- small helpers -------------------------------------------------------------------------
    def meta(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM project_meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self.write():
            self.conn.execute("INSERT OR REPLACE INTO project_meta(key, value) VALUES (?, ?)", [key, value])

    def integrity_ok(self) -> bool:
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.conn.close()

    def __enter__(self) -> "Project":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_project(path: str | os.PathLike, *, readonly: bool = False, create: bool = True) -> Project:
    """Open (or create) a project; a new project gets the default label schema."""
    from annotator.storage.labels import ensure_default_labels  # noqa: PLC0415 - labels imports this module

    project = Project(path, readonly=readonly, create=create)
    try:
        ensure_default_labels(project)
    except sqlite3.DatabaseError as exc:
        project.close()
        raise ProjectError(project.path, f"damaged or unreadable project ({exc})") from None
    except BaseException:
        project.close()
        raise
    return project


__all__ = ["Project", "ProjectError", "open_project", "now", "MIGRATION_SET"]
