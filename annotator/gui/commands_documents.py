"""Undoable document deletion and note edits (issue 13), the trash (issue 15).

Deleting a document is a project-level change, not a change inside one document, so it does not go on
the per-document undo stacks of the tagging controller (the deleted document's stack would never be
active again). ``DocumentTrash`` owns a project-level QUndoStack: File → "Undo delete" / "Redo delete"
(Ctrl+Alt+Z / Ctrl+Alt+Shift+Z) take back the last deletion, and the status bar says so at once. The
deleted document waits in the project's trash (storage/document_trash.py: text, outline, outline
corrections, spans of every annotator with their ids, progress marks and notes), so the stack is
rebuilt when the window opens (services/history.py ``trash_history``) and Ctrl+Alt+Z works after a
restart. An import of speeches is one step of the same stack (``UndoImport``: its documents go to the
trash and come back together). File → "Empty trash…" removes the deleted documents for good, after a confirmation that
names them: it is no undo step (nothing is kept to undo it with), it is logged (``trash.empty``).

Note edits and removals are changes inside one document: they go on that document's stack (Ctrl+Z),
like adding a note (commands.AddComment).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox

from annotator.gui.safety import SafeCommand, describe
from annotator.storage import comments as comment_store
from annotator.storage import document_trash
from annotator.storage.comment_edits import update_comment
from annotator.storage.project import ProjectError

translate = QCoreApplication.translate


class _Command(SafeCommand):
    def __init__(self, session, text: str):
        super().__init__(text)
        self.session = session

    def recover(self, exc: BaseException, phase: str) -> None:
        self.session.message.emit(translate("DocumentTrash", "“{0}” failed: {1}").format(self.text(), describe(exc)))
        self.session.documentsChanged.emit()

    def _guard(self, fn) -> bool:
        """A refusal of the store (gone meanwhile, re-imported, empty text): the step never happened."""
        try:
            fn()
            return True
        except (ValueError, KeyError, ProjectError) as exc:
            self.setObsolete(True)
            self.session.message.emit(str(exc).strip("'\""))
            return False


class DeleteDocument(_Command):
    """Delete one document with everything on it; undo writes it all back with the same ids."""

    def __init__(self, session, doc_id: int, title: str, text: str):
        super().__init__(session, text)
        self.doc_id, self.title = doc_id, title
        self.trash_id: int | None = None  # the document's row in the trash while it is deleted

    def redo(self) -> None:
        if getattr(self, "from_log", False):  # rebuilt after a restart: the document is in the trash already
            self.from_log = False
            return

        def run():
            # Every redo takes a fresh snapshot: what was added after an undo goes with it next time.
            self.trash_id = document_trash.trash_document(self.session.project, self.doc_id,
                                                          by=self.session.annotator).trash_id
        if self._guard(run):
            if self.session.doc_id == self.doc_id:
                self.session.close_document()
            self.session.documentsChanged.emit()

    def undo(self) -> None:
        if self._guard(lambda: document_trash.restore_document(self.session.project, self.trash_id,
                                                               by=self.session.annotator)):
            self.session.documentsChanged.emit()


class UndoImport(_Command):
    """An import of speeches as one step: undo moves the documents it brought in (with whatever was done
    on them since) into the trash in one transaction, redo brings them all back. Pushed when the import
    has finished (it is stored already), or rebuilt from its ``import.batch`` event after a restart."""

    def __init__(self, session, doc_ids: list[int], text: str):
        super().__init__(session, text)
        self.doc_ids = list(doc_ids)
        self.trash_ids: list[int] = []
        self.from_log = True  # the import itself wrote the documents: the first redo() has nothing to do

    def redo(self) -> None:
        if self.from_log:
            self.from_log = False
            return
        if self._guard(lambda: document_trash.restore_documents(self.session.project, self.trash_ids,
                                                                by=self.session.annotator)):
            self.session.documentsChanged.emit()

    def undo(self) -> None:
        def run():
            self.trash_ids = document_trash.trash_documents(self.session.project, self.doc_ids,
                                                            by=self.session.annotator)
        if self._guard(run):
            if self.session.doc_id in self.doc_ids:
                self.session.close_document()
            self.session.documentsChanged.emit()


class EditComment(_Command):
    def __init__(self, session, comment, body: str, text: str):
        super().__init__(session, text)
        self.comment_id, self.doc_id = comment.id, comment.document_id
        self.before, self.after = comment.body, body
        self.seen = comment  # on a team project: the note as its editor saw it (a lead's edit meanwhile conflicts)

    def _set(self, body: str) -> bool:
        team = getattr(self.session, "team", None)

        def run():
            if team is None:
                update_comment(self.session.project, self.comment_id, body, by=self.session.annotator)
            else:
                self.seen, where = team.edit_comment(self.seen, body, self.session.annotator)
                _said(self.session, where)
        ok = self._guard(run)
        if ok:
            self.session.note_comments(self.doc_id)
        return ok

    def redo(self) -> None:
        if getattr(self, "from_log", False):  # rebuilt from the log after a restart (gui/history.py): stored
            self.from_log = False
            return
        self._set(self.after)

    def undo(self) -> None:
        self._set(self.before)


class RemoveComment(_Command):
    def __init__(self, session, comment, text: str):
        super().__init__(session, text)
        self.comment = comment

    def redo(self) -> None:
        team = getattr(self.session, "team", None)
        if team is not None:  # a team project: through the outbox (services/team_edits.py)
            ok = self._guard(lambda: _said(self.session, team.remove_comment(self.comment, self.session.annotator)))
        else:
            ok = self._guard(lambda: comment_store.remove_comment(self.session.project, self.comment.id,
                                                                  by=self.session.annotator))
        if ok:
            self.session.note_comments(self.comment.document_id)

    def undo(self) -> None:
        team = getattr(self.session, "team", None)
        if team is not None:
            ok = self._guard(lambda: _said(self.session, team.add_comment(self.comment, action="comment.restore")))
        else:
            ok = self._guard(lambda: comment_store.restore(self.session.project, self.comment))
        if ok:
            self.session.note_comments(self.comment.document_id)


def _said(session, where: str) -> None:
    if where == "outbox":
        session.message.emit(translate(
            "TeamStatus", "Saved on this computer: the server cannot be reached; the edit is sent when it is back."))


class DocumentTrash(QObject):
    """The project-level undo stack for deletions and the confirmation that names what goes."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.stack = QUndoStack(self)
        self.session.documentsChanged.connect(self._after_change)
        self.reload()

    def reload(self) -> None:
        """Fill the stack from the trash: this annotator's deletions not restored and not emptied (also
        after another annotator name is chosen in Preferences: the stack is per name, as the others)."""
        from annotator.services.history import trash_history  # noqa: PLC0415

        self.stack.clear()
        if self.session.project is None or self.session.project.readonly:
            return
        try:
            steps = trash_history(self.session.project, self.session.annotator)
        except Exception as exc:  # noqa: BLE001 - an unreadable trash costs the undo of deletions, not the window
            self.session.message.emit(describe(exc))
            return
        for step in steps:
            if step.kind == "import":
                command = UndoImport(self.session, step.payload["documents"], self.import_text(step.after))
            else:
                command = DeleteDocument(self.session, step.payload["document_id"], step.before,
                                         self.tr("Delete “{0}”").format(step.before))
                command.trash_id, command.from_log = step.payload["trash_id"], True
            self.stack.push(command)
        self.stack.setClean()

    def import_text(self, count: int) -> str:
        return self.tr("Import of {0} documents").format(count)

    def imported(self, summary) -> None:
        """An import has finished: the documents it brought in become one step of this stack."""
        ids = [o.document_id for o in summary.outcomes if o.status == "imported" and o.document_id is not None]
        if ids and not self.session.project.readonly:
            self.stack.push(UndoImport(self.session, ids, self.import_text(len(ids))))

    def _after_change(self) -> None:
        # The list first (this slot may run before navigation.py's own refresh), then a document to show
        # when the open one was deleted.
        self.window.refresh_documents()
        if self.session.doc_id is None:
            self.window.navigation.open_first_document()

    def confirm_text(self, doc_id: int, title: str) -> str:
        impact = document_trash.impact(self.session.project, doc_id)
        spans = impact["spans"]
        who = ", ".join(f"{name} {count}" for name, count in spans.items())
        text = self.tr("Delete “{0}”?\n\nWith it go its outline, {1} spans ({2}) and {3} notes.\n"
                       "It goes to the project's trash: File → Undo delete (Ctrl+Alt+Z) brings it all back, also "
                       "after a restart, until the trash is emptied (File → Empty trash…). The deletion is "
                       "recorded in the project's event log.").format(
            "\x00", sum(spans.values()), who, impact["notes"])
        # No spans: "0 spans ()" / "0 个标注（）" — the empty list of who made them goes, in either language;
        # the title goes in after, as it is: a title with "（）" in it was shown without (session 10).
        return (text if who else text.replace(" ()", "").replace("（）", "")).replace("\x00", title)

    def delete(self, doc_id: int, title: str, *, confirm: bool = True) -> bool:
        from annotator.gui.team_status import refuse_offline  # noqa: PLC0415

        if refuse_offline(self.window, "delete"):  # a team server that does not answer: never queued
            return False
        if confirm:
            answer = QMessageBox.question(self.window, self.tr("Delete document"), self.confirm_text(doc_id, title))
            if answer != QMessageBox.StandardButton.Yes:
                return False
        before = self.stack.count()
        self.stack.push(DeleteDocument(self.session, doc_id, title, self.tr("Delete “{0}”").format(title)))
        if self.stack.count() > before:
            self.session.message.emit(self.tr("Deleted “{0}”. Ctrl+Alt+Z brings it back.").format(title))
            return True
        return False

    def empty(self, *, confirm: bool = True) -> int:
        """File → Empty trash…: remove the deleted documents for good, after a confirmation naming them.
        Not an undo step; the stack of deletions is cleared (none of them can be undone any more)."""
        from annotator.gui.team_status import refuse_offline  # noqa: PLC0415
        from annotator.services.trash import empty_trash, list_trash  # noqa: PLC0415

        if refuse_offline(self.window, "delete"):
            return 0
        entries = list_trash(self.session.project)
        if not entries:
            self.session.message.emit(self.tr("The trash is empty."))
            return 0
        names = "\n".join(f"• {e.title}" for e in entries[:20]) + ("\n…" if len(entries) > 20 else "")
        if confirm and QMessageBox.question(
                self.window, self.tr("Empty trash"),
                self.tr("Remove {0} deleted documents for good?\n\n{1}\n\nTheir text, outline, spans and notes "
                        "leave the project and cannot be brought back: this cannot be undone.").format(
                    len(entries), names)) != QMessageBox.StandardButton.Yes:
            return 0
        try:
            removed = empty_trash(self.session.project, by=self.session.annotator)
        except (ValueError, ProjectError) as exc:
            self.session.message.emit(describe(exc))
            return 0
        self.stack.clear()
        self.session.message.emit(self.tr("Removed {0} deleted documents for good.").format(len(removed)))
        return len(removed)

    def empty_action(self, parent):
        from PySide6.QtGui import QAction  # noqa: PLC0415

        action = QAction(self.tr("Empty trash…"), parent)
        action.setObjectName("emptyTrash")
        action.setStatusTip(self.tr("Remove deleted documents for good: cannot be undone."))
        action.triggered.connect(lambda: self.empty())
        return action

    def undo_action(self, parent):
        action = self.stack.createUndoAction(parent, self.tr("Undo delete"))
        action.setShortcut("Ctrl+Alt+Z")
        action.setObjectName("undoDelete")
        # Qt would read "Undo delete Import of 3 documents": name the step itself (connected after Qt's own
        # slot, so this text wins).
        _StepText(action, self.stack.undoTextChanged, self.tr("Undo: {0}"), self.tr("Undo delete"), self.stack.undoText())
        return action

    def redo_action(self, parent):
        action = self.stack.createRedoAction(parent, self.tr("Redo delete"))
        action.setShortcut("Ctrl+Alt+Shift+Z")
        action.setObjectName("redoDelete")
        _StepText(action, self.stack.redoTextChanged, self.tr("Redo: {0}"), self.tr("Redo delete"), self.stack.redoText())
        return action


class _StepText(QObject):
    """Keeps an undo/redo action's text "Undo: <the step>". A child of the action: it goes with it, and
    Qt disconnects the stack's signal then (a lambda would outlive the action and touch a deleted one)."""

    def __init__(self, action, signal, template: str, empty: str, now: str):
        super().__init__(action)
        self.template, self.empty = template, empty
        signal.connect(self.show)
        # The stack is filled from the trash before the action exists: after a restart the menu said
        # Qt's "Undo delete Import of 5 documents" until the next change.
        self.show(now)

    def show(self, text: str) -> None:
        self.parent().setText(self.template.format(text) if text else self.empty)
