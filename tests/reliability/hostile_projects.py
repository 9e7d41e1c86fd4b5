"""Hostile project files, generated at test time (issue 12, points 2 and 8).

Each maker takes a folder and returns the project path it prepared. ``REFUSED`` lists the files that
must be refused with a message, byte-identical afterwards (project and everything beside it);
``RECOVERED`` the ones that must open with every saved document present.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from annotator.storage import documents as docs
from annotator.storage import open_project

ROOT = Path(__file__).resolve().parents[2]
TEXT = "一、总体要求\n各级党委和政府要切实加强组织领导，确保各项任务落到实处。全年增长5.5%左右。𠮷😀\r\n"

# A child that saves N documents and dies without closing: its -wal holds the only copy of them.
_CRASH = """
import os, sys
sys.path.insert(0, sys.argv[4])
from annotator.storage import documents, open_project
project = open_project(sys.argv[1])
for i in range(int(sys.argv[2])):
    text = f"{sys.argv[3]} 第{i}篇\\n一、要求\\n全年增长{i}%。"
    documents.add_document(project, clean_text=text, raw_text=text, title=f"{sys.argv[3]}{i}")
print("saved", flush=True)
os._exit(0)
"""


def project(path: Path, n: int = 2, tag: str = "正文") -> Path:
    with open_project(path) as p:
        for i in range(n):
            text = f"{tag}{i}\n{TEXT}"
            docs.add_document(p, clean_text=text, raw_text=text, title=f"{tag}{i}")
    return path


def crash(path: Path, n: int, tag: str) -> Path:
    """Documents saved by a process killed before it closed the project (they live in the -wal)."""
    out = subprocess.run([sys.executable, "-c", _CRASH, str(path), str(n), tag, str(ROOT)], capture_output=True,
                         text=True, timeout=120)
    assert out.stdout.strip() == "saved", out.stderr[-2000:]
    shm = path.with_name(path.name + "-shm")
    if shm.exists():
        shm.unlink()  # as after a reboot; SQLite rebuilds it from the -wal
    return path


def wal(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def journal(path: Path) -> Path:
    return path.with_name(path.name + "-journal")


def raw(path: Path, *statements: str) -> Path:
    """Change a closed project behind the app's back, as another tool would."""
    conn = sqlite3.connect(path, isolation_level=None)
    # The other tool had this function; the app does not (an index on it needs it to be created).
    conn.create_function("no_such_function", 1, lambda value: value, deterministic=True)
    try:
        for sql in statements:
            conn.execute(sql)
    finally:
        conn.close()
    return path


# -- refused ------------------------------------------------------------------------------------

def foreign_wal(folder: Path) -> Path:
    """The -wal of another project (crashed) beside an intact one."""
    other = crash(project(folder / "other.db", tag="别的"), 3, "别的")
    target = project(folder / "target.db")
    shutil.copyfile(wal(other), wal(target))
    return target


def foreign_plain_wal(folder: Path) -> Path:
    """The -wal of some other SQLite database that only updated a row in place (no page 1 in it)."""
    other = folder / "plain.db"
    conn = sqlite3.connect(other, isolation_level=None)
    conn.execute("PRAGMA page_size=4096")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.execute("INSERT INTO t VALUES ('aaaa')")
    conn.close()
    script = ("import sqlite3, os, sys\nc = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
              "c.execute(\"UPDATE t SET x = 'bbbb'\")\nos._exit(0)\n")
    subprocess.run([sys.executable, "-c", script, str(other)], check=True, timeout=60)
    target = project(folder / "target.db")
    shutil.copyfile(wal(other), wal(target))
    return target


def stale_wal_older_file(folder: Path) -> Path:
    """The project file restored from an older copy while a newer session's -wal stayed beside it."""
    path = project(folder / "restored.db")
    backup = path.read_bytes()  # the project is closed: no lock of ours to lose
    with open_project(path) as p:
        docs.add_document(p, clean_text="之后\n" + TEXT, raw_text="之后\n" + TEXT, title="之后")
    crash(path, 2, "崩溃")
    path.write_bytes(backup)
    return path


