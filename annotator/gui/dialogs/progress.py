"""The team's progress for the lead: per annotator (documents done / in progress / not started, spans)
and per document (each annotator's status and span count). Read-only, counts only
(storage/progress.py). Enter on a document compares two of its annotators side by side.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableWidget,
                               QTableWidgetItem, QVBoxLayout)

from annotator.gui.safety import describe
from annotator.storage.progress import team_progress

STATUS_COLOURS = {"done": "#c8e6c9", "in_progress": "#fff3c4"}


class _Number(QTableWidgetItem):
    """Sorts by value, not by text ("10" after "9")."""

    def __init__(self, value: int):
        super().__init__(str(value))
        self.setData(Qt.ItemDataRole.UserRole, value)
        self.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def __lt__(self, other) -> bool:
        mine, theirs = self.data(Qt.ItemDataRole.UserRole), other.data(Qt.ItemDataRole.UserRole)
        if isinstance(mine, int) and isinstance(theirs, int):
            return mine < theirs
        return super().__lt__(other)


class ProgressDialog(QDialog):
    compareRequested = Signal(int)  # a document id

    def __init__(self, project, parent=None):
        super().__init__(parent)
        self.project = project
        self.setObjectName("progressDialog")
        self.setWindowTitle(self.tr("Progress of the team"))
        self.people = QTableWidget(0, 7)
        self.people.setObjectName("progressByAnnotator")
        self.documents = QTableWidget(0, 1)
        self.documents.setObjectName("progressByDocument")
        for table in (self.people, self.documents):
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
            table.verticalHeader().hide()
            table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.total = QLabel()
        self.total.setObjectName("progressTotal")
        self.total.setWordWrap(True)
        hint = QLabel(self.tr("Enter or double-click on a document: compare two of its annotators side by side."))
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.total)
        box.addWidget(QLabel(self.tr("Per annotator")))
        box.addWidget(self.people, 1)
        box.addWidget(QLabel(self.tr("Per document")))
        box.addWidget(self.documents, 3)
        box.addWidget(hint)
        box.addWidget(buttons)
        self.documents.activated.connect(self._on_activated)
        self.documents.doubleClicked.connect(self._on_activated)
        self.resize(820, 560)
        self.refill()

    def refill(self) -> None:
        try:
            people, documents = team_progress(self.project)
        except Exception as exc:  # noqa: BLE001 - a damaged project: say so instead of an empty window
            self.total.setText(self.tr("Progress cannot be read: {0}").format(describe(exc)))
            return
        self._fill_people(people)
        self._fill_documents(documents, [p.name for p in people])
        done_by_all = sum(1 for d in documents if people and all(d.status.get(p.name) == "done" for p in people))
        self.total.setText(self.tr("{0} documents, {1} annotators; {2} documents done by everyone.").format(
            len(documents), len(people), done_by_all))

    def _fill_people(self, people) -> None:
        table = self.people
        table.setSortingEnabled(False)
        table.setHorizontalHeaderLabels([self.tr("Annotator"), self.tr("Done"), self.tr("In progress"),
                                         self.tr("Not started"), self.tr("Spans"), self.tr("Documents with spans"),
                                         self.tr("Last change")])
        table.setRowCount(len(people))
        for row, p in enumerate(people):
            table.setItem(row, 0, QTableWidgetItem(p.name))
            for column, value in enumerate((p.done, p.in_progress, p.not_started, p.spans, p.documents_with_spans), 1):
                table.setItem(row, column, _Number(value))
            table.setItem(row, 6, QTableWidgetItem(p.last_change[:16].replace("T", " ")))
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # a handful of rows
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # as read until a header is clicked
        table.setSortingEnabled(True)

    def _fill_documents(self, documents, names: list[str]) -> None:
        table = self.documents
        table.setSortingEnabled(False)
        table.setColumnCount(1 + len(names))
        table.setHorizontalHeaderLabels([self.tr("Document"), *names])
        table.setRowCount(len(documents))
        words = {"done": self.tr("done"), "in_progress": self.tr("in progress"), "not_started": self.tr("not started")}
        for row, d in enumerate(documents):
            title = QTableWidgetItem(f"{d.id}  {d.title or self.tr('(untitled)')}")
            title.setData(Qt.ItemDataRole.UserRole, d.id)
            table.setItem(row, 0, title)
            for column, name in enumerate(names, 1):
                count = d.spans.get(name, 0)
                status = d.status.get(name) or ("in_progress" if count else "not_started")  # as team_progress counts
                item = QTableWidgetItem(f"{words[status]} · {count}" if count or status != "not_started" else "—")
                if status in STATUS_COLOURS:
                    item.setBackground(QColor(STATUS_COLOURS[status]))
                item.setToolTip(self.tr("{0}: {1}, {2} spans").format(name, words[status], count))
                table.setItem(row, column, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 1 + len(names)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, 110)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # as read until a header is clicked
        table.setSortingEnabled(True)

    def _on_activated(self, index) -> None:
        item = self.documents.item(index.row(), 0)
        if item is not None:
            self.compareRequested.emit(int(item.data(Qt.ItemDataRole.UserRole)))
