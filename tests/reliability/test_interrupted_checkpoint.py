"""A process killed in the middle of a checkpoint leaves a project SQLite opens without complaint.

A checkpoint copies the log's pages into the file in page order and grows the file only as it writes:
page 1 (whose header states the new size) lands first. Killed after that, the file alone reads as
"malformed" (its header promises pages it does not have yet) while the file with its -wal is perfect —
SQLite replays the log. The CI caught this once (a SIGKILLed tagger); this test makes it happen on
purpose: a child saves with checkpoints off and is killed, then the file gets page 1 from the log as an
interrupted checkpoint would have written it. Opening must succeed with every save there.
"""

from __future__ import annotations

import signal
import struct
import subprocess
import sys

import pytest

from annotator.storage import documents as docs
from annotator.storage import integrity, open_project
from annotator.storage.errors import ProjectError

TEXT = "一、总体要求\n各级党委和政府要切实加强组织领导，确保各项任务落到实处。𠮷😀\n" * 40
SAVES = 30

_CHILD = """
import sys, time
from annotator.storage import documents as docs, open_project
project = open_project(sys.argv[1]).__enter__()
project.conn.execute("PRAGMA wal_autocheckpoint=0")  # every page stays in the log
for i in range(int(sys.argv[2])):
    docs.add_document(project, clean_text=sys.argv[3] + str(i), raw_text=sys.argv[3], title=f"第{i}篇")
print("saved", flush=True)
time.sleep(600)
"""


def _last_page1_image(wal: bytes) -> bytes:
    """Page 1 as the last committed transaction in the log left it (what a checkpoint writes first)."""
    page_size = struct.unpack(">I", wal[8:12])[0]
    frame = 24 + page_size
    image = committed = None
    for offset in range(32, len(wal) - frame + 1, frame):
        pgno, commit = struct.unpack(">II", wal[offset:offset + 8])
        if pgno == 1:
            image = wal[offset + 24:offset + frame]
        if commit and image is not None:
            committed = image
    assert committed is not None, "the log holds no committed page 1"
    return committed


@pytest.fixture
def cut(tmp_path):
    """A project whose last checkpoint was killed after page 1; returns its path."""
    if sys.platform == "win32":
        pytest.skip("SIGKILL is POSIX")
    path = tmp_path / "cut.annotator.db"
    with open_project(path) as project:
        docs.add_document(project, clean_text="开篇", raw_text="开篇", title="开篇")
    child = subprocess.Popen([sys.executable, "-c", _CHILD, str(path), str(SAVES), TEXT],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8")
    try:
        assert child.stdout.readline().strip() == "saved", child.stderr.read()
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(30)
    # No connection of this process is open on the project: reading and writing its bytes here drops
    # no lock anyone relies on. This is the file as a checkpoint leaves it after its first page.
    wal = (tmp_path / (path.name + "-wal")).read_bytes()
    page1 = _last_page1_image(wal)
    size_promised = struct.unpack(">I", page1[28:32])[0] * len(page1)
    assert size_promised > path.stat().st_size, "the interrupted state needs a file shorter than promised"
    with open(path, "r+b") as raw:
        raw.write(page1)
    return path


def test_a_checkpoint_killed_after_page_one_leaves_an_openable_project(cut):
    with open_project(cut) as project:
        titles = sorted((d["title"] for d in docs.list_documents(project)), key=lambda t: (len(t), t))
        assert titles == ["开篇"] + [f"第{i}篇" for i in range(SAVES)]
        assert integrity.check(project) == []


def test_the_same_file_without_its_log_is_refused_untouched(cut):
    """Leniency is for the header only: the file alone is damaged and is reported, never 'repaired'."""
    (cut.parent / (cut.name + "-wal")).rename(cut.parent / "elsewhere-wal")
    before = cut.read_bytes()
    with pytest.raises(ProjectError, match="damaged|malformed") as caught:
        open_project(cut).__enter__()
    assert str(cut) in str(caught.value)
    assert cut.read_bytes() == before
