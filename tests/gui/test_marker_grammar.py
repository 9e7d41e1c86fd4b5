"""Ctrl+H (add heading) recognises markers with the outline parser's grammar (structure/markers.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from annotator.gui import tagging
from annotator.storage import documents, open_project
from annotator.structure.outline import parse_outline

LINES = ["①加强组织领导", "首先，要统一思想", "一方面要抓好落实", "第三章 总则", "（三）强化监督"]
TEXT = "会议讲话\n" + "\n".join(f"{line}。这一段说明有关要求和具体安排。" for line in LINES) + "\n"


@pytest.fixture
def plain_project(tmp_path) -> Path:
    path = tmp_path / "markers.db"
    with open_project(path) as project:
        # Stored without an outline, so every heading is added by hand.
        documents.add_document(project, clean_text=TEXT, raw_text=TEXT, title="标记", sections=[])
    return path


def test_no_private_marker_regex():
    assert not hasattr(tagging, "_MARKER")


@pytest.mark.parametrize("line", LINES)
def test_add_heading_uses_the_marker_registry(make_window, plain_project, qtbot, line):
    from annotator.structure.markers import match_marker

    window = make_window(plain_project)
    session = window.session
    start = session.text.index(line)
    view = window.view
    view.setFocus()
    view.select_range(start, start + len(line))
    qtbot.keyClick(view, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    added = [s for s in session.sections if s.start == start]
    assert len(added) == 1, [(s.start, s.marker) for s in session.sections]
    expected = match_marker(line)
    assert added[0].marker.strip() == line[expected.start:expected.end]
    assert added[0].title == line[expected.title_start:]
    assert not added[0].title.startswith(" ")


def test_uncertain_heading_tooltip_questions_the_heading(qtbot):
    from PySide6.QtGui import QStandardItemModel

    from annotator.gui.models.outline_model import build_outline_model

    from annotator.domain.model import Section

    text = "一是加强领导，确保落实。"
    sections = [Section(level=1, marker="一是", title="加强领导", start=0, end=len(text), title_start=2,
                        title_end=6, kind="inline", confidence=0.55, source="parser")]
    model = QStandardItemModel()
    items = build_outline_model(model, sections, [])
    tip = items[0].toolTip()
    assert "heading" in tip.lower() and "Title boundary" not in tip
