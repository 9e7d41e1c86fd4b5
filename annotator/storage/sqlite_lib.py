"""sqlite-utils, imported without its optional numpy/pandas type adapters.

sqlite-utils imports pandas and numpy at import time whenever they are installed, only to register
adapters for their scalar types, which this project never stores. Measured: +0.1 s with numpy (a
dependency, for agreement), +1.2–1.8 s and ~50 MB with pandas (present when a peer library of the
benchmark is installed) on every process that opens a project — the CLI's cold start and the GUI's
included. Blocking them for the duration of this one import keeps the adapters off; a later real import
of numpy (agreement) is unaffected. Storage modules import sqlite-utils from here only.

``dateutil.parser`` (imported by sqlite-utils' recipes, for its date-parsing helpers this project never
calls; it pulls in dateutil.tz, zoneinfo and importlib.resources) is loaded lazily with the standard
library's ``importlib.util.LazyLoader``: it executes on first use, if ever — ~25–40 ms off every process
that opens a project (issue 19: CLI import, GUI cold start).
"""

from __future__ import annotations

import sys


def _lazy(name: str) -> None:
    import importlib.util  # noqa: PLC0415 - already loaded by the interpreter's start-up

    if name in sys.modules:
        return
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return
    if spec is None or spec.loader is None:
        return
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    if parent:  # `from dateutil import parser` then takes the attribute and touches nothing inside it
        setattr(sys.modules[parent], child, module)


_lazy("dateutil.parser")
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
