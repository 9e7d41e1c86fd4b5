"""Folder import from the GUI: a preview with checkboxes (notes unticked), ingest's walk rules, and the
skipped files with their reasons in the summary."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from annotator.services.importing import not_a_speech, preview_import

SPEECH = "一、总体要求\n各级党委要切实加强领导，确保各项任务落到实处。\n二、主要任务\n要抓好{0}工作。\n"


@pytest.fixture
def folder(tmp_path) -> Path:
    root = tmp_path / "speeches"
    (root / "sub").mkdir(parents=True)
    (root / "讲话一.txt").write_text(SPEECH.format("农业"), encoding="utf-8")
    (root / "sub" / "讲话二.txt").write_text(SPEECH.format("工业"), encoding="gb18030")
    (root / "README.md").write_text("# Speeches\nCollected from public sites.\n", encoding="utf-8")
    (root / "SOURCES.md").write_text("- 讲话一: https://example.org/1\n", encoding="utf-8")
    outside = tmp_path / "outside.txt"
    outside.write_text(SPEECH.format("外部"), encoding="utf-8")
    os.symlink(outside, root / "link.txt")
    return root


@pytest.mark.parametrize("name", ["README.md", "readme", "SOURCES.md", "LICENSE", "CHANGELOG.txt", "Contributing.md"])
def test_notes_are_recognised_by_name(name):
    assert not_a_speech(Path("/x") / name)


@pytest.mark.parametrize("name", ["讲话一.txt", "2019年政府工作报告.docx", "sources_of_growth_speech.txt"])
def test_speeches_are_not_flagged(name):
    assert not_a_speech(Path("/x") / name) is None


def test_preview_ticks_speeches_only_and_keeps_the_link_rule(folder):
    preview = preview_import([folder])
    ticked = sorted(p.name for p in preview.chosen())
    assert ticked == ["讲话一.txt", "讲话二.txt"]
    unticked = {c.path.name: c.reason for c in preview.candidates if not c.selected}
    assert set(unticked) == {"README.md", "SOURCES.md"} and all(unticked.values())
    assert any("link.txt" in o.path and "symbolic link" in o.reason for o in preview.problems)


def test_a_file_given_explicitly_is_always_ticked(folder):
    assert [c.selected for c in preview_import([folder / "README.md"]).candidates] == [True]


def test_gui_folder_import_preview_then_summary_lists_skipped(make_window, project_path, folder, qtbot):
    window = make_window(project_path)
    window.import_folder(str(folder))
    dialog = window.import_preview
    qtbot.waitUntil(dialog.isVisible)
    items = [dialog.list.item(i) for i in range(dialog.list.count())]
    states = {item.text().split(" — ")[0].strip().rsplit("/", 1)[-1]: item.checkState() for item in items}
    assert states["README.md"] == Qt.CheckState.Unchecked and states["讲话一.txt"] == Qt.CheckState.Checked
    # The annotator unticks one speech too.
    next(i for i in items if "讲话二" in i.text()).setCheckState(Qt.CheckState.Unchecked)
    dialog.accept()
    qtbot.waitUntil(lambda: window.last_import is not None, timeout=20_000)
    summary = window.last_import
    assert summary.imported == 1
    skipped = {Path(o.path).name: o.reason for o in summary.skipped}
    assert {"README.md", "SOURCES.md", "讲话二.txt", "link.txt"} <= set(skipped)
    assert "not selected" in skipped["讲话二.txt"] and "symbolic link" in skipped["link.txt"]
    assert "skipped 4" in window.statusBar().currentMessage()
    box = window.findChild(QMessageBox, "importFailures")
    assert box is not None and "README.md" in box.detailedText()
