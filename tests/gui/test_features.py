"""Features an annotator expects from the workspace (issue 13): find, clause keys, filters, legend,
documents rename/delete, switching projects, low-confidence headings, and incremental span updates
that always agree with what is stored."""

from __future__ import annotations

import random
import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.domain.model import Section
from annotator.storage import documents, open_project
from annotator.storage import spans as span_store
from annotator.structure.outline import parse_outline

TEXT = ("一、总体要求\n各级党委要切实加强领导，确保各项任务落到实处。全县工会要服务职工，工会干部要深入基层。\n"
        "二、重点任务\n要抓好安全生产，工会要组织职工培训。增长5.2%，工会会员达到3万人。\n")


def _project(path, *texts):
    with open_project(path) as project:
        for i, text in enumerate(texts):
            documents.add_document(project, clean_text=text, raw_text=text, title=f"文档{i + 1}",
                                   sections=parse_outline(text))
    return path


def test_find_in_document_highlights_and_steps(make_window, tmp_path, qtbot):
    window = make_window(_project(tmp_path / "p.db", TEXT))
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.find_bar
    assert bar.isVisible() and QApplication.focusWidget() is bar.field
    bar.field.setText("工会")  # (QTest cannot type Chinese)
    hits = [i for i in range(len(TEXT)) if TEXT.startswith("工会", i)]
    assert bar.hits == hits and len(window.view._find_marks) == len(hits)
    assert window.view.selection() == (hits[0], hits[0] + 2)
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert window.view.selection() == (hits[1], hits[1] + 2)
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert window.view.selection() == (hits[0], hits[0] + 2)
    window.actions_["find_prev"].trigger()  # wraps around
    assert window.view.selection() == (hits[-1], hits[-1] + 2)
    assert "of" in bar.count.text()
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible() and window.view._find_marks == [] and QApplication.focusWidget() is window.view


def test_corpus_search_opens_the_document_at_the_hit(make_window, tmp_path, qtbot):
    other = "一、其他\n这里没有要找的词。\n" * 3 + "最后一段讲安全生产培训。\n"
    window = make_window(_project(tmp_path / "p.db", TEXT, other))
    window.search_box.setText("生产培训")
    assert window.doc_model.rowCount() == 1
    window.doc_table.selectRow(0)
    assert window.session.title == "文档2"
    start = other.index("生产培训")
    assert window.view.selection() == (start, start + 4)


def test_shift_keys_tag_the_clause_and_the_sentence(make_window, tmp_path, qtbot):
    window = make_window(_project(tmp_path / "p.db", TEXT))
    view = window.view
    view.setFocus()
    pos = TEXT.index("切实")
    view.select_range(pos, pos)
    qtbot.keyClick(view, Qt.Key.Key_1, Qt.KeyboardModifier.ShiftModifier)
    pos2 = TEXT.index("服务职工")
    view.select_range(pos2, pos2)
    qtbot.keyClick(view, Qt.Key.Key_2, Qt.KeyboardModifier.ShiftModifier)
    got = sorted(TEXT[s.start:s.end] for s in window.session.spans)
    # the sentence is trimmed like any selection (its final 。 is punctuation)
    assert got == ["全县工会要服务职工，工会干部要深入基层", "各级党委要切实加强领导"]


def test_hide_suggestions_filter_and_sort_the_span_panel(make_window, tmp_path, qtbot):
    window = make_window(_project(tmp_path / "p.db", TEXT))
    assert window.session.suggestions, "the suggester ran when the document opened"
    start = TEXT.index("工会干部")
    window.view.select_range(start, start + 4)
    window.controller.tag("statistic")
    qtbot.waitUntil(lambda: not window.deferred.pending())  # the table shows the new span once the event loop ran
    proxy = window.span_proxy
    total = proxy.rowCount()
    window.actions_["hide_suggestions"].trigger()
    shown = [proxy.index(r, 3).data() for r in range(proxy.rowCount())]
    assert shown == ["tagged"] and len(window.session.spans) == 1, shown
    assert all(s.status == "accepted" for s in window.view.highlighter.index.items)
    window.actions_["hide_suggestions"].trigger()
    assert proxy.rowCount() == total
    window.span_filter_text.setText("工会干部")
    texts = [proxy.index(r, 1).data() for r in range(proxy.rowCount())]
    assert "工会干部" in texts and all("工会干部" in t for t in texts) and len(texts) < total
    window.span_filter_text.setText("")
    label_index = window.span_filter_label.findData("directive")
    window.span_filter_label.setCurrentIndex(label_index)
    assert all(proxy.index(r, 0).data() == window.session.label("directive").title("en") for r in range(proxy.rowCount()))
    window.span_filter_label.setCurrentIndex(0)
    window.span_table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    labels = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert labels == sorted(labels, reverse=True)
    assert "Directive" in window.legend.text() and "Statistic" in window.legend.text()


