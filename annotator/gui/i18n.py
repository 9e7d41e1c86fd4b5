"""UI language: Simplified Chinese when the system locale is Chinese, English otherwise; switchable.

All strings go through Qt's translation system (self.tr / QCoreApplication.translate); the catalogue is
resources/i18n/annotator_zh_CN.ts, compiled to .qm by `python -m annotator.gui.i18n --compile`
(tests/gui/test_i18n.py fails when any string is unfinished or the .qm is stale).
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from annotator.resources import resource_path

_installed: list[QTranslator] = []


def resolve_language(preference: str) -> str:
    if preference in ("zh_CN", "en"):
        return preference
    return "zh_CN" if QLocale.system().language() == QLocale.Language.Chinese else "en"


def install(app: QCoreApplication, preference: str = "") -> str:
    """Install the translator for ``preference`` ('' = system). Returns the language used."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = resolve_language(preference)
    # Qt formats and names things by the default locale, not by the translators: in a Chinese UI on an
    # English system the file dialog said "plain text document", "248 bytes" and dates the English way.
    QLocale.setDefault(_locale_for(language))
    if language == "zh_CN":
        # Qt's own strings (file dialogs, OK/Cancel, the text context menu) come with PySide6.
        for name in qt_catalogues("zh_CN"):
            translator = QTranslator(app)
            if translator.load(name):
                app.installTranslator(translator)
                _installed.append(translator)
        translator = QTranslator(app)
        if translator.load(str(resource_path("i18n", "annotator_zh_CN.qm"))):
            app.installTranslator(translator)
            _installed.append(translator)
    return language


def _locale_for(language: str) -> QLocale:
    system = QLocale.system()
    if language == "zh_CN":
        return system if system.language() == QLocale.Language.Chinese else QLocale("zh_CN")
    return QLocale("en_US") if system.language() == QLocale.Language.Chinese else system


def qt_catalogues(language: str) -> list[str]:
    """Paths of Qt's own .qm files for ``language`` (qtbase: widgets and dialogs) that exist."""
    from pathlib import Path  # noqa: PLC0415

    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if not folder.is_dir():  # a frozen build puts them beside the app (packaging/annotator.spec)
        folder = resource_path("i18n", "qt")
    return [str(p) for p in (folder / f"qtbase_{language}.qm",) if p.exists()]


def _compile() -> int:
    import subprocess  # noqa: PLC0415

    ts = resource_path("i18n", "annotator_zh_CN.ts")
    qm = resource_path("i18n", "annotator_zh_CN.qm")
    return subprocess.call(["pyside6-lrelease", str(ts), "-qm", str(qm)])


if __name__ == "__main__" and "--compile" in sys.argv:
    sys.exit(_compile())
