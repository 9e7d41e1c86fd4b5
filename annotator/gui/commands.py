"""Undo commands: each redo()/undo() calls one storage function, then tells the session what changed
(``session.apply``), so the views update just those spans.

Every change is committed by the storage call itself, so the undo stack is only a convenience on top
of data that is already safe. The same commands are rebuilt from the event log when a document is
opened after a restart (gui/history.py): such a command is already in the store, so the redo() that
QUndoStack.push runs once does nothing (``from_log``). A redo that the store refuses (a duplicate, a
stale id) marks the command obsolete, so QUndoStack.push drops it instead of recording a change that
never happened. Any other
exception (a damaged row, a vanished file) is caught by ``SafeCommand`` (safety.py): an exception
escaping redo()/undo() crashes PySide6, so the command is dropped, the user told, and the session
re-read from the store.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication

from annotator.domain.model import Span
from annotator.gui.safety import SafeCommand, describe
from annotator.storage import documents as doc_store
from annotator.storage import sections as section_store
from annotator.storage import spans as span_store
from annotator.storage.project import ProjectError


class _StoreCommand(SafeCommand):
    def __init__(self, session, text: str):
        super().__init__(text)
        self.session = session
        self.from_log = False  # rebuilt from the event log: the change is stored already

    def _replayed(self) -> bool:
        """True (once) for the redo() QUndoStack.push runs on a command rebuilt from the log."""
        if self.from_log:
            self.from_log = False
            return True
        return False

    def recover(self, exc: BaseException, phase: str) -> None:
        # The session's context, written out: lupdate reads only QCoreApplication.translate(context, text).
        if phase == "undo":
            what = QCoreApplication.translate("Session", "Undo")
        else:
            what = QCoreApplication.translate("Session", "Redo")
        self.session.message.emit(QCoreApplication.translate(
            "Session", "{0} of “{1}” failed: {2}. The document was re-read from the project.").format(
            what, self.text(), describe(exc)))
        self.session.resync()

    # -- the writes: direct on a project file; on a team project through session.team (a DesktopWriter,
    # services/team_edits.py), which queues an edit in the durable outbox when the server is gone.
    @property
    def _team(self):
        return getattr(self.session, "team", None)

    def _add(self, span: Span, action: str) -> Span:
        if self._team is None:
            return span_store.add_span(self.session.project, span, action=action)
        span, where = self._team.add_span(span, action=action)
        return self._said(where, span)

    def _remove(self, span: Span) -> None:
        if self._team is None:
            span_store.remove_span(self.session.project, span.id, by=self.session.annotator, expect=self._seen(span.id))
        else:
            self._said(self._team.remove_span(span, self.session.annotator, self._seen(span.id)))

    def _update(self, span_id: str, changes: dict) -> tuple[Span, Span]:
        if self._team is None:
            return span_store.update_span(self.session.project, span_id, by=self.session.annotator,
                                          expect=self._seen(span_id), **changes)
        before, after, where = self._team.update_span(span_id, self.session.annotator, self._seen(span_id), **changes)
        return self._said(where, (before, after))

    def _set_status(self, doc_id: int, status: str) -> None:
        if self._team is None:
            doc_store.set_status(self.session.project, doc_id, self.session.annotator, status)
        else:
            self._said(self._team.set_status(doc_id, self.session.annotator, status))

    def _said(self, where: str, result=None):
        """A team edit is reported as saved only where it is durable: on this computer when queued."""
        if where == "outbox":
            self.session.message.emit(QCoreApplication.translate(
                "TeamStatus", "Saved on this computer: the server cannot be reached; the edit is sent when it is back."))
        return result

    def _answer(self, suggestion: Span, accept: bool) -> Span:
        status, action = ("accepted", "suggestion.accept") if accept else ("rejected", "suggestion.reject")
        if self._team is None:
            answer = span_store.accept_suggestion if accept else span_store.reject_suggestion
            return answer(self.session.project, suggestion, self.session.annotator)
        from annotator.services.team_edits import answer  # noqa: PLC0415

        return answer(self._team, suggestion, self.session.annotator, status, action)

    def _start_document(self) -> None:
        """The first tag of a document moves it from "not started" to "in progress", inside the command
        that tags (so undoing that tag takes the status back, and a reload never writes)."""
        self._started = getattr(self, "_started", False)
        session = self.session
        if session.status == "not_started" and session.doc_id is not None:
            self._set_status(session.doc_id, "in_progress")
            self._started, self._doc_id = True, session.doc_id
            session.note_status(session.doc_id, "in_progress")

    def _unstart_document(self) -> None:
        if getattr(self, "_started", False):
            self._set_status(self._doc_id, "not_started")
            self._started = False
            self.session.note_status(self._doc_id, "not_started")

    def _seen(self, span_id: str) -> Span | None:
        """The span as this editor sees it now (the read model, kept current by every command): a team
        server refuses the edit if someone else changed or deleted it since (spans.SpanConflict, shown
        like any refusal). None when the view does not hold it: the edit then goes through unchecked."""
        find = getattr(self.session, "find_span", None)
        return find(span_id) if find else None

    def _guard(self, fn) -> bool:
        try:
            fn()
            return True
        except (ValueError, KeyError, ProjectError) as exc:
            self.setObsolete(True)
            self.session.message.emit(str(exc))
            return False


class AddSpan(_StoreCommand):
    def __init__(self, session, span: Span, text: str = "Tag span", action: str = "span.add"):
        super().__init__(session, text)
        self.span = span
        self.action = action

    def redo(self) -> None:
        if self._replayed():
            return

        def run():
            # The first redo assigns the id and times; later redos re-store that same span.
            self.span = self._add(self.span, self.action)
        if self._guard(run):
            self.session.apply(added=[self.span])
            self._start_document()

    def undo(self) -> None:
        self._remove(self.span)
        self.session.apply(removed=[self.span])
        self._unstart_document()


class RemoveSpan(_StoreCommand):
    def __init__(self, session, span: Span, text: str = "Remove span"):
        super().__init__(session, text)
        self.span = span

    def redo(self) -> None:
        if self._replayed():
            return
        if self._guard(lambda: self._remove(self.span)):
            self.session.apply(removed=[self.span])

    def undo(self) -> None:
        self._add(self.span, "span.restore")
        self.session.apply(added=[self.span])


class UpdateSpan(_StoreCommand):
    """Relabel, change attributes or boundaries of one span."""

    def __init__(self, session, span: Span, changes: dict[str, Any], text: str = "Edit span"):
        super().__init__(session, text)
        self.span_id = span.id
        self.changes = changes
        self.previous = {key: getattr(span, key) for key in changes}

    def redo(self) -> None:
        if self._replayed():
            return
        result = []
        if self._guard(lambda: result.extend(self._update(self.span_id, self.changes))):
            before, after = result
            self.session.apply(added=[after], removed=[before])

    def undo(self) -> None:
        before, after = self._update(self.span_id, self.previous)
        self.session.apply(added=[after], removed=[before])


class AcceptSuggestion(_StoreCommand):
    def __init__(self, session, suggestion: Span | None, label: str | None = None, text: str = "Accept suggestion"):
        super().__init__(session, text)
        self.original = suggestion
        self.suggestion = suggestion if label is None or suggestion is None or label == suggestion.label \
            else replace(suggestion, label=label)
        self.span: Span | None = None

    def redo(self) -> None:
        if self._replayed():
            return

        def run():
            if self.span is None:
                self.span = self._answer(self.suggestion, True)
            else:
                self._add(self.span, "suggestion.accept")
        if self._guard(run):
            self.session.apply(added=[self.span], removed=self._answered())
            self._start_document()

    def _answered(self) -> list[Span]:
        # The store counts a suggestion answered by a row of the same start, end and label: one accepted
        # under another label stays open (as a reload would show it). A command rebuilt from the log has
        # no suggestion object: Session.apply asks the store which suggestions the change re-opens.
        if self.original is None:
            return []
        return [self.original] if self.span.key == self.original.key else []

    def undo(self) -> None:
        # The suggestion row was never touched: without this annotator's answer it is open again.
        self._remove(self.span)
        self.session.apply(added=self._answered(), removed=[self.span])
        self._unstart_document()


class RejectSuggestion(AcceptSuggestion):
    def __init__(self, session, suggestion: Span | None, text: str = "Reject suggestion"):
        super().__init__(session, suggestion, None, text)

    def redo(self) -> None:
        if self._replayed():
            return

        def run():
            if self.span is None:
                self.span = self._answer(self.suggestion, False)
            else:
                self._add(self.span, "suggestion.reject")
        if self._guard(run):
            self.session.apply(added=[self.span], removed=self._answered())  # a rejection is not shown


class SetStatus(_StoreCommand):
    """Mark a document done (Ctrl+D) or back in progress: an undoable step with its event."""

    def __init__(self, session, status: str, text: str = "Set status", *, before: str | None = None):
        super().__init__(session, text)
        self.doc_id, self.before, self.after = session.doc_id, before or session.status, status

    def _set(self, status: str) -> None:
        self._set_status(self.doc_id, status)
        self.session.note_status(self.doc_id, status)

    def redo(self) -> None:
        if not self._replayed():
            self._set(self.after)

    def undo(self) -> None:
        self._set(self.before)


class RenameDocument(_StoreCommand):
    """A document's title, changed by hand: an undo step with its event (the title is every
    annotator's, so the event names who changed it)."""

    def __init__(self, session, doc_id: int, title: str, text: str = "Rename document", *, before: str | None = None):
        super().__init__(session, text)
        self.doc_id, self.title, self.before = doc_id, title, before

    def _rename(self, title: str, expect: str | None = None) -> str:
        from annotator.storage.gui_queries import rename_document  # noqa: PLC0415

        if self._team is None:
            old = rename_document(self.session.project, self.doc_id, title, annotator=self.session.annotator)
        else:  # a team project: through the outbox, the title its editor saw named (a rename meanwhile conflicts)
            old = expect if expect is not None else doc_store.get_document(self.session.project, self.doc_id)["title"]
            self._said(self._team.rename_document(self.doc_id, title, old, self.session.annotator))
        self.session.note_title(self.doc_id, title)
        return old

    def redo(self) -> None:
        if self._replayed():
            return
        result = []
        if self._guard(lambda: result.append(self._rename(self.title, self.before))) and self.before is None:
            self.before = result[0]

    def undo(self) -> None:
        self._rename(self.before, " ".join(self.title.split()))


