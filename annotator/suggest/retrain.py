"""“A decision was recorded → maybe retrain”: the call a GUI makes after every accept or reject (issue 17).

``retrain_in_background_if_due`` (training.py) starts a worker thread on *every* call, and that thread opens the
project file only to count answers. Called after each click, that is one thread and one connection per answer.
Here the calling thread does nothing but add to an in-memory counter under a lock; a worker is started only when

  * the project is seen for the first time in this process (answers from an earlier session may already be due:
    the worker asks the file how many answers came in since the stored model), or
  * ``every`` answers were recorded here since the last check.

The worker re-counts from the file (the truth: other annotators or the CLI may have answered or trained too) and
trains only when due. While a training of the project runs, answers keep being counted; the first answer after it
ends starts the next check if enough came in meanwhile. Nothing here blocks: no I/O, no wait on another lock
holder doing I/O, so it is safe on the GUI thread.

API (Qt-free; callbacks run on the worker thread, a Qt caller forwards them with a signal)::

    scheduler = RetrainScheduler(every=20)             # or the module's default: decision_recorded(...)
    thread = scheduler.decision_recorded(path, on_done=..., on_error=...)   # None when nothing was started
    scheduler.pending(path)                            # answers counted since the last check
    scheduler.forget(path)                             # a project closed: drop its counter
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Callable

from annotator.suggest import training


class RetrainScheduler:
    """Counts recorded decisions per project file and starts a background check-and-train when due."""

    def __init__(self, every: int = training.RETRAIN_EVERY):
        if every < 1:
            raise ValueError(f"every must be at least 1, not {every}")
        self.every = every
        self._lock = threading.Lock()
        self._counts: dict[str, int] = {}  # answers since the last check started, per resolved project path

    @staticmethod
    def _key(project_path: str | Path) -> str:
        return str(Path(project_path).absolute())  # absolute, not resolve(): no file-system access here

    def decision_recorded(self, project_path: str | Path, count: int = 1,
                          on_done: Callable[[dict], None] | None = None,
                          on_error: Callable[[str], None] | None = None) -> threading.Thread | None:
        """Count ``count`` answers of the project; start the background check when due. Returns the worker
        thread, or None when nothing was started (not due yet, or a training of the project is running)."""
        if count < 0:
            raise ValueError(f"count must not be negative, not {count}")
        key = self._key(project_path)
        with self._lock:
            first = key not in self._counts
            seen = self._counts.get(key, 0) + count
            if not first and seen < self.every:
                self._counts[key] = seen
                return None
            if training.training_running(project_path):
                self._counts[key] = max(seen, self.every if first else seen)  # check again after it ends
                return None
            self._counts[key] = 0
        # The worker decides from the file; a lost race with another starter returns None and keeps nothing
        # to redo: that training reads every answer stored so far.
        thread = training.retrain_in_background_if_due(project_path, every=self.every, on_done=on_done,
                                                       on_error=on_error)
        if thread is None:
            with self._lock:
                self._counts[key] = max(self._counts.get(key, 0), self.every)
        return thread

    def pending(self, project_path: str | Path) -> int:
        with self._lock:
            return self._counts.get(self._key(project_path), 0)

    def forget(self, project_path: str | Path) -> None:
        with self._lock:
            self._counts.pop(self._key(project_path), None)


_DEFAULT = RetrainScheduler()


def decision_recorded(project_path: str | Path, count: int = 1, on_done: Callable[[dict], None] | None = None,
                      on_error: Callable[[str], None] | None = None) -> threading.Thread | None:
    """The process-wide scheduler's ``decision_recorded`` (retrain every ``training.RETRAIN_EVERY`` answers)."""
    return _DEFAULT.decision_recorded(project_path, count, on_done, on_error)


def forget(project_path: str | Path) -> None:
    _DEFAULT.forget(project_path)
