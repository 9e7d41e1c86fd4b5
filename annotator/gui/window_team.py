"""Work with the team's data beside the text: undoable document deletion, the notes of the open document,
two annotators side by side and the team's progress (issue 13).

A controller of the main window (like navigation.py): it owns no widgets of the window; it opens
dialogs and windows of its own and holds the project-level undo stack for deletions
(commands_documents.DocumentTrash). What it uses of the window: ``session``, ``controller`` (the
document's undo stack, for notes), ``navigation`` (to open another document after a deletion) and
``language``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from annotator.gui.layout import bring_forward


class TeamWork(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.session = window.session
        self._trash = None

    @property
    def trash(self):
        """Undoable deletion (commands_documents.py), made on first use."""
        if self._trash is None:
            from annotator.gui.commands_documents import DocumentTrash  # noqa: PLC0415

            self._trash = DocumentTrash(self.window)
        return self._trash

    def show_notes(self) -> None:
        """The notes of the open document, to read, edit or delete (dialogs/notes.py)."""
        from annotator.gui.dialogs.notes import NotesDialog  # noqa: PLC0415

        if self.session.doc_id is None:
            return
        self.notes_dialog = NotesDialog(self.session, self.window.controller.push, self.window)
        self.notes_dialog.show()

    def open_compare(self, doc_id: int | None = None, annotators: tuple[str, str] | None = None):
        """Two annotators side by side on one document (review/compare.py)."""
        from annotator.gui.review.compare import CompareWindow  # noqa: PLC0415

        doc_id = self.session.doc_id if doc_id is None else doc_id
        self.compare_window = CompareWindow(self.session.project, doc_id=doc_id, annotators=annotators,
                                            language=self.window.language, parent=self.window)
        bring_forward(self.compare_window)
        return self.compare_window

    def show_progress(self) -> None:
        """The team's progress per annotator and per document (dialogs/progress.py)."""
        from annotator.gui.dialogs.progress import ProgressDialog  # noqa: PLC0415

        self.progress_dialog = ProgressDialog(self.session.project, self.window)
        self.progress_dialog.compareRequested.connect(self.open_compare)
        bring_forward(self.progress_dialog)
