"""The span panel's table: the current document's spans and open suggestions, in text order.

Kept up to date row by row (``add_span`` / ``remove_span``) after each keystroke; a full reset only
when the whole set is reloaded. ``SpanFilter`` filters by text, label and status and sorts by column.

Painting the visible rows asks ``data`` about seven roles per cell, through the proxy, and every
``index()`` Qt makes asks ``rowCount`` and ``columnCount``: each a call into Python. A repaint of ~30
rows was ~2 000 such calls and most of a frame (issue 13), so ``data`` answers the roles a delegate asks
for but we never set before anything else, brushes and fonts are made once, ``index`` is answered here
without the two count calls, and the guard against bad rows is an inline ``try`` rather than a wrapper
(the same log-once behaviour as ``safety.qt_override``).
"""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from annotator.domain.model import Span
from annotator.gui.review_reasons import review_reason_text
from annotator.gui.safety import qt_override, report_once

SPAN_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 4
_DISPLAY, _TOOLTIP = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole
_BACKGROUND, _FONT = Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.FontRole
_ROLES = frozenset({SPAN_ROLE, SORT_ROLE, _DISPLAY, _TOOLTIP, _BACKGROUND, _FONT})
_NO_INDEX = QModelIndex()


def confidence(span: Span) -> float | None:
    """A suggestion's score: the rules' confidence, or the project model's once it re-ranked it."""
    score = (span.provenance or {}).get("score") if span.status == "suggested" else None
    return float(score) if isinstance(score, (int, float)) else None


def low_confidence(span: Span) -> bool:
    """Marked doubtful by the suggester or the project's learner (stored in provenance, never an attribute)."""
    return span.status == "suggested" and bool((span.provenance or {}).get("low_confidence"))


def _order(span: Span) -> tuple:
    return (span.start, span.end, span.label, span.id or "")


