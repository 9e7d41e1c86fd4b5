"""Network faults for the team tests: a server that accepts and never answers, and a proxy that can
start dropping everything (a network that loses packets while both ends still think it is up).

Both are plain sockets on loopback, so the tests need no root and no firewall rules.
"""

from __future__ import annotations

import contextlib
import select
import socket
import threading
import time


class SilentServer:
    """Accepts every TCP connection and never sends a byte (a hung server, a stuck load balancer)."""

    def __init__(self):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.accepted: list[socket.socket] = []
        self._stop = threading.Event()
        threading.Thread(target=self._run, daemon=True).start()

    def _run(self) -> None:
        self.sock.settimeout(0.2)
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.accepted.append(conn)  # kept open, never read nor answered

    def close(self) -> None:
        self._stop.set()
        for conn in self.accepted:
            with contextlib.suppress(OSError):
                conn.close()
        self.sock.close()


class DroppingProxy:
    """Forwards 127.0.0.1:``port`` to ``upstream``; ``drop()`` makes it forward nothing more (in either
    direction, on open and new connections) while keeping every socket open; ``restore()`` undoes it."""

    def __init__(self, upstream_port: int):
        self.upstream = ("127.0.0.1", upstream_port)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.dropping = threading.Event()
        self._stop = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    def drop(self) -> None:
        self.dropping.set()

    def restore(self) -> None:
        self.dropping.clear()

    def _accept(self) -> None:
        self.sock.settimeout(0.2)
        while not self._stop.is_set():
            try:
                client, _ = self.sock.accept()
            except OSError:
                continue
            threading.Thread(target=self._pump, args=(client,), daemon=True).start()

    def _pump(self, client: socket.socket) -> None:
        while self.dropping.is_set() and not self._stop.is_set():
            time.sleep(0.05)  # a connection made while dropping: accepted, then silence
        try:
            server = socket.create_connection(self.upstream, timeout=5)
        except OSError:
            client.close()
            return
        pair = {client: server, server: client}
        try:
            while not self._stop.is_set():
                if self.dropping.is_set():
                    time.sleep(0.05)  # nothing read, nothing sent: the packets are "lost"
                    continue
                ready, _, _ = select.select(list(pair), [], [], 0.1)
                for src in ready:
                    data = src.recv(65536)
                    if not data:
                        return
                    pair[src].sendall(data)
        except OSError:
            return
        finally:
            client.close()
            server.close()

    def close(self) -> None:
        self._stop.set()
        self.sock.close()


class SlowLoginProxy(DroppingProxy):
    """Forwards to ``upstream`` like DroppingProxy, but a server slow to log anyone in: the first byte
    (the answer to an SSLRequest, which the watchdog's probe and libpq both send first) comes at once,
    everything after it ``delay_s`` late — a loaded server that is alive, not hung."""

    def __init__(self, upstream_port: int, delay_s: float):
        super().__init__(upstream_port)
        self.delay_s = delay_s
        self.delayed = 0  # connections held back (the test checks the slow path really ran)

    def _pump(self, client: socket.socket) -> None:
        try:
            server = socket.create_connection(self.upstream, timeout=5)
        except OSError:
            client.close()
            return
        pair = {client: server, server: client}
        answered = 0  # bytes the server sent so far
        try:
            while not self._stop.is_set():
                ready, _, _ = select.select(list(pair), [], [], 0.1)
                for src in ready:
                    data = src.recv(65536)
                    if not data:
                        return
                    if src is server:
                        if answered == 0 and len(data) > 1:
                            data, rest = data[:1], data[1:]
                            client.sendall(data)
                            answered, data = 1, rest
                        if answered >= 1 and answered < 2 and data:
                            self.delayed += 1
                            time.sleep(self.delay_s)  # logging in: slow
                        answered += len(data)
                    pair[src].sendall(data)
        except OSError:
            return
        finally:
            client.close()
            server.close()


from tests.hang_guard import run_guarded  # noqa: E402,F401 - the team tests' guard, shared with tests/unit
