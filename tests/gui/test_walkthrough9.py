"""What the checker hit walking the workspace at a real display (Xvfb 1024×700, 1366×768 and 1920×1080,
English and Chinese, keyboard only, on the seeds and a long report), session 9. One test per defect;
each failed before its fix."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolBar, QToolButton


def _toolbar_buttons(window) -> list[tuple[int, int, str]]:
    bar = window.findChild(QToolBar, "taggingToolbar")
    return sorted((b.x(), b.width(), b.text()) for b in bar.findChildren(QToolButton)
                  if b.defaultAction() is not None and b.isVisible())


def test_the_toolbar_does_not_move_when_a_key_adds_an_undo_step(make_window, project_path, qtbot):
    """After Enter the toolbar's Undo button read "Undo Accept suggestion": it grew, every button after it
    moved (Mark document done went under the » menu at 1024 px) and the whole toolbar was laid out and
    repainted on every key. The button says "Undo"; the Edit menu still says what it undoes."""
    window = make_window(project_path)
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: bool(window.session.suggestions), timeout=20_000)
    window.view.setFocus()
    before = _toolbar_buttons(window)
    qtbot.keyClick(window.view, Qt.Key.Key_Tab)
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.actions_["undo"].isEnabled())
    after = _toolbar_buttons(window)
    assert after == before
    assert window.actions_["undo"].text() != "Undo"  # the menu entry names the step ("Undo Accept suggestion")
    assert window.actions_["undo"].iconText() == "Undo"


def test_selecting_a_suggestion_or_a_statistic_never_widens_the_span_panel(make_window, project_path, qtbot):
    """At 1024×700 the first Tab to a suggestion widened the span panel by 65 px: its form's one-line hint
    ("Suggestion: accept it (Enter) to edit its attributes") set the stack's minimum width. The text
    column shrank and the whole document re-wrapped under the reader, and stayed so for the session."""
    window = make_window(project_path)
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: bool(window.session.suggestions), timeout=20_000)
    window.view.setFocus()
    window.spans.flush()
    widths = []

    def settled() -> bool:  # the docks take their width a few turns after the window is shown
        widths.append(window.view.width())
        return len(widths) > 5 and len(set(widths[-5:])) == 1
    qtbot.waitUntil(settled, timeout=10_000)
    width = window.view.width()
    for _ in range(6):  # a suggestion's read-only form, then the next one's after Enter
        qtbot.keyClick(window.view, Qt.Key.Key_Tab)
        qtbot.keyClick(window.view, Qt.Key.Key_Return)
        window.spans.flush()
        qtbot.wait(10)
        assert window.controller.current is not None
        assert window.view.width() == width, (window.view.width(), width, window.controller.current)
    for span in window.session.spans[:3]:  # the accepted spans' editable forms
        window.controller.set_current(span)
        window.spans.flush()
        qtbot.wait(10)
        assert window.attributes.fields, span
        assert window.view.width() == width, (window.view.width(), width, span)


def test_the_legend_is_never_cut_mid_word(make_window, project_path, qtbot):
    """At 1024 px the status bar showed "solid = tagged, dotted underline = suggested, dashec": the counts
    took the rest. The explanation is shown when it fits, else it is the legend's tooltip."""
    window = make_window(project_path)
    legend = window.legend
    for width, whole in ((1024, False), (1920, True)):
        window.resize(width, 700)
        qtbot.waitUntil(lambda w=width: window.statusBar().width() == w or window.width() < w, timeout=5_000)
        window.statusBar().clearMessage()
        qtbot.waitUntil(legend.isVisible)
        qtbot.waitUntil(lambda: legend.width() >= legend.sizeHint().width(), timeout=5_000)
        if window.width() >= width:  # the screen may be smaller than 1920: only the narrow case is sure
            assert ("dotted underline" in legend.text()) == whole, (width, legend.text())
        assert "dotted underline" in legend.toolTip()


