"""The review window: disagreements of two annotators, pre-merge on opening, keyboard decisions into
the gold layer (with provenance), undo, section heat and the scores against gold."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu

from annotator.agreement.align import BOUNDARY_MISMATCH, LABEL_MISMATCH, MISSING_IN_A, MISSING_IN_B
from annotator.domain.model import Section, Span, SpanStatus
from annotator.storage import documents as docs
from annotator.storage import open_project
from annotator.storage import spans as span_store
from annotator.storage.labels import GOLD

TEXT = ("一、总体要求\n各级党委要切实加强领导。全县地区生产总值实现60.6亿元，增长5.2%。\n"
        "二、重点任务\n要坚决打好污染防治攻坚战。粮食产量达到120万吨。要扎实推进乡村振兴。\n"
        "三、保障措施\n各部门要各司其职。\n")


def _sections():
    out = []
    for n, marker in enumerate(("一、", "二、", "三、")):
        start = TEXT.index(marker)
        nxt = TEXT.find("、", start + 3)
        end = TEXT.rfind("\n", 0, nxt) + 1 if nxt > 0 else len(TEXT)
        out.append(Section(level=1, marker=marker, title=TEXT[start + 2:TEXT.index("\n", start)], start=start,
                           end=end, title_start=start + 2, title_end=TEXT.index("\n", start)))
    return out


def at(fragment, label, who, doc):
    start = TEXT.index(fragment)
    return Span(start, start + len(fragment), label, who, document_id=doc)


def build_project(path):
    """Two annotators who agree on two spans and disagree on four (boundary, label, one each side)."""
    p = open_project(path)
    doc, _ = docs.add_document(p, clean_text=TEXT, raw_text=TEXT, title="县委全会讲话", sections=_sections())
    li = [at("各级党委要切实加强领导", "directive", "li", doc),
          at("全县地区生产总值实现60.6亿元", "statistic", "li", doc),
          at("要坚决打好污染防治攻坚战", "directive", "li", doc),
          at("粮食产量达到120万吨", "statistic", "li", doc),
          at("各部门要各司其职", "directive", "li", doc)]
    wang = [at("各级党委要切实加强领导", "directive", "wang", doc),
            at("全县地区生产总值实现60.6亿元，增长5.2%", "statistic", "wang", doc),
            at("要坚决打好污染防治攻坚战", "directive", "wang", doc),
            at("粮食产量达到120万吨", "directive", "wang", doc),
            at("要扎实推进乡村振兴", "directive", "wang", doc)]
    for s in li + wang:
        span_store.add_span(p, s)
    return p, doc


@pytest.fixture
def window(qtbot, tmp_path):
    from annotator.gui.review import ReviewWindow

    project, doc = build_project(tmp_path / "p.db")
    win = ReviewWindow(project, "zhao")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    win.view.setFocus()
    win.gold_at_open = gold_rows(win)
    win.actions_["premerge"].trigger()  # the adjudicator pre-merges the agreed spans (M)
    yield win
    win.close()
    project.close()


def gold_rows(win, status=None):
    rows = span_store.list_spans(win.project, win.doc_id, annotators=[GOLD])
    return [r for r in rows if status is None or r.status == status]


def kinds(win):
    return [item.disagreement.kind for item in win.model.items]


def test_opening_writes_nothing_premerge_is_asked_for_and_undoable(window, qtbot):
    assert window.gold_at_open == []  # opening the window wrote no gold row (issue 15)
    assert len(gold_rows(window)) == 2
    window.undo_stack.undo()
    assert gold_rows(window) == []
    window.undo_stack.redo()
    assert len(gold_rows(window)) == 2
    window.undo_stack.undo()
    qtbot.keyClick(window.view, Qt.Key.Key_M)  # by keyboard
    assert len(gold_rows(window)) == 2
    window.premerge()  # again: nothing new, no undo step
    assert len(gold_rows(window)) == 2 and window.undo_stack.count() == 1


def test_premerged_and_lists_disagreements(window):
    assert window.annotators == ["li", "wang"]
    assert kinds(window) == [BOUNDARY_MISMATCH, LABEL_MISMATCH, MISSING_IN_A, MISSING_IN_B]
    model = window.model
    assert model.headerData(1, Qt.Orientation.Horizontal) == "A: li"
    # the disputed text in its context, and each side's span as words (not [303, 317) offsets)
    assert "【全县地区生产总值实现60.6亿元，增长5.2%】" in model.data(model.index(0, 3))
    assert "«" in model.data(model.index(0, 1)) and "[" not in model.data(model.index(0, 1))
    assert model.data(model.index(1, 1)).startswith("Statistic") and model.data(model.index(1, 2)).startswith("Directive")
    assert model.data(model.index(2, 1)) == "—"
    premerged = gold_rows(window)
    assert len(premerged) == 2
    assert all(g.status == SpanStatus.GOLD and g.provenance["method"] == "premerge" for g in premerged)
    assert premerged[0].provenance["agreed_by"] == ["li", "wang"] and premerged[0].provenance["adjudicator"] == "zhao"
    assert window.table.currentIndex().row() == 0  # the first open disagreement is current
    # heat: section one has 1 agreed of 2 per side (F1 .5), three has one unmatched span each side (F1 0)
    assert window.heat[0] == pytest.approx(0.5) and window.heat[2] == pytest.approx(0.0)
    assert window.outline_model.item(0, 1).text() == "0.50"
    assert window.outline_model.item(0, 0).background().color().isValid()


def test_keys_resolve_undo_and_provenance(window, qtbot):
    view = window.view
    qtbot.keyClick(view, Qt.Key.Key_B)  # boundary mismatch: take wang's longer span
    (taken,) = [g for g in gold_rows(window) if g.provenance.get("method") == "take"]
    assert TEXT[taken.start:taken.end] == "全县地区生产总值实现60.6亿元，增长5.2%"
    assert taken.provenance["chosen"] == "wang" and taken.provenance["adjudicator"] == "zhao"
    assert [o["annotator"] for o in taken.provenance["from"]] == ["li", "wang"]
    assert window.table.currentIndex().row() == 1  # moved on to the next open one
    assert not window.model.items[0].is_open

    qtbot.keyClick(view, Qt.Key.Key_A)  # label mismatch: li's statistic
    qtbot.keyClick(view, Qt.Key.Key_R)  # wang's extra directive: nobody's gold
    rejected = gold_rows(window, SpanStatus.REJECTED)
    assert len(rejected) == 1 and rejected[0].provenance["method"] == "reject"
    assert window.table.currentIndex().row() == 3
    qtbot.keyClick(view, Qt.Key.Key_A)  # li's extra directive in section three
    assert all(not item.is_open for item in window.model.items)
    assert len(gold_rows(window, SpanStatus.GOLD)) == 5

    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.model.items[3].is_open and len(gold_rows(window, SpanStatus.GOLD)) == 4
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.model.items[2].is_open and not gold_rows(window, SpanStatus.REJECTED)
    window.undo_stack.redo()
    assert len(gold_rows(window, SpanStatus.REJECTED)) == 1
    # agreement is on the annotators' layers: deciding changes nothing there
    assert window.agreement.span_counts == {"li": 5, "wang": 5}
    scores = {window.scores.item(r, 0).text(): window.scores.item(r, 3).text() for r in range(window.scores.rowCount())}
    assert set(scores) == {"li", "wang"}


def test_navigation_and_section_moves(window, qtbot):
    view = window.view
    qtbot.keyClick(view, Qt.Key.Key_N)
    assert window.table.currentIndex().row() == 1
    qtbot.keyClick(view, Qt.Key.Key_N, Qt.KeyboardModifier.ShiftModifier)  # next in section two
    assert window.table.currentIndex().row() == 2
    qtbot.keyClick(view, Qt.Key.Key_N, Qt.KeyboardModifier.ShiftModifier)  # none left in section two
    assert window.table.currentIndex().row() == 2
    qtbot.keyClick(view, Qt.Key.Key_P)
    qtbot.keyClick(view, Qt.Key.Key_P)
    assert window.table.currentIndex().row() == 0
    assert "全县地区生产总值" in window.detail.text()


def test_edit_uses_the_selection(window, qtbot):
    start = TEXT.index("全县")
    window.view.select_range(start, start + len("全县地区生产总值"))
    qtbot.keyClick(window.view, Qt.Key.Key_E)
    (edited,) = [g for g in gold_rows(window) if g.provenance.get("method") == "edit"]
    assert (edited.start, edited.end, edited.label) == (start, start + 8, "statistic")


def test_relabel_through_the_label_popup(window, qtbot):
    window.select_row(1)  # label mismatch
    qtbot.keyClick(window.view, Qt.Key.Key_L)
    menu = window.findChild(QMenu, "labelMenu")
    assert menu is not None and menu.isVisible()
    assert menu.activeAction().text().endswith("Directive")  # the label the base span does not have
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    (row,) = [g for g in gold_rows(window) if g.provenance.get("method") == "relabel"]
    assert row.label == "directive" and row.provenance["chosen"] == "li"


def test_accept_all_of_one_annotator_in_a_section_is_one_undo_step(window, qtbot):
    window.select_row(1)  # section two holds the label mismatch and wang's extra span
    qtbot.keyClick(window.view, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    taken = [g for g in gold_rows(window) if g.provenance.get("method") == "take"]
    assert len(taken) == 2 and {g.provenance["chosen"] for g in taken} == {"wang"}
    assert [item.is_open for item in window.model.items] == [True, False, False, True]
    window.undo_stack.undo()
    assert [item.is_open for item in window.model.items] == [True] * 4
    window.select_row(3)
    qtbot.keyClick(window.view, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)  # li's sole span in section three
    assert len(gold_rows(window, SpanStatus.REJECTED)) == 1


def test_reopen_and_refusals(window, qtbot):
    qtbot.keyClick(window.view, Qt.Key.Key_A)
    window.select_row(0)
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert window.model.items[0].is_open and len(gold_rows(window)) == 2
    window.select_row(2)  # only B has a span: A has nothing to take
    qtbot.keyClick(window.view, Qt.Key.Key_A)
    assert window.model.items[2].is_open and "has no span" in window.statusBar().currentMessage()


def test_choosing_annotators_and_reopening_keeps_decisions(window, qtbot, tmp_path):
    qtbot.keyClick(window.view, Qt.Key.Key_B)
    from annotator.gui.review import ReviewWindow

    again = ReviewWindow(window.project, "zhao", annotators=["li", "wang"], doc_id=window.doc_id)
    qtbot.addWidget(again)
    assert not again.model.items[0].is_open and len(gold_rows(again)) == 3  # no duplicate pre-merge
    assert again.picker.checked() == ["li", "wang"]
    again.close()


def test_screenshot(window, tmp_path):
    QApplication.processEvents()
    assert not window.grab().isNull()


def test_disagreement_model_passes_the_model_tester(window, qtmodeltester):
    qtmodeltester.check(window.model)


def test_main_cli_has_the_agreement_verb(tmp_path):
    from click.testing import CliRunner

    from annotator.cli import cli

    project, _doc = build_project(tmp_path / "c.db")
    project.close()
    out = CliRunner().invoke(cli, ["agreement", str(tmp_path / "c.db"), "--format", "table"])
    assert out.exit_code == 0, out.output
    assert "Per section" in out.output and "三、保障措施" in out.output
