"""Where each annotator was: document, cursor and the first visible character, per project.

Saved on every change (debounced by a short timer, then written and synced to the settings file at
once), not at quit — a crash or ``kill -9`` must not lose it. Kept in the settings file, not in the
project: it is a view of the data, and two annotators sharing a project each have their own.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

SAVE_DELAY_MS = 700  # after the last move: one settings write (~5–30 ms) per pause, not per keystroke
# The end-to-end test reads what the app shows from here (it cannot see inside a killed process);
# unset in normal use.
STATE_FILE_ENV = "ANNOTATOR_STATE_FILE"


def _key(project_path: Path, annotator: str) -> str:
    where = hashlib.sha1(str(Path(project_path).resolve()).encode("utf-8")).hexdigest()[:16]
    who = hashlib.sha1(annotator.encode("utf-8")).hexdigest()[:12]
    return f"position/{where}_{who}"


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
        settings = window.settings.qsettings
        value = [str(window.session.doc_id), str(window.view.cursor_position()), str(window.view.first_visible())]
        # The window's own size and docks, so a restart after a crash lays the text out the same way.
        layout = (window.saveGeometry(), window.saveState())
        if value != self._last or layout != self._last_layout:
            settings.setValue(self.key, value)
            settings.setValue("layout/geometry", layout[0])
            settings.setValue("layout/state", layout[1])
            settings.sync()
            self._last, self._last_layout = value, layout
        state_file = os.environ.get(STATE_FILE_ENV)
        if state_file:
            state = {"doc_id": window.session.doc_id, "title": window.session.title,
                     "cursor": window.view.cursor_position(), "top": window.view.first_visible(),
                     "spans": len(window.session.spans), "documents": window.doc_model.rowCount()}
            Path(state_file).write_text(json.dumps(state, ensure_ascii=False), encoding="utf-8")

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
