"""The store seam as types: what the application may use of a project, and what storage builds on.

``ProjectStore`` is all that code outside ``annotator.storage`` touches on a project object: where it
is, whether it is read-only, its small metadata, a transaction, closing it. Every operation on its data
is a function of a storage module taking the project as first argument — documents (documents.py:
add/get/list/delete, status), sections (sections.py, corrections included), spans (spans.py: every
layer, suggestions), events (events.py), labels (labels.py), search (search.py), comments, decisions,
bundles (bulk reads for exports), exchange_queries, gui_queries, reanchor, integrity. Those functions are
the same for every backend; they reach the database only through ``StoreBackend``. Nothing outside
storage sees a connection, a cursor or SQL (tests/unit/test_layering.py).

Two implementations: ``storage.project.Project`` (a SQLite file) and ``storage.pg.backend.PgProject`` (a
``postgresql://`` URL); ``storage.open_project`` picks one from its argument. A new backend implements
``StoreBackend`` (base.StoreBase does most of it) and a body for each migration.
"""

from __future__ import annotations

import contextlib
from typing import Any, Callable, Iterable, Iterator, Protocol, Sequence, TypeVar, runtime_checkable

from annotator.storage.base import Dialect

T = TypeVar("T")


@runtime_checkable
class ProjectStore(Protocol):
    """A project as the application sees it."""

    readonly: bool

    @property
    def location(self) -> str: ...  # path, or URL without password: for messages and logs

    def write(self) -> contextlib.AbstractContextManager: ...

    def transact(self, fn: Callable[[], T]) -> T: ...

    def meta(self, key: str) -> str | None: ...

    def set_meta(self, key: str, value: str) -> None: ...

    def witness(self, key: str, token: str) -> None: ...  # inside a write: found by witnessed iff it commits

    def witnessed(self, key: str, token: str) -> bool: ...

    def close(self) -> None: ...

    def is_at(self, path: Any) -> bool: ...  # is this file the project itself (a merge source, say)?


@runtime_checkable
class StoreBackend(ProjectStore, Protocol):
    """A project as storage's modules use it (see base.py for the SQL they may write)."""

    dialect: Dialect

    def execute(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any: ...

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None: ...

    def fetchone(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> tuple | None: ...

    def fetchall(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[tuple]: ...

    def scalar(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Any: ...

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[dict[str, Any]]: ...

    def stream(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> Iterator[tuple]: ...

    def insert_id(self, sql: str, params: Sequence[Any], *, table: str, explicit: bool = False) -> int: ...
