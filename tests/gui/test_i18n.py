"""Every UI string is translated (zh_CN) and the compiled catalogue matches its source."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from annotator.resources import resource_path

TS = resource_path("i18n", "annotator_zh_CN.ts")
QM = resource_path("i18n", "annotator_zh_CN.qm")
GUI = Path(__file__).resolve().parents[2] / "annotator" / "gui"


def _tool(name: str) -> str | None:
    local = Path(sys.executable).parent / name
    return str(local) if local.exists() else shutil.which(name)


def _unfinished(ts: Path) -> list[str]:
    out = []
    for message in ET.parse(ts).iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete") \
                or not (translation.text or "").strip():
            if translation is None or translation.get("type") not in ("vanished", "obsolete"):
                out.append(message.find("source").text)
    return out


def test_catalogue_has_no_unfinished_strings():
    assert _unfinished(TS) == []


def test_no_new_untranslated_strings_in_the_code(tmp_path):
    lupdate = _tool("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate not available")
    copy = tmp_path / "check.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in GUI.rglob("*.py"))
    subprocess.run([lupdate, *sources, "-ts", str(copy)], check=True, capture_output=True)
    missing = _unfinished(copy)
    assert not missing, (
        "untranslated UI strings — run pyside6-lupdate on annotator/gui, translate in Qt Linguist, "
        f"then pyside6-lrelease (see README): {missing}"
    )


def test_compiled_catalogue_is_up_to_date(tmp_path):
    lrelease = _tool("pyside6-lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease not available")
    fresh = tmp_path / "fresh.qm"
    subprocess.run([lrelease, str(TS), "-qm", str(fresh)], check=True, capture_output=True)
    assert fresh.read_bytes() == QM.read_bytes(), "run: pyside6-lrelease resources/i18n/annotator_zh_CN.ts"


def test_chinese_ui_when_chosen(qtbot, tmp_path, project_path):
    from PySide6.QtWidgets import QApplication

    from annotator.app import create_window
    from annotator.gui import i18n
    from annotator.gui.settings import Settings

    settings = Settings(tmp_path / "zh.ini")
    settings.annotator = "李四"
    settings.language = "zh_CN"
    settings.sync()
    try:
        window, project = create_window(project_path, settings_file=tmp_path / "zh.ini", first_run=False)
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: window.session.doc_id is not None)
        qtbot.waitUntil(lambda: not window.busy(), timeout=20_000)
        menus = [a.text() for a in window.menuBar().actions()]
        assert "文件(&F)" in menus and "结构(&T)" in menus
        window.close()
        project.close()
    finally:
        i18n.install(QApplication.instance(), "en")
