"""Undo history across restarts: when a document is first opened in this window, its undo stack is
filled from the project's event log (services/history.py reads the log; this module makes the same undo
commands the keys make, marked ``from_log`` so pushing them does not store them a second time).

Why the log and not a saved stack: every change is already in the log, written in the change's own
transaction, so nothing extra is written per keystroke and a crash loses no history.

Loading guidelines is a project step (it was on the stack of whichever document was open): its rebuilt
steps go on the stack of the first document opened after the restart, in their place in time among that
document's own steps. Deleted documents wait in the project's trash: their steps are rebuilt on the
project-level stack of deletions (commands_documents.DocumentTrash.reload, services/history.trash_history).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from annotator.gui import commands
from annotator.gui.safety import describe, log
from annotator.services.history import Step, document_history, project_history

translate = QCoreApplication.translate


def _text(step: Step) -> str:
    # The texts the keys give these commands (tagging.py), in their translation context.
    if step.kind == "add":
        if step.action == "suggestion.accept":
            return translate("TaggingController", "Accept suggestion")
        if step.action == "suggestion.reject":
            return translate("TaggingController", "Reject suggestion")
        return translate("TaggingController", "Tag span")
    if step.kind == "remove":
        return translate("TaggingController", "Remove span")
    if step.kind == "update":
        if set(step.changes) == {"label"}:
            return translate("TaggingController", "Change label")
        if set(step.changes) == {"provenance"}:
            return translate("TaggingController", "Mark checked")
        return translate("TaggingController", "Edit attributes")
    if step.kind == "status":
        return translate("MainWindow", "Mark done") if step.after == "done" else translate("MainWindow", "Mark in progress")
    if step.kind == "rename":
        return translate("WindowDocs", "Rename document")
    if step.kind == "note_edit":
        return translate("NotesDialog", "Edit note")
    if step.kind == "guidelines":
        return translate("WindowGuidelines", "Load guidelines")
    if step.kind == "outline":
        return {"add": translate("TaggingController", "Add heading"),
                "remove": translate("TaggingController", "Remove heading"),
                "title_end": translate("TaggingController", "Set title end")}.get(
            step.op, translate("TaggingController", "Demote heading") if step.payload.get("delta", 0) > 0
            else translate("TaggingController", "Promote heading"))
    return translate("TaggingController", "Add note")


def command_for(session, step: Step):
    """The undo command that made ``step``, already done (its first redo() is skipped)."""
    text = _text(step)
    if step.kind == "add":
        if step.action in ("suggestion.accept", "suggestion.reject"):
            kind = commands.AcceptSuggestion if step.action == "suggestion.accept" else commands.RejectSuggestion
            command = kind(session, None, text=text) if kind is commands.RejectSuggestion \
                else kind(session, None, None, text)
            command.span = step.span
        else:  # a redo of a removal ("span.restore") is a plain add once the removal is off the stack
            command = commands.AddSpan(session, step.span, text)
        command._started, command._doc_id = step.started, step.span.document_id  # noqa: SLF001
    elif step.kind == "remove":
        command = commands.RemoveSpan(session, step.span, text)
    elif step.kind == "update":
        command = commands.UpdateSpan(session, step.span, step.changes, text)
    elif step.kind == "status":
        command = commands.SetStatus(session, step.after, text, before=step.before or "not_started")
    elif step.kind == "rename":
        command = commands.RenameDocument(session, session.doc_id, step.after, text, before=step.before)
    elif step.kind == "outline":
        command = commands.OutlineEdit(session, step.op, step.anchor, step.payload, text)
        command.edit_id = step.edit_id
    elif step.kind == "guidelines":
        command = commands.SetGuidelines(session, step.after, text)
        command.before = step.before
    elif step.kind == "note_edit":
        from types import SimpleNamespace  # noqa: PLC0415
        from annotator.gui.commands_documents import EditComment  # noqa: PLC0415

        note = SimpleNamespace(id=step.comment["id"], document_id=step.comment["document_id"], body=step.before)
        command = EditComment(session, note, step.after, text)
    else:
        from annotator.storage.comments import Comment  # noqa: PLC0415

        fields = step.comment
        command = commands.AddComment(session, fields["body"], None, text)
        command.comment = Comment(**{k: fields.get(k) for k in Comment.__dataclass_fields__})
    command.from_log = True
    return command


class UndoHistory(QObject):
    """Fills each document's undo stack from the log the first time it is opened in this window."""

    def __init__(self, session, controller, parent=None):
        super().__init__(parent)
        self.session, self.controller = session, controller
        self._filled: set[int] = set()
        self._project_steps_placed = False  # the guidelines steps go on the first stack filled
        # Connected after the tagging controller's own slot, so the document's stack exists and is active.
        session.documentOpened.connect(self._on_document)

    def forget(self) -> None:
        """Another annotator name (Preferences): the stacks held the previous name's edits, which this name
        must not undo; each document's history is read again, for the new name, when it is next opened."""
        for stack in self.controller.undo_group.stacks():
            stack.clear()
        self._filled.clear()
        self._project_steps_placed = False

    def _on_document(self, doc_id: int) -> None:
        stack = self.controller.undo_group.activeStack()
        if doc_id < 0 or doc_id in self._filled or stack is None or self.session.project.readonly:
            return
        self._filled.add(doc_id)
        if stack.count():
            return  # edits made in this window already: they are the history
        try:
            steps = document_history(self.session.project, doc_id, self.session.annotator)
            if not self._project_steps_placed:
                self._project_steps_placed = True
                steps = sorted(steps + project_history(self.session.project, self.session.annotator),
                               key=lambda step: step.event_id)  # the order they were made in
        except Exception as exc:  # noqa: BLE001 - an unreadable log costs the old history, never the document
            log.exception("rebuilding the undo history of document %s failed", doc_id)
            self.session.message.emit(describe(exc))
            return
        for step in steps:
            try:
                command = command_for(self.session, step)
            except Exception:  # noqa: BLE001 - one unusable step is left out, never the rest
                log.exception("event %s cannot become an undo step", step.event_id)
                continue
            stack.push(command)
        stack.setClean()