def test_a_block_that_changes_height_when_rehighlighted_is_repainted(make_window, project_path, qtbot, monkeypatch):
    """When re-highlighting a keystroke's blocks changed a line's height, the text view raised TypeError
    (PySide6's QAbstractTextDocumentLayout.update signal takes no rectangle) and the rest of the key's
    blocks stayed unpainted — seen in the keystroke benchmark at 1920×1080."""
    from PySide6.QtGui import QTextCharFormat

    window = make_window(project_path)
    view = window.view
    highlighter = view.highlighter
    real = highlighter._highlight_block
    block = view.document().firstBlock()

    def taller(text: str) -> None:  # a format that makes the line taller than before
        real(text)
        big = QTextCharFormat()
        big.setFontPointSize(48)
        highlighter.setFormat(0, len(text), big)

    before = view.document().documentLayout().blockBoundingRect(block).height()
    monkeypatch.setattr(highlighter, "_highlight_block", taller)
    updates = []
    monkeypatch.setattr(view.viewport(), "update", lambda *a: updates.append(a))
    view.rehighlight_quietly([block])  # raised TypeError
    assert view.document().documentLayout().blockBoundingRect(block).height() > before
    assert updates  # the whole view is asked to repaint


def test_a_block_off_screen_that_changes_height_repaints_nothing_on_screen(make_window, project_path, qtbot,
                                                                            monkeypatch):
    """A block below the view laid out anew by a tag moves nothing on screen: no repaint of the view."""
    from PySide6.QtGui import QTextCharFormat

    window = make_window(project_path)
    window.resize(700, 400)
    view = window.view
    view.move_to(0)
    block = view.document().lastBlock()
    qtbot.waitUntil(lambda: view.blockBoundingGeometry(block).translated(view.contentOffset()).top()
                    > view.viewport().height())
    highlighter = view.highlighter
    real = highlighter._highlight_block

    def taller(text: str) -> None:
        real(text)
        big = QTextCharFormat()
        big.setFontPointSize(48)
        highlighter.setFormat(0, len(text), big)

    monkeypatch.setattr(highlighter, "_highlight_block", taller)
    layout = view.document().documentLayout()
    before = layout.blockBoundingRect(block).height()
    updates = []
    monkeypatch.setattr(view.viewport(), "update", lambda *a: updates.append(a))
    view.rehighlight_quietly([block], [])
    assert layout.blockBoundingRect(block).height() > before
    assert updates == []


def test_review_outline_shows_the_titles_of_sub_sections_at_1024(qtbot, tmp_path):
    """At 1024×700 the review window's outline showed "（一…" for every sub-section: two 44-pixel number
    columns and a 20-pixel indent per level left a title two characters."""
    from PySide6.QtCore import QModelIndex

    from annotator.domain.model import Section, Span
    from annotator.gui.review import ReviewWindow
    from annotator.storage import documents as docs
    from annotator.storage import open_project
    from annotator.storage import spans as span_store

    text = ("一、总体要求和主要目标\n（一）切实加强组织领导工作\n1.加强基层组织建设工作\n各级党委要切实加强领导。增长5.2%。\n"
            "（二）全面推进乡村振兴战略\n要扎实推进乡村振兴。粮食产量达到120万吨。\n")
    one, first, deep, second = text.index("一、"), text.index("（一）"), text.index("1."), text.index("（二）")

    def section(level, marker, start, end, parent=None):
        title_end = text.index("\n", start)
        return Section(level=level, marker=marker, title=text[start + len(marker):title_end], start=start, end=end,
                       title_start=start + len(marker), title_end=title_end, parent=parent)

    project = open_project(tmp_path / "p.db")
    doc, _ = docs.add_document(project, clean_text=text, raw_text=text, title="讲话", sections=[
        section(1, "一、", one, len(text)), section(2, "（一）", first, second, 0), section(3, "1.", deep, second, 1),
        section(2, "（二）", second, len(text), 0)])
    for who, fragment in (("li", "增长5.2%"), ("wang", "粮食产量达到120万吨"), ("li", "要扎实推进乡村振兴")):
        start = text.index(fragment)
        span_store.add_span(project, Span(start, start + len(fragment), "statistic", who, document_id=doc))
    window = ReviewWindow(project, "陈组长")
    qtbot.addWidget(window)
    window.resize(1024, 700)
    window.show()
    qtbot.waitExposed(window)
    outline, model = window.outline, window.outline.model()
    top = model.index(0, 0, QModelIndex())
    subs = [model.index(r, 0, top) for r in range(model.rowCount(top))]
    deepest = model.index(0, 0, subs[0])
    assert len(subs) == 2 and deepest.isValid()
    outline.expandAll()
    words = outline.fontMetrics().horizontalAdvance("1.加强基层")  # the marker and four characters
    for index in [top, *subs, deepest]:
        assert outline.visualRect(index).width() >= words, (index.data(), outline.visualRect(index).width(), words)
    window.close()
    project.close()
