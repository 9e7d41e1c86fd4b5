"""Preferences: annotator name, UI language, how selections snap."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit


class PreferencesDialog(QDialog):
    def __init__(self, annotator: str, language: str, snap_mode: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Preferences"))
        form = QFormLayout(self)
        self.name = QLineEdit(annotator)
        form.addRow(self.tr("Annotator name"), self.name)
        self.language = QComboBox()
        for code, text in (("", self.tr("System default")), ("zh_CN", "简体中文"), ("en", "English")):
            self.language.addItem(text, code)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        form.addRow(self.tr("Language"), self.language)
        self.snap = QComboBox()
        for code, text in (("trim", self.tr("Trim spaces and punctuation")), ("clause", self.tr("Whole clause")),
                           ("sentence", self.tr("Whole sentence"))):
            self.snap.addItem(text, code)
        self.snap.setCurrentIndex(max(0, self.snap.findData(snap_mode)))
        form.addRow(self.tr("Selections snap to"), self.snap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> tuple[str, str, str]:
        return self.name.text().strip(), self.language.currentData(), self.snap.currentData()
