"""Remembering that a project file passed the full check, so the O(size) part runs once per state.

Why: ``trust.check`` has two parts. The structural part (header, ``-wal``/``-journal`` beside the file,
the schema rebuilt from the migrations and compared, triggers, views, indexes) costs O(schema) and runs
on every open. The scan (``PRAGMA quick_check`` over every page and a JSON check of every label, span and
outline edit) costs O(project): 2.5 s at 10 000 documents, ~20 s at 100 000. A file that has not changed
since it passed the scan would pass it again, so the scan runs once per *file state*.

What a file state is (``identity``): device, inode, size, mtime and ctime in nanoseconds (ctime moves on
every write, rename or chmod and no unprivileged program can set it back on POSIX), and from the header
read through SQLite the page size, page count, the project's random identity (application_id) and its
save counter (user_version, bumped by every transaction of ours), plus the version of this check. Any
write to the file — ours, a copy over it, a damaged sector rewritten by a tool, another file moved into
its place — changes the identity, so the next open scans again.

The same folder keeps trust.expected_schema's result (what the migrations create), keyed by the bytes of
the code that builds it: the same trust argument as below.

Threat model, and why the verdict cannot be forged by the file it is about:
- The verdict is kept in the user's data folder (one small JSON file per project path), never inside
  the project: a foreign or damaged project file cannot carry a "checked" mark, and a project copied from
  someone else's machine arrives with no verdict, so it is scanned.
- A verdict is used only when no ``-wal`` with committed frames is beside the file (otherwise the state
  is file + log; the scan runs, as before) and recorded only after a scan that passed, when the file's
  stat is the same before and after the scan.
- Racy states (as git's "racily clean" index entries): a filesystem stamps times with a coarse clock
  (a kernel tick, up to 2 s on FAT), so a second write within the same tick could keep every stat field.
  A state whose ctime/mtime is less than ``RACY_NS`` old when it is scanned is therefore not recorded;
  the next open scans again and records it then.
- Who can write the user's data folder can also replace the app: the verdict store is as trusted as the
  user's own account. Losing it (or a garbled file) only means the next open scans again.
- Not covered: a disk that silently flips bits without any write through the filesystem (no stat field
  changes) after a verdict was recorded. SQLite still refuses a corrupt page when it reads or writes it
  (a ProjectError naming the project; a failed save is rolled back whole), and ``storage.integrity.check``
  (PRAGMA integrity_check and every JSON column) reads everything on demand; there is no CLI verb for it
  yet. Deleting the data folder's ``checked/`` entries makes every project be scanned again on open.
- Windows: ctime there is the creation time, so the state rests on mtime, size and the header fields;
  a program that rewrites the file and then sets its mtime back defeats it. Said in the README.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

from annotator import __version__

CHECK_FORMAT = 1  # bump when trust.check's scan checks more: older verdicts then no longer count
RACY_NS = 2_000_000_000  # coarser than any filesystem's timestamp granularity (FAT: 2 s)


def identity(path: Path, header) -> list | None:
    """The file's state as a JSON-able list, or None if it cannot be stated. ``header``: a
    siblings.DbHeader (or the same four numbers as a sequence)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    if not isinstance(header, (list, tuple)):
        header = (header.page_size, header.page_count, header.identity, header.counter)
    return [CHECK_FORMAT, __version__, st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns,
            *[int(v) for v in header]]


def _store(path: Path) -> Path:
    from annotator.paths import data_dir  # noqa: PLC0415 - only where a verdict is read or written

    name = hashlib.sha256(os.path.realpath(path).encode("utf-8", "surrogateescape")).hexdigest()[:32]
    return data_dir() / "checked" / f"{name}.json"


def known(path: Path, state: list | None) -> bool:
    """Did this exact state pass the full scan before?"""
    if state is None:
        return False
    try:
        recorded = json.loads(_store(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(recorded, dict) and recorded.get("state") == state


def remember(path: Path, state: list | None) -> None:
    """Record that ``state`` passed the scan, unless it is racy or changed meanwhile (see the docstring).
    Best effort: a store that cannot be written means the next open scans again, nothing worse."""
    if state is None or identity(path, state[7:]) != state:
        return
    if time.time_ns() - max(state[5], state[6]) < RACY_NS:
        return
    keep(_store(path).stem, {"project": os.path.realpath(path), "state": state})


def read_kept(name: str):
    """A JSON value kept by ``keep`` (trust.expected_schema's cache), or None."""
    from annotator.paths import data_dir  # noqa: PLC0415

    try:
        return json.loads((data_dir() / "checked" / f"{name}.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def keep(name: str, value) -> None:
    """Best effort, atomic (a reader sees the old file or the new one, never half of one)."""
    from annotator.paths import data_dir  # noqa: PLC0415

    try:
        store = data_dir() / "checked" / f"{name}.json"
        store.parent.mkdir(parents=True, exist_ok=True)
        temp = store.with_name(f"{store.stem}.{os.getpid()}.tmp")
        temp.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
        os.replace(temp, store)
    except OSError:
        pass


def forget(path: Path) -> None:
    try:
        _store(path).unlink()
    except OSError:
        pass
