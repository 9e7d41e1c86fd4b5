"""An exception inside a Qt-called Python override must never crash the process (safety.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.storage import spans as span_store
from annotator.storage.project import ProjectError


def _tag_first_clause(window, qtbot):
    view = window.view
    view.setFocus()
    text = window.session.text
    start = text.index("要")
    view.select_range(start, start + 6)
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert window.session.spans, "tagging stored a span"
    qtbot.waitUntil(lambda: not window.deferred.pending())  # the table shows it on the next loop turn


def test_exception_in_undo_shows_message_and_resyncs(make_window, project_path, qtbot, monkeypatch):
    window = make_window(project_path)
    _tag_first_clause(window, qtbot)
    stored = span_store.list_spans(window.session.project, window.session.doc_id,
                                   annotators=[window.session.annotator], statuses=["accepted"])

    def broken(*args, **kwargs):
        raise ProjectError("project.db", "row 7 of spans is damaged (unreadable JSON)")

    monkeypatch.setattr(span_store, "remove_span", broken)
    messages = []
    window.session.message.connect(messages.append)
    window.controller.undo_group.activeStack().undo()  # would segfault if the exception reached shiboken
    assert any("damaged" in m for m in messages), messages
    assert "damaged" in window.statusBar().currentMessage()
    # The session shows what the store holds (the span was not removed), and the broken command is gone.
    assert [s.id for s in window.session.spans] == [s.id for s in stored]
    assert window.controller.undo_group.activeStack().count() == 0


def test_exception_in_redo_and_in_resync_never_raises(make_window, project_path, qtbot, monkeypatch):
    window = make_window(project_path)
    _tag_first_clause(window, qtbot)
    window.controller.undo_group.activeStack().undo()
    assert not window.session.spans

    def broken(*args, **kwargs):
        raise RuntimeError("disk vanished")

    monkeypatch.setattr(span_store, "add_span", broken)
    monkeypatch.setattr(span_store, "list_spans", broken)  # the re-read fails too
    messages = []
    window.session.message.connect(messages.append)
    window.controller.undo_group.activeStack().redo()
    assert any("disk vanished" in m for m in messages), messages
    assert window.isVisible()


def test_model_data_returns_nothing_on_bad_data(make_window, project_path, qtbot):
    window = make_window(project_path)
    _tag_first_clause(window, qtbot)
    from annotator.gui.models.span_table import SpanTableModel

    table = window.findChildren(SpanTableModel)[0]
    # Corrupt one row the model shows: data() must answer None instead of raising into Qt.
    table.rows[0] = object()
    assert table.data(table.index(0, 0)) is None
    assert table.data(table.index(0, 1)) is None
