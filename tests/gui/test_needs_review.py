"""Spans flagged by a re-import (provenance "needs_review") are shown with their reason; F4 goes to the
next one, Shift+F4 marks it checked (an undo command)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.domain.model import Span
from annotator.storage import open_project
from annotator.storage import spans as span_store
from annotator.storage.reanchor import needs_review

REASON = "its text was edited"


def _flag(path):
    with open_project(path) as project:
        from annotator.storage import documents

        text = documents.clean_text(project, 1)
        ids = []
        for needle in ("要", "会"):
            start = text.index(needle)
            span = span_store.add_span(project, Span(start=start, end=start + 4, label="directive", annotator="张三",
                                                     status="accepted", document_id=1))
            span_store.update_span(project, span.id, provenance={"needs_review": REASON,
                                                                 "reanchor": {"old_text": "旧的文字"}})
            ids.append(span.id)
        return sorted(ids, key=lambda i: span_store.get_span(project, i).start)


def test_flagged_spans_are_shown_visited_and_cleared(make_window, project_path, qtbot):
    first, second = _flag(project_path)
    window = make_window(project_path)
    from annotator.gui.models.span_table import SpanTableModel

    model = window.findChildren(SpanTableModel)[0]
    row = model.row_of(first)
    assert model.data(model.index(row, 3)) == "needs review"
    tip = model.data(model.index(row, 1), Qt.ItemDataRole.ToolTipRole)
    assert REASON in tip and "旧的文字" in tip

    view = window.view
    view.setFocus()
    view.move_to(0)
    qtbot.keyClick(view, Qt.Key.Key_F4)
    assert window.controller.current.id == first
    assert REASON in window.statusBar().currentMessage()
    qtbot.keyClick(view, Qt.Key.Key_F4, Qt.KeyboardModifier.ShiftModifier)
    project = window.session.project
    assert [s.id for s in needs_review(project, 1)] == [second]
    qtbot.keyClick(view, Qt.Key.Key_F4)
    assert window.controller.current.id == second
    window.controller.undo_group.activeStack().undo()
    assert sorted(s.id for s in needs_review(project, 1)) == sorted([first, second])
