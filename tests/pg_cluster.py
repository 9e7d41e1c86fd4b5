"""A throwaway PostgreSQL cluster for the tests (or the server named by ANNOTATOR_TEST_PG_URL).

``PgCluster.start()`` runs ``initdb`` into a temporary folder, then ``pg_ctl start`` with the server
listening on a unix socket inside that folder and on a free loopback TCP port; ``stop()`` stops it and
removes the folder. PostgreSQL refuses to run as root, so as root every server command runs as the
``postgres`` user (``runuser -u postgres --``) and the folder is handed to that user.

Authentication: the unix socket trusts every role (the tests connect as the superuser ``postgres``
without a password, and as the roles the team tests create); TCP asks for a password (scram), so a test
of passwords and URLs has a real server to be refused by. ``superuser_password`` is random per cluster.

``fsync=off``: a test cluster never outlives a power cut, and fsync made each CREATE DATABASE ~10× slower
on the shared CI disk. Stopping and starting the server (the fault tests) keeps every committed row.

Each test gets its own database (``new_database``), created from ``template0`` so no test sees another's
rows; URLs are ``postgresql://`` URLs psycopg and ``annotator.storage.open_project`` both accept.
"""

from __future__ import annotations

import glob
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

ENV_URL = "ANNOTATOR_TEST_PG_URL"


class ClusterUnavailable(RuntimeError):
    """No PostgreSQL server could be started or reached; the message says why."""


