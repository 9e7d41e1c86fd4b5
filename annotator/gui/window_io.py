"""The main window's long jobs: importing speeches, exporting and importing labels, suggesting for the
open document (workers.py runs them off the GUI thread), and the reports a person reads afterwards — in
the UI's language.

``Jobs`` is a controller of the main window. What it uses of the window: ``session``, ``open_store``
(the store factory the workers open their own connection with: never a file path, so a PostgreSQL
project works the same), ``navigation`` (to refresh the document list), ``banner`` and ``statusBar``,
and ``closed`` (results that arrive after the window closed are dropped).

Bulk writes (speeches, labels) are not undo commands: an import can bring in thousands of documents
that other annotators start labelling at once, so taking it back is a deliberate deletion (Delete
document, event-logged), not a Ctrl+Z. Every way in says so before anything runs: the file and folder
dialogs' titles, the menu's status tips, the folder preview, and a confirmation for labels and for
files dropped on the window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QProgressDialog

from annotator.gui.file_dialogs import fit_next
from annotator.gui import workers
from annotator.gui.exchange_reasons import exchange_note_text, line_problem_text
from annotator.gui.read_reasons import outcome_reason
from annotator.storage import documents as docs


translate = QCoreApplication.translate


def exchange_summary(report) -> str:
    """An export or label-import report in words, its notes too (exchange_reasons.exchange_note_text)."""
    if hasattr(report, "files"):  # ExportReport
        lines = [translate("WindowIO", "{0} spans from {1} documents written to:").format(report.spans, report.documents)]
        lines.extend(f"  {path}" for path in report.files)
    else:  # ImportReport
        lines = [translate("WindowIO", "{0}: {1} lines imported, {2} skipped, {3} failed").format(
                     report.file, report.imported, report.skipped, report.failed_count),
                 "  " + translate("WindowIO", "documents created: {0}; spans added: {1}, already present: {2}").format(
                     report.documents_created, report.spans_added, report.spans_skipped)]
        if report.crlf_lines:
            lines.append("  " + translate("WindowIO", "{0} lines had CRLF line ends: text normalised to LF, offsets moved").format(
                report.crlf_lines))
        if report.labels_added:
            lines.append("  " + translate("WindowIO", "labels added: {0}").format(", ".join(report.labels_added)))
        lines.extend("  " + translate("WindowIO", "failed: {0}").format(line_problem_text(p)) for p in report.failed)
    lines.extend("  " + translate("WindowIO", "note: {0}").format(exchange_note_text(n)) for n in report.notes)
    return "\n".join(lines)


def reopen_replaced(window, summary) -> str:
    """The open document was imported again with a changed text: show the new text.

    Its spans were moved in the project by a text diff (or flagged for review), but the window went on
    showing the old text and spans, so the next tag would have been stored at an offset of a text that
    no longer exists (walked at a real display, session 7). The undo steps made on the old text are
    dropped: their offsets belong to it. Cursor and scroll stay where they were (clamped)."""
    session, view = window.session, window.view
    doc_id = session.doc_id
    if doc_id is None or doc_id not in {o.document_id for o in summary.outcomes if o.status == "updated"}:
        return ""
    cursor, top = view.cursor_position(), view.first_visible()
    stack = window.controller.undo_group.activeStack()
    if stack is not None:
        stack.clear()
    session.open_document(doc_id)
    window.position.restore_view(cursor, top)
    flagged = sum(1 for s in session.spans if "needs_review" in (s.provenance or {}))
    text = translate("WindowIO", "“{0}” was imported again with a changed text; its spans were carried over.").format(
        session.title)
    if flagged:
        text += " " + translate("WindowIO", "{0} of them need review: F4 goes to the next, Shift+F4 marks it checked.").format(
            flagged)
    return text


class Jobs(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.jobs: list = []  # (worker, thread) until the worker's result reached this window
        self.import_preview = self.import_progress = self.exchange_progress = self.import_report = None
        self.last_import = self.last_exchange = None
        self.report_to = None  # a window that also hears an export's result (the review window's Ctrl+E)


    # -- speeches ------------------------------------------------------------------------------
    def import_files(self) -> None:
        fit_next()  # Qt's own dialog sized to be read (file_dialogs.py)
        paths, _ = QFileDialog.getOpenFileNames(self.window, translate("WindowIO", "Import speeches (Ctrl+Alt+Z takes the import back)"), "",
                                                translate("WindowIO", "Speeches (*.txt *.md *.docx *.html *.htm);;All files (*)"))
        if paths:
            self.import_paths(paths)

    def import_folder(self, folder: str | None = None) -> None:
        if not folder:
            fit_next()  # Qt's own dialog sized to be read (file_dialogs.py)
        folder = folder or QFileDialog.getExistingDirectory(self.window, translate("WindowIO", "Import a folder of speeches (Ctrl+Alt+Z takes the import back)"))
        if folder:
            self.import_paths([folder])

    def import_samples(self) -> None:
        from annotator.resources import resource_path  # noqa: PLC0415

        folder = resource_path("samples")
        self.import_paths([str(p) for p in sorted(folder.iterdir())
                           if p.suffix.lower() in (".txt", ".html", ".htm", ".docx") and p.is_file()])

    def import_paths(self, paths: list[str]) -> None:
        """Files are imported at once; a folder first shows what it will bring in (import_preview.py)."""
        if self.session.project.readonly:
            self.window.statusBar().showMessage(self.window.banner.text(), 5000)
            return
        from annotator.gui.team_status import refuse_offline  # noqa: PLC0415

        if refuse_offline(self.window, "import"):  # a team server that does not answer: never queued
            return
        from annotator.services.importing import preview_import  # noqa: PLC0415

        # Files named one by one go straight in, unless their content does not look like a speech:
        # then the preview says why first (a folder always shows it). An unreadable file needs no
        # preview: the import reports it as failed, with the reader's reason.
        preview = preview_import(paths)
        if any(Path(p).is_dir() for p in paths) or any(c.warning.kind != "unreadable" for c in preview.warnings()):
            self._preview_then_import(paths, preview)
            return
        self._run_import(paths, [])

    def _preview_then_import(self, paths: list[str], preview=None) -> None:
        from annotator.gui.dialogs.import_preview import ImportPreviewDialog  # noqa: PLC0415
        from annotator.services.importing import preview_import  # noqa: PLC0415

        self.import_preview = dialog = ImportPreviewDialog(preview or preview_import(paths), self.window)

        def accepted() -> None:
            preview = dialog.result_preview()
            self._run_import([str(p) for p in preview.chosen()], [*preview.problems, *preview.left_out()])
        dialog.accepted.connect(accepted)
        dialog.open()

    def _run_import(self, paths: list[str], reported: list) -> None:
        """``reported``: outcomes known before reading (links not followed, files left out), shown in the
        summary with the files' own."""
        worker = workers.ImportWorker(self.window.open_store, paths, self.session.annotator, reported)
        self.window.statusBar().showMessage(translate("WindowIO", "Importing: Ctrl+Alt+Z takes the whole import back."), 8000)
        self.import_progress = progress = QProgressDialog(translate("WindowIO", "Importing…"), translate("WindowIO", "Cancel"), 0, 0, self.window)
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
        QMessageBox.warning(self.window, translate("WindowIO", "Import"), reason)

    def _on_import_done(self, summary) -> None:
        if not self._job_done():
            return
        self.import_progress.close()
        focus = QApplication.focusWidget()
        if focus is None or not focus.isVisible():  # the closed progress dialog's Cancel kept it: keys went nowhere
            self.window.activateWindow()
            self.window.view.setFocus()
        self.last_import = summary
        self.window.team.trash.imported(summary)  # the whole import: one step of Ctrl+Alt+Z (commands_documents.py)
        self.window.navigation.refresh_documents()
        text = translate("WindowIO", "Imported {0}, skipped as duplicate {1}, skipped {2}, failed {3}.").format(
            summary.imported, summary.duplicates, len(summary.skipped), len(summary.failed))
        if summary.updated:
            text += " " + translate("WindowIO", "Imported again with a changed text: {0}.").format(summary.updated)
        if summary.cancelled:
            text += " " + translate("WindowIO", "(cancelled)")
        replaced = reopen_replaced(self.window, summary)
        self.window.statusBar().showMessage(f"{text} {replaced}".strip(), 15000 if replaced else 8000)
        if summary.failed or summary.skipped:
            details = "\n".join(
                [translate("WindowIO", "failed: {0}: {1}").format(o.path, outcome_reason(o))
                 for o in summary.failed[:30]]
                + [translate("WindowIO", "skipped: {0}: {1}").format(o.path, outcome_reason(o))
                   for o in summary.skipped[:30]])
            icon = QMessageBox.Icon.Warning if summary.failed else QMessageBox.Icon.Information
            box = QMessageBox(icon, translate("WindowIO", "Import"), text, QMessageBox.StandardButton.Ok, self.window)
            box.setDetailedText(details)
            box.setObjectName("importFailures")
            box.open()
        new = [o.document_id for o in summary.outcomes if o.status == "imported" and o.document_id is not None]
        if self.session.doc_id is None:
            self.window.navigation.open_first_document()
        elif len(new) == 1 and self.window.doc_model.row_of(new[0]) >= 0:
            # One speech brought in: that is the one the person wants to read (the list only grew a row,
            # and at a real display nothing said where it went).
            self.window.doc_table.selectRow(self.window.doc_model.row_of(new[0]))
            self.window.view.setFocus()

    # -- labels ---------------------------------------------------------------------------------
    def export_dialog(self, *, gold: bool = False, parent=None) -> None:
        """Export every annotator's layer and gold, or (``gold``) the adjudicated gold layer only: the lead
        who adjudicated in the review window had no way to write gold alone but the command line
        (walked at a real display, session 8). ``parent`` (the review window) also hears the result."""
        from annotator.gui.exchange_reasons import dialog_filters  # noqa: PLC0415 - the format registry only

        filters = dialog_filters("export")
        fit_next()  # Qt's own dialog sized to be read (file_dialogs.py)
        title = translate("WindowIO", "Export gold") if gold else translate("WindowIO", "Export labels")
        path, chosen = QFileDialog.getSaveFileName(parent or self.window, title, "",
                                                   ";;".join(text for _n, text in filters))
        self.report_to = parent
        if path:
            fmt = next((name for name, text in filters if text == chosen), "native")
            options = {}
            if gold:
                from annotator.services.exchange import make_selection  # noqa: PLC0415

                options["selection"] = make_selection(gold=True)
            self.run_exchange("export", path, fmt, **options)

    def import_labels_dialog(self) -> None:
        from annotator.gui.exchange_reasons import dialog_filters  # noqa: PLC0415

        # Only formats with an importer: the registry says which (never a list sliced by position).
        filters = dialog_filters("import")
        self.report_to = None
        fit_next()  # Qt's own dialog sized to be read (file_dialogs.py)
        path, chosen = QFileDialog.getOpenFileName(self.window, translate("WindowIO", "Import labels"), "",
                                                   ";;".join(text for _n, text in filters))
        if path and self.confirm_bulk(translate("WindowIO", "Import the labels of {0} into this project?").format(
                Path(path).name)):
            self.run_exchange("import", path, next((name for name, text in filters if text == chosen), "native"))

    def confirm_bulk(self, question: str, *, undoable: bool = False) -> bool:
        """Ask before a bulk write, saying how (or that it cannot) be taken back: an import of speeches is
        one step of Ctrl+Alt+Z (``undoable``); an import of labels is outside every undo stack."""
        title = translate("WindowIO", "Import speeches") if undoable else translate("WindowIO", "Cannot be undone")
        note = (translate("WindowIO", "File → Undo (Ctrl+Alt+Z) takes the whole import back.") if undoable
                else translate("WindowIO", "This cannot be undone with Ctrl+Z."))
        box = QMessageBox(QMessageBox.Icon.Question, title, question + "\n\n" + note,
                          QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel, self.window)
        box.setObjectName("confirmBulk")
        box.setDefaultButton(QMessageBox.StandardButton.Ok)
        return box.exec() == QMessageBox.StandardButton.Ok

    def run_exchange(self, direction: str, path: str, fmt: str, **options) -> None:
        """Export or import labels in the background; the result goes to the status bar and a dialog."""
        worker = workers.ExchangeWorker(self.window.open_store, direction, path, fmt, **options)
        self.exchange_progress = QProgressDialog(translate("WindowIO", "Working…"), "", 0, 0, self.window)
        self.exchange_progress.setCancelButton(None)  # an export is atomic: it finishes or leaves nothing
        self.exchange_progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.exchange_progress.setMinimumDuration(300)
        worker.finished.connect(self._on_exchange_done)
        worker.failed.connect(self._on_exchange_failed)
        self.last_exchange = None
        self._start(worker)

    def _on_exchange_done(self, report) -> None:
        if not self._job_done():
            return
        self.exchange_progress.close()
        self.last_exchange = summary = exchange_summary(report)
        self.window.statusBar().showMessage(summary.replace("\n", " "), 10000)
        if self.report_to is not None:
            self.report_to.show_message(summary.replace("\n", " "))
        self.window.navigation.refresh_documents()
        if self.session.doc_id is not None:
            self.session.reload_spans()

    def _on_exchange_failed(self, reason: str) -> None:
        if not self._job_done():
            return
        self.exchange_progress.close()
        self.last_exchange = reason
        if self.report_to is not None:
            self.report_to.show_message(reason)
        QMessageBox.warning(self.window, translate("WindowIO", "Export / import"), reason)

    def show_import_report(self) -> None:
        from annotator.gui.dialogs.import_report import ImportReportDialog  # noqa: PLC0415

        if self.session.doc_id is None:
            return
        row = docs.get_document(self.session.project, self.session.doc_id)
        self.import_report = ImportReportDialog(row["title"], row["import_report"], row["encoding"],
                                                row["source_path"], self.window)
        self.import_report.open()

    def drop(self, event) -> None:
        """Files or folders dropped on the window: a folder shows its preview first; files are confirmed
        (with the same words as the file dialog's title) since the drop itself said nothing."""
        paths = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if not paths:
            return
        event.acceptProposedAction()
        if not any(Path(p).is_dir() for p in paths) and not self.session.project.readonly:
            names = "\n".join(Path(p).name for p in paths[:10]) + ("\n…" if len(paths) > 10 else "")
            if not self.confirm_bulk(translate("WindowIO", "Import these speeches?") + "\n\n" + names, undoable=True):
                return
        self.import_paths(paths)

    # -- suggestions for the open document ----------------------------------------------------------
    def run_suggestions(self) -> None:
        if self.session.doc_id is None or self.session.project.readonly:
            return
        team = getattr(self.session, "team", None)
        if team is not None and team.member.ready and not team.member.lead:
            # The suggester's layer is the team's, written by a lead (`annotator suggest URL`): an
            # annotator's window asked for a write the server refuses, on every document it opened.
            self.window.statusBar().showMessage(
                translate("MainWindow", "No suggestions for this document yet: on a team project a lead makes them"),
                8000)
            return
        worker = workers.SuggestWorker(self.window.open_store, self.session.doc_id)
        # Bound methods of this QObject (not lambdas): Qt then queues the call to the GUI thread.
        worker.finished.connect(self._on_suggestions_ready)
        worker.failed.connect(self._on_suggestions_failed)
        self._start(worker)

    def _on_suggestions_failed(self, _doc_id: int, reason: str) -> None:
        if not self._job_done():
            return
        self.window.statusBar().showMessage(translate("MainWindow", "Suggestions failed: {0}").format(reason), 8000)

    def _on_suggestions_ready(self, doc_id: int, count: int) -> None:
        if not self._job_done():
            return
        if doc_id == self.session.doc_id:
            from annotator.storage.errors import ProjectError  # noqa: PLC0415

            try:
                self.session.reload_spans()
            except ProjectError as exc:
                # A team server that stopped answering meanwhile: the suggestions are stored on it and come
                # with the next re-read; the window keeps what it shows (never an error in Qt's loop).
                self.window.statusBar().showMessage(str(exc), 8000)
                return
            self.window.statusBar().showMessage(translate("MainWindow", "{0} suggestions").format(count), 4000)

    # -- jobs ---------------------------------------------------------------------------------------
    def _start(self, worker) -> None:
        self.jobs.append((worker, workers.start(worker)))

    def _job_done(self) -> bool:
        """Called first by every finished/failed slot; False once the window is closed (ignore the result)."""
        sender = self.sender()
        self.jobs = [(w, t) for w, t in self.jobs if w is not sender]
        return not self.window.closed

    def busy(self) -> bool:
        """True until every job's result has been delivered to the window (tests wait on this)."""
        learning = getattr(self.window, "learning", None)  # the model's retraining (learning.py)
        return bool(self.jobs) or (learning is not None and learning.busy())

    def stop_all(self) -> None:
        """At close: ask each job to stop and wait for it (a worker holds its own connection)."""
        if getattr(self.window, "learning", None) is not None:
            self.window.learning.stop()
        for worker, thread in list(self.jobs):
            if hasattr(worker, "cancel"):
                worker.cancel()
            thread.join(10)
