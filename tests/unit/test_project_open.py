"""Opening and saving a project when things go wrong (issue 12, points 1, 2 and 4)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from annotator.domain.model import Span
from annotator.storage import ProjectError, integrity, is_project_file, open_project, siblings, trust
from annotator.storage import documents as docs
from annotator.storage import project as project_module
from annotator.storage import spans as store

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reliability"))
import hostile_projects as hostile  # noqa: E402

TEXT = "一、总体要求\n全年地区生产总值增长5.5%左右，𠮷安村要带头示范😀。\r\n"


def _doc_count(path: Path) -> int:
    with open_project(path) as project:
        return len(docs.document_ids(project))


def test_every_save_bumps_the_counter_and_the_identity_stays(tmp_path):
    path = hostile.project(tmp_path / "p.db")
    with open_project(path) as project:
        identity = project.conn.execute("PRAGMA application_id").fetchone()[0]
        before = project.conn.execute("PRAGMA user_version").fetchone()[0]
        docs.add_document(project, clean_text="再来\n" + TEXT, raw_text="x", title="再来")
        with project.write():
            with project.write():  # nested: one transaction, one bump
                project.set_meta("k", "v")
        after = project.conn.execute("PRAGMA user_version").fetchone()[0]
    assert identity != 0 and after == before + 2
    with open_project(path) as project:
        assert project.conn.execute("PRAGMA application_id").fetchone()[0] == identity


def test_extensions_are_never_loaded(tmp_path):
    with open_project(tmp_path / "p.db") as project:
        with pytest.raises(sqlite3.OperationalError, match="not authorized"):
            project.conn.execute("SELECT load_extension('/no/such/library')")


def test_a_full_disk_is_a_message_and_nothing_is_half_written(tmp_path):
    path = hostile.project(tmp_path / "full.db")
    with open_project(path) as project:
        pages = project.conn.execute("PRAGMA page_count").fetchone()[0]
        project.conn.execute(f"PRAGMA max_page_count={pages + 2}")  # SQLITE_FULL after two more pages
        big = "二、重点任务\n" + "粮食产量稳定在60万吨以上。" * 20_000
        with pytest.raises(ProjectError) as err:
            docs.add_document(project, clean_text=big, raw_text=big, title="太大")
        assert str(path) in str(err.value) and "disk is full" in str(err.value)
        assert not project.conn.in_transaction
        assert len(docs.document_ids(project)) == 2
        # The project stays usable: small saves still fit, and everything is consistent.
        store.add_span(project, Span(id="", document_id=1, start=0, end=2, label="directive", annotator="张三"))
        assert integrity.check(project) == []
    assert _doc_count(path) == 2


class _FailingCommit:
    """The project's connection, except that COMMIT hits an I/O error (as a failing disk would)."""

    def __init__(self, conn: sqlite3.Connection):
        self._conn = conn

    def execute(self, sql, *args):
        if sql.strip().upper() == "COMMIT":
            raise sqlite3.OperationalError("disk I/O error")
        return self._conn.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self._conn, name)


def test_an_io_error_at_commit_is_a_message_and_rolls_back(tmp_path):
    path = hostile.project(tmp_path / "eio.db")
    with open_project(path) as project:
        real = project.conn
        project.conn = _FailingCommit(real)
        with pytest.raises(ProjectError) as err:
            with project.write():
                project.conn.execute("INSERT INTO project_meta (key, value) VALUES ('lost', 'yes')")
        assert str(path) in str(err.value) and "input/output error" in str(err.value)
        project.conn = real
        assert not real.in_transaction and project.meta("lost") is None


def test_data_errors_are_not_disguised_as_file_errors(tmp_path):
    with open_project(tmp_path / "p.db") as project:
        with pytest.raises(sqlite3.IntegrityError):
            with project.write():
                project.conn.execute("INSERT INTO spans (id) VALUES (NULL)")


@contextlib.contextmanager
def _read_only_folder(folder: Path):
    """A real read-only filesystem (bind mount) where we may mount; else permissions; else access()."""
    view = folder.parent / (folder.name + "-ro")
    view.mkdir()
    mounted = subprocess.run(["mount", "--bind", str(folder), str(view)], capture_output=True).returncode == 0
    if mounted and subprocess.run(["mount", "-o", "remount,ro,bind", str(view)], capture_output=True).returncode:
        subprocess.run(["umount", str(view)], capture_output=True)
        mounted = False
    try:
        if mounted:
            yield view
        elif os.geteuid() != 0:
            view.rmdir()
            folder.chmod(0o555)
            yield folder
        else:
            # Root without mount rights: permissions do not bind root, so make access() say what a
            # read-only filesystem says.
            real_access = os.access
            view.rmdir()

            def access(path, mode, *args, **kwargs):
                if mode & os.W_OK and str(folder) in os.path.abspath(path):
                    return False
                return real_access(path, mode, *args, **kwargs)

            project_module.os.access = access
            try:
                yield folder
            finally:
                project_module.os.access = real_access
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(view)], capture_output=True)
            view.rmdir()
        folder.chmod(0o755)


