"""The composition root of the desktop app: the one place that builds the QApplication, shows the
window ``gui.compose.create_window`` puts together (project, session, controllers) and runs the event
loop. ``create_window`` is re-exported here: the root is where callers look for it."""

from __future__ import annotations

import sys

from annotator.gui.compose import create_window

__all__ = ["before_qt", "create_window", "run_gui"]

# The Qt-free modules the window opens a project and its first document with (compose.py, session.py,
# main_window.py and what they import). Loaded before PySide6 because PySide6 hooks every later import
# and reads the source of each module an import statement names, looking for "PySide6" (its
# ``__feature__`` support): ~140 modules on the way to the first paint, ~60 when these come first
# (20–25 ms of CPU measured). A name that no longer exists is skipped: the order is an optimisation only.
QT_FREE_FIRST = ("annotator.storage", "annotator.storage.documents", "annotator.storage.sections",
                 "annotator.storage.spans", "annotator.storage.labels", "annotator.storage.gui_queries",
                 "annotator.storage.durability", "annotator.storage.document_trash", "annotator.storage.comments",
                 "annotator.services.annotating", "annotator.services.stores", "annotator.services.history",
                 "annotator.domain.selection", "annotator.structure.corrections")


def before_qt() -> None:
    """Start-up before Qt loads (issue 19: cold start to a painted document ≤ 1 s): the stored compiled
    patterns (annotator/regex_cache.py; __main__ installed them already, this is idempotent), then the
    Qt-free layers (QT_FREE_FIRST). The GUI benchmark's cold start runs this too, so it measures this."""
    import importlib  # noqa: PLC0415

    from annotator import regex_cache  # noqa: PLC0415

    regex_cache.install()
    for name in QT_FREE_FIRST:
        try:
            importlib.import_module(name)
        except ImportError:
            pass


def run_gui(project_path: str | None = None) -> int:
    before_qt()
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
