"""The read-only speech text. Qt counts UTF-16 units; everything outside this widget counts code
points — the conversion happens here and only here (through the session's Utf16Map)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from annotator.domain.offsets import Utf16Map
from annotator.gui.widgets.highlighter import SpanHighlighter


class SpeechView(QPlainTextEdit):
    cursorMovedTo = Signal(int)  # code point offset

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setReadOnly(True)
        # Read-only but navigable: the keyboard must move the cursor and extend selections.
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.setUndoRedoEnabled(False)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setObjectName("speechView")
        self.utf16 = Utf16Map("")
        self._marks: list = []  # current span outline (ExtraSelections)
        self._find_marks: list = []  # find-in-document hits
        self.highlighter = SpanHighlighter(self.document())
        self.cursorPositionChanged.connect(self._emit_cursor)
        font = self.font()
        font.setPointSizeF(max(font.pointSizeF(), 12.0))
        self.setFont(font)

    def contextMenuEvent(self, event) -> None:  # noqa: N802 - Qt override
        # Copy / Select all from Qt, then the tagging actions the window registered on this view.
        menu = self.createStandardContextMenu(event.pos())
        menu.addSeparator()
        menu.addActions(self.actions())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def set_text(self, text: str, utf16: Utf16Map) -> None:
        self.utf16 = utf16
        # Reset the highlighter's data first so the initial highlight pass sees the new document.
        self.setPlainText(text)
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def _emit_cursor(self) -> None:
        self.cursorMovedTo.emit(self.cursor_position())

    def cursor_position(self) -> int:
        return self.utf16.to_codepoint(self.textCursor().position())

    def selection(self) -> tuple[int, int]:
        cursor = self.textCursor()
        return (self.utf16.to_codepoint(cursor.selectionStart()), self.utf16.to_codepoint(cursor.selectionEnd()))

    def select_range(self, start: int, end: int, *, scroll: bool = True) -> None:
        cursor = self.textCursor()
        cursor.setPosition(self.utf16.to_utf16(start))
        cursor.setPosition(self.utf16.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        if scroll:
            self.centerCursor()

    def move_to(self, pos: int) -> None:
        cursor = self.textCursor()
        cursor.setPosition(self.utf16.to_utf16(pos))
        self.setTextCursor(cursor)
        self.centerCursor()

    def mark(self, ranges: list[tuple[int, int]], colour: str = "#ffd54f") -> None:
        """Transient outlines (current span, current section heading): a few ExtraSelections only."""
        self._marks = self._selections(ranges, colour, outline=True)
        self.setExtraSelections(self._find_marks + self._marks)

    def set_find_marks(self, ranges: list[tuple[int, int]]) -> None:
        self._find_marks = self._selections(ranges, "#80deea", outline=False)
        self.setExtraSelections(self._find_marks + self._marks)

    def first_visible(self) -> int:
        """Code point offset of the first character at the top of the viewport (for restoring it)."""
        return self.utf16.to_codepoint(self.cursorForPosition(self.viewport().rect().topLeft()).position())

    def scroll_to_top(self, pos: int) -> None:
        """Scroll so that the line holding ``pos`` is the first visible line (the cursor is put back).

        From the bottom, making ``pos`` visible scrolls up just until its line is the top one — exact
        whatever the wrapping, unlike computing a scroll bar value from line numbers."""
        keep = self.textCursor()
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum())
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.utf16.to_utf16(pos))
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        value = bar.value()
        self.setTextCursor(keep)
        bar.setValue(value)  # setTextCursor may have scrolled to the old cursor: the top line wins

    def _selections(self, ranges, colour: str, *, outline: bool) -> list:
        selections = []
        for start, end in ranges:
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.utf16.to_utf16(start))
            cursor.setPosition(self.utf16.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            if outline:
                sel.format.setProperty(QTextFormat.Property.OutlinePen, QColor(colour))
                sel.format.setBackground(QColor(colour).lighter(130))
            else:
                sel.format.setBackground(QColor(colour))
            selections.append(sel)
        return selections
