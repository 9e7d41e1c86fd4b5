"""A team project in the desktop window: edits waiting for the server, conflicts, and the team's live
progress (issue 16 points 3 and 4 as a person sees them).

``TeamStatus`` is a controller of the main window, made only when the project is a team URL
(compose.py gives the session a ``team`` writer: services/team_edits.DesktopWriter). It owns:
- a status-bar button: "All edits are on the server" or "N edits waiting for the server", and the number
  of conflicts; a click opens ``ConflictsDialog`` (what was refused, why, the server's row), where a
  conflict is dismissed once read and the document can be re-read from the server (team_conflicts.py);
- a background thread (never the UI thread: it talks to the network) that every ``interval`` seconds —
  or sooner, on the server's NOTIFY — sends what waits in the outbox and reads the live feed
  (services/live.LiveFeed). Its results come back to the UI thread as a queued signal, which refreshes
  the document list's statuses and an open progress dialog when someone else changed something.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QToolButton

from annotator.gui.team_conflicts import ConflictsDialog

log = logging.getLogger(__name__)
translate = QCoreApplication.translate
INTERVAL_S = 2.0  # the bound on how late another person's change appears (NOTIFY usually makes it sooner)


class TeamStatus(QObject):
    # (documents whose spans others changed, changes seen by the live feed, edits the outbox delivered,
    # the team's progress or None)
    ticked = Signal(object, int, int, object)

    def __init__(self, window, writer, *, interval: float = INTERVAL_S):
        super().__init__(window)
        self.window, self.writer, self.interval = window, writer, interval
        self.review_refreshes = 0  # how often an open review's heat was recomputed for others' changes
        self.live_changes = 0  # how many changes of the team the feed reported (tests and the log read it)
        self.dialog = None
        self.button = QToolButton()
        self.button.setObjectName("teamStatus")
        self.button.setAutoRaise(True)
        self.button.clicked.connect(self.show_conflicts)
        # the outbox count stays in sight; the team's progress steps aside for messages (status_bar.py)
        window.message_room.add_permanent(self.button, yields=False)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("teamProgress")
        window.message_room.add_permanent(self.progress_label)
        self.progress: list | None = None  # (document, members done, members started) from the server
        # What the worker last found: "" (the server answered), "not answering" (it took the connection and
        # said nothing: hung, stopped, packets dropped) or "unreachable" (refused, no route, stopped cleanly).
        self.server_state = ""
        self.ticked.connect(self._on_tick)
        # The outbox is a local file: counting what waits is cheap enough for the UI thread, and showing
        # it right after each edit is what tells the person their tag is safe though not yet sent.
        self.timer = QTimer(self)
        self.timer.setInterval(500)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="team-live", daemon=True)
        self._thread.start()
        window.installEventFilter(self)  # the thread stops when the window closes
        self.refresh()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Close:
            self.stop()
        return False

    # -- the UI thread ----------------------------------------------------------------------------------
    def pending(self) -> int:
        return self.writer.pending()

    def refresh(self) -> None:
        if getattr(self.writer, "problem", ""):  # a database team init never set up: say so, once and plainly
            self.button.setText(translate("TeamStatus", "No team setup: edits are not kept offline"))
            self.button.setToolTip(translate(
                "TeamStatus", "This server project has no team roles: run “annotator team init URL” as its owner "
                "(and “annotator team add-member” for each person). Until then every edit goes straight to the "
                "server and fails with a message when it cannot be reached; nothing waits on this computer."))
            return
        pending, conflicts = self.writer.pending(), len(self.writer.conflicts())
        note = self._server_note()
        # Two strings rather than Qt's %n plural forms: English would need a catalogue of its own for them.
        if pending == 1:
            text = translate("TeamStatus", "1 edit waiting for the server")
        elif pending:
            text = translate("TeamStatus", "{0} edits waiting for the server").format(pending)
        else:
            text = translate("TeamStatus", "All edits are on the server")
        if conflicts == 1:
            text += " · " + translate("TeamStatus", "1 conflict")
        elif conflicts:
            text += " · " + translate("TeamStatus", "{0} conflicts").format(conflicts)
        self.button.setText(f"{note} · {text}" if note else text)
        self.button.setToolTip(translate(
            "TeamStatus", "Every edit is saved on the server or, while the server cannot be reached, on this "
            "computer; waiting edits are sent in order when it is back. Click to see conflicts."))

    def _server_note(self) -> str:
        """"Server not answering" as soon as one of the window's own reads was cut (pg/deadline.py) or
        the worker's was; "Server unreachable" when the worker cannot connect at all."""
        if getattr(self.writer.project, "not_answering_since", 0) or self.server_state == "not answering":
            return translate("TeamStatus", "Server not answering")
        if self.server_state == "unreachable":
            return translate("TeamStatus", "Server unreachable")
        return ""

    def _on_tick(self, span_docs, changes: int, delivered: int, progress) -> None:
        self.refresh()
        if progress is not None and progress != self.progress:
            changes += 0 if self.progress is None else 1  # counts moved: someone finished or started
            self.progress = progress
            self.progress_label.setText(translate("TeamStatus", "Team: {0} done · {1} started").format(
                sum(r[1] for r in progress), sum(r[2] for r in progress)))
            self.progress_label.setToolTip(translate(
                "TeamStatus", "How many times a member marked a document done or began it, across the project "
                "(counts only: a blind project shows nobody's labels)."))
        if not changes:
            return
        self.live_changes += changes
        w = self.window
        try:
            w.navigation.refresh_documents()  # statuses and counts of the document list
            dialog = getattr(w.team, "progress_dialog", None)
            if dialog is not None and dialog.isVisible():
                dialog.refill()
            w.update_status()
            self._refresh_review(span_docs)
        except Exception as exc:  # noqa: BLE001 - the server went away between the tick and this read
            log.info("live refresh skipped: %s", exc)

    def _refresh_review(self, span_docs) -> None:
        """A lead's open review window: the agreement heat of its outline follows the team's spans (the
        same reads the window makes when it opens the document; the current item stays selected)."""
        review = getattr(self.window, "_review", None)
        if review is None or not review.isVisible() or review.doc_id not in span_docs:
            return
        review.refresh()
        self.review_refreshes += 1

    def show_conflicts(self) -> None:
        self.dialog = ConflictsDialog(self.writer, self.window)
        self.dialog.finished.connect(lambda _r: self.refresh())
        self.dialog.show()

    def stop(self) -> None:
        self._stop.set()
        self.timer.stop()

    # -- the worker thread ------------------------------------------------------------------------------
    def _run(self) -> None:
        from annotator.services.live import LiveFeed  # noqa: PLC0415

        feed = None
        if getattr(self.writer, "problem", ""):
            return  # no team tables: nothing could be sent exactly once, and there is no feed to read
        while not self._stop.is_set():
            delivered = changes = 0
            progress, span_docs = None, set()
            try:
                if self.writer.pending():
                    delivered = self.writer.flush()
            except Exception as exc:  # noqa: BLE001 - the next round tries again
                log.info("outbox not sent: %s", exc)
            try:
                if feed is None:
                    feed = LiveFeed(self.writer.connect, poll_s=self.interval)
                batch = feed.poll()
                changes = len(batch)
                span_docs = {c.document_id for c in batch if c.entity == "span"}
                progress = sorted(feed.progress())
                self.server_state = ""
                reached = getattr(self.writer.project, "reachable_again", None)
                if reached is not None:
                    reached()  # the window's reads need not wait out their hold
            except Exception as exc:  # noqa: BLE001 - server gone, or a project without the team tables
                log.info("live feed unavailable: %s", exc)
                self.server_state = _state_of(exc)
                if feed is not None:
                    feed.close()
                feed = None
            if self._stop.is_set():
                break
            self.ticked.emit(span_docs, changes, delivered, progress)
            try:
                if feed is not None:
                    feed.wait(self.interval)
                else:
                    self._stop.wait(self.interval)
            except Exception:  # noqa: BLE001
                self._stop.wait(self.interval)
        if feed is not None:
            feed.close()


