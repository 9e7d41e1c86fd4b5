"""Before a folder import: the files it will bring in, with checkboxes.

Speeches are ticked; notes about the collection (README, SOURCES, LICENSE…, see
services/importing.py) are listed unticked with the reason; links not followed and folders that could
not be read are listed below, and reported again in the import summary.
"""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QPushButton, QVBoxLayout)

from annotator.gui.read_reasons import outcome_reason, read_reason_text
from annotator.paths import display_path
from annotator.services.importing import ImportPreview


class ImportPreviewDialog(QDialog):
    def __init__(self, preview: ImportPreview, parent=None):
        super().__init__(parent)
        self.setObjectName("importPreview")
        self.setWindowTitle(self.tr("Import preview"))
        self.preview = preview
        self._noted = [bool(c.reason) and not c.selected for c in preview.candidates]  # README, SOURCES…
        self._warning_texts = {
            "unreadable": self.tr("cannot be read ({0})"),
            "binary": self.tr("binary data, not text ({0} of {1} characters are control or undecodable bytes)"),
            "empty": self.tr("empty"),
            "latin": self.tr("mostly Latin-script text (only {0}% of the letters are Chinese)"),
            "little_chinese": self.tr("almost no Chinese text ({0} Chinese characters, {1} characters in all)"),
            "code": self.tr("program code ({0} of {1} lines look like code)"),
            "table": self.tr("a table ({0} of {1} lines are cut into {2} fields by tabs, commas or |)"),
            "numbers": self.tr("mostly numbers ({0}% of the characters are digits)"),
            "no_sentences": self.tr("no running sentences ({0} sentence marks in {1} Chinese characters): "
                                    "a list, not a speech"),
        }
        layout = QVBoxLayout(self)
        ticked = sum(c.selected for c in preview.candidates)
        found = QLabel(self.tr("{0} files found, {1} look like speeches and are ticked. Untick what "
                               "should not be imported.").format(len(preview.candidates), ticked))
        found.setWordWrap(True)  # unwrapped, the English lines made the dialog 990 px wide
        layout.addWidget(found)
        warning = QLabel(self.tr("File → Undo (Ctrl+Alt+Z) takes the whole import back: the documents it brings in "
                                 "go to the trash. Texts it replaces (a changed file imported again) stay replaced."))
        warning.setObjectName("importCannotUndo")
        warning.setWordWrap(True)
        warning.setStyleSheet("color: #9a6700")
        layout.addWidget(warning)
        flagged = preview.warnings()
        if flagged:
            notice = QLabel(self.tr("{0} files do not look like a Chinese speech or report (reason after the name); "
                                    "those found in a folder are unticked.").format(len(flagged)))
            notice.setObjectName("importContentWarnings")
            notice.setWordWrap(True)
            notice.setStyleSheet("color: #b3261e")
            layout.addWidget(notice)
        self.list = QListWidget(self)
        self.list.setObjectName("importPreviewList")
        # Paths below the folder imported (the folder itself is in the title): the names are what matters.
        paths = [str(c.path) for c in preview.candidates]
        root = os.path.dirname(os.path.commonpath(paths)) if len(paths) == 1 else (
            os.path.commonpath(paths) if paths else "")
        if root:
            self.setWindowTitle(self.tr("Import preview — {0}").format(display_path(root)))
        for candidate in preview.candidates:
            name = os.path.relpath(candidate.path, root) if root else display_path(candidate.path)
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if candidate.selected else Qt.CheckState.Unchecked)
            item.setToolTip(display_path(candidate.path))
            if candidate.warning is not None:
                said = self.describe(candidate.warning)
                item.setText(name + "  — " + self.tr("not a speech? {0}").format(said))
                item.setToolTip(f"{display_path(candidate.path)}\n{said}")
                item.setForeground(QColor("#b3261e"))
            elif candidate.reason:
                item.setText(name + "  — " + self.tr("a note about the collection, not a speech"))
                item.setToolTip(f"{display_path(candidate.path)}\n{candidate.reason}")
            self.list.addItem(item)
        layout.addWidget(self.list, 1)
        if preview.problems:
            problems = QListWidget(self)
            problems.setObjectName("importPreviewProblems")
            for outcome in preview.problems:
                problems.addItem(f"{outcome.path}: {outcome_reason(outcome)}")
            problems.setMaximumHeight(90)
            layout.addWidget(QLabel(self.tr("Not imported:")))
            layout.addWidget(problems)
        row = QHBoxLayout()
        for text, state in ((self.tr("Tick all"), True), (self.tr("Untick all"), False)):
            button = QPushButton(text, self)
            button.clicked.connect(lambda _=False, s=state: self.set_all(s))
            row.addWidget(button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row.addWidget(buttons)
        layout.addLayout(row)
        self.resize(640, 420)

    def describe(self, warning) -> str:
        """A content warning in the UI language (services/importing.py gives the kind and figures)."""
        template = self._warning_texts.get(warning.kind)
        values = warning.values
        if warning.kind == "unreadable" and len(values) == 3:  # (English reason, code, params): a ReadError
            values = (read_reason_text(values[1], dict(values[2]), values[0]),)
        return template.format(*values) if template else str(warning)

    def set_all(self, checked: bool) -> None:
        for i in range(self.list.count()):
            self.list.item(i).setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def result_preview(self) -> ImportPreview:
        """The preview with the person's ticks applied."""
        for i, candidate in enumerate(self.preview.candidates):
            ticked = self.list.item(i).checkState() == Qt.CheckState.Checked
            if not ticked:
                # the import summary lists it as skipped with this reason: in the UI language, as here
                candidate.reason = self.left_out_reason(candidate, self._noted[i])
            candidate.selected = ticked
        return self.preview

    def left_out_reason(self, candidate, noted: bool) -> str:
        if candidate.warning is not None:
            return self.tr("not a speech? {0}").format(self.describe(candidate.warning))
        if noted:
            return self.tr("a note about the collection, not a speech")
        return self.tr("not selected in the preview")
