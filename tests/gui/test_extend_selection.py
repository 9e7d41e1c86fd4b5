"""Extending the selection by clause (Ctrl+Shift+→/←) and by jieba word (Alt+Shift+→/←)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from annotator.gui.extend import clause_boundary, word_boundary

TEXT = "各级党委要切实加强领导，确保各项任务落到实处；𠮷祥😀如意。\r\n第二句话很短。"


def test_clause_boundaries_forward_and_back():
    text = TEXT.replace("\r\n", "\n")
    first = text.index("，") + 1
    assert clause_boundary(text, 0, True) == first
    second = clause_boundary(text, first, True)
    assert text[second - 1] == "；"
    assert clause_boundary(text, second, False) == first
    assert clause_boundary(text, first, False) == 0
    assert clause_boundary(text, len(text), True) == len(text)


def test_word_boundary_uses_the_cutter_and_lines():
    text = "切实加强领导\n确保"
    cut = lambda s: {"切实加强领导": ["切实", "加强", "领导"], "确保": ["确保"]}[s]  # noqa: E731
    assert word_boundary(text, 0, True, cut) == 2
    assert word_boundary(text, 2, True, cut) == 4
    assert word_boundary(text, 6, True, cut) == 7  # across the line end
    assert word_boundary(text, 4, False, cut) == 2


def test_keys_extend_in_the_window(make_window, tmp_path, qtbot):
    from annotator.nlp import segment
    from annotator.storage import documents, open_project
    from annotator.structure.outline import parse_outline

    path = tmp_path / "e.db"
    text = TEXT.replace("\r\n", "\n")
    with open_project(path) as project:
        documents.add_document(project, clean_text=text, raw_text=TEXT, title="t", sections=parse_outline(text))
    window = make_window(path)
    view = window.view
    view.setFocus()
    view.move_to(0)
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert view.selection() == (0, text.index("，") + 1)
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    end = view.selection()[1]
    assert text[end - 1] == "；"
    # Astral characters (𠮷 😀: two UTF-16 units each) in the next clause: positions stay code points.
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert view.selection() == (0, text.index("。") + 1)
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert view.selection() == (0, end)
    # Words: jieba is loaded off the GUI thread on first use.
    view.move_to(0)
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(segment.is_ready, timeout=30_000)
    view.move_to(0)
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier)
    first_word = view.selection()[1]
    assert (0, first_word) == (0, len(segment.cut(text.split("\n")[0])[0]))
