"""Undo commands of adjudication: each redo()/undo() calls one function that writes the gold layer,
then asks the window to reload the document it belongs to.

Gold rows are committed by the call itself; the undo stack only makes decisions cheap to take back.
A first redo the store refuses (gold already has that span) marks the command obsolete, so
QUndoStack.push drops it rather than recording a decision that never happened.
"""

from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import QCoreApplication

from annotator.services import agreement as review_store
from annotator.services.agreement import Disagreement
from annotator.domain.model import Span
from annotator.gui.safety import SafeCommand, describe
from annotator.storage.project import ProjectError


class _ReviewCommand(SafeCommand):
    """Any unexpected exception (see safety.py): tell the adjudicator and re-read the document."""

    def recover(self, exc: BaseException, phase: str) -> None:
        self.window.show_message(QCoreApplication.translate("ReviewWindow", "{0} failed: {1}").format(self.text(), describe(exc)))
        self.window.reload_document(self.doc_id)


class ResolveCommand(_ReviewCommand):
    """One decision, or several taken together ("accept all of X in this section")."""

    def __init__(self, window, doc_id: int, plan: Sequence[tuple[Disagreement, str, dict[str, Any]]], text: str):
        super().__init__(text)
        self.window, self.doc_id, self.plan = window, doc_id, list(plan)
        self.rows: list[Span] | None = None

    def redo(self) -> None:
        try:
            if self.rows is None:
                self.rows = review_store.resolve_many(self.window.project, self.plan, self.window.adjudicator)
            else:
                review_store.restore_gold(self.window.project, self.rows)
        except (ValueError, KeyError, ProjectError) as exc:
            self.setObsolete(True)
            self.window.show_message(str(exc))
        self.window.reload_document(self.doc_id)

    def undo(self) -> None:
        review_store.remove_gold(self.window.project, self.rows or [], by=self.window.adjudicator)
        self.window.reload_document(self.doc_id)
        # Back on the disagreement the decision was about: the list had moved on to the next open one,
        # and Ctrl+Z left the adjudicator there, the undone row somewhere above (session 8).
        first = next((d for d, _action, _options in self.plan if d is not None), None)
        if first is not None:
            self.window.select_disagreement(first)


class ReopenCommand(_ReviewCommand):
    """Take back a decision made earlier (possibly in another session): its gold rows are removed."""

    def __init__(self, window, doc_id: int, rows: Sequence[Span], text: str):
        super().__init__(text)
        self.window, self.doc_id, self.rows = window, doc_id, list(rows)

    def redo(self) -> None:
        try:
            review_store.remove_gold(self.window.project, self.rows, by=self.window.adjudicator)
        except (ValueError, KeyError, ProjectError) as exc:
            self.setObsolete(True)
            self.window.show_message(str(exc))
        self.window.reload_document(self.doc_id)

    def undo(self) -> None:
        review_store.restore_gold(self.window.project, self.rows)
        self.window.reload_document(self.doc_id)


class PremergeCommand(_ReviewCommand):
    """Write the spans every chosen annotator made identically as gold: asked for by the adjudicator
    (M), never done by opening the window. Undo removes exactly the rows this pre-merge added."""

    def __init__(self, window, doc_id: int, annotators: Sequence[str], text: str):
        super().__init__(text)
        self.window, self.doc_id, self.annotators = window, doc_id, list(annotators)
        self.rows: list[Span] | None = None

    def redo(self) -> None:
        project = self.window.project
        if self.rows is None:
            self.rows = review_store.premerge(project, self.doc_id, self.annotators, self.window.adjudicator)
            if not self.rows:
                self.setObsolete(True)  # everything agreed was already gold: no undo step
                self.window.show_message(QCoreApplication.translate("ReviewWindow", "Every agreed span is already in gold."))
        else:
            review_store.restore_gold(project, self.rows)
        self.window.reload_document(self.doc_id)

    def undo(self) -> None:
        review_store.remove_gold(self.window.project, self.rows or [], by=self.window.adjudicator)
        self.window.reload_document(self.doc_id)
