"""How a front end gets a project for another thread: a store factory.

A worker thread needs its own connection (an sqlite3 connection must not cross threads; a PostgreSQL
one is not thread-safe either), so the GUI hands each worker a callable that opens the project, not a
file path. The target is opaque here: whatever ``storage.open_project`` accepts (a project file's path,
a ``postgresql://`` URL once that backend lands). This is the one place that knows how an open project
is opened again.
"""

from __future__ import annotations

import functools
from typing import Callable


def store_factory(target) -> Callable[[], object]:
    """A callable opening the project at ``target`` (path or URL); its result closes on ``with``."""
    from annotator.storage import open_project  # noqa: PLC0415

    return functools.partial(open_project, target)


def factory_for(project) -> Callable[[], object]:
    """The factory of an already open project: the same target, a connection of the caller's own."""
    return store_factory(project.path)
