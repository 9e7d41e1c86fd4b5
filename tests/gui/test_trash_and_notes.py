"""Undoable document deletion (storage/document_trash.py, gui/commands_documents.py) and the notes
dialog (edit / delete a note, undoable) — issue 13."""

from __future__ import annotations

import sqlite3
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator.domain.model import Span
from annotator.storage import comments, document_trash, documents, open_project, sections
from annotator.storage import spans as span_store
from annotator.storage.comment_edits import update_comment
from annotator.storage.labels import ensure_annotator
from annotator.structure.outline import parse_outline

# 𠮷 and 😀 take two UTF-16 units; CRLF is kept out of clean text by the importer, the text here is clean.
TEXT = ("一、总体要求\n各级党委要切实加强领导，确保𠮷各项任务落到实处。\n"
        "二、重点任务\n要抓好安全生产😀，增长5.2%，工会会员达到3万人。\n")


def _dump(project, doc_id: int) -> dict:
    """Every row of the document, ids included (what a restore must give back)."""
    shot = document_trash.snapshot(project, doc_id)
    return {"document": shot.document, "words": shot.words,
            **{t: sorted(rows, key=lambda r: str(r.get("id", r.get("annotator")))) for t, rows in shot.children.items()}}


@pytest.fixture
def rich(tmp_path):
    """A project with two documents; the first carries spans of two annotators, a suggestion, a gold
    span, an outline correction, progress marks and notes."""
    path = tmp_path / "p.db"
    with open_project(path) as project:
        first, _ = documents.add_document(project, clean_text=TEXT, raw_text=TEXT, title="甲", sections=parse_outline(TEXT))
        other = TEXT.replace("总体", "全面")
        documents.add_document(project, clean_text=other, raw_text=other, title="乙", sections=parse_outline(other))
        for name in ("张三", "李四"):
            ensure_annotator(project, name)
        start = TEXT.index("确保")
        a = span_store.add_span(project, Span(document_id=first, start=start, end=start + 9, label="directive",
                                              annotator="张三", attributes={"strength": "must"} and {}))
        span_store.add_span(project, replace(a, id=None, annotator="李四", end=start + 7))
        stat = TEXT.index("5.2%")
        span_store.add_span(project, Span(document_id=first, start=stat, end=stat + 4, label="statistic",
                                          annotator="@gold", status="gold"))
        documents.set_status(project, first, "张三", "done")
        sections.add_edit(project, first, "shift", 0, {"delta": 1}, "张三")
        comments.add_comment(project, first, "边界？", "李四", a.id)
        comments.add_comment(project, first, "整篇说明", "张三")
    return path, first


def test_trash_and_restore_give_back_every_row(rich):
    path, doc_id = rich
    with open_project(path) as project:
        before = _dump(project, doc_id)
        assert before["spans"] and before["comments"] and before["section_edits"] and before["doc_status"]
        trashed = document_trash.trash_document(project, doc_id, by="张三")
        assert documents.get_document(project, doc_id) is None
        assert span_store.list_spans(project, doc_id) == [] and comments.list_comments(project, doc_id) == []
        assert document_trash.restore_document(project, trashed, by="张三") == doc_id
        assert _dump(project, doc_id) == before
        from annotator.storage.search import search
        assert doc_id in {h.document_id for h in search(project, "安全生产")}
        # restoring twice (or after a re-import of the same text) is refused without writing
        with pytest.raises(ValueError):
            document_trash.restore_document(project, trashed, by="张三")
        with pytest.raises(KeyError):
            document_trash.trash_document(project, 999, by="张三")
    with sqlite3.connect(path) as conn:
        actions = [r[0] for r in conn.execute("SELECT action FROM events WHERE entity='document' ORDER BY id")]
    assert actions[-2:] == ["document.delete", "document.restore"]


def test_restore_after_reimport_is_refused(rich):
    path, doc_id = rich
    with open_project(path) as project:
        trashed = document_trash.trash_document(project, doc_id, by="张三")
        documents.add_document(project, clean_text=TEXT, raw_text=TEXT, title="again")
        with pytest.raises(ValueError, match="imported again"):
            document_trash.restore_document(project, trashed)


