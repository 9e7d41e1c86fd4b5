"""What this person chose, as opposed to what they annotated: Preferences (name, language, snapping, the
project's suggestion settings) and which project is open (recent projects, Open project…).

These are settings, not undo commands: Ctrl+Z takes back an annotation, never a preference (a person
undoing a tag must not find their language switched back). The per-person ones go to the settings file
(settings.py); the suggestion settings are the project's own (services/suggesting.py), shared by
everyone and by the CLI. A new name joins the project through ``services.annotating.login``, the same
call the composition root makes at start.

A controller of the main window; it uses the window's ``session``, ``settings``, ``controller`` (snap
mode), ``jobs`` (suggest again under new settings), ``navigation``, ``window_factory`` and
``statusBar``. Strings keep their "WindowDocs" translation context from before the split.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from annotator.gui.file_dialogs import fit_next
from annotator.services.stores import is_url, remembered, same_target, still_there

RECENT_MAX = 8

translate = QCoreApplication.translate


class Preferences(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.settings = window.settings
        self.dialog = None

    def show_preferences(self) -> None:
        from annotator.gui.dialogs.preferences import PreferencesDialog  # noqa: PLC0415
        from annotator.services import suggesting  # noqa: PLC0415

        w, session, settings = self.window, self.session, self.settings
        current = suggesting.suggestion_settings(session.project)
        every = w.learning.every
        self.dialog = dialog = PreferencesDialog(session.annotator, settings.language, settings.snap_mode, w,
                                                 suggest={**current, "retrain_every": every})
        w.preferences_dialog = dialog  # tests and screenshots find the open dialog here
        if not dialog.exec():
            return
        name, language, snap_mode = dialog.values()
        chosen = dialog.suggestion_values()
        if not session.project.readonly and any(chosen[k] != current[k] for k in chosen):
            suggesting.save_settings(session.project, **chosen, by=session.annotator)
            w.jobs.run_suggestions()  # the open document shows suggestions under the new settings
        if not session.project.readonly and dialog.retrain_value() != every:
            w.learning.set_every(dialog.retrain_value(), by=session.annotator)
        settings.snap_mode = w.controller.snap_mode = snap_mode
        if language != settings.language:
            settings.language = language
            w.statusBar().showMessage(translate("WindowDocs", "The language changes at the next start."), 6000)
        if name and name != session.annotator:
            from annotator.services.annotating import login  # noqa: PLC0415

            settings.annotator = name
            login(session.project, name)
            session.annotator = name
            w.history.forget()  # the undo history is per annotator: the new name's is read from the log
            w.team.trash.reload()  # and so are the deletions it may undo (from the trash)
            if session.doc_id is not None:
                session.open_document(session.doc_id)
            w.navigation.refresh_documents()
        w.update_status()

    # -- projects ------------------------------------------------------------------------------------
    # A project is a target (services/stores.py): a file's path, or a URL of a team store.
    def recent_projects(self) -> list[str]:
        value = self.settings.qsettings.value("user/recent_projects") or []
        items = [value] if isinstance(value, str) else list(value)
        return [p for p in items if p and still_there(p)]

    def remember_project(self, target) -> None:
        path = remembered(target)
        items = [path] + [p for p in self.recent_projects() if p != path]
        self.settings.qsettings.setValue("user/recent_projects", items[:RECENT_MAX])
        self.settings.last_project = path
        self.settings.sync()

    def fill_recent_menu(self) -> None:
        menu = self.window.recent_menu
        menu.clear()
        current = remembered(self.session.project.path)
        for path in self.recent_projects():
            action = menu.addAction((path if is_url(path) else Path(path).name) + ("  ✓" if path == current else ""))
            action.setToolTip(path)
            action.setData(path)
            action.triggered.connect(lambda _c=False, p=path: self.switch_project(p))
        if menu.isEmpty():
            menu.addAction(translate("WindowDocs", "(none yet)")).setEnabled(False)

    def open_project_dialog(self) -> None:
        fit_next()  # Qt's own dialog sized to be read (file_dialogs.py)
        path, _ = QFileDialog.getOpenFileName(self.window, translate("WindowDocs", "Open project"),
                                              str(Path(self.session.project.path).parent),
                                              translate("WindowDocs", "Projects (*.db);;All files (*)"))
        if path:
            self.switch_project(path)

    def switch_project(self, path: str):
        """Replace the window by one on ``path`` (same place on screen); the old project is closed."""
        from annotator.storage import ProjectError  # noqa: PLC0415

        w = self.window
        # The composition root hands the window its own factory (app.create_window): the GUI never imports
        # the root, so the layers stay one-directional (import-linter contract in pyproject.toml).
        create_window = w.window_factory
        if create_window is None:
            return None
        if same_target(path, self.session.project.path):
            return w
        try:
            window, _project = create_window(path, settings_file=self.settings.qsettings.fileName(), first_run=False)
        except ProjectError as exc:
            QMessageBox.critical(w, translate("WindowDocs", "Open project"), str(exc))
            return None
        return take_over(w, window)


def take_over(old_window, new_window):
    """``new_window`` takes the old one's place on screen; the old window and its project close (the one
    way a window is replaced: Open project…, Recent projects, Open team project…)."""
    new_window.setGeometry(old_window.geometry())
    new_window.show()
    old_project = old_window.session.project
    old_window.close()
    old_project.close()
    old_window.switched_to = new_window
    return new_window
