"""Atomic writes: an export either replaces the chosen file completely or leaves it as it was.

The data goes to a temporary file in the target's own folder (so ``os.replace`` is a rename on the same
file system, atomic on POSIX and Windows), is flushed and fsynced, and only then takes the target's
name. A failure midway removes the temporary file and never touches the target.

A process killed outright (SIGKILL, a power cut) cannot remove its temporary file: the next export to
the same target removes it (``clean_stale_parts``). A temporary file is recognised by its exact name
(``.<target name>.<8 random characters>.part``, as ``tempfile.mkstemp`` makes it here), and it is never
one a running export still writes: that export holds an ``flock`` on it from its creation to its rename
(POSIX; on Windows an open file cannot be deleted at all), and a file younger than ``STALE_AFTER_S``
is left alone whatever its lock says (the instant between creating a file and locking it).

Exports that write one file per annotator derive the extra names from the chosen path with
``sibling_path``; an annotator name is data, never a path, so it cannot lead a write elsewhere.
"""

from __future__ import annotations

import contextlib
import contextvars
import errno
import os
import re
import signal
import stat
import time
from pathlib import Path
from typing import IO, Iterator

# Anything outside letters (any script), digits and a few harmless marks becomes "_": this removes
# path separators, "..", drive colons, control characters and the characters Windows forbids.
_UNSAFE = re.compile(r"[^\w\-@+]", re.UNICODE)
_WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))}
_MAX_PART = 80
# tempfile.mkstemp's random part: 8 characters of this alphabet (tempfile._RandomNameSequence).
_RANDOM_PART = re.compile(r"[a-z0-9_]{8}\Z")
STALE_AFTER_S = 5.0


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable on POSIX; Windows cannot open a directory, and does not need to.
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _umask() -> int:
    """The process umask without changing it: os.umask() can only be read by setting it, which would
    race with worker threads creating files meanwhile; Linux reports it in /proc/self/status."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    if os.name != "posix":
        return 0
    current = os.umask(0o022)
    os.umask(current)
    return current


def _mode_for(target: Path) -> int:
    """The mode a new file gets from open(): 0666 minus the umask; an existing file keeps its own."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_umask()


