"""Project-level changes after a restart (issue 15, point 3): loading guidelines comes back on the undo
stack, in its place in time; a deleted document comes back from the trash (its own stack) until the trash
is emptied, which is confirmed and cannot be undone."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from annotator.resources import resource_path
from annotator.services.importing import import_files
from annotator.storage import comments, open_project
from annotator.storage.document_trash import list_trash
from annotator.storage.documents import clean_text, document_ids, get_document

GUIDE_A = "# 标注规范\n\n- **部署**：要求下级做的事 😀\n"
GUIDE_B = "# 标注规范（第二版）\n\n- 统计：带单位的数值 𠮷\n"


def _restart(window, make_window, project_path):
    window.close()
    window.session.project.close()
    again = make_window(project_path)
    return again, again.controller.undo_group.activeStack()


def _guidelines(window) -> str:
    return comments.get_guidelines(window.session.project)


def test_guidelines_can_be_undone_after_a_restart_in_order(make_window, project_path, tmp_path):
    a, b = tmp_path / "a.md", tmp_path / "b.md"
    a.write_text(GUIDE_A, encoding="utf-8")
    b.write_bytes(GUIDE_B.encode("gb18030"))
    window = make_window(project_path)
    text, c = window.session.text, window.controller
    window.load_guidelines(str(a))
    start = text.index("要")
    window.view.select_range(start, start + 6)
    c.tag("directive")
    window.load_guidelines(str(b))
    live = [c.undo_group.activeStack().text(i) for i in range(c.undo_group.activeStack().count())]
    assert live == ["Load guidelines", "Tag span", "Load guidelines"]

    window, stack = _restart(window, make_window, project_path)
    assert [stack.text(i) for i in range(stack.count())] == live  # the same steps, in the same order
    assert _guidelines(window) == GUIDE_B and window.session.spans
    window.actions_["undo"].trigger()
    assert _guidelines(window) == GUIDE_A and window.session.spans
    assert "第二版" not in window.guidelines.browser.toPlainText()  # the panel follows
    window.actions_["undo"].trigger()
    assert _guidelines(window) == GUIDE_A and not window.session.spans
    window.actions_["undo"].trigger()
    assert _guidelines(window) == "" and not stack.canUndo()
    stack.redo()
    assert _guidelines(window) == GUIDE_A
    # The undo and redo are in the log too: after another restart only the first load is left.
    window, stack = _restart(window, make_window, project_path)
    assert [stack.text(i) for i in range(stack.count())] == ["Load guidelines"]
    window.actions_["undo"].trigger()
    assert _guidelines(window) == ""


def _second_document(project_path) -> None:
    with open_project(project_path) as project:
        assert import_files(project, [resource_path("samples", "03_安澜区安全生产会议讲话.txt")]).imported == 1


def _open(window, qtbot, doc_id) -> None:
    window.doc_table.selectRow(window.doc_model.row_of(doc_id))
    qtbot.waitUntil(lambda: window.session.doc_id == doc_id)


def test_guidelines_steps_come_back_once_not_on_every_document(make_window, project_path, tmp_path, qtbot):
    guide = tmp_path / "g.md"
    guide.write_text(GUIDE_A, encoding="utf-8")
    _second_document(project_path)
    window = make_window(project_path)
    window.load_guidelines(str(guide))
    window, stack = _restart(window, make_window, project_path)
    assert stack.count() == 1
    other = next(d for d in document_ids(window.session.project) if d != window.session.doc_id)
    _open(window, qtbot, other)
    assert window.controller.undo_group.activeStack().count() == 0


def test_a_deletion_can_be_undone_after_a_restart_until_the_trash_is_emptied(make_window, project_path,
                                                                               monkeypatch):
    _second_document(project_path)
    window = make_window(project_path)
    doc_id = window.session.doc_id
    with open_project(project_path, readonly=True) as peek:
        text, title = clean_text(peek, doc_id), get_document(peek, doc_id)["title"]
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, _t, body, *a, **k: asked.append(body) or QMessageBox.StandardButton.Yes)
    window.delete_document(doc_id)
    assert "also after a restart, until the trash is emptied" in asked[0]
    again, _ = _restart(window, make_window, project_path)
    trash = again.team.trash.stack
    assert again.actions_["undo_delete"].isEnabled() and trash.count() == 1
    assert trash.text(0) == f"Delete “{title}”"
    again.actions_["undo_delete"].trigger()  # Ctrl+Alt+Z after the restart
    assert doc_id in document_ids(again.session.project) and clean_text(again.session.project, doc_id) == text
    again.actions_["redo_delete"].trigger()
    assert doc_id not in document_ids(again.session.project)

    # File → Empty trash…: confirmed (the dialog names the document and says it cannot be undone), then gone
    again, _ = _restart(again, make_window, project_path)
    asked.clear()
    assert again.actions_["empty_trash"].objectName() == "emptyTrash"
    again.actions_["empty_trash"].trigger()
    assert "cannot be undone" in asked[0] and len(asked) == 1
    assert list_trash(again.session.project) == [] and again.team.trash.stack.count() == 0
    assert not again.actions_["undo_delete"].isEnabled()
    again, _ = _restart(again, make_window, project_path)
    assert again.team.trash.stack.count() == 0 and doc_id not in document_ids(again.session.project)


def test_declining_to_empty_the_trash_keeps_it(make_window, project_path, monkeypatch):
    _second_document(project_path)
    window = make_window(project_path)
    doc_id = window.session.doc_id
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.delete_document(doc_id)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    assert window.team.trash.empty() == 0
    assert [e.document_id for e in list_trash(window.session.project)] == [doc_id]
    window.actions_["undo_delete"].trigger()
    assert doc_id in document_ids(window.session.project)


def test_an_import_is_one_undo_step_also_after_a_restart(make_window, project_path, tmp_path, qtbot):
    speeches = []
    for i, heading in enumerate(("总体要求", "重点任务")):
        path = tmp_path / f"讲话{i}.txt"
        path.write_text(f"一、{heading}\n各级党委要切实加强领导，确保𠮷各项任务落到实处😀。\r\n二、保障措施\n要抓好安全生产，"
                        f"全年增长5.{i}%。\n", encoding="utf-8")
        speeches.append(str(path))
    window = make_window(project_path)
    before = set(document_ids(window.session.project))
    assert "undone" in window.actions_["import_files"].statusTip()  # said before it runs
    window.import_paths(speeches)
    qtbot.waitUntil(lambda: window.last_import is not None, timeout=20_000)
    new = set(document_ids(window.session.project)) - before
    assert len(new) == 2
    undo = window.actions_["undo_delete"]
    assert undo.isEnabled() and undo.text() == "Undo: Import of 2 documents"
    undo.trigger()  # the whole import goes to the trash, in one step
    assert set(document_ids(window.session.project)) == before
    assert {e.reason for e in list_trash(window.session.project)} == {"import.undo"}
    window.actions_["redo_delete"].trigger()
    assert set(document_ids(window.session.project)) == before | new
    again, _ = _restart(window, make_window, project_path)
    trash = again.team.trash.stack
    assert [trash.text(i) for i in range(trash.count())] == ["Import of 2 documents"]
    again.actions_["undo_delete"].trigger()  # after the restart, too
    assert set(document_ids(again.session.project)) == before
    again, _ = _restart(again, make_window, project_path)
    assert again.team.trash.stack.count() == 0  # taken back: nothing left to undo (its redo is gone)
