"""What an annotator walking the app at a real display (Xvfb, keyboard only, Chinese UI) hit in
session 7, one test each: every defect test failed before its fix. Two are guards of a fix, not
defects: the English UI keeps the OS's words, and painting far-apart rectangles one by one (the keystroke
frame's saving) draws the same pixels."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.gui.models.span_table import SPAN_ROLE
from annotator.storage import documents, open_project
from annotator.structure.outline import parse_outline

CORPUS = Path(__file__).resolve().parents[1] / "data" / "outline_corpus"
REPORT = ("一、过去一年\n全年国内生产总值增长3%，城镇新增就业1206万人，居民消费价格上涨2%。\n"
          "新增劳动力平均受教育年限从13.5年提高到14年。\n"
          "二、今年工作\n各级党委要切实加强领导，确保各项任务落到实处。\n")


@pytest.fixture
def report_project(tmp_path):
    path = tmp_path / "report.db"
    with open_project(path) as project:
        for title, text in (("报告", REPORT), ("第二篇", REPORT.replace("过去", "以往"))):
            documents.add_document(project, clean_text=text, raw_text=text, title=title, sections=parse_outline(text))
    return path


def _idle(window, qtbot):
    qtbot.waitUntil(lambda: not window.deferred.pending())


def test_new_span_row_stays_in_view_when_the_attribute_form_grows(make_window, tmp_path, qtbot):
    """At 1600×1000 a statistic tagged after walking suggestions was selected in the span table but out
    of sight: the table scrolled to it, then shrank (the statistic form has eight fields, a suggestion's
    three) and the row slid below the bottom edge."""
    from annotator.ingest import import_paths

    path = tmp_path / "report.db"
    with open_project(path) as project:
        assert import_paths(project, [CORPUS / "baogao_2023_guowuyuan.txt"]).imported == 1
    window = make_window(path)
    window.resize(1024, 700)
    view, table = window.view, window.span_table
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Tab)  # the first suggestion: a directive, the read-only form
    _idle(window, qtbot)
    start = window.session.text.index("13.5年")
    view.select_range(start, start + len("13.5年"))
    qtbot.keyClick(view, Qt.Key.Key_2)
    _idle(window, qtbot)
    qtbot.wait(50)  # the form's new page is laid out
    QApplication.processEvents()
    (index,) = table.selectionModel().selectedRows()
    assert index.data(SPAN_ROLE) == window.controller.current.id
    assert table.viewport().rect().contains(table.visualRect(index)), (table.visualRect(index), table.viewport().rect())


def test_the_current_span_shows_its_own_label_colour(make_window, report_project, qtbot):
    """The span under the cursor was painted yellow over its label's colour: a statistic just tagged
    with 2 looked like a directive (amber) until the cursor moved away."""
    from PySide6.QtGui import QColor, QTextCharFormat

    window = make_window(report_project)
    view = window.view
    view.setFocus()
    for value, key, label in (("13.5年", Qt.Key.Key_2, "statistic"), ("切实加强领导", Qt.Key.Key_1, "directive")):
        start = window.session.text.index(value)
        view.select_range(start, start + len(value))
        qtbot.keyClick(view, key)
        assert window.controller.current.label == label
        mark = view.extraSelections()[-1]
        assert (mark.cursor.selectionStart(), mark.cursor.selectionEnd()) == (start, start + len(value))
        drawn = mark.format.background().color()
        assert drawn.hue() == QColor(window.session.label(label).colour).hue()
        assert mark.format.fontUnderline()  # still told apart from the other spans of that label
        assert mark.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
    qtbot.keyClick(view, Qt.Key.Key_Tab)  # a suggestion: dotted like every suggestion, lighter than a tag
    mark = view.extraSelections()[-1]
    assert window.controller.current.status == "suggested"
    assert mark.format.underlineStyle() == QTextCharFormat.UnderlineStyle.DotLine
    assert mark.format.background().color().alpha() < drawn.alpha()


PREAMBLE = "国务院总理在报告中指出，过去一年极不平凡。\n城镇调查失业率降到5.5%。\n"


def test_passing_through_the_outline_with_f6_leaves_the_text_where_it_was(make_window, tmp_path, qtbot):
    """The cursor in text before the first heading (no section current in the tree), F6 F6: the tree took
    the focus, made its first item current, and the text jumped to that section with its heading selected."""
    path = tmp_path / "preamble.db"
    text = PREAMBLE + REPORT
    with open_project(path) as project:
        documents.add_document(project, clean_text=text, raw_text=text, title="报告", sections=parse_outline(text))
    window = make_window(path)
    view = window.view
    view.setFocus()
    pos = text.index("极不平凡")
    view.select_range(pos, pos)
    _idle(window, qtbot)
    assert not window.outline.currentIndex().isValid()
    qtbot.keyClick(view, Qt.Key.Key_F6)
    assert QApplication.focusWidget() is window.doc_table
    qtbot.keyClick(window.doc_table, Qt.Key.Key_F6)
    assert QApplication.focusWidget() is window.outline
    _idle(window, qtbot)
    assert view.selection() == (pos, pos)
    assert window.session.doc_id is not None


def test_one_label_only_is_what_the_text_shows_and_tab_walks(make_window, report_project, qtbot):
    """The span panel's label filter narrowed the table only: the text went on drawing every label and
    Tab stopped on suggestions the annotator had asked not to see."""
    window = make_window(report_project)
    view, session = window.view, window.session
    view.setFocus()
    start = session.text.index("切实加强领导")
    view.select_range(start, start + len("切实加强领导"))
    qtbot.keyClick(view, Qt.Key.Key_1)  # a directive, tagged
    labels = {s.label for s in session.spans + session.suggestions}
    assert "statistic" in labels and "directive" in labels
    combo = window.spans.filter_label
    combo.setCurrentIndex(combo.findData("statistic"))
    drawn = window.view.highlighter.index.overlapping(0, len(session.text))
    assert drawn and {s.label for s in drawn} == {"statistic"}
    view.select_range(0, 0)
    seen = set()
    for _ in range(len(session.suggestions) + 1):
        qtbot.keyClick(view, Qt.Key.Key_Tab)
        seen.add(window.controller.current.label)
    assert seen == {"statistic"}
    # "tagged" in the status filter is "hide suggestions": the View menu's toggle follows, and back
    window.spans.filter_status.setCurrentIndex(window.spans.filter_status.findData("accepted"))
    assert window.actions_["hide_suggestions"].isChecked()
    assert all(s.status != "suggested" for s in window.view.highlighter.index.overlapping(0, len(session.text)))
    window.actions_["hide_suggestions"].setChecked(False)
    combo.setCurrentIndex(0)
    assert window.view.highlighter.index is session.index  # everything again, no copy in between


def test_corpus_search_by_keyboard_opens_the_document_at_the_hit(make_window, report_project, qtbot):
    """The search box could not be reached by keyboard (F6 went to the list, where Tab moved between
    cells), and Enter in it did nothing: a hit was opened by mouse only."""
    window = make_window(report_project)
    view, session = window.view, window.session
    view.setFocus()
    first = session.doc_id
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    box = window.search_box
    assert box.hasFocus()
    box.insert("以往一年")  # only in the second document (QTest types ASCII only)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: session.doc_id != first)
    qtbot.waitUntil(lambda: view.selection()[1] > view.selection()[0])
    start, end = view.selection()
    assert session.text[start:end] == "以往一年"
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Escape)  # back to the text, the hit still selected
    assert view.hasFocus() and view.selection() == (start, end)
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(box, Qt.Key.Key_Tab)
    assert window.doc_table.hasFocus()
    qtbot.keyClick(window.doc_table, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert box.hasFocus()


def test_typing_a_search_keeps_the_keyboard_in_the_search_box(make_window, report_project, qtbot):
    """Each character typed refilters the list (a model reset): the open document's row stopped being the
    list's current one, so Tab then Down into the list started from nowhere; the keyboard stays in the box."""
    window = make_window(report_project)
    box = window.search_box
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    for char in "全年国内":
        box.insert(char)
        qtbot.wait(30)
        assert box.hasFocus(), QApplication.focusWidget()
    assert box.text() == "全年国内" and not window.find_bar.isVisible()
    row = window.doc_model.row_of(window.session.doc_id)
    assert window.doc_table.currentIndex().row() == row  # the open document stays the list's current row


