"""Work that can wait for the next turn of the event loop, done once however often it was asked for.

A keystroke must return within a frame (issue 13: ≤ 16 ms p95). What it must do before returning is
the durable commit and the session's own lists (the next key reads them); what only shows the change —
span table rows, the outline's counts, the status bar, which table row and outline item follow the
cursor — is scheduled here and runs when the event loop next turns, before the frame is painted.
Ten keys queued in a row cost one refresh, not ten.

``flush()`` runs what is pending at once: a view that needs the refreshed state right now (a test,
a dialog reading the table) calls it instead of waiting for the loop.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer


class Coalescer(QObject):
    def __init__(self, parent=None):
        super().__init__(parent)
        self._jobs: dict[str, Callable[[], None]] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.flush)

    def schedule(self, key: str, job: Callable[[], None]) -> None:
        """Run ``job`` on the next turn; a later job under the same key replaces an earlier one (keys
        run in the order they were first scheduled)."""
        self._jobs[key] = job
        if not self._timer.isActive():
            self._timer.start()

    def pending(self) -> bool:
        return bool(self._jobs)

    def flush(self) -> None:
        self._timer.stop()
        while self._jobs:  # a job may schedule another: it runs in this flush too
            key = next(iter(self._jobs))
            job = self._jobs.pop(key)
            try:
                job()
            except Exception:  # noqa: BLE001 - a timer slot: nothing may escape into Qt (gui/safety.py)
                from annotator.gui.safety import log  # noqa: PLC0415

                log.exception("deferred view update %r failed", key)
