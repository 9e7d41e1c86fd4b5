"""The offline outbox: a member's edits survive a lost server and reach it exactly once.

``Outbox`` is a small SQLite file in the user's data folder (never beside a project, never on a shared
drive), written only through SQLite with synchronous=FULL: once ``put`` returns, the edit survives a
killed app and a power cut. ``TeamLink`` is what the app writes through: ``submit(op)`` sends the edit
at once when the server is there and nothing older is waiting; otherwise it puts it in the outbox.
Either way ``submit`` returns only when the edit is durable somewhere, and says where (``Saved``).

Sending is in the order the edits were made (a span's update must not overtake its creation), one
server transaction per operation that records the operation's id (team_ops.apply_op): an operation the
server applied but whose acknowledgement was lost is found there on the next attempt and not applied
again. Conflicts and refusals move to the ``conflicts`` table, shown until the member dismisses them —
never dropped silently. ``pending_count()`` and ``conflicts()`` are what the status bar shows.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import psycopg

from annotator.paths import data_dir
from annotator.storage.pg.deadline import watching
from annotator.storage.project import now
from annotator.storage.team_ops import NO_TEAM, Op, Outcome, apply_op, redact, team_ready

_SCHEMA = """
CREATE TABLE IF NOT EXISTS ops (
    seq INTEGER PRIMARY KEY AUTOINCREMENT, op_id TEXT NOT NULL UNIQUE, project TEXT NOT NULL, kind TEXT NOT NULL,
    annotator TEXT NOT NULL, payload TEXT NOT NULL, created TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT);
CREATE TABLE IF NOT EXISTS conflicts (
    op_id TEXT PRIMARY KEY, project TEXT NOT NULL, kind TEXT NOT NULL, annotator TEXT NOT NULL,
    payload TEXT NOT NULL, outcome TEXT NOT NULL, detail TEXT NOT NULL, server_row TEXT, recorded TEXT NOT NULL,
    dismissed INTEGER NOT NULL DEFAULT 0, code TEXT NOT NULL DEFAULT '');
