"""A throwaway PostgreSQL cluster for the team tests and the team benchmark rows.

Started from the server binaries (PG_BIN, else /usr/lib/postgresql/*/bin, else PATH) in a temporary
folder, on a free TCP port of 127.0.0.1 plus a Unix socket in that folder; stopped and deleted by
``stop(remove=True)``. PostgreSQL refuses to run as root, so as root every server command runs as the
``postgres`` user (``runuser``) and the folder is handed to that user.

Authentication: the bootstrap superuser connects over the socket without a password (``trust`` for
that one user only); every other role needs its password (scram-sha-256), as on a real server, so the
row-level-security tests see real logins. With ``ssl=True`` a CA and a server certificate for
``localhost`` are made with openssl and TCP connections must use TLS (``hostssl``).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

SUPERUSER = "postgres"


def server_bin() -> Path | None:
    """The folder of initdb/pg_ctl, or None when no server is installed here."""
    candidates = [os.environ.get("PG_BIN", "")] + sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)
    for folder in candidates:
        if folder and (Path(folder) / "pg_ctl").exists():
            return Path(folder)
    found = shutil.which("pg_ctl")
    return Path(found).parent if found else None


def unavailable() -> str | None:
    """Why the team rows cannot run here (None when they can): no server binaries, or no psycopg."""
    if server_bin() is None:
        return "no PostgreSQL server binaries (install postgresql or set PG_BIN)"
    try:
        import psycopg  # noqa: F401, PLC0415 - only the team rows need the driver
    except ImportError:
        return "psycopg is not installed (pip install 'annotator[team]')"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    def __init__(self, *, ssl: bool = False):
        self.bin = server_bin()
        if self.bin is None:
            raise RuntimeError("no PostgreSQL server binaries (set PG_BIN to the folder of pg_ctl)")
        self.root = Path(tempfile.mkdtemp(prefix="annotator-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.ssl = ssl
        self._as_root = os.geteuid() == 0
        if self._as_root:
            os.chmod(self.root, 0o755)
            shutil.chown(self.root, SUPERUSER)
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "-A", "scram-sha-256", "--auth-local=trust",
                  "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        self._configure()
        self.start()

    # -- running server commands as a user PostgreSQL accepts -------------------------------------
    def _run(self, tool: str, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        cmd = [str(self.bin / tool), *args]
        if self._as_root:
            cmd = ["runuser", "-u", SUPERUSER, "--", *cmd]
        return subprocess.run(cmd, capture_output=True, text=True, check=check, timeout=120)

    def _configure(self) -> None:
        hba = ["local all postgres trust", "local all all scram-sha-256"]
        conf = [f"port = {self.port}", "listen_addresses = '127.0.0.1'", f"unix_socket_directories = '{self.root}'",
                "fsync = on", "max_connections = 100", "shared_buffers = 32MB"]
        if self.ssl:
            self._make_certs()
            conf += ["ssl = on", "ssl_cert_file = 'server.crt'", "ssl_key_file = 'server.key'",
                     "ssl_ca_file = 'ca.crt'"]
            hba.append("hostssl all all 127.0.0.1/32 scram-sha-256")
        else:
            hba.append("host all all 127.0.0.1/32 scram-sha-256")
        self._write(self.data / "pg_hba.conf", "\n".join(hba) + "\n")
        with open(self.data / "postgresql.conf", "a", encoding="utf-8") as f:
            f.write("\n" + "\n".join(conf) + "\n")

    def _write(self, path: Path, text: str) -> None:
        path.write_text(text, encoding="utf-8")
        if self._as_root:
            shutil.chown(path, SUPERUSER)

    def _make_certs(self) -> None:
        """A CA, and a server certificate it signs for the name ``localhost`` (and 127.0.0.1's name only
        as DNS ``localhost``: connecting by the address itself must fail verify-full)."""
        d = self.data
        subj = "/CN=annotator-test-ca"

        def ssl(*args: str) -> None:
            subprocess.run(["openssl", *args], cwd=d, check=True, capture_output=True, timeout=60)

        ssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", subj,
            "-keyout", "ca.key", "-out", "ca.crt")
        ssl("req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-keyout", "server.key",
            "-out", "server.csr")
        (d / "ext.cnf").write_text("subjectAltName=DNS:localhost\n", encoding="utf-8")
        ssl("x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
            "-days", "2", "-out", "server.crt", "-extfile", "ext.cnf")
        os.chmod(d / "server.key", 0o600)
        if self._as_root:
            for name in ("ca.key", "ca.crt", "server.key", "server.crt", "server.csr", "ext.cnf"):
                shutil.chown(d / name, SUPERUSER)
        # The client's copy of the CA, readable by the test process.
        shutil.copy(d / "ca.crt", self.root / "ca.crt")

    @property
    def ca_file(self) -> Path:
        return self.root / "ca.crt"

    # -- lifecycle ---------------------------------------------------------------------------------
    def start(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.data / "server.log"), "-w", "-t", "60", "start")

    def stop(self, *, remove: bool = False, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop", check=False)
        if remove:
            shutil.rmtree(self.root, ignore_errors=True)

    def running(self) -> bool:
        return self._run("pg_ctl", "-D", str(self.data), "status", check=False).returncode == 0

    # -- connecting -------------------------------------------------------------------------------
    def admin_dsn(self, dbname: str = "postgres") -> str:
        """The bootstrap superuser over the Unix socket (no password, no TCP)."""
        return f"host={self.root} port={self.port} user={SUPERUSER} dbname={dbname}"

    def url(self, user: str, dbname: str, *, password: str | None = None, host: str = "127.0.0.1") -> str:
        auth = f"{user}:{password}@" if password else f"{user}@"
        return f"postgresql://{auth}{host}:{self.port}/{dbname}"

    def create_database(self, name: str) -> str:
        import psycopg  # noqa: PLC0415 - only the team rows and tests need it

        with psycopg.connect(self.admin_dsn(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.admin_dsn(name)

    def wait_ready(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._run("pg_isready", "-h", str(self.root), "-p", str(self.port), check=False).returncode == 0:
                return
            time.sleep(0.1)
        raise RuntimeError("the test server did not become ready")
