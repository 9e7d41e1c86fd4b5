"""Two annotators side by side (review/compare.py) and the team's progress (dialogs/progress.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QApplication

from annotator.agreement.align import BOUNDARY_MISMATCH, LABEL_MISMATCH, MISSING_IN_A, MISSING_IN_B
from annotator.domain.model import Span
from annotator.gui.review.compare_model import compare
from annotator.storage import documents, open_project
from annotator.storage import spans as span_store
from annotator.storage.labels import ensure_annotator
from annotator.storage.progress import team_progress
from annotator.structure.outline import parse_outline

# 𠮷 and 😀 are two UTF-16 units each: the red underline must sit on the right characters after them.
TEXT = ("一、总体要求\n𠮷各级党委要切实加强领导，确保各项任务落到实处。\n"
        "二、重点任务\n😀要抓好安全生产，增长5.2%，工会会员达到3万人。要服务职工。\n")


def _at(text: str, what: str) -> tuple[int, int]:
    start = TEXT.index(what)
    return start, start + len(text and what)


@pytest.fixture
def two_layers(tmp_path):
    path = tmp_path / "p.db"
    with open_project(path) as project:
        doc_id, _ = documents.add_document(project, clean_text=TEXT, raw_text=TEXT, title="甲",
                                           sections=parse_outline(TEXT))
        other, _ = documents.add_document(project, clean_text=TEXT + "三、", raw_text=TEXT + "三、", title="乙")
        for name in ("张三", "李四", "王五"):
            ensure_annotator(project, name)

        def add(who, what, label, doc=doc_id):
            s, e = _at(TEXT, what)
            span_store.add_span(project, Span(document_id=doc, start=s, end=e, label=label, annotator=who))
        add("张三", "要切实加强领导", "directive")   # same in both
        add("李四", "要切实加强领导", "directive")
        add("张三", "增长5.2%", "statistic")        # label differs
        add("李四", "增长5.2%", "directive")
        add("张三", "要抓好安全生产", "directive")   # boundary differs
        add("李四", "抓好安全生产", "directive")
        add("张三", "3万人", "statistic")            # only 张三
        add("李四", "要服务职工", "directive")       # only 李四
        add("王五", "要服务职工", "directive", other)
        documents.set_status(project, doc_id, "张三", "done")
        documents.set_status(project, doc_id, "李四", "in_progress")
    return path, doc_id


def test_compare_model_classifies_every_difference(two_layers):
    path, doc_id = two_layers
    with open_project(path) as project:
        result = compare(project, doc_id, "张三", "李四")
        assert result.matches == 1
        kinds = sorted(d.kind for d in result.differences)
        assert kinds == sorted([LABEL_MISMATCH, BOUNDARY_MISMATCH, MISSING_IN_B, MISSING_IN_A])
        assert [d.start for d in result.differences] == sorted(d.start for d in result.differences)
        # one section: only what starts inside it
        first = compare(project, doc_id, "张三", "李四", section=0)
        assert first.matches == 1 and first.differences == []
        second = compare(project, doc_id, "张三", "李四", section=1)
        assert len(second.differences) == 4 and second.bounds[0] == TEXT.index("二、")


def test_compare_window_side_by_side_with_keyboard(make_window, two_layers, qtbot):
    path, doc_id = two_layers
    window = make_window(path)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    compare_window = window.team.compare_window
    qtbot.waitExposed(compare_window)
    compare_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is compare_window)
    left, right = compare_window.left.view, compare_window.right.view
    assert left.toPlainText() == right.toPlainText() == TEXT
    assert {compare_window.a_combo.currentText(), compare_window.b_combo.currentText()} == {"张三", "李四"}
    table = compare_window.table
    assert table.rowCount() == 4 and table.currentRow() == 0
    assert "1 spans the same, 4 differences" in compare_window.summary.text()
    # the rows name the annotator for a span made by one only, and quote the text
    cells = {table.item(r, 0).text() for r in range(4)}
    assert {"only 张三", "only 李四", "label differs", "boundary differs"} <= cells
    # keyboard: N goes to the next difference, P back; both texts outline it
    qtbot.keyClick(table, Qt.Key.Key_N)
    assert table.currentRow() == 1
    qtbot.keyClick(left, Qt.Key.Key_F8)
    assert table.currentRow() == 2
    qtbot.keyClick(left, Qt.Key.Key_P)
    assert table.currentRow() == 1
    d = compare_window.comparison.differences[1]
    assert left._marks and right._marks
    # differing spans carry the red wavy underline, agreeing ones do not (after 𠮷 / 😀 offsets)
    left.highlight_pending()
    right.highlight_pending()

    def underline_at(view, cp):
        block = view.document().findBlock(view.utf16.to_utf16(cp))
        local = view.utf16.to_utf16(cp) - block.position()
        for rng in block.layout().formats():
            if rng.start <= local < rng.start + rng.length:
                return rng.format.underlineStyle()
        return None
    wave = QTextCharFormat.UnderlineStyle.WaveUnderline
    zs = compare_window.comparison.names.index("张三")
    zhang = left if zs == 0 else right
    assert underline_at(zhang, TEXT.index("3万人")) == wave
    assert underline_at(zhang, TEXT.index("切实")) != wave
    # scrolling one side scrolls the other
    compare_window.resize(700, 300)
    qtbot.wait(50)
    if left.verticalScrollBar().maximum() > 0:
        left.verticalScrollBar().setValue(left.verticalScrollBar().maximum())
        assert right.verticalScrollBar().value() == left.verticalScrollBar().value()
    # a section only: the differences of that section
    compare_window.section_combo.setCurrentIndex(compare_window.section_combo.findData(0))
    assert table.rowCount() == 0 and "0 differences" in compare_window.summary.text()
    assert d.kind  # (kept for the failure message)
    compare_window.close()


def test_team_progress_counts(two_layers):
    path, doc_id = two_layers
    with open_project(path) as project:
        people, docs = team_progress(project)
    by = {p.name: p for p in people}
    assert set(by) == {"张三", "李四", "王五"}  # no "@suggester" / "@gold"
    assert (by["张三"].done, by["张三"].in_progress, by["张三"].not_started, by["张三"].spans) == (1, 0, 1, 4)
    assert (by["李四"].done, by["李四"].in_progress, by["李四"].spans) == (0, 1, 4)
    assert by["王五"].spans == 1 and by["王五"].documents_with_spans == 1
    assert docs[0].status == {"张三": "done", "李四": "in_progress"} and docs[0].spans == {"张三": 4, "李四": 4}


def test_progress_dialog_shows_people_and_opens_compare(make_window, two_layers, qtbot):
    path, doc_id = two_layers
    window = make_window(path)
    window.team.show_progress()
    dialog = window.team.progress_dialog
    qtbot.waitExposed(dialog)
    people = dialog.people
    rows = {people.item(r, 0).text(): [people.item(r, c).text() for c in range(1, 6)] for r in range(people.rowCount())}
    assert rows["张三"] == ["1", "0", "1", "4", "1"] and rows["李四"] == ["0", "1", "1", "4", "1"]
    docs = dialog.documents
    header = [docs.horizontalHeaderItem(c).text() for c in range(docs.columnCount())]
    zhang = header.index("张三")
    assert docs.item(0, zhang).text() == "done · 4"
    assert "2 documents, 3 annotators" in dialog.total.text()
    dialog._on_activated(docs.model().index(0, 0))
    assert window.team.compare_window.comparison.doc_id == doc_id
    window.team.compare_window.close()
    dialog.close()


def test_review_window_opens_the_pair_side_by_side(make_window, two_layers, qtbot):
    path, doc_id = two_layers
    window = make_window(path)
    window.open_review()
    review = window._review
    qtbot.waitExposed(review)
    review.actions_["side_by_side"].trigger()
    compare_window = review.compare_window
    assert compare_window.comparison.doc_id == doc_id
    assert set(compare_window.comparison.names) == set(review.annotators[:2])
    compare_window.close()
    review.close()


def test_compare_from_a_document_with_one_annotator_shows_one_with_two(make_window, two_layers, qtbot):
    path, doc_id = two_layers
    window = make_window(path)
    other = next(i for i in window.doc_model.ids() if i != doc_id)  # only 王五 tagged it
    compare_window = window.team.open_compare(other)
    assert compare_window.comparison.doc_id == doc_id
    assert "fewer than two annotators" in compare_window.summary.text()
    compare_window.close()
