"""Where each annotator was: document, cursor and the first visible character, per project.

Saved on every change (debounced by a short timer, then written and synced to the settings file at
once), not at quit — a crash or ``kill -9`` must not lose it. The write and its fsync (QSaveFile) run
on a thread of their own, with a QSettings object of their own (QSettings is reentrant: distinct objects
may use one file from different threads): an fsync on the GUI thread at every pause in typing is a
keystroke that waits 30–200 ms on a busy disk (issue 13). Kept in the settings file, not in the
project: it is a view of the data, and two annotators sharing a project each have their own.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, QTimer

SAVE_DELAY_MS = 700  # after the last move: one settings write (~5–30 ms) per pause, not per keystroke
# The end-to-end test reads what the app shows from here (it cannot see inside a killed process);
# unset in normal use.
STATE_FILE_ENV = "ANNOTATOR_STATE_FILE"


def _key(project_path: Path, annotator: str) -> str:
    where = hashlib.sha1(str(Path(project_path).resolve()).encode("utf-8")).hexdigest()[:16]
    who = hashlib.sha1(annotator.encode("utf-8")).hexdigest()[:12]
    return f"position/{where}_{who}"


class _Writer:
    """Writes the newest values to the settings file, one write at a time, on its own thread (an older
    write never lands after a newer one: only the latest pending values are kept)."""

    def __init__(self, path: str):
        self.path = path
        self._lock = threading.Lock()
        self._pending: dict | None = None
        self._thread: threading.Thread | None = None

    def put(self, values: dict) -> None:
        with self._lock:
            self._pending = {**(self._pending or {}), **values}
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="PositionWriter", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while True:
            with self._lock:
                values, self._pending = self._pending, None
                if values is None:
                    self._thread = None
                    return
            store = QSettings(self.path, QSettings.Format.IniFormat)
            for key, value in values.items():
                store.setValue(key, value)
            store.sync()

    def join(self, timeout: float = 10) -> None:
        thread = self._thread
        if thread is not None:
            thread.join(timeout)


class PositionKeeper(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.restoring = False
        self._last: list | None = None
        self._last_layout: tuple | None = None
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SAVE_DELAY_MS)
        self.timer.timeout.connect(self.save_now)
        self.writer = _Writer(window.settings.qsettings.fileName())
        view = window.view
        view.cursorPositionChanged.connect(self.changed)
        view.verticalScrollBar().valueChanged.connect(self.changed)
        window.session.documentOpened.connect(self.changed)

    @property
    def key(self) -> str:
        session = self.window.session
        return _key(session.project.path, session.annotator)

    def changed(self, *_args) -> None:
        if not self.restoring:
            self.timer.start()

    def save_now(self) -> None:
        window = self.window
        if window.session.doc_id is None or self.restoring:
            return
        value = [str(window.session.doc_id), str(window.view.cursor_position()), str(window.view.first_visible())]
        # The window's own size and docks, so a restart after a crash lays the text out the same way.
        layout = (window.saveGeometry(), window.saveState())
        if value != self._last or layout != self._last_layout:
            # Not into the window's QSettings: a setValue there makes the event loop sync it, on the GUI
            # thread. Its own sync at quit re-reads the file and keeps these (it writes only its changes).
            self.writer.put({self.key: value, "layout/geometry": layout[0], "layout/state": layout[1]})
            self._last, self._last_layout = value, layout
        state_file = os.environ.get(STATE_FILE_ENV)
        if state_file:
            state = {"doc_id": window.session.doc_id, "title": window.session.title,
                     "cursor": window.view.cursor_position(), "top": window.view.first_visible(),
                     "spans": len(window.session.spans), "documents": window.doc_model.rowCount()}
            # Replaced whole, never truncated in place: the end-to-end test polls this file and read it
            # empty between the truncation and the write (a restart's first save, under load).
            target = Path(state_file)
            temp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
            temp.write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")
            os.replace(temp, target)

    def saved(self) -> tuple[int, int, int] | None:
        value = self.window.settings.qsettings.value(self.key)
        try:
            doc_id, cursor, top = (int(x) for x in value)
        except (TypeError, ValueError):
            return None
        return doc_id, cursor, top

    def restore_view(self, cursor: int, top: int) -> None:
        """Cursor and scroll of the document just opened (offsets clamped to its text)."""
        view, length = self.window.view, len(self.window.session.text)
        self.restoring = True
        try:
            cursor, top = min(max(0, cursor), length), min(max(0, top), length)
            view.select_range(cursor, cursor, scroll=False)
            view.scroll_to_top(top)
            view.keep_top(top)
        finally:
            self.restoring = False
        self.timer.start()  # record what is shown now (the same place, unless the text changed)
