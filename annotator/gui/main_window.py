"""The main window: layout and wiring only (issue 15). Behaviour lives in controllers it builds and
connects, each a QObject with the window as parent:

- ``session`` (session.py): the read model of the open document; never writes.
- ``controller`` (tagging.py): keys → undo commands (commands.py); ``history`` (history.py) fills each
  document's undo stack from the event log, so Ctrl+Z works across restarts.
- ``navigation`` (navigation.py): document list, search, outline tree, next/previous, done, rename/delete.
- ``jobs`` (window_io.py): imports, exports, suggestions — workers with a store factory, off the GUI thread.
- ``preferences`` (preferences.py): Preferences and which project is open.
- ``spans`` (window_spans.py): the span panel (table, filters, attribute form) and the highlighter's data.
- ``guidelines_tab`` (window_guidelines.py): the project's guidelines beside the span panel.

The window keeps the public names menus, the composition root and tests call (``import_paths``,
``busy``, ``last_import``…) as forwards to the controller that does the work (``_forward``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (QAbstractItemView, QLabel, QLineEdit, QMainWindow, QTableView, QTreeView,
                               QVBoxLayout, QWidget)

from annotator.gui import actions, layout, status_bar
from annotator.gui.layout import bring_forward
from annotator.gui.coalesce import Coalescer
from annotator.gui.extend import SelectionExtender
from annotator.gui.history import UndoHistory
from annotator.gui.learning import Learning
from annotator.gui.models.document_list import DocumentListModel
from annotator.gui.navigation import Navigation
from annotator.gui.position import PositionKeeper
from annotator.gui.preferences import Preferences
from annotator.gui.session import Session
from annotator.gui.tagging import TaggingController
from annotator.gui.widgets.find_bar import FindBar
from annotator.gui.widgets.text_view import SpeechView
from annotator.gui.window_guidelines import GuidelinesTab
from annotator.gui.window_io import Jobs
from annotator.gui.window_spans import SpanPanel
from annotator.gui.window_team import TeamWork
from annotator.storage.gui_queries import was_suggested

translate = QCoreApplication.translate


def _forward(controller: str, name: str) -> property:
    """``window.<name>`` is ``window.<controller>.<name>``: the names menus, the composition root and
    tests have always called stay on the window, the behaviour lives in the controller."""
    return property(lambda self: getattr(getattr(self, controller), name), doc=f"{controller}.{name}")


class MainWindow(QMainWindow):
    # Set by gui.compose.create_window (what the composition root builds windows with); a window built
    # without it (a test constructing MainWindow by hand) cannot switch projects.
    window_factory = None

    def __init__(self, session: Session, settings, language: str = "en", *, open_store=None):
        super().__init__()
        self.session, self.settings, self.language = session, settings, language
        if open_store is None:  # a window built by hand: open its project again the same way
            from annotator.services.stores import factory_for  # noqa: PLC0415

            open_store = factory_for(session.project)
        self.open_store = open_store  # what workers open their own connection with (services/stores.py)
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self.closed = False
        self.syncing = False  # the program is moving a view itself: not a choice the person made
        self.focus_mode = False
        self.deferred = Coalescer(self)  # what only shows a keystroke's change waits for the next loop turn

        self.view = SpeechView()
        session.screenful = self.view.chars_on_screen
        self.controller = TaggingController(session, self.view, self)
        # After the tagging controller: its slot creates the document's stack before the history fills it.
        self.history = UndoHistory(session, self.controller, self)
        self.extender = SelectionExtender(self.view, session)
        self.controller.snap_mode = settings.snap_mode
        self.navigation = Navigation(self)
        self.jobs = Jobs(self)
        self.learning = Learning(self)  # retrains the suggestion model after N answers (learning.py)
        self.preferences = Preferences(self)
        self.spans = SpanPanel(self)
        self.guidelines_tab = GuidelinesTab(self)
        self.team = TeamWork(self)  # deletion with undo, notes, side by side, progress (window_team.py)
        self._build_layout()
        self.actions_ = actions.build(self)
        self.position = PositionKeeper(self)
        self._connect()
        self.navigation.refresh_documents()
        self.update_title()
        if settings.layout("geometry") is not None:
            self.restoreGeometry(settings.layout("geometry"))
        else:
            layout.first_size(self)
        if settings.layout("state") is not None:
            self.restoreState(settings.layout("state"))
        QTimer.singleShot(0, self.navigation.open_first_document)

    # The public names, kept where callers have always found them.
    refresh_documents = _forward("navigation", "refresh_documents")
    step_document = _forward("navigation", "step_document")
    step_section = _forward("navigation", "step_section")
    toggle_done = _forward("navigation", "toggle_done")
    rename_document = _forward("navigation", "rename_document")
    delete_document = _forward("navigation", "delete_document")
    import_files = _forward("jobs", "import_files")
    import_folder = _forward("jobs", "import_folder")
    import_samples = _forward("jobs", "import_samples")
    import_paths = _forward("jobs", "import_paths")
    import_labels_dialog = _forward("jobs", "import_labels_dialog")
    export_dialog = _forward("jobs", "export_dialog")
    run_exchange = _forward("jobs", "run_exchange")
    run_suggestions = _forward("jobs", "run_suggestions")
    show_import_report = _forward("jobs", "show_import_report")
    busy = _forward("jobs", "busy")
    last_import = _forward("jobs", "last_import")
    last_exchange = _forward("jobs", "last_exchange")
    import_preview = _forward("jobs", "import_preview")
    show_preferences = _forward("preferences", "show_preferences")
    recent_projects = _forward("preferences", "recent_projects")
    remember_project = _forward("preferences", "remember_project")
    fill_recent_menu = _forward("preferences", "fill_recent_menu")
    open_project_dialog = _forward("preferences", "open_project_dialog")
    switch_project = _forward("preferences", "switch_project")
    span_table = _forward("spans", "table")
    span_model = _forward("spans", "model")
    span_proxy = _forward("spans", "proxy")
    span_filter_text = _forward("spans", "filter_text")
    span_filter_label = _forward("spans", "filter_label")
    span_filter_status = _forward("spans", "filter_status")
    attributes = _forward("spans", "attributes")
    set_hide_suggestions = _forward("spans", "set_hide_suggestions")
    edit_attributes = _forward("spans", "edit_attributes")
    guidelines = _forward("guidelines_tab", "guidelines")
    load_guidelines = _forward("guidelines_tab", "load_guidelines")

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
        self.doc_table.setWordWrap(False)  # "in progress" on one line, elided if need be
        layout.TitleFirst(self.doc_table, {1: 56, 2: 76})  # length, status; narrower docks keep the titles
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

        self.docks["spans"] = layout.make_dock(self, translate("WindowSpans", "Spans"), "spansDock", self.spans.build(),
                                               layout.RIGHT)
        left, right = layout.preferred_widths(1280)
        self.resizeDocks([self.docks["documents"], self.docks["spans"]], [left, right], Qt.Orientation.Horizontal)
        self.guidelines_tab.build()

        status_bar.build(self)  # legend and counts, which step aside while a message is shown

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        QTimer.singleShot(0, lambda: not self.closed and layout.fit_docks(self))

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        QTimer.singleShot(0, lambda: not self.closed and layout.fit_docks(self))

    def _connect(self) -> None:
        s = self.session
        s.documentOpened.connect(self._on_document_opened)
        s.spansChanged.connect(self.spans.on_spans_changed)
        s.spansEdited.connect(self.spans.on_spans_edited)
        s.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.navigation.connect()
        self.span_table.selectionModel().currentRowChanged.connect(self.spans.on_span_row)
        self.span_table.activated.connect(lambda _i: self.view.setFocus())
        self.span_table.clicked.connect(lambda _i: self.view.setFocus())
        self.controller.currentSpanChanged.connect(self.spans.on_current_span)
        self.attributes.attributesEdited.connect(self.controller.update_attributes)
        self.attributes.doneEditing.connect(self.view.setFocus)
        self.span_filter_text.textChanged.connect(self.span_proxy.set_text)
        self.span_filter_label.currentIndexChanged.connect(
            lambda _i: self.span_proxy.set_label(self.span_filter_label.currentData()))
        self.span_filter_status.currentIndexChanged.connect(
            lambda _i: self.span_proxy.set_status(self.span_filter_status.currentData()))

    def _on_document_opened(self, doc_id: int) -> None:
        s = self.session
        # Data first, then the text: setPlainText lays out and highlights every block once, with the
        # right spans; highlighting again afterwards would double the cost of opening a document.
        self.spans.reset_index()
        self.view.highlighter.set_data(s.utf16, self.spans.shown_index(), s.sections, self.spans.colours(),
                                       rehighlight=False)
        self.view.set_text(s.text, s.utf16)
        self.find_bar.set_document(s.text)
        # Panels after the first paint (a long document's full read fills them: session.py).
        self.navigation.outline_items = []
        if s.doc_id is None or not s.partial:
            QTimer.singleShot(0, lambda d=s.doc_id: self._fill_panels(d))
        self.update_title()
        self.update_status()
        if self.navigation.pending_hit:  # opened from a corpus search: show the first hit, F3 the next
            self.find_bar.open_bar(self.navigation.pending_hit)
            self.view.setFocus()
        if s.doc_id is not None and not was_suggested(s.project, doc_id):
            self.jobs.run_suggestions()

    def _fill_panels(self, doc_id: int | None) -> None:
        if not self.closed and doc_id == self.session.doc_id:
            self.navigation.rebuild_outline()
            self.spans.fill_table()
            self.update_status()

    # -- misc ----------------------------------------------------------------------------------
    def open_review(self) -> None:
        """Agreement review and adjudication into gold for the current document."""
        from annotator.gui.review import ReviewWindow  # noqa: PLC0415

        self._review = ReviewWindow(self.session.project, self.session.annotator, doc_id=self.session.doc_id,
                                    language=self.language, parent=self)
        bring_forward(self._review)

    def set_focus_mode(self, on: bool) -> None:
        layout.set_focus_mode(self, on)

    def update_title(self) -> None:
        title = self.tr("Speech Structure Annotator")
        if self.session.doc_id is not None:
            title = f"{self.session.title} — {title}"
        if self.session.project.readonly:
            title += " " + self.tr("[read-only]")
        self.setWindowTitle(title)

    def update_status(self) -> None:
        rows = self.doc_model.rows
        done = sum(1 for r in rows if r["status"] == "done")
        s = self.session
        self.status_label.setText(self.tr("{0} | documents done {1}/{2} | spans {3} | open suggestions {4}").format(
            s.annotator, done, len(rows), len(s.spans), len(s.suggestions)))

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.focus_mode:
            self.set_focus_mode(False)  # save the panels as they are outside focus mode
        self.position.save_now()
        self.position.writer.join()  # its last write first: the sync below then has the final word
        self.settings.set_layout("geometry", self.saveGeometry())
        self.settings.set_layout("state", self.saveState())
        self.settings.sync()
        self.closed = True
        self.jobs.stop_all()
        if getattr(self, "save_state", None) is not None:  # set by compose.create_window
            self.save_state.finish()  # quit waits for the disk (save_state.py)
        super().closeEvent(event)

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.jobs.drop(event)

