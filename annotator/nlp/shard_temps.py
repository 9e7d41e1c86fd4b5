"""The shard file's temporary files: held while written, and the stale ones of killed builds removed.

segment.py builds jieba's shard file in ``.jieba-*.tmp`` beside it and renames it into place. A build
killed half way (the user closed the terminal, the machine ran out of memory) left that file behind for
ever: nothing looked at it again, and it is 9–20 MB. Each build now holds an exclusive ``flock`` on its
temporary file until the rename (the lock goes with the process, however it dies), and a process that
opens the shard file removes the temporary files that are

- in the app's own cache folder, named as only this module names them, owned by this user;
- older than ``STALE_SECONDS`` (a build takes seconds; a fresh file may be a build that has not taken its
  lock yet, so it is never touched);
- and not locked: its lock is taken, without waiting, before the file is unlinked. A build still running
  (however long, on however busy a machine) holds its lock, so its file is never removed.

Where there is no ``flock`` (Windows) a file still open in a running build cannot be deleted (the unlink
fails and is ignored), so the age rule alone is safe there. Every error is ignored: a cache that cannot
be tidied must never stop segmentation.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

PREFIX, SUFFIX = ".jieba-", ".tmp"
STALE_SECONDS = 15 * 60

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]


def hold(fd: int) -> None:
    """Lock a temporary file being written (kept until its descriptor closes or the process ends)."""
    if fcntl is not None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            pass  # a file system without locks: the age rule still protects the build


def _unlink_if_unlocked(path: Path) -> bool:
    if fcntl is None:
        try:
            path.unlink()  # fails while a running build has it open
        except OSError:
            return False
        return True
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False  # a running build holds it
        # Still the same file we locked (a build cannot have renamed another one onto this name: the names
        # are unique), then gone while we hold the lock.
        if os.fstat(fd).st_ino != os.lstat(path).st_ino:
            return False
        path.unlink()
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


def remove_stale(folder: Path, now: float | None = None) -> list[Path]:
    """Remove the stale temporary files of killed shard builds from ``folder``; the paths removed."""
    removed: list[Path] = []
    now = time.time() if now is None else now
    uid = os.getuid() if hasattr(os, "getuid") else None
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        name = entry.name
        if not (name.startswith(PREFIX) and name.endswith(SUFFIX)):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not entry.is_file(follow_symlinks=False) or (uid is not None and info.st_uid != uid):
            continue
        if now - info.st_mtime < STALE_SECONDS:
            continue
        path = Path(entry.path)
        if _unlink_if_unlocked(path):
            removed.append(path)
    return removed
