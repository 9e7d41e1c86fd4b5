"""Commits that do not wait for the disk (Project.defer_durability, storage/durability.py; issue 13).

What must hold: a deferred commit survives a killed process as soon as it returns; the syncer says
"saved" only once everything committed is on disk (never while it is not, never when the disk fails)
and gets there even while a reader holds an old snapshot; closing the project waits for the last sync;
every other connection (CLI, workers, other processes) still commits with synchronous=FULL.
"""

from __future__ import annotations

import signal
import sqlite3
import sys
import threading
import time
from pathlib import Path

import pytest

from annotator.domain.model import Span
from annotator.storage import durability, integrity, open_project
from annotator.storage import documents as docs
from annotator.storage import spans as store

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tagger_log import Child, Ledger, check_event_log  # noqa: E402

TEXT = "一、总体要求\n各级党委和政府要切实加强组织领导，全年地区生产总值增长5.5%左右，𠮷安村带头😀。\r\n" * 20


@pytest.fixture
def project(tmp_path):
    with open_project(tmp_path / "p.annotator.db") as project:
        doc_id, _ = docs.add_document(project, clean_text=TEXT, raw_text=TEXT, title="第一篇")
        project.doc_id = doc_id
        yield project


def _tag(project, n: int, offset: int = 0) -> list[Span]:
    return [store.add_span(project, Span(id=store.new_id(), document_id=project.doc_id, start=offset + i,
                                         end=offset + i + 5, label="directive", annotator="甲"))
            for i in range(n)]


def _synchronous(path) -> int:
    with open_project(path) as other:
        return other.conn.execute("PRAGMA synchronous").fetchone()[0]


def test_saved_is_said_only_once_everything_is_durable(project):
    states: list[durability.SyncState] = []
    syncer = project.defer_durability(states.append)
    assert project.conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL: no fsync per commit
    assert _synchronous(project.path) == 2  # every other connection keeps FULL
    _tag(project, 30)
    assert project.syncer.wait(60)
    assert syncer.state.saved and syncer.state.durable == syncer.state.committed >= 30
    assert not states[0].saved  # "saving" from the first commit not yet on disk
    assert states[-1].saved
    # a state that says saved always covers every commit made before it was reported
    assert all(s.durable == s.committed for s in states if s.saved)


def test_close_waits_for_the_last_sync(project):
    states: list[durability.SyncState] = []
    syncer = project.defer_durability(states.append)
    syncer.delay = 3600  # the syncer would wait an hour after a commit: only close() can make it sync
    _tag(project, 5)
    assert not syncer.state.saved
    path = project.path
    project.close()
    assert syncer.state.saved and syncer.state.durable == syncer.state.committed
    assert states[-1].saved
    with open_project(path) as again:
        assert len(store.list_spans(again, docs.document_ids(again)[0])) == 5


def test_a_failing_disk_is_reported_and_retried(project, monkeypatch):
    states: list[durability.SyncState] = []
    syncer = project.defer_durability(states.append)
    real = durability.Syncer._sync
    broken = threading.Event()
    broken.set()

    def sync(self, *args, **kwargs):
        if broken.is_set():
            raise sqlite3.OperationalError("disk I/O error")
        return real(self, *args, **kwargs)

    monkeypatch.setattr(durability.Syncer, "_sync", sync)
    _tag(project, 3)
    deadline = time.monotonic() + 60
    while syncer.state.error is None:
        assert time.monotonic() < deadline, "the failure was never reported"
        time.sleep(0.01)
    assert not syncer.state.saved
    assert "input/output" in syncer.state.error or "I/O" in syncer.state.error
    assert any(s.error for s in states) and not any(s.saved for s in states)
    broken.clear()  # the disk is back: retried until saved, the error cleared
    assert project.syncer.wait(60)
    assert syncer.state.saved and syncer.state.error is None and states[-1].saved


def test_a_reader_holding_an_old_snapshot_does_not_stop_durability(project):
    syncer = project.defer_durability()
    _tag(project, 2)
    assert project.syncer.wait(60)
    reader = sqlite3.connect(f"file:{project.path}?mode=ro", uri=True)  # SQLite, like any reader
    try:
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM spans").fetchone()  # holds its snapshot from here on
        _tag(project, 5, offset=100)
        # the checkpoint cannot copy past the reader's snapshot: the fallback barrier makes it durable
        assert project.syncer.wait(60)
        assert syncer.state.saved
    finally:
        reader.close()


def test_a_read_only_project_defers_nothing(tmp_path):
    path = tmp_path / "ro.annotator.db"
    open_project(path).close()
    with open_project(path, readonly=True) as project:
        assert project.defer_durability() is None
        assert project.syncer is None


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_kill9_loses_no_acknowledged_change_of_a_deferred_tagger(tmp_path):
    path = tmp_path / "killed.annotator.db"
    with open_project(path) as project:
        for i in range(2):
            docs.add_document(project, clean_text=TEXT, raw_text=TEXT, title=f"第{i + 1}篇")
    ledger = Ledger()
    for round_ in range(12):
        child = Child(path, "甲", 500 + round_, "--wait-go", "--deferred", stderr_dir=tmp_path)
        assert child.ready.wait(30), child.stderr_text()
        child.go()
        deadline = time.monotonic() + 60
        while sum(1 for line in list(child.lines) if line.startswith("saved ")) < 3 + round_ % 4:
            assert child.proc.poll() is None, child.stderr_text()[-2000:]
            assert time.monotonic() < deadline, "the tagger saved nothing"
            time.sleep(0.002)
        time.sleep(0.01 * (round_ % 5))  # often inside a transaction, sometimes before a sync
        child.proc.send_signal(signal.SIGKILL)
        assert child.finish() == -signal.SIGKILL
        ledger.read(child.lines)
    with open_project(path) as project:
        assert ledger.check(project, ["甲"]) > 0
        assert check_event_log(project, ledger, ["甲"]) > 0
        assert integrity.check(project) == []
        assert project.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
