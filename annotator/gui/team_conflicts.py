"""The conflicts dialog of a team project: the edits the server did not apply, and why, in the person's
language (issue 16, point 4; opened from the status bar, team_status.py).

A conflict or refusal kept by the outbox (storage/outbox.Outbox.conflicts) carries a ``code``: one of
storage/team_ops.CONFLICTS (someone else changed or deleted the thing first), or the SQLSTATE of the
server's refusal. ``reason_text`` turns it into a sentence (exact SQLSTATE first, then its class: 23…
integrity, 22… data, 08… connection); the server's own words, technical and in English, stay one click
away under "Details", with the server's row when it sent one. A row without a code (an outbox of an
older version) shows the verdict only — never a guess. Strings keep the "TeamStatus" context.
"""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHeaderView, QLabel, QPlainTextEdit, QTableWidget,
                               QTableWidgetItem, QVBoxLayout)

translate = QCoreApplication.translate


class ConflictsDialog(QDialog):
    """The edits the server refused (someone changed or deleted the span meanwhile), never swallowed.

    Each row says what happened in the person's language (``reason_text``: a sentence per conflict code
    and per SQLSTATE class); the server's own words — technical, English — are one click away, under
    "Details", with the server's row when it sent one."""

    def __init__(self, writer, parent=None):
        super().__init__(parent)
        self.writer = writer
        self.setObjectName("teamConflicts")
        self.setWindowTitle(translate("TeamStatus", "Conflicts with the server"))
        layout = QVBoxLayout(self)
        self.intro = QLabel(translate(
            "TeamStatus", "These edits were not applied because someone changed or deleted the same span "
            "first. Nothing of theirs was overwritten. Re-read the document to see the server's version."))
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([translate("TeamStatus", "When"), translate("TeamStatus", "Edit"),
                                              translate("TeamStatus", "Why")])
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)  # one-line time
        self.table.setWordWrap(True)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.itemSelectionChanged.connect(self._show_details)
        layout.addWidget(self.table)
        self.details = QPlainTextEdit()
        self.details.setObjectName("teamConflictDetails")
        self.details.setReadOnly(True)
        self.details.setVisible(False)
        self.details.setMaximumHeight(120)
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.details_button = buttons.addButton(translate("TeamStatus", "Details"),
                                                QDialogButtonBox.ButtonRole.ActionRole)
        self.details_button.setCheckable(True)
        self.details_button.toggled.connect(self._toggle_details)
        self.dismiss_button = buttons.addButton(translate("TeamStatus", "Dismiss selected"),
                                                QDialogButtonBox.ButtonRole.ActionRole)
        self.dismiss_button.clicked.connect(self.dismiss_selected)
        self.reread_button = buttons.addButton(translate("TeamStatus", "Re-read from the server"),
                                               QDialogButtonBox.ButtonRole.ActionRole)
        self.reread_button.clicked.connect(self.reread)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 360)
        self.fill()

    def fill(self) -> None:
        self.rows = self.writer.conflicts()
        self.table.setRowCount(len(self.rows))
        for i, c in enumerate(self.rows):
            why = reason_text(c.get("code", ""), c["outcome"])
            for j, value in enumerate((c["recorded"], _kind_text(c["kind"]), why)):
                self.table.setItem(i, j, QTableWidgetItem(str(value)))
                self.table.item(i, j).setToolTip(str(value))
        self.table.resizeRowsToContents()
        if self.rows and not self.table.selectionModel().selectedRows():
            self.table.selectRow(0)
        self._show_details()

    def _toggle_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self._show_details()

    def _show_details(self) -> None:
        """The selected conflict as the server put it (and its row), for whoever must dig deeper."""
        selected = self.table.selectionModel().selectedRows()
        if not selected or selected[0].row() >= len(self.rows):
            self.details.setPlainText("")
            return
        c = self.rows[selected[0].row()]
        text = c["detail"] or ""
        if c.get("code"):
            text += f"\n[{c['code']}]"
        if c.get("server_row"):
            text += "\n" + json.dumps(c["server_row"], ensure_ascii=False, indent=1)
        self.details.setPlainText(text.strip())

    def dismiss_selected(self) -> None:
        for index in self.table.selectionModel().selectedRows():
            self.writer.dismiss(self.rows[index.row()]["op_id"])
        self.fill()

    def reread(self) -> None:
        window = self.parent()
        session = getattr(window, "session", None)
        if session is not None:
            session.resync()


