"""The project's guidelines panel of the main window (a mixin, like window_io.py): shown as a tab beside
the span panel, loaded from a Markdown file as an undo command (commands.SetGuidelines)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from annotator.gui import layout


# A mixin's self.tr() would look up MainWindow's context at run time, lupdate files strings under the
# class they are written in: an explicit context keeps the two the same (as window_io.py does).
translate = QCoreApplication.translate


class WindowGuidelines:
    """Mixed into MainWindow (uses its session, docks, controller and statusBar)."""

    def _build_guidelines(self) -> None:
        """Right, as a tab beside the span panel; hidden until asked for (View → Guidelines)."""
        from annotator.gui.widgets.guidelines import GuidelinesPanel  # noqa: PLC0415

        self.guidelines = GuidelinesPanel()
        dock = self.docks["guidelines"] = layout.make_dock(self, translate("WindowGuidelines", "Guidelines"), "guidelinesDock",
                                                           self.guidelines, layout.RIGHT)
        self.tabifyDockWidget(self.docks["spans"], dock)
        self.docks["spans"].raise_()
        dock.hide()
        self.guidelines.load_button.clicked.connect(lambda: self.load_guidelines())
        self.session.guidelinesChanged.connect(self._show_guidelines)
        dock.visibilityChanged.connect(lambda visible: visible and self._show_guidelines())

    def _show_guidelines(self) -> None:
        try:
            self.guidelines.show_markdown(self.session.guidelines())
        except Exception as exc:  # noqa: BLE001 - unreadable meta: say so, keep working
            self.guidelines.show_markdown("")
            self.statusBar().showMessage(str(exc), 8000)

    def load_guidelines(self, path: str | None = None) -> None:
        from PySide6.QtWidgets import QFileDialog  # noqa: PLC0415

        from annotator.gui.commands import SetGuidelines  # noqa: PLC0415

        path = path or QFileDialog.getOpenFileName(self, translate("WindowGuidelines", "Guidelines"), "",
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
            self.statusBar().showMessage(translate("WindowGuidelines", "{0}: cannot be read ({1})").format(path, exc), 8000)
            return
        self.controller.push(SetGuidelines(self.session, markdown, translate("WindowGuidelines", "Load guidelines")))
        self.docks["guidelines"].show()
        self.docks["guidelines"].raise_()
