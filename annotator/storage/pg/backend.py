"""A team project on a PostgreSQL server: the same storage functions over a psycopg connection.

``PgProject(url)`` implements the surface of base.StoreBase. What differs from a SQLite file, and why:
- SQL: storage writes ``?``/``:name`` placeholders; ``_translate`` turns them into psycopg's ``%s`` /
  ``%(name)s`` (once per statement text, cached), doubling every literal ``%``.
- Errors: psycopg's exceptions are re-raised as subclasses of the matching DB-API class of ``sqlite3``
  (``PgIntegrityError(sqlite3.IntegrityError)`` …, with the ``sqlstate``), so every ``except`` clause in
  storage and ``errors.StoreError`` hold for both backends without importing psycopg. A lost server is a
  ``ServerUnavailable`` (a ProjectError naming the URL without its password); the next call outside a
  transaction connects again.
- Transactions: the connection is in autocommit; ``write()`` opens a transaction (nested calls become
  savepoints, as on SQLite). READ COMMITTED: constraints (unique span identity, foreign keys) are what
  keeps concurrent writers apart. ``transact(fn)`` runs ``fn`` again after a serialization failure or
  a deadlock (SQLSTATE 40001/40P01), up to ``RETRIES`` times.
- Bounds: every call (a statement, a write() block, a deadline() block) is armed with the watchdog of
  deadline.py: a server that takes the connection and then says nothing (hung, SIGSTOPped, a network
  dropping packets) fails the call as ServerNotAnswering after ``answer_s`` + ``probe_s``; a busy one may
  run up to ``limit_s`` (also the session's statement_timeout), then ServerTooSlow. Connections carry TCP
  keepalives and tcp_user_timeout unless the URL sets its own. After a call was cut, calls that would
  reconnect fail at once for ``hold_s`` (the window's worker ends that early: reachable_again).
- Passwords: the URL's, else the OS keyring's (passwords.py), else libpq's own pgpass lookup.
- Opening: a database holding ``annotator_migrations`` is a project (a newer version's is refused); an
  empty database becomes one when ``create`` is true; a database with other tables is refused. There
  are no files beside it to judge: siblings.py and trust.py apply to SQLite only.
"""

from __future__ import annotations

import contextlib
import random
import sqlite3
import time
from pathlib import Path
from typing import Iterator

from annotator.storage.base import POSTGRESQL, StoreBase
from annotator.storage.errors import ProjectError
from annotator.storage.pg import schema
from annotator.storage.pg.dialect import _translate, execute_many  # noqa: F401 - search.py uses _translate
from annotator.storage.pg.errors import (_CLASSES, PermissionRefused, PgDatabaseError,  # noqa: F401
                                         ServerNotAnswering, ServerTooSlow, ServerUnavailable)
from annotator.storage.pg.passwords import connect_password
from annotator.storage.pg.deadline import (NOT_ANSWERING, WATCHDOG, Call, Silent, connect_options, connect_probed,
                                          endpoint, given)
from annotator.storage.urls import redact

CONNECT_TIMEOUT_S = 10
RETRIES = 8
# Every call (pg/deadline.py): after ANSWER_S without a reply the server is probed (PROBE_S to answer);
# a server that answers may take up to LIMIT_S per call (also its statement_timeout). The window's own
# project (services/team_edits.DesktopWriter.for_project) uses shorter ones: see ``bound_reads``.
ANSWER_S = 3.0
PROBE_S = 2.0
LIMIT_S = 600.0
# Opening: a connection not made within OPEN_ANSWER_S is checked with a probe (deadline.connect_probed):
# a server that answers it may take up to the connect timeout, one that does not is given up at once.
OPEN_ANSWER_S = 1.0
# libpq's connect_timeout has a floor of 2 s; a bounded call reconnects with at most this.
MIN_CONNECT_TIMEOUT_S = 2
# Reconnecting after a lost connection (the window's reads, on its UI thread): shorter than opening.
RECONNECT_TIMEOUT_S = 3
# After a call ran out of time, the server is taken as unreachable for this long: calls that would
# reconnect fail at once (as with a stopped server) instead of each waiting for its connect timeout.
HOLD_S = 5.0
# ``team init``: the limit of its calls to a server that answers (a layout change indexes every text).
LAYOUT_LIMIT_S = 6 * 3600.0
APPLICATION_NAME = "annotator"


