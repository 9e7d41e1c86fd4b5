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


# -- targets as the front ends remember and show them --------------------------------------------------
def is_url(target) -> bool:
    """``scheme://…`` (postgresql://, and whatever open_project learns next) rather than a file path."""
    return "://" in str(target)


def target_of(value):
    """A project target as given: a URL stays text (``Path`` would fold its ``//`` and break it), anything
    else is a path."""
    from pathlib import Path  # noqa: PLC0415

    return str(value) if is_url(value) else Path(value)


def remembered(target) -> str:
    """How a target is kept in the settings file (recent projects): a path absolute; a URL without its
    password — a settings file is no place for one (the driver finds it in its own password file)."""
    from pathlib import Path  # noqa: PLC0415
    from urllib.parse import urlsplit, urlunsplit  # noqa: PLC0415

    if not is_url(target):
        return str(Path(target).resolve())
    parts = urlsplit(str(target))
    if parts.password is None:
        return str(target)
    user = parts.username or ""
    host = parts.hostname or ""
    netloc = f"{user}@{host}" if user else host
    if parts.port:
        netloc += f":{parts.port}"
    return urlunsplit(parts._replace(netloc=netloc))


def still_there(target) -> bool:
    """Whether a remembered target can be offered again: a file must exist; a server is asked when opened."""
    from pathlib import Path  # noqa: PLC0415

    return is_url(target) or Path(target).exists()


def same_target(a, b) -> bool:
    return remembered(a) == remembered(b)