class OutlineEdit(_StoreCommand):
    """A structure correction: stored as an edit replayed over every re-parse (structure/corrections.py)."""

    def __init__(self, session, op: str, anchor: int, payload: dict[str, Any] | None = None,
                 text: str = "Correct outline"):
        super().__init__(session, text)
        self.doc_id = session.doc_id
        self.op, self.anchor, self.payload = op, anchor, payload or {}
        self.edit_id: int | None = None

    def redo(self) -> None:
        if self._replayed():
            return

        def run():
            if self._team is not None:  # the correction and the outline it gives, as one operation
                self.shown = list(self.session.sections)
                self.queued, sections, where = self._team.outline_edit(
                    self.doc_id, {"op": self.op, "anchor": self.anchor, "payload": self.payload},
                    self.session.text, self.shown, self.session.annotator)
                self._said(where)
                self.session.show_outline(self.doc_id, sections)
                return
            self.edit_id = section_store.add_edit(self.session.project, self.doc_id, self.op, self.anchor,
                                                  self.payload, self.session.annotator)
            self._store_outline()
        self._guard(run)

    def undo(self) -> None:
        if self._team is not None and getattr(self, "queued", None):
            self._said(self._team.outline_undo(self.doc_id, self.queued, self.shown, self.session.annotator))
            self.session.show_outline(self.doc_id, self.shown)
            return
        section_store.remove_edit(self.session.project, self.edit_id, self.session.annotator)
        self._store_outline()

    def _store_outline(self) -> None:
        # The stored outline follows the corrections (parse + replay, one transaction with its event); the
        # session is only told the result.
        from annotator.services.annotating import reparse_with_corrections  # noqa: PLC0415

        session = self.session
        sections = reparse_with_corrections(session.project, self.doc_id, session.text, session.annotator)
        session.show_outline(self.doc_id, sections)


