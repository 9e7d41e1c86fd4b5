"""Identifiers that sort in the order they were made.

A random uuid4 breaks ties at random: two notes written in the same millisecond (``created`` has
millisecond precision) came back in either order, and the notes list shuffled between runs. These ids
are laid out like a UUIDv7 — milliseconds since the epoch, then a counter that keeps ids made in one
millisecond by this process in order, then randomness so that two processes never collide — as 32 hex
digits, the same shape as the uuid4 hex ids already in projects (both kinds coexist in one table).
"""

from __future__ import annotations

import secrets
import threading
import time

_lock = threading.Lock()
_last = [0, 0]  # millisecond, counter within it


def ordered_id() -> str:
    with _lock:
        ms = time.time_ns() // 1_000_000
        if ms <= _last[0]:  # same millisecond, or the clock stepped back: keep counting from the last
            ms, seq = _last[0], _last[1] + 1
        else:
            seq = 0
        _last[0], _last[1] = ms, seq
    return f"{ms:012x}{seq:08x}{secrets.randbits(48):012x}"
