"""File ▸ Open team project…: a project on a PostgreSQL server, by its URL (issue 16).

The password is never asked for here nor kept by the app: ``annotator team login`` checks it and keeps it
in the OS keyring (with the optional keyring package) or the member's pgpass file (storage/pg/passwords.py).
A URL typed with a password still opens, but the recent-projects list and the settings file keep it
without (services/stores.remembered), and every message names the server with the password replaced by
*** (storage/urls.redact).
"""

from __future__ import annotations

import contextlib
import threading
import time

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QLineEdit, QMessageBox, QProgressDialog,
                               QVBoxLayout)

from annotator.services.stores import is_url

translate = QCoreApplication.translate


class TeamOpenDialog(QDialog):
    def __init__(self, parent=None, url: str = ""):
        super().__init__(parent)
        self.setObjectName("teamOpen")
        self.setWindowTitle(translate("TeamOpen", "Open team project"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(translate("TeamOpen", "Address of the team project (from your team lead):")))
        self.url = QLineEdit(url)
        self.url.setObjectName("teamUrl")
        self.url.setPlaceholderText("postgresql://name@server/project")
        self.url.setMinimumWidth(460)
        layout.addWidget(self.url)
        hint = QLabel(translate(
            "TeamOpen", "Your password is not typed here and never stored by the app: run "
            "“annotator team login URL” once (it keeps it in your system keyring, or your password file), then open the project."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.error = QLabel()
        self.error.setObjectName("teamOpenError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def value(self) -> str:
        return self.url.text().strip()

    def _check(self) -> None:
        if not is_url(self.value()):
            self.error.setText(translate("TeamOpen", "A team project's address starts with postgresql://"))
            return
        self.accept()


SHOW_AFTER_MS = 300  # a server that answers at once opens without a flash of the dialog
CHECKING_AFTER_S = 1.0  # storage/pg/backend.OPEN_ANSWER_S: from then on the server is being probed


def connect_with_progress(url: str, parent=None):
    """Open the team project at ``url`` without freezing the app: the connection is made on a helper
    thread while a small dialog names the server (without its password) and says what happens — first
    "connecting", then, past CHECKING_AFTER_S, that the server is slow and being checked. The event loop
    runs meanwhile (the window repaints, Cancel works). A silent server ends as ServerNotAnswering after
    the probe of storage/pg/deadline.connect_probed (~3 s); a slow one that answers the probe is waited
    for up to the connect timeout. Cancel raises ProjectError at once; a project the helper still opens
    after that is closed. Returns the open project, or raises what opening raised."""
    from annotator.storage import ProjectError, open_project  # noqa: PLC0415
    from annotator.storage.urls import redact  # noqa: PLC0415

    out: dict = {}
    lock = threading.Lock()

    def run():
        try:
            project = open_project(url)
        except BaseException as exc:  # noqa: BLE001 - handed to the UI thread
            out["error"] = exc
        else:
            with lock:
                if out.get("cancelled"):
                    project.close()
                    return
                out["project"] = project
        finally:
            out["done"] = True

    server = redact(url)
    dialog = QProgressDialog(translate("TeamOpen", "Connecting to {0}…").format(server),
                             translate("TeamOpen", "Cancel"), 0, 0, parent)
    dialog.setObjectName("teamConnecting")
    dialog.setWindowTitle(translate("TeamOpen", "Open team project"))
    dialog.setMinimumDuration(24 * 3600 * 1000)  # shown by tick() below, not by Qt's own timer
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    loop = QEventLoop()
    started, state = time.monotonic(), {"checking": False}

    def tick():
        try:
            cancelled = dialog.wasCanceled()
        except RuntimeError:  # deleted with its parent window
            cancelled = True
        if out.get("done") or cancelled:
            loop.quit()
            return
        waited = time.monotonic() - started
        if waited * 1000 >= SHOW_AFTER_MS and not dialog.isVisible():
            dialog.show()
        if waited >= CHECKING_AFTER_S and not state["checking"]:
            state["checking"] = True
            dialog.setLabelText(translate(
                "TeamOpen", "{0} has not answered yet: checking whether the server is alive (a stopped or hung "
                "server is reported in a few seconds; a busy one is waited for)…").format(server))
    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(tick)
    threading.Thread(target=run, name="team-open", daemon=True).start()
    timer.start()
    if not out.get("done"):
        loop.exec()
    timer.stop()
    with contextlib.suppress(RuntimeError):  # its parent window may have gone meanwhile, taking it along
        dialog.reset()
        dialog.close()
    with lock:
        if "project" not in out and "error" not in out:
            out["cancelled"] = True
            raise ProjectError(url, "opening was cancelled; nothing was read or saved")
    if "error" in out:
        raise out["error"]
    return out["project"]


def open_team_project(window, url: str | None = None):
    """Ask for a URL (unless given) and replace the window by one on that team project. A refused login
    or an unreachable server is a message naming the server without its password; the window stays."""
    from annotator.storage import ProjectError  # noqa: PLC0415
    from annotator.storage.urls import redact_text  # noqa: PLC0415

    if url is None:
        window.team_open_dialog = dialog = TeamOpenDialog(window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        url = dialog.value()
    create_window = window.window_factory
    if create_window is None:
        return None
    try:
        new = create_window(url, settings_file=window.settings.qsettings.fileName(), first_run=False)[0]
    except ProjectError as exc:
        window.team_open_error = message = translate(
            "TeamOpen", "The team project could not be opened:\n{0}\n\nCheck the address, that the server is "
            "running and that “annotator team login” saved your password.").format(redact_text(str(exc)))
        box = QMessageBox(QMessageBox.Icon.Critical, translate("TeamOpen", "Open team project"), message,
                          QMessageBox.StandardButton.Ok, window)
        window.team_open_box = box
        box.open()  # not exec(): tests and the caller go on; the box stays until read
        return None
    from annotator.gui.preferences import take_over  # noqa: PLC0415

    return take_over(window, new)
