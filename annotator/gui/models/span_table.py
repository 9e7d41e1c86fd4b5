"""The span panel's table: the current document's spans and open suggestions, in text order."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from annotator.domain.model import Span

SPAN_ROLE = Qt.ItemDataRole.UserRole + 2


class SpanTableModel(QAbstractTableModel):
    COLUMNS = ("label", "text", "attributes", "status")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[Span] = []
        self.text = ""
        self.label_titles: dict[str, str] = {}
        self.colours: dict[str, str] = {}

    def set_rows(self, spans: list[Span], text: str, label_titles: dict[str, str], colours: dict[str, str]) -> None:
        self.beginResetModel()
        self.rows = sorted(spans, key=lambda s: (s.start, s.end, s.label))
        self.text = text
        self.label_titles = label_titles
        self.colours = colours
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("Label"), self.tr("Text"), self.tr("Attributes"), self.tr("Status")][section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        span = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == SPAN_ROLE:
            return span.id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "label":
                return self.label_titles.get(span.label, span.label)
            if column == "text":
                snippet = self.text[span.start:span.end].replace("\n", " ")
                return snippet if len(snippet) <= 60 else snippet[:59] + "…"
            if column == "attributes":
                return "; ".join(f"{k}={v}" for k, v in span.attributes.items() if v not in (None, ""))
            if column == "status":
                return self.tr("suggested") if span.status == "suggested" else self.tr("tagged")
        if role == Qt.ItemDataRole.ToolTipRole and column == "text":
            return self.text[span.start:span.end]
        if role == Qt.ItemDataRole.BackgroundRole and column == "label":
            colour = QColor(self.colours.get(span.label, "#999999"))
            colour.setAlpha(40 if span.status == "suggested" else 110)
            return QBrush(colour)
        return None

    def row_of(self, span_id: str) -> int:
        return next((i for i, s in enumerate(self.rows) if s.id == span_id), -1)
