"""sqlite-utils, imported without its optional numpy/pandas type adapters.

sqlite-utils imports pandas and numpy at import time whenever they are installed, only to register
adapters for their scalar types, which this project never stores. Measured: +0.1 s with numpy (a
dependency, for agreement), +1.2–1.8 s and ~50 MB with pandas (present when a peer library of the
benchmark is installed) on every process that opens a project — the CLI's cold start and the GUI's
included. Blocking them for the duration of this one import keeps the adapters off; a later real import
of numpy (agreement) is unaffected. Storage modules import sqlite-utils from here only.
"""

from __future__ import annotations

import sys

_blocked = [name for name in ("pandas", "numpy") if name not in sys.modules]
for _name in _blocked:
    sys.modules[_name] = None  # type: ignore[assignment] - makes `import` raise ImportError
try:
    from sqlite_utils import Database, Migrations
finally:
    for _name in _blocked:
        if sys.modules.get(_name, "") is None:
            del sys.modules[_name]

__all__ = ["Database", "Migrations"]
