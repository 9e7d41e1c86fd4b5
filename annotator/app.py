"""The composition root of the desktop app: the one place that builds the QApplication, shows the
window ``gui.compose.create_window`` puts together (project, session, controllers) and runs the event
loop. ``create_window`` is re-exported here: the root is where callers look for it."""

from __future__ import annotations

import sys

from annotator.gui.compose import create_window

__all__ = ["create_window", "run_gui"]


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
