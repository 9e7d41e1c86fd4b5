"""The composition root of the desktop app: the one place that builds the QApplication, opens the
project, and puts the session, controller and window together."""

from __future__ import annotations

import sys
from pathlib import Path


def create_window(project_path: str | Path | None = None, *, settings_file: str | Path | None = None,
                  first_run: bool = True):
    """Build the main window (the QApplication must exist). Returns (window, project) or raises ProjectError.

    ``first_run`` shows the welcome dialog when no annotator name is known yet; tests pass False after
    writing a name into their own settings file.
    """
    from PySide6.QtWidgets import QApplication, QDialog

    from annotator.gui import i18n
    from annotator.gui.main_window import MainWindow
    from annotator.gui.session import Session
    from annotator.gui.settings import Settings
    from annotator.paths import default_project_path
    from annotator.storage import open_project

    # No jieba warm-up here: loading its dictionary holds the GIL for ~0.5 s and froze the first paint;
    # nothing the window does at start needs it (search loads it lazily when a query does).
    settings = Settings(settings_file)
    language = i18n.install(QApplication.instance(), settings.language)
    last = settings.last_project
    from annotator.storage.urls import is_url

    if project_path:
        path = project_path if is_url(project_path) else Path(project_path)  # a team project's URL stays a str
    elif last and Path(last).exists():
        path = Path(last)  # where this person worked last (File ▸ Open project… / Recent projects)
    else:
        path = default_project_path()
    project = open_project(path)
    choice = None
    if not settings.annotator and first_run:
        from annotator.gui.dialogs.first_run import FirstRunDialog

        dialog = FirstRunDialog()
        if dialog.exec() != QDialog.DialogCode.Accepted:
            project.close()
            return None, None
        settings.annotator = dialog.name.text().strip()
        choice = dialog.choice
    session = Session(project, settings.annotator or "annotator")
    window = MainWindow(session, settings, language)
    window.project_handle = project
    window.window_factory = create_window  # File ▸ Open project… builds the next window the same way
    if not project.readonly:
        window.remember_project(str(path))
    if choice == "samples":
        window.import_samples()
    elif choice == "import":
        window.import_files()
    return window, project


def run_gui(project_path: str | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from annotator import __version__
    from annotator.storage import ProjectError

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Speech Structure Annotator")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("speech-annotator")
    from PySide6.QtGui import QIcon

    from annotator.resources import resource_path

    # PNG, not SVG: PySide6-Essentials may lack the SVG image plugin in a frozen build.
    app.setWindowIcon(QIcon(str(resource_path("icons", "annotator-256.png"))))
    try:
        window, project = create_window(project_path)
    except ProjectError as exc:
        QMessageBox.critical(None, "Speech Structure Annotator", str(exc))
        return 2
    if window is None:
        return 0
    window.show()
    code = app.exec()
    # "Open project…" replaces the window (and closes the project it leaves); close the last one.
    while getattr(window, "switched_to", None) is not None:
        window = window.switched_to
    window.project_handle.close()
    return code
