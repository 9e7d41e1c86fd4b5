"""Window layout and user preferences in an INI file (QSettings), beside the default project.

A version key resets stale layouts: restoring a saved state from an older window layout can hide docks.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

from annotator.paths import settings_path

LAYOUT_VERSION = 2  # 2: the outline became a dock (v1 states would hide it)


class Settings:
    def __init__(self, path: str | None = None):
        self.qsettings = QSettings(str(path or settings_path()), QSettings.Format.IniFormat)
        if int(self.qsettings.value("layout/version", 0) or 0) != LAYOUT_VERSION:
            self.qsettings.remove("layout")
            self.qsettings.setValue("layout/version", LAYOUT_VERSION)

    def _get(self, key: str, default: str = "") -> str:
        value = self.qsettings.value(key, default)
        return default if value is None else str(value)

    @property
    def annotator(self) -> str:
        return self._get("user/annotator")

    @annotator.setter
    def annotator(self, name: str) -> None:
        self.qsettings.setValue("user/annotator", name)

    @property
    def language(self) -> str:
        """"" = follow the system locale; "zh_CN" or "en"."""
        return self._get("user/language")

    @language.setter
    def language(self, value: str) -> None:
        self.qsettings.setValue("user/language", value)

    @property
    def snap_mode(self) -> str:
        return self._get("tagging/snap", "trim")

    @snap_mode.setter
    def snap_mode(self, value: str) -> None:
        self.qsettings.setValue("tagging/snap", value)

    @property
    def last_project(self) -> str:
        return self._get("user/last_project")

    @last_project.setter
    def last_project(self, value: str) -> None:
        self.qsettings.setValue("user/last_project", value)

    def layout(self, key: str):
        return self.qsettings.value(f"layout/{key}")

    def set_layout(self, key: str, value) -> None:
        self.qsettings.setValue(f"layout/{key}", value)

    def sync(self) -> None:
        self.qsettings.sync()
