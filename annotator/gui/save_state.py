"""Whether the annotator's work is on disk: the status bar's "Saving…" / "Saved" (issue 13).

The window's project commits each keystroke without waiting for the disk (``Project.defer_durability``,
storage/durability.py): an fsync on the GUI thread cost 30–200 ms a key on a busy machine. A commit
survives a killed app at once; a power cut only once the syncer thread has made the log durable. So
durability is not weakened silently: from the first commit not yet on disk the status bar says
"Saving…", and "Saved" only once the syncer proved everything durable; if the disk refuses, it says so
in red with the reason (and keeps retrying). The label never steps aside for a temporary message:
whether a tag is safe must stay in sight. Quitting waits for the last sync (``finish``).

A team project (PostgreSQL) commits on the server when its call returns and has its own indicator
(team_status.py); a read-only project saves nothing: neither gets this label.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QMessageBox

STYLES = {"saved": "color: #1b5e20; padding: 0 6px;",
          "saving": "color: #6d4c00; padding: 0 6px;",
          "failed": "color: #ffffff; background: #b71c1c; font-weight: bold; padding: 0 6px;"}
QUIT_PATIENCE_S = 60.0


class SaveIndicator(QObject):
    # A durability.SyncState, emitted on the syncer's thread; Qt queues it to this object's (the GUI) thread.
    synced = Signal(object)

    def __init__(self, window, project):
        super().__init__(window)
        self.window, self.project = window, project
        self.label = QLabel()
        self.label.setObjectName("saveState")
        self.state_name = "saved"
        self.synced.connect(self._show)
        defer = getattr(project, "defer_durability", None)  # a file project: a team project has none
        self.syncer = defer(self.synced.emit) if defer is not None else None
        if self.syncer is None:
            return
        # As wide as the wider of its two usual texts, so the status bar does not jump at every key.
        metrics = self.label.fontMetrics()
        self.label.setMinimumWidth(max(metrics.horizontalAdvance(t) for t in (self._text("saved"), self._text("saving"))) + 16)
        window.message_room.add_permanent(self.label, yields=False)
        self._show(self.syncer.state)

    def _text(self, name: str, reason: str = "") -> str:
        if name == "saved":
            return self.tr("Saved")
        if name == "saving":
            return self.tr("Saving…")
        return self.tr("Not saved to disk: {0}").format(reason)

    def _show(self, state) -> None:
        if self.syncer is None:  # finished: the window is closing
            return
        current = self.syncer.state  # the newest state, not the one this queued call carried
        if current.error:
            name, tip = "failed", self.tr("The last changes are kept by the system but not yet on the disk; "
                                          "saving is retried. Reason: {0}").format(current.error)
        elif current.saved:
            name, tip = "saved", self.tr("Every change is on the disk.")
        else:
            name, tip = "saving", self.tr("Writing the latest changes to the disk.")
        self.state_name = name
        self.label.setText(self._text(name, current.error or ""))
        self.label.setToolTip(tip)
        self.label.setStyleSheet(STYLES[name])

    def finish(self) -> bool:
        """At quit: wait for the last sync (the label reads "Saving…" meanwhile); warn if the disk
        refused. The syncer itself stops when the project closes."""
        if self.syncer is None:
            return True
        done = self.syncer.wait(QUIT_PATIENCE_S)
        state = self.syncer.state
        self.syncer.listener = None  # the window is going: later states have nobody to show them
        self.syncer = None
        if not done or state.error:
            QMessageBox.warning(self.window, self.tr("Not saved to disk"), self.tr(
                "The last changes could not be confirmed on the disk ({0}). They survive closing the app, "
                "but not a power cut before the system writes them.").format(state.error or self.tr("no answer")))
        return done and not state.error
