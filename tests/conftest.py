"""Shared test setup: headless Qt, an isolated settings/data folder, the seed corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Must be set before anything imports Qt; pytest-qt creates the QApplication lazily.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory, monkeypatch):
    # Nothing a test does may touch the real user's settings or default project.
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("ANNOTATOR_HOME", str(home))
    yield


def missing_shared_data(what: str) -> None:
    """Shared data a test needs is absent: skip on a developer's machine, fail under CI.

    CI runs on a clean clone beside ../shared; if the folder vanished there, a skip would turn every
    seed test green without running it, so CI fails instead.
    """
    message = f"{what} not present (expected beside the repository, in ../shared)"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message + " — CI must run with the shared data", pytrace=False)
    pytest.skip(message)


@pytest.fixture
def require_shared():
    """The skip-or-fail rule above, for tests that read other files of ../shared."""
    return missing_shared_data


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir() or not any(SEEDS.glob("*.txt")):
        missing_shared_data("../shared/seeds")
    return SEEDS


@pytest.fixture
def data_dir() -> Path:
    return DATA


# -- PostgreSQL (issue 16): one throwaway cluster per session, one fresh database per test -------------
def _pg_unavailable(reason: str) -> None:
    """No PostgreSQL for the tests: skip on a developer's machine, FAIL under CI (a skip there would turn
    every PostgreSQL test green without running it). .ci/run installs the server."""
    message = f"PostgreSQL not available: {reason}"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message + " — CI must run the PostgreSQL tests", pytrace=False)
    pytest.skip(message)


@pytest.fixture(scope="session")
def pg_cluster():
    """The session's PostgreSQL server (tests/pg_cluster.py): ANNOTATOR_TEST_PG_URL, or one we start."""
    try:  # tests/ is on sys.path (rootdir conftest); tests.pg_cluster when run as a namespace package
        from pg_cluster import ClusterUnavailable, cluster_from_environment
    except ImportError:
        from tests.pg_cluster import ClusterUnavailable, cluster_from_environment

    try:
        import psycopg  # noqa: F401
    except ImportError:
        _pg_unavailable("the psycopg driver is not installed (pip install 'psycopg[binary]')")
    try:
        cluster = cluster_from_environment()
    except ClusterUnavailable as exc:
        _pg_unavailable(str(exc))
    try:
        yield cluster
    finally:
        cluster.stop()


@pytest.fixture
def pg_url(pg_cluster):
    """A URL (unix socket, superuser) to a fresh, empty database, dropped after the test."""
    name = pg_cluster.new_database()
    try:
        yield pg_cluster.socket_url(name)
    finally:
        try:
            pg_cluster.drop_database(name)
        except Exception:  # noqa: BLE001 - a server a fault test left stopped: the folder goes anyway
            pass


@pytest.fixture
def pg_project(pg_url):
    """The URL of a fresh database made an empty team project (schema only, no roles)."""
    _pg_schema(pg_url)
    return pg_url


# -- one storage suite, two backends (issue 16 point 5) ---------------------------------------------------
@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request) -> str:
    """The storage backend a test runs on; tests taking ``project_target`` or ``store`` run on both."""
    return request.param


@pytest.fixture
def project_target(backend, tmp_path, request):
    """Where a fresh project goes: a ``.db`` path, or the URL of a fresh PostgreSQL database. Opening it
    with ``open_project`` creates the project, on either backend."""
    if backend == "sqlite":
        return tmp_path / "p.annotator.db"
    url = request.getfixturevalue("pg_url")
    _pg_schema(url)
    return url


def _pg_schema(url: str) -> None:
    """Make the empty database a project (schema only). ``open_project`` never creates a team project
    (that is `annotator team init`, which also sets up roles and row-level security, cluster-wide); the
    storage suite needs a plain one per test, as a fresh SQLite file is."""
    from annotator.storage.pg.backend import PgProject

    PgProject(url, create=True).close()


@pytest.fixture
def store(project_target):
    """A fresh open project on each backend (closed after the test)."""
    from annotator.storage import open_project

    project = open_project(project_target)
    try:
        yield project
    finally:
        project.close()


@pytest.fixture
def project_at(backend, tmp_path, request):
    """``project_at("t.db")``: where the project called "t.db" of this test lives on this test's backend —
    ``tmp_path / "t.db"``, or the URL of a fresh PostgreSQL database made an (empty) project (the same
    one for the same name)."""
    if backend == "sqlite":
        yield lambda name: tmp_path / name
        return
    cluster = request.getfixturevalue("pg_cluster")
    made: dict[str, str] = {}

    def at(name: str) -> str:
        if name not in made:
            made[name] = cluster.new_database()
            _pg_schema(cluster.socket_url(made[name]))
        return cluster.socket_url(made[name])

    yield at
    for database in made.values():
        try:
            cluster.drop_database(database)
        except Exception:  # noqa: BLE001 - a server a fault test left stopped
            pass