def test_reimporting_the_open_document_shows_its_new_text_and_f4_walks_the_flagged(make_window, tmp_path, qtbot):
    """The speech open in the window was imported again with an edited text: the project moved its
    spans to the new text, but the window went on showing the old one (a tag then landed at an offset of
    a text that no longer exists), the summary said "imported 0 … failed 0", and the keys went to the
    closed progress dialog's Cancel button."""
    from annotator.ingest import import_paths

    speech = tmp_path / "讲话.txt"
    speech.write_text(REPORT, encoding="utf-8")
    path = tmp_path / "reimport.db"
    with open_project(path) as project:
        assert import_paths(project, [speech]).imported == 1
    window = make_window(path)
    view, session = window.view, window.session
    view.setFocus()
    for value, key in (("切实加强领导", Qt.Key.Key_1), ("13.5年", Qt.Key.Key_2)):
        start = session.text.index(value)
        view.select_range(start, start + len(value))
        qtbot.keyClick(view, key)
    edited = REPORT.replace("13.5年", "13.8年").replace("一、过去一年\n", "一、过去一年\n报告全文如下。\n")
    speech.write_text(edited, encoding="utf-8")
    window.jobs.import_paths([str(speech)])
    qtbot.waitUntil(lambda: not window.busy(), timeout=20_000)
    qtbot.waitUntil(lambda: "13.8年" in session.text, timeout=5000)
    assert view.toPlainText() == session.text  # no astral characters here: UTF-16 and code points agree
    moved = next(s for s in session.spans if s.label == "directive")
    assert session.text[moved.start:moved.end] == "切实加强领导"
    message = window.statusBar().currentMessage()
    assert "changed text" in message and "F4" in message, message
    view.select_range(0, 0)
    assert window.focusWidget() is view  # not the closed progress dialog's Cancel button
    qtbot.keyClick(view, Qt.Key.Key_F4)
    flagged = window.controller.current
    assert flagged is not None and flagged.label == "statistic" and "needs_review" in flagged.provenance
    assert view.selection() == (flagged.start, flagged.end)
    # a tag now lands on the new text
    start = session.text.index("报告全文")
    view.select_range(start, start + 4)
    qtbot.keyClick(view, Qt.Key.Key_1)
    with open_project(path) as project:
        from annotator.storage import spans as span_store

        texts = {session.text[s.start:s.end] for s in span_store.list_spans(project, session.doc_id)
                 if s.status == "accepted"}
    assert "报告全文" in texts