def stale_wal_newer_file(folder: Path) -> Path:
    """A -wal saved aside after a crash and put back after the project had moved on."""
    path = crash(project(folder / "moved-on.db"), 2, "崩溃")
    old_log = wal(path).read_bytes()
    with open_project(path) as p:
        docs.add_document(p, clean_text="后来\n" + TEXT, raw_text="后来\n" + TEXT, title="后来")
    wal(path).write_bytes(old_log)
    return path


def hot_journal(folder: Path) -> Path:
    """A real hot rollback journal of another database (a transaction cut off after spilling)."""
    other = folder / "rollback.db"
    script = ("import sqlite3, os, sys\nc = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
              "c.execute('PRAGMA journal_mode=DELETE'); c.execute('PRAGMA cache_size=2')\n"
              "c.execute('CREATE TABLE t (x BLOB)')\n"
              "c.executemany('INSERT INTO t VALUES (randomblob(3000))', [()] * 50)\n"
              "c.execute('BEGIN'); c.execute('UPDATE t SET x = randomblob(3000)')\nos._exit(0)\n")
    subprocess.run([sys.executable, "-c", script, str(other)], check=True, timeout=60)
    assert journal(other).stat().st_size > 0
    target = project(folder / "target.db")
    shutil.copyfile(journal(other), journal(target))
    return target


def garbage_journal(folder: Path) -> Path:
    target = project(folder / "target.db")
    journal(target).write_bytes(b"\x01" + random.Random(5).randbytes(5000))
    return target


def view_for_table(folder: Path) -> Path:
    return raw(project(folder / "view.db"), "PRAGMA foreign_keys=OFF", "ALTER TABLE spans RENAME TO spans_old",
               "CREATE VIEW spans AS SELECT * FROM spans_old")


def view_for_migrations(folder: Path) -> Path:
    return raw(project(folder / "mview.db"), "ALTER TABLE _sqlite_migrations RENAME TO m_old",
               "CREATE VIEW _sqlite_migrations AS SELECT * FROM m_old")


def trigger_unknown_function(folder: Path) -> Path:
    return raw(project(folder / "trigger.db"),
               "CREATE TRIGGER spans_spy AFTER INSERT ON spans BEGIN SELECT no_such_function(new.id); END")


def changed_own_trigger(folder: Path) -> Path:
    # The append-only guard of the event log, quietly disarmed.
    return raw(project(folder / "disarmed.db"), "DROP TRIGGER events_no_delete",
               "CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT 1; END")


def expression_index(folder: Path) -> Path:
    return raw(project(folder / "index.db"), "CREATE INDEX spans_fn ON spans (no_such_function(label))")


def changed_columns(folder: Path) -> Path:
    return raw(project(folder / "columns.db"), "ALTER TABLE spans ADD COLUMN extra TEXT NOT NULL DEFAULT 'x'")


def non_json_attributes(folder: Path) -> Path:
    path = project(folder / "json.db")
    with open_project(path) as p:
        from annotator.domain.model import Span
        from annotator.storage import spans as store
        store.add_span(p, Span(id=store.new_id(), document_id=1, start=0, end=2, label="directive",
                               annotator="张三"))
    return raw(path, "UPDATE spans SET attributes = '{not json'")


def non_json_label_display(folder: Path) -> Path:
    return raw(project(folder / "label.db"), "UPDATE labels SET display = '[1, 2' WHERE rowid = 1")


def json_of_wrong_type(folder: Path) -> Path:
    return raw(project(folder / "type.db"), "UPDATE labels SET attributes = '{}' WHERE rowid = 2")


def non_json_document_metadata(folder: Path) -> Path:
    """Opens (checking it would read every text again), but reading that document is a ProjectError."""
    return raw(project(folder / "meta.db"), "UPDATE documents SET metadata = 'NaN{' WHERE id = 1")


def newer_version(folder: Path) -> Path:
    return raw(project(folder / "newer.db"), "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
               "VALUES ('annotator', '9999_from_the_future', '2099-01-01')")