def test_a_project_on_a_read_only_filesystem_opens_read_only(tmp_path):
    folder = tmp_path / "disk"
    folder.mkdir()
    hostile.project(folder / "p.db")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    with _read_only_folder(folder) as view:
        with open_project(view / "p.db") as project:
            assert project.readonly
            assert len(docs.document_ids(project)) == 2 and integrity.check(project) == []
            with pytest.raises(ProjectError, match="read-only"):
                store.add_span(project, Span(id="", document_id=1, start=0, end=2, label="directive",
                                             annotator="张三"))
        with pytest.raises(ProjectError, match="read-only"):
            open_project(view / "new.db")
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_a_crash_log_on_a_read_only_filesystem_is_a_message(tmp_path):
    folder = tmp_path / "disk"
    folder.mkdir()
    hostile.crash(hostile.project(folder / "p.db"), 2, "崩溃")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    with _read_only_folder(folder) as view:
        try:
            project = open_project(view / "p.db")
        except ProjectError as exc:
            assert "writable folder" in str(exc) and str(view / "p.db") in str(exc)
        else:  # SQLite could read the log without a -shm: then every saved document must be there
            with project:
                assert project.readonly and len(docs.document_ids(project)) == 4
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_folders_and_missing_files(tmp_path):
    with pytest.raises(ProjectError, match="folder"):
        open_project(tmp_path)
    with pytest.raises(ProjectError, match="no such project"):
        open_project(tmp_path / "missing.db", create=False)
    with pytest.raises(ProjectError, match="no such project"):
        open_project(tmp_path / "missing.db", readonly=True)
    assert not (tmp_path / "missing.db").exists()


def test_project_files_are_known_by_inode_while_open(tmp_path):
    path = hostile.project(tmp_path / "p.db")
    link = tmp_path / "link.db"
    link.symlink_to(path)
    hard = tmp_path / "hard.db"
    os.link(path, hard)
    with open_project(path):
        assert all(is_project_file(p) for p in (path, link, hard, hostile.wal(path)))
        assert not is_project_file(tmp_path / "other.txt")
    assert not is_project_file(path)  # closed: nothing of ours to protect


def test_a_second_handle_in_a_worker_thread_is_not_checked_again(tmp_path, monkeypatch):
    path = hostile.project(tmp_path / "p.db")
    with open_project(path) as holder:
        calls = []
        monkeypatch.setattr(trust, "check", lambda *a, **k: calls.append(1) or [])
        seen = []

        def worker():
            with open_project(path) as project:
                seen.append(len(docs.document_ids(project)))

        thread = threading.Thread(target=worker)
        thread.start()
        thread.join()
        assert seen == [2] and calls == [] and not holder.readonly
    monkeypatch.undo()
    with open_project(path) as project:  # all closed: checked again
        assert len(docs.document_ids(project)) == 2


def test_the_wal_reader_agrees_with_sqlite(tmp_path):
    path = hostile.crash(hostile.project(tmp_path / "p.db"), 5, "崩溃")
    summary = siblings.read_wal(hostile.wal(path))
    assert summary is not None and summary.commits >= 5 and summary.page_size == 4096
    counters = [counter for _, counter in summary.page1]
    assert counters == sorted(counters) and len(set(identity for identity, _ in summary.page1)) == 1
    header = project_module._read_header(path)
    assert siblings.wal_problem(summary, header) is None
    fast = siblings.read_wal(hostile.wal(path), checksums=False)
    assert (fast.commits, fast.commit_sizes, fast.page1) == (summary.commits, summary.commit_sizes, summary.page1)
    # A log cut in the middle of a frame keeps the transactions before the cut, as SQLite does.
    data = hostile.wal(path).read_bytes()
    cut = tmp_path / "cut-wal"
    cut.write_bytes(data[: len(data) // 2 + 100])
    shorter = siblings.read_wal(cut)
    assert shorter is not None and 0 < shorter.commits < summary.commits
    flipped = bytearray(data)
    flipped[siblings.WAL_HEADER + siblings.FRAME_HEADER + 50] ^= 0xFF  # first frame's checksum fails
    cut.write_bytes(bytes(flipped))
    assert siblings.read_wal(cut) is None
    assert siblings.read_wal(cut, checksums=False).commits == summary.commits  # salts alone cannot tell
    assert siblings.read_wal(tmp_path / "none-wal") is None
    assert _doc_count(path) == 7


def test_only_pythons_sqlite_touches_projects():
    """registry.py's safety argument needs one SQLite library per process (its connections share one
    lock record per file) and no extension loading: no QtSql (it bundles its own SQLite), no apsw."""
    root = Path(__file__).resolve().parents[2] / "annotator"
    offenders = [f"{path.relative_to(root)}: {word}" for path in root.rglob("*.py")
                 for word in ("QtSql", "apsw", "enable_load_extension", "pysqlite3", "sqlcipher")
                 if word in path.read_text(encoding="utf-8")]
    assert offenders == []
