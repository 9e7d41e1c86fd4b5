"""A batched import killed at random moments leaves whole documents only, and keeps every one it reported.

The child imports a folder of generated speeches (import_paths: several documents per transaction) and
prints each outcome as its progress call comes. After each SIGKILL: every document the child reported
imported is there with its whole outline and its import event; no document is there without them;
the file passes integrity_check. The next child imports the same folder again, so the documents of a
batch the kill cut off come in then (the rest are duplicates).
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.storage import open_project

ROUNDS = 8
CHILD = """
import sys
from annotator import ingest
from annotator.storage import open_project
ingest.BATCH_FILES = 4
with open_project(sys.argv[1]) as project:
    print("ready", flush=True)
    ingest.import_paths(project, [sys.argv[2]], progress=lambda done, total, o: print(
        o.status, o.document_id, o.path, flush=True))
print("done", flush=True)
"""


def _speech(n: int) -> str:
    parts = [f"第{n}号讲话\n"]
    for i, marker in enumerate("一二三四五六"):
        parts.append(f"{marker}、任务{i + 1}\n")
        parts.append(f"各级党委要切实加强领导，全年增长{n}.{i}%。" * (40 + 30 * (n % 5)) + "\n")
    return "".join(parts)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_killed_import_leaves_whole_documents_and_keeps_what_it_reported(tmp_path):
    folder = tmp_path / "speeches"
    folder.mkdir()
    for n in range(60):
        (folder / f"{n:03d}.txt").write_text(_speech(n), encoding="utf-8")
    project_path = tmp_path / "p.db"
    open_project(project_path).close()
    rng = random.Random(19)
    reported: dict[int, str] = {}
    cut = 0
    for _ in range(ROUNDS):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(project_path), str(folder)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "ready", child.stderr.read()
        time.sleep(rng.uniform(0.1, 1.2))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate(timeout=60)
        cut += "done" not in out.splitlines()
        for line in out.splitlines():
            status, doc_id, path = (line.split(" ", 2) + ["", ""])[:3]
            if status == "imported":
                reported[int(doc_id)] = Path(path).name
        with open_project(project_path) as project:
            conn = project.conn
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            stored = dict(conn.execute("SELECT id, source_path FROM documents").fetchall())
            for doc_id, name in reported.items():
                assert doc_id in stored and stored[doc_id].endswith(name), f"reported {name} is lost"
            for doc_id in stored:
                sections = conn.execute("SELECT count(*) FROM sections WHERE document_id = ?", [doc_id]).fetchone()[0]
                events = conn.execute(
                    "SELECT count(*) FROM events WHERE document_id = ? AND action = 'document.import'",
                    [doc_id]).fetchone()[0]
                assert sections == 6 and events == 1, f"document {doc_id} is half-written"
    assert reported, "no kill landed after a batch was committed"
    assert cut, "every child finished before its kill: nothing was cut off"
    print(f"\n{cut} of {ROUNDS} imports killed midway, {len(reported)} documents reported and present")