def test_delete_document_in_the_window_is_undoable(make_window, rich, qtbot, monkeypatch):
    path, doc_id = rich
    window = make_window(path)
    with open_project(path, readonly=True) as peek:
        before = _dump(peek, doc_id)
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _p, _t, text, *a, **k: asked.append(text) or QMessageBox.StandardButton.Yes)
    window.doc_table.selectRow(window.doc_model.row_of(doc_id))
    window.delete_document()
    # the confirmation names the document and what goes with it (spans of each annotator, notes)
    assert "甲" in asked[0] and "张三 1" in asked[0] and "李四 1" in asked[0] and "2 notes" in asked[0]
    assert window.doc_model.row_of(doc_id) < 0 and window.session.doc_id not in (None, doc_id)
    assert window.actions_["undo_delete"].isEnabled()
    window.actions_["undo_delete"].trigger()
    assert window.doc_model.row_of(doc_id) >= 0
    with open_project(path, readonly=True) as peek:
        assert _dump(peek, doc_id) == before
    window.actions_["redo_delete"].trigger()
    assert window.doc_model.row_of(doc_id) < 0
    window.team.trash.stack.undo()
    window.doc_table.selectRow(window.doc_model.row_of(doc_id))
    qtbot.waitUntil(lambda: window.session.doc_id == doc_id)
    assert {s.id for s in window.session.spans} == {s["id"] for s in before["spans"] if s["annotator"] == "张三"}


def test_declined_confirmation_deletes_nothing(make_window, rich, monkeypatch):
    path, doc_id = rich
    window = make_window(path)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    window.delete_document(doc_id)
    assert window.doc_model.row_of(doc_id) >= 0 and window.team.trash.stack.count() == 0


def test_update_comment_storage(rich):
    path, doc_id = rich
    with open_project(path) as project:
        note = comments.list_comments(project, doc_id)[0]
        before, after = update_comment(project, note.id, " 改过的 ", by="张三")
        assert before.body == "边界？" and after.body == "改过的"
        assert comments.list_comments(project, doc_id)[0].body == "改过的"
        with pytest.raises(ValueError):
            update_comment(project, note.id, "  ", by="张三")
        with pytest.raises(KeyError):
            update_comment(project, "nope", "x", by="张三")


def test_notes_dialog_edits_and_deletes_by_keyboard_with_undo(make_window, rich, qtbot, monkeypatch):
    path, doc_id = rich
    window = make_window(path)
    window.doc_table.selectRow(window.doc_model.row_of(doc_id))
    qtbot.waitUntil(lambda: window.session.doc_id == doc_id)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.team.notes_dialog
    qtbot.waitExposed(dialog)
    assert dialog.list.count() == 2 and "确保" in dialog.list.item(0).text()  # a span note quotes its text
    dialog.activateWindow()  # keys of a dialog reach it while it is the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.list.setFocus()
    dialog.list.setCurrentRow(1)
    monkeypatch.setattr("annotator.gui.dialogs.notes.get_note", lambda *a, **k: ("新的说明", True))
    qtbot.keyClick(dialog.list, Qt.Key.Key_F2)
    assert "新的说明" in dialog.list.item(1).text()
    stack = window.controller.undo_group.activeStack()
    stack.undo()
    assert "整篇说明" in dialog.list.item(1).text()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Delete)
    assert dialog.list.count() == 1 and [c.body for c in window.session.comments()] == ["边界？"]
    stack.undo()
    assert sorted(c.body for c in window.session.comments()) == ["整篇说明", "边界？"]
    # another document opened while the dialog is up: the dialog shows that document's notes
    other = next(i for i in window.doc_model.ids() if i != doc_id)
    window.session.open_document(other)
    assert dialog.comments == [] and "No notes yet" in dialog.list.item(0).text()
    dialog.close()


def test_a_note_edit_survives_a_restart_and_ctrl_z_undoes_it(make_window, rich, qtbot):
    """services/history.py rebuilds ``comment.edit`` (storage/comment_edits.py) into the stack after a
    restart; Ctrl+Z then puts the old text back, and the rebuilt step writes nothing when pushed."""
    path, doc_id = rich
    window = make_window(path)
    window.doc_table.selectRow(window.doc_model.row_of(doc_id))
    qtbot.waitUntil(lambda: window.session.doc_id == doc_id)
    mine = next(c for c in window.session.comments() if c.annotator == window.session.annotator)
    from annotator.gui.commands_documents import EditComment

    window.controller.undo_group.activeStack().push(EditComment(window.session, mine, "改成这样😀", "Edit note"))
    window.close()
    window.session.project.close()
    with sqlite3.connect(path) as conn:
        edits = conn.execute("SELECT count(*) FROM events WHERE action = 'comment.edit'").fetchone()[0]
    window = make_window(path)
    window.doc_table.selectRow(window.doc_model.row_of(doc_id))
    qtbot.waitUntil(lambda: window.session.doc_id == doc_id)
    stack = window.controller.undo_group.activeStack()
    assert stack.count() >= 1 and stack.undoText() == "Edit note"
    with sqlite3.connect(path) as conn:  # rebuilding wrote nothing
        assert conn.execute("SELECT count(*) FROM events WHERE action = 'comment.edit'").fetchone()[0] == edits
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert {c.id: c.body for c in window.session.comments()}[mine.id] == mine.body
    window.actions_["redo"].trigger()
    assert {c.id: c.body for c in window.session.comments()}[mine.id] == "改成这样😀"
