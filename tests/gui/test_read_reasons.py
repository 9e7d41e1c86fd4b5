"""Why a file could not be imported, in the UI language (issue 13 point 6): the readers' reasons were
plain English in the Chinese window's import summary and preview. The CLI keeps the English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QListWidget, QMessageBox

from annotator.io import limits
from annotator.io.errors import READ_ERROR_CODES


def _bad_files(tmp_path: Path) -> tuple[Path, Path]:
    empty = tmp_path / "空白.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "数据.txt"
    binary.write_bytes(bytes(range(256)) * 16)
    return empty, binary


def _import_and_wait(window, paths, qtbot):
    window.import_paths([str(p) for p in paths])
    qtbot.waitUntil(lambda: window.last_import is not None, timeout=20_000)
    box = window.findChild(QMessageBox, "importFailures")
    assert box is not None
    return box.detailedText()


def test_chinese_ui_says_why_a_file_failed_in_chinese(zh_window, tmp_path, qtbot):
    empty, binary = _bad_files(tmp_path)
    window = zh_window
    said = _import_and_wait(window, [empty, binary], qtbot)
    failed = {Path(o.path).name: o for o in window.last_import.failed}
    assert failed["空白.txt"].code == "empty-file" and failed["空白.txt"].reason == "empty file"
    assert failed["数据.txt"].code.startswith(("binary-", "unknown-encoding"))
    lines = {name: line for line in said.splitlines() for name in failed if name in line}
    assert lines["空白.txt"].endswith("文件为空"), said
    assert "不是文本文件" in lines["数据.txt"], said
    # Nothing English left but the file names and folder.
    rest = said.replace(str(tmp_path), "").replace(".txt", "")
    assert not re.search("[A-Za-z]{3,}", rest), said


def test_chinese_preview_says_why_a_file_cannot_be_read(zh_window, tmp_path, qtbot):
    folder = tmp_path / "讲话"
    folder.mkdir()
    (folder / "讲话一.txt").write_text("一、总体要求\n各级党委要切实加强领导，确保各项任务落到实处。\n", encoding="utf-8")
    _bad_files(folder)
    (folder / "断链.txt").symlink_to(tmp_path / "absent.txt")  # ingest.py's own reason, coded the same way
    window = zh_window
    window.import_folder(str(folder))
    dialog = window.import_preview
    qtbot.waitUntil(dialog.isVisible)
    texts = {dialog.list.item(i).text().split(" ")[0]: dialog.list.item(i).text() for i in range(dialog.list.count())}
    empty_line = next(text for name, text in texts.items() if "空白" in name)
    assert "文件为空" in empty_line and "empty" not in empty_line, texts
    binary_line = next(text for name, text in texts.items() if "数据" in name)
    assert "不是文本文件" in binary_line and not re.search("[A-Za-z]{3,}", binary_line.replace(".txt", "")), texts
    problems = dialog.findChild(QListWidget, "importPreviewProblems")
    said = [problems.item(i).text() for i in range(problems.count())]
    assert len(said) == 1 and said[0].endswith("符号链接已失效（目标不存在）"), said
    dialog.reject()


def test_english_ui_shows_the_readers_own_words(make_window, project_path, tmp_path, qtbot):
    """No translation (English UI): the reader's English exactly as the CLI prints it."""
    empty, _ = _bad_files(tmp_path)
    window = make_window(project_path)
    said = _import_and_wait(window, [empty], qtbot)
    assert said.rstrip().endswith(f"{empty.name}: empty file"), said


def test_every_code_translates_with_its_figures_and_unknown_codes_fall_back(chinese):
    from annotator.gui.read_reasons import read_reason_text

    figures = {"lines": 100_005, "limit": limits.MAX_LINES, "error": "OSError: x", "part": "word/document.xml",
               "size": "30 MB", "size_mb": 12.5, "limit_mb": 50, "limit_mchars": 16, "format": ".pdf",
               "entries": 9000, "ratio": 400, "root": "worksheet", "target": "/data/外部.txt", "line": 42}
    for code, names in READ_ERROR_CODES.items():
        said = read_reason_text(code, {name: figures[name] for name in names}, "ENGLISH")
        assert said != "ENGLISH" and re.search("[\u4e00-\u9fff]", said), code
        assert "{" not in said.replace("<{", ""), (code, said)
    lines = read_reason_text("too-many-lines", {"lines": 100_005, "limit": limits.MAX_LINES}, "ENGLISH")
    assert "100005" in re.sub(r"\D", "", lines) and "行" in lines
    assert read_reason_text("no-such-code", {}, "the English reason") == "the English reason"
    assert read_reason_text("too-many-lines", {}, "the English reason") == "the English reason"  # no figures
