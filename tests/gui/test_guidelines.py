"""The project's guidelines: a Markdown file loaded into the project (undoable, with an event), shown in a
panel beside the text for every annotator of the project."""

from __future__ import annotations

import sqlite3

from annotator.storage import comments, open_project

GUIDE = "# 标注规范\n\n- **部署**：要求下级做的事（要、必须）。\n- 统计：带单位的数值，含 %。\n"


def test_guidelines_load_show_undo(make_window, project_path, tmp_path, qtbot):
    guide = tmp_path / "guide.md"
    guide.write_bytes(GUIDE.encode("gb18030"))  # any encoding a speech may have
    window = make_window(project_path)
    dock = window.docks["guidelines"]
    assert not dock.isVisible()  # hidden until asked for: the text keeps its room
    window.load_guidelines(str(guide))
    assert dock.isVisible()
    shown = window.guidelines.browser.toPlainText()
    assert "标注规范" in shown and "部署" in shown and "**" not in shown  # rendered, not raw Markdown
    assert comments.get_guidelines(window.session.project) == GUIDE
    window.controller.undo_group.activeStack().undo()
    assert comments.get_guidelines(window.session.project) == ""
    assert "no guidelines" in window.guidelines.browser.toPlainText()
    window.controller.undo_group.activeStack().redo()
    with sqlite3.connect(project_path) as conn:
        assert conn.execute("SELECT count(*) FROM events WHERE action = 'guidelines.set'").fetchone()[0] == 3


def test_unreadable_guidelines_file_is_named(make_window, project_path, tmp_path):
    window = make_window(project_path)
    missing = tmp_path / "nope.md"
    window.load_guidelines(str(missing))
    assert "nope.md" in window.statusBar().currentMessage()
    with open_project(project_path, readonly=True) as project:
        assert comments.get_guidelines(project) == ""
