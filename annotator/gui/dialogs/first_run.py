"""First run: who is annotating, and what to start with."""

from __future__ import annotations

import getpass

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QMessageBox, QPushButton, QVBoxLayout


class FirstRunDialog(QDialog):
    SAMPLES, IMPORT, EMPTY = "samples", "import", "empty"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Welcome"))
        self.choice = self.EMPTY
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Your name as an annotator (saved with every label you make):")))
        self.name = QLineEdit()
        self.name.setObjectName("annotatorName")
        try:
            self.name.setText(getpass.getuser())
        except Exception:  # noqa: BLE001 - no login name on some systems; the field stays empty
            pass
        # The login name is only a proposal: selected, so typing a name replaces it (not "root甲").
        self.name.selectAll()
        self.name.setFocus()
        layout.addWidget(self.name)
        layout.addWidget(QLabel(self.tr("Start with:")))
        buttons = QDialogButtonBox()
        for key, text in ((self.SAMPLES, self.tr("The sample speeches")), (self.IMPORT, self.tr("Import speeches…")),
                          (self.EMPTY, self.tr("An empty project"))):
            button = QPushButton(text)
            button.setObjectName(f"start_{key}")
            button.clicked.connect(lambda _=False, k=key: self._choose(k))
            buttons.addButton(button, QDialogButtonBox.ButtonRole.AcceptRole)
        layout.addWidget(buttons)

    def reject(self) -> None:
        """Escape / the close button: say what leaving now means instead of quitting without a word."""
        answer = QMessageBox.question(
            self, self.tr("Quit?"),
            self.tr("The annotator needs your name before it can save labels.\n"
                    "Quit now? (Nothing has been changed; you will be asked again at the next start.)"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            super().reject()
        else:
            self.name.setFocus()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.name.setFocus()
        self.name.selectAll()

    def _choose(self, key: str) -> None:
        if not self.name.text().strip():
            self.name.setPlaceholderText(self.tr("Please enter a name"))
            self.name.setFocus()
            return
        self.choice = key
        self.accept()
