"""End-to-end flows through the real main window, offscreen: tag by keyboard, undo/redo, restart,
suggestions, structure corrections, outline↔text sync."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt

from annotator.storage import documents, open_project
from annotator.storage import spans as span_store


def _rows(path, sql, params=()):
    with sqlite3.connect(path) as conn:
        return conn.execute(sql, params).fetchall()


def _select_text(window, needle: str) -> tuple[int, int]:
    start = window.session.text.index(needle)
    window.view.select_range(start, start + len(needle))
    return start, start + len(needle)


def test_tag_by_keyboard_undo_redo_and_restart(make_window, project_path, qtbot):
    window = make_window(project_path)
    view = window.view
    view.setFocus()
    start, end = _select_text(window, "全县各级工会组织")
    qtbot.keyClick(view, Qt.Key.Key_1)
    saved = _rows(project_path, "SELECT start, \"end\", label, annotator, status FROM spans WHERE annotator = '张三'")
    assert saved == [(start, end, "directive", "张三", "accepted")]

    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _rows(project_path, "SELECT count(*) FROM spans WHERE annotator = '张三'") == [(0,)]
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert _rows(project_path, "SELECT start, \"end\" FROM spans WHERE annotator = '张三'") == [(start, end)]

    # Selection with Shift+arrows, then hotkey 2 tags a statistic; snapping trims punctuation.
    pos = window.session.text.index("，", end)
    view.select_range(pos, pos)
    for _ in range(4):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(view, Qt.Key.Key_2)
    stat = _rows(project_path, "SELECT start, \"end\" FROM spans WHERE label = 'statistic' AND annotator = '张三'")
    assert stat == [(pos + 1, pos + 4)]  # the leading "，" was trimmed

    # "Restart": close the window and open the project again.
    window.close()
    window.session.project.close()
    again = make_window(project_path)
    assert {(s.start, s.end, s.label) for s in again.session.spans} == {(start, end, "directive"), (pos + 1, pos + 4, "statistic")}
    qtbot.waitUntil(lambda: again.span_model.rowCount() >= 2)  # the panels fill after the first paint


def test_duplicate_is_refused_and_delete_removes(make_window, project_path, qtbot):
    window = make_window(project_path)
    view = window.view
    view.setFocus()
    _select_text(window, "工会干部")
    qtbot.keyClick(view, Qt.Key.Key_1)
    _select_text(window, "工会干部")
    qtbot.keyClick(view, Qt.Key.Key_1)
    assert "already tagged" in window.statusBar().currentMessage()
    assert len(window.session.spans) == 1
    start = window.session.spans[0].start
    view.select_range(start + 1, start + 1)  # click inside the span: it becomes current
    assert window.controller.current is not None and window.controller.current.status == "accepted"
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert window.session.spans == []
    # relabel by hotkey on a selected span
    _select_text(window, "工会干部")
    qtbot.keyClick(view, Qt.Key.Key_1)
    s = window.session.spans[0]
    view.select_range(s.start + 1, s.start + 1)
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert [x.label for x in window.session.spans] == ["statistic"]


def test_suggestions_accept_reject_by_keyboard(make_window, project_path, qtbot):
    window = make_window(project_path)
    session, view = window.session, window.view
    assert session.suggestions, "suggestions run in the background when a document opens"
    view.setFocus()
    view.select_range(0, 0)
    qtbot.keyClick(view, Qt.Key.Key_Tab)
    first = window.controller.current
    assert first is not None and first.status == "suggested"
    qtbot.keyClick(view, Qt.Key.Key_Return)
    accepted = [s for s in session.spans if (s.start, s.end, s.label) == (first.start, first.end, first.label)]
    assert accepted and accepted[0].attributes == first.attributes
    second = window.controller.current  # accepting moves on to the next suggestion
    assert second is not None and second.id != first.id
    qtbot.keyClick(view, Qt.Key.Key_X)
    rejected = _rows(project_path, "SELECT start, \"end\" FROM spans WHERE annotator='张三' AND status='rejected'")
    assert rejected == [(second.start, second.end)]
    assert all(s.id != second.id for s in session.suggestions)
    # Rejected suggestions are not proposed again after a new run.
    window.run_suggestions()
    qtbot.waitUntil(lambda: not window.busy(), timeout=20_000)
    assert all((s.start, s.end, s.label) != (second.start, second.end, second.label) for s in session.suggestions)


def test_outline_and_text_stay_in_sync(make_window, project_path, qtbot):
    window = make_window(project_path)
    sections = window.session.sections
    assert len(sections) > 5
    target = sections[3]
    index = window.navigation.outline_items[3].index()
    window.outline.setCurrentIndex(index)
    window.navigation.on_outline_clicked(index)
    start, _end = window.view.selection()
    assert start == target.start
    # moving the cursor into another section selects its node
    other = sections[-1]
    window.view.select_range(other.start + len(other.marker) + 1, other.start + len(other.marker) + 1)
    qtbot.waitUntil(lambda: not window.deferred.pending())  # the outline follows on the next loop turn
    current = window.outline.currentIndex()
    assert window.navigation.outline_items[len(sections) - 1].index() == current


def test_structure_corrections_survive_reparse_and_undo(make_window, project_path, qtbot):
    window = make_window(project_path)
    session = window.session
    before = [(s.marker, s.level) for s in session.sections]
    victim = session.sections[1]
    window.view.select_range(victim.start + 2, victim.start + 2)
    window.actions_["remove_heading"].trigger()
    assert victim.start not in [s.start for s in session.sections]
    session.reparse_outline()  # a fresh parse replays the stored correction
    assert victim.start not in [s.start for s in session.sections]
    window.actions_["undo"].trigger()
    assert [(s.marker, s.level) for s in session.sections] == before
    # demote a heading: its subtree moves with it
    top = next(i for i, s in enumerate(session.sections) if s.level == 1 and i > 0)
    window.view.select_range(session.sections[top].start + 1, session.sections[top].start + 1)
    window.actions_["demote"].trigger()
    assert session.sections[top].level == 2 and session.sections[top].source == "manual"
    with open_project(project_path) as project:
        from annotator.storage.sections import get_sections

        assert get_sections(project, session.doc_id)[top].level == 2


def test_import_in_worker_and_document_navigation(make_window, project_path, qtbot, tmp_path):
    window = make_window(project_path)
    extra = tmp_path / "extra.txt"
    extra.write_text("一、加强领导\n各级党委要切实加强领导。\n二、狠抓落实\n必须狠抓落实。\n", encoding="utf-8")
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"MZ\x90\x00 not a zip")
    window.import_paths([str(extra), str(bad)])
    qtbot.waitUntil(lambda: window.last_import is not None and not window.busy(), timeout=20_000)
    assert window.last_import.imported == 1 and len(window.last_import.failed) == 1
    assert "bad.docx" in window.last_import.failed[0].path
    assert window.doc_model.rowCount() == 2
    first = window.session.doc_id  # the speech just imported is open (test_walkthrough.py)
    assert first == next(o.document_id for o in window.last_import.outcomes if o.status == "imported")
    window.actions_["prev_doc"].trigger()
    assert window.session.doc_id != first
    window.actions_["done"].trigger()
    with open_project(project_path) as project:
        assert documents.get_status(project, window.session.doc_id, "张三") == "done"


def test_astral_characters_tag_at_code_point_offsets(make_window, tmp_path, qtbot):
    path = tmp_path / "astral.db"
    text = "一、𠮷祥工作\n😀各级工会要加强职工服务。\n"
    with open_project(path) as project:
        documents.add_document(project, clean_text=text, raw_text=text.replace("\n", "\r\n"), title="astral")
    window = make_window(path)
    window.view.setFocus()
    start = text.index("各级工会")
    window.view.select_range(start, start + 4)
    # Qt counts 𠮷 and 😀 as two units each; the view converts
    assert window.view.textCursor().selectionStart() == start + 2
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    with open_project(path) as project:
        (span,) = span_store.list_spans(project, annotators=["张三"])
    assert (span.start, span.end) == (start, start + 4) and text[span.start:span.end] == "各级工会"


def test_read_only_project_shows_notice_and_refuses_changes(make_window, project_path, qtbot):
    from annotator.gui.settings import Settings  # noqa: F401 - settings already written by the fixture

    import os
    import stat

    os.chmod(project_path, stat.S_IRUSR)
    try:
        if os.access(project_path, os.W_OK):  # root ignores permissions: open explicitly read-only instead
            from annotator.app import create_window  # noqa: F401

            project = open_project(project_path, readonly=True)
            from annotator.gui.main_window import MainWindow
            from annotator.gui.session import Session
            from annotator.gui.settings import Settings as S

            window = MainWindow(Session(project, "张三"), S(project_path.parent / "settings.ini"))
            qtbot.addWidget(window)
            window.show()
            qtbot.waitUntil(lambda: window.session.doc_id is not None)
        else:
            window = make_window(project_path)
        assert window.banner.isVisible() and "read-only" in window.windowTitle()
        _select_text(window, "工会干部")
        window.controller.tag("directive")
        assert window.session.spans == []
    finally:
        os.chmod(project_path, stat.S_IRUSR | stat.S_IWUSR)


def test_attribute_edit_is_saved_and_undoable(make_window, project_path, qtbot):
    from PySide6.QtWidgets import QComboBox, QLineEdit

    window = make_window(project_path)
    view = window.view
    view.setFocus()
    start, _ = _select_text(window, "全县各级工会组织")
    qtbot.keyClick(view, Qt.Key.Key_1)
    view.select_range(start + 1, start + 1)
    qtbot.waitUntil(lambda: not window.deferred.pending())  # the attribute form shows the span on the next loop turn
    actor = window.attributes.findChild(QLineEdit, "attr_actor")
    strength = window.attributes.findChild(QComboBox, "attr_strength")
    actor.setText("全县各级工会组织")
    actor.editingFinished.emit()
    strength.setCurrentText("strong")
    (row,) = _rows(project_path, "SELECT attributes FROM spans WHERE annotator='张三'")
    assert '"actor": "全县各级工会组织"' in row[0] and '"strength": "strong"' in row[0]
    window.actions_["undo"].trigger()
    window.actions_["undo"].trigger()
    assert _rows(project_path, "SELECT attributes FROM spans WHERE annotator='张三'") == [("{}",)]


def test_context_menu_offers_the_tagging_actions(make_window, project_path):
    window = make_window(project_path)
    names = {a.objectName() for a in window.view.actions()}
    assert {"tag_directive", "tag_statistic", "accept", "reject", "deleteSpan"} <= names


def test_export_and_import_labels_from_the_workspace(make_window, project_path, qtbot, tmp_path):
    import json

    window = make_window(project_path)
    _select_text(window, "全县各级工会组织")
    window.controller.tag("directive")
    out = tmp_path / "labels.jsonl"
    window.run_exchange("export", str(out), "native")
    qtbot.waitUntil(lambda: window.last_exchange is not None and not window.busy(), timeout=20_000)
    (line,) = out.read_text(encoding="utf-8").splitlines()
    record = json.loads(line)
    assert any(s["annotator"] == "张三" and s["label"] == "directive" for s in record["spans"])
    # doccano spans imported as another annotator's layer
    doccano = tmp_path / "d.jsonl"
    start = record["text"].index("工会干部")
    doccano.write_text(json.dumps({"text": record["text"], "label": [[start, start + 4, "statistic"]]},
                                  ensure_ascii=False) + "\n", encoding="utf-8")
    window.run_exchange("import", str(doccano), "doccano", annotator="王五")
    qtbot.waitUntil(lambda: window.last_exchange is not None and not window.busy(), timeout=20_000)
    assert _rows(project_path, "SELECT start FROM spans WHERE annotator = '王五'") == [(start,)]
