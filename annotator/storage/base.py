"""What every backend of a project offers storage's modules: one surface, two implementations.

storage/*.py (documents, sections, spans, events, labels, search, comments, …) never hold a driver
connection: they call ``project.execute/executemany/query/fetchone/fetchall/scalar/insert_id/stream`` with
SQL that reads the same on SQLite and PostgreSQL (``?`` and ``:name`` placeholders; upserts written as
``INSERT … ON CONFLICT … DO UPDATE/NOTHING``, which SQLite ≥ 3.24 and PostgreSQL both understand;
``instr`` and ``json_extract``, which the PostgreSQL schema defines as functions). The few things that
really differ — the search index, the integrity check, how a new id comes back — are branches on
``project.dialect`` inside storage, never outside it.

``Project`` (project.py, a SQLite file) and ``PgProject`` (pg/backend.py, a ``postgresql://`` URL) derive
from ``StoreBase``; store.py states the two surfaces as Protocols.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Iterator, Sequence, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Dialect:
    """What storage must know about the SQL it talks to. ``name`` is "sqlite" or "postgresql"."""

    name: str

    @property
    def sqlite(self) -> bool:
        return self.name == "sqlite"


SQLITE = Dialect("sqlite")
POSTGRESQL = Dialect("postgresql")


class StoreBase:
    """The backend-neutral half of a project; subclasses provide ``execute``, ``executemany``,
    ``insert_id``, ``write``, ``close`` and the attributes ``dialect``, ``path``, ``readonly``."""

    dialect: Dialect
    readonly: bool
    path: Any

    # -- to be provided by a backend -------------------------------------------------------------
    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()):  # pragma: no cover - abstract
        """Run one statement; returns a DB-API cursor (fetchone, fetchall, iteration, rowcount)."""
        raise NotImplementedError

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def insert_id(self, sql: str, params: Sequence[Any], *, table: str, explicit: bool = False) -> int:
        """Run an INSERT into ``table`` and return the new row's integer id. ``explicit``: the statement
        sets the id itself (a copied project keeps its ids); later rows must still get fresh ones."""
        raise NotImplementedError  # pragma: no cover - abstract

    def write(self) -> contextlib.AbstractContextManager:  # pragma: no cover - abstract
        raise NotImplementedError

    def close(self) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    @property
    def location(self) -> str:
        """Where the project is, fit for messages and logs: a path, or a URL without its password."""
        return str(self.path)

    def is_at(self, path) -> bool:
        """True when ``path`` names this project's own file (a server project has none)."""
        return False

    # -- shared ------------------------------------------------------------------------------------
    def fetchone(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> tuple | None:
        row = self.execute(sql, params).fetchone()
        return tuple(row) if row is not None else None

    def fetchall(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[tuple]:
        return [tuple(r) for r in self.execute(sql, params).fetchall()]

    def scalar(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any:
        """The first column of the first row, or None when there is no row."""
        row = self.execute(sql, params).fetchone()
        return row[0] if row is not None else None

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]:
        """Rows as dicts keyed by column name."""
        cursor = self.execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def stream(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Iterator[tuple]:
        """Rows one by one from their own cursor (several streams may advance side by side)."""
        return iter(self.execute(sql, params))

    def transact(self, fn: Callable[[], T]) -> T:
        """``fn()`` in one transaction, run again from the start when the backend reports that a
        concurrent transaction made it fail (PostgreSQL's serialization failures and deadlocks).
        Prefer it to ``with project.write():`` where the body may simply be repeated."""
        with self.write():
            return fn()

    def sync_at_end(self) -> contextlib.AbstractContextManager:
        """A block whose commits are made durable together when it ends (project.py: one fsync instead of
        one per commit). A backend whose commits are durable on the server when they return: nothing to do."""
        return contextlib.nullcontext()

    def meta(self, key: str) -> str | None:
        return self.scalar("SELECT value FROM project_meta WHERE key = ?", [key])

    def set_meta(self, key: str, value: str) -> None:
        with self.write():
            self.execute("INSERT INTO project_meta (key, value) VALUES (?, ?)"
                         " ON CONFLICT (key) DO UPDATE SET value = excluded.value", [key, value])

    def witness(self, key: str, token: str) -> None:
        """Inside a write: leave ``token`` where ``witnessed`` finds it if and only if this transaction
        commits (exchange/merge.py asks after a signal that may have landed just after the COMMIT). Here a
        project_meta row; a team project, whose members may not write project_meta, overrides it."""
        self.set_meta(key, token)

    def witnessed(self, key: str, token: str) -> bool:
        return self.meta(key) == token

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()
