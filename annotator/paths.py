"""Where the app keeps the user's default project and settings (Qt-free, so the CLI can use it).

ANNOTATOR_HOME overrides everything (tests point it at a temporary folder).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_DIR_NAME = "speech-annotator"


def data_dir() -> Path:
    override = os.environ.get("ANNOTATOR_HOME")
    if override:
        base = Path(override)
    elif sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming") / APP_DIR_NAME
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support" / APP_DIR_NAME
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / APP_DIR_NAME
    base.mkdir(parents=True, exist_ok=True)
    return base


def default_project_path() -> Path:
    return data_dir() / "default.annotator.db"


def settings_path() -> Path:
    return data_dir() / "settings.ini"
