"""The main window: layout and wiring only. Behaviour lives in the session (data), the tagging
controller (keys → undo commands), the workers (long jobs, window_io.py) and the document/project
commands (window_docs.py)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QLineEdit, QMainWindow, QTableView, QTreeView,
                               QVBoxLayout, QWidget)

from annotator.gui import actions, layout
from annotator.gui.models.document_list import DOC_ID_ROLE, DocumentListModel
from annotator.gui.models.outline_model import SECTION_ROLE, build_outline_model
from annotator.gui.position import PositionKeeper
from annotator.gui.session import Session
from annotator.gui.extend import SelectionExtender
from annotator.gui.tagging import TaggingController
from annotator.gui.widgets.find_bar import FindBar
from annotator.gui.widgets.text_view import SpeechView
from annotator.gui.window_docs import WindowDocs
from annotator.gui.window_spans import WindowSpans
from annotator.gui.window_guidelines import WindowGuidelines
from annotator.gui.window_io import WindowIO
from annotator.storage import documents as docs
from annotator.storage.gui_queries import was_suggested
from annotator.structure.corrections import innermost_at


class MainWindow(WindowSpans, WindowIO, WindowDocs, WindowGuidelines, QMainWindow):
    def __init__(self, session: Session, settings, language: str = "en"):
        super().__init__()
        self.session, self.settings, self.language = session, settings, language
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self._jobs: list = []  # (worker, thread) until the worker's result reached this window
        self._closed = False
        self._outline_items = []
        self._outline_shown: int | None = None  # the section the tree shows as current
        self._syncing = False
        self.focus_mode = False
        self.hide_suggestions = False
        self._accepted_index = None  # the accepted spans alone, while suggestions are hidden
        self._pending_hit: str | None = None  # corpus search text to show when the document opens

        self.view = SpeechView()
        self.controller = TaggingController(session, self.view, self)
        self.extender = SelectionExtender(self.view, session)
        self.controller.snap_mode = settings.snap_mode
        self._build_layout()
        self.actions_ = actions.build(self)
        self.position = PositionKeeper(self)
        self._connect()
        self.refresh_documents()
        self._update_title()
        if settings.layout("geometry") is not None:
            self.restoreGeometry(settings.layout("geometry"))
        else:
            self.resize(1280, 800)
        if settings.layout("state") is not None:
            self.restoreState(settings.layout("state"))
        QTimer.singleShot(0, self._open_first_document)

    # -- layout --------------------------------------------------------------------------------
    def _build_layout(self) -> None:
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.banner = QLabel()
        self.banner.setObjectName("readOnlyBanner")
        self.banner.setStyleSheet("background: #fff3cd; color: #664d03; padding: 4px;")
        self.banner.setVisible(self.session.project.readonly)
        self.banner.setText(self.tr("Read-only: this project file cannot be written; changes are disabled."))
        self.find_bar = FindBar(self.view)
        column.addWidget(self.banner)
        column.addWidget(self.view, 1)
        column.addWidget(self.find_bar)
        self.setCentralWidget(central)

        # Documents (left, top)
        self.doc_model = DocumentListModel(self)
        self.doc_table = QTableView()
        self.doc_table.setObjectName("documentTable")
        self.doc_table.setModel(self.doc_model)
        self.doc_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.doc_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.doc_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.doc_table.verticalHeader().hide()
        doc_header = self.doc_table.horizontalHeader()
        doc_header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the title gets what is left
        self.doc_table.setWordWrap(False)  # "in progress" on one line, elided if need be
        for column, width in ((1, 56), (2, 76)):
            doc_header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            doc_header.resizeSection(column, width)
        self.doc_table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.search_box = QLineEdit()
        self.search_box.setObjectName("searchBox")
        self.search_box.setPlaceholderText(self.tr("Search the speeches (Chinese full text)…"))
        self.search_box.setClearButtonEnabled(True)
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.search_box)
        box.addWidget(self.doc_table)
        self.docks = {"documents": layout.make_dock(self, self.tr("Documents"), "documentsDock", holder, layout.LEFT)}

        # Outline (left, below the documents)
        self.outline_model = QStandardItemModel(self)
        self.outline = QTreeView()
        self.outline.setObjectName("outlineTree")
        self.outline.setModel(self.outline_model)
        self.outline.setUniformRowHeights(True)
        self.outline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.docks["outline"] = layout.make_dock(self, self.tr("Outline"), "outlineDock", self.outline, layout.LEFT)
        self.splitDockWidget(self.docks["documents"], self.docks["outline"], Qt.Orientation.Vertical)

        self._build_span_panel()
        self._build_guidelines()

        self.legend = QLabel()
        self.legend.setObjectName("labelLegend")
        self.statusBar().addPermanentWidget(self.legend)
        self.status_label = QLabel()
        self.status_label.setObjectName("statusCounts")
        self.statusBar().addPermanentWidget(self.status_label)
        self._fill_legend()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        QTimer.singleShot(0, lambda: not self._closed and layout.fit_docks(self))

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        QTimer.singleShot(0, lambda: not self._closed and layout.fit_docks(self))

    def _connect(self) -> None:
        s = self.session
        s.documentOpened.connect(self._on_document_opened)
        s.spansChanged.connect(self._on_spans_changed)
        s.spansEdited.connect(self._on_spans_edited)
        s.outlineChanged.connect(self._on_outline_changed)
        s.statusChanged.connect(lambda _id: self.refresh_documents())
        s.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.doc_table.selectionModel().currentRowChanged.connect(self._on_document_row)
        # A click (or Enter) on a document or a section hands the keyboard back to the text: the tagging
        # keys must work without clicking into the text first.
        self.doc_table.clicked.connect(lambda _i: self.view.setFocus())
        self.doc_table.activated.connect(lambda _i: self.view.setFocus())
        self.outline.selectionModel().currentChanged.connect(self._on_outline_clicked)
        self.outline.clicked.connect(self._on_outline_activated)
        self.outline.activated.connect(self._on_outline_activated)
        self.span_table.selectionModel().currentRowChanged.connect(self._on_span_row)
        self.span_table.activated.connect(lambda _i: self.view.setFocus())
        self.span_table.clicked.connect(lambda _i: self.view.setFocus())
        self.view.cursorMovedTo.connect(self._sync_outline_to_cursor)
        self.controller.currentSpanChanged.connect(self._on_current_span)
        self.attributes.attributesEdited.connect(self.controller.update_attributes)
        self.attributes.doneEditing.connect(self.view.setFocus)
        self.search_box.textChanged.connect(self._on_search)
        self.span_filter_text.textChanged.connect(self.span_proxy.set_text)
        self.span_filter_label.currentIndexChanged.connect(
            lambda _i: self.span_proxy.set_label(self.span_filter_label.currentData()))
        self.span_filter_status.currentIndexChanged.connect(
            lambda _i: self.span_proxy.set_status(self.span_filter_status.currentData()))

    # -- documents -----------------------------------------------------------------------------
    def refresh_documents(self) -> None:
        current = self.session.doc_id
        self.doc_model.set_rows(docs.list_documents(self.session.project, annotator=self.session.annotator))
        if current is not None:
            row = self.doc_model.row_of(current)
            if row >= 0:
                self._syncing = True
                self.doc_table.selectRow(row)
                self._syncing = False
        self._update_status()

    def _open_first_document(self) -> None:
        """At start: the document (and place) this annotator was at, else the first one."""
        if self._closed or self.session.doc_id is not None or not self.doc_model.rowCount():
            return
        saved = self.position.saved()
        if saved is not None and self.doc_model.row_of(saved[0]) >= 0:
            self.doc_table.selectRow(self.doc_model.row_of(saved[0]))
            if self.session.doc_id == saved[0]:
                self.position.restore_view(saved[1], saved[2])
                # once more when the window has its final size (show, restored geometry): the wrap width
                # decides which character starts the top line
                QTimer.singleShot(50, lambda: not self._closed and self.position.restore_view(saved[1], saved[2]))
                self.view.setFocus()
                return
        self.doc_table.selectRow(0)
        self.view.setFocus()

    def _on_document_row(self, current, _previous) -> None:
        if self._syncing or not current.isValid():
            return
        doc_id = self.doc_model.data(self.doc_model.index(current.row(), 0), DOC_ID_ROLE)
        if doc_id != self.session.doc_id:
            self.session.open_document(doc_id)

    def _on_search(self, query: str) -> None:
        from annotator.storage.search import search  # noqa: PLC0415

        query = query.strip()
        self._pending_hit = query or None
        self.doc_model.set_filter(None if not query else {h.document_id for h in search(self.session.project, query)})

    def step_document(self, delta: int) -> None:
        ids = self.doc_model.ids()
        if not ids:
            return
        index = ids.index(self.session.doc_id) + delta if self.session.doc_id in ids else 0
        if 0 <= index < len(ids):
            self.doc_table.selectRow(index)
            self.view.setFocus()

    def toggle_done(self) -> None:
        if self.session.doc_id is None:
            return
        from annotator.gui.commands import SetStatus  # noqa: PLC0415

        done = self.session.status == "done"
        self.controller.push(SetStatus(self.session, "in_progress" if done else "done",
                                       self.tr("Mark in progress") if done else self.tr("Mark done")))

    def _on_document_opened(self, doc_id: int) -> None:
        s = self.session
        # Data first, then the text: setPlainText lays out and highlights every block once, with the
        # right spans; highlighting again afterwards would double the cost of opening a document.
        self._accepted_index = None
        self.view.highlighter.set_data(s.utf16, self._shown_index(), s.sections, self._colours(), rehighlight=False)
        self.view.set_text(s.text, s.utf16)
        self.find_bar.set_document(s.text)
        # The panels after the first paint (one event-loop turn): building the outline tree and the
        # span table first tripled the time until the text showed. A long document is read in full one
        # turn later (session.py): its outlineChanged / spansChanged fill them then.
        self._outline_items, self._outline_shown = [], None  # the tree still shows the previous document
        if s.doc_id is None:
            self._fill_panels(None)  # closed: empty the panels now
        elif not s.partial:
            QTimer.singleShot(0, lambda d=doc_id: self._fill_panels(d))
        self._update_title()
        self._update_status()
        if self._pending_hit:  # opened from a corpus search: show the first hit, F3 goes to the next
            self.find_bar.open_bar(self._pending_hit)
            self.view.setFocus()
        if s.doc_id is not None and not was_suggested(s.project, doc_id):
            self.run_suggestions()

    def _fill_panels(self, doc_id: int | None) -> None:
        if self._closed or doc_id != self.session.doc_id:
            return
        self._rebuild_outline()
        self._fill_span_table()
        self._update_status()

    # -- outline ---------------------------------------------------------------------------------
    def _on_outline_changed(self, _doc_id: int) -> None:
        self._rebuild_outline()
        self._apply_highlight()  # headings are drawn by the highlighter too

    def _rebuild_outline(self) -> None:
        # Clearing the model moves the tree's current index: that is not a click.
        self._syncing = True
        try:
            self._outline_items = build_outline_model(self.outline_model, self.session.sections, self.session.spans)
            self._outline_shown = None
        finally:
            self._syncing = False
        self.outline.expandAll()
        # clear() dropped the columns, and with them the header's resize modes.
        header = self.outline.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, 40)

    def _on_outline_clicked(self, index) -> None:
        if self._syncing or not index.isValid():
            return
        number = index.data(SECTION_ROLE)
        if number is None or number >= len(self.session.sections):
            return
        section = self.session.sections[number]
        self._syncing = True
        self.view.select_range(section.start, max(section.title_end, section.start + len(section.marker)))
        self._syncing = False

    def _on_outline_activated(self, index) -> None:
        self._on_outline_clicked(index)
        self.view.setFocus()

    def _sync_outline_to_cursor(self, pos: int) -> None:
        if self._syncing:
            return
        number = innermost_at(self.session.sections, pos)
        if number == self._outline_shown and number is not None:
            return  # still in the same section: nothing to move in the tree
        self._outline_shown = number
        if number is None or number >= len(self._outline_items):
            self.outline.clearSelection()
            return
        index = self._outline_items[number].index()
        self._syncing = True
        self.outline.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.outline.scrollTo(index)
        self._syncing = False

    def step_section(self, delta: int) -> None:
        sections = self.session.sections
        if not sections:
            return
        pos = self.view.cursor_position()
        if delta > 0:
            target = next((s for s in sections if s.start > pos), None)
        else:
            target = next((s for s in reversed(sections) if s.start < pos), None)
        if target is not None:
            self.view.select_range(target.start, max(target.title_end, target.start + len(target.marker)))

    # -- suggestions ---------------------------------------------------------------------------
    def run_suggestions(self) -> None:
        from annotator.gui import workers  # noqa: PLC0415

        if self.session.doc_id is None or self.session.project.readonly:
            return
        worker = workers.SuggestWorker(self.session.project.path, self.session.doc_id)
        # Bound methods of this window (not lambdas): Qt then queues the call to the GUI thread.
        worker.finished.connect(self._on_suggestions_ready)
        worker.failed.connect(self._on_suggestions_failed)
        self._start(worker)

    def _on_suggestions_failed(self, _doc_id: int, reason: str) -> None:
        if not self._job_done():
            return
        self.statusBar().showMessage(self.tr("Suggestions failed: {0}").format(reason), 8000)

    def _on_suggestions_ready(self, doc_id: int, count: int) -> None:
        if not self._job_done():
            return
        if doc_id == self.session.doc_id:
            self.session.reload_spans()
            self.statusBar().showMessage(self.tr("{0} suggestions").format(count), 4000)

    # -- misc ----------------------------------------------------------------------------------
    def open_review(self) -> None:
        """Agreement review and adjudication into gold for the current document."""
        from annotator.gui.review import ReviewWindow  # noqa: PLC0415

        self._review = ReviewWindow(self.session.project, self.session.annotator, doc_id=self.session.doc_id,
                                    language=self.language, parent=self)
        self._review.show()

    def set_focus_mode(self, on: bool) -> None:
        layout.set_focus_mode(self, on)

    def _update_title(self) -> None:
        title = self.tr("Speech Structure Annotator")
        if self.session.doc_id is not None:
            title = f"{self.session.title} — {title}"
        if self.session.project.readonly:
            title += " " + self.tr("[read-only]")
        self.setWindowTitle(title)

    def _update_status(self) -> None:
        rows = self.doc_model.rows
        done = sum(1 for r in rows if r["status"] == "done")
        s = self.session
        self.status_label.setText(self.tr("{0} | documents done {1}/{2} | spans {3} | open suggestions {4}").format(
            s.annotator, done, len(rows), len(s.spans), len(s.suggestions)))

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.focus_mode:
            self.set_focus_mode(False)  # save the panels as they are outside focus mode
        self.position.save_now()
        self.settings.set_layout("geometry", self.saveGeometry())
        self.settings.set_layout("state", self.saveState())
        self.settings.sync()
        self._closed = True
        for worker, thread in list(self._jobs):
            if hasattr(worker, "cancel"):
                worker.cancel()
            thread.join(10)
        super().closeEvent(event)

