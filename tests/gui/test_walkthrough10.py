"""What the checker hit walking the workspace at a real display (Xvfb 1024×700, 1366×768 and 1920×1080,
English and Chinese, keyboard only), session 10. One test per defect; each failed before its fix."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QLabel, QScrollArea


def _inside(widget, area: QScrollArea) -> bool:
    """Whether ``widget`` is wholly inside the scroll area's viewport (seen, not cut by its edge)."""
    top_left = widget.mapTo(area.viewport(), QPoint(0, 0))
    return area.viewport().rect().contains(QRect(top_left, widget.size()))


def test_the_attribute_form_is_never_cut_at_1024x700(make_window, project_path, qtbot):
    """At 1024×700 the attribute form's last rows and the suggestion's hint ("accept it (Enter) to edit
    its attributes") were below the span panel's bottom edge, with no way to reach them. The hint is the
    first row now, and the form scrolls to any field the keyboard moves to."""
    window = make_window(project_path)
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: bool(window.session.suggestions), timeout=20_000)
    area = window.findChild(QScrollArea, "attributeScroll")
    assert area is not None and area.widget() is window.spans.attributes
    suggestion = next(s for s in window.session.suggestions if s.label == "statistic")
    window.controller.set_current(window.session.find_span(suggestion.id))
    window.spans.flush()
    qtbot.wait(50)
    page = window.spans.attributes.stack.currentWidget()
    hint = next(label for label in page.findChildren(QLabel) if "Enter" in label.text())
    assert hint.isVisible() and _inside(hint, area), (hint.geometry(), area.viewport().rect())
    # the form has its room: the first fields are seen with the hint, not a sliver of it
    first = next(iter(window.spans.attributes.fields.values()))
    assert _inside(first, area)
    # an accepted statistic: F2 and Tab walk to its last field, which the area scrolls into sight
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    accepted = [s for s in window.session.spans if (s.start, s.end, s.label) == suggestion.key[:3]]
    assert accepted, "Enter accepts the suggestion"
    window.controller.set_current(accepted[0])
    window.spans.flush()
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F2)
    fields = list(window.spans.attributes.fields.values())
    qtbot.waitUntil(lambda: fields[0].hasFocus())
    for _ in fields[1:]:
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
    assert fields[-1].hasFocus()
    qtbot.waitUntil(lambda: _inside(fields[-1], area))


def test_the_review_list_shows_whole_cells_at_1024x700(qtbot, project_path, tmp_path):
    """At 1024×700 the review window's side panel took 280 px and left the disagreement list 520: each
    annotator's column read "统计数据 ...", the text in context four characters. On a narrow screen the
    side panel starts hidden (F9 or View shows it, and the choice is kept); the columns follow the room
    the list really has."""
    from annotator.domain.model import Span
    from annotator.gui.review import ReviewWindow
    from annotator.storage import open_project
    from annotator.storage import spans as span_store
    from annotator.storage.documents import clean_text

    project = open_project(project_path)
    text = clean_text(project, 1)
    start = text.index("%") - 4
    for who in ("张三", "李四", "王五"):
        span_store.add_span(project, Span(start, start + 5 + (who == "王五"), "statistic", who, document_id=1))
    window = ReviewWindow(project, "陈组长")
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    qtbot.waitExposed(window)
    assert not window.side_dock.isVisible()
    model, table = window.model, window.table
    assert model.rowCount() >= 1
    qtbot.waitUntil(lambda: table.columnWidth(model.columnCount() - 2) >= 150)  # the text in context
    metrics = table.fontMetrics()
    for column in range(1, model.columnCount() - 2):  # each annotator's span: label and words, whole
        cell = model.index(0, column).data()
        assert table.columnWidth(column) >= metrics.horizontalAdvance(cell) + 8, (cell, table.columnWidth(column))
    window.actions_["side_panel"].trigger()  # F9: the side panel, kept when the window is resized
    assert window.side_dock.isVisible()
    window.resize(1000, 690)
    qtbot.wait(20)
    assert window.side_dock.isVisible()
    window.close()
    project.close()


