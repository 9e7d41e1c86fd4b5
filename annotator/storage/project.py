"""Opening a project file safely, and the one way to write to it.

A project is one SQLite file. Guarantees:
- nothing but SQLite opens the project file (see registry.py for why, and how workers share it);
- before any connection that could write, replay or checkpoint, the files beside the project are
  judged (siblings.py) and the project is checked through a connection that cannot write (trust.py):
  a file that is not an annotator project, is damaged, has a schema we did not make, was made by a
  newer version, or has a foreign or stale ``-wal``/``-journal`` beside it is refused with a
  ``ProjectError`` and left byte-identical. The structural part of that check runs on every open; its
  O(project) scan (quick_check, JSON columns) once per file state, remembered outside the file
  (trust_verdicts.py: what a state is, why a damaged or foreign file cannot forge the verdict);
- every write goes through ``Project.write()``: BEGIN IMMEDIATE (so two processes queue instead of
  deadlocking on a lock upgrade), retried while another process holds the lock, committed with
  synchronous=FULL in WAL mode — once ``write()`` returns, the change survives a killed process and a
  power cut. One exception, asked for explicitly: ``defer_durability()`` (the desktop app's connection,
  whose commits must not wait for the disk on the GUI thread) commits with synchronous=NORMAL —
  surviving a killed process, not yet a power cut — and a ``durability.Syncer`` thread makes them
  durable within a bounded time and says when (``syncer.state``); ``close()`` waits for it. A disk that is full or fails makes it raise a ``ProjectError`` naming the project; the
  transaction is rolled back, so nothing is half-written;
- a file or folder we may not write (read-only filesystem included) opens read-only
  (``Project.readonly``) instead of failing.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import sqlite3
import time
from pathlib import Path
from typing import Iterator

from annotator.domain import timestamps
from annotator.storage.sqlite_lib import Database

from annotator import __version__
from annotator.storage import registry, siblings, trust, trust_verdicts
from annotator.storage.base import SQLITE, StoreBase
from annotator.storage.errors import NEEDS_REPLAY, ProjectError, json_column, open_error, reads, write_error
from annotator.storage.schema import MIGRATION_SET, migrations

BUSY_TIMEOUT_MS = 5_000
# How long write() keeps retrying a locked database before it gives up (another process importing a
# large batch holds the lock per document, so this only runs out if something is really stuck).
LOCK_PATIENCE_S = 60.0
# A -wal judged foreign is judged again this many times: another process of ours may have been
# checkpointing or restarting its log while we read it.
_WAL_RETRIES = 4

# Every stored time is domain.timestamps.now() (UTC, milliseconds, Z); importers of storage.project.now
# keep working.
now = timestamps.now


def _uri(path: Path, **params: str) -> str:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return path.resolve().as_uri() + (f"?{query}" if query else "")


def _harden(conn: sqlite3.Connection) -> sqlite3.Connection:
    # While a schema is not yet trusted, its triggers and views may not call functions with side
    # effects. (The working connection cannot do without: our own FTS5 triggers need trusted_schema,
    # and by then trust.check has proved every trigger is ours.)
    conn.execute("PRAGMA trusted_schema=OFF")
    return conn


def _read_header(path: Path, *, lenient: bool = False) -> siblings.DbHeader:
    """The project file's own header, through SQLite, ignoring any -wal (immutable=1 never reads one).

    ``lenient``: accept a header that promises more pages than the file holds (page_count is then the
    file's). A checkpoint writes page 1 first and grows the file as it goes, so a process killed in the
    middle leaves exactly that — damaged alone, whole with its -wal. writable_schema is SQLite's own
    switch for reading such a file; an immutable connection cannot write anything with it.
    """
    conn = sqlite3.connect(_uri(path, immutable="1"), uri=True)
    try:
        if lenient:
            conn.execute("PRAGMA writable_schema=ON")
        values = [conn.execute(f"PRAGMA {name}").fetchone()[0]
                  for name in ("page_size", "page_count", "application_id", "user_version")]
    finally:
        conn.close()
    return siblings.DbHeader(*values)


def _read_header_beside(path: Path, wal_path: Path) -> siblings.DbHeader:
    """The header, read leniently only when a -wal beside it may complete the file (the full check
    that follows reads the file with its log and still refuses a truly damaged project)."""
    try:
        return _read_header(path)
    except sqlite3.DatabaseError:
        if not wal_path.exists():
            raise
        return _read_header(path, lenient=True)


def _can_write(path: Path) -> bool:
    # WAL needs to create -wal and -shm beside the file: a read-only folder (or filesystem) is as
    # read-only as the file itself. os.access reports EROFS as not writable.
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK | os.X_OK)


@contextlib.contextmanager
def _sync_at_end(project: Project) -> Iterator[None]:
    """Commits inside the block do not wait for the disk; leaving it makes them all durable at once.

    For batch work that nobody watches commit by commit (a command-line import, creating a project):
    each ``write()`` inside commits with synchronous=NORMAL (WAL: survives a killed process, and a
    power cut never corrupts the file — it can only lose the last commits), and the block ends with
    one more commit at synchronous=FULL, whose fsync of the ``-wal`` makes every earlier frame of it
    durable too. So when the block returns, everything written in it survives a power cut, as if
    each commit had synced, for one fsync instead of one per commit (a new project's creation and a
    CLI import: ~25 fsyncs → a few, 30–200 ms each on a busy disk). If the block raises, its commits
    are still synced (best effort) and the error goes on. A block that committed nothing writes
    nothing (``write()`` counts its commits in user_version). Nested blocks, a read-only project and a
    deferred connection (``defer_durability``, whose syncer owns the setting) are left as they are.
    """
    conn = project.conn
    if project.readonly or project.syncer is not None or conn is None or conn.in_transaction \
            or getattr(project, "_unsynced", False):
        yield
        return
    project._unsynced = True  # noqa: SLF001 - this module's own flag
    saves = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.execute("PRAGMA synchronous=NORMAL")
    try:
        yield
    except BaseException:
        with contextlib.suppress(Exception):
            _end_unsynced(project, saves)
        raise
    _end_unsynced(project, saves)


def _end_unsynced(project: Project, saves: int) -> None:
    project._unsynced = False  # noqa: SLF001
    if project.conn is None:
        return
    project.conn.execute("PRAGMA synchronous=FULL")
    if project.conn.execute("PRAGMA user_version").fetchone()[0] != saves:  # something was committed
        with project.write():  # the barrier: its commit (page 1: the save counter) fsyncs the whole log
            pass


class Project(StoreBase):
    """An open project file. One per thread: sqlite3 connections must not cross threads."""

    dialect = SQLITE

    def __init__(self, path: str | os.PathLike, *, readonly: bool = False, create: bool = True):
        self.path = Path(path)
        self.conn: sqlite3.Connection | None = None
        self._key: str | None = None
        self.syncer = None  # a durability.Syncer once defer_durability() was called
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            st = None
        except OSError as exc:
            raise ProjectError(self.path, f"cannot be read ({exc.strerror or exc})") from None
        if st is not None and not os.path.isfile(self.path):
            raise ProjectError(self.path, "not a project file (it is a folder or a device)")
        exists = st is not None and st.st_size > 0
        if not exists and (readonly or not create):
            raise ProjectError(self.path, "no such project file")
        if exists and not os.access(self.path, os.R_OK):
            raise ProjectError(self.path, "cannot be read (permission denied)")
        self.readonly_reason = "opened read-only"  # why, for a refused write: asked for, or the disk said so
        if exists and not readonly and not _can_write(self.path):
            readonly = True
            self.readonly_reason = "read-only (the file, its folder or its disk cannot be written)"
        if not exists and not os.access(self.path.parent, os.W_OK | os.X_OK):
            raise ProjectError(self.path, "cannot be created here (the folder is read-only)")
        self.readonly = readonly
        with registry.lock():
            pending: list[str] = ["new"]
            # An empty file with a log or journal beside it is judged like any other: SQLite would
            # replay them into the "new" project.
            leftovers = any(siblings.size_or_zero(p) for p in siblings.sibling_paths(self.path)[1:])
            if (exists or leftovers) and not registry.is_trusted(self.path):
                pending = self._trust_settled()
            elif exists:
                pending = []
            try:
                self.conn = self._connect()
                # No plugins: sqlite-utils would scan every installed package's entry points for
                # them (~70 ms per process, pluggy + importlib.metadata); this app registers none.
                self.db = Database(self.conn, execute_plugins=False)
                self._configure(bool(pending))
            except ProjectError:
                self.close()
                raise
            except sqlite3.DatabaseError as exc:
                self.close()
                raise ProjectError(self.path, open_error(exc)) from None
            self._key = registry.acquire(self.path)

    # -- opening -----------------------------------------------------------------------------
    def _trust_settled(self) -> list[str]:
        """_trust(), judged again if another process changed the files while we looked.

        The no-log check reads the file as it is (immutable): a process of ours that starts writing
        and checkpoints meanwhile could show it half-written. A verdict reached while the files were
        changing is not a verdict; one reached while they were still is.
        """
        for _ in range(3):
            before = self._file_state()
            try:
                return self._trust()
            except ProjectError:
                if self._file_state() == before:
                    raise
        return self._trust()

    def _file_state(self) -> tuple:
        state = []
        for path in (self.path, siblings.wal_path(self.path)):
            try:
                st = os.stat(path)
                state.append((st.st_size, st.st_mtime_ns, st.st_ino))
            except OSError:
                state.append(None)
        return tuple(state)

    def _trust(self) -> list[str]:
        """Judge the siblings, then check the project read-only; returns pending migrations."""
        journal = siblings.journal_path(self.path)
        found = siblings.hot_journal(journal)
        if found:
            raise ProjectError(self.path, f"{journal.name} beside it is {found} left by another database or "
                               "program; nothing was changed. If no other program has this project open, "
                               f"move {journal.name} out of the folder and open the project again")
        wal_path = siblings.wal_path(self.path)
        try:
            header = _read_header_beside(self.path, wal_path)
        except sqlite3.DatabaseError as exc:
            raise ProjectError(self.path, open_error(exc)) from None
        # Accept on the fast reading; refuse only on the exact one, read again a few times (another
        # process of ours may have been checkpointing or restarting its log while we read it).
        wal = siblings.read_wal(wal_path, checksums=False)
        problem = siblings.wal_problem(wal, header) if wal else None
        for attempt in range(_WAL_RETRIES if problem else 0):
            if attempt:
                time.sleep(0.05)
            header, wal = _read_header_beside(self.path, wal_path), siblings.read_wal(wal_path)
            problem = siblings.wal_problem(wal, header) if wal else None
            if problem is None:
                break
        if problem:
            raise ProjectError(self.path, f"{wal_path.name} beside it is not this project's log: {problem}. "
                               "Nothing was changed. If no other program has this project open, move "
                               f"{wal_path.name} out of the folder and open the project again")
        # With no committed frames, immutable=1 reads exactly what SQLite would; otherwise the check
        # must see the log's pages, through a connection that cannot write or checkpoint.
        uri = _uri(self.path, mode="ro") if wal else _uri(self.path, immutable="1")
        try:
            conn = _harden(sqlite3.connect(uri, uri=True))
        except sqlite3.DatabaseError as exc:
            raise ProjectError(self.path, open_error(exc)) from None
        # The O(project) scan runs once per file state (trust_verdicts.py): only for a file with no log
        # to replay, stated before the check so that a change during it is a different state.
        state = None if wal else trust_verdicts.identity(self.path, header)
        scan = not trust_verdicts.known(self.path, state)
        try:
            conn.execute("PRAGMA query_only=ON")
            pending = trust.check(conn, scan=scan)
            # An SQLite file with nothing in it (another app's fresh database, a placeholder) is no
            # project yet: read-only, "needs an upgrade" would send the person looking for an old version.
            empty = bool(pending) and self.readonly and \
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0
        except trust.Untrusted as exc:
            if wal and "unable to open" in str(exc) and not _can_write(self.path):
                raise ProjectError(self.path, NEEDS_REPLAY) from None
            raise ProjectError(self.path, self._version_hint(str(exc))) from None
        except sqlite3.DatabaseError as exc:
            raise ProjectError(self.path, open_error(exc)) from None
        finally:
            conn.close()
        if scan and not pending:
            trust_verdicts.remember(self.path, state)
        if empty:
            raise ProjectError(self.path, "an empty SQLite database, not a project yet (nothing to read)")
        if pending and self.readonly:
            raise ProjectError(self.path, "needs an upgrade to this version's format but is read-only")
        return pending

    @staticmethod
    def _version_hint(reason: str) -> str:
        if reason.startswith("made by a newer version"):
            return f"{reason}; this is version {__version__} — update the app to open it"
        return reason

    def _connect(self) -> sqlite3.Connection:
        if self.readonly:
            try:
                conn = sqlite3.connect(_uri(self.path, mode="ro"), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
                conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlite3.OperationalError:
                # A read-only folder cannot hold the -shm a WAL reader needs. Nobody can write there
                # either, so reading the file as it is (immutable) is exact — unless a log is waiting
                # to be replayed, which only a writable folder allows.
                if os.access(self.path.parent, os.W_OK):
                    raise
                if siblings.size_or_zero(siblings.wal_path(self.path)) > 0:
                    raise ProjectError(self.path, NEEDS_REPLAY) from None
                conn = sqlite3.connect(_uri(self.path, immutable="1"), uri=True)
        else:
            mode = "rw" if self.path.exists() else "rwc"
            conn = sqlite3.connect(_uri(self.path, mode=mode), uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        return conn

    def _configure(self, pending: bool) -> None:
        self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        self.conn.execute("PRAGMA foreign_keys=ON")
        if self.readonly:
            self.conn.execute("PRAGMA query_only=ON")
            return
        mode = self.conn.execute("PRAGMA journal_mode").fetchone()[0]
        if mode.lower() != "wal":
            self._with_lock_retry(lambda: self.conn.execute("PRAGMA journal_mode=WAL"))
        self.conn.execute("PRAGMA synchronous=FULL")
        # Creating (or upgrading) a project: a dozen commits (migrations, meta, labels, identity), one fsync.
        with self.sync_at_end() if pending else contextlib.nullcontext():
            if pending:
                self._migrate()
                from annotator.storage.labels import ensure_default_labels  # noqa: PLC0415 - imports this module
                ensure_default_labels(self)  # as open_project would, in the same single sync
            identified = not self.conn.execute("PRAGMA application_id").fetchone()[0]
            if identified:  # the identity siblings.py recognises this project's -wal by (random, never 0)
                with self.write():
                    self.conn.execute(f"PRAGMA application_id={secrets.randbelow(2**31 - 2) + 1}")
        if identified:
            # Copy it into the file now (when nobody reads an older snapshot), so that another process
            # opening the project compares its log against a file that already carries the identity.
            self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()

    def _migrate(self) -> None:
        self._with_lock_retry(lambda: migrations.apply(self.db))
        with self.write():
            self.set_meta("app_version", __version__)
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
        """One transaction. Nested calls join the outer transaction (via a savepoint).

        The outermost one bumps the save counter in the database header (user_version), so each
        transaction's log frames carry page 1 with the project's identity: siblings.py tells our own
        -wal from a stray one by it. A disk or file failure rolls back and raises ProjectError.
        """
        if self.readonly:
            raise ProjectError(self.path, f"{self.readonly_reason}; changes cannot be saved")
        if self.conn.in_transaction:
            with self.db.atomic():
                yield self.db
            return
        try:
            self._with_lock_retry(lambda: self.conn.execute("BEGIN IMMEDIATE"))
            counter = self.conn.execute("PRAGMA user_version").fetchone()[0]
            self.conn.execute(f"PRAGMA user_version={(counter + 1) % 2**31}")
        except sqlite3.Error as exc:
            self._rollback()
            raise write_error(self.path, exc) or exc from None
        try:
            yield self.db
        except BaseException as exc:
            self._rollback()
            if isinstance(exc, sqlite3.Error):
                translated = write_error(self.path, exc)
                if translated is not None:
                    raise translated from exc
            raise
        try:
            self._with_lock_retry(lambda: self.conn.execute("COMMIT"))
        except sqlite3.Error as exc:
            self._rollback()
            raise write_error(self.path, exc) or exc from None
        if self.syncer is not None:
            self.syncer.committed()

    sync_at_end = _sync_at_end  # a block whose commits are made durable together, by one fsync at its end

    def defer_durability(self, listener=None):
        """Commits stop waiting for the disk; a syncer thread makes them durable (durability.defer)."""
        from annotator.storage.durability import defer  # noqa: PLC0415 - durability opens Projects

        return defer(self, listener)

    def _rollback(self) -> None:
        if self.conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")

    # -- the backend surface storage's modules use (base.StoreBase) ----------------------------------
    def execute(self, sql, params=()):
        return self.conn.execute(sql, params)

    def executemany(self, sql, rows) -> None:
        self.conn.executemany(sql, rows)

    def insert_id(self, sql, params, *, table: str, explicit: bool = False) -> int:
        # SQLite hands out max(id)+1 after an explicit id by itself (INTEGER PRIMARY KEY).
        return self.conn.execute(sql, params).lastrowid

    def stream(self, sql, params=()):
        return self.conn.cursor().execute(sql, params)

    def is_at(self, path) -> bool:
        return Path(path).resolve() == self.path.resolve()

    def integrity_ok(self) -> bool:
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    def close(self) -> None:
        """Idempotent. A deferred connection's last commits are made durable first (the syncer's last
        sync; if the disk refuses, the connection goes back to FULL and SQLite's own checkpoint at
        close tries once more). The connection closes before the registry forgets the project."""
        syncer, self.syncer = self.syncer, None
        if syncer is not None and not syncer.stop() and self.conn is not None:
            with contextlib.suppress(sqlite3.Error):
                self.conn.executescript("PRAGMA synchronous=FULL; PRAGMA wal_checkpoint(PASSIVE);")
        if self.conn is not None:
            with contextlib.suppress(Exception):
                self.conn.close()
        if self._key is not None:
            registry.release(self._key)
            self._key = None



def open_project(target: str | os.PathLike, *, readonly: bool = False, create: bool = True) -> StoreBase:
    """Open (or create) a project: a ``.db`` file, or a team project at a ``postgresql://`` URL (created
    there only by ``annotator team init``, pg/backend.init_team_project: ``create`` does not apply to a
    URL). A new project gets the default label schema."""
    from annotator.storage.labels import ensure_default_labels  # noqa: PLC0415 - labels imports this module
    from annotator.storage.urls import is_url  # noqa: PLC0415

    if is_url(target):
        from annotator.storage.pg.backend import PgProject  # noqa: PLC0415 - psycopg only for team projects

        # Never created here: a team project made by an ordinary open (`annotator import URL`) would have
        # no roles and no row-level security — every annotator would see everyone's work. An empty
        # database is refused ("create it with `annotator team init URL`"); only init creates one.
        project = PgProject(str(target), readonly=readonly, create=False)
    else:
        project = Project(target, readonly=readonly, create=create)
    try:
        ensure_default_labels(project)
    except sqlite3.DatabaseError as exc:
        project.close()
        raise ProjectError(project.location, open_error(exc)) from None
    except BaseException:
        project.close()
        raise
    return project


def is_project_file(path: str | os.PathLike) -> bool:
    """True if ``path`` is a project open in this process or one of its SQLite files: never read it."""
    return registry.is_project_file(path)


__all__ = ["Project", "ProjectError", "open_project", "now", "is_project_file", "json_column", "reads", "MIGRATION_SET"]
