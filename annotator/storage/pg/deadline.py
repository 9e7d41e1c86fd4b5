"""Bounds on every call to a team server: a hung server or a dead network never blocks a caller.

A PostgreSQL query sends nothing back until it is done, so a client cannot tell a slow query from a
server that stopped answering (SIGSTOP, a frozen VM, a network that drops packets while the kernel of
neither side has noticed). TCP keepalives and ``tcp_user_timeout`` catch a dead network eventually, and
only on an idle socket or unacknowledged data; a stopped server's kernel acknowledges everything.
statement_timeout is the server's own clock, and a stopped server keeps no time. So the client asks:

- every call is *armed* with the watchdog (one daemon thread for the whole process: arming is a dict
  insert under a lock, no thread per query);
- after ``answer_s`` without a reply the watchdog *probes* the server on a new socket — PostgreSQL's
  8-byte SSLRequest, answered with one byte by any live server before any login (no password, no
  backend left behind). A server that answers is busy, not gone: the call may go on (probed again
  every ``answer_s``) up to ``limit_s``, which the server enforces too (statement_timeout);
- a server that does not answer the probe within ``probe_s``, or a call past ``limit_s`` (+ grace), is
  cut: the call's socket is shut down from the watchdog thread (safe: the waiting call wakes with
  "server closed the connection") and the call fails as ServerUnavailable with why (backend.py).

An explicit ``hard_s`` (the team writer's edits: PgProject.deadline) cuts at that moment, no probe:
the edit goes to the outbox instead, and its operation id makes a late COMMIT harmless.
"""

from __future__ import annotations

import contextlib
import os
import socket
import struct
import threading
import time
from dataclasses import dataclass, field

NOT_ANSWERING = "not answering"  # the server took the probe's connection but said nothing
TOO_LONG = "too long"  # the server answered probes but the call ran past its limit
TICK_S = 0.2  # how often the watchdog looks at the armed calls
GRACE_S = 2.0  # past limit_s the server's statement_timeout should have ended the call itself
_SSL_REQUEST = struct.pack("!ii", 8, 80877103)
# Connection options a URL may override: a dead network is noticed on an idle connection (keepalives)
# and on unacknowledged data (tcp_user_timeout, ms) by the kernel, not only by the watchdog.
NETWORK_OPTIONS = {"keepalives": "1", "keepalives_idle": "10", "keepalives_interval": "5",
                   "keepalives_count": "3", "tcp_user_timeout": "15000"}


def answers(endpoint: tuple[str, int] | None, timeout: float) -> bool:
    """Whether a PostgreSQL server at ``endpoint`` (host or socket folder, port) answers an SSLRequest
    within ``timeout`` seconds. Unknown endpoint: True (nothing to judge by; the limit still holds)."""
    if endpoint is None:
        return True
    host, port = endpoint
    try:
        if host.startswith("/"):
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            sock.settimeout(timeout)
            sock.connect(os.path.join(host, f".s.PGSQL.{port}"))
        else:
            sock = socket.create_connection((host, port), timeout=timeout)
    except OSError:
        return False  # refused, unreachable, or the handshake itself timed out (packets dropped)
    try:
        sock.settimeout(timeout)
        sock.sendall(_SSL_REQUEST)
        return len(sock.recv(1)) == 1  # b"S" or b"N"; b"" (closed at once) is no answer either
    except OSError:
        return False
    finally:
        sock.close()


@dataclass(eq=False)
class Call:
    link: object  # the psycopg connection whose socket is cut
    endpoint: tuple[str, int] | None
    answer_s: float
    limit_s: float
    probe_s: float
    probe: bool = True
    started: float = field(default_factory=time.monotonic)
    check_at: float = 0.0
    probing: bool = False
    cut: str = ""  # why the watchdog cut the call ("" while it has not)

    def __post_init__(self):
        self.check_at = self.started + (self.answer_s if self.probe else self.limit_s)


