"""Keyboard decisions of the review window: each builds a plan of resolutions and pushes it as one
undo command (commands.py); the window reloads from the store afterwards.

A mixin so the window module stays about layout and loading; it relies on the window's ``project``,
``doc_id``, ``items``, ``model``, ``table``, ``view``, ``labels`` and ``undo_stack``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMenu

from annotator.services import agreement as review_store
from annotator.gui.review.commands import PremergeCommand, ReopenCommand, ResolveCommand


class Decisions:
    def _decide(self, plan: list, text: str) -> None:
        if self.project.readonly:
            self.show_message(self.tr("The project is read-only: decisions cannot be saved."))
            return
        if not plan:
            self.show_message(self.tr("Nothing to decide here."))
            return
        row = self.table.selectionModel().currentIndex().row()
        self.undo_stack.push(ResolveCommand(self, self.doc_id, plan, text))
        after = next((r for r in range(max(row, 0), len(self.model.items)) if self.model.items[r].is_open), None)
        if after is None:
            after = next((r for r, item in enumerate(self.model.items) if item.is_open), None)
        if after is not None:
            self.select_row(after)

    def premerge(self) -> None:
        """Agreed spans of the chosen annotators → gold, as one undoable step."""
        if self.project.readonly:
            self.show_message(self.tr("The project is read-only: decisions cannot be saved."))
            return
        if self.doc_id is None or len(self.annotators) < 2:
            self.show_message(self.tr("Pre-merge needs spans from at least two annotators."))
            return
        self.undo_stack.push(PremergeCommand(self, self.doc_id, self.annotators, self.tr("Pre-merge agreed spans")))

    def _open_current(self):
        item = self.current_item()
        if item is None or not item.is_open:
            self.show_message(self.tr("Choose an open disagreement first (N / P)."))
            return None
        return item

    def take(self, side: str) -> None:
        if len(self.annotators) > 2:
            # With three or more, a disagreement's a/b are its first two spans, whoever made them: A and
            # B take the first and second annotator's, as the list's columns 1 and 2 say.
            self.take_annotator(self.annotators[0 if side == "a" else 1])
            return
        item = self._open_current()
        if item is None:
            return
        span = item.disagreement.a if side == "a" else item.disagreement.b
        if span is None:
            self.show_message(self.tr("{0} has no span here.").format(side.upper()))
            return
        self._decide([(item.disagreement, "take", {"span": span})], self.tr("Take {0}").format(side.upper()))

    def take_annotator(self, name: str) -> None:
        item = self._open_current()
        if item is None:
            return
        span = item.span_of(name)
        if span is None:
            self.show_message(self.tr("{0} has no span here.").format(name))
            return
        self._decide([(item.disagreement, "take", {"span": span})], self.tr("Take {0}").format(name))

    def edit_from_selection(self) -> None:
        item = self._open_current()
        if item is None:
            return
        start, end = self.view.selection()
        if end <= start:
            self.show_message(self.tr("Select the gold extent in the text first, then press E."))
            return
        self._decide([(item.disagreement, "edit", {"start": start, "end": end})], self.tr("Edit boundaries"))

    def relabel(self) -> None:
        item = self._open_current()
        if item is None:
            return
        d = item.disagreement
        base = "a" if d.a is not None else "b"
        current = (d.a or d.b).label
        self._choose_label(current, lambda label: self._decide(
            [(d, "relabel", {"label": label, "base": base})], self.tr("Relabel")))

    def reject(self) -> None:
        item = self._open_current()
        if item is not None:
            self._decide([(item.disagreement, "reject", {})], self.tr("Reject"))

    def add_from_selection(self) -> None:
        start, end = self.view.selection()
        if end <= start or self.doc_id is None:
            self.show_message(self.tr("Select the text of the new gold span first, then press G."))
            return
        self._choose_label(None, lambda label: self._decide(
            [(None, "add", {"document_id": self.doc_id, "start": start, "end": end, "label": label})],
            self.tr("Add gold span")))

    def bulk(self, annotator: str, *, accept: bool) -> None:
        current = self.current_item()
        section = current.section if current is not None else None
        plan = review_store.bulk_plan(self.items, annotator, section, accept=accept, sections=self.sections)
        text = (self.tr("Accept all of {0} in section") if accept else self.tr("Reject {0}'s extra spans in section"))
        self._decide(plan, text.format(annotator))

    def reopen(self) -> None:
        item = self.current_item()
        if item is None or item.is_open:
            return
        self.undo_stack.push(ReopenCommand(self, self.doc_id, item.resolution, self.tr("Reopen")))

    def _choose_label(self, current: str | None, then) -> None:
        """A small popup of labels (non-blocking); the first label other than ``current`` is active,
        so L then Enter switches between two labels."""
        menu = QMenu(self)
        menu.setObjectName("labelMenu")
        first = None
        for label in self.labels:
            prefix = f"&{label.hotkey} " if label.hotkey else ""
            action = menu.addAction(prefix + label.title(self.language))
            action.triggered.connect(lambda _c=False, n=label.name: then(n))
            if first is None and label.name != current:
                first = action
        self._menu = menu
        rect = self.view.cursorRect()
        menu.popup(self.view.viewport().mapToGlobal(rect.bottomLeft()))
        if first is not None:
            menu.setActiveAction(first)