def _driver():
    try:
        import psycopg  # noqa: PLC0415 - only team projects need the driver
    except ImportError:
        return None
    return psycopg


def _witness(project, key: str, token: str) -> None:
    """The server's own record of this transaction is the witness (StoreBase.witness): an annotator may
    not write project_meta (a lead's settings), and two members merging at once would overwrite one row."""
    project._witnesses[token] = str(project.scalar("SELECT pg_current_xact_id()"))


def _witnessed(project, key: str, token: str) -> bool:
    xid = project._witnesses.pop(token, None)
    return xid is not None and project.scalar("SELECT pg_xact_status(?::xid8)", [xid]) == "committed"


class PgProject(StoreBase):
    """An open team project. One per thread, like a SQLite Project."""

    dialect = POSTGRESQL

    def __init__(self, url: str, *, readonly: bool = False, create: bool = True):
        self.path = url  # the full URL (workers reopen it); messages use self.location
        self.readonly = readonly
        self._psycopg = _driver()
        if self._psycopg is None:
            raise ProjectError(url, "team projects need the PostgreSQL driver: pip install 'psycopg[binary]' "
                               "(or the app's 'team' extra)")
        self.conn = None
        self._connect_timeout = CONNECT_TIMEOUT_S  # deadline() lowers it for the calls it bounds
        self._hold_until = 0.0  # see HOLD_S
        self._depth = 0  # write() nesting: a broken connection is replaced only outside a transaction
        self._witnesses: dict[str, str] = {}  # witness token → the id of the transaction it was left in
        self.answer_s, self.probe_s, self.limit_s = ANSWER_S, PROBE_S, LIMIT_S
        self.hold_s = HOLD_S
        self._armed = None  # the deadline.Call bounding what runs now (a statement, a write() or deadline())
        self._endpoint = None  # (host or socket folder, port) the watchdog probes
        self._password: dict | None = None  # pg/passwords.connect_password, never shown nor kept elsewhere
        self.not_answering_since = 0.0  # monotonic time of the last call cut for no answer (0: answering)
        self.search_grams: bool | None = None  # pg/search._text_candidates: the text's trigram-set index exists
        self.search_prepared: set[str] | None = set()  # pg/prepared.py: search statements this connection holds
        self.conn = self._connect()
        try:
            with self._watched(self.conn):
                self._prepare(create)
        except sqlite3.DatabaseError as exc:  # e.g. no right to create tables, pg_trgm not installed
            self.close()
            raise ProjectError(url, f"cannot be opened as a team project ({_first_line(exc)})") from None
        except BaseException:
            self.close()
            raise

    @property
    def location(self) -> str:
        return redact(self.path)

    # -- opening -----------------------------------------------------------------------------------
    def _connect(self):
        psycopg = self._psycopg
        try:
            options = connect_options(self.path, connect_timeout=self._connect_timeout,
                                      application_name=APPLICATION_NAME)
            # ours first: the URL's own -c settings, if any, come later and win
            options["options"] = f"{self._session_options()} {given(self.path).get('options', '')}".strip()
            if self._password is None:  # the keyring's, read once (a keyring may ask the desktop); {} if none
                self._password = connect_password(self.path)
            password = self._password
            conn = connect_probed(lambda: psycopg.connect(self.path, autocommit=True, **options, **password),
                                  self.path, answer_s=OPEN_ANSWER_S, probe_s=self.probe_s)
        except Silent as exc:
            self._hold()
            self.not_answering_since = time.monotonic()
            raise ServerNotAnswering(self.path, f"the server is not answering ({exc}: it is stopped or hung, or "
                                     "the network drops packets); nothing was read or saved") from None
        except psycopg.OperationalError as exc:
            self._hold()
            if "timeout" in str(exc).lower():  # the server (or the network) took the connection, said nothing
                self.not_answering_since = time.monotonic()
                waited = given(self.path).get("connect_timeout", self._connect_timeout)
                raise ServerNotAnswering(self.path, f"the server is not answering (no reply to the connection within "
                                         f"{waited} s); nothing was read or saved") from None
            raise ServerUnavailable(self.path, f"cannot connect to the server ({_first_line(exc)})") from None
        except (psycopg.Error, ValueError) as exc:
            raise ProjectError(self.path, f"not a valid PostgreSQL URL ({_first_line(exc)})") from None
        self._endpoint = endpoint(conn)
        self.not_answering_since = 0.0
        self.search_grams = None  # asked again on the new connection (an owner may have laid it out since)
        self.search_prepared = set()  # a new connection holds no prepared statement
        return conn

    def _prepare(self, create: bool) -> None:
        newer = schema.unknown(self.conn)
        if newer:
            raise ProjectError(self.path, f"made by a newer version of the annotator (schema step {newer[-1]}); "
                               "update the app to open it")
        if not schema.applied(self.conn):
            others = self.conn.execute(
                "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()").fetchone()[0]
            if others:
                raise ProjectError(self.path, "not an annotator project (a database with other tables)")
            if not create or self.readonly:
                raise ProjectError(self.path, "no team project here yet: create it with `annotator team init URL`")
        pending = schema.pending(self.conn)
        if pending and self.readonly:
            raise ProjectError(self.path, "needs an upgrade to this version's format but was opened read-only")
        if pending:
            from annotator import __version__  # noqa: PLC0415
            from annotator.storage.project import now  # noqa: PLC0415

            self._guard(lambda: schema.migrate(self.conn))
            self.search_grams = None
            with self.write():
                self.set_meta("app_version", __version__)
                if not self.meta("created"):
                    self.set_meta("created", now())

    # -- bounds on every call (pg/deadline.py) ---------------------------------------------------------
    def _session_options(self) -> str:
        """Set at login (no extra round trip): the server's own bound on a call, and two settings."""
        # psycopg prepares a statement run 5 times; PostgreSQL may then plan it once for any parameter. A
        # generic plan for `clean_text LIKE $1` cannot know the pattern, so it scanned every text instead of
        # using the trigram index: a search after many others took 80 ms instead of 1 ms.
        options = f"-c statement_timeout={int(self.limit_s * 1000)} -c plan_cache_mode=force_custom_plan"
        return options + (" -c default_transaction_read_only=on" if self.readonly else "")

    def bound_reads(self, *, answer_s: float, probe_s: float, limit_s: float) -> None:
        """Shorter bounds for a project whose calls run on the window's thread (the default ones suit the
        CLI and workers: a long export may run minutes as long as the server answers)."""
        self.answer_s, self.probe_s, self.limit_s = answer_s, probe_s, limit_s
        if self.conn is not None and not self.conn.closed:
            self.execute(f"SET statement_timeout = {int(limit_s * 1000)}")

    @contextlib.contextmanager
    def _watched(self, conn, *, hard_s: float | None = None, what: str = "nothing was read or saved"):
        """Bound what runs inside (see pg/deadline.py); nested calls join the outer bound."""
        if self._armed is not None:
            yield
            return
        if hard_s is None:
            call = Call(conn, self._endpoint, self.answer_s, self.limit_s, self.probe_s)
        else:
            call = Call(conn, self._endpoint, hard_s, hard_s, 0.0, probe=False)
        self._armed = WATCHDOG.arm(call)
        try:
            yield
            if call.cut:  # done just as it was cut: the result stands, the shut socket must not be reused
                self._drop(hold=False)
        except (sqlite3.DatabaseError, ServerUnavailable) as exc:
            if not call.cut:
                if getattr(exc, "sqlstate", None) == "57014":  # the server's statement_timeout
                    raise ServerTooSlow(self.path, f"the server stopped a call that ran longer than {self.limit_s:g} s;"
                                        f" {what}") from None
                raise
            self._drop()
            if call.cut == NOT_ANSWERING:
                self.not_answering_since = time.monotonic()
                waited = hard_s if hard_s is not None else self.answer_s + self.probe_s
                raise ServerNotAnswering(self.path, f"the server is not answering (no reply within {waited:g} s: it "
                                         f"is stopped or hung, or the network drops packets); {what}") from None
            raise ServerTooSlow(self.path, f"the server answered but a call ran longer than {self.limit_s:g} s and "
                                f"was stopped; {what}") from None
        finally:
            self._armed = None
            WATCHDOG.disarm(call)

    def _drop(self, *, hold: bool = True) -> None:
        """Give up a connection the watchdog cut: the next call connects again (after ``hold_s``)."""
        if self.conn is not None:
            with contextlib.suppress(Exception):
                self.conn.close()
        self.conn = None
        if hold:
            self._hold()

    def _hold(self) -> None:
        self._hold_until = time.monotonic() + self.hold_s

    @contextlib.contextmanager
    def deadline(self, seconds: float):
        """Every call inside returns within about ``seconds`` (at least MIN_CONNECT_TIMEOUT_S for a
        reconnect), whether the server answers or not: the team writer's edits, which go to the outbox
        when the server is slow. Nothing of it is committed unless its COMMIT already reached the server,
        which is why the team writer records an operation id in the same transaction (team_edits.py)."""
        saved = self._connect_timeout
        self._connect_timeout = max(MIN_CONNECT_TIMEOUT_S, int(seconds + 0.999))
        try:
            with self._watched(self._live(), hard_s=seconds, what="the change was not saved"):
                yield
        finally:
            self._connect_timeout = saved

    def reachable_again(self) -> None:
        """Another connection reached the server (the outbox's sender): end the ``hold_s`` wait early."""
        self._hold_until = 0.0
        self.not_answering_since = 0.0

    # -- errors ------------------------------------------------------------------------------------
    def _translated(self, exc: Exception) -> Exception:
        psycopg = self._psycopg
        if isinstance(exc, psycopg.OperationalError) and (self.conn is None or self.conn.broken or self.conn.closed):
            return ServerUnavailable(self.path, f"the connection to the server was lost ({_first_line(exc)}); "
                                     "the change was not saved")
        if getattr(exc, "sqlstate", None) == "42501":
            out = PermissionRefused(self.path, _first_line(exc))
            out.sqlstate = "42501"
            return out
        for name, ours in _CLASSES:
            if isinstance(exc, getattr(psycopg, name)):
                break
        else:
            ours = PgDatabaseError
        out = ours(str(exc).strip())
        out.sqlstate = getattr(exc, "sqlstate", None)
        return out

    def _guard(self, fn):
        try:
            return fn()
        except self._psycopg.Error as exc:
            raise self._translated(exc) from exc

    def _live(self):
        """The connection; a broken one is replaced when no transaction depends on it."""
        if self.conn is None or self.conn.closed or self.conn.broken:
            if self._depth:
                raise ServerUnavailable(self.path, "the connection to the server was lost; the change was not saved")
            if time.monotonic() < self._hold_until:
                cls = ServerNotAnswering if self.not_answering_since else ServerUnavailable
                raise cls(self.path, "the server did not answer a moment ago (not asked again yet); nothing was "
                          "read or saved")
            saved, self._connect_timeout = self._connect_timeout, min(self._connect_timeout, RECONNECT_TIMEOUT_S)
            try:
                self.conn = self._connect()
            finally:
                self._connect_timeout = saved
        return self.conn

    # -- the backend surface -------------------------------------------------------------------------
    def execute(self, sql, params=()):
        conn = self._live()
        with self._watched(conn):
            return self._guard(lambda: conn.execute(_translate(sql), params if params is not None else ()))

    def executemany(self, sql, rows) -> None:
        conn = self._live()
        rows = list(rows)

        def run():
            with conn.cursor() as cur:
                execute_many(cur, sql, rows)
        with self._watched(conn):
            self._guard(run)

    def insert_id(self, sql, params, *, table: str, explicit: bool = False) -> int:
        new_id = self.execute(sql + " RETURNING id", params).fetchone()[0]
        if explicit:
            # An explicit id does not move the identity: later rows would collide with it.
            schema.sync_identities(self, tables=(table,))
        return new_id

    def stream(self, sql, params=()) -> Iterator[tuple]:
        return iter(self.execute(sql, params))

    @contextlib.contextmanager
    def write(self):
        """One transaction; nested calls join it through a savepoint. Rolled back on any error."""
        if self.readonly:
            raise ProjectError(self.path, "opened read-only; changes cannot be saved")
        conn = self._live()
        self._depth += 1
        try:
            with self._watched(conn, what="nothing of the change was saved"):  # BEGIN and COMMIT included
                try:
                    with conn.transaction():
                        yield self
                except self._psycopg.Error as exc:
                    raise self._translated(exc) from exc
        finally:
            self._depth -= 1

    def transact(self, fn):
        delay = 0.01
        for attempt in range(RETRIES + 1):
            try:
                with self.write():
                    return fn()
            except sqlite3.DatabaseError as exc:
                retry = getattr(exc, "sqlstate", None) in ("40001", "40P01") and attempt < RETRIES
                if not retry or self.in_transaction:
                    raise
                time.sleep(delay * (1 + random.random()))
                delay = min(delay * 2, 0.5)
        raise AssertionError("unreachable")  # pragma: no cover

    @property
    def in_transaction(self) -> bool:
        return self.conn is not None and self.conn.info.transaction_status != self._psycopg.pq.TransactionStatus.IDLE

    witness, witnessed = _witness, _witnessed  # exchange/merge.py's commit witness (see _witness)

    def is_at(self, path) -> bool:
        # Only the URL itself names a server project (Path() folds its "//" when a caller wrapped it).
        return str(path) in (self.path, str(Path(self.path)))

    def integrity_ok(self) -> bool:
        return True  # pages and indexes are the server's to check (amcheck); integrity.check does the rest

    def raw_connection(self):
        """The psycopg connection, for storage/pg only (team init's security.apply)."""
        return self._live()

    def close(self) -> None:
        if self.conn is not None:
            with contextlib.suppress(Exception):
                self.conn.close()
            self.conn = None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def init_team_project(url: str) -> PgProject:
    """``annotator team init URL``: create (or bring up to date) the schema, the default labels and the
    roles and row-level security of security.apply. Returns the open project."""
    from annotator.storage.labels import ensure_default_labels  # noqa: PLC0415
    from annotator.storage.pg import security  # noqa: PLC0415

    project = PgProject(url, create=True)
    try:
        ensure_default_labels(project)
        # Watched like every other call (a server that stops answering fails it, named, instead of hanging
        # the command), with room for the owner's one-time work on a large project (indexing every text).
        project.limit_s = LAYOUT_LIMIT_S
        with project._watched(project.raw_connection()):
            project._guard(lambda: security.apply(project.raw_connection()))
            project._guard(lambda: schema.settle_layout(project.raw_connection()))  # a project made before it
        project.limit_s = LIMIT_S
        project.search_grams = None
    except BaseException:
        project.close()
        raise
    return project


__all__ = ["PgProject", "ServerUnavailable", "ServerNotAnswering", "ServerTooSlow", "init_team_project", "RETRIES",
           "connect_options"]
