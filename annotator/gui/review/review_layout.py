"""The review window's widgets (review_window.py keeps the behaviour): the text with the annotators'
overlay, the outline coloured by agreement, the list of disagreements and its detail line, the document
chooser, and the side dock (annotator picker, scores against gold, the annotators' notes).

Functions of the window ``w`` so the window class stays readable in one
sitting; strings keep the "ReviewWindow" translation context they had as methods.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDockWidget, QHeaderView, QLabel, QListWidget,
                               QSplitter, QTableView, QTreeView, QVBoxLayout, QWidget)

from annotator.gui.review.disagreement_model import DisagreementModel
from annotator.gui.review.overlay import OverlayHighlighter
from annotator.gui.review.panels import AnnotatorPicker, GoldScores
from annotator.gui.safety import qt_override
from annotator.gui.widgets.text_view import SpeechView


translate = QCoreApplication.translate


FRAME = (16, 40)  # room left for a window manager's frame and title bar


def fit_window(w, width: int = 1400, height: int = 860) -> None:
    """``width``×``height`` where there is room, never larger than the screen's free area (1366×768
    laptops), and placed inside it, centred: a window manager put the 860-pixel review window at
    y=235 of a 1080-pixel screen, its status bar and last rows below the bottom edge (session 8)."""
    screen = w.screen() or (w.parent().screen() if w.parent() else None)
    area = screen.availableGeometry() if screen is not None else None
    if area is not None:
        width, height = min(width, area.width() - FRAME[0]), min(height, area.height() - FRAME[1])
    w.resize(max(640, width), max(480, height))
    if area is not None:
        w.move(area.x() + max(0, (area.width() - w.width()) // 2),
               area.y() + max(0, (area.height() - FRAME[1] - w.height()) // 2))


NARROW = 1200  # below this width the side panel starts hidden (View → Annotators and gold, F9)


def fit_screen(w) -> None:
    """The review window's size and place (fit_window), its side panel a fifth of the width. On a narrow
    screen the side panel starts hidden: at 1024 px it took 280 px and left the disagreement list 520, its
    annotator columns showing "统计数据 ..." and the text in context four characters (session 10)."""
    fit_window(w)
    # the side panel (annotators, gold scores) gets a fifth of the width, the text and the list the rest
    if hasattr(w, "side_dock"):
        follow_width(w)
        w.resizeDocks([w.side_dock], [max(200, min(300, w.width() // 5))], Qt.Orientation.Horizontal)


def follow_width(w) -> None:
    """The side panel shown at a wide size and hidden at a narrow one, until the person chooses (F9)."""
    if hasattr(w, "side_dock") and not getattr(w, "side_chosen", False):
        wide = w.width() >= NARROW
        if w.side_dock.isVisibleTo(w) != wide:
            w.side_dock.setVisible(wide)


def size_columns(w) -> None:
    """Fixed widths (a person can drag them): sizing to contents let two long span cells push the text
    in context out of sight on a 1024-pixel screen. One column per annotator, narrower when there are
    more of them; set again only when the number of columns changes (a drag is kept otherwise)."""
    header, count = w.table.horizontalHeader(), w.model.columnCount()
    # The room the list really has (outline and side panel take the rest), once it is laid out; before,
    # about half the window's width. Sized again when either changes (a drag is kept otherwise).
    shown = w.table.viewport().width() if w.table.isVisible() else 0
    room = shown if shown > 200 else max(400, int(w.width() * 0.55))
    if (count, room) == getattr(w, "_sized_columns", None):
        return
    w._sized_columns = (count, room)
    people = max(1, count - 3)  # kind, the annotators, text, decision
    # The text in context keeps 160 pixels: three annotators at 150 each pushed it out of sight at 1024.
    kind, decision = (90, 100) if room < 900 else (110, 120)
    each = max(80, min(190, (room - kind - decision - 160) // people))
    widths = [kind, *([each] * (count - 3)), None, decision]
    for column, width in enumerate(widths):
        if width is None:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        else:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)


class _FollowWidth(QObject):
    """Sizes the list's columns again when its viewport changes width (the window shown, a panel hidden)."""

    def __init__(self, w):
        super().__init__(w)
        self.w = w

    @qt_override(False)
    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize and event.size().width() != event.oldSize().width():
            size_columns(self.w)
        return False


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
    w.outline.setIndentation(max(10, w.outline.fontMetrics().horizontalAdvance("一")))  # a character per level
    w.outline.setMinimumWidth(190)  # marker and a few characters of each title, even at 1024 px
    w.model = DisagreementModel(w)
    w.table = QTableView()
    w.table.setObjectName("disagreementTable")
    w.table.setModel(w.model)
    w.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    w.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    w.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    w.table.verticalHeader().setDefaultSectionSize(22)
    size_columns(w)
    w.table.viewport().installEventFilter(_FollowWidth(w))
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
