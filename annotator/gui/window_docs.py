"""Document and project commands of the main window: rename, delete (confirmed, event-logged),
"Open project…" in place and the recent projects list."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from annotator.storage import documents as docs
from annotator.storage.gui_queries import rename_document

RECENT_MAX = 8


translate = QCoreApplication.translate


class WindowDocs:
    """Mixed into MainWindow."""

    # Set by the composition root (annotator.app.create_window); a window built without it (a test
    # constructing MainWindow by hand) cannot switch projects.
    window_factory = None

    def _selected_document(self) -> int | None:
        from annotator.gui.models.document_list import DOC_ID_ROLE  # noqa: PLC0415

        index = self.doc_table.currentIndex()
        if index.isValid():
            return self.doc_model.data(self.doc_model.index(index.row(), 0), DOC_ID_ROLE)
        return self.session.doc_id

    def rename_document(self, doc_id: int | None = None, title: str | None = None) -> None:
        doc_id = self._selected_document() if doc_id is None else doc_id
        if doc_id is None or self.session.project.readonly:
            return
        row = docs.get_document(self.session.project, doc_id)
        if title is None:
            title, ok = QInputDialog.getText(self, translate("WindowDocs", "Rename document"), translate("WindowDocs", "New title:"), text=row["title"])
            if not ok:
                return
        try:
            rename_document(self.session.project, doc_id, title, annotator=self.session.annotator)
        except (ValueError, KeyError) as exc:
            QMessageBox.warning(self, translate("WindowDocs", "Rename document"), str(exc))
            return
        if doc_id == self.session.doc_id:
            self.session.title = " ".join(title.split())
            self._update_title()
        self.refresh_documents()

    @property
    def trash(self):
        """Undoable deletion (commands_documents.py), made on first use."""
        if getattr(self, "_trash", None) is None:
            from annotator.gui.commands_documents import DocumentTrash  # noqa: PLC0415

            self._trash = DocumentTrash(self)
        return self._trash

    def delete_document(self, doc_id: int | None = None, *, confirm: bool = True) -> None:
        """Delete a document with everything on it, after a confirmation naming it and what goes with it;
        undoable (File → Undo delete, Ctrl+Alt+Z) and event-logged."""
        doc_id = self._selected_document() if doc_id is None else doc_id
        if doc_id is None or self.session.project.readonly:
            return
        row = docs.get_document(self.session.project, doc_id)
        if row is None:
            return
        self.trash.delete(doc_id, row["title"], confirm=confirm)

    def show_notes(self) -> None:
        """The notes of the open document, to read, edit or delete (dialogs/notes.py)."""
        from annotator.gui.dialogs.notes import NotesDialog  # noqa: PLC0415

        if self.session.doc_id is None:
            return
        self.notes_dialog = NotesDialog(self.session, self.controller.push, self)
        self.notes_dialog.show()

    def open_compare(self, doc_id: int | None = None, annotators: tuple[str, str] | None = None):
        """Two annotators side by side on one document (review/compare.py)."""
        from annotator.gui.review.compare import CompareWindow  # noqa: PLC0415

        doc_id = self.session.doc_id if doc_id is None else doc_id
        self.compare_window = CompareWindow(self.session.project, doc_id=doc_id, annotators=annotators,
                                            language=self.language, parent=self)
        self.compare_window.show()
        return self.compare_window

    def show_progress(self) -> None:
        """The team's progress per annotator and per document (dialogs/progress.py)."""
        from annotator.gui.dialogs.progress import ProgressDialog  # noqa: PLC0415

        self.progress_dialog = ProgressDialog(self.session.project, self)
        self.progress_dialog.compareRequested.connect(self.open_compare)
        self.progress_dialog.show()

    # -- projects ------------------------------------------------------------------------------------
    def recent_projects(self) -> list[str]:
        value = self.settings.qsettings.value("user/recent_projects") or []
        items = [value] if isinstance(value, str) else list(value)
        return [p for p in items if p and Path(p).exists()]

    def remember_project(self, path: str) -> None:
        path = str(Path(path).resolve())
        items = [path] + [p for p in self.recent_projects() if p != path]
        self.settings.qsettings.setValue("user/recent_projects", items[:RECENT_MAX])
        self.settings.last_project = path
        self.settings.sync()

    def fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        current = str(Path(self.session.project.path).resolve())
        for path in self.recent_projects():
            action = menu.addAction(Path(path).name + ("  ✓" if path == current else ""))
            action.setToolTip(path)
            action.setData(path)
            action.triggered.connect(lambda _c=False, p=path: self.switch_project(p))
        if menu.isEmpty():
            menu.addAction(translate("WindowDocs", "(none yet)")).setEnabled(False)

    def open_project_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, translate("WindowDocs", "Open project"), str(Path(self.session.project.path).parent),
                                              translate("WindowDocs", "Projects (*.db);;All files (*)"))
        if path:
            self.switch_project(path)

    def switch_project(self, path: str):
        """Replace this window by one on ``path`` (same place on screen); the old project is closed."""
        from annotator.storage import ProjectError  # noqa: PLC0415

        # The composition root hands us its own factory (app.create_window): the GUI never imports the
        # root, so the layers stay one-directional (import-linter contract in pyproject.toml).
        create_window = self.window_factory
        if create_window is None:
            return None

        if Path(path).resolve() == Path(self.session.project.path).resolve():
            return self
        try:
            window, project = create_window(path, settings_file=self.settings.qsettings.fileName(), first_run=False)
        except ProjectError as exc:
            QMessageBox.critical(self, translate("WindowDocs", "Open project"), str(exc))
            return None
        window.setGeometry(self.geometry())
        window.show()
        old = self.session.project
        self.close()
        old.close()
        self.switched_to = window
        return window

    def show_preferences(self) -> None:
        from annotator.gui.dialogs.preferences import PreferencesDialog  # noqa: PLC0415

        from annotator.services import suggesting  # noqa: PLC0415

        current = suggesting.suggestion_settings(self.session.project)
        self.preferences_dialog = dialog = PreferencesDialog(self.session.annotator, self.settings.language,
                                                             self.settings.snap_mode, self, suggest=current)
        if dialog.exec():
            name, language, snap_mode = dialog.values()
            chosen = dialog.suggestion_values()
            if not self.session.project.readonly and any(chosen[k] != current[k] for k in chosen):
                suggesting.save_settings(self.session.project, **chosen)
                self.run_suggestions()  # the open document shows suggestions under the new settings
            self.settings.snap_mode = self.controller.snap_mode = snap_mode
            if language != self.settings.language:
                self.settings.language = language
                self.statusBar().showMessage(translate("WindowDocs", "The language changes at the next start."), 6000)
            if name and name != self.session.annotator:
                self.settings.annotator = name
                from annotator.storage.labels import ensure_annotator  # noqa: PLC0415

                ensure_annotator(self.session.project, name)
                self.session.annotator = name
                if self.session.doc_id is not None:
                    self.session.open_document(self.session.doc_id)
                self.refresh_documents()
            self._update_status()
