"""One test per defect of issue 13, through the real main window (offscreen, real key events)."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from annotator.domain.selection import snap
from annotator.storage import documents, open_project
from annotator.structure.outline import parse_outline

STATS = ("一、经济运行\n全县地区生产总值增长5.2%，财政收入下降-3.5％，粮食产量约17.8万吨。\n"
         "二、民生保障\n城镇登记失业率控制在3‰以内，平均气温12℃，占比提高2个百分点。\n"
         "三、工作要求\n各级党委要切实加强领导，确保各项任务落到实处。\n")


def _rows(path, sql, params=()):
    with sqlite3.connect(path) as conn:
        return conn.execute(sql, params).fetchall()


@pytest.fixture
def stats_project(tmp_path):
    path = tmp_path / "stats.db"
    with open_project(path) as project:
        for title, text in (("统计", STATS), ("第二篇", STATS.replace("经济", "发展"))):
            documents.add_document(project, clean_text=text, raw_text=text, title=title, sections=parse_outline(text))
    return path


@pytest.mark.parametrize("value", ["5.2%", "-3.5％", "约17.8万吨", "3‰", "12℃", "2个百分点"])
def test_snapper_keeps_units_and_signs(value):
    start = STATS.index(value)
    for a, b in ((start, start + len(value)), (start - 1 if STATS[start - 1] in "，长降" else start,
                                               start + len(value) + 1)):
        s, e = snap(STATS, a, b)
        assert value in STATS[s:e] and not STATS[s:e].endswith(("，", "。")), (value, STATS[s:e])


def test_defect1_statistic_with_percent_saved_whole(make_window, stats_project, qtbot):
    window = make_window(stats_project)
    view = window.view
    view.setFocus()
    for value in ("5.2%", "-3.5％", "12℃"):
        start = window.session.text.index(value)
        view.select_range(start, start + len(value) + 1)  # the comma after it is dragged along, as by mouse
        qtbot.keyClick(view, Qt.Key.Key_2)
    texts = {STATS[s:e] for s, e in _rows(stats_project, "SELECT start, \"end\" FROM spans WHERE annotator='张三'")}
    assert texts == {"5.2%", "-3.5％", "12℃"}


def test_defect2_redo_by_ctrl_shift_z_and_ctrl_y(make_window, stats_project, qtbot):
    window = make_window(stats_project)
    view = window.view
    view.setFocus()
    keys = [k.toString() for k in window.actions_["redo"].shortcuts()]
    assert len(keys) == len(set(keys)) and {"Ctrl+Shift+Z", "Ctrl+Y"} <= set(keys)
    start = STATS.index("各级党委")
    view.select_range(start, start + 4)
    qtbot.keyClick(view, Qt.Key.Key_1)
    count = "SELECT count(*) FROM spans WHERE annotator='张三'"
    for modifiers, key in ((Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier, Qt.Key.Key_Z),
                           (Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_Y)):
        qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert _rows(stats_project, count) == [(0,)]
        qtbot.keyClick(view, key, modifiers)
        assert _rows(stats_project, count) == [(1,)]
    # No key sequence is bound to two actions of the window (that is what killed redo).
    seen = {}
    for name, action in window.actions_.items():
        for key in action.shortcuts():
            other = seen.setdefault((key.toString(), action.shortcutContext()), name)
            assert other == name, f"{key.toString()} bound to {other} and {name}"


def _click_row(qtbot, table, row):
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_defect3_keys_live_after_clicking_a_document_or_section(make_window, stats_project, qtbot):
    window = make_window(stats_project)
    window.search_box.setFocus()
    _click_row(qtbot, window.doc_table, 1)
    assert window.session.title == "第二篇"
    assert QApplication.focusWidget() is window.view
    first = window.session.sections[0]
    window.outline.setFocus()
    qtbot.waitUntil(lambda: len(window.navigation.outline_items) > 2)  # the outline tree fills after the first paint
    index = window.navigation.outline_items[2].index()
    rect = window.outline.visualRect(index)
    qtbot.mouseClick(window.outline.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert QApplication.focusWidget() is window.view
    assert window.view.selection()[0] == window.session.sections[2].start != first.start
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1)  # the heading is tagged: the key reached the view
    assert [s.label for s in window.session.spans] == ["directive"]


@pytest.mark.parametrize("size", [(1280, 800), (1024, 700), (1366, 768), (1920, 1080)])
def test_defect4_text_gets_most_of_the_width(make_window, stats_project, qtbot, size):
    window = make_window(stats_project)
    window.resize(*size)
    qtbot.waitUntil(lambda: window.view.width() >= 0.5 * window.width(), timeout=3000)
    assert window.docks["documents"].isVisible() or window.docks["spans"].isVisible()


def test_defect4_view_menu_and_focus_mode(make_window, stats_project, qtbot):
    window = make_window(stats_project)
    for key in ("documents", "outline", "spans"):
        toggle = window.actions_[f"show_{key}"]
        toggle.trigger()
        assert not window.docks[key].isVisible()
        toggle.trigger()
        assert window.docks[key].isVisible()
    shown = {key for key, dock in window.docks.items() if dock.isVisible()}  # guidelines: hidden until asked for
    assert {"documents", "outline", "spans"} <= shown
    window.actions_["focus_mode"].trigger()
    assert not any(d.isVisible() for d in window.docks.values()) and not window.toolbar.isVisible()
    qtbot.waitUntil(lambda: window.view.width() > 0.9 * window.width())
    window.actions_["focus_mode"].trigger()
    assert {key for key, dock in window.docks.items() if dock.isVisible()} == shown


def test_defect4_review_window_fits_the_screen(make_window, stats_project):
    window = make_window(stats_project)
    window.open_review()
    review = window._review
    area = review.screen().availableGeometry()
    assert review.width() <= area.width() and review.height() <= area.height()
    review.close()


def test_defect5_document_cursor_and_scroll_restored_after_a_crash(make_window, tmp_path, qtbot, settings_file):
    path = tmp_path / "long.db"
    long_text = "".join(f"{i}、第{i}部分\n" + "各级党委要切实加强领导，确保各项任务落到实处。" * 6 + "\n" for i in range(1, 80))
    with open_project(path) as project:
        documents.add_document(project, clean_text=STATS, raw_text=STATS, title="短")
        documents.add_document(project, clean_text=long_text, raw_text=long_text, title="长",
                               sections=parse_outline(long_text))
    window = make_window(path)
    window.resize(780, 560)  # inside the offscreen screen (800×600), so the restored geometry is not clamped
    _click_row(qtbot, window.doc_table, 1)
    assert window.session.title == "长"
    target = long_text.index("40、第40部分")
    window.view.move_to(target)
    qtbot.wait(50)
    top, cursor = window.view.first_visible(), window.view.cursor_position()
    assert top > 0 and cursor == target

    def saved():  # read the settings file as a new process would
        return QSettings(str(settings_file), QSettings.Format.IniFormat).value(window.position.key)

    # saved soon after the change (debounced), not at quit
    qtbot.waitUntil(lambda: saved() == [str(window.session.doc_id), str(cursor), str(window.view.first_visible())],
                    timeout=3000)
    top = window.view.first_visible()
    assert 0 < top <= cursor  # the jump shows the place it jumped to (no drift while highlighting)
    # "crash": no closeEvent; a second window starts from the settings file alone
    again = make_window(path)  # the window's size comes back from the settings too
    qtbot.waitUntil(lambda: again.session.title == "长")
    qtbot.wait(200)
    assert again.size() == window.size()
    assert again.view.cursor_position() == cursor
    # the same line on top once the lazy highlighting pass has settled
    qtbot.waitUntil(lambda: not again.view._pending and again.view.first_visible() == top, timeout=5000)


def test_defect6_qt_and_review_strings_in_chinese(qtbot, tmp_path, stats_project):
    from annotator.app import create_window
    from annotator.gui import i18n
    from annotator.gui.dialogs.import_report import reason_text
    from annotator.gui.review import ReviewWindow
    from annotator.gui.settings import Settings
    from annotator.gui.window_io import exchange_summary
    from annotator.exchange.exporting import ExportReport

    settings = Settings(tmp_path / "zh.ini")
    settings.annotator, settings.language = "李四", "zh_CN"
    settings.sync()
    try:
        window, project = create_window(stats_project, settings_file=tmp_path / "zh.ini", first_run=False)
        qtbot.addWidget(window)
        # Qt's own strings: the standard buttons and the text's context menu
        assert QApplication.translate("QPlatformTheme", "Cancel") == "取消"
        assert i18n.qt_catalogues("zh_CN"), "qtbase_zh_CN.qm not found in PySide6's translations folder"
        review = ReviewWindow(project, "李四", language="zh_CN")
        qtbot.addWidget(review)
        headers = [review.model.headerData(c, Qt.Orientation.Horizontal) for c in range(review.model.columnCount())]
        assert headers and "Kind" not in headers and "Text" not in headers, headers
        assert review.outline_model.headerData(0, Qt.Orientation.Horizontal) == "章节"
        summary = exchange_summary(ExportReport(files=["/tmp/x.jsonl"], documents=2, spans=5))
        assert "已将 2 篇文档中的 5 个标注写入" in summary
        assert reason_text("footer:icp") == "网站备案号（ICP）"
        assert reason_text("footer:something-new").startswith("页脚")
        review.close()
        window.close()
        project.close()
    finally:
        i18n.install(QApplication.instance(), "en")
    assert reason_text("footer:icp") == "website licence number (ICP)"


def test_defect7_demote_without_previous_sibling_records_nothing(make_window, stats_project, qtbot):
    window = make_window(stats_project)
    stack = window.controller.undo_group.activeStack()
    before = [(s.start, s.level) for s in window.session.sections]
    window.view.select_range(1, 1)  # inside "一、经济运行": the first heading has no previous sibling
    window.actions_["demote"].trigger()
    assert stack.count() == 0 and [(s.start, s.level) for s in window.session.sections] == before
    assert _rows(stats_project, "SELECT count(*) FROM section_edits")[0][0] == 0
    second = window.session.sections[1]
    window.view.select_range(second.start + 1, second.start + 1)
    window.actions_["demote"].trigger()  # the second one can become a child of the first
    assert stack.count() == 1 and window.session.sections[1].level == 2


def test_defect8_new_span_selected_and_attributes_by_keyboard(make_window, stats_project, qtbot):
    from annotator.gui.models.span_table import SPAN_ROLE

    window = make_window(stats_project)
    view = window.view
    view.setFocus()
    start = STATS.index("各级党委要切实加强领导")
    view.select_range(start, start + len("各级党委要切实加强领导"))
    qtbot.keyClick(view, Qt.Key.Key_1)
    (span,) = window.session.spans
    assert window.controller.current.id == span.id
    qtbot.waitUntil(lambda: not window.deferred.pending())  # the span panel follows on the next loop turn (gui/coalesce.py)
    selected = window.span_table.selectionModel().selectedRows()
    assert [i.data(SPAN_ROLE) for i in selected] == [span.id]
    qtbot.keyClick(view, Qt.Key.Key_F2)
    field = QApplication.focusWidget()
    assert field.objectName() == "attr_actor"
    qtbot.keyClicks(field, "Party committees")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is view
    assert "Party committees" in _rows(stats_project, "SELECT attributes FROM spans WHERE id=?", [span.id])[0][0]


def test_defect8_first_run_name_selected_and_escape_asks(qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from annotator.gui.dialogs.first_run import FirstRunDialog

    dialog = FirstRunDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    proposed = dialog.name.text()
    if proposed:
        assert dialog.name.selectedText() == proposed
    qtbot.keyClicks(dialog.name, "jia")
    assert dialog.name.text() == "jia"  # typing replaced the login name
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.No)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked and dialog.isVisible()  # it asked, and "No" keeps the dialog open
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == 0

