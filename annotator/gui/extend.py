"""Grow or shrink the selection by a word or a clause from the keyboard.

Ctrl+Shift+→ / ← move the selection's moving end to the next / previous clause boundary (after ，；。！？：
or a line end); Alt+Shift+→ / ← to the next / previous word boundary, words as jieba cuts them (Qt's
own word steps treat a run of Chinese characters as one word). The anchor end stays, as with
Shift+arrow, so the same keys shrink a selection too.

jieba is loaded lazily on a background thread the first time a word key is pressed (start-up never
loads it); until it is ready a word step moves one character and says so. Only the line around the
cursor (at most WINDOW characters each side) is cut, so a step costs the same on any document size.
"""

from __future__ import annotations

from annotator.domain.selection import CLAUSE_BREAKS

WINDOW = 200


def clause_boundary(text: str, pos: int, forward: bool) -> int:
    """The next clause boundary after ``pos`` (just after a break) or the previous one before it."""
    if forward:
        i = pos
        while i < len(text) and text[i] in CLAUSE_BREAKS:  # step over the break we stand on
            i += 1
        while i < len(text) and text[i] not in CLAUSE_BREAKS:
            i += 1
        return min(len(text), i + 1) if i < len(text) and text[i] != "\n" else i
    i = pos
    while i > 0 and text[i - 1] in CLAUSE_BREAKS:
        i -= 1
    while i > 0 and text[i - 1] not in CLAUSE_BREAKS:
        i -= 1
    return i


def word_boundaries(text: str, pos: int, cut) -> list[int]:
    """Word boundaries (code points of ``text``) of the line around ``pos``, cut by ``cut``."""
    lo = max(text.rfind("\n", 0, pos) + 1, pos - WINDOW)
    hi = text.find("\n", pos)
    hi = len(text) if hi < 0 else hi
    hi = min(hi, pos + WINDOW)
    bounds, at = [lo], lo
    for word in cut(text[lo:hi]):
        at += len(word)
        bounds.append(at)
    return bounds


def word_boundary(text: str, pos: int, forward: bool, cut) -> int:
    if forward and pos < len(text) and text[pos] == "\n":
        return pos + 1
    if not forward and pos > 0 and text[pos - 1] == "\n":
        return pos - 1
    bounds = word_boundaries(text, pos, cut)
    if forward:
        return next((b for b in bounds if b > pos), min(len(text), pos + 1))
    return next((b for b in reversed(bounds) if b < pos), max(0, pos - 1))


class SelectionExtender:
    """Bound to the main window's text view and session; keys are wired in actions.py."""

    def __init__(self, view, session):
        self.view, self.session = view, session

    def _move(self, target: int) -> None:
        from PySide6.QtGui import QTextCursor  # noqa: PLC0415

        cursor = self.view.textCursor()
        cursor.setPosition(self.view.utf16.to_utf16(target), QTextCursor.MoveMode.KeepAnchor)
        self.view.setTextCursor(cursor)
        self.view.ensureCursorVisible()

    def by_clause(self, forward: bool) -> None:
        self._move(clause_boundary(self.session.text, self.view.cursor_position(), forward))

    def by_word(self, forward: bool) -> None:
        from PySide6.QtCore import QCoreApplication  # noqa: PLC0415

        from annotator.nlp import segment  # noqa: PLC0415 - jieba only when a word key is used

        text, pos = self.session.text, self.view.cursor_position()
        if not segment.is_ready():
            segment.warm_up(background=True)
            self.session.message.emit(QCoreApplication.translate(
                "Session", "Loading the word list… moving by one character meanwhile."))
            self._move(min(len(text), pos + 1) if forward else max(0, pos - 1))
            return
        self._move(word_boundary(text, pos, forward, segment.cut))