class TargetRefused(ValueError):
    """An export target that must not be replaced; ``filename`` names it for the message."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(reason)
        self.filename = str(path)


def refuse_project_target(target: Path) -> None:
    """Exports never replace a project database, open in this process or not.

    A project open here is recognised by identity (device and inode) without opening it: reading it
    with open() and closing it would drop this process's SQLite locks on it (POSIX). Any other existing
    file may be read: this process holds no locks on it.
    """
    from annotator.storage.registry import is_project_file  # noqa: PLC0415 - light, no sqlite import

    if is_project_file(target):
        raise TargetRefused(target, "is the open project (or one of its SQLite files): an export never "
                                    "overwrites a project; choose another file name")
    try:
        with open(target, "rb") as handle:
            header = handle.read(16)
    except OSError:
        return  # absent or unreadable: nothing of ours to protect
    if header == b"SQLite format 3\x00":
        raise TargetRefused(target, "is an SQLite database (a project?): an export never overwrites it; "
                                    "choose another file name")


class ExportWriteError(OSError):
    """Writing an export failed and nothing was written: the target (``filename``) is as it was.

    ``str()`` is the reason in words, without the file name: the CLI and the GUI put the name first.
    """

    def __init__(self, target: Path, exc: OSError, *, existed: bool) -> None:
        super().__init__(exc.errno, _reason(target, exc, existed))
        self.filename = str(target)

    def __str__(self) -> str:
        return self.strerror


def _reason(target: Path, exc: OSError, existed: bool) -> str:
    folder = target.parent if str(target.parent) else Path(".")
    kept = "the existing file is unchanged" if existed else "no file was created"
    why = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is used up",
        errno.EROFS: f"folder {folder} is on a read-only file system",
        errno.EACCES: f"no permission to write in folder {folder}",
        errno.EPERM: f"no permission to write in folder {folder}",
        errno.EIO: "an input/output error (a failing disk or a removed drive?)",
        errno.EFBIG: "the file is larger than this file system allows",
        errno.ENOENT: f"folder {folder} does not exist",
    }.get(exc.errno, exc.strerror or str(exc))
    return f"cannot write the export: {why}; {kept}"


# Inside all_or_nothing(): the (temporary, target, lock descriptor) triples written so far, renamed
# together at its end.
_GROUP: contextvars.ContextVar[list | None] = contextvars.ContextVar("export_group", default=None)


@contextlib.contextmanager
def all_or_nothing() -> Iterator[None]:
    """Several atomic_open() files that take their names together at the end, or none of them does.

    A per-annotator export writes a file per annotator: a full disk at the third file used to leave the
    first two written beside older copies of the others, a set that never existed in the project.
    """
    written: list[tuple[Path, Path]] = []
    token = _GROUP.set(written)
    try:
        yield
    except BaseException as exc:
        for tmp, _, keep in written:
            with contextlib.suppress(OSError):
                tmp.unlink()
            _close(keep)
        if isinstance(exc, ExportWriteError) and written:
            exc.strerror += f", and none of the {len(written)} files written before it was kept"
        raise
    finally:
        _GROUP.reset(token)
    held = _hold_signals()  # the renames are quick; a signal among them would leave some files old
    try:
        for n, (tmp, target, _) in enumerate(written):  # renames need no space: not stopped by a full disk
            try:
                os.replace(tmp, target)
            except OSError as exc:
                for left, _, _ in written[n:]:
                    with contextlib.suppress(OSError):
                        left.unlink()
                raise ExportWriteError(target, exc, existed=target.exists()) from None
    finally:
        for _, _, keep in written:
            _close(keep)  # the locks go with the last descriptor, after the renames
        _release_signals(held)
    for folder in {target.parent if str(target.parent) else Path(".") for _, target, _ in written}:
        _fsync_dir(folder)


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike, mode: str = "w", *, encoding: str | None = "utf-8",
                newline: str | None = None) -> Iterator[IO]:
    """Open a temporary file beside ``path``; on a clean exit it replaces ``path``."""
    if mode not in ("w", "wb"):
        raise ValueError("atomic_open writes whole files: mode must be 'w' or 'wb'")
    target = Path(path)
    refuse_project_target(target)
    folder = target.parent if str(target.parent) else Path(".")
    existed = target.exists()
    if not folder.is_dir():
        raise ExportWriteError(target, FileNotFoundError(errno.ENOENT, "no folder"), existed=existed)
    clean_stale_parts(target)
    import tempfile  # noqa: PLC0415 - with shutil, bz2, lzma ~5 ms: only writers pay it, not every importer

    # Ctrl+C or SIGTERM (an exception, see cli/common.py) right after mkstemp created the file but before
    # its name is kept would leave it behind: signals wait until the cleanup below is in place.
    held = _hold_signals()
    try:
        fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".part")
    except OSError as exc:
        _release_signals(held)
        raise ExportWriteError(target, exc, existed=existed) from None
    except BaseException:
        _release_signals(held)
        raise
    tmp = Path(tmp_name)
    group = _GROUP.get()
    keep = None  # a second descriptor holding the lock until the rename (POSIX)
    try:
        keep = _lock(fd)
        _release_signals(held)  # a signal that came meanwhile raises here, where the file is removed
        if os.name == "posix":
            # mkstemp creates 0600 (right for a temporary file); the export is the user's file and gets
            # the mode any program writing it would give it.
            os.fchmod(fd, _mode_for(target))
        if mode == "wb":
            handle = os.fdopen(fd, "wb")
        else:
            handle = os.fdopen(fd, "w", encoding=encoding, newline=newline)
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if group is None:
            os.replace(tmp, target)
            _close(keep)
        else:
            group.append((tmp, target, keep))  # renamed, or removed, by all_or_nothing()
    except BaseException as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        _close(keep)
        if isinstance(exc, OSError) and not isinstance(exc, ExportWriteError):
            raise ExportWriteError(target, exc, existed=existed) from None
        raise
    if group is None:
        _fsync_dir(folder)


def _lock(fd: int) -> int | None:
    """Mark the temporary file as being written: an exclusive ``flock`` held by a duplicate of ``fd``
    (the writer closes its own descriptor before the rename; the lock lasts until the duplicate is
    closed). None where there is no flock (Windows) or the file system refuses it."""
    try:
        import fcntl  # noqa: PLC0415 - POSIX only
    except ImportError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return os.dup(fd)
    except OSError:
        return None


def _close(fd: int | None) -> None:
    if fd is not None:
        with contextlib.suppress(OSError):
            os.close(fd)


def _in_use(path: str) -> bool:
    """True unless ``path`` is certainly no running export's file (then it is already removed)."""
    try:
        import fcntl  # noqa: PLC0415
    except ImportError:
        try:  # Windows: a file another process holds open cannot be deleted
            os.unlink(path)
            return False
        except OSError:
            return True
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # refused while its writer lives (or on odd file systems)
        os.unlink(path)  # removed while locked: no writer can have taken it meanwhile
        return False
    except OSError:
        return True
    finally:
        os.close(fd)  # a temporary file, never a project: closing it drops no SQLite lock


