"""The read-only speech text. Qt counts UTF-16 units; everything outside this widget counts code
points — the conversion happens here and only here (through the session's Utf16Map).

Highlighting is lazy: with the highlighter attached, setPlainText ran Python's highlightBlock over every
block of the document before the first paint (10–25× a bare setPlainText on 100 k characters). Now the
text goes in unformatted, the visible blocks are highlighted at once, the rest in idle-time slices of a
few milliseconds (and whatever scrolls into view first).
"""

from __future__ import annotations

import time

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPaintEvent, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

from annotator.domain.offsets import Utf16Map
from annotator.gui.safety import qt_override
from annotator.gui.widgets import repaint
from annotator.gui.widgets.highlighter import SpanHighlighter


class SpeechView(QPlainTextEdit):
    cursorMovedTo = Signal(int)  # code point offset
    SPLIT_PAINT = True  # paintEvent: far-apart dirty rectangles one by one (the benchmark compares both)

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
        self._pending: set[int] = set()  # block numbers not highlighted yet
        self._order: list[int] = []
        self._next = 0
        self._lazy = QTimer(self)
        self._lazy.setInterval(0)
        self._lazy.timeout.connect(self._highlight_some)
        self._anchor: tuple[str, int] | None = None  # scrolling to re-apply while the lazy pass runs
        self.verticalScrollBar().valueChanged.connect(self._highlight_visible)
        self.verticalScrollBar().actionTriggered.connect(self._release_anchor)
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
        self.highlighter.deferred = True  # no formatting pass inside setPlainText
        try:
            self.setPlainText(text)
        finally:
            self.highlighter.deferred = False
        self._anchor = None  # a place in the previous text means nothing here
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.rehighlight_lazily()

    def rehighlight_lazily(self) -> None:
        """Highlight what is visible now and the rest in idle time (instead of highlighter.rehighlight())."""
        count = self.document().blockCount()
        self._pending = set(range(count))
        first = self.firstVisibleBlock().blockNumber()
        self._order = list(range(first, count)) + list(range(0, first))  # onwards from the view, then wrap
        self._next = 0
        self._highlight_visible()
        # A scroll asked for earlier (a restored place, a jump) is kept through a new pass: the spans of
        # a long document arrive just after it opens (session.py) and start one.
        if self._pending:
            self._lazy.start()

    def rehighlight_quietly(self, blocks, ranges=None) -> None:
        """Re-highlight ``blocks`` and repaint only them.

        Through QSyntaxHighlighter alone, re-formatting one paragraph makes the plain-text layout ask for a
        repaint of the whole view (its "block changed" path is not taken for a format change): 9 ms of a
        frame at 1920×1080 for a tag that changed one line. The layout's signals are held while the
        blocks are re-formatted (the layout itself is kept current), then just their rectangles are
        repainted. A span's format rarely changes a line's height (a block laid out for the first time does):
        then the new size is said afterwards, and the view repainted below the block if it is in view."""
        layout = self.document().documentLayout()
        heights = [layout.blockBoundingRect(block).height() for block in blocks]
        held = layout.blockSignals(True)
        try:
            for block in blocks:
                self.highlighter.rehighlightBlock(block)
        finally:
            layout.blockSignals(held)
        changed = [block for block, height in zip(blocks, heights) if layout.blockBoundingRect(block).height() != height]
        if changed:  # the scroll bar's range follows; on screen only what a changed block in view moved
            layout.documentSizeChanged.emit(layout.documentSize())
            repaint.update_below(self, changed)
        if ranges is not None:
            repaint.update_lines(self, ranges)  # the spans' own lines: what a format change can alter
        else:
            repaint.update_blocks(self, blocks)

    def keep_top(self, pos: int) -> None:
        """Keep ``pos`` on the top line while the lazy pass runs (see ``_reapply``)."""
        self._anchor = ("top", pos) if self._pending else None

    def _release_anchor(self, *_args) -> None:
        self._anchor = None

    def _reapply(self) -> None:
        """Scrolling asked for during the lazy pass is asked again after each slice: the pass re-lays out
        blocks (line counts, larger heading type) and QPlainTextEdit scrolls by lines, so a centred
        cursor or a restored top line computed earlier drifts. Until the reader scrolls, clicks or types."""
        if self._anchor is None:
            return
        kind, pos = self._anchor
        if kind == "top":
            if self.first_visible() != pos:
                self.scroll_to_top(pos)
        else:
            blocked = self.blockSignals(True)
            try:
                self.centerCursor()
            finally:
                self.blockSignals(blocked)

    def wheelEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._anchor = None
        super().wheelEvent(event)

    @qt_override(None)
    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        """Far-apart dirty rectangles one by one: QPlainTextEdit paints every block in their bounding box,
        and a tag dirties its paragraph, the old current span and the old selection, often half a screen
        apart (at 1920×1080 that was most of a tag's frame)."""
        bands = repaint.bands(self, event.region())
        bound = event.rect()
        if self.SPLIT_PAINT and 1 < len(bands) <= 8 and 2 * sum(r.width() * r.height() for r in bands) < bound.width() * bound.height():
            for rect in bands:
                super().paintEvent(QPaintEvent(rect))
            return
        super().paintEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._anchor = None
        super().keyPressEvent(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._anchor = None
        super().mousePressEvent(event)

    def highlight_pending(self) -> None:
        """Finish the lazy pass now (tests and screenshots that read formats)."""
        while self._pending:
            self._highlight_some(budget=1.0)

    def _highlight_visible(self, *_args) -> None:
        if not self._pending:
            return
        block = self.firstVisibleBlock()
        offset, bottom = self.contentOffset(), self.viewport().height()
        while block.isValid():
            number = block.blockNumber()
            if number in self._pending:
                self._pending.discard(number)
                self.highlighter.rehighlightBlock(block)
            if self.blockBoundingGeometry(block).translated(offset).top() > bottom:
                break
            block = block.next()

    def _highlight_some(self, budget: float = 0.006) -> None:
        """One slice of the lazy pass, with the layout's signals held (as rehighlight_quietly does).

        Through the layout, each slice of off-screen blocks asked for a repaint of the whole view: a full
        1920×1080 repaint every few milliseconds for the first seconds of a long document, paid by
        whatever key came then (half the tags of the benchmark's first run). Only the blocks of the slice
        that are on screen are repainted."""
        deadline = time.perf_counter() + budget
        document = self.document()
        layout = document.documentLayout()
        size = layout.documentSize()
        done = []
        held = layout.blockSignals(True)
        try:
            while self._next < len(self._order) and time.perf_counter() < deadline:
                number = self._order[self._next]
                self._next += 1
                if number in self._pending:
                    self._pending.discard(number)
                    block = document.findBlockByNumber(number)
                    if block.isValid():
                        self.highlighter.rehighlightBlock(block)
                        done.append(block)
        finally:
            layout.blockSignals(held)
        if layout.documentSize() != size:  # blocks laid out for the first time: the scroll bar's range
            layout.documentSizeChanged.emit(layout.documentSize())
        # The view paints from its first visible block down: a block above it that gained lines moves
        # nothing on screen (the scroll bar's value follows through the size signal above).
        repaint.update_blocks(self, done)
        self._reapply()
        if self._next >= len(self._order):
            self._pending.clear()
            self._lazy.stop()
            self._anchor = None

    def _emit_cursor(self) -> None:
        self.cursorMovedTo.emit(self.cursor_position())

    def chars_on_screen(self) -> int:
        """About how many characters the viewport shows (full-width CJK glyphs, full lines)."""
        metrics = self.fontMetrics()
        per_line = max(1, self.viewport().width() // max(1, metrics.horizontalAdvance("中")))
        lines = max(1, self.viewport().height() // max(1, metrics.lineSpacing()))
        return per_line * lines

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
            self._anchor = ("center", start) if self._pending else None
            self.centerCursor()

    def move_to(self, pos: int, *, only_if_hidden: bool = False) -> None:
        """Put the cursor at ``pos`` and centre its line; ``only_if_hidden``: not when it is on screen.
        Tab centred every next suggestion: the text jumped under the reader's eyes at each key, and each
        scroll repainted the view — most of a Tab's or an accept's frame at 1920×1080 (session 8)."""
        cursor = self.textCursor()
        cursor.setPosition(self.utf16.to_utf16(pos))
        self.setTextCursor(cursor)  # scrolls just enough to show the cursor, if it was off screen
        if only_if_hidden:
            if self.viewport().rect().contains(self.cursorRect()):
                # The view stays (during the lazy pass its top line; an older centred anchor would scroll).
                self._anchor = ("top", self.first_visible()) if self._pending else None
                return
        self._anchor = ("center", pos) if self._pending else None
        self.centerCursor()

    def mark(self, ranges: list[tuple[int, int]], colour: str = "#ffd54f") -> None:
        """Transient outlines (current span, current section heading): a few ExtraSelections only."""
        self._marks = self._selections(ranges, colour, outline=True)
        self.setExtraSelections(self._find_marks + self._marks)

    def mark_current(self, span_range: tuple[int, int] | None, colour: str = "#ffd54f", *,
                     suggested: bool = False) -> None:
        """The span under the cursor in its label's colour, stronger, underlined: solid when tagged, dotted
        when suggested. A yellow mark made a statistic just tagged look like a directive (session 7)."""
        self._marks = []
        if span_range is not None:
            (sel,) = self._selections([span_range], colour, outline=False)
            fill = QColor(colour)
            fill.setAlpha(70 if suggested else 150)
            sel.format.setBackground(fill)
            sel.format.setFontUnderline(True)  # before the style: setFontUnderline resets it to single
            sel.format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine if suggested
                                         else QTextCharFormat.UnderlineStyle.SingleUnderline)
            sel.format.setUnderlineColor(QColor(colour).darker(170))
            self._marks = [sel]
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
        blocked = self.blockSignals(True)  # the cursor's detour is not a move of the reader's cursor
        try:
            bar.setValue(bar.maximum())
            cursor = QTextCursor(self.document())
            cursor.setPosition(self.utf16.to_utf16(pos))
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
            value = bar.value()
            self.setTextCursor(keep)
        finally:
            self.blockSignals(blocked)
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