class AddComment(_StoreCommand):
    """A note on the document or on one span (storage/comments.py), for the adjudicator."""

    def __init__(self, session, body: str, span: Span | None = None, text: str = "Add note"):
        super().__init__(session, text)
        self.doc_id, self.body, self.span_id = session.doc_id, body, span.id if span else None
        self.comment = None

    def redo(self) -> None:
        from annotator.storage import comments  # noqa: PLC0415

        if self._replayed():
            return

        def run():
            if self._team is not None:  # a team project: through the outbox (services/team_edits.py)
                first = self.comment is None
                if first:
                    self.comment = self._team.new_comment(self.doc_id, self.body, self.session.annotator, self.span_id)
                self._said(self._team.add_comment(self.comment, action="comment.add" if first else "comment.restore"))
            elif self.comment is None:
                self.comment = comments.add_comment(self.session.project, self.doc_id, self.body,
                                                    self.session.annotator, self.span_id)
            else:
                comments.restore(self.session.project, self.comment)
        if self._guard(run):
            self.session.note_comments(self.doc_id)

    def undo(self) -> None:
        from annotator.storage import comments  # noqa: PLC0415

        if self._team is not None:
            self._said(self._team.remove_comment(self.comment, self.session.annotator))
        else:
            comments.remove_comment(self.session.project, self.comment.id, by=self.session.annotator)
        self.session.note_comments(self.doc_id)


class SetGuidelines(_StoreCommand):
    """Replace the project's guidelines (Markdown); undo puts the previous text back."""

    def __init__(self, session, markdown: str, text: str = "Set guidelines"):
        super().__init__(session, text)
        self.markdown, self.before = markdown, None

    def redo(self) -> None:
        if self._replayed():  # rebuilt from the log after a restart (gui/history.py): stored already
            return
        result = []
        if self._guard(lambda: result.append(self._set(self.markdown, self.before))):
            self.before = result[0] if self.before is None else self.before
            self.session.note_guidelines()

    def _set(self, markdown: str, expect: str | None) -> str:
        from annotator.storage import comments  # noqa: PLC0415

        if self._team is None:
            return comments.set_guidelines(self.session.project, markdown, by=self.session.annotator)
        old = expect if expect is not None else comments.get_guidelines(self.session.project)
        self._said(self._team.set_guidelines(markdown, old, self.session.annotator))
        return old

    def undo(self) -> None:
        self._set(self.before or "", self.markdown)
        self.session.note_guidelines()
