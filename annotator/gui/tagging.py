"""What the tagging keys do, kept out of the main window (which only wires actions to these methods).

Every change goes through an undo command on the current document's stack (one QUndoStack per
document, in a QUndoGroup, so Ctrl+Z never undoes something in a document you are not looking at).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoGroup, QUndoStack

from annotator.domain.model import Span
from annotator.domain.selection import snap, unit_at
from annotator.gui import commands
from annotator.gui.review_reasons import review_reason_text
from annotator.services.suggesting import statistic_attributes
from annotator.storage import spans as span_store
from annotator.storage.errors import ProjectError


def _step(items: list[Span], pos: int, backwards: bool, shown) -> Span | None:
    """The next (previous) item after (before) ``pos`` in text order, round the end; with ``shown``, the
    next one it accepts (the text shows one label only, or no suggestions: Tab skips what is hidden)."""
    # The open suggestions are kept in text order (session.py): bisect, not a scan of 400 per key.
    i = bisect_left(items, pos, key=lambda s: s.start) - 1 if backwards else bisect_right(items, pos, key=lambda s: s.start)
    for k in range(len(items)):
        target = items[(i - k if backwards else i + k) % len(items)]
        if shown is None or shown(target):
            return target
    return None


def _new_span(session, start: int, end: int, label: str) -> Span:
    """A span tagged by hand. A statistic gets the normalised value a suggested one carries (number,
    unit, scale, bound, period…), so exports do not depend on how the span came to be."""
    attributes = statistic_attributes(session.text, start, end) if label == "statistic" else {}
    return Span(document_id=session.doc_id, start=start, end=end, label=label, annotator=session.annotator,
                attributes=attributes)


class TaggingController(QObject):
    currentSpanChanged = Signal(object)  # Span | None

    def __init__(self, session, view, parent=None):
        super().__init__(parent)
        self.session = session
        self.view = view
        self.undo_group = QUndoGroup(self)
        self._stacks: dict[int, QUndoStack] = {}
        self.snap_mode = "trim"
        self.current: Span | None = None
        self.shown = None  # the span panel's filter of what the text shows (window_spans.SpanPanel.shows)
        session.documentOpened.connect(self._on_document)
        session.spansChanged.connect(self._refresh_current)
        session.spansEdited.connect(lambda _added, _removed: self._refresh_current(None))
        view.cursorMovedTo.connect(self._on_cursor)

    # -- undo stacks -------------------------------------------------------------------------------
    def _on_document(self, doc_id: int) -> None:
        stack = self._stacks.get(doc_id)
        if stack is None:
            stack = self._stacks[doc_id] = QUndoStack(self.undo_group)
        self.undo_group.setActiveStack(stack)
        self.set_current(None)

    def push(self, command) -> None:
        stack = self.undo_group.activeStack()
        if stack is not None and not self.session.project.readonly:
            stack.push(command)
        elif self.session.project.readonly:
            self.session.message.emit(self.tr("This project is open read-only; nothing can be changed."))

    # -- current span -------------------------------------------------------------------------------
    def set_current(self, span: Span | None) -> None:
        if span is not None and span is self.current:
            return  # the same span again (a key moves the cursor, then names its target): nothing to redo
        self.current = span
        label = self.session.label(span.label) if span is not None else None
        self.view.mark_current((span.start, span.end) if span else None, label.colour if label else "#ffd54f",
                               suggested=span is not None and span.status == "suggested")
        self.currentSpanChanged.emit(span)

    def _on_cursor(self, pos: int) -> None:
        start, end = self.view.selection()
        if start != end:
            return
        shown = self.shown or (lambda _s: True)  # what the text shows is what a click can mean
        here = ([s for s in self.session.spans_at(pos) if shown(s)]
                or [s for s in self.session.suggestions_at(pos) if shown(s)])
        if here:
            # The innermost (shortest) span under the cursor is the one a click means.
            self.set_current(min(here, key=lambda s: (s.end - s.start, s.status != "accepted")))
        elif self.current is not None:
            self.set_current(None)

    def _refresh_current(self, _doc_id) -> None:
        if self.current is not None:
            # the same span (same id) after an edit is a new object: show its new values
            self.set_current(self.session.find_span(self.current.id))

    # -- tagging -------------------------------------------------------------------------------------
    def tag(self, label: str) -> None:
        """The label hotkey: tag the selection; with no selection, relabel or accept what is under the cursor."""
        if self.session.doc_id is None:
            return
        start, end = self.view.selection()
        if start == end:
            target = self.current
            if target is None:
                self.session.message.emit(self.tr("Select some text first"))
            elif target.status == "suggested":
                self.push(commands.AcceptSuggestion(self.session, target, label, self.tr("Accept suggestion")))
            elif target.label != label:
                self.push(commands.UpdateSpan(self.session, target, {"label": label}, self.tr("Change label")))
            return
        start, end = snap(self.session.text, start, end, self.snap_mode)
        if start >= end:
            self.session.message.emit(self.tr("Nothing to tag in the selection (only spaces or punctuation)"))
            return
        span = _new_span(self.session, start, end, label)
        if _already_tagged(self.session, span):
            self.session.message.emit(self.tr("This exact span is already tagged"))
            return
        command = commands.AddSpan(self.session, span, self.tr("Tag span"))
        self.push(command)
        self.view.select_range(end, end, scroll=False)
        stored = self.session.find_span(command.span.id) if command.span.id else None
        if stored is not None:
            # The new span is the current one: selected in the span panel, F2 edits its attributes.
            self.set_current(stored)

    def tag_unit(self, mode: str, label: str | None = None) -> None:
        """Shift+1 / Shift+2: tag the clause / sentence under the cursor (no selection needed) with
        ``label`` — by default the first label, the one for directives in the default scheme."""
        if self.session.doc_id is None or not self.session.labels:
            return
        start, end = unit_at(self.session.text, self.view.cursor_position(), mode)
        if start >= end:
            self.session.message.emit(self.tr("No clause or sentence under the cursor"))
            return
        self.view.select_range(start, end, scroll=False)
        previous, self.snap_mode = self.snap_mode, "trim"
        try:
            self.tag(label or self.session.labels[0].name)
        finally:
            self.snap_mode = previous

    def delete_current(self) -> None:
        if self.current is None:
            return
        if self.current.status == "suggested":
            self.reject_current()
            return
        self.push(commands.RemoveSpan(self.session, self.current, self.tr("Remove span")))
        self.set_current(None)

    def update_attributes(self, span: Span, attributes: dict) -> None:
        if span.status == "suggested" or attributes == span.attributes:
            return
        self.push(commands.UpdateSpan(self.session, span, {"attributes": attributes}, self.tr("Edit attributes")))

    # -- suggestions ---------------------------------------------------------------------------------
    def _suggestion_here(self) -> Span | None:
        if self.current is not None and self.current.status == "suggested":
            return self.current
        here = self.session.suggestions_at(self.view.cursor_position())
        return here[0] if here else None

    def accept_current(self) -> None:
        suggestion = self._suggestion_here()
        if suggestion is None:
            self.session.message.emit(self.tr("No suggestion under the cursor"))
            return
        self.push(commands.AcceptSuggestion(self.session, suggestion, None, self.tr("Accept suggestion")))
        self.next_suggestion()

    def reject_current(self) -> None:
        suggestion = self._suggestion_here()
        if suggestion is None:
            self.session.message.emit(self.tr("No suggestion under the cursor"))
            return
        self.push(commands.RejectSuggestion(self.session, suggestion, self.tr("Reject suggestion")))
        self.next_suggestion()

    def next_suggestion(self, backwards: bool = False) -> None:
        target = _step(self.session.suggestions, self.view.cursor_position(), backwards, self.shown)
        if target is None:
            self.session.message.emit(self.tr("No open suggestions in this document") if not self.session.suggestions
                                      else self.tr("The open suggestions are hidden by the span panel's filters"))
            self.set_current(None)
            return
        self.view.move_to(target.start, only_if_hidden=True)  # the text stays put when it is on screen
        self.set_current(target)

    def resolve_section(self, accept: bool) -> None:
        """Accept or reject every open suggestion in the section under the cursor (one undo step)."""
        from annotator.structure.corrections import innermost_at  # noqa: PLC0415

        index = innermost_at(self.session.sections, self.view.cursor_position())
        if index is None:
            lo, hi = 0, len(self.session.text)
        else:
            lo, hi = self.session.sections[index].start, self.session.sections[index].end
        targets = [s for s in self.session.suggestions if lo <= s.start < hi]
        if not targets:
            self.session.message.emit(self.tr("No open suggestions in this section"))
            return
        stack = self.undo_group.activeStack()
        if stack is None or self.session.project.readonly:  # the same guard as push()
            self.session.message.emit(self.tr("This project is open read-only; nothing can be changed."))
            return
        title = self.tr("Accept all in section") if accept else self.tr("Reject all in section")
        stack.beginMacro(title)
        for suggestion in targets:
            stack.push(commands.AcceptSuggestion(self.session, suggestion) if accept
                       else commands.RejectSuggestion(self.session, suggestion))
        stack.endMacro()

    # -- spans flagged by a re-import (storage/reanchor.py) ---------------------------------------------
    def flagged(self) -> list[Span]:
        return [s for s in self.session.spans if "needs_review" in (s.provenance or {})]

    def next_flagged(self) -> None:
        """F4: the next span a text replacement could not place for sure, with its reason."""
        flagged = self.flagged()
        if not flagged:
            self.session.message.emit(self.tr("No span needs review in this document."))
            return
        pos = self.view.cursor_position()
        target = next((s for s in flagged if s.start > pos), flagged[0])  # after the cursor, then wrap
        self.view.select_range(target.start, target.end)
        self.set_current(target)
        self.session.message.emit(self.tr("Needs review: {0} — Shift+F4 marks it checked").format(
            review_reason_text(target.provenance["needs_review"])))

    def clear_flag(self) -> None:
        """Shift+F4: the current flagged span was checked (fix its boundaries first if needed)."""
        span = self.current
        if span is None or "needs_review" not in (span.provenance or {}):
            self.session.message.emit(self.tr("The span under the cursor is not flagged for review."))
            return
        provenance = {k: v for k, v in span.provenance.items() if k != "needs_review"}
        self.push(commands.UpdateSpan(self.session, span, {"provenance": provenance}, self.tr("Mark checked")))

    # -- notes ---------------------------------------------------------------------------------------
    def add_note(self, body: str | None = None) -> None:
        """A note on the current span (the one under the cursor), else on the document (Ctrl+M)."""
        if self.session.doc_id is None:
            return
        span = self.current
        if body is None:
            from annotator.gui.dialogs.note_input import get_note  # noqa: PLC0415

            where = self.tr("this span") if span else self.tr("this document")
            body, ok = get_note(self.view, self.tr("Note"), self.tr("A note on {0}, for the adjudicator:").format(where))
            if not ok:
                return
        if not body.strip():
            self.session.message.emit(self.tr("An empty note is not saved."))
            return
        self.push(commands.AddComment(self.session, body, span, self.tr("Add note")))
        self.session.message.emit(self.tr("Note saved (Ctrl+Z takes it back)."))

    # -- structure corrections ----------------------------------------------------------------------
    def _section_under_cursor(self) -> int | None:
        from annotator.structure.corrections import innermost_at  # noqa: PLC0415

        return innermost_at(self.session.sections, self.view.cursor_position())

    def add_heading(self) -> None:
        """The selection (or the current line) becomes a heading; its marker is recognised if present."""
        text = self.session.text
        start, end = self.view.selection()
        if start == end:
            start = text.rfind("\n", 0, start) + 1
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
        start, end = snap(text, start, end, "trim")
        if start >= end:
            return
        # One marker grammar: the outline parser's registry (structure/markers.py), every family. Imported
        # here: compiling its patterns is not needed to show the first window (issue 19, cold start).
        from annotator.structure.markers import match_marker  # noqa: PLC0415

        match = match_marker(text[start:end])
        if match is not None:
            # The title starts after the spaces that follow the marker (第三章 总则): they go with the marker.
            start, marker_end = start + match.start, start + match.title_start
        else:
            marker_end = start
        parent = self._section_under_cursor()
        level = (self.session.sections[parent].level + 1) if parent is not None else 1
        self.push(commands.OutlineEdit(self.session, "add", start,
                                       {"marker_end": marker_end, "title_end": end, "level": level},
                                       self.tr("Add heading")))

    def remove_heading(self) -> None:
        index = self._section_under_cursor()
        if index is None:
            return
        self.push(commands.OutlineEdit(self.session, "remove", self.session.sections[index].start, {},
                                       self.tr("Remove heading")))

    def _outline_edit_changes(self, op: str, anchor: int, payload: dict) -> bool:
        """Would this correction change the outline? (Demoting a first child changes nothing: the tree
        cannot go two levels deeper than the parent.) Such an edit is not stored and adds no undo step."""
        from annotator.structure.corrections import apply_edits  # noqa: PLC0415

        def shape(sections):
            return [(s.start, s.level, s.title_end, s.marker) for s in sections]

        current = self.session.sections
        after = apply_edits(self.session.text, current, [{"op": op, "anchor": anchor, "payload": payload}])
        return shape(after) != shape(current)

    def shift_heading(self, delta: int) -> None:
        index = self._section_under_cursor()
        if index is None:
            return
        if not self._outline_edit_changes("shift", self.session.sections[index].start, {"delta": delta}):
            self.session.message.emit(self.tr("This heading cannot move that way (no previous heading at its level)")
                                      if delta > 0 else self.tr("This heading is already at the top level"))
            return
        self.push(commands.OutlineEdit(self.session, "shift", self.session.sections[index].start, {"delta": delta},
                                       self.tr("Promote heading") if delta < 0 else self.tr("Demote heading")))

    def set_title_end(self) -> None:
        index = self._section_under_cursor()
        if index is None:
            return
        section = self.session.sections[index]
        pos = self.view.cursor_position()
        if not section.title_start <= pos <= section.end:
            return
        self.push(commands.OutlineEdit(self.session, "title_end", section.start, {"title_end": pos},
                                       self.tr("Set title end")))


def _already_tagged(session, span) -> bool:
    try:
        return bool(span_store.find_identical(session.project, span))
    except ProjectError:
        # A team server out of reach (issue 16): the key must still tag — the edit waits in the outbox,
        # whose delivery the store's own duplicate check guards — so ask the spans this window holds.
        return any((s.start, s.end, s.label, s.annotator) == (span.start, span.end, span.label, span.annotator)
                   for s in session.spans)
