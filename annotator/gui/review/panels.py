"""Side panels of the review window: the outline with agreement heat, the annotator picker, and
each annotator's score against gold."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QIcon, QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QListWidget, QListWidgetItem,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from annotator.domain.model import Section
from annotator.gui.review.overlay import annotator_colour

SECTION_ROLE = Qt.ItemDataRole.UserRole + 1


def heat_colour(f1: float | None) -> QColor | None:
    """Red (0) → yellow → green (1), pale enough to read black text on."""
    if f1 is None:
        return None
    return QColor.fromHsv(int(120 * max(0.0, min(1.0, f1))), 110, 255)


translate = QCoreApplication.translate


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def fill_outline(model: QStandardItemModel, sections: list[Section], heat: list[float | None],
                 open_counts: list[int]) -> list[QStandardItem]:
    model.clear()
    # QCoreApplication.translate with a fixed context: model.tr() looked strings up under
    # "QStandardItemModel" at run time while lupdate filed them under "model" (headers stayed English).
    model.setHorizontalHeaderLabels([translate("ReviewOutline", "Section"), translate("ReviewOutline", "F1"), translate("ReviewOutline", "Open")])
    items: list[QStandardItem] = []
    for index, section in enumerate(sections):
        title = section.title if len(section.title) <= 30 else section.title[:29] + "…"
        cells = [QStandardItem(f"{section.marker}{title}"), QStandardItem(_fmt(heat[index])),
                 QStandardItem(str(open_counts[index]) if open_counts[index] else "")]
        colour = heat_colour(heat[index])
        for cell in cells:
            cell.setEditable(False)
            cell.setData(index, SECTION_ROLE)
            if colour is not None:
                cell.setBackground(QBrush(colour))
        cells[0].setToolTip(translate("ReviewOutline", "{0}\nstrict F1 of the annotators in this section: {1}").format(
            section.title, _fmt(heat[index])))
        for cell in cells[1:]:
            cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        parent = model.invisibleRootItem() if section.parent is None else items[section.parent]
        parent.appendRow(cells)
        items.append(cells[0])
    return items


def swatch(colour: QColor, underline: bool = False) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(0, 0, 0, 0) if underline else colour)
    if underline:
        from PySide6.QtGui import QPainter  # noqa: PLC0415

        painter = QPainter(pixmap)
        painter.fillRect(0, 11, 14, 3, colour)
        painter.end()
    return QIcon(pixmap)


class AnnotatorPicker(QWidget):
    """Checkable annotators in a fixed order (the order gives colours and the A/B columns)."""

    applied = Signal(list)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setObjectName("reviewAnnotators")
        self.button = QPushButton(self.tr("Review with these annotators"))
        self.button.setObjectName("reviewApply")
        self.hint = QLabel(self.tr("Choose two or more. In the text each annotator has a colour; where "
                                   "they overlap the colours mix; gold is underlined."))
        self.hint.setWordWrap(True)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(self.list)
        box.addWidget(self.hint)
        box.addWidget(self.button)
        self.list.itemChanged.connect(self._update_button)
        self.button.clicked.connect(lambda: self.applied.emit(self.checked()))

    def set_annotators(self, names: list[str], checked: list[str]) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for name in names:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in checked else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.show_colours(checked)
        self._update_button()

    def show_colours(self, active: list[str]) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            name = item.text()
            item.setIcon(swatch(annotator_colour(active.index(name))) if name in active else QIcon())

    def checked(self) -> list[str]:
        return [self.list.item(r).text() for r in range(self.list.count())
                if self.list.item(r).checkState() == Qt.CheckState.Checked]

    def _update_button(self, *_args) -> None:
        self.button.setEnabled(len(self.checked()) >= 2)


class GoldScores(QTableWidget):
    """Each annotator against the gold layer of this document: strict P/R/F1 and relaxed F1."""

    def __init__(self, parent=None):
        super().__init__(0, 5, parent)
        self.setObjectName("goldScores")
        self.setHorizontalHeaderLabels([self.tr("Annotator"), self.tr("P"), self.tr("R"), self.tr("F1"),
                                        self.tr("relaxed F1")])
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def set_scores(self, scores: dict, order: list[str]) -> None:
        self.setRowCount(0)
        for name in [n for n in order if n in scores]:
            score = scores[name]
            row = self.rowCount()
            self.insertRow(row)
            values = [name, _fmt(score.strict.precision), _fmt(score.strict.recall), _fmt(score.strict.f1),
                      _fmt(score.relaxed.f1)]
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if column:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                else:
                    cell.setIcon(swatch(annotator_colour(order.index(name))))
                self.setItem(row, column, cell)
        self.resizeColumnsToContents()
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
