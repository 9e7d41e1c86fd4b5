"""Work that can wait, done once however often it was asked for.

A keystroke must be handled and drawn within a frame (issue 13: ≤ 16 ms p95). What it must do before
returning is the durable commit and the session's own lists (the next key reads them). What shows the
change comes in two kinds:

- the text itself (the touched blocks re-highlighted): ``schedule`` — the next turn of the event loop,
  before the frame is painted, so the key's frame shows it;
- the panels beside the text (span table rows and selection, attribute form, outline counts and the
  outline item under the cursor, status counts): ``schedule(..., idle=True)`` — once the keys pause for
  ``IDLE_MS``, and at the latest ``MAX_WAIT_MS`` after the first such request (a held key still moves
  them a few times a second). Repainting a table of CJK text costs about as much as the rest of the
  frame together; a run of Tab/Enter now repaints it once, not once per key, and a single key's text
  is on screen before the panels are redrawn in a frame of their own.

Ten keys queued in a row cost one refresh, not ten. ``flush()`` runs everything pending at once, in
order (the text first): a view that needs the refreshed state right now (a test, F2 reading the form, a
dialog reading the table) calls it instead of waiting.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

IDLE_MS = 40  # the keys paused this long: redraw the panels
MAX_WAIT_MS = 200  # ...or at the latest this long after the first panel request of a run of keys


class Coalescer(QObject):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._jobs: dict[str, Callable[[], None]] = {}
        self._idle_jobs: dict[str, Callable[[], None]] = {}
        self._idle_since: float | None = None  # when the oldest waiting panel request was made
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.flush_now)
        self._idle_timer = QTimer(self)
        self._idle_timer.setSingleShot(True)
        self._idle_timer.timeout.connect(self.flush)

    def schedule(self, key: str, job: Callable[[], None], *, idle: bool = False) -> None:
        """Run ``job`` on the next turn (``idle``: when the keys pause); a later job under the same key
        replaces an earlier one (keys run in the order they were first scheduled)."""
        if not idle:
            self._jobs[key] = job
            if not self._timer.isActive():
                self._timer.start()
            return
        self._idle_jobs[key] = job
        now = time.monotonic()
        if self._idle_since is None:
            self._idle_since = now
        waited_ms = (now - self._idle_since) * 1000
        self._idle_timer.start(max(0, min(IDLE_MS, round(MAX_WAIT_MS - waited_ms))))

    def pending(self) -> bool:
        return bool(self._jobs or self._idle_jobs)

    def flush_now(self) -> None:
        """Run what the key's own frame shows (the text), not the panels."""
        self._timer.stop()
        self._run(self._jobs)

    def flush(self) -> None:
        """Run everything pending: the text first, then the panels."""
        self.flush_now()
        self._run(self._idle_jobs)
        self._idle_timer.stop()
        self._idle_since = None
        if self._jobs:  # a panel job asked for text work: it runs in this flush too
            self.flush_now()

    @staticmethod
    def _run(jobs: dict[str, Callable[[], None]]) -> None:
        while jobs:  # a job may schedule another of its kind: it runs in this flush too
            key = next(iter(jobs))
            job = jobs.pop(key)
            try:
                job()
            except Exception:  # noqa: BLE001 - a timer slot: nothing may escape into Qt (gui/safety.py)
                from annotator.gui.safety import log  # noqa: PLC0415

                log.exception("deferred view update %r failed", key)
