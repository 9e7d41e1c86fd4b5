"""The review window's widgets (review_window.py keeps the behaviour): the text with the annotators'
overlay, the outline coloured by agreement, the list of disagreements and its detail line, the document
chooser, and the side dock (annotator picker, scores against gold, the annotators' notes).

Functions of the window ``w`` so the window class stays readable in one
sitting; strings keep the "ReviewWindow" translation context they had as methods.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDockWidget, QHeaderView, QLabel, QListWidget,
                               QSplitter, QTableView, QTreeView, QVBoxLayout, QWidget)

from annotator.gui.review.disagreement_model import DisagreementModel
from annotator.gui.review.overlay import OverlayHighlighter
from annotator.gui.review.panels import AnnotatorPicker, GoldScores
from annotator.gui.widgets.text_view import SpeechView


translate = QCoreApplication.translate


def fit_screen(w) -> None:
    """1400×860 where there is room; never larger than the screen's free area (1366×768 laptops)."""
    screen = w.screen() or (w.parent().screen() if w.parent() else None)
    area = screen.availableGeometry() if screen is not None else None
    width, height = 1400, 860
    if area is not None:
        width, height = min(width, area.width() - 16), min(height, area.height() - 40)
    w.resize(max(640, width), max(480, height))
    # the side panel (annotators, gold scores) gets a fifth of the width, the text and the list the rest
    if hasattr(w, "side_dock"):
        w.resizeDocks([w.side_dock], [max(200, min(300, w.width() // 5))], Qt.Orientation.Horizontal)


def build(w) -> None:
    w.view = SpeechView()
    w.view.setObjectName("reviewText")
    w.view.highlighter.setDocument(None)  # the workspace's label colours give way to annotator colours
    w.overlay = OverlayHighlighter(w.view.document())
    w.outline_model = QStandardItemModel(w)
    w.outline = QTreeView()
    w.outline.setObjectName("reviewOutline")
    w.outline.setModel(w.outline_model)
    w.outline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    w.outline.setUniformRowHeights(True)
    w.outline.setMinimumWidth(190)  # marker and a few characters of each title, even at 1024 px
    w.model = DisagreementModel(w)
    w.table = QTableView()
    w.table.setObjectName("disagreementTable")
    w.table.setModel(w.model)
    w.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    w.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    w.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    w.table.verticalHeader().setDefaultSectionSize(22)
    header = w.table.horizontalHeader()
    # Fixed widths (a person can drag them): sizing to contents let two long span cells push the
    # text in context out of sight on a 1024-pixel screen.
    for column, width in ((0, 110), (1, 190), (2, 190), (4, 120)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, width)
    header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
    w.detail = QLabel()
    w.detail.setObjectName("disagreementDetail")
    w.detail.setWordWrap(True)
    w.detail.setTextFormat(Qt.TextFormat.RichText)
    w.summary = QLabel()
    w.summary.setObjectName("agreementSummary")
    w.summary.setWordWrap(True)
    lower = QWidget()
    box = QVBoxLayout(lower)
    box.setContentsMargins(0, 0, 0, 0)
    box.addWidget(w.detail)
    box.addWidget(w.table)
    right = QSplitter(Qt.Orientation.Vertical)
    right.addWidget(w.view)
    right.addWidget(lower)
    right.setStretchFactor(0, 3)
    right.setStretchFactor(1, 2)
    central = QSplitter()
    central.addWidget(w.outline)
    central.addWidget(right)
    central.setStretchFactor(0, 1)
    central.setStretchFactor(1, 4)
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.setContentsMargins(4, 4, 4, 0)
    column.addWidget(w.summary)
    column.addWidget(central, 1)  # the summary line keeps its height; the rest goes to the work area
    w.setCentralWidget(holder)

    w.doc_combo = QComboBox()
    w.doc_combo.setObjectName("reviewDocument")
    w.doc_combo.setMinimumContentsLength(24)
    toolbar = w.addToolBar(translate("ReviewWindow", "Document"))
    toolbar.setObjectName("reviewToolbar")
    toolbar.addWidget(QLabel(translate("ReviewWindow", "Document: ")))
    toolbar.addWidget(w.doc_combo)
    w.picker = AnnotatorPicker()
    w.scores = GoldScores()
    side = QWidget()
    box = QVBoxLayout(side)
    box.setContentsMargins(0, 0, 0, 0)
    box.addWidget(QLabel(translate("ReviewWindow", "Annotators")))
    box.addWidget(w.picker, 1)
    box.addWidget(QLabel(translate("ReviewWindow", "Against gold (this document)")))
    box.addWidget(w.scores, 1)
    box.addWidget(QLabel(translate("ReviewWindow", "Notes of the annotators")))
    w.notes = QListWidget()
    w.notes.setObjectName("reviewNotes")
    w.notes.setWordWrap(True)
    w.notes.itemActivated.connect(lambda item: w.view.move_to(item.data(Qt.ItemDataRole.UserRole) or 0))
    box.addWidget(w.notes, 1)
    dock = QDockWidget(translate("ReviewWindow", "Annotators and gold"), w)
    dock.setObjectName("reviewSideDock")
    w.side_dock = dock
    dock.setWidget(side)
    w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    # The text and the list are the work; the side panels only need room for names and figures.
    w.resizeDocks([dock], [280], Qt.Orientation.Horizontal)
    central.setSizes([280, 1000])

    w.doc_combo.currentIndexChanged.connect(w._on_document_chosen)
    w.picker.applied.connect(lambda names: w.open_document(w.doc_id, names))
    w.table.selectionModel().currentRowChanged.connect(lambda current, _prev: w._show_item(current.row()))
    w.outline.clicked.connect(w._on_outline_clicked)
