"""Find in the open document (Ctrl+F): every hit highlighted, Enter / Shift+Enter (F3 / Shift+F3) step.

The search is a plain ``str.find`` loop over the session's text (code points); the view converts to
Qt's UTF-16 positions when it draws. Hits beyond ``MAX_MARKED`` are still stepped through, only not all
highlighted at once (thousands of ExtraSelections make every repaint slow).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget
from annotator.gui.safety import qt_override

MAX_MARKED = 500


def find_all(text: str, needle: str) -> list[int]:
    """Start offsets of every (non-overlapping) occurrence of ``needle``; case-insensitive for Latin."""
    if not needle:
        return []
    hay, pin = text.casefold(), needle.casefold()
    if len(hay) != len(text):  # casefold changed lengths (ß → ss): offsets would drift, search as typed
        hay, pin = text, needle
    out, pos = [], hay.find(pin)
    while pos >= 0:
        out.append(pos)
        pos = hay.find(pin, pos + max(1, len(pin)))
    return out


class FindBar(QWidget):
    closed = Signal()

    def __init__(self, view, parent=None):
        super().__init__(parent)
        self.setObjectName("findBar")
        self.view = view
        self.text = ""
        self.hits: list[int] = []
        self.current = -1
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 2, 4, 2)
        self.field = QLineEdit()
        self.field.setObjectName("findField")
        self.field.setPlaceholderText(self.tr("Find in this document"))
        self.field.setClearButtonEnabled(True)
        self.count = QLabel()
        self.count.setObjectName("findCount")
        row.addWidget(QLabel(self.tr("Find:")))
        row.addWidget(self.field, 1)
        row.addWidget(self.count)
        for text, slot, name in ((self.tr("Previous"), lambda: self.step(-1), "findPrev"),
                                 (self.tr("Next"), lambda: self.step(1), "findNext"),
                                 ("✕", self.close_bar, "findClose")):
            button = QToolButton()
            button.setText(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            row.addWidget(button)
        self.field.textChanged.connect(self._search)
        self.field.installEventFilter(self)  # Enter / Shift+Enter / Escape in the field
        # Escape in the text closes the bar too, while it is open (a hit opened from the corpus search
        # leaves the keys in the text, and Escape there did nothing: walked, session 10)
        self.escape = QAction(view)
        self.escape.setObjectName("findCloseFromText")
        self.escape.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.escape.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.escape.setEnabled(False)
        self.escape.triggered.connect(self.close_bar)
        view.addAction(self.escape)
        self.hide()

    @qt_override(False)
    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if obj is self.field and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.step(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
                return True
        return super().eventFilter(obj, event)

    def open_bar(self, needle: str | None = None) -> None:
        self.show()
        self.escape.setEnabled(True)
        if needle is not None:
            self.field.setText(needle)
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.escape.setEnabled(False)
        self.hits, self.current = [], -1
        self.view.set_find_marks([])
        self.view.setFocus()
        self.closed.emit()

    def set_document(self, text: str) -> None:
        self.text = text
        if self.isVisible():
            self._search(self.field.text())

    def _search(self, needle: str) -> None:
        self.hits = find_all(self.text, needle)
        self.current = -1
        length = len(needle)
        self.view.set_find_marks([(h, h + length) for h in self.hits[:MAX_MARKED]])
        self._show_count()
        if self.hits:  # jump to the first hit at or after the cursor, as browsers do
            self.step(1, from_cursor=True)

    def step(self, delta: int, *, from_cursor: bool = False) -> None:
        if not self.hits:
            self._show_count()
            return
        if from_cursor or self.current < 0:
            pos = self.view.selection()[0]
            after = [i for i, h in enumerate(self.hits) if h >= pos]
            self.current = after[0] if after else 0
            if not from_cursor and delta < 0:
                self.current = (self.current - 1) % len(self.hits)
        else:
            self.current = (self.current + delta) % len(self.hits)
        start = self.hits[self.current]
        self.view.select_range(start, start + len(self.field.text()))
        self._show_count()

    def _show_count(self) -> None:
        if not self.field.text():
            self.count.setText("")
        elif not self.hits:
            self.count.setText(self.tr("no match"))
        else:
            self.count.setText(self.tr("{0} of {1}").format(self.current + 1, len(self.hits)))
