"""The project's guidelines panel of the main window: shown as a tab beside the span panel, loaded from a
Markdown file as an undo command (commands.SetGuidelines).

``GuidelinesTab`` is a controller of the main window; it uses the window's ``session``, ``docks`` (to
put its dock beside the span panel's), ``controller`` (undo commands) and ``statusBar``."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from annotator.gui.file_dialogs import fit_next
from annotator.gui import layout


# The strings keep the "WindowGuidelines" context they had when this was a mixin of the window (an
# explicit context: lupdate and Qt then agree whatever class calls it).
translate = QCoreApplication.translate


class GuidelinesTab(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.guidelines = None

    def build(self) -> None:
        """Right, as a tab beside the span panel; hidden until asked for (View → Guidelines)."""
        from annotator.gui.widgets.guidelines import GuidelinesPanel  # noqa: PLC0415

        w = self.window
        self.guidelines = GuidelinesPanel()
        dock = w.docks["guidelines"] = layout.make_dock(w, translate("WindowGuidelines", "Guidelines"), "guidelinesDock",
                                                        self.guidelines, layout.RIGHT)
        w.tabifyDockWidget(w.docks["spans"], dock)
        w.docks["spans"].raise_()
        dock.hide()
        self.guidelines.load_button.clicked.connect(lambda: self.load_guidelines())
        self.session.guidelinesChanged.connect(self._show_guidelines)
        dock.visibilityChanged.connect(lambda visible: visible and self._show_guidelines())

    def _show_guidelines(self) -> None:
        try:
            self.guidelines.show_markdown(self.session.guidelines())
        except Exception as exc:  # noqa: BLE001 - unreadable meta: say so, keep working
            self.guidelines.show_markdown("")
            self.window.statusBar().showMessage(str(exc), 8000)

    def load_guidelines(self, path: str | None = None) -> None:
        from PySide6.QtWidgets import QFileDialog  # noqa: PLC0415

        from annotator.gui.commands import SetGuidelines  # noqa: PLC0415

        if not path:
            fit_next()  # Qt's own dialog sized to be read (file_dialogs.py)
        path = path or QFileDialog.getOpenFileName(self.window, translate("WindowGuidelines", "Guidelines"), "",
                                                   translate("WindowGuidelines", "Markdown (*.md *.markdown *.txt)"))[0]
        if not path:
            return
        try:
            from pathlib import Path  # noqa: PLC0415

            from annotator.io.encoding import decode_bytes  # noqa: PLC0415
            from annotator.io.readers import read_limited  # noqa: PLC0415

            # Kept as Markdown (the speech readers would strip its markup); any encoding a speech may have.
            markdown = decode_bytes(read_limited(Path(path)), path=path)[0]
        except Exception as exc:  # noqa: BLE001 - any unreadable file: named, never a crash
            self.window.statusBar().showMessage(
                translate("WindowGuidelines", "{0}: cannot be read ({1})").format(path, exc), 8000)
            return
        self.window.controller.push(SetGuidelines(self.session, markdown,
                                                  translate("WindowGuidelines", "Load guidelines")))
        self.window.docks["guidelines"].show()
        self.window.docks["guidelines"].raise_()
