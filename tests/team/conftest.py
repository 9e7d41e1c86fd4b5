"""A throwaway PostgreSQL cluster for the team tests, and fresh team projects on it.

The cluster (annotator/bench/team_cluster.py) starts once per session on a free port and is deleted at
the end. Each ``team`` fixture is a new database with the project tables, ``security.apply`` (roles and
row-level security), the default labels, one document and three members: annotators ``alice`` and
``bob`` and lead ``lena``. Members log in with passwords from a pgpass file (never in a URL), as the
product tells teams to.

Without server binaries the tests fail under CI=true (.ci/run installs them) and skip elsewhere.
"""

from __future__ import annotations

import itertools
import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest

psycopg = pytest.importorskip("psycopg")

from annotator.bench.team_cluster import Cluster, server_bin  # noqa: E402
from annotator.storage.pg import security  # noqa: E402

MEMBERS = {"alice": "annotator", "bob": "annotator", "lena": "lead"}
_counter = itertools.count(1)


def _create_schema(conn) -> None:
    """The backend's own migrations (storage/pg/schema.py), as ``team init`` runs them."""
    from annotator.storage.pg import schema as pg_schema  # noqa: PLC0415

    pg_schema.migrate(conn)


@pytest.fixture(scope="session")
def cluster():
    if server_bin() is None:
        message = "no PostgreSQL server binaries (install postgresql or set PG_BIN)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    c = Cluster()
    yield c
    c.stop(remove=True)


@dataclass
class Team:
    cluster: Cluster
    dbname: str
    passfile: Path
    passwords: dict[str, str] = field(default_factory=dict)
    doc_id: int = 0

    def conninfo(self, user: str, **extra: str) -> str:
        """How a member connects: TCP, password from the pgpass file."""
        parts = {"host": "127.0.0.1", "port": str(self.cluster.port), "user": user, "dbname": self.dbname,
                 "passfile": str(self.passfile), "connect_timeout": "5", **extra}
        return " ".join(f"{k}={v}" for k, v in parts.items())

    def connect(self, user: str, **kw):
        return psycopg.connect(self.conninfo(user), **kw)

    def admin(self, **kw):
        return psycopg.connect(self.cluster.admin_dsn(self.dbname), **kw)

    def add_member(self, name: str, role: str) -> None:
        password = f"pw-{name}-{os.urandom(4).hex()}"
        with self.admin(autocommit=True) as conn:
            security.add_member(conn, name, role, password)
        self.passwords[name] = password
        with open(self.passfile, "a", encoding="utf-8") as f:
            f.write(f"127.0.0.1:{self.cluster.port}:{self.dbname}:{name}:{password}\n")
        os.chmod(self.passfile, 0o600)


def make_team(cluster: Cluster, folder: Path, members: dict[str, str] = MEMBERS, *, docs: int = 1) -> Team:
    dbname = f"team{next(_counter)}_{os.getpid()}"
    cluster.create_database(dbname)
    team = Team(cluster, dbname, folder / "pgpass")
    team.passfile.touch(mode=0o600)
    with team.admin(autocommit=True) as conn:
        _create_schema(conn)
        with conn.transaction():
            for ord_, name in enumerate(("directive", "statistic")):  # keys 1 and 2, as team init gives them
                conn.execute("INSERT INTO labels (name, colour, hotkey, ord) VALUES (%s, '#888888', %s, %s) "
                             "ON CONFLICT DO NOTHING", [name, str(ord_ + 1), ord_])
            for i in range(docs):
                text = f"第{i}篇。一、要坚持稳中求进。二、全年增长百分之五。" * 3
                row = conn.execute(
                    "INSERT INTO documents (title, raw_text, clean_text, sha256, char_count, imported_at) "
                    "VALUES (%s, %s, %s, md5(%s), %s, now()::text) RETURNING id",
                    [f"doc {i}", text, text, text, len(text)]).fetchone()
                team.doc_id = team.doc_id or row[0]
        security.apply(conn)
    for name, role in members.items():
        team.add_member(name, role)
    return team


@pytest.fixture(scope="session")
def team_maker():
    """make_team for module-scoped fixtures (a test module never imports a conftest by name: with
    several conftest.py files in the tree, which one ``import conftest`` finds depends on the order)."""
    return make_team


@pytest.fixture
def team(cluster, tmp_path) -> Team:
    return make_team(cluster, tmp_path)


@pytest.fixture
def member_window(team, tmp_path, qtbot, monkeypatch):
    """open(name) → (the desktop window on ``team`` logged in as that member, its URL), as `annotator URL`
    opens it (English UI, the outbox file of this test only). Closed afterwards; a cluster a test
    stopped is started again."""
    from annotator.app import create_window  # noqa: PLC0415 - Qt only for the GUI tests
    from annotator.gui.settings import Settings  # noqa: PLC0415

    monkeypatch.setenv("ANNOTATOR_HOME", str(tmp_path / "home"))
    opened = []

    def open_as(name: str):
        settings_file = tmp_path / f"settings-{name}.ini"
        settings = Settings(settings_file)
        settings.annotator, settings.language = name, "en"
        settings.sync()
        url = team.cluster.url(name, team.dbname) + f"?passfile={team.passfile}&connect_timeout=3"
        window, project = create_window(url, settings_file=settings_file, first_run=False)
        opened.append((window, project))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.session.doc_id is not None, timeout=20_000)
        return window, url

    yield open_as
    for window, project in opened:
        window.close()
        if not team.cluster.running():
            team.cluster.start()
            team.cluster.wait_ready()
        project.close()


@pytest.fixture(scope="session")
def hang():
    """(the pids of a cluster's processes, a signal sender): SIGSTOP them all to make a server that
    accepts connections and never answers (test_team_hung_server.py, test_team_gui.py)."""
    def cluster_pids(c) -> list[int]:
        """The postmaster (first line of postmaster.pid) and every process it started."""
        root = int(Path(c.data, "postmaster.pid").read_text().split()[0])
        pids = [root]
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_text()
                except OSError:
                    continue
                if int(stat.rsplit(")", 1)[1].split()[1]) == root:
                    pids.append(int(entry.name))
        return pids

    def send(pids, sig) -> None:
        for pid in pids:
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass

    return cluster_pids, send