def _kind_text(kind: str) -> str:
    """An outbox operation as a person says it (operation names are storage's, see storage/team_ops*.py)."""
    names = {
        "span.add": translate("TeamStatus", "Add a span"),
        "span.update": translate("TeamStatus", "Change a span"),
        "span.remove": translate("TeamStatus", "Remove a span"),
        "doc.status": translate("TeamStatus", "Document status"),
        "doc.title": translate("TeamStatus", "Document title"),
        "comment.add": translate("TeamStatus", "Add a note"),
        "comment.edit": translate("TeamStatus", "Edit a note"),
        "comment.remove": translate("TeamStatus", "Remove a note"),
        "guidelines.set": translate("TeamStatus", "Guidelines"),
        "outline.edit": translate("TeamStatus", "Outline correction"),
        "outline.undo": translate("TeamStatus", "Undo an outline correction"),
    }
    return names.get(kind, kind)


def _outcome_text(outcome: str) -> str:
    if outcome == "conflict":
        return translate("TeamStatus", "Changed by someone else first")
    if outcome == "refused":
        return translate("TeamStatus", "Refused by the server")
    return outcome


def reason_text(code: str, outcome: str) -> str:
    """Why an edit was not applied, as a sentence in the person's language: a conflict code of
    storage/team_ops.CONFLICTS, or the SQLSTATE of the server's refusal (exact code first, then its
    class); the verdict alone when the code says nothing we can put in words."""
    conflicts = {
        "span.deleted": translate("TeamStatus", "Someone else deleted this span (or it is no longer yours) "
                                  "before your change arrived."),
        "span.changed": translate("TeamStatus", "Someone else changed this span before your change arrived; "
                                  "their version was kept."),
        "span.exists": translate("TeamStatus", "You already have the same span at this place."),
        "note.deleted": translate("TeamStatus", "This note was deleted before your change arrived."),
        "note.changed": translate("TeamStatus", "Someone else changed this note first; their text was kept."),
        "doc.deleted": translate("TeamStatus", "The document was deleted before your change arrived."),
        "doc.renamed": translate("TeamStatus", "Someone else renamed the document first; their title was kept."),
        "guidelines.changed": translate("TeamStatus", "Someone else changed the guidelines first; theirs were "
                                        "kept."),
        "outline.changed": translate("TeamStatus", "Another lead corrected this document's outline first; "
                                     "their outline was kept. Re-read the document and correct it again."),
        "outline.gone": translate("TeamStatus", "The outline correction to take back is no longer on the server."),
        "no_team": translate("TeamStatus", "This server project has no team setup, so the edit could not be "
                             "sent exactly once (ask its owner to run “annotator team init”)."),
        "invalid": translate("TeamStatus", "The edit was incomplete or malformed and was not applied."),
    }
    states = {
        "42501": translate("TeamStatus", "Your role in this team does not allow this change."),
        "23505": translate("TeamStatus", "The same item is already on the server."),
        "23503": translate("TeamStatus", "What this edit refers to (a document, span or label) is no longer "
                           "on the server."),
        "57014": translate("TeamStatus", "The server took too long and stopped this edit."),
        "40001": translate("TeamStatus", "The server was busy with a conflicting change; the edit was not "
                           "applied."),
        "P0001": translate("TeamStatus", "The team's rules on the server refused this edit."),
    }
    classes = {
        "23": translate("TeamStatus", "The server's rules do not accept a value of this edit."),
        "22": translate("TeamStatus", "The server could not accept a value of this edit (wrong kind or out of "
                        "range)."),
        "08": translate("TeamStatus", "The connection to the server was lost during this edit."),
        "40": states["40001"],
        "42": states["42501"],
        "57": states["57014"],
    }
    if code in conflicts:
        return conflicts[code]
    if code in states:
        return states[code]
    if len(code) == 5 and code[:2] in classes:
        return classes[code[:2]]
    return _outcome_text(outcome)
