"""Notes on spans and documents (storage/comments.py, Ctrl+M), undoable, seen in the review window."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt

from annotator.storage import comments, open_project
from annotator.storage import spans as span_store


def test_storage_round_trip_and_events(project_path):
    with open_project(project_path) as project:
        note = comments.add_comment(project, 1, "  这句是部署还是表态？ ", "张三")
        assert note.body == "这句是部署还是表态？"
        assert comments.list_comments(project, 1) == [note]
        with pytest.raises(ValueError):
            comments.add_comment(project, 1, "   ", "张三")
        with pytest.raises(KeyError):
            comments.add_comment(project, 999, "x", "张三")
        comments.remove_comment(project, note.id, by="张三")
        assert comments.list_comments(project, 1) == []
        comments.restore(project, note)
        assert comments.list_comments(project, 1) == [note]
    with sqlite3.connect(project_path) as conn:
        actions = [r[0] for r in conn.execute("SELECT action FROM events WHERE entity = 'comment' ORDER BY id")]
    assert actions == ["comment.add", "comment.remove", "comment.restore"]


def test_note_on_a_span_by_keyboard_is_undoable_and_reaches_the_review(make_window, project_path, qtbot):
    window = make_window(project_path)
    view = window.view
    view.setFocus()
    text = window.session.text
    start = text.index("要")
    view.select_range(start, start + 6)
    qtbot.keyClick(view, Qt.Key.Key_1)
    span = window.session.spans[0]
    window.controller.set_current(span)
    window.controller.add_note("边界待定")
    notes = window.session.comments()
    assert [(n.body, n.span_id) for n in notes] == [("边界待定", span.id)]
    stack = window.controller.undo_group.activeStack()
    stack.undo()
    assert window.session.comments() == []
    stack.redo()
    assert [n.id for n in window.session.comments()] == [notes[0].id]
    window.controller.set_current(None)
    window.controller.add_note("整篇的说明")
    assert any(n.span_id is None for n in window.session.comments())

    # A second annotator, so the review window has something to show.
    project = window.session.project
    other = span_store.list_spans(project, 1, annotators=["张三"])[0]
    from dataclasses import replace

    from annotator.storage.labels import ensure_annotator

    ensure_annotator(project, "李四")
    span_store.add_span(project, replace(other, id=None, annotator="李四", end=other.end + 1))
    from annotator.gui.review import ReviewWindow

    review = ReviewWindow(project, "王五", doc_id=1)
    qtbot.addWidget(review)
    texts = [review.notes.item(i).text() for i in range(review.notes.count())]
    assert any("边界待定" in t and "张三" in t for t in texts) and any("整篇的说明" in t for t in texts)
    row = next(i for i, item in enumerate(review.model.items) if any(s.id == span.id for s in item.disagreement.spans))
    review.select_row(row)
    assert "边界待定" in review.detail.text()
    review.close()
