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


def test_the_session_never_writes(make_window, project_path, monkeypatch):
    """Every read a window does — open, reload, resync, the outline a fresh parse gives — runs with
    writing made impossible: a write would raise here."""
    from annotator.gui.session import Session
    from annotator.storage.project import Project

    window = make_window(project_path)
    project, annotator, doc_id = window.session.project, window.session.annotator, window.session.doc_id
    events_before = _events(project_path, "outline.save") + _events(project_path, "document.status")

    def refuse(*_args, **_kwargs):
        raise AssertionError("the session wrote to the project")

    monkeypatch.setattr(Project, "write", refuse)
    session = Session(project, annotator)
    session.open_document(doc_id)
    session.reload_spans()
    session.resync()
    session.reparse_outline()
    assert session.sections and session.text
    monkeypatch.undo()
    assert _events(project_path, "outline.save") + _events(project_path, "document.status") == events_before


def _restart(window, make_window, project_path):
    """Close the window and its project, then open the app again on the same project (a restart)."""
    window.close()
    window.session.project.close()
    again = make_window(project_path)
    return again, again.controller.undo_group.activeStack()


def _spans(window):
    return sorted((s.start, s.end, s.label) for s in window.session.spans)


def test_undo_history_survives_a_restart(make_window, project_path, qtbot):
    window = make_window(project_path)
    qtbot.waitUntil(lambda: bool(window.session.suggestions), timeout=20_000)
    text, c = window.session.text, window.controller
    first, second = text.index("要"), text.index("工会")
    window.view.select_range(first, first + 6)
    c.tag("directive")  # the first tag also starts the document
    window.view.select_range(second, second + 4)
    c.tag("directive")
    c.tag("statistic")  # no selection: relabel the new current span
    suggestion = window.session.suggestions[-1]
    window.view.move_to(suggestion.start)
    c.accept_current()
    window.toggle_done()
    states = [_spans(window)]
    stack = c.undo_group.activeStack()
    # What the live stack shows, then the same after a restart, step by step back to the start.
    live = [stack.text(i) for i in range(stack.count())]
    assert len(live) == 5 and _status(window) == "done"
    for _ in range(5):
        stack.undo()
        states.append(_spans(window))
    statuses_live = _status(window)
    for _ in range(5):
        stack.redo()
    assert _spans(window) == states[0] and _status(window) == "done"

    window, stack = _restart(window, make_window, project_path)
    assert [stack.text(i) for i in range(stack.count())] == live
    assert stack.canUndo() and not stack.canRedo() and window.actions_["undo"].isEnabled()
    opened = len(window.session.suggestions)
    for step in range(1, 6):
        window.actions_["undo"].trigger()  # what Ctrl+Z does
        assert _spans(window) == states[step], f"after undo {step}"
        if step == 1:
            assert _status(window) == "in_progress" and window.session.status == "in_progress"
        if step == 2:  # the accepted suggestion is open again
            assert len(window.session.suggestions) == opened + 1
    assert _status(window) == statuses_live == "not_started" and not window.session.spans
    # Redo works on the rebuilt commands too, and the undo is itself in the log: a second restart
    # shows nothing left to undo and nothing to redo.
    stack.redo()
    assert _spans(window) == states[4] and _status(window) == "in_progress"
    stack.undo()
    window, stack = _restart(window, make_window, project_path)
    assert stack.count() == 0 and not window.session.spans


def test_restarted_history_keeps_only_what_was_not_undone(make_window, project_path, qtbot):
    window = make_window(project_path)
    text, c = window.session.text, window.controller
    for word in ("要", "工会", "职工"):
        start = text.index(word)
        window.view.select_range(start, start + 4)
        c.tag("directive")
    stack = c.undo_group.activeStack()
    stack.undo()  # the third tag taken back before the restart
    kept = _spans(window)
    window, stack = _restart(window, make_window, project_path)
    assert stack.count() == 2 and _spans(window) == kept
    window.actions_["undo"].trigger()
    window.actions_["undo"].trigger()
    assert not window.session.spans and _status(window) == "not_started"


def test_a_new_name_in_preferences_gets_its_own_history(make_window, project_path, monkeypatch):
    """Preferences are settings (no undo step); the undo history is the annotator's: after a change of
    name Ctrl+Z cannot take back the previous name's edits, and going back to it brings them back."""
    from annotator.gui.dialogs.preferences import PreferencesDialog

    window = make_window(project_path)
    start = window.session.text.index("要")
    window.view.select_range(start, start + 6)
    window.controller.tag("directive")
    mine = _spans(window)

    def rename_to(name):
        def accept(dialog):
            dialog.name.setText(name)
            return 1
        monkeypatch.setattr(PreferencesDialog, "exec", accept)
        window.show_preferences()

    rename_to("李四")
    stack = window.controller.undo_group.activeStack()
    assert window.session.annotator == "李四" and stack.count() == 0 and not window.actions_["undo"].isEnabled()
    assert window.session.spans == []  # the read model shows this name's layer
    rename_to("张三")
    stack = window.controller.undo_group.activeStack()
    assert _spans(window) == mine and stack.count() == 1
    window.actions_["undo"].trigger()
    assert window.session.spans == [] and _status(window) == "not_started"


def test_rename_is_an_undo_step_that_survives_a_restart(make_window, project_path):
    window = make_window(project_path)
    old = window.session.title
    window.rename_document(window.session.doc_id, "  新的   标题 ")
    assert window.session.title == "新的 标题" and "新的 标题" in window.windowTitle()
    window.actions_["undo"].trigger()
    assert window.session.title == old and window.doc_model.rows[0]["title"] == old
    window.actions_["redo"].trigger()
    assert window.doc_model.rows[0]["title"] == "新的 标题"
    window, stack = _restart(window, make_window, project_path)
    assert window.session.title == "新的 标题" and stack.count() == 1
    window.actions_["undo"].trigger()
    assert window.session.title == old and old in window.windowTitle()
    assert _events(project_path, "document.rename") == 4  # rename, undo, redo, undo after the restart
