"""Where the app keeps the user's default project and settings (Qt-free, so the CLI can use it).

ANNOTATOR_HOME overrides everything (tests point it at a temporary folder).
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

APP_DIR_NAME = "speech-annotator"

# Characters a file name may hold that would change what a message shows rather than be shown: line
# breaks (a name "x\nimported 99 …" forged a line of the import summary), terminal escapes, and the
# bidi controls that reorder what follows them on screen.
_UNSHOWABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def display_path(path: str | os.PathLike) -> str:
    """``path`` as text that can be printed, stored in SQLite or JSON: never fails.

    On Linux a file name is bytes; one that is not UTF-8 (a Windows zip unpacked here, a GBK name)
    reaches Python as lone surrogates, which every encoder refuses. Those bytes become U+FFFD,
    so the name is shown — and recorded as the document's source — with replacement
    characters while the file itself is still opened by its real name.
    """
    text = os.fspath(path)
    if isinstance(text, bytes):
        return _shown(text.decode("utf-8", "replace"))
    try:
        text.encode("utf-8")
        return _shown(text)
    except UnicodeEncodeError:
        pass
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a lone surrogate that did not come from undecodable bytes
        raw = text.encode("utf-8", "surrogatepass")
    return _shown(raw.decode("utf-8", "replace"))


def _shown(text: str) -> str:
    """Control characters as Python writes them in a string ("\\n", "\\x1b"): one name, one line."""
    if _UNSHOWABLE.search(text) is None:
        return text
    return _UNSHOWABLE.sub(lambda m: repr(m.group())[1:-1], text)


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
