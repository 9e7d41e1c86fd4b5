"""The projects this process has open: shared trust, and the files nobody but SQLite may open.

Design (issue 12, point 1). POSIX drops *every* lock a process holds on a file when it closes *any*
descriptor of that file. SQLite's unix VFS knows this: all connections of one process to one file share
one lock record (keyed by device and inode), and a connection that closes while another still holds a
lock hands its descriptor to a pending list instead of closing it (os_unix.c, ``unixInodeInfo`` and
``setPendingFd``). So any number of SQLite connections per process is safe — workers keep their own
connection, with their own transactions and snapshots — as long as nothing *else* opens the project
file (or its ``-shm``, where the WAL locks live): no Python ``open()``, no second copy of SQLite (Qt's
QSQLITE driver bundles one). storage reads the header through SQLite (trust.py) and the ``-wal`` /
``-journal`` with Python (siblings.py: SQLite holds no locks on them).

This registry adds what the connections cannot know alone:
- a project is checked once per process while any handle is open (a worker's open costs no second
  ``quick_check``, and a ``-wal`` written by our own live connection is not second-guessed);
- ``is_project_file()`` tells readers of user files (import, label import) which paths are an open
  project or one of its SQLite files, so they skip them instead of opening them.
One shared connection per project was considered and rejected: threads would see each other's
uncommitted writes, an export's snapshot would move under it, and a rollback in one thread would undo
another thread's statements.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from annotator.storage.siblings import sibling_paths

_lock = threading.RLock()


@dataclass
class _Entry:
    path: Path
    handles: int = 0
    ids: set = field(default_factory=set)  # (st_dev, st_ino) of the project file when opened


_open: dict[str, _Entry] = {}


def key(path: Path) -> str:
    return os.path.realpath(path)


def lock() -> threading.RLock:
    """Held while a project is checked and its first connection made (so two threads check once)."""
    return _lock


def is_trusted(path: Path) -> bool:
    with _lock:
        entry = _open.get(key(path))
        return entry is not None and entry.handles > 0


def acquire(path: Path) -> str:
    with _lock:
        k = key(path)
        entry = _open.setdefault(k, _Entry(Path(k)))
        entry.handles += 1
        try:
            st = os.stat(k)
            entry.ids.add((st.st_dev, st.st_ino))
        except OSError:
            pass
        return k


def release(k: str) -> None:
    with _lock:
        entry = _open.get(k)
        if entry is None:
            return
        entry.handles -= 1
        if entry.handles <= 0:
            del _open[k]


def open_projects() -> list[Path]:
    with _lock:
        return [entry.path for entry in _open.values()]


def is_project_file(path: str | os.PathLike) -> bool:
    """True if ``path`` is (a link to) a project open in this process or one of its SQLite files.

    Compares device and inode with ``os.stat`` (which opens nothing), so hard links, symlinks and
    other spellings of the same file are caught. Readers must skip such a path: reading it with
    ``open()`` and closing it would drop this process's locks on the project.
    """
    try:
        st = os.stat(path)
    except OSError:
        return False
    target = (st.st_dev, st.st_ino)
    with _lock:
        entries = list(_open.values())
    for entry in entries:
        if target in entry.ids:
            return True
        for sibling in sibling_paths(entry.path):
            try:
                s = os.stat(sibling)
            except OSError:
                continue
            if (s.st_dev, s.st_ino) == target:
                return True
    return False