class SpanTableModel(QAbstractTableModel):
    COLUMNS = ("label", "text", "attributes", "status")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[Span] = []
        self.text = ""
        self.label_titles: dict[str, str] = {}
        self.colours: dict[str, str] = {}
        self._brushes: dict[tuple[str, bool], QBrush] = {}  # (label, suggested) → the label cell's brush
        self._italic: QFont | None = None
        self._said: dict[str, str] | None = None

    def _words(self) -> dict[str, str]:
        """The status column's words, translated once: tr() costs ~0.1 ms in PySide6, and a repaint of the
        table asked it for every visible row (40 rows at 1920×1080: 5 ms of a 20 ms repaint)."""
        if self._said is None:
            self._said = {"needs review": self.tr("needs review"), "tagged": self.tr("tagged"),
                          "doubtful": self.tr("doubtful"), "unsure": self.tr("unsure {0:.0%}"),
                          "suggested": self.tr("suggested"), "likely": self.tr("likely {0:.0%}")}
        return self._said

    def set_rows(self, spans: list[Span], text: str, label_titles: dict[str, str], colours: dict[str, str]) -> None:
        self.beginResetModel()
        self.rows = sorted(spans, key=_order)
        self.text = text
        self.label_titles = label_titles
        self.colours = colours
        self._brushes = {}
        self.endResetModel()

    def add_span(self, span: Span) -> None:
        row = bisect_left(self.rows, _order(span), key=_order)
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.insert(row, span)
        self.endInsertRows()

    def replace_span(self, span: Span) -> None:
        """The same span (id, place, label) with new values: its row redrawn, nothing moves."""
        row = self.row_of_span(span)
        if row >= 0:
            self.rows[row] = span
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def remove_span(self, span: Span) -> None:
        row = self.row_of_span(span)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.rows[row]
            self.endRemoveRows()

    def rowCount(self, parent=_NO_INDEX) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=_NO_INDEX) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def index(self, row: int, column: int, parent=_NO_INDEX) -> QModelIndex:
        # QAbstractTableModel.index asks rowCount and columnCount (two calls into Python) every time.
        if 0 <= row < len(self.rows) and 0 <= column < len(self.COLUMNS) and not parent.isValid():
            return self.createIndex(row, column)
        return QModelIndex()

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("Label"), self.tr("Text"), self.tr("Attributes"), self.tr("Status")][section]
        return None

    def data(self, index: QModelIndex, role=_DISPLAY):
        if role not in _ROLES:  # four of the seven roles a delegate asks per cell per paint
            return None
        try:
            return self._data(index, role)
        except Exception:  # noqa: BLE001 - Qt calls this: nothing may escape (gui/safety.py)
            report_once("SpanTableModel.data")
            return None

    def _brush(self, span: Span) -> QBrush:
        key = (span.label, span.status == "suggested")
        brush = self._brushes.get(key)
        if brush is None:
            colour = QColor(self.colours.get(span.label, "#999999"))
            colour.setAlpha(40 if key[1] else 110)
            brush = self._brushes[key] = QBrush(colour)
        return brush

    def _data(self, index: QModelIndex, role):
        if not index.isValid():
            return None
        span = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == SPAN_ROLE:
            return span.id
        if role == SORT_ROLE:
            return {"label": span.label, "text": span.start, "attributes": self.data(index),
                    "status": span.status}[column]
        if role == _DISPLAY:
            if column == "label":
                return self.label_titles.get(span.label, span.label)
            if column == "text":
                snippet = self.text[span.start:span.end].replace("\n", " ")
                return snippet if len(snippet) <= 60 else snippet[:59] + "…"
            if column == "attributes":
                return "; ".join(f"{k}={v}" for k, v in span.attributes.items() if v not in (None, ""))
            if column == "status":
                words = self._words()
                if "needs_review" in (span.provenance or {}):
                    return words["needs review"]
                if span.status != "suggested":
                    return words["tagged"]
                score = confidence(span)
                if low_confidence(span):
                    # One word and the score, as wide as "suggested 80%": "建议 80%，存疑" did not fit the
                    # status column and read "建议 …" (walked at a real display, session 8).
                    return words["doubtful"] if score is None else words["unsure"].format(score)
                return words["suggested"] if score is None else words["likely"].format(score)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self.text[span.start:span.end] if column == "text" else ""
            score = confidence(span)
            if score is not None:
                rule = span.source.split(":", 1)[1] if ":" in (span.source or "") else ""
                line = self.tr("Suggestion, confidence {0:.0%}").format(score)
                if rule:
                    line += " " + self.tr("(rule {0})").format(rule)
                tip = f"{tip}\n{line}" if tip else line
            reason = (span.provenance or {}).get("needs_review")
            if reason:
                old = ((span.provenance or {}).get("reanchor") or {}).get("old_text", "")
                line = self.tr("Needs review after a re-import: {0}").format(review_reason_text(reason))
                if old:
                    line += "\n" + self.tr("It covered: «{0}»").format(old)
                tip = f"{tip}\n{line}" if tip else line
            return tip or None
        if role == Qt.ItemDataRole.BackgroundRole and column == "status" and "needs_review" in (span.provenance or {}):
            return QBrush(QColor("#ffcdd2"))
        if role == _BACKGROUND and column == "label":
            return self._brush(span)
        if role == _FONT and span.status == "suggested":
            if self._italic is None:
                self._italic = QFont()
                self._italic.setItalic(True)
            return self._italic
        return None

    def row_of_span(self, span: Span) -> int:
        """Row of ``span`` by its text order (a bisection), falling back to its id."""
        row = bisect_left(self.rows, _order(span), key=_order)
        if row < len(self.rows) and self.rows[row].id == span.id:
            return row
        return self.row_of(span.id)

    def row_of(self, span_id: str) -> int:
        return next((i for i, s in enumerate(self.rows) if s.id == span_id), -1)

    def span_at(self, row: int) -> Span:
        return self.rows[row]


class SpanFilter(QSortFilterProxyModel):
    """Text / label / status filter over SpanTableModel; sorting by the clicked column."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.text, self.label, self.status = "", "", ""
        self.setSortRole(SORT_ROLE)

    def set_text(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "text", text.strip()))

    def set_label(self, label: str) -> None:
        self._refilter(lambda: setattr(self, "label", label or ""))

    def set_status(self, status: str) -> None:
        self._refilter(lambda: setattr(self, "status", status or ""))

    def _refilter(self, change) -> None:
        # Qt ≥ 6.10 wants begin/endFilterChange around the change; invalidateFilter is deprecated there.
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateFilter()

    @qt_override(True)
    def filterAcceptsRow(self, row: int, parent) -> bool:  # noqa: N802 - Qt override
        if not (self.text or self.label or self.status):
            return True
        model = self.sourceModel()
        span = model.span_at(row)
        if self.label and span.label != self.label:
            return False
        if self.status and span.status != self.status:
            return False
        if self.text:
            haystack = model.text[span.start:span.end] + " " + " ".join(str(v) for v in span.attributes.values())
            return self.text.casefold() in haystack.casefold()
        return True