def test_flag_reasons_and_os_errors_in_chinese(chinese):
    """The F4 message and the span table's tooltip showed reanchor's English reason; an OS error inside
    an import reason ("cannot be read (input/output error)") stayed English in the Chinese UI."""
    from annotator.gui.read_reasons import os_error_text, read_reason_text
    from annotator.gui.review_reasons import review_reason_text
    from annotator.storage.reanchor import reanchor

    old, new = "甲乙丙丁。要抓好农业工作。戊己庚辛。", "甲乙丙丁。要抓好工业工作。戊己庚辛。"
    from annotator.domain.model import Span

    _moved, flagged = reanchor(old, new, [Span(document_id=1, start=5, end=12, label="directive", annotator="a")])
    (_span, reason), = flagged
    said = review_reason_text(reason)
    assert said != reason and not re.search("[A-Za-z]{3,}", said), said
    assert "17" in review_reason_text("its offsets [3, 17) do not fit the old text")
    said = read_reason_text("cannot-read", {"error": "input/output error"}, "cannot be read (input/output error)")
    assert "输入/输出错误" in said and "input/output error" in said, said  # the OS's words kept as detail
    assert "磁盘空间已满" in os_error_text("OSError: [Errno 28] No space left on device")
    assert os_error_text("something the OS never says") == "something the OS never says"


def test_os_errors_stay_as_the_os_says_them_in_english():
    from annotator.gui.read_reasons import read_reason_text

    reason = "cannot be read (input/output error)"
    assert read_reason_text("cannot-read", {"error": "input/output error"}, reason) == reason


def _long_report(tmp_path):
    text = "".join(f"{n}、第{n}部分\n" + "各级党委要切实加强领导，确保各项任务落到实处，增长5.2%。" * 6 + "\n" for n in range(1, 400))
    path = tmp_path / "long.db"
    with open_project(path) as project:
        documents.add_document(project, clean_text=text, raw_text=text, title="长报告", sections=parse_outline(text))
    return path