def refuse_offline(window, action: str) -> bool:
    """Before a document is deleted (``action`` "delete") or documents are imported ("import") in a team
    project: True, with a message, when the server does not answer or edits still wait for it — then
    nothing was read, written or queued (services/team_edits.DesktopWriter.documents_refusal says why these
    two are never kept offline). False for a project file or a server that answers."""
    from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415

    writer = getattr(window.session, "team", None)
    if writer is None:
        return False
    why = writer.documents_refusal()
    if not why:
        return False
    if why == "lead":
        reason = translate("TeamStatus", "Only a lead deletes or imports the documents of a team project.")
    elif why == "waiting":
        reason = translate("TeamStatus", "Some of your edits are still waiting to be sent to the server; they "
                           "must arrive first. Try again when the status bar says all edits are on the server.")
    else:
        reason = translate("TeamStatus", "The server is not answering. Tags and notes wait on this computer "
                           "and are sent later, but deleting and importing documents are not: they change "
                           "everyone's work and must happen while the server can check it.")
    what = (translate("TeamStatus", "The document was not deleted.") if action == "delete"
            else translate("TeamStatus", "Nothing was imported."))
    window.team_refusal = text = f"{what} {reason}"
    box = QMessageBox(QMessageBox.Icon.Warning, translate("TeamStatus", "Team project"), text,
                      QMessageBox.StandardButton.Ok, window)
    window.team_refusal_box = box
    box.open()  # not exec(): the caller returns at once; the box stays until read
    window.statusBar().showMessage(text, 10_000)
    return True


def _state_of(exc: BaseException) -> str:
    """How the worker's failure reads in the status bar: a cut or a connection timeout is a server that
    took the connection and said nothing; anything else on the way to it, an unreachable one."""
    text = str(exc).lower()
    if "timeout" in text or "closed the connection" in text or "not answering" in text:
        return "not answering"
    return "unreachable"