"""

# Connection errors: the server is gone (stopped, restarted, network lost). Anything else is a bug or
# a refusal and is recorded by apply_op, never retried forever.
OFFLINE = (psycopg.OperationalError, psycopg.InterfaceError)


def default_path() -> Path:
    return data_dir() / "team-outbox.sqlite3"


@dataclass(frozen=True)
class Saved:
    where: str  # "server" or "outbox" (durable on this machine, sent when the server is back)
    outcome: Outcome | None = None  # the server's answer when sent at once


class Outbox:
    """One file, many projects (each queue keyed by the project's redacted URL and member)."""

    def __init__(self, path: str | Path | None = None):
        self.path = Path(path) if path else default_path()
        self._lock = threading.Lock()  # one connection, shared by the GUI thread and a sender thread
        self._db = sqlite3.connect(self.path, timeout=30, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(_SCHEMA)
        columns = {r[1] for r in self._db.execute("PRAGMA table_info(conflicts)")}
        if "code" not in columns:  # an outbox of the previous version: its conflicts keep an empty code
            self._db.execute("ALTER TABLE conflicts ADD COLUMN code TEXT NOT NULL DEFAULT ''")

    @contextlib.contextmanager
    def _tx(self):
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def put(self, project: str, op: Op) -> None:
        """Durable when this returns (or raises: then nothing was saved and the caller must say so)."""
        with self._tx() as db:
            db.execute("INSERT OR IGNORE INTO ops (op_id, project, kind, annotator, payload, created)"
                       " VALUES (?, ?, ?, ?, ?, ?)",
                       [op.op_id, project, op.kind, op.annotator, json.dumps(op.payload, ensure_ascii=False),
                        op.created])

    def pending(self, project: str, limit: int = 1000) -> list[Op]:
        with self._lock:
            rows = self._db.execute("SELECT op_id, kind, annotator, payload, created FROM ops WHERE project = ?"
                                    " ORDER BY seq LIMIT ?", [project, limit]).fetchall()
        return [Op(kind, who, json.loads(payload), op_id, created) for op_id, kind, who, payload, created in rows]

    def pending_count(self, project: str | None = None) -> int:
        with self._lock:
            if project is None:
                return self._db.execute("SELECT count(*) FROM ops").fetchone()[0]
            return self._db.execute("SELECT count(*) FROM ops WHERE project = ?", [project]).fetchone()[0]

    def settle(self, project: str, op: Op, outcome: Outcome) -> None:
        """The server answered: forget a sent op; keep a conflict or refusal for the member to see.

        Also how an edit refused on the direct path is kept (never ``put`` first): queued, even for the
        instant before its settle, the window's worker could send it again and its late answer re-list a
        conflict the member had dismissed (tests/team/test_team_conflict_race.py)."""
        with self._tx() as db:
            db.execute("DELETE FROM ops WHERE op_id = ?", [op.op_id])
            if outcome.outcome in ("conflict", "refused"):
                db.execute("INSERT OR REPLACE INTO conflicts (op_id, project, kind, annotator, payload, outcome, detail,"
                           " server_row, recorded, code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           [op.op_id, project, op.kind, op.annotator, json.dumps(op.payload, ensure_ascii=False),
                            outcome.outcome, redact(outcome.detail),
                            None if outcome.server_row is None else json.dumps(outcome.server_row, ensure_ascii=False),
                            now(), outcome.code])

    def failed_attempt(self, project: str, error: str) -> None:
        with self._tx() as db:
            db.execute("UPDATE ops SET attempts = attempts + 1, last_error = ? WHERE seq = "
                       "(SELECT min(seq) FROM ops WHERE project = ?)", [redact(error)[:500], project])

    def conflicts(self, project: str | None = None, *, include_dismissed: bool = False) -> list[dict]:
        sql = ("SELECT op_id, project, kind, annotator, payload, outcome, detail, server_row, recorded, code"
               " FROM conflicts")
        where, params = [], []
        if project is not None:
            where.append("project = ?")
            params.append(project)
        if not include_dismissed:
            where.append("dismissed = 0")
        sql += (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY recorded"
        keys = ("op_id", "project", "kind", "annotator", "payload", "outcome", "detail", "server_row", "recorded", "code")
        with self._lock:
            rows = self._db.execute(sql, params).fetchall()
        out = [dict(zip(keys, r)) for r in rows]
        for c in out:
            c["payload"] = json.loads(c["payload"])
            c["server_row"] = json.loads(c["server_row"]) if c["server_row"] else None
        return out

    def dismiss(self, op_id: str) -> None:
        with self._tx() as db:
            db.execute("UPDATE conflicts SET dismissed = 1 WHERE op_id = ?", [op_id])

    def close(self) -> None:
        with self._lock:
            self._db.close()


class TeamLink:
    """A member's writing path to a team project: straight to the server, through the outbox when needed.

    ``connect`` makes a new connection as the member (psycopg.connect with their conninfo; the password
    comes from the pgpass file or keyring, never from here). After a failed connection the link waits
    (1 s, doubling to 30 s) before trying again, so editing offline costs one local write per edit.
    """

    def __init__(self, project: str, connect: Callable[[], psycopg.Connection], outbox: Outbox):
        self.project, self._connect, self.outbox = redact(project), connect, outbox
        self._conn: psycopg.Connection | None = None
        self._retry_at = 0.0
        self._backoff = 1.0
        self._send_lock = threading.RLock()  # one sender at a time keeps the order of the queue
        self.last_error = ""

    # -- the connection ----------------------------------------------------------------------------
    def _online(self, force: bool = False) -> psycopg.Connection | None:
        if self._conn is not None and not self._conn.closed:
            return self._conn
        if not force and time.monotonic() < self._retry_at:
            return None
        try:
            self._conn = self._connect()
            self._conn.autocommit = True  # apply_op opens its own transaction blocks
            self._backoff = 1.0
            return self._conn
        except OFFLINE as exc:
            self._went_offline(exc)
            return None

    def _went_offline(self, exc: BaseException) -> None:
        self.last_error = redact(f"{self.project}: server unreachable ({str(exc).strip().splitlines()[0] if str(exc) else type(exc).__name__})")
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.close()
        self._conn = None
        self._retry_at = time.monotonic() + self._backoff
        self._backoff = min(self._backoff * 2, 30.0)

    @property
    def online(self) -> bool:
        return self._conn is not None and not self._conn.closed

    # -- writing -----------------------------------------------------------------------------------
    def submit(self, op: Op) -> Saved:
        """Save one edit; returns once it is durable on the server or in the outbox."""
        with self._send_lock:
            if self.outbox.pending_count(self.project) == 0:
                conn = self._online()
                if conn is not None:
                    try:
                        with watching(conn):
                            outcome = apply_op(conn, op)
                    except OFFLINE as exc:  # commit outcome unknown: the outbox resends, the server dedupes
                        self._went_offline(exc)
                    else:
                        if outcome.outcome in ("conflict", "refused"):
                            self.outbox.settle(self.project, op, outcome)  # listed, never queued
                        return Saved("server", outcome)
            self.outbox.put(self.project, op)
            self.flush()
            still = any(p.op_id == op.op_id for p in self.outbox.pending(self.project))
            return Saved("outbox" if still else "server")

    def flush(self, *, force: bool = False, batch: int = 200) -> int:
        """Send what waits, oldest first, until the outbox is empty or the server is gone. Returns how
        many were settled."""
        settled = 0
        with self._send_lock:
            while True:
                ops = self.outbox.pending(self.project, batch)
                if not ops:
                    return settled
                conn = self._online(force)
                if conn is None:
                    if force:  # a real attempt failed: note why beside the oldest waiting edit
                        self.outbox.failed_attempt(self.project, self.last_error)
                    return settled
                try:
                    with watching(conn):
                        ready = team_ready(conn)
                except OFFLINE as exc:
                    self._went_offline(exc)
                    return settled
                if not ready:  # never set up by team init: nothing could record an op id, so none is sent;
                    # each is listed as refused with what to do, instead of waiting forever
                    for op in ops:
                        self.outbox.settle(self.project, op, Outcome(op.op_id, "refused", NO_TEAM, code="no_team"))
                        settled += 1
                    continue
                for op in ops:
                    try:
                        with watching(conn):  # a hung server is cut, not waited for: the op stays queued
                            outcome = apply_op(conn, op)
                    except OFFLINE as exc:
                        self._went_offline(exc)
                        self.outbox.failed_attempt(self.project, self.last_error)
                        return settled
                    self.outbox.settle(self.project, op, outcome)
                    settled += 1

    def pending_count(self) -> int:
        return self.outbox.pending_count(self.project)

    def conflicts(self) -> list[dict]:
        return self.outbox.conflicts(self.project)

    def status(self) -> dict:
        """What the status bar shows."""
        return {"online": self.online, "pending": self.pending_count(), "conflicts": len(self.conflicts()),
                "last_error": self.last_error}

    def close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.close()
        self._conn = None