def test_the_lazy_highlighting_pass_leaves_the_screen_alone(make_window, tmp_path, qtbot):
    """Each slice of the pass that formats a long document's off-screen paragraphs asked the layout
    for a repaint of the whole view (the whole 1920×1080 text, every few milliseconds for the first
    seconds): the slices now repaint only what of theirs is on screen."""
    window = make_window(_long_report(tmp_path))
    view = window.view
    window.session.open_document(window.session.doc_id)  # a fresh pass, from the top
    view.highlighter.set_data(view.highlighter.utf16, window.session.index, window.session.sections,
                              window.spans.colours(), rehighlight=False)
    view._lazy.stop()
    asked = []
    view.document().documentLayout().update.connect(lambda rect: asked.append(rect))
    pending = len(view._pending)
    assert pending > 100
    while view._pending:  # slices of a second each: under load one slice does not cover them all
        view._highlight_some(budget=1.0)
    assert asked == []  # no whole-view repaint requested by the layout, in any slice
    qtbot.waitUntil(lambda: not window.session.partial)  # the whole outline read (session.py)
    last = window.session.sections[-1]
    far = view.document().findBlock(view.utf16.to_utf16(last.start))
    assert view.blockBoundingGeometry(far).translated(view.contentOffset()).top() > view.viewport().height()  # off screen …
    view.highlighter.set_headings(window.session.sections)
    view._lazy.stop()
    asked.clear()  # the full read's redraw (a visible pass through the layout: expected)
    view._pending, view._order, view._next = {0, 1, last_block := view.document().findBlock(
        view.utf16.to_utf16(last.start)).blockNumber()}, [0, 1, last_block], 0
    while view._pending:
        view._highlight_some(budget=1.0)
    assert asked == []
    block = view.document().findBlock(view.utf16.to_utf16(last.start))
    assert block.layout().formats(), "… was formatted all the same"


def test_far_apart_dirty_rectangles_paint_the_same_pixels(make_window, tmp_path, qtbot):
    """The text view paints far-apart dirty rectangles one by one (QPlainTextEdit painted everything in
    their bounding box); what ends up on screen must be the same."""
    from PySide6.QtCore import QRect

    window = make_window(_long_report(tmp_path))
    view = window.view
    view.highlight_pending()
    viewport = view.viewport()
    width, height = viewport.width(), viewport.height()
    shots = []
    for split in (False, True):
        type(view).SPLIT_PAINT = split
        try:
            viewport.repaint()
            viewport.update(QRect(0, 0, width, 20))
            viewport.update(QRect(0, height - 20, width, 20))
            viewport.repaint(QRect(0, 0, 1, 1))  # paints every dirty region now
            shots.append(viewport.grab().toImage())
        finally:
            type(view).SPLIT_PAINT = True
    assert shots[0] == shots[1]


def test_label_import_reasons_in_chinese(tmp_path, chinese):
    """A label file's refused lines were listed in English in the Chinese UI ("line 2: span [0, 9) does
    not fit the text's 3 characters"). Real refusals from the real importer: a reworded reader message
    falls back to English, and this test then says which shape drifted."""
    from annotator.gui.exchange_reasons import exchange_reason_text, line_problem_text
    from annotator.exchange.jsonread import InputFileError
    from annotator.services.exchange import import_labels

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": \n{"text": "甲乙丙", "label": [[0, 9, "directive"]]}\n{"label": []}\n'
                   '{"text": "甲乙丙丁", "label": [[0, 2, ""]]}\n', encoding="utf-8")
    with open_project(tmp_path / "p.db") as project:
        report = import_labels(project, str(bad), "doccano", annotator="张三")
        said = [line_problem_text(p) for p in report.failed]
        assert [s.split("：", 1)[0] for s in said] == ["第 1 行", "第 2 行", "第 3 行", "第 4 行"], said
        assert "不是有效的 JSON" in said[0]
        for text in said[1:]:  # no English left in these
            assert not re.search("[A-Za-z]{3,}", text), text
        empty = tmp_path / "empty.jsonl"
        empty.write_text("", encoding="utf-8")
        with pytest.raises(InputFileError) as refused:
            import_labels(project, str(empty), "doccano", annotator="张三")
    said = exchange_reason_text(str(refused.value))
    assert said != str(refused.value) and not re.search("[A-Za-z]{3,}", said), said
    assert exchange_reason_text("a sentence no reader writes") == "a sentence no reader writes"


