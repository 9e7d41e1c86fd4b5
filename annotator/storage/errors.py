"""How storage fails: one exception (ProjectError, naming the project file) and the translation of
SQLite's errors into it.

A failure of the disk or the file — full, failing, read-only, damaged, text that is not UTF-8 — is a
ProjectError with a sentence a user can act on; an error of the query or the data (a constraint, a
typo in SQL) passes unchanged, because it is a bug to fix, not a message to show.
"""

from __future__ import annotations

import functools
import json
import os
import sqlite3
from typing import TYPE_CHECKING, Any, Callable, TypeVar

if TYPE_CHECKING:
    from annotator.storage.store import StoreBackend

T = TypeVar("T")

NEEDS_REPLAY = ("its write-ahead log (-wal) holds saved changes that must be replayed, but the folder is "
                "read-only: copy the project together with its -wal file to a writable folder and open the copy")

# Primary SQLite result codes (sqlite3.Error.sqlite_errorcode & 0xFF) a write can fail with for
# reasons of the disk or the file, not of the data: reported as a ProjectError naming the project.
FILE_ERRORS = {
    3: "permission denied",
    8: "the file became read-only",
    10: "the disk reported an input/output error",
    11: "the project file is damaged",
    13: "the disk is full",
    14: "the file could not be opened",
    26: "the project file is damaged",
}


# The database's own failure (damaged file, constraint, I/O) as callers outside storage name it, so that
# they catch it without importing the driver. PostgreSQL's errors are re-raised as subclasses of the
# same DB-API classes (pg/backend.py), so this one name covers both backends.
StoreError = sqlite3.DatabaseError


class ProjectError(Exception):
    """A project file that cannot be opened or saved; ``str()`` names the file and the reason."""

    def __init__(self, path: str | os.PathLike, reason: str):
        from annotator.storage.urls import redact, redact_text  # noqa: PLC0415 - urls is a leaf module

        # A team project's URL may carry a password: never in a message (issue 16, point 6).
        self.path = redact(str(path)) if "://" in str(path) else str(path)
        self.reason = redact_text(reason)
        super().__init__(f"{self.path}: {self.reason}")


def error_code(exc: sqlite3.Error) -> int:
    return (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF


def open_error(exc: sqlite3.Error) -> str:
    """The reason for a failed open: a full or failing disk is not a damaged project."""
    if "not a database" in str(exc) or "encrypted" in str(exc):
        return "not a project file (it is not an SQLite database, or its first page is damaged)"
    code = error_code(exc)
    if code in (3, 8, 10, 13, 14) or "disk is full" in str(exc) or "I/O" in str(exc):
        return f"cannot be opened: {FILE_ERRORS.get(code, 'the disk failed')} ({exc}); nothing was changed"
    if code in (5, 6) or "database is locked" in str(exc):  # SQLITE_BUSY, SQLITE_LOCKED: not damage
        return ("busy: another program holds it locked so that nobody else may even read it; nothing was "
                "changed. Close the project in that program (or wait for it to finish) and try again")
    return f"damaged or unreadable project ({exc})"


def write_error(path: os.PathLike | str, exc: sqlite3.Error) -> ProjectError | None:
    """A ProjectError for a write that failed because of the disk or the file, else None."""
    what = FILE_ERRORS.get(error_code(exc))
    if what is None and isinstance(exc, sqlite3.OperationalError):
        text = str(exc)
        what = next((v for k, v in (("full", FILE_ERRORS[13]), ("I/O", FILE_ERRORS[10]),
                                    ("readonly", FILE_ERRORS[8])) if k in text), None)
    if what is None:
        decoded = read_error(path, exc)
        return None if decoded is None else ProjectError(
            path, f"{decoded.reason}: the change was not saved and nothing was half-written")
    return ProjectError(path, f"{what} ({exc}): the change was not saved and nothing was half-written")


def read_error(path: os.PathLike | str, exc: sqlite3.Error) -> ProjectError | None:
    """A ProjectError for a read that failed because of the file (not of the query), else None."""
    if "Could not decode to UTF-8" in str(exc):
        return ProjectError(path, f"damaged data: a text value is not UTF-8 ({str(exc)[:200]})")
    code = error_code(exc)
    if code in FILE_ERRORS or "disk I/O" in str(exc):
        return ProjectError(path, f"cannot be read: {FILE_ERRORS.get(code, 'the file is damaged')} ({exc})")
    return None


def reads(fn: Callable[..., T]) -> Callable[..., T]:
    """For storage's read functions (first argument: the project): a read that fails because of the
    file — bytes that are not UTF-8, a damaged page, a failing disk — is a ProjectError naming the
    project, not a traceback. Errors of the query itself pass unchanged."""
    @functools.wraps(fn)
    def wrapper(project: StoreBackend, *args: Any, **kwargs: Any) -> T:
        try:
            return fn(project, *args, **kwargs)
        except sqlite3.DatabaseError as exc:
            translated = read_error(project.path, exc)
            if translated is None:
                raise
            raise translated from None
    return wrapper


def json_column(project: StoreBackend, text: Any, what: str) -> Any:
    """Decode a JSON column; a value another program broke is a ProjectError naming the row, not a
    traceback. (Opening checks the JSON columns once; this covers rows changed since.)"""
    try:
        return json.loads(text)
    except (TypeError, ValueError, RecursionError):
        raise ProjectError(project.path, f"damaged data: {what} is not valid JSON") from None