def find_bindir() -> Path | None:
    """The folder holding initdb and pg_ctl: on PATH, else the newest Debian/Ubuntu install."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                        key=lambda p: int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0)
    return Path(candidates[-1]).parent if candidates else None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgCluster:
    """One PostgreSQL server for a test session (see the module docstring)."""

    def __init__(self, *, admin_url: str | None = None):
        self.external = admin_url is not None
        self.admin_url = admin_url or ""
        self.tmp: Path | None = None
        self.port = 0
        self.socket_dir: Path | None = None
        self.superuser_password = secrets.token_hex(12)
        self._bindir: Path | None = None
        self._counter = 0

    # -- a server of our own ---------------------------------------------------------------------
    def _as_server_user(self, args: list[str]) -> list[str]:
        if os.geteuid() == 0:
            return ["runuser", "-u", "postgres", "--", *args]
        return args

    def _run(self, args: list[str], what: str, timeout: float = 120) -> None:
        try:
            done = subprocess.run(self._as_server_user(args), capture_output=True, text=True, timeout=timeout)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise ClusterUnavailable(f"{what} failed: {exc}") from None
        if done.returncode != 0:
            raise ClusterUnavailable(f"{what} failed (exit {done.returncode}): {(done.stderr or done.stdout).strip()[-800:]}")

    def start(self) -> "PgCluster":
        if self.external:
            self._check_reachable()
            return self
        bindir = find_bindir()
        if bindir is None:
            raise ClusterUnavailable("PostgreSQL server binaries (initdb, pg_ctl) not found "
                                     f"(install the postgresql package, or set {ENV_URL})")
        self._bindir = bindir
        self.tmp = Path(tempfile.mkdtemp(prefix="annotator-pg-"))
        data, self.socket_dir = self.tmp / "data", self.tmp / "sock"
        self.socket_dir.mkdir()
        pwfile = self.tmp / "pw"
        pwfile.write_text(self.superuser_password + "\n")
        if os.geteuid() == 0:
            shutil.chown(self.tmp, "postgres")
            shutil.chown(self.socket_dir, "postgres")
            shutil.chown(pwfile, "postgres")
        os.chmod(self.tmp, 0o700)
        self._run([str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8",
                   "--auth-local=trust", "--auth-host=scram-sha-256", f"--pwfile={pwfile}", "--no-sync"], "initdb")
        pwfile.unlink()
        self.port = _free_port()
        options = (f"-k {self.socket_dir} -p {self.port} -h 127.0.0.1 -c fsync=off -c full_page_writes=off "
                   "-c max_connections=200 -c shared_buffers=32MB")
        self._run([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(self.tmp / "server.log"), "-w", "-t", "60",
                   "-o", options, "start"], "pg_ctl start")
        self.admin_url = self.socket_url("postgres")
        return self

    @property
    def data_dir(self) -> Path | None:
        return self.tmp / "data" if self.tmp else None

    def pg_ctl(self, action: str, *extra: str) -> None:
        """Stop, start or restart our own server (the fault tests take it away and bring it back)."""
        if self.external or self._bindir is None:
            raise ClusterUnavailable(f"cannot {action} a server this test run did not start")
        args = [str(self._bindir / "pg_ctl"), "-D", str(self.data_dir), "-w", "-t", "60"]
        if action in ("start", "restart"):
            args += ["-l", str(self.tmp / "server.log"), "-o",
                     f"-k {self.socket_dir} -p {self.port} -h 127.0.0.1 -c fsync=off -c full_page_writes=off "
                     "-c max_connections=200 -c shared_buffers=32MB"]
        self._run([*args, *extra, action], f"pg_ctl {action}")

    def stop(self) -> None:
        """Stop the server and remove its folder (idempotent)."""
        if self.external or self.tmp is None:
            return
        try:
            if (self.tmp / "data" / "postmaster.pid").exists():
                self._run([str(self._bindir / "pg_ctl"), "-D", str(self.tmp / "data"), "-m", "fast", "-w", "stop"],
                          "pg_ctl stop")
        finally:
            shutil.rmtree(self.tmp, ignore_errors=True)
            self.tmp = None

    # -- URLs and databases ----------------------------------------------------------------------
    def socket_url(self, dbname: str, user: str = "postgres") -> str:
        """A URL over the unix socket (trusted: no password)."""
        if self.external:
            return self._with_db(self.admin_url, dbname)
        return f"postgresql://{quote(user)}@/{quote(dbname)}?host={quote(str(self.socket_dir))}&port={self.port}"

    def tcp_url(self, dbname: str, user: str = "postgres", password: str | None = None) -> str:
        """A URL over loopback TCP (password checked); the superuser's password when none is given."""
        if self.external:
            return self._with_db(self.admin_url, dbname)
        secret = self.superuser_password if password is None else password
        return f"postgresql://{quote(user)}:{quote(secret)}@127.0.0.1:{self.port}/{quote(dbname)}"

    @staticmethod
    def _with_db(url: str, dbname: str) -> str:
        parts = urlsplit(url)
        return urlunsplit((parts.scheme, parts.netloc, "/" + quote(dbname), parts.query, parts.fragment))

    def _admin(self):
        import psycopg  # noqa: PLC0415 - only sessions that use PostgreSQL need the driver

        return psycopg.connect(self.admin_url, autocommit=True, connect_timeout=10)

    def _check_reachable(self) -> None:
        try:
            with self._admin() as conn:
                conn.execute("SELECT 1")
        except Exception as exc:  # noqa: BLE001 - any failure means: no server for the tests
            raise ClusterUnavailable(f"{ENV_URL} is set but the server cannot be reached: "
                                     f"{type(exc).__name__}: {str(exc).strip()[:300]}") from None

    def new_database(self, prefix: str = "t") -> str:
        """A fresh empty database (UTF-8); returns its name."""
        self._counter += 1
        name = f"{prefix}_{os.getpid()}_{self._counter}_{secrets.token_hex(3)}"
        with self._admin() as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0 ENCODING \'UTF8\'')
        return name

    def drop_database(self, name: str) -> None:
        with self._admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def cluster_from_environment() -> PgCluster:
    """The cluster the tests use: ANNOTATOR_TEST_PG_URL when set, else one started here."""
    url = os.environ.get(ENV_URL, "").strip()
    return PgCluster(admin_url=url or None).start()
