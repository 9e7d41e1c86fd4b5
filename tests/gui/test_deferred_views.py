"""A keystroke stores its change and updates the session at once; what only shows it (span table,
outline counts and selection, attribute form, status bar) follows on the next turn of the event loop
(gui/coalesce.py). These tests check that the deferred part always happens, in order, and that the
status bar leaves room for messages at 1024 px (gui/status_bar.py). No timing is asserted."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.gui.coalesce import Coalescer
from annotator.storage import open_project
from annotator.storage import spans as span_store


def _idle(window, qtbot):
    qtbot.waitUntil(lambda: not window.deferred.pending())


def test_a_run_of_keys_is_shown_once_the_loop_runs(make_window, project_path, qtbot):
    window = make_window(project_path)
    view, session = window.view, window.session
    view.setFocus()
    _idle(window, qtbot)
    rows_before = window.span_model.rowCount()
    text = session.text
    starts = [text.index("要"), text.index("要", text.index("要") + 10)]
    for start in starts:  # two tags without the event loop turning in between
        view.select_range(start, start + 4, scroll=False)
        window.controller.tag("directive")
    # stored and in the session at once: the next key reads these lists
    assert len(session.spans) == 2
    with open_project(project_path) as project:
        assert len(span_store.list_spans(project, session.doc_id, statuses=["accepted"])) == 2
    _idle(window, qtbot)
    # then the table has both rows, the current span's row is selected, the counts line says 2
    ids = {s.id for s in window.span_model.rows}
    assert {s.id for s in session.spans} <= ids and window.span_model.rowCount() == rows_before + 2
    selected = [i.row() for i in window.span_table.selectionModel().selectedRows()]
    assert len(selected) == 1
    assert "2" in window.status_label.text()
    # an undo right after, before the loop turns: the table ends up without the undone span
    window.controller.undo_group.undo()
    assert len(session.spans) == 1
    _idle(window, qtbot)
    assert window.span_model.rowCount() == rows_before + 1
    assert {s.id for s in window.span_model.rows} >= {s.id for s in session.spans}


def test_outline_counts_follow_a_tag(make_window, project_path, qtbot):
    window = make_window(project_path)
    session = window.session
    _idle(window, qtbot)
    section = next(s for s in session.sections if s.end - s.title_end > 20)
    number = session.sections.index(section)
    count_before = window.navigation.outline_items[number].parent() is not None  # the item exists
    assert count_before is not None
    window.view.select_range(section.title_end + 2, section.title_end + 8, scroll=False)
    window.controller.tag("directive")
    _idle(window, qtbot)
    row = window.navigation.outline_items[number]
    # the row's tag-count cell (a sibling column) mentions at least one tag now
    model = row.model()
    parent = row.index().parent()
    cells = [model.index(row.row(), c, parent).data() for c in range(model.columnCount(parent))]
    assert any(str(c).strip() not in ("", "0", "None") for c in cells[1:]), cells


def test_a_failing_deferred_job_does_not_stop_the_others(qtbot):
    coalescer = Coalescer()
    ran = []
    coalescer.schedule("bad", lambda: 1 / 0)
    coalescer.schedule("good", lambda: ran.append("good"))
    coalescer.schedule("good", lambda: ran.append("latest"))  # the same key: only the latest runs
    qtbot.waitUntil(lambda: not coalescer.pending())
    assert ran == ["latest"]


def test_messages_get_the_width_at_1024(make_window, project_path, qtbot):
    window = make_window(project_path)
    window.resize(1024, 700)
    _idle(window, qtbot)
    bar = window.statusBar()
    bar.clearMessage()  # opening may have said something ("N suggestions")
    assert window.legend.isVisible() and window.status_label.isVisible()
    message = "Importing: this cannot be undone with Ctrl+Z. " * 2
    bar.showMessage(message)
    assert not window.legend.isVisible() and not window.status_label.isVisible()
    assert bar.toolTip() == message
    bar.clearMessage()
    assert window.legend.isVisible() and window.status_label.isVisible()
    # a key's own message ("Select some text first") steps them aside too, and a timeout brings them back
    window.view.select_range(0, 0)
    window.controller.set_current(None)
    window.controller.tag("directive")
    assert bar.currentMessage() and not window.legend.isVisible()
    bar.showMessage("short", 50)
    qtbot.waitUntil(lambda: window.legend.isVisible(), timeout=3000)


def test_f2_right_after_a_tag_edits_the_new_span(make_window, project_path, qtbot):
    """Keys typed faster than the loop turns: F2 brings the deferred form up to date before using it."""
    from PySide6.QtWidgets import QApplication

    window = make_window(project_path)
    view = window.view
    view.setFocus()
    _idle(window, qtbot)
    start = window.session.text.index("要")
    view.select_range(start, start + 6)
    window.controller.tag("directive")
    assert window.deferred.pending()
    window.spans.edit_attributes()  # what F2 calls, before any loop turn
    field = QApplication.focusWidget()
    assert field is not None and field.objectName() == "attr_actor"
    assert window.attributes.span.id == window.session.spans[0].id


def _on_screen(window, qtbot):
    """The text view as it is on screen (the window's backing store), once what is dirty is painted."""
    from PySide6.QtCore import QRect

    qtbot.waitUntil(lambda: not window.deferred.pending())
    view = window.view
    view.viewport().repaint(QRect(0, 0, 1, 1))  # paints every dirty region now (and one pixel more)
    corner = view.viewport().mapTo(window, view.viewport().rect().topLeft())
    screen = window.windowHandle().screen()
    return screen.grabWindow(window.winId(), corner.x(), corner.y(), view.viewport().width(),
                             view.viewport().height()).toImage()


def assert_each_step_draws_as_afresh(window, qtbot, steps) -> None:
    """After each (name, step), what is on screen is what formatting the whole text afresh and repainting the
    whole view draws: nothing a partial repaint left stale."""
    view = window.view
    for name, step in steps:
        step()
        shown = _on_screen(window, qtbot)
        view.highlighter.rehighlight()
        view.viewport().repaint()
        assert _on_screen(window, qtbot) == shown, f"after {name} the screen differs from the text drawn afresh"


def test_a_key_repaints_what_it_changed_and_nothing_is_left_stale(make_window, project_path, qtbot):
    """Only the touched paragraphs are re-formatted and repainted after a key (widgets/text_view.py
    rehighlight_quietly): what is then on screen must be exactly what formatting the whole text afresh
    and repainting the whole view draws — for a tag, an accept, a reject and an undo."""
    from PySide6.QtCore import Qt

    window = make_window(project_path)
    view, session = window.view, window.session
    view.setFocus()
    view.highlight_pending()
    text = session.text
    start = text.index("要", len(text) // 3)
    view.select_range(start, start + 6)
    steps = [("tag", lambda: qtbot.keyClick(view, Qt.Key.Key_1))]
    if session.suggestions:
        steps += [("next", lambda: qtbot.keyClick(view, Qt.Key.Key_Tab)),
                  ("accept", lambda: qtbot.keyClick(view, Qt.Key.Key_Return)),
                  ("reject", lambda: qtbot.keyClick(view, Qt.Key.Key_X))]
    steps.append(("undo", window.controller.undo_group.undo))
    assert_each_step_draws_as_afresh(window, qtbot, steps)
