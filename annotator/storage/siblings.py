"""The files SQLite keeps beside a project (``-wal``, ``-journal``), judged before any connection opens.

SQLite replays what it finds beside a database: a hot ``-journal`` is rolled back into the file and a
``-wal`` is read as the newest version of its pages (and later checkpointed into the file). That is how
a crash loses nothing — and how a stray file from another database destroys a project. So an open looks
at the siblings first and only lets SQLite near the project when they are ours.

Reading them with Python is safe where reading the project file is not: SQLite's POSIX locks live on the
project file and on ``-shm`` only (never on ``-wal`` or ``-journal``), and closing a descriptor drops the
locks the process holds on *that* file. This module never opens the project file or ``-shm``.

The rule for a ``-wal`` (WAL format: https://www.sqlite.org/fileformat2.html#walformat):

1. No ``-wal``, an empty one, a bad header or no committed frame whose salts match the header: there is
   nothing SQLite would replay (it treats such a file as empty and rewrites it); harmless.
2. Committed frames exist: they must be *ours*. Every write transaction a project makes goes through
   ``Project.write()``, which bumps the database header's ``user_version`` (a save counter), so every
   such transaction carries an image of page 1, and page 1 holds the project's identity
   (``application_id``, random per project) and the counter. The ``-wal`` is ours when
   - its page size is the project's,
   - every page-1 image in it carries the project's identity, and
   - the project file's counter lies between the first image's counter minus one and the last image's
     counter: a ``-wal`` continues the file from where its last checkpoint left it. A ``-wal`` that
     starts after the file's state (the file was restored from an older copy) or ends before it (the
     ``-wal`` is older than the file) is stale.
   With no page-1 image at all (writes that never grew the file nor passed through ``write()``), every
   commit frame's database size must equal the file's page count.
3. A hot ``-journal`` (non-empty, first byte not zero) is never ours: projects write only in WAL mode, so a
   rollback journal beside one was left by another database; rolling it back would write its pages in.

A legitimate ``-wal`` — another of our processes has the project open, or ours crashed — passes, and
SQLite recovers it as usual: a crash loses no saved label. Anything else is reported with what was
found and what to do, and nothing is written. Limit: two copies of one project made with ``cp`` share an
identity; a ``-wal`` of one beside the other is caught only when their save counters disagree.
"""

from __future__ import annotations

import os
import struct
from dataclasses import dataclass
from pathlib import Path

WAL_MAGIC = (0x377F0682, 0x377F0683)
WAL_HEADER = 32
FRAME_HEADER = 24
JOURNAL_MAGIC = bytes([0xD9, 0xD5, 0x05, 0xF9, 0x20, 0xA1, 0x63, 0xD7])
# Page 1 header fields (https://www.sqlite.org/fileformat2.html#the_database_header).
_USER_VERSION_AT = 60
_APPLICATION_ID_AT = 68


@dataclass(frozen=True)
class DbHeader:
    """What the project file itself says (read through SQLite with ``immutable=1``, never with Python)."""

    page_size: int
    page_count: int
    identity: int  # PRAGMA application_id
    counter: int  # PRAGMA user_version: the save counter


@dataclass
class WalSummary:
    page_size: int = 0
    commits: int = 0
    commit_sizes: list[int] | None = None  # database size in pages after each commit
    page1: list[tuple[int, int]] | None = None  # (identity, counter) of each page-1 image, in order


def _signed(value: int) -> int:
    return value - (1 << 32) if value >= 1 << 31 else value


def _checksum(data: bytes, big_endian: bool, s0: int, s1: int) -> tuple[int, int]:
    words = struct.unpack(f"{'>' if big_endian else '<'}{len(data) // 4}I", data)
    mask = 0xFFFFFFFF
    for i in range(0, len(words), 2):
        s0 = (s0 + words[i] + s1) & mask
        s1 = (s1 + words[i + 1] + s0) & mask
    return s0, s1


