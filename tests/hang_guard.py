"""One hang guard for tests that call something which could block forever (a pipe opened as a file, a
server that never answers): the call runs on a daemon thread and the test fails with a clear message
instead of hanging the suite. Only a guard: the seconds are reported, never asserted."""

from __future__ import annotations

import threading
import time


def run_guarded(fn, guard_s: float, hang_message: str) -> dict:
    """``fn()`` on a thread: a dict with ``value`` or ``error`` (whatever it raised) and ``seconds``;
    an AssertionError with ``hang_message`` when ``fn`` is still running after ``guard_s``."""
    out: dict = {}

    def run():
        began = time.monotonic()
        try:
            out["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            out["error"] = exc
        out["seconds"] = time.monotonic() - began

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(guard_s)
    assert not thread.is_alive(), hang_message
    return out


def call_guarded(fn, guard_s: float, hang_message: str):
    """Like ``fn()`` (its value, or what it raised, raised here), guarded by ``run_guarded``."""
    out = run_guarded(fn, guard_s, hang_message)
    if "error" in out:
        raise out["error"]
    return out.get("value")
