"""GUI fixtures: a real main window on a temporary project and settings file (labelme-style)."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.resources import resource_path

SAMPLE = resource_path("samples", "02_云岭县工会工作会议讲话.txt")


@pytest.fixture
def settings_file(tmp_path) -> Path:
    from annotator.gui.settings import Settings

    path = tmp_path / "settings.ini"
    settings = Settings(path)
    settings.annotator = "张三"
    settings.language = "en"
    settings.sync()
    return path


@pytest.fixture
def project_path(tmp_path) -> Path:
    from annotator.ingest import import_paths
    from annotator.storage import open_project

    path = tmp_path / "project.db"
    with open_project(path) as project:
        summary = import_paths(project, [SAMPLE])
        assert summary.imported == 1
    return path


@pytest.fixture
def make_window(qtbot, settings_file):
    """Open the real main window the way `annotator PROJECT` does (minus app.exec)."""
    opened = []

    def make(path):
        from annotator.app import create_window

        window, project = create_window(path, settings_file=settings_file, first_run=False)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: window.session.doc_id is not None)
        qtbot.waitUntil(lambda: not window.busy(), timeout=20_000)  # background suggestions
        opened.append((window, project))
        return window

    yield make
    for window, project in opened:
        window.close()
        project.close()


@pytest.fixture
def chinese(qtbot):
    """The Chinese UI for one test (translators are per process: English again afterwards)."""
    from PySide6.QtWidgets import QApplication

    from annotator.gui import i18n

    i18n.install(QApplication.instance(), "zh_CN")
    yield
    i18n.install(QApplication.instance(), "en")


@pytest.fixture
def zh_window(qtbot, tmp_path, project_path, chinese):
    """A window whose settings say Chinese (the window installs the settings' language)."""
    from annotator.app import create_window
    from annotator.gui.settings import Settings

    settings = Settings(tmp_path / "zh.ini")
    settings.annotator, settings.language = "王五", "zh_CN"
    settings.sync()
    window, project = create_window(project_path, settings_file=tmp_path / "zh.ini", first_run=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.session.doc_id is not None)
    qtbot.waitUntil(lambda: not window.busy(), timeout=20_000)
    yield window
    window.close()
    project.close()
