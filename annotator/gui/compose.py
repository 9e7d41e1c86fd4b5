"""Putting the desktop window together: settings and language, the project, the annotator joining it,
the session (a read model), the window with its store factory. One function, ``create_window``, used by
the composition root (annotator/app.py, which owns the QApplication and the event loop), by "Open
project…" (handed to the window as ``window_factory``, so the GUI never imports the root) and by the GUI
benchmark (gui/bench.py), so all three build exactly the same window.
"""

from __future__ import annotations

import os
from pathlib import Path


# Qt's raster engine splits a fill of more than ~100 spans (a tall line, a scroll bar, a separator) into
# tasks on its own thread pool and waits for them: 20 waits in every repaint of this window, even of one
# pixel. With the cores busy each wait is a trip through the scheduler — the keystroke trace
# (gui/bench_trace.py) measured the frame's paint at 17–44 ms of wall for 3–6 ms of CPU beside two busy
# loops, and a bare QPlainTextEdit (no such fills) at 1 ms. One thread paints these small fills as fast.
# Set before the first paint (the pool reads it when it is first needed); a user's own value is kept.
NO_PAINT_POOL = ("QT_NO_GUI_THREADPOOL", "1")


def create_window(project_path: str | Path | None = None, *, settings_file: str | Path | None = None,
                  first_run: bool = True):
    """Build the main window (the QApplication must exist). Returns (window, project) or raises ProjectError.

    ``first_run`` shows the welcome dialog when no annotator name is known yet; tests pass False after
    writing a name into their own settings file.
    """
    os.environ.setdefault(*NO_PAINT_POOL)
    from PySide6.QtWidgets import QApplication, QDialog

    from annotator.gui import i18n
    from annotator.gui.main_window import MainWindow
    from annotator.gui.session import Session
    from annotator.gui.settings import Settings
    from annotator.paths import default_project_path
    from annotator.services.annotating import login
    from annotator.services.stores import is_url, still_there, store_factory, target_of
    from annotator.storage import open_project

    # No jieba warm-up here: loading its dictionary holds the GIL for ~0.5 s and froze the first paint;
    # nothing the window does at start needs it (search loads it lazily when a query does).
    settings = Settings(settings_file)
    language = i18n.install(QApplication.instance(), settings.language)
    last = settings.last_project
    if project_path:
        path = target_of(project_path)  # a file path, or a URL kept as text (never folded into a Path)
    elif last and still_there(last):
        path = target_of(last)  # where this person worked last (File ▸ Open project… / Recent projects)
    else:
        path = default_project_path()
    if is_url(path):  # a server may be slow or hung: connect without freezing, saying what happens
        from annotator.gui.team_open import connect_with_progress

        project = connect_with_progress(path)
    else:
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
    annotator = settings.annotator or "annotator"
    login(project, annotator)  # the one write of opening: the name joins the project (the Session only reads)
    session = Session(project, annotator)
    if is_url(path):
        # A team project: the undo commands write through the outbox when the server is gone
        # (services/team_edits.DesktopWriter), and the window shows what waits and what others do.
        from annotator.services.team_edits import DesktopWriter

        session.team = DesktopWriter.for_project(project)
    # Workers open the project again on their own threads from the same target (a path today, a URL for
    # a team store): a factory, so nothing below this line assumes a file.
    window = MainWindow(session, settings, language, open_store=store_factory(path))
    window.project_handle = project
    # Commits stop waiting for the disk on the GUI thread; the status bar says when they are on it.
    from annotator.gui.save_state import SaveIndicator

    window.save_state = SaveIndicator(window, project)
    if is_url(path):
        from annotator.gui.team_status import TeamStatus

        window.team_status = TeamStatus(window, session.team)
    window.window_factory = create_window  # File ▸ Open project… builds the next window the same way
    if not project.readonly:
        window.preferences.remember_project(path)
    if choice == "samples":
        window.jobs.import_samples()
    elif choice == "import":
        window.jobs.import_files()
    return window, project
