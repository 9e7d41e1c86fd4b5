"""Commits that do not wait for the disk, made durable by a thread of their own (issue 13).

Why. With synchronous=FULL every commit ends with an fsync of the ``-wal``. On a busy disk that is
30–200 ms, and the desktop app commits on its GUI thread once per keystroke: measured with strace on
the GUI benchmark beside two busy processes and a disk writer, the median fdatasync took 31 ms, the
p95 85 ms, all of it on the GUI thread. A keystroke must be handled within a frame.

What. ``Project.defer_durability()`` switches one connection (the GUI's) to synchronous=NORMAL in WAL
mode: a commit writes its frames into the ``-wal`` through the OS cache and returns. That survives a
killed process (the frames are in the kernel's cache, not the process) but not a power cut. A
``Syncer`` thread, on two connections of its own (sqlite3 connections never cross threads), then makes
the log durable within a bounded time, and says when it is:

- ``PRAGMA wal_checkpoint(PASSIVE)`` fsyncs the ``-wal`` before it copies any frame into the project
  file, and fsyncs the file once it has copied them all. A result with every frame copied
  (``log == checkpointed``, not busy) therefore proves that every commit made before it is on disk.
  PASSIVE never takes the writer's lock: the GUI keeps committing meanwhile.
- After a complete checkpoint the next writer would restart the log from its start, and restarting
  fsyncs the new log header — on the GUI thread again. So the syncer keeps a *pin*: a read
  transaction on its second connection, begun just before each checkpoint (when the log holds frames
  not yet copied), which holds a read mark of the log. A writer cannot restart a log someone still
  reads, so it appends. The pin is a snapshot nobody looks at; it only costs log length, and when the
  app is idle and the log long (``RESTART_FRAMES``) the syncer lets go, checkpoints everything and
  restarts the log itself (one small commit of its own, the header fsync on this thread).
- A checkpoint that cannot copy everything (a reader in another thread or process holds an older
  snapshot) is tried again; after ``PATIENCE_S`` the syncer falls back to a barrier: an empty
  ``Project.write()`` with synchronous=FULL, whose commit fsyncs the whole ``-wal``. Durability is
  bounded in time, never given up.
- An error (disk full, I/O error on fsync) is reported to the listener as such, never as "saved", and
  retried.

``close()`` of the project runs a last sync and waits for it (the app's quit waits for the disk).
Nothing here opens the project or its ``-wal`` except SQLite (see registry.py: closing any descriptor
of the file would drop the process's locks).

The listener is called on the syncer's thread with a ``SyncState``; a GUI passes it on through a
queued signal.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from annotator.storage.errors import FILE_ERRORS, ProjectError, error_code

log = logging.getLogger("annotator.storage")

# After a commit, wait this long for more before syncing: a burst of keys shares one fsync.
DELAY_S = 0.05
# How long checkpoints may keep failing to copy everything before the syncer forces a barrier.
PATIENCE_S = 1.0
# An idle app with a log this long (frames of 4 KiB) lets the syncer restart it.
RESTART_FRAMES = 4000
IDLE_S = 2.0


@dataclass(frozen=True)
class SyncState:
    """``committed``: commits made through the deferred connection; ``durable``: how many of them are
    known to be on disk; ``error``: why the last attempt failed (None once one succeeds)."""

    committed: int
    durable: int
    error: str | None = None

    @property
    def saved(self) -> bool:
        return self.durable >= self.committed and self.error is None


class Syncer:
    """The thread that makes one project's deferred commits durable. ``committed()`` after each commit
    (any thread); ``wait()`` for the disk; ``stop()`` for a last sync and the end of the thread."""

    def __init__(self, path: Path, listener: Callable[[SyncState], None] | None = None, *,
                 delay: float = DELAY_S, patience: float = PATIENCE_S):
        self.path, self.listener, self.delay, self.patience = Path(path), listener, delay, patience
        self._cond = threading.Condition()
        self._committed = self._durable = 0
        self._error: str | None = None
        self._stopping = False
        self._last_commit = time.monotonic()
        self._log_frames = 0
        self._restart_tried = 0.0
        self._hurry = False  # wait()/stop() asked: sync without the burst delay
        self._ready = threading.Event()
        self._open_error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="ProjectSyncer", daemon=True)
        self._thread.start()
        self._ready.wait()
        if self._open_error is not None:
            raise self._open_error

    # -- the writer's side ------------------------------------------------------------------------
    def committed(self) -> None:
        with self._cond:
            self._committed += 1
            self._last_commit = time.monotonic()
            first = self._committed == self._durable + 1
            self._cond.notify_all()
        if first:
            self._tell()  # "saving…" from the first unsaved commit on, not per key

    @property
    def state(self) -> SyncState:
        with self._cond:
            return SyncState(self._committed, self._durable, self._error)

    def wait(self, timeout: float | None = None) -> bool:
        """Sync now (no delay) and wait until every commit made so far is durable; False on timeout."""
        deadline = None if timeout is None else time.monotonic() + timeout
        with self._cond:
            target = self._committed
            self._hurry = True
            self._cond.notify_all()
            while self._durable < target:
                if not self._thread.is_alive():
                    return False
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    return False
                self._cond.wait(left if left is not None else 0.5)
            return True

    def stop(self, timeout: float | None = 60.0) -> bool:
        """A last sync, then the thread ends and its connections close. True if everything is durable."""
        done = self.wait(timeout)
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        self._thread.join(timeout)
        return done

    def _tell(self) -> None:
        if self.listener is None:
            return
        try:
            self.listener(self.state)
        except Exception:  # noqa: BLE001 - a listener's bug must not stop the disk syncs
            log.exception("the save-state listener failed")

    # -- the thread ----------------------------------------------------------------------------
    def _run(self) -> None:
        from annotator.storage.project import Project  # noqa: PLC0415 - project.py imports this module

        try:
            checkpointer, pin = Project(self.path), Project(self.path)
        except BaseException as exc:  # noqa: BLE001 - handed to the constructor, raised there
            self._open_error = exc
            self._ready.set()
            return
        self._ready.set()
        try:
            # A log with frames, pinned, before the first keystroke: else that keystroke's commit would
            # start the log and fsync its header on the GUI thread.
            self._restart_log(checkpointer, pin)
            self._loop(checkpointer, pin)
        finally:
            with contextlib.suppress(sqlite3.Error):
                self._unpin(pin)
            pin.close()
            checkpointer.close()
            with self._cond:
                self._cond.notify_all()

    def _loop(self, checkpointer, pin) -> None:
        failing_since: float | None = None
        backoff = 0.005
        while True:
            with self._cond:
                while self._durable >= self._committed and not self._stopping:
                    now = time.monotonic()
                    if self._log_frames >= RESTART_FRAMES and min(now - self._last_commit,
                                                                  now - self._restart_tried) >= IDLE_S:
                        break
                    self._cond.wait(IDLE_S)
                if self._stopping and self._durable >= self._committed:
                    return
                pending = self._durable < self._committed
            if not pending:
                self._restart_tried = time.monotonic()
                self._restart_log(checkpointer, pin)
                continue
            # A burst of keys shares one sync; wait() and stop() skip the delay (they notify).
            with self._cond:
                until = time.monotonic() + self.delay  # more commits meanwhile do not cut it short
                while not (self._stopping or self._hurry) and time.monotonic() < until:
                    self._cond.wait(until - time.monotonic())
                self._hurry = False
                target = self._committed
            try:
                synced = self._sync(checkpointer, pin, force=failing_since is not None
                                    and time.monotonic() - failing_since > self.patience)
            except Exception as exc:  # noqa: BLE001 - the disk's refusal or our bug: said, retried, never silent
                synced = False
                with self._cond:
                    self._error = _reason(exc)
                log.warning("making %s durable failed: %s", self.path, exc)
                self._tell()
            if synced:
                failing_since, backoff = None, 0.005
                with self._cond:
                    self._durable, self._error = max(self._durable, target), None
                    self._cond.notify_all()
                self._tell()
                continue
            failing_since = failing_since or time.monotonic()
            with self._cond:
                if not self._stopping or self._error is None:
                    self._cond.wait(backoff)
                elif self._error is not None:
                    return  # stopping and the disk refuses: close() reports it (state.error)
            backoff = min(backoff * 2, 0.25)

    def _sync(self, checkpointer, pin, *, force: bool) -> bool:
        """True when every commit made before the call is on disk."""
        if force:
            # Readers kept the checkpoint from copying everything for too long: a FULL commit fsyncs
            # the whole log (holding the writer's lock for one fsync: the rare case, not the rule).
            self._unpin(pin)
            with checkpointer.write():
                pass
            self._pin(pin)
            return True
        self._pin(pin)
        busy, frames, copied = checkpointer.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        self._log_frames = frames
        return busy == 0 and frames == copied

    @staticmethod
    def _pin(pin) -> None:
        """A fresh read transaction on the pin connection: holds a mark of the log as it is now."""
        Syncer._unpin(pin)
        pin.execute("BEGIN")
        pin.execute("SELECT count(*) FROM sqlite_master").fetchone()
        pin.pinned = True

    @staticmethod
    def _unpin(pin) -> None:
        if getattr(pin, "pinned", False):
            pin.pinned = False
            pin.execute("COMMIT")

    def _restart_log(self, checkpointer, pin) -> None:
        """Idle with a long log: copy everything, then restart the log with a commit of our own (its
        header fsync happens here, not at the GUI's next keystroke), and pin again."""
        try:
            self._unpin(pin)
            busy, frames, copied = checkpointer.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
            if busy == 0 and frames == copied:
                with checkpointer.write():
                    pass
            self._log_frames = 0 if busy == 0 and frames == copied else frames
            self._pin(pin)
        except (sqlite3.Error, ProjectError) as exc:
            log.warning("restarting the log of %s failed: %s", self.path, exc)
            self._log_frames = 0  # not again until the log grows that long once more


def defer(project, listener: Callable[[SyncState], None] | None = None) -> Syncer | None:
    """``Project.defer_durability``: from now on ``project``'s commits return without waiting for the
    disk (they survive a killed process at once, a power cut once the syncer says so; ``listener`` gets
    a SyncState from the syncer's thread at the first unsaved commit, when all is durable and on
    failure). Returns the Syncer (also ``project.syncer``); None for a read-only project."""
    if project.readonly:
        return None
    if project.syncer is None:
        project.syncer = Syncer(project.path, listener)
        # No automatic checkpoint on this connection either: it would fsync on the caller's thread.
        project.execute("PRAGMA wal_autocheckpoint=0")
        project.execute("PRAGMA synchronous=NORMAL")
    return project.syncer


def _reason(exc: BaseException) -> str:
    """What went wrong, for a person: the disk's reason when SQLite gives one."""
    if isinstance(exc, ProjectError):
        return exc.reason
    what = FILE_ERRORS.get(error_code(exc)) if isinstance(exc, sqlite3.Error) else None
    if what is None:  # an error without SQLite's code (as errors.write_error reads them)
        what = next((FILE_ERRORS[c] for k, c in (("full", 13), ("I/O", 10), ("readonly", 8)) if k in str(exc)), None)
    return f"{what} ({exc})" if what else str(exc)