def test_byte_sizes_in_reasons_follow_the_locale(chinese):
    """A reader writes sizes as "1.5 GB" (English); the reason shown says them the locale's way."""
    from PySide6.QtCore import QLocale

    from annotator.gui.read_reasons import data_size, read_reason_text

    reason = "unsafe .docx: it would unpack to 1.5 GB; the limit is 512 MB (possible zip bomb)"
    said = read_reason_text("docx-unpacked-too-large", {"size": "1.5 GB", "limit": "512 MB"}, reason)
    assert "1.5 GB" in said and "512 MB" in said and said != reason
    assert data_size(8) == "8 字节"
    QLocale.setDefault(QLocale("de_DE"))
    try:
        assert data_size(3 * 2**29) == "1,5 GB"
    finally:
        QLocale.setDefault(QLocale("zh_CN"))


def test_attribute_choices_in_the_ui_language_stored_as_the_schema_says(zh_window, qtbot):
    """The directive's strength field showed "normal" in the Chinese UI; the stored value stays "strong"."""
    from PySide6.QtWidgets import QComboBox

    window = zh_window
    view, session = window.view, window.session
    view.setFocus()
    text = session.text
    start = next(i for i in range(len(text)) if text.startswith("要", i))
    view.select_range(start, start + 6)
    qtbot.keyClick(view, Qt.Key.Key_1)
    window.spans.flush()
    combo = window.findChild(QComboBox, "attr_strength")
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert "一般" in labels and "normal" not in labels, labels
    combo.setCurrentIndex(combo.findData("strong"))
    span = session.find_span(window.controller.current.id)
    assert span.attributes.get("strength") == "strong"
    assert combo.currentText() == "强"


def test_qt_file_dialog_is_sized_to_be_read(qtbot, tmp_path):
    """Qt's own file dialog (no platform dialog: a bare X session) opened at ~610×430 with its size,
    type and date columns cut ("14....KiB", "2026/1…")."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QFileDialog, QTreeView

    from annotator.gui.file_dialogs import fit_next

    for n in range(3):
        (tmp_path / f"讲话{n}.txt").write_text("各级党委要切实加强领导。" * (10 ** n), encoding="utf-8")
    seen = {}

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        view = dialog.findChild(QTreeView, "treeView")
        qtbot.waitUntil(lambda: view.model().rowCount(view.rootIndex()) == 3, timeout=5000)
        qtbot.wait(300)
        area = dialog.screen().availableGeometry()
        seen["size"] = (dialog.width(), dialog.height(), area.width(), area.height())
        seen["cut"] = [view.model().index(r, c, view.rootIndex()).data() for r in range(3) for c in (1, 3)
                       if view.sizeHintForColumn(c) > view.header().sectionSize(c)]
        dialog.reject()

    fit_next()
    QTimer.singleShot(200, look)
    QFileDialog.getOpenFileNames(None, "导入", str(tmp_path), "*.txt",
                                 options=QFileDialog.Option.DontUseNativeDialog)
    width, height, screen_w, screen_h = seen["size"]
    assert width >= min(screen_w * 2 // 3, 1100) - 1 and height >= min(screen_h * 2 // 3, 700) - 1
    assert seen["cut"] == []


def test_undo_import_names_the_step_after_a_restart(make_window, report_project, tmp_path, qtbot):
    """After a restart the File menu read "撤销删除 导入 5 篇文档" ("Undo delete Import of 5 documents"):
    the step's own text came only with the next change of the stack."""
    speech = tmp_path / "新讲话.txt"
    speech.write_text(REPORT.replace("过去一年", "去年"), encoding="utf-8")
    window = make_window(report_project)
    window.jobs.import_paths([str(speech)])
    qtbot.waitUntil(lambda: not window.busy(), timeout=20_000)
    assert window.actions_["undo_delete"].text() == "Undo: Import of 1 documents"
    window.close()
    again = make_window(report_project)
    assert again.actions_["undo_delete"].text() == "Undo: Import of 1 documents"
