"""tests/gui's main-window tests, run again on a PostgreSQL project (issue 16: "the GUI end-to-end suites
pass on both backends"). Helpers for tests/team/test_team_gui_<module>.py (one per tests/gui module) —
not a test module.

The GUI tests (another owner's, tests/gui) are imported, never copied: a PG module imports their test
functions and fixtures (tests/gui/conftest.py's ``make_window``, ``settings_file`` …) by name and pytest
collects them there, where this module's ``project_path`` (the URL of a team project holding the sample
speech) stands in for the SQLite one. The tests name projects as SQLite files (``tmp_path / "x.db"``)
and read them back with ``sqlite3``; ``on_postgresql`` (autouse in the PG modules) turns each such name
into a fresh PostgreSQL database of this test's cluster (the same database for the same name) wherever
the test opens a project — ``open_project`` (the module's and ``annotator.storage``'s), ``create_window``
(the module's and ``annotator.app``'s, which ``make_window`` calls), ``sqlite3.connect`` (a reader over
psycopg that takes sqlite3's ``?`` placeholders) — so each test walks the same steps against the
server; afterwards it checks that a PostgreSQL project was made and no SQLite file was. A test that
touches the file itself (permissions, PRAGMAs) or reads it with its own ``import sqlite3`` cannot run
on a server and is not imported (each PG module says which).
"""

from __future__ import annotations

import sqlite3 as _sqlite3
import sys
from pathlib import Path

import pytest

from annotator.storage import open_project as _open_project

# tests/gui's modules import each other's helpers by their bare names (pytest puts tests/gui on sys.path
# when it collects them there); imported from here, they need the same.
_GUI = str(Path(__file__).resolve().parent.parent / "gui")
if _GUI not in sys.path:
    sys.path.append(_GUI)


class Databases:
    """A project name (a ``.db`` path of the test) → the URL of its PostgreSQL database (made a project)."""

    def __init__(self, cluster):
        self.cluster = cluster
        self.made: dict[str, str] = {}

    def url(self, where, *, create: bool = True):
        """``where`` as this backend's project: a ``.db`` path → its database's URL; anything else as is.
        A name not made yet and opened with ``create=False`` (a missing project a test expects refused)
        → the URL of a database of that name that does not exist, which the server refuses the same way."""
        if isinstance(where, (str, Path)) and str(where).endswith(".db") and "://" not in str(where):
            key = str(Path(where).resolve())
            if key not in self.made and not create:
                return self.cluster.socket_url(Path(where).name)
            if key not in self.made:
                from annotator.storage.pg.backend import PgProject  # noqa: PLC0415

                name = self.cluster.new_database("gui")
                self.made[key] = self.cluster.socket_url(name)
                PgProject(self.made[key], create=True).close()
            return self.made[key]
        return where

    def drop(self) -> None:
        for url in self.made.values():
            name = url.split("@/", 1)[1].split("?", 1)[0]
            try:
                self.cluster.drop_database(name)
            except Exception:  # noqa: BLE001 - gone with the cluster anyway
                pass


class _Reader:
    """What the GUI tests do with ``sqlite3.connect(project)``: read rows (and commit), on PostgreSQL."""

    def __init__(self, url: str):
        import psycopg  # noqa: PLC0415

        self.conn = psycopg.connect(url, autocommit=True)

    def execute(self, sql: str, params=()):
        from annotator.storage.pg.backend import _translate  # noqa: PLC0415 - sqlite3's ? → psycopg's %s

        return self.conn.execute(_translate(sql), list(params))

    def commit(self) -> None:
        pass

    def close(self) -> None:
        self.conn.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class SqliteOnPg:
    """Stands in for the ``sqlite3`` module inside a GUI test module: ``connect`` of a project name reads
    the PostgreSQL database; everything else (the exception classes) is sqlite3's."""

    def __init__(self, databases: Databases):
        self._databases = databases

    def connect(self, where, *args, **kwargs):
        url = self._databases.url(where)
        if isinstance(url, str) and url.startswith("postgresql://"):
            return _Reader(url)
        return _sqlite3.connect(where, *args, **kwargs)

    def __getattr__(self, name: str):
        return getattr(_sqlite3, name)


def install(monkeypatch, databases: Databases, modules) -> None:
    """Point each GUI test module's project openers, and the window factory tests/gui/conftest.py's
    ``make_window`` calls, at PostgreSQL (see the module docstring)."""
    import annotator.app  # noqa: PLC0415
    import annotator.storage  # noqa: PLC0415

    real_window = annotator.app.create_window

    def opener(where, *args, **kwargs):
        return _open_project(databases.url(where, create=kwargs.get("create", True)), *args, **kwargs)

    def window(where, *args, **kwargs):
        return real_window(databases.url(where), *args, **kwargs)

    monkeypatch.setattr(annotator.app, "create_window", window)
    monkeypatch.setattr(annotator.storage, "open_project", opener)  # a test's own `from … import` inside it
    for module in modules:
        if hasattr(module, "open_project"):
            monkeypatch.setattr(module, "open_project", opener)
        if hasattr(module, "sqlite3"):
            monkeypatch.setattr(module, "sqlite3", SqliteOnPg(databases))
        if hasattr(module, "create_window"):
            monkeypatch.setattr(module, "create_window", window)


@pytest.fixture
def pg_databases(pg_cluster):
    databases = Databases(pg_cluster)
    yield databases
    databases.drop()


def on_postgresql(databases: Databases, tmp_path: Path, modules):
    """The body of each PG module's autouse fixture (a generator): ``install``, run the test, then check
    that it really ran on the server — a project was made there and no SQLite project file was. Its own
    MonkeyPatch: a test's ``monkeypatch.undo()`` must not put the SQLite openers back mid-test."""
    patch = pytest.MonkeyPatch()
    try:
        install(patch, databases, modules)
        yield
    finally:
        patch.undo()
    assert databases.made, "the test opened no project on PostgreSQL"
    assert not [p for p in tmp_path.rglob("*.db*") if p.is_file()], "a SQLite project was written"


@pytest.fixture
def project_path(pg_databases, tmp_path):
    """tests/gui/conftest.py's ``project_path`` on PostgreSQL: the URL of a team project (schema only)
    holding the sample speech."""
    return sample_project(pg_databases, tmp_path)


def sample_project(databases: Databases, folder: Path) -> str:
    from tests.gui.conftest import SAMPLE  # noqa: PLC0415

    from annotator.ingest import import_paths  # noqa: PLC0415

    url = databases.url(folder / "project.db")
    with _open_project(url) as project:
        assert import_paths(project, [SAMPLE]).imported == 1
    return url


class ProjectUrl(str):
    """A project's URL that also answers ``.parent`` (the test's folder), for the tests that put a file
    "next to the project" (``project_path.parent / "labels.jsonl"``): a server project has no folder."""

    def __new__(cls, url: str, parent: Path):
        made = super().__new__(cls, url)
        made.parent = parent
        return made
