"""Issue 12, point 1: a worker's second open must not drop the locks that keep saved labels alive.

On POSIX, closing *any* descriptor of a file drops every lock the process holds on it. The old open
path read the project header with Python's open(), so each worker open (import, suggest, export, label
import) silently unlocked the GUI's connection: another process then believed it was alone, checkpointed
and deleted the -wal while the GUI kept saving into the deleted file — all of it gone at the next crash.
Both tests below fail against that code (checked by putting the open() back).
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from annotator.storage import documents as docs
from annotator.storage import integrity, is_project_file, open_project

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from tagger_log import Child, Ledger, check_event_log  # noqa: E402

ROUNDS = 3
IMPORTS = 4
SAVES_AFTER_IMPORT = 40  # saves the victim reports after the importer has closed, before it is killed
TEXT = "一、总体要求\n各级党委和政府要切实加强组织领导，确保各项任务落到实处。全年地区生产总值增长5.5%左右。𠮷😀\n"

# Another process, alone by the rules of WAL, may leave WAL mode (which deletes the -wal). While any
# connection of ours is open it must be refused — unless our locks were dropped.
_LEAVE_WAL = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], timeout=0)
try:
    print(conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0])
except sqlite3.OperationalError as exc:
    print("refused:", exc)
"""


def _wait_for(child: Child, predicate, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not predicate(child.lines):
        assert child.proc.poll() is None, f"the tagger died: {child.stderr_text()[-2000:]}"
        assert time.monotonic() < deadline, "the tagger made no progress"
        time.sleep(0.02)


def _saved(lines: list[str]) -> int:
    return sum(1 for line in lines if line.startswith("saved "))


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX locks and SIGKILL")
def test_a_worker_open_keeps_the_locks_another_process_relies_on(tmp_path):
    path = tmp_path / "held.annotator.db"
    with open_project(path) as project:
        docs.add_document(project, clean_text=TEXT, raw_text=TEXT, title="开篇")
    holder = open_project(path)
    try:
        # A worker: its own handle in its own thread, opened and closed while the holder stays open.
        thread = threading.Thread(target=lambda: open_project(path).close())
        thread.start()
        thread.join()
        assert is_project_file(path) and is_project_file(tmp_path / "held.annotator.db-wal")
        assert not is_project_file(tmp_path)
        other = subprocess.run([sys.executable, "-c", _LEAVE_WAL, str(path)], capture_output=True, text=True,
                               timeout=60)
        assert other.returncode == 0, other.stderr
        assert other.stdout.strip() != "delete", "another process could take the project from under us"
        docs.add_document(holder, clean_text=TEXT + "续", raw_text=TEXT + "续", title="续篇")
    finally:
        holder.close()
    with open_project(path) as project:
        assert len(docs.document_ids(project)) == 2 and integrity.check(project) == []


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_saves_survive_a_kill_after_worker_opens_and_an_import_from_another_process(tmp_path):
    """The failure of issue 12 exactly: the holder's workers open and close the project, a CLI import
    runs into it and exits, the holder keeps saving and is SIGKILLed — every save it reported is there."""
    path = tmp_path / "shared.annotator.db"
    with open_project(path) as project:
        docs.add_document(project, clean_text=TEXT, raw_text=TEXT, title="开篇")
    ledger = Ledger()
    imported: list[dict] = []
    kills = 0
    for round_ in range(ROUNDS):
        victim = Child(path, "张三", 100 + round_, "--wait-go", "--worker-every", "4", stderr_dir=tmp_path)
        assert victim.ready.wait(30), victim.stderr_text()
        victim.go()
        _wait_for(victim, lambda lines: lines.count("worker") >= 2)
        importer = subprocess.Popen(
            [sys.executable, str(HERE / "importer_proc.py"), str(path), str(IMPORTS), str(round_), "0.05"],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
        out, err = importer.communicate("go\n", timeout=120)
        assert importer.returncode == 0, err[-3000:]
        imported += [json.loads(line[6:]) for line in out.splitlines() if line.startswith("saved ")]
        # The importer has closed (the last connection, if our locks were gone: it would checkpoint and
        # delete the -wal). Everything the victim saves from here on is what the old code lost.
        after = _saved(victim.lines)
        _wait_for(victim, lambda lines: _saved(lines) >= after + SAVES_AFTER_IMPORT)
        victim.proc.send_signal(signal.SIGKILL)
        assert victim.finish() == -signal.SIGKILL, victim.stderr_text()[-2000:]
        kills += 1
        ledger.read(victim.lines)
    with open_project(path) as project:
        present = ledger.check(project, ["张三"])
        writes = check_event_log(project, ledger, ["张三"])
        for entry in imported:
            row = docs.get_document(project, entry["id"])
            assert row is not None and row["sha256"] == entry["sha256"]
        assert integrity.check(project) == []
    assert len(imported) == ROUNDS * IMPORTS and writes >= ROUNDS * SAVES_AFTER_IMPORT
    print(f"\nworker-open kill test: {kills} SIGKILLs survived, {writes} saved calls checked, {present} spans "
          f"present, {len(imported)} documents imported by another process meanwhile")
