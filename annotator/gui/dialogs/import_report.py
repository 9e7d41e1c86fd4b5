"""What the cleaner removed from a document, and why (nothing is lost: the raw text is kept too)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout

from annotator.domain.model import RemovedRegion


class ImportReportDialog(QDialog):
    def __init__(self, title: str, removed: list[RemovedRegion], encoding: str, source: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import report: {0}").format(title))
        self.resize(760, 480)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Source: {0}\nEncoding: {1}\nRemoved regions: {2}")
                                .format(source or "—", encoding or "—", len(removed))))
        table = QTableWidget(len(removed), 3)
        table.setObjectName("removedTable")
        table.setHorizontalHeaderLabels([self.tr("Reason"), self.tr("Position"), self.tr("Removed text")])
        for row, region in enumerate(removed):
            table.setItem(row, 0, QTableWidgetItem(region.reason))
            table.setItem(row, 1, QTableWidgetItem(f"{region.start}–{region.end}"))
            text = region.text.replace("\n", "⏎")
            item = QTableWidgetItem(text if len(text) <= 120 else text[:119] + "…")
            item.setToolTip(region.text)
            table.setItem(row, 2, item)
        table.horizontalHeader().setStretchLastSection(True)
        table.resizeColumnsToContents()
        layout.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