def other_database(folder: Path) -> Path:
    return raw(folder / "other.sqlite", "CREATE TABLE notes (x)", "INSERT INTO notes VALUES (1)")


def not_sqlite(folder: Path) -> Path:
    path = folder / "text.db"
    path.write_bytes("这不是数据库\n".encode() * 100)
    return path


def truncated(folder: Path) -> Path:
    path = project(folder / "cut.db", n=6)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return path


REFUSED = {
    "foreign -wal (another project)": (foreign_wal, "-wal"),
    "foreign -wal (another SQLite database)": (foreign_plain_wal, "-wal"),
    "stale -wal (file restored from an older copy)": (stale_wal_older_file, "older copy"),
    "stale -wal (log older than the file)": (stale_wal_newer_file, "older than the file"),
    "hot -journal of another database": (hot_journal, "-journal"),
    "garbage -journal": (garbage_journal, "-journal"),
    "view in place of a table": (view_for_table, "view"),
    "view in place of the migrations table": (view_for_migrations, "view"),
    "trigger calling an unknown function": (trigger_unknown_function, "trigger"),
    "our trigger changed": (changed_own_trigger, "events_no_delete"),
    "index on an unknown function": (expression_index, "index"),
    "table with other columns": (changed_columns, "spans"),
    "non-JSON span attributes": (non_json_attributes, "not a JSON object"),
    "non-JSON label display": (non_json_label_display, "not a JSON object"),
    "JSON of the wrong type": (json_of_wrong_type, "not a JSON array"),
    "newer version": (newer_version, "newer version"),
    "another SQLite database": (other_database, "not an annotator project"),
    "not SQLite at all": (not_sqlite, "not an SQLite database"),
    "truncated project": (truncated, "damaged"),
}


# -- opened (nothing lost) ------------------------------------------------------------------------

def own_crash_wal(folder: Path) -> tuple[Path, int]:
    return crash(project(folder / "crashed.db"), 4, "崩溃"), 6


def own_crash_wal_twice(folder: Path) -> tuple[Path, int]:
    path = crash(project(folder / "twice.db"), 3, "一次")
    return crash(path, 2, "两次"), 7


def garbage_wal(folder: Path) -> tuple[Path, int]:
    path = project(folder / "garbage.db")
    wal(path).write_bytes(random.Random(7).randbytes(9000))
    return path, 2


def empty_siblings(folder: Path) -> tuple[Path, int]:
    path = project(folder / "empty.db")
    wal(path).write_bytes(b"")
    journal(path).write_bytes(b"")
    path.with_name(path.name + "-shm").write_bytes(os.urandom(32768))  # rebuilt by SQLite
    return path, 2


def extra_plain_table_and_index(folder: Path) -> tuple[Path, int]:
    path = raw(project(folder / "extra.db"), "CREATE TABLE my_notes (x TEXT)",
               "CREATE INDEX my_spans_by_label ON spans (label, start)")
    return path, 2


RECOVERED = {
    "own -wal after a crash": own_crash_wal,
    "own -wal after two crashes": own_crash_wal_twice,
    "garbage -wal (nothing to replay)": garbage_wal,
    "empty -wal/-journal, random -shm": empty_siblings,
    "extra plain table and index": extra_plain_table_and_index,
}


def foreign_wal_beside_empty_file(folder: Path) -> Path:
    """An empty file (a "new project") with another project's log beside it."""
    other = crash(project(folder / "other.db", tag="别的"), 3, "别的")
    target = folder / "empty.db"
    target.write_bytes(b"")
    shutil.copyfile(wal(other), wal(target))
    return target


REFUSED["foreign -wal beside an empty file"] = (foreign_wal_beside_empty_file, "-wal")


def non_utf8_text(folder: Path) -> Path:
    """Bytes that are not UTF-8 stored as text (SQLite does not check; Python cannot decode them)."""
    return raw(project(folder / "bytes.db"), "UPDATE documents SET title = CAST(x'e4b8ade6ff' AS TEXT) WHERE id = 2",
               "UPDATE labels SET colour = CAST(x'23ff' AS TEXT) WHERE rowid = 1")