def test_rename_and_delete_documents(make_window, tmp_path, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    path = _project(tmp_path / "p.db", TEXT, TEXT.replace("总体", "全面"))
    window = make_window(path)
    first = window.session.doc_id
    window.rename_document(first, "  新的 标题 ")
    assert window.session.title == "新的 标题" and window.doc_model.rows[0]["title"] == "新的 标题"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    window.delete_document(first)
    assert window.doc_model.rowCount() == 2
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.delete_document(first)
    assert window.doc_model.rowCount() == 1 and window.session.doc_id != first
    with sqlite3.connect(path) as conn:
        actions = [r[0] for r in conn.execute("SELECT action FROM events WHERE entity='document' ORDER BY id")]
    assert "document.rename" in actions and "document.delete" in actions


def test_open_project_switches_in_place_and_is_remembered(make_window, tmp_path, qtbot):
    first = make_window(_project(tmp_path / "a.db", TEXT))
    second_path = _project(tmp_path / "b.db", TEXT.replace("总体", "全面"), TEXT.replace("重点", "主要"))
    switched = first.switch_project(str(second_path))
    qtbot.addWidget(switched)
    qtbot.waitUntil(lambda: switched.session.doc_id is not None)
    assert switched.doc_model.rowCount() == 2 and not first.isVisible()
    assert str(second_path.resolve()) == switched.recent_projects()[0]
    assert str((tmp_path / "a.db").resolve()) in switched.recent_projects()
    switched.fill_recent_menu()
    assert len(switched.recent_menu.actions()) == 2
    qtbot.waitUntil(lambda: not switched.busy(), timeout=20_000)
    switched.close()
    switched.project_handle.close()


def test_low_confidence_headings_are_marked(qtbot):
    from PySide6.QtGui import QStandardItemModel

    from annotator.gui.models.outline_model import LOW_CONFIDENCE_ROLE, build_outline_model

    text = "一、确定的标题\n正文。\n二、猜出来的标题 正文接着写\n"
    sure = Section(level=1, marker="一、", title="确定的标题", start=0, end=10, title_start=2, title_end=7)
    guess = Section(level=1, marker="二、", title="猜出来的标题", start=11, end=len(text), title_start=13, title_end=19,
                    confidence=0.6)
    model = QStandardItemModel()
    items = build_outline_model(model, [sure, guess], [])
    assert [i.data(LOW_CONFIDENCE_ROLE) for i in items] == [False, True]
    assert "⚠" in items[1].text() and "60%" in items[1].toolTip()


def test_incremental_updates_match_the_store(make_window, tmp_path, qtbot):
    """Random tag/accept/reject/delete/undo/redo: the session, the span table and the highlighter's
    index always equal a fresh read of the project."""
    path = _project(tmp_path / "p.db", TEXT * 3)
    window = make_window(path)
    session, c = window.session, window.controller
    stack = c.undo_group.activeStack()
    rng = random.Random(13)
    for _ in range(60):
        action = rng.choice(["tag", "tag", "accept", "reject", "delete", "undo", "redo", "relabel"])
        if action == "tag":
            a = rng.randrange(len(session.text) - 10)
            window.view.select_range(a, a + rng.randint(2, 9))
            c.tag(rng.choice(["directive", "statistic"]))
        elif action in ("accept", "reject") and session.suggestions:
            c.set_current(rng.choice(session.suggestions))
            c.accept_current() if action == "accept" else c.reject_current()
        elif action == "delete" and session.spans:
            c.set_current(rng.choice(session.spans))
            c.delete_current()
        elif action == "relabel" and session.spans:
            span = rng.choice(session.spans)
            window.view.select_range(span.start, span.start)
            c.set_current(span)
            c.tag("statistic" if span.label == "directive" else "directive")
        elif action == "undo":
            stack.undo()
        elif action == "redo":
            stack.redo()
        with open_project(path) as project:
            stored = {(s.id, s.start, s.end, s.label) for s in span_store.list_spans(
                project, session.doc_id, annotators=["张三"], statuses=["accepted"])}
            open_ = {(s.id, s.start, s.end, s.label) for s in span_store.open_suggestions(project, session.doc_id, "张三")}
        assert {(s.id, s.start, s.end, s.label) for s in session.spans} == stored, action
        assert {(s.id, s.start, s.end, s.label) for s in session.suggestions} == open_, action
        # the session is current at once; the table, highlighter and outline after the event loop ran
        qtbot.waitUntil(lambda: not window.deferred.pending())
        assert {s.id for s in window.span_model.rows} == {x[0] for x in stored | open_}
        assert {s.id for s in window.view.highlighter.index.items} == {x[0] for x in stored | open_}
        for number, item in enumerate(window.navigation.outline_items):  # each section's tag count, kept up to date
            section = session.sections[number]
            count = sum(1 for x in stored if section.start <= x[1] < section.end)
            parent = item.parent() or window.outline_model.invisibleRootItem()
            assert parent.child(item.row(), 1).text() == (str(count) if count else ""), (action, number)


def test_start_up_does_not_load_jieba(tmp_path):
    """jieba's dictionary load holds the GIL for ~0.5 s: the window must not wait for it at start."""
    import os
    import subprocess
    import sys

    code = ("import sys\nfrom PySide6.QtWidgets import QApplication\napp = QApplication([])\n"
            "from annotator.app import create_window\n"
            "w, p = create_window(sys.argv[1], settings_file=sys.argv[2], first_run=False)\n"
            "w.show(); app.processEvents()\nprint('jieba' in sys.modules, 'jieba' in str(sys.modules.keys()))\n"
            "w.close(); p.close()\n")
    settings = tmp_path / "s.ini"
    settings.write_text("[user]\nannotator=张三\nlanguage=en\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path / "empty.db"), str(settings)],
                         capture_output=True, text=True, timeout=120,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["False", "False"]


def test_label_dialogs_offer_the_format_registry(make_window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from annotator.exchange import formats

    window = make_window(_project(tmp_path / "p.db", TEXT))
    offered = {}
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: offered.setdefault("export", a[3]) and ("", ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: offered.setdefault("import", a[3]) and ("", ""))
    window.export_dialog()
    window.import_labels_dialog()
    for direction in ("export", "import"):
        assert offered[direction].split(";;") == [text for _n, text in formats.dialog_filters(direction)]
    assert "CSV" in offered["export"] and "CSV" not in offered["import"]  # export-only formats stay out
