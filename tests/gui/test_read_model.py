"""Issue 15 point 3 in the GUI: the Session only reads; every change is an undo command with an event."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt

from annotator.storage import documents


def _events(path, action):
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM events WHERE action = ?", [action]).fetchone()[0]


def _status(window):
    s = window.session
    return documents.get_status(s.project, s.doc_id, s.annotator)


def test_reload_writes_nothing(make_window, project_path):
    window = make_window(project_path)
    before = _events(project_path, "document.status")
    window.session.reload_spans()
    window.session.resync()
    assert _events(project_path, "document.status") == before


def test_first_tag_starts_the_document_and_undo_takes_it_back(make_window, project_path, qtbot):
    window = make_window(project_path)
    assert _status(window) == "not_started"
    view = window.view
    view.setFocus()
    start = window.session.text.index("要")
    view.select_range(start, start + 6)
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert _status(window) == "in_progress" and window.session.status == "in_progress"
    window.controller.undo_group.activeStack().undo()
    assert _status(window) == "not_started" and not window.session.spans
    window.session.reload_spans()  # a reload after the undo does not set it again
    assert _status(window) == "not_started"


def test_done_is_undoable_with_an_event(make_window, project_path, qtbot):
    window = make_window(project_path)
    window.view.setFocus()
    before = _events(project_path, "document.status")
    qtbot.keyClick(window.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert _status(window) == "done"
    assert _events(project_path, "document.status") == before + 1
    stack = window.controller.undo_group.activeStack()
    stack.undo()
    assert _status(window) in ("not_started", "in_progress") and _status(window) != "done"
    stack.redo()
    assert _status(window) == "done"


def test_section_resolve_respects_read_only(make_window, project_path, qtbot):
    window = make_window(project_path)
    qtbot.waitUntil(lambda: bool(window.session.suggestions), timeout=20_000)
    window.session.project.readonly = True
    try:
        stack = window.controller.undo_group.activeStack()
        window.view.move_to(window.session.suggestions[0].start)
        window.controller.resolve_section(True)
        assert stack.count() == 0
        assert "read-only" in window.statusBar().currentMessage()
    finally:
        window.session.project.readonly = False


def test_bulk_imports_say_they_cannot_be_undone(make_window, project_path):
    window = make_window(project_path)
    for key in ("import_files", "import_folder", "import_labels"):
        assert "undone" in window.actions_[key].statusTip()
