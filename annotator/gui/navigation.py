"""Moving through the project: the document list (search, next/previous, rename, delete, done) and the
outline tree (click a section to go there; the tree follows the cursor).

A controller of the main window: it owns no widgets, it reacts to the window's document table and
outline tree and to the session. What it uses of the window: ``session``, ``view``, ``doc_table`` and
``doc_model``, ``outline`` and ``outline_model``, ``position``, ``controller`` (undo commands),
``syncing`` (set while the program itself moves a view, so the move is not taken for a choice) and the
window's ``update_title``/``update_status``. Strings keep their translation contexts (MainWindow,
WindowDocs) from before the split, so the catalogue needs no change.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QObject, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QInputDialog, QMessageBox

from annotator.gui.models.document_list import DOC_ID_ROLE
from annotator.gui.models.outline_model import SECTION_ROLE, build_outline_model
from annotator.gui.safety import qt_override
from annotator.storage import documents as docs
from annotator.structure.corrections import innermost_at

translate = QCoreApplication.translate


class Navigation(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.outline_items = []  # the tree's items, by section number
        self._outline_shown: int | None = None  # the section the tree shows as current
        self.pending_hit: str | None = None  # corpus search text to show when the document opens

    def connect(self) -> None:
        w, s = self.window, self.session
        s.statusChanged.connect(lambda _id: self.refresh_documents())
        s.documentsChanged.connect(self._on_documents_changed)
        s.outlineChanged.connect(self._on_outline_changed)
        w.doc_table.selectionModel().currentRowChanged.connect(self._on_document_row)
        # A click (or Enter) on a document or a section hands the keyboard back to the text: the tagging
        # keys must work without clicking into the text first.
        w.doc_table.clicked.connect(lambda _i: w.view.setFocus())
        w.doc_table.activated.connect(lambda _i: w.view.setFocus())
        w.outline.selectionModel().currentChanged.connect(self.on_outline_clicked)
        w.outline.clicked.connect(self._on_outline_activated)
        w.outline.activated.connect(self._on_outline_activated)
        w.view.cursorMovedTo.connect(self._sync_outline_to_cursor)
        w.search_box.textChanged.connect(self._on_search)
        # By keyboard (walked at a real display, session 7): Ctrl+Shift+F reaches the search box (before,
        # F6 went to the list and Tab inside the list moved between its cells), Enter opens the first
        # hit at the hit, Tab / Down go to the list of hits.
        w.search_box.returnPressed.connect(self.open_first_hit)
        w.search_box.installEventFilter(self)  # Down: to the list of hits, on the next one
        w.doc_table.setTabKeyNavigation(False)
        w.setTabOrder(w.search_box, w.doc_table)

    # -- documents -----------------------------------------------------------------------------
    def refresh_documents(self) -> None:
        from annotator.storage.errors import ProjectError  # noqa: PLC0415

        w, current = self.window, self.session.doc_id
        try:
            rows = docs.list_documents(self.session.project, annotator=self.session.annotator)
        except ProjectError:  # a team server out of reach (the change went to the outbox): show it locally
            rows = [dict(r, status=self.session.status) if r["id"] == current else r for r in w.doc_model.rows]
        w.doc_model.set_rows(rows)
        self._select_open_row()
        w.update_status()

    def _select_open_row(self) -> None:
        """The open document's row is the list's current one again after the list was refilled."""
        w, current = self.window, self.session.doc_id
        row = w.doc_model.row_of(current) if current is not None else -1
        if row >= 0:
            w.syncing = True
            w.doc_table.selectRow(row)
            w.syncing = False

    def open_first_document(self) -> None:
        """At start: the document (and place) this annotator was at, else the first one."""
        w = self.window
        if w.closed or self.session.doc_id is not None or not w.doc_model.rowCount():
            return
        saved = w.position.saved()
        if saved is not None and w.doc_model.row_of(saved[0]) >= 0:
            w.doc_table.selectRow(w.doc_model.row_of(saved[0]))
            if self.session.doc_id == saved[0]:
                w.position.restore_view(saved[1], saved[2])
                # once more when the window has its final size (show, restored geometry): the wrap width
                # decides which character starts the top line
                QTimer.singleShot(50, lambda: not w.closed and w.position.restore_view(saved[1], saved[2]))
                w.view.setFocus()
                return
        w.doc_table.selectRow(0)
        w.view.setFocus()

    def _on_document_row(self, current, _previous) -> None:
        if self.window.syncing or not current.isValid():
            return
        model = self.window.doc_model
        doc_id = model.data(model.index(current.row(), 0), DOC_ID_ROLE)
        if doc_id != self.session.doc_id:
            self.session.open_document(doc_id)

    def _on_search(self, query: str) -> None:
        from annotator.storage.search import search  # noqa: PLC0415

        query = query.strip()
        self.pending_hit = query or None
        hits = None if not query else {h.document_id for h in search(self.session.project, query)}
        self.window.doc_model.set_filter(hits)
        self._select_open_row()  # a reset model has no current row: Down in the list started from nowhere

    @qt_override(False)
    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        """Down in the search box goes to the list of hits and to the next one (Tab reached the list, but
        Down did nothing though the hint says so — walked at a real display, session 10)."""
        w = self.window
        if obj is w.search_box and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down \
                and w.doc_model.rowCount():
            current = w.doc_table.currentIndex()
            row = min(current.row() + 1, w.doc_model.rowCount() - 1) if current.isValid() else 0
            w.doc_table.setFocus()
            w.doc_table.selectRow(row)
            return True
        return False

    def focus_search(self) -> None:
        """Ctrl+Shift+F: the corpus search box, with its dock shown (also out of focus mode)."""
        w = self.window
        if w.focus_mode:
            w.set_focus_mode(False)
        w.docks["documents"].show()
        w.docks["documents"].raise_()
        w.search_box.setFocus()
        w.search_box.selectAll()

    def open_first_hit(self) -> None:
        """Enter in the search box: the open document if it has the text, else the first document that
        has it, opened with the hit selected (F3 / Shift+F3 the others, Escape back to the text)."""
        w = self.window
        ids = w.doc_model.ids()
        if not self.pending_hit or not ids:
            return
        if self.session.doc_id in ids:
            w.find_bar.open_bar(self.pending_hit)
        else:
            w.doc_table.selectRow(0)  # opening it shows the hit (main_window._on_document_opened)

    def step_document(self, delta: int) -> None:
        ids = self.window.doc_model.ids()
        if not ids:
            return
        index = ids.index(self.session.doc_id) + delta if self.session.doc_id in ids else 0
        if 0 <= index < len(ids):
            self.window.doc_table.selectRow(index)
            self.window.view.setFocus()

    def toggle_done(self) -> None:
        """Ctrl+D: an undo command with its event (commands.SetStatus), like every other change."""
        if self.session.doc_id is None:
            return
        from annotator.gui.commands import SetStatus  # noqa: PLC0415

        done = self.session.status == "done"
        text = translate("MainWindow", "Mark in progress") if done else translate("MainWindow", "Mark done")
        self.window.controller.push(SetStatus(self.session, "in_progress" if done else "done", text))

    def selected_document(self) -> int | None:
        w = self.window
        index = w.doc_table.currentIndex()
        if index.isValid():
            return w.doc_model.data(w.doc_model.index(index.row(), 0), DOC_ID_ROLE)
        return self.session.doc_id

    def rename_document(self, doc_id: int | None = None, title: str | None = None) -> None:
        """An undo command (commands.RenameDocument) on the open document's stack, with its event."""
        from annotator.gui.commands import RenameDocument  # noqa: PLC0415

        doc_id = self.selected_document() if doc_id is None else doc_id
        if doc_id is None or self.session.project.readonly:
            return
        row = docs.get_document(self.session.project, doc_id)
        if row is None:
            return
        if title is None:
            title = self._ask_title(row["title"])
            if title is None:
                return
        if not title.split():  # said in a dialog, as before: storage refuses it with this reason
            QMessageBox.warning(self.window, translate("WindowDocs", "Rename document"),
                                "a document title cannot be empty")
            return
        self.window.controller.push(RenameDocument(self.session, doc_id, title,
                                                   translate("WindowDocs", "Rename document")))

    def _ask_title(self, current: str) -> str | None:
        """The new title, in a field as wide as the title (up to most of the window): the default dialog's
        field showed "共青川市委经济工作会议上的讲话" of a longer title, its start out of sight (session 10)."""
        dialog = QInputDialog(self.window)
        dialog.setWindowTitle(translate("WindowDocs", "Rename document"))
        dialog.setLabelText(translate("WindowDocs", "New title:"))
        dialog.setTextValue(current)
        wide = dialog.fontMetrics().horizontalAdvance(current + "MMMM") + 60
        dialog.resize(max(dialog.sizeHint().width(), min(wide, int(self.window.width() * 0.8))), dialog.sizeHint().height())
        return dialog.textValue() if dialog.exec() else None

    def _on_documents_changed(self) -> None:
        self.refresh_documents()
        self.window.update_title()

    def delete_document(self, doc_id: int | None = None, *, confirm: bool = True) -> None:
        """Delete a document with everything on it, after a confirmation naming it and what goes with it;
        undoable (File → Undo delete, Ctrl+Alt+Z) and event-logged (commands_documents.py)."""
        doc_id = self.selected_document() if doc_id is None else doc_id
        if doc_id is None or self.session.project.readonly:
            return
        row = docs.get_document(self.session.project, doc_id)
        if row is None:
            return
        self.window.team.trash.delete(doc_id, row["title"], confirm=confirm)

    # -- outline ---------------------------------------------------------------------------------
    def _on_outline_changed(self, _doc_id: int) -> None:
        self.rebuild_outline()
        self.window.spans.apply_highlight()  # headings are drawn by the highlighter too

    def rebuild_outline(self) -> None:
        w = self.window
        # Clearing the model moves the tree's current index: that is not a click.
        w.syncing = True
        try:
            self.outline_items = build_outline_model(w.outline_model, self.session.sections, self.session.spans)
            self._outline_shown = None
        finally:
            w.syncing = False
        w.outline.expandAll()
        # clear() dropped the columns, and with them the header's resize modes.
        header = w.outline.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(1, 40)

    def on_outline_clicked(self, index) -> None:
        if self.window.syncing or not index.isValid():
            return
        number = index.data(SECTION_ROLE)
        if number is None or number >= len(self.session.sections):
            return
        section = self.session.sections[number]
        self.window.syncing = True
        self.window.view.select_range(section.start, max(section.title_end, section.start + len(section.marker)))
        self.window.syncing = False

    def _on_outline_activated(self, index) -> None:
        self.on_outline_clicked(index)
        self.window.view.setFocus()

    def _sync_outline_to_cursor(self, _pos: int) -> None:
        """The outline follows the cursor when the keys pause (gui/coalesce.py): a key that moves the
        cursor returns and is drawn first, and a run of moves selects the tree item once."""
        if not self.window.syncing:  # decided now: the program moving the cursor itself is no choice
            self.window.deferred.schedule("outline", self._show_section_at_cursor, idle=True)

    def _show_section_at_cursor(self) -> None:
        w = self.window
        pos = w.view.cursor_position()  # where it is when the loop turns (a document may have opened since)
        number = innermost_at(self.session.sections, pos)
        if number == self._outline_shown and number is not None:
            return  # still in the same section: nothing to move in the tree
        self._outline_shown = number
        if number is None or number >= len(self.outline_items):
            w.outline.clearSelection()
            return
        index = self.outline_items[number].index()
        w.syncing = True
        w.outline.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        w.outline.scrollTo(index)
        w.syncing = False

    def step_section(self, delta: int) -> None:
        sections = self.session.sections
        if not sections:
            return
        pos = self.window.view.cursor_position()
        if delta > 0:
            target = next((s for s in sections if s.start > pos), None)
        else:
            target = next((s for s in reversed(sections) if s.start < pos), None)
        if target is not None:
            self.window.view.select_range(target.start, max(target.title_end, target.start + len(target.marker)))