class Watchdog:
    """The process's one watchdog thread; started on first use, a daemon.

    It looks at the armed calls every TICK_S instead of being woken on each arm: arming is then a set
    insert under an uncontended lock (a wake-up per query cost ~1 ms of GIL hand-offs on a busy machine),
    and a bound is kept to within TICK_S, which is far below the bounds themselves."""

    def __init__(self):
        self._lock = threading.Lock()
        self._calls: set[Call] = set()
        self._thread: threading.Thread | None = None

    def arm(self, call: Call) -> Call:
        with self._lock:
            self._calls.add(call)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="pg-watchdog", daemon=True)
                self._thread.start()
        return call

    def disarm(self, call: Call) -> None:
        """After this returns the watchdog never touches the call's socket (cuts happen under the lock)."""
        with self._lock:
            self._calls.discard(call)

    def _run(self) -> None:
        while True:
            time.sleep(TICK_S)
            now = time.monotonic()
            with self._lock:
                for call in [c for c in self._calls if not c.probing and c.check_at <= now]:
                    if not call.probe or now >= call.started + call.limit_s + GRACE_S:
                        self._cut(call, TOO_LONG if call.probe else NOT_ANSWERING)
                    else:
                        call.probing = True
                        threading.Thread(target=self._probe, args=(call,), name="pg-probe", daemon=True).start()

    def _probe(self, call: Call) -> None:
        alive = answers(call.endpoint, call.probe_s)
        with self._lock:
            call.probing = False
            if call not in self._calls:
                return
            if alive:
                call.check_at = min(time.monotonic() + call.answer_s, call.started + call.limit_s + GRACE_S)
            else:
                self._cut(call, NOT_ANSWERING)

    def _cut(self, call: Call, why: str) -> None:
        self._calls.discard(call)
        call.cut = why
        cut_socket(call.link)


def cut_socket(conn) -> None:
    """Shut the connection's socket down (both ways) without closing libpq's descriptor."""
    if conn is None or conn.closed:
        return
    with contextlib.suppress(Exception):
        sock = socket.socket(fileno=os.dup(conn.pgconn.socket))
        try:
            sock.shutdown(socket.SHUT_RDWR)
        finally:
            sock.close()


WATCHDOG = Watchdog()


@contextlib.contextmanager
def watching(conn, *, answer_s: float = 3.0, probe_s: float = 2.0, limit_s: float = 120.0):
    """Bound what runs inside on a plain psycopg connection (the outbox's sender, the live feed): when
    the watchdog cuts it, the call fails with psycopg's OperationalError, which their callers already
    treat as "offline, try again later"."""
    call = WATCHDOG.arm(Call(conn, endpoint(conn), answer_s, limit_s, probe_s))
    try:
        yield call
    finally:
        WATCHDOG.disarm(call)


class Silent(Exception):
    """``connect_probed``: the server took the connection, then answered neither it nor a probe."""


def url_endpoint(url: str) -> tuple[str, int] | None:
    """Where a URL connects (host or socket folder, port) before any connection exists — for the probe
    of ``connect_probed``. None when it cannot be told for sure (several hosts, a service file): no probe,
    the connect timeout alone bounds the wait, as before."""
    info = given(url)
    if not info or "service" in info:
        return None
    host = info.get("hostaddr") or info.get("host") or os.environ.get("PGHOSTADDR") or os.environ.get("PGHOST")
    port = info.get("port") or os.environ.get("PGPORT") or "5432"
    if not host or "," in host or "," in str(port):
        return None
    try:
        return host, int(port)
    except ValueError:
        return None