PAINT = """
import sys
from pathlib import Path
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication
from annotator.gui import compose
if sys.argv[3] == "left-on":
    compose.NO_PAINT_POOL = ("ANNOTATOR_TEST_UNUSED", "1")
app = QApplication([])
window, project = compose.create_window(sys.argv[1], settings_file=sys.argv[2], first_run=False)
window.resize(1366, 768)
window.show()
while window.session.doc_id is None or window.busy():
    app.processEvents()
for _ in range(5):
    window.repaint()
    window.view.viewport().repaint(QRect(0, 0, 1, 1))
pooled = [t for t in Path("/proc/self/task").iterdir() if (t / "comm").read_text().strip() == "Thread (pooled)"]
print(len(pooled))
window.close()
project.close()
"""


def test_a_repaint_never_waits_for_qt_paint_threads(project_path, settings_file):
    """Qt's raster engine split every fill of a tall line (a scroll bar, a separator) into tasks on its
    own thread pool and waited for them: 20 waits in each repaint of the window, even of one pixel. With
    both cores busy each wait went through the scheduler — 17–44 ms of wall for 3–6 ms of CPU in a
    keystroke's paint (gui/bench_trace.py). The window is built with that pool off: painting it starts no
    thread (left on, the same paints start Qt's pooled threads: the check sees them)."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("QT_NO_GUI_THREADPOOL", None)

    def threads(mode: str) -> int:
        out = subprocess.run([sys.executable, "-c", PAINT, str(project_path), str(settings_file), mode], env=env,
                             capture_output=True, text=True, timeout=300)
        assert out.returncode == 0, out.stderr[-2000:]
        return int(out.stdout.strip().splitlines()[-1])

    assert threads("as-built") == 0
    assert threads("left-on") > 0


SEEDS = sorted(__import__("pathlib").Path("/work/shared/seeds").glob("*.txt"))


def test_down_in_the_corpus_search_box_opens_the_next_hit(make_window, tmp_path, qtbot):
    """The search box's hint says Tab / Down reach the list of hits; Down did nothing at a real display."""
    from annotator.ingest import import_paths
    from annotator.storage import open_project

    assert len(SEEDS) >= 5, "the seeds (/work/shared/seeds) are needed"
    path = tmp_path / "seeds.db"
    with open_project(path) as project:
        assert import_paths(project, [str(p) for p in SEEDS[2:5]]).imported == 3
    window = make_window(path)
    box = window.search_box
    window.navigation.focus_search()
    box.setText("发展")
    qtbot.waitUntil(lambda: window.doc_model.rowCount() >= 2)
    ids = window.doc_model.ids()
    first = window.session.doc_id
    qtbot.keyClick(box, Qt.Key.Key_Down)
    # the next hit's document, opened at the hit, the keys in its text (as a hit opened with Enter)
    qtbot.waitUntil(lambda: window.session.doc_id not in (None, first))
    assert window.session.doc_id == ids[ids.index(first) + 1 if first in ids else 0]
    start, end = window.view.selection()
    assert window.session.text[start:end] == "发展"
    qtbot.waitUntil(window.view.hasFocus)


