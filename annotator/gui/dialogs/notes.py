"""The notes of the open document (on it and on its spans): read, edit, delete — by keyboard.

Enter or F2 edits the selected note, Delete removes it; each is an undo step on the document's stack
(commands_documents.EditComment / RemoveComment), so Ctrl+Z in the main window takes it back. The
list re-reads itself when a command changes notes (Session.commentsChanged), so an undo shows at once.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QPushButton, QVBoxLayout)

from annotator.gui.commands_documents import EditComment, RemoveComment
from annotator.gui.dialogs.note_input import get_note
from annotator.gui.safety import describe, qt_override

CONTEXT = 40  # characters of the span's text shown before a note on a span


class NotesDialog(QDialog):
    def __init__(self, session, push, parent=None):
        super().__init__(parent)
        self.session, self.push = session, push
        self.setObjectName("notesDialog")
        self.setWindowTitle(self.tr("Notes of this document"))
        self.resize(560, 380)
        self.list = QListWidget()
        self.list.setObjectName("notesList")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.hint = QLabel(self.tr("Enter or F2: edit · Delete: remove · Ctrl+Z in the main window undoes either"))
        self.hint.setWordWrap(True)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons.addWidget(close)
        box = QVBoxLayout(self)
        box.addWidget(self.list, 1)
        box.addWidget(self.hint)
        box.addLayout(buttons)
        self.list.itemActivated.connect(lambda _item: self.edit_selected())
        self.list.installEventFilter(self)  # F2 / Delete on the list (keys, not shortcuts: no ambiguity)
        session.commentsChanged.connect(self._on_changed)
        session.documentOpened.connect(lambda _doc: self.refill())  # another document: its notes
        self.comments: list = []
        self.refill()

    @qt_override(False)
    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if watched is self.list and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_F2:
                self.edit_selected()
                return True
            if event.matches(QKeySequence.StandardKey.Delete) or event.key() == Qt.Key.Key_Backspace:
                self.delete_selected()
                return True
        return super().eventFilter(watched, event)

    def _on_changed(self, doc_id: int) -> None:
        if doc_id == self.session.doc_id:
            self.refill()

    def refill(self) -> None:
        keep = self.list.currentRow()
        try:
            self.comments = self.session.comments()
        except Exception as exc:  # noqa: BLE001 - a damaged note must not keep the dialog from opening
            self.comments = []
            self.session.message.emit(self.tr("Notes could not be read: {0}").format(describe(exc)))
        self.list.clear()
        for comment in self.comments:
            # a tagged span or an open suggestion (Ctrl+M on a suggestion Tab walked to): both are quoted;
            # looking among tagged spans only called a note on a suggestion "no longer in your layer"
            span = self.session.find_span(comment.span_id) if comment.span_id else None
            if span is not None:
                quoted = self.session.text[span.start:span.end]
                quoted = quoted if len(quoted) <= CONTEXT else quoted[:CONTEXT] + "…"
                where = self.tr("on “{0}”").format(quoted)
            elif comment.span_id:
                where = self.tr("on a span no longer in your layer")
            else:
                where = self.tr("on the document")
            item = QListWidgetItem(f"{comment.annotator} · {where}\n{comment.body}")
            item.setData(Qt.ItemDataRole.UserRole, comment.id)
            item.setToolTip(comment.updated)
            self.list.addItem(item)
        self._room_for_every_line()
        if self.comments:
            self.list.setCurrentRow(min(max(keep, 0), len(self.comments) - 1))
        has = bool(self.comments) and not self.session.project.readonly
        self.edit_button.setEnabled(has)
        self.delete_button.setEnabled(has)
        if not self.comments:
            self.list.addItem(self.tr("No notes yet: Ctrl+M in the text adds one."))

    def _room_for_every_line(self) -> None:
        """A few pixels more than Qt's own height for each note: a first line of Chinese and a body in Latin
        letters (two fonts) got a pixel too few, and the body was cut off as "…" (walked, session 10)."""
        spare = max(2, self.list.fontMetrics().lineSpacing() // 4)
        for row in range(self.list.count()):
            hint = self.list.sizeHintForIndex(self.list.model().index(row, 0))
            self.list.item(row).setSizeHint(QSize(hint.width(), hint.height() + spare))

    def selected(self):
        row = self.list.currentRow()
        return self.comments[row] if 0 <= row < len(self.comments) else None

    def edit_selected(self, body: str | None = None) -> None:
        comment = self.selected()
        if comment is None:
            return
        if body is None:
            body, ok = get_note(self, self.tr("Edit note"), self.tr("Note:"), comment.body)
            if not ok:
                return
        if not body.strip():
            self.session.message.emit(self.tr("A note cannot be empty; use Delete to remove it."))
            return
        if body.strip() != comment.body:
            self.push(EditComment(self.session, comment, body, self.tr("Edit note")))

    def delete_selected(self) -> None:
        comment = self.selected()
        if comment is not None:
            self.push(RemoveComment(self.session, comment, self.tr("Delete note")))