def read_wal(path: Path, *, checksums: bool = True) -> WalSummary | None:
    """The committed frames of a ``-wal`` as SQLite's recovery would accept them; None when nothing
    would be replayed. Linear in the file, one frame at a time.

    Without ``checksums`` only the salts and commit marks decide which frames count, reading just the
    frame headers and page 1's header (milliseconds instead of seconds for a 4 MB log). That can only
    count frames SQLite would drop after a torn write, never drop one it keeps, so the caller accepts
    on a fast verdict and confirms with checksums before refusing.
    """
    try:
        handle = open(path, "rb")  # noqa: SIM115 - a -wal, never the project file (see module docstring)
    except FileNotFoundError:
        return None
    with handle:
        header = handle.read(WAL_HEADER)
        if len(header) < WAL_HEADER:
            return None
        magic, version, page_size, _seq, salt1, salt2, c0, c1 = struct.unpack(">8I", header)
        if magic not in WAL_MAGIC or version != 3007000 or page_size < 512 or page_size & (page_size - 1):
            return None
        big = magic & 1 == 1
        if _checksum(header[:24], big, 0, 0) != (c0, c1):
            return None
        size = os.fstat(handle.fileno()).st_size
        s0, s1 = c0, c1
        summary = WalSummary(page_size=page_size, commit_sizes=[], page1=[])
        pending_page1: list[tuple[int, int]] = []
        offset = WAL_HEADER
        while offset + FRAME_HEADER + page_size <= size:
            handle.seek(offset)
            if checksums:
                frame = handle.read(FRAME_HEADER + page_size)
            else:
                frame = handle.read(FRAME_HEADER + 100)  # the header, and page 1's database header
            offset += FRAME_HEADER + page_size
            pgno, db_size, f_salt1, f_salt2, f0, f1 = struct.unpack(">6I", frame[:FRAME_HEADER])
            if (f_salt1, f_salt2) != (salt1, salt2) or pgno == 0:
                break
            if checksums:
                s0, s1 = _checksum(frame[:8], big, s0, s1)
                s0, s1 = _checksum(frame[FRAME_HEADER:], big, s0, s1)
                if (s0, s1) != (f0, f1):
                    break
            if pgno == 1:
                page = frame[FRAME_HEADER:]
                identity = _signed(struct.unpack(">I", page[_APPLICATION_ID_AT:_APPLICATION_ID_AT + 4])[0])
                counter = _signed(struct.unpack(">I", page[_USER_VERSION_AT:_USER_VERSION_AT + 4])[0])
                pending_page1.append((identity, counter))
            if db_size:  # a commit frame: everything up to here is a committed transaction
                summary.commits += 1
                summary.commit_sizes.append(db_size)
                summary.page1.extend(pending_page1)
                pending_page1 = []
    return summary if summary.commits else None


def wal_problem(wal: WalSummary, db: DbHeader) -> str | None:
    """Why this ``-wal`` is not the project's own (None when it is); rule 2 of the module docstring."""
    if wal.page_size != db.page_size:
        return (f"it holds pages of {wal.page_size} bytes and the project's are {db.page_size}: "
                "it belongs to another database")
    images = wal.page1 or []
    if images:
        strangers = {identity for identity, _ in images if identity != db.identity}
        if strangers:
            return (f"it was written by another project (identity {min(strangers)}; this project is "
                    f"{db.identity})")
        first, last = images[0][1], images[-1][1]
        if db.counter < first - 1:
            return (f"it continues save {first - 1} but the project file is at save {db.counter}: the "
                    "file was replaced by an older copy after the log was written")
        if db.counter > last:
            return (f"it ends at save {last} but the project file is already at save {db.counter}: the "
                    "log is older than the file")
        return None
    sizes = set(wal.commit_sizes or [])
    if sizes != {db.page_count}:
        return (f"its transactions describe a database of {sorted(sizes)} pages and the project has "
                f"{db.page_count}: it belongs to another database")
    return None


def hot_journal(path: Path) -> str | None:
    """What a rollback journal SQLite would act on looks like (None when there is none).

    SQLite treats a non-empty journal whose first byte is not zero as hot: it rolls a valid one back
    into the database and deletes an invalid one. Either would change something we did not write.
    """
    try:
        with open(path, "rb") as handle:  # a -journal, never the project file (see module docstring)
            head = handle.read(len(JOURNAL_MAGIC))
    except FileNotFoundError:
        return None
    if not head or head[0] == 0:
        return None
    return "a rollback journal" if head == JOURNAL_MAGIC else "a file that is not a valid journal"


def wal_path(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def journal_path(path: Path) -> Path:
    return path.with_name(path.name + "-journal")


def sibling_paths(path: Path) -> list[Path]:
    """Every file SQLite may keep for this project (the ones nobody but SQLite may open)."""
    return [path] + [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def size_or_zero(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0
