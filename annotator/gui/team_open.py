"""File ▸ Open team project…: a project on a PostgreSQL server, by its URL (issue 16).

The password is never asked for here nor kept by the app: ``annotator team login`` checks it and keeps it
in the OS keyring (with the optional keyring package) or the member's pgpass file (storage/pg/passwords.py).
A URL typed with a password still opens, but the recent-projects list and the settings file keep it
without (services/stores.remembered), and every message names the server with the password replaced by
*** (storage/urls.redact).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QMessageBox, QVBoxLayout

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
