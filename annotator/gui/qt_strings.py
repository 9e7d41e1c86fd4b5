"""Qt's own strings that PySide6's qtbase_zh_CN.qm does not translate, translated in our catalogue.

Qt 6 changed a few of its file dialog's labels (``Look in:`` became ``&Look in:``) and its Chinese
catalogue still has only the old ones, so a Chinese file dialog said "Look in:", "Files of type:" and
"Folder" in English (seen at a real display, session 6). The calls below are never made: they are here
so that pyside6-lupdate keeps these (context, source, disambiguation) entries in
resources/i18n/annotator_zh_CN.ts; Qt looks them up itself, in the same context, and our translator
answers (i18n.install). tests/gui/test_walkthrough.py opens a real file dialog in Chinese and checks.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

translate = QCoreApplication.translate


def _for_lupdate() -> tuple[str, ...]:  # pragma: no cover - never called, read by lupdate
    return (
        translate("QFileDialog", "&Look in:"),
        translate("QFileDialog", "Files of &type:"),
        translate("QAbstractFileIconProvider", "Folder", "All other platforms"),
        translate("QAbstractFileIconProvider", "File Folder", "Match Windows Explorer"),
        translate("QAbstractFileIconProvider", "Drive"),
        translate("QLocale", "bytes"),
    )
