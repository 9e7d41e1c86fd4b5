"""The document list: summary rows only (no texts), re-fetched in one query when the project changes."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from annotator.gui.safety import qt_override

DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 3


class DocumentListModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[dict] = []
        self.visible_ids: set[int] | None = None  # None = no search filter
        self._shown: list[dict] = []

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = rows
        self._refilter()
        self.endResetModel()

    def set_filter(self, ids: set[int] | None) -> None:
        self.beginResetModel()
        self.visible_ids = ids
        self._refilter()
        self.endResetModel()

    def _refilter(self) -> None:
        self._shown = [r for r in self.rows if self.visible_ids is None or r["id"] in self.visible_ids]

    def status_text(self, status: str) -> str:
        # Translated once (tr() is ~0.1 ms in PySide6: three per visible row per repaint added up).
        words = self.__dict__.get("_status_words")
        if words is None:
            words = self._status_words = {"not_started": self.tr("not started"), "in_progress": self.tr("in progress"),
                                          "done": self.tr("done")}
        return words.get(status, status)

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 3

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("Title"), self.tr("Length"), self.tr("Status")][section]
        return None

    @qt_override(None)
    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._shown[index.row()]
        if role == DOC_ID_ROLE:
            return row["id"]
        if role == Qt.ItemDataRole.DisplayRole:
            return [row["title"], f"{row['char_count']:,}", self.status_text(row["status"])][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.get("source_path") or row["title"]
        return None

    def row_of(self, doc_id: int) -> int:
        return next((i for i, r in enumerate(self._shown) if r["id"] == doc_id), -1)

    def ids(self) -> list[int]:
        return [r["id"] for r in self._shown]
