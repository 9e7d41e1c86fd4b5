"""The main window: layout and wiring only. Behaviour lives in the session (data), the tagging
controller (keys → undo commands) and the workers (long jobs)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (QAbstractItemView, QDockWidget, QFileDialog, QHeaderView, QLabel, QLineEdit,
                               QMainWindow, QMessageBox, QProgressDialog, QSplitter, QTableView, QTreeView,
                               QVBoxLayout, QWidget)

from annotator.gui import actions, workers
from annotator.gui.models.document_list import DOC_ID_ROLE, DocumentListModel
from annotator.gui.models.outline_model import SECTION_ROLE, build_outline_model
from annotator.gui.models.span_table import SPAN_ROLE, SpanTableModel
from annotator.gui.session import Session
from annotator.gui.tagging import TaggingController
from annotator.gui.widgets.attribute_editor import AttributeEditor
from annotator.gui.widgets.text_view import SpeechView
from annotator.storage import documents as docs
from annotator.structure.corrections import innermost_at


class MainWindow(QMainWindow):
    def __init__(self, session: Session, settings, language: str = "en"):
        super().__init__()
        self.session, self.settings, self.language = session, settings, language
        self.setObjectName("mainWindow")
        self.setAcceptDrops(True)
        self._painted: set = set()  # what the highlighter last drew, to re-highlight only changes
        self._jobs: list = []  # (worker, thread) until the worker's result reached this window
        self._closed = False
        self._outline_items = []
        self._syncing = False

        self.view = SpeechView()
        self.controller = TaggingController(session, self.view, self)
        self.controller.snap_mode = settings.snap_mode
        self._build_layout()
        self.actions_ = actions.build(self)
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
        self.outline_model = QStandardItemModel(self)
        self.outline = QTreeView()
        self.outline.setObjectName("outlineTree")
        self.outline.setModel(self.outline_model)
        self.outline.setUniformRowHeights(True)
        self.outline.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.outline.header().setStretchLastSection(False)
        self.outline.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.outline.setMinimumWidth(260)

        splitter = QSplitter()
        splitter.setObjectName("centralSplitter")
        splitter.addWidget(self.outline)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([340, 900])
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        self.banner = QLabel()
        self.banner.setObjectName("readOnlyBanner")
        self.banner.setStyleSheet("background: #fff3cd; color: #664d03; padding: 4px;")
        self.banner.setVisible(self.session.project.readonly)
        self.banner.setText(self.tr("Read-only: this project file cannot be written; changes are disabled."))
        column.addWidget(self.banner)
        column.addWidget(splitter)
        self.setCentralWidget(central)

        # Documents (left)
        self.doc_model = DocumentListModel(self)
        self.doc_table = QTableView()
        self.doc_table.setObjectName("documentTable")
        self.doc_table.setModel(self.doc_model)
        self.doc_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.doc_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.doc_table.verticalHeader().hide()
        self.doc_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.search_box = QLineEdit()
        self.search_box.setObjectName("searchBox")
        self.search_box.setPlaceholderText(self.tr("Search the speeches (Chinese full text)…"))
        self.search_box.setClearButtonEnabled(True)
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.search_box)
        box.addWidget(self.doc_table)
        self._dock(self.tr("Documents"), "documentsDock", holder, Qt.DockWidgetArea.LeftDockWidgetArea)

        # Spans (right)
        self.span_model = SpanTableModel(self)
        self.span_table = QTableView()
        self.span_table.setObjectName("spanTable")
        self.span_table.setModel(self.span_model)
        self.span_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.span_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.span_table.verticalHeader().hide()
        header = self.span_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(2, 110)
        self.attributes = AttributeEditor()
        self.attributes.language = self.language
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.span_table, 3)
        box.addWidget(self.attributes, 2)
        self._dock(self.tr("Spans"), "spansDock", holder, Qt.DockWidgetArea.RightDockWidgetArea)

        self.status_label = QLabel()
        self.status_label.setObjectName("statusCounts")
        self.statusBar().addPermanentWidget(self.status_label)

    def _dock(self, title: str, name: str, widget: QWidget, area) -> None:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self.resizeDocks([dock], [300 if area == Qt.DockWidgetArea.LeftDockWidgetArea else 360],
                         Qt.Orientation.Horizontal)

    def _connect(self) -> None:
        s = self.session
        s.documentOpened.connect(self._on_document_opened)
        s.spansChanged.connect(self._on_spans_changed)
        s.outlineChanged.connect(self._on_outline_changed)
        s.statusChanged.connect(lambda _id: self.refresh_documents())
        s.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.doc_table.selectionModel().currentRowChanged.connect(self._on_document_row)
        self.outline.selectionModel().currentChanged.connect(self._on_outline_clicked)
        self.outline.clicked.connect(self._on_outline_clicked)
        self.span_table.clicked.connect(self._on_span_clicked)
        self.view.cursorMovedTo.connect(self._sync_outline_to_cursor)
        self.controller.currentSpanChanged.connect(self._on_current_span)
        self.attributes.attributesEdited.connect(self.controller.update_attributes)
        self.search_box.textChanged.connect(self._on_search)

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
        if not self._closed and self.session.doc_id is None and self.doc_model.rowCount():
            self.doc_table.selectRow(0)

    def _on_document_row(self, current, _previous) -> None:
        if self._syncing or not current.isValid():
            return
        doc_id = self.doc_model.data(self.doc_model.index(current.row(), 0), DOC_ID_ROLE)
        if doc_id != self.session.doc_id:
            self.session.open_document(doc_id)

    def _on_search(self, query: str) -> None:
        from annotator.storage.search import search  # noqa: PLC0415

        query = query.strip()
        self.doc_model.set_filter(None if not query else {h.document_id for h in search(self.session.project, query)})

    def step_document(self, delta: int) -> None:
        ids = self.doc_model.ids()
        if not ids:
            return
        index = ids.index(self.session.doc_id) + delta if self.session.doc_id in ids else 0
        if 0 <= index < len(ids):
            self.doc_table.selectRow(index)

    def toggle_done(self) -> None:
        if self.session.doc_id is None:
            return
        done = docs.get_status(self.session.project, self.session.doc_id, self.session.annotator) == "done"
        self.session.set_status("in_progress" if done else "done")

    def _on_document_opened(self, doc_id: int) -> None:
        s = self.session
        # Data first, then the text: setPlainText lays out and highlights every block once, with the
        # right spans; highlighting again afterwards would double the cost of opening a document.
        self.view.highlighter.set_data(s.utf16, s.index, s.sections, self._colours(), rehighlight=False)
        self._painted = {self._paint_key(x) for x in s.index.items}
        self.view.set_text(s.text, s.utf16)
        self._rebuild_outline()
        self._fill_span_table()
        self._update_title()
        self._update_status()
        if not self._was_suggested(doc_id):
            self.run_suggestions()

    # -- outline ---------------------------------------------------------------------------------
    def _on_outline_changed(self, _doc_id: int) -> None:
        self._rebuild_outline()
        self._apply_highlight()  # headings are drawn by the highlighter too

    def _rebuild_outline(self) -> None:
        # Clearing the model moves the tree's current index: that is not a click.
        self._syncing = True
        try:
            self._outline_items = build_outline_model(self.outline_model, self.session.sections, self.session.spans)
        finally:
            self._syncing = False
        self.outline.expandAll()
        # clear() dropped the columns, and with them the header's resize modes.
        header = self.outline.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)

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

    def _sync_outline_to_cursor(self, pos: int) -> None:
        if self._syncing:
            return
        number = innermost_at(self.session.sections, pos)
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

    # -- spans -------------------------------------------------------------------------------------
    def _colours(self) -> dict[str, str]:
        return {label.name: label.colour for label in self.session.labels}

    def _apply_highlight(self) -> None:
        s = self.session
        self.view.highlighter.set_data(s.utf16, s.index, s.sections, self._colours())
        self._painted = {self._paint_key(x) for x in s.index.items}

    @staticmethod
    def _paint_key(span) -> tuple:
        return (span.id, span.start, span.end, span.label, span.status)

    def _repaint_changed_spans(self) -> None:
        """After a tag/undo only the blocks under spans that appeared or vanished are re-highlighted."""
        s = self.session
        highlighter = self.view.highlighter
        highlighter.set_data(s.utf16, s.index, s.sections, self._colours(), rehighlight=False)
        now = {self._paint_key(x) for x in s.index.items}
        changed = now ^ self._painted
        self._painted = now
        if len(changed) > 200:  # a bulk change (accept all in a section): one full pass is cheaper
            highlighter.rehighlight()
            return
        for _id, start, end, _label, _status in changed:
            highlighter.rehighlight_range(start, end)

    def _fill_span_table(self) -> None:
        s = self.session
        titles = {label.name: label.title(self.language) for label in s.labels}
        self.span_model.set_rows(s.spans + s.suggestions, s.text, titles, self._colours())

    def _on_spans_changed(self, _doc_id: int) -> None:
        self._repaint_changed_spans()
        self._fill_span_table()
        self._refresh_outline_counts()
        self._update_status()

    def _refresh_outline_counts(self) -> None:
        starts = sorted(s.start for s in self.session.spans)
        from bisect import bisect_left  # noqa: PLC0415

        for number, item in enumerate(self._outline_items):
            section = self.session.sections[number]
            count = bisect_left(starts, section.end) - bisect_left(starts, section.start)
            parent = item.parent() or self.outline_model.invisibleRootItem()
            count_item = parent.child(item.row(), 1)
            if count_item is not None:
                count_item.setText(str(count) if count else "")

    def _on_span_clicked(self, index) -> None:
        span = self.session.find_span(index.data(SPAN_ROLE))
        if span is not None:
            self.view.move_to(span.start)
            self.controller.set_current(span)
            self.view.setFocus()

    def _on_current_span(self, span) -> None:
        label = self.session.label(span.label) if span else None
        self.attributes.show_span(span, label)
        row = self.span_model.row_of(span.id) if span else -1
        if row >= 0:
            self.span_table.selectRow(row)
        else:
            self.span_table.clearSelection()

    # -- suggestions ---------------------------------------------------------------------------
    def _was_suggested(self, doc_id: int) -> bool:
        return self.session.project.conn.execute(
            "SELECT 1 FROM events WHERE document_id = ? AND action = 'suggest.run' LIMIT 1", [doc_id]
        ).fetchone() is not None

    def run_suggestions(self) -> None:
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

    # -- import ------------------------------------------------------------------------------------
    def import_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Import speeches"), "",
                                                self.tr("Speeches (*.txt *.md *.docx *.html *.htm);;All files (*)"))
        if paths:
            self.import_paths(paths)

    def import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import a folder of speeches"))
        if folder:
            self.import_paths([folder])

    def import_samples(self) -> None:
        from annotator.resources import resource_path  # noqa: PLC0415

        folder = resource_path("samples")
        self.import_paths([str(p) for p in sorted(folder.iterdir())
                           if p.suffix.lower() in (".txt", ".html", ".htm", ".docx") and p.is_file()])

    def import_paths(self, paths: list[str]) -> None:
        if self.session.project.readonly:
            self.statusBar().showMessage(self.banner.text(), 5000)
            return
        worker = workers.ImportWorker(self.session.project.path, paths, self.session.annotator)
        self.import_progress = progress = QProgressDialog(self.tr("Importing…"), self.tr("Cancel"), 0, 0, self)
        progress.setObjectName("importProgress")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.canceled.connect(worker.cancel, Qt.ConnectionType.DirectConnection)
        worker.progress.connect(self._on_import_progress)
        worker.finished.connect(self._on_import_done)
        worker.failed.connect(self._on_import_failed)
        self.last_import = None
        self._start(worker)

    def _on_import_progress(self, done: int, total: int, name: str) -> None:
        self.import_progress.setMaximum(total)
        self.import_progress.setValue(done)
        self.import_progress.setLabelText(name)

    def _on_import_failed(self, reason: str) -> None:
        if not self._job_done():
            return
        self.import_progress.close()
        QMessageBox.warning(self, self.tr("Import"), reason)

    def _on_import_done(self, summary) -> None:
        if not self._job_done():
            return
        self.import_progress.close()
        self.last_import = summary
        self.refresh_documents()
        text = self.tr("Imported {0}, skipped as duplicate {1}, failed {2}.").format(
            summary.imported, summary.duplicates, len(summary.failed))
        if summary.cancelled:
            text += " " + self.tr("(cancelled)")
        self.statusBar().showMessage(text, 8000)
        if summary.failed:
            details = "\n".join(f"{Path(o.path).name}: {o.reason}" for o in summary.failed[:30])
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Import"), text, QMessageBox.StandardButton.Ok, self)
            box.setDetailedText(details)
            box.setObjectName("importFailures")
            box.open()
        if self.session.doc_id is None:
            self._open_first_document()

    # -- exchange -----------------------------------------------------------------------------------
    _EXPORT_FILTERS = (("native", "Native JSONL (*.jsonl)"), ("doccano", "doccano JSONL (*.jsonl)"),
                       ("prodigy", "Prodigy JSONL (*.jsonl)"), ("labelstudio", "Label Studio JSON (*.json)"),
                       ("conll", "CoNLL / BIO (*.conll *.txt)"), ("csv", "Statistics table CSV (*.csv)"),
                       ("xlsx", "Statistics table Excel (*.xlsx)"))

    def export_dialog(self) -> None:
        filters = ";;".join(text for _fmt, text in self._EXPORT_FILTERS)
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Export labels"), "", filters)
        if path:
            fmt = next(fmt for fmt, text in self._EXPORT_FILTERS if text == chosen) if chosen else "native"
            self.run_exchange("export", path, fmt)

    def import_labels_dialog(self) -> None:
        filters = ";;".join(text for _fmt, text in self._EXPORT_FILTERS[:4])
        path, chosen = QFileDialog.getOpenFileName(self, self.tr("Import labels"), "", filters)
        if path:
            fmt = next(fmt for fmt, text in self._EXPORT_FILTERS if text == chosen) if chosen else "native"
            self.run_exchange("import", path, fmt)

    def run_exchange(self, direction: str, path: str, fmt: str, **options) -> None:
        """Export or import labels in the background; the result goes to the status bar and a dialog."""
        worker = workers.ExchangeWorker(self.session.project.path, direction, path, fmt, **options)
        self.exchange_progress = QProgressDialog(self.tr("Working…"), "", 0, 0, self)
        self.exchange_progress.setCancelButton(None)  # an export is atomic: it finishes or leaves nothing
        self.exchange_progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.exchange_progress.setMinimumDuration(300)
        worker.finished.connect(self._on_exchange_done)
        worker.failed.connect(self._on_exchange_failed)
        self.last_exchange = None
        self._start(worker)

    def _on_exchange_done(self, summary: str) -> None:
        if not self._job_done():
            return
        self.exchange_progress.close()
        self.last_exchange = summary
        self.statusBar().showMessage(summary, 10000)
        self.refresh_documents()
        if self.session.doc_id is not None:
            self.session.reload_spans()

    def _on_exchange_failed(self, reason: str) -> None:
        if not self._job_done():
            return
        self.exchange_progress.close()
        self.last_exchange = reason
        QMessageBox.warning(self, self.tr("Export / import"), reason)

    def show_import_report(self) -> None:
        from annotator.gui.dialogs.import_report import ImportReportDialog  # noqa: PLC0415

        if self.session.doc_id is None:
            return
        row = docs.get_document(self.session.project, self.session.doc_id)
        ImportReportDialog(row["title"], row["import_report"], row["encoding"], row["source_path"], self).open()

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            self.import_paths(paths)
            event.acceptProposedAction()

    # -- misc ----------------------------------------------------------------------------------
    def _start(self, worker) -> None:
        self._jobs.append((worker, workers.start(worker)))

    def _job_done(self) -> bool:
        """Called first by every finished/failed slot; False once the window is closed (ignore the result)."""
        sender = self.sender()
        self._jobs = [(w, t) for w, t in self._jobs if w is not sender]
        return not self._closed

    def busy(self) -> bool:
        """True until every job's result has been delivered to the window (tests wait on this)."""
        return bool(self._jobs)

    def open_review(self) -> None:
        """Agreement review and adjudication into gold for the current document."""
        from annotator.gui.review import ReviewWindow  # noqa: PLC0415

        self._review = ReviewWindow(self.session.project, self.session.annotator, doc_id=self.session.doc_id,
                                    language=self.language, parent=self)
        self._review.show()

    def open_project_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open project"), "", self.tr("Projects (*.db);;All files (*)"))
        if path:
            self.settings.last_project = path
            QMessageBox.information(self, self.tr("Open project"),
                                    self.tr("Restart the annotator to open {0}, or run: annotator \"{0}\"").format(path))

    def show_preferences(self) -> None:
        from annotator.gui.dialogs.preferences import PreferencesDialog  # noqa: PLC0415

        dialog = PreferencesDialog(self.session.annotator, self.settings.language, self.settings.snap_mode, self)
        if dialog.exec():
            name, language, snap_mode = dialog.values()
            self.settings.snap_mode = self.controller.snap_mode = snap_mode
            if language != self.settings.language:
                self.settings.language = language
                self.statusBar().showMessage(self.tr("The language changes at the next start."), 6000)
            if name and name != self.session.annotator:
                self.settings.annotator = name
                from annotator.storage.labels import ensure_annotator  # noqa: PLC0415

                ensure_annotator(self.session.project, name)
                self.session.annotator = name
                if self.session.doc_id is not None:
                    self.session.open_document(self.session.doc_id)
                self.refresh_documents()
            self._update_status()

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
        self.settings.set_layout("geometry", self.saveGeometry())
        self.settings.set_layout("state", self.saveState())
        self.settings.sync()
        self._closed = True
        for worker, thread in list(self._jobs):
            if hasattr(worker, "cancel"):
                worker.cancel()
            thread.join(10)
        super().closeEvent(event)