def test_the_rename_field_shows_the_whole_title(make_window, project_path, qtbot):
    """The rename dialog's field was 175 px: of a long title only its end was seen."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QInputDialog, QLineEdit

    window = make_window(project_path)
    title = "在中共青川市委经济工作会议上的讲话（二〇二四年十二月）"
    seen = []

    def look():
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QInputDialog) and w.isVisible())
        field = dialog.findChild(QLineEdit)
        seen.append((field.width(), field.fontMetrics().horizontalAdvance(title), field.text()))
        field.setText(title + "（改）")
        dialog.accept()
    QTimer.singleShot(200, look)
    window.navigation.rename_document()
    width, needed, shown = seen[0]
    assert width >= needed and shown  # the whole current title is in sight
    qtbot.waitUntil(lambda: window.doc_model.rows[0]["title"].endswith("（改）") if window.doc_model.rows else False)


def test_the_delete_question_names_a_title_with_brackets_as_it_is(make_window, project_path):
    """"0 个标注（）" lost its empty bracket by a replace over the whole question, and the title's "（）"
    with it: a document titled "报告（）" was asked about as "报告"."""
    window = make_window(project_path)
    trash = window.team.trash
    text = trash.confirm_text(window.session.doc_id, "报告（） (draft) ()")
    assert "报告（） (draft) ()" in text


def test_a_note_on_a_suggestion_is_quoted_with_its_body(make_window, project_path, qtbot):
    """Ctrl+M on the suggestion Tab walked to: the notes list said "on a span no longer in your layer" —
    it looked for the span among the tagged ones only."""
    from annotator.gui.dialogs.notes import NotesDialog

    window = make_window(project_path)
    qtbot.waitUntil(lambda: bool(window.session.suggestions), timeout=20_000)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    suggestion = window.controller.current
    assert suggestion is not None and suggestion.status == "suggested"
    window.controller.add_note("check the boundary please")
    dialog = NotesDialog(window.session, window.controller.push, window)
    qtbot.addWidget(dialog)
    words = window.session.text[suggestion.start:suggestion.end][:10]
    item = next(dialog.list.item(i).text() for i in range(dialog.list.count())
                if "check the boundary" in dialog.list.item(i).text())
    assert words in item and "no longer" not in item
    # every line of every note has its room (a Chinese first line and a Latin body: the body was cut to "…")
    dialog.show()
    qtbot.waitExposed(dialog)
    spacing = dialog.list.fontMetrics().lineSpacing()
    for row in range(dialog.list.count()):
        lines = dialog.list.item(row).text().count("\n") + 1
        assert dialog.list.visualItemRect(dialog.list.item(row)).height() >= lines * spacing + 2


def test_windows_opened_by_a_key_come_forward_with_the_keyboard(make_window, project_path, qtbot, monkeypatch):
    """At a real display (openbox) Ctrl+Shift+R opened the review window behind the main one: its keys
    went to the text underneath. Review, compare and progress are raised and activated when opened."""
    from annotator.gui import layout

    asked = []
    real = layout.bring_forward
    monkeypatch.setattr(layout, "bring_forward", lambda w: (asked.append(type(w).__name__), real(w)))
    for module in ("annotator.gui.main_window", "annotator.gui.window_team"):
        monkeypatch.setattr(f"{module}.bring_forward", layout.bring_forward)
    window = make_window(project_path)
    window.open_review()
    qtbot.waitUntil(lambda: window._review.isVisible())
    window.team.show_progress()
    assert asked == ["ReviewWindow", "ProgressDialog"]
    qtbot.waitUntil(lambda: window.team.progress_dialog.isActiveWindow(), timeout=5000)
    window._review.close()


def test_a_narrow_document_list_keeps_the_titles_readable(make_window, project_path, qtbot):
    """In a narrow documents dock the length and status columns took 132 of 150 pixels and every title
    read "…" (a window restored small at 1366×768). Narrow, the length column goes and the status column
    shrinks; wide again, both come back."""
    window = make_window(project_path)
    table = window.doc_table
    dock = window.docks["documents"]
    window.resize(1024, 700)
    window.resizeDocks([dock], [170], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: table.viewport().width() < 200)
    qtbot.waitUntil(lambda: table.columnWidth(0) >= table.viewport().width() * 0.55)
    assert table.isColumnHidden(1)
    window.resize(1920, 1080)
    window.resizeDocks([dock], [420], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: table.viewport().width() > 300)
    qtbot.waitUntil(lambda: not table.isColumnHidden(1))
    assert table.columnWidth(2) == 76


def test_view_guidelines_brings_the_panel_to_the_front(make_window, project_path, qtbot):
    """View → Guidelines showed the panel as a tab behind the span panel: nothing seemed to happen."""
    window = make_window(project_path)
    dock = window.docks["guidelines"]
    assert not dock.isVisible()
    window.actions_["show_guidelines"].trigger()
    qtbot.waitUntil(lambda: dock.isVisible() and not dock.visibleRegion().isEmpty())
    assert window.docks["spans"].visibleRegion().isEmpty()  # the span panel is the tab behind now


def test_escape_in_the_text_closes_the_find_bar(make_window, project_path, qtbot):
    """A hit opened from the corpus search leaves the keys in the text with the find bar open; Escape
    there did nothing (only Escape in the bar's field closed it)."""
    window = make_window(project_path)
    bar = window.find_bar
    bar.open_bar("要")
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    assert bar.isVisible()
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert not bar.isVisible() and window.view.hasFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)  # closed: Escape is not taken any more
    assert not bar.isVisible()
