"""The box a note is typed in (Ctrl+M on a span or the document, F2 on a note in the notes dialog).

QInputDialog.getMultiLineText's text box keeps Tab (a tab character) and Enter (a new line), so a
person at the keyboard could type a note and never reach OK (walked at a real display, session 6).
Here Tab leaves the text for the buttons and Ctrl+Enter saves from inside it; Enter still starts a
new line, notes have paragraphs.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QPlainTextEdit, QWidget


class _CtrlEnterSaves(QObject):
    """The text box's own key handling would take Ctrl+Enter as a new line: seen before it."""

    def __init__(self, dialog: QInputDialog):
        super().__init__(dialog)
        self.dialog = dialog

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if (event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.dialog.accept()
            return True
        return False


def note_dialog(parent: QWidget | None, title: str, label: str, text: str = "") -> QInputDialog:
    dialog = QInputDialog(parent)
    dialog.setObjectName("noteInput")
    dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label)
    dialog.setTextValue(text)
    edit = dialog.findChild(QPlainTextEdit)
    if edit is not None:
        edit.setTabChangesFocus(True)
        edit.installEventFilter(_CtrlEnterSaves(dialog))
    return dialog


def get_note(parent: QWidget | None, title: str, label: str, text: str = "") -> tuple[str, bool]:
    """(text, True) when saved; like QInputDialog.getMultiLineText."""
    before = QApplication.focusWidget()
    dialog = note_dialog(parent, title, label, text)
    ok = dialog.exec() == QDialog.DialogCode.Accepted
    body = dialog.textValue()
    dialog.deleteLater()
    if before is not None:  # the tagging keys live again where the person was (issue 13, defect 3)
        before.setFocus(Qt.FocusReason.OtherFocusReason)
    return body, ok