def clean_stale_parts(target: str | os.PathLike) -> list[Path]:
    """Remove the temporary files killed exports of ``target`` left in its folder; returns them.

    Only files named as atomic_open names them for this target, regular files of this user, older
    than STALE_AFTER_S and locked by no running export (see the module docstring). Errors are ignored:
    a file that cannot be examined or removed stays, the export goes on.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    prefix, suffix = f".{target.name}.", ".part"
    removed: list[Path] = []
    now = time.time()
    try:
        candidates = []
        with os.scandir(folder) as entries:  # streamed: a folder of a million files is not listed in memory
            for entry in entries:
                name = entry.name
                if (name.startswith(prefix) and name.endswith(suffix) and len(name) == len(prefix) + 8 + len(suffix)
                        and _RANDOM_PART.match(name[len(prefix):len(name) - len(suffix)])):
                    candidates.append(entry)
    except OSError:
        return removed
    for entry in candidates:
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode) or (hasattr(os, "getuid") and info.st_uid != os.getuid()):
            continue
        if now - info.st_mtime < STALE_AFTER_S or _in_use(entry.path):
            continue
        removed.append(Path(entry.path))
    return removed


def _hold_signals():
    """Block SIGINT and SIGTERM in this thread (POSIX); returns what _release_signals() restores."""
    if not hasattr(signal, "pthread_sigmask"):
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})


def _release_signals(held) -> None:
    if held is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def safe_part(name: str) -> str:
    """A file-name fragment for an annotator name ("@gold", "张三", "../x" → "@gold", "张三", "_x")."""
    part = _UNSAFE.sub("_", name.strip()).strip("_") or "_"
    part = part[:_MAX_PART]
    if part.upper() in _WINDOWS_RESERVED:
        part = "_" + part
    return part


def sibling_path(chosen: str | os.PathLike, name: str) -> Path:
    """``out/export.jsonl`` + "张三" → ``out/export.张三.jsonl``, always in the chosen file's folder."""
    chosen = Path(chosen)
    suffix = "".join(chosen.suffixes[-1:])
    stem = chosen.name[: len(chosen.name) - len(suffix)] if suffix else chosen.name
    candidate = chosen.parent / f"{stem}.{safe_part(name)}{suffix}"
    # safe_part already makes this impossible; the check keeps it true if that function ever changes.
    if candidate.resolve().parent != chosen.resolve().parent:
        raise ValueError(f"refusing to write outside {chosen.parent}: {name!r}")
    return candidate


def unique_siblings(chosen: str | os.PathLike, names: list[str]) -> dict[str, Path]:
    """Sibling paths for several names; two names that sanitise alike ("a/b", "a_b") get distinct files."""
    taken: set[Path] = set()
    result: dict[str, Path] = {}
    for name in names:
        path = sibling_path(chosen, name)
        n = 2
        while path in taken:
            path = sibling_path(chosen, f"{name}-{n}")
            n += 1
        taken.add(path)
        result[name] = path
    return result
