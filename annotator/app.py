"""The composition root of the desktop app (the only place that builds the QApplication)."""

from __future__ import annotations


def run_gui(project_path: str | None = None) -> int:
    print("GUI not built yet: the workspace lands with issue #3. Use the CLI verbs meanwhile "
          "(annotator --help).")
    return 0