def connect_probed(connect, url: str, *, answer_s: float, probe_s: float):
    """``connect()`` (a psycopg.connect with its own connect_timeout), but a server that takes the
    connection and then says nothing is given up after ``answer_s`` + ``probe_s`` instead of the whole
    connect timeout (10 s: a window opening on a hung server waited that long).

    The connect runs on a helper thread; this thread waits. Past ``answer_s`` without a connection the
    server is probed on a new socket (an SSLRequest, as the watchdog does): a server that answers is slow,
    not gone — logging in can take seconds on a loaded one — and is waited for up to the connect timeout,
    probed again every ``answer_s``; one that does not answer within ``probe_s`` raises ``Silent``. The
    abandoned connect ends on its own timeout; a connection it still makes is closed at once."""
    where = url_endpoint(url)
    done = threading.Event()
    out: dict = {}
    lock = threading.Lock()

    def run():
        try:
            conn = connect()
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting thread
            out["error"] = exc
        else:
            with lock:
                if out.get("abandoned"):
                    with contextlib.suppress(Exception):
                        conn.close()
                    return
                out["conn"] = conn
        finally:
            done.set()

    if where is None:
        return connect()
    threading.Thread(target=run, name="pg-connect", daemon=True).start()
    while not done.wait(answer_s):
        if not answers(where, probe_s) and not done.is_set():
            with lock:
                if "conn" not in out and "error" not in out:
                    out["abandoned"] = True
                    raise Silent(f"no answer to the connection nor to a probe within {answer_s + probe_s:g} s")
    if "error" in out:
        raise out["error"]
    return out["conn"]


def connect_options(url: str, **defaults) -> dict:
    """Keyword arguments for psycopg.connect(url, ...): ``defaults`` and NETWORK_OPTIONS where the URL
    sets nothing itself (its own keepalives, timeouts and options win)."""
    in_url = given(url)
    return {k: v for k, v in {**NETWORK_OPTIONS, **defaults}.items() if k not in in_url}


def given(url: str) -> dict:
    """The URL's own connection parameters ({} when it does not parse)."""
    from psycopg.conninfo import conninfo_to_dict  # noqa: PLC0415

    try:
        return conninfo_to_dict(url)
    except Exception:  # noqa: BLE001 - psycopg.connect reports a bad URL with its own words
        return {}


def endpoint(conn) -> tuple[str, int] | None:
    """Where the watchdog probes: the address actually connected to (a socket folder for a local one)."""
    try:
        info = conn.info
        host = getattr(info, "hostaddr", "") or info.host
        return (host, int(info.port)) if host else None
    except Exception:  # noqa: BLE001 - an old libpq: no probe, the limits still hold
        return None


class ProbedConnector:
    """``connect()`` for a member's background connections (the outbox's sender, the live feed): a new
    psycopg connection, bounded like the window's open (``connect_probed``).

    Without it a server that took the connection and then said nothing kept the sender and the feed in
    libpq's connect timeout (5 s each, per address: the status bar said "not answering" after 10 s or
    more); now after ``answer_s`` + ``probe_s``. The failure is psycopg's OperationalError, which both
    callers already treat as "offline, try again later", worded "not answering" for the status bar. For
    ``hold_s`` afterwards a new attempt fails at once the same way (the feed's connect right after the
    sender's would only wait again for the same answer); the sender's own backoff and the worker's next
    round try again after it."""

    def __init__(self, url: str, password: dict | None = None, *, connect_timeout: int = 5,
                 answer_s: float = 1.0, probe_s: float = 2.0, hold_s: float = 5.0):
        self.url, self.password = url, password or {}
        self.connect_timeout, self.answer_s, self.probe_s, self.hold_s = connect_timeout, answer_s, probe_s, hold_s
        self.silent_until = 0.0

    def __call__(self):
        import psycopg  # noqa: PLC0415 - only team projects need the driver

        if time.monotonic() < self.silent_until:
            raise psycopg.OperationalError("the server is not answering (it did not a moment ago; not asked again yet)")
        options = connect_options(self.url, connect_timeout=self.connect_timeout)
        try:
            return connect_probed(lambda: psycopg.connect(self.url, **options, **self.password), self.url,
                                  answer_s=self.answer_s, probe_s=self.probe_s)
        except Silent as exc:
            self.silent_until = time.monotonic() + self.hold_s
            raise psycopg.OperationalError(f"the server is not answering ({exc})") from None
