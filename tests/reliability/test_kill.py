"""Nothing lost when the program is killed: SIGKILL a tagging process at random moments, 100+ times.

Each round starts tests/reliability/tagger_proc.py on the same project and kills it after a random
delay — mostly while it is tagging (often inside a transaction), sometimes while it is still opening
the project (possibly recovering the WAL the previous victim left). After all rounds every span a child
reported saved must be there with the content it reported, the file must pass integrity_check and
foreign_key_check, and the event log must agree with the spans.

Every fifth call a child also opens and closes the project in a thread, as the GUI's workers do: a
second connection in the killed process must not cost it its locks (see test_worker_locks.py).

SIGKILL stops the process, not the machine: this proves the transactions are atomic and committed
when write() returns; what survives a power cut (synchronous=FULL) cannot be tested here.
"""

from __future__ import annotations

import random
import signal
import sys
import time
from pathlib import Path

import pytest

from annotator.storage import integrity, open_project
from annotator.storage import documents as docs

sys.path.insert(0, str(Path(__file__).resolve().parent))
from tagger_log import Child, Ledger, check_event_log  # noqa: E402

ROUNDS = 100
STARTUP_KILLS = 0.12  # share of rounds that kill a child before it starts tagging
SEED = 20240117
ANNOTATOR = "killed"

TEXTS = [
    "一、总体要求\n各级党委和政府要切实加强组织领导，确保各项任务落到实处。全年地区生产总值增长5.5%左右。\n",
    "二、重点任务\n（一）稳住农业基本盘。粮食播种面积稳定在120万亩以上，𠮷安村要带头示范😀。\n" * 3,
    "同志们：今年要抓好三件事。一是抓项目，二是抓招商，三是抓民生。民生支出占比达到80%。\n",
]


def _tagger(path: Path, seed: int, folder: Path) -> Child:
    return Child(path, ANNOTATOR, seed, "--wait-go", "--worker-every", "5", stderr_dir=folder)


def _wait_for_saves(child: Child, count: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while sum(1 for line in list(child.lines) if line.startswith("saved ")) < count:
        assert child.proc.poll() is None, f"a tagger died: {child.stderr_text()[-2000:]}"
        assert time.monotonic() < deadline, "a tagger saved nothing"
        time.sleep(0.002)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_nothing_reported_saved_is_lost_across_100_kills(tmp_path):
    path = tmp_path / "killed.annotator.db"
    with open_project(path) as project:
        for i, text in enumerate(TEXTS):
            docs.add_document(project, clean_text=text, raw_text=text, title=f"第{i + 1}篇")
    rng = random.Random(SEED)
    ledger = Ledger()
    kills = startup_kills = 0
    began = time.monotonic()
    # The next children start while the current one tags, so Python's start-up does not add up.
    # They only read the project until told to go, so one writer at a time: the ledger stays exact.
    waiting = [_tagger(path, -n, tmp_path) for n in range(1, 3)]
    for round_ in range(1, ROUNDS + 1):
        if rng.random() < STARTUP_KILLS:
            victim = _tagger(path, round_, tmp_path)
            time.sleep(rng.uniform(0.0, 0.15))
            startup_kills += 1
        else:
            victim = waiting.pop(0)
            assert victim.ready.wait(20), "a tagger did not open the project"
            waiting.append(_tagger(path, round_, tmp_path))
            victim.go()
            # Kill once it is tagging, however busy the machine: after its first two saves, then at a
            # random moment (often inside a transaction).
            _wait_for_saves(victim, 2)
            time.sleep(rng.uniform(0.0, 0.1))
        victim.proc.send_signal(signal.SIGKILL)
        code = victim.finish()
        assert code == -signal.SIGKILL, f"tagger ended by itself ({code}): {victim.stderr_text()[-2000:]}"
        kills += 1
        ledger.read(victim.lines)
    for idle in waiting:
        idle.proc.stdin.close()  # it exits on EOF without tagging
        assert idle.finish() == 0, idle.stderr_text()

    with open_project(path) as project:
        present = ledger.check(project, [ANNOTATOR])
        writes = check_event_log(project, ledger, [ANNOTATOR])
        assert integrity.check(project) == []
        assert project.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert project.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    elapsed = time.monotonic() - began
    assert kills >= 100 and writes > kills, "the kills must land while the children are writing"
    print(f"\nkill test: {kills} SIGKILLs ({startup_kills} while opening), {writes} saved calls checked "
          f"(add/update/remove/restore), {ledger.uncertain} calls cut off mid-transaction, {present} spans "
          f"present and verified, integrity ok, event log agrees — {elapsed:.1f} s")
