"""An export killed outright (SIGKILL, a power cut) leaves its hidden temporary file beside the target;
the next export to that target removes it — only files named as the export names them, only stale ones,
never the file another export is writing right now (it holds a lock on it until its rename)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.exchange.safe_write import STALE_AFTER_S, atomic_open, clean_stale_parts
from annotator.services.exchange import export_labels
from annotator.storage import open_project
from annotator.storage.documents import add_document
from annotator.storage.spans import add_spans
from annotator.domain.model import Span

REPO = Path(__file__).resolve().parents[2]
WAIT_S = 120  # only a hang gets near it

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL and flock are POSIX")

# A writer that stops midway: it signals that its temporary file is written, then waits (to be killed,
# or to be told to finish by a line on stdin).
WRITER = r"""
import sys
from annotator.exchange.safe_write import atomic_open
with atomic_open(sys.argv[1], "w") as out:
    out.write("half of an export\n")
    out.flush()
    print("written", flush=True)
    sys.stdin.readline()
    out.write("the other half\n")
print("done", flush=True)
"""


def _writer(target: Path) -> subprocess.Popen:
    child = subprocess.Popen([sys.executable, "-c", WRITER, str(target)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONPATH": str(REPO)})
    line = child.stdout.readline()
    assert line.strip() == "written", child.stderr.read()
    return child


def _parts(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def _age(path: Path, seconds: float) -> None:
    """As if ``path`` had last been written ``seconds`` ago (a user exporting again a minute later)."""
    then = time.time() - seconds
    os.utime(path, (then, then))


def _project(path: Path) -> Path:
    with open_project(path) as project:
        doc, _ = add_document(project, clean_text="一、总体要求\n全年增长5%。\n", raw_text="一、总体要求\n全年增长5%。\n")
        add_spans(project, [Span(document_id=doc, start=7, end=11, label="statistic", annotator="甲")])
    return path


def test_the_next_export_removes_what_a_killed_export_left(tmp_path):
    project = _project(tmp_path / "p.db")
    out = tmp_path / "out"
    out.mkdir()
    target = out / "export.jsonl"
    target.write_text("previous export\n", encoding="utf-8")
    child = _writer(target)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=WAIT_S)
    left = _parts(out)
    assert len(left) == 1 and left[0].startswith(".export.jsonl.")  # what a killed export leaves
    assert target.read_text(encoding="utf-8") == "previous export\n"  # never damaged
    _age(out / left[0], 60)
    with open_project(project, readonly=True) as opened:
        report = export_labels(opened, target, "native")
    assert report.spans == 1
    assert _parts(out) == []
    assert '"label": "statistic"' in target.read_text(encoding="utf-8")


def test_a_running_export_keeps_its_file_and_finishes(tmp_path):
    target = tmp_path / "export.jsonl"
    child = _writer(target)
    try:
        (running,) = _parts(tmp_path)
        _age(tmp_path / running, 600)  # old, but its writer is alive and holds the lock
        assert clean_stale_parts(target) == []
        with atomic_open(target, "w") as out:  # another export of the same target meanwhile
            out.write("second\n")
        assert running in _parts(tmp_path)
    finally:
        out_text, err = child.communicate("go\n", timeout=WAIT_S)
    assert child.returncode == 0 and "done" in out_text, err
    assert target.read_text(encoding="utf-8") == "half of an export\nthe other half\n"
    assert _parts(tmp_path) == []


def test_only_stale_files_named_for_that_target_are_removed(tmp_path):
    target = tmp_path / "export.jsonl"
    names = {
        ".export.jsonl.abcd1234.part": True,  # a killed export's, old: removed
        ".export.jsonl.abcd_567.part": True,
        ".export.jsonl.fresh123.part": False,  # unlocked but just created: the instant before its lock
        ".export.jsonl.part": False,  # not our naming
        ".export.jsonl.abc.part": False,
        ".export.jsonl.ABCD1234.part": False,
        ".other.jsonl.abcd1234.part": False,  # another target's
        "export.jsonl.abcd1234.part": False,
        ".export.jsonl.abcd1234.part.bak": False,
    }
    for name in names:
        (tmp_path / name).write_text("x", encoding="utf-8")
        if name != ".export.jsonl.fresh123.part":
            _age(tmp_path / name, STALE_AFTER_S + 60)
    os.mkdir(tmp_path / ".export.jsonl.dir12345.part")  # not a regular file
    _age(tmp_path / ".export.jsonl.dir12345.part", 600)
    (tmp_path / "elsewhere").write_text("keep", encoding="utf-8")
    os.symlink(tmp_path / "elsewhere", tmp_path / ".export.jsonl.link1234.part")
    removed = clean_stale_parts(target)
    assert sorted(p.name for p in removed) == sorted(n for n, gone in names.items() if gone)
    for name, gone in names.items():
        assert (tmp_path / name).exists() is not gone, name
    assert (tmp_path / ".export.jsonl.dir12345.part").is_dir()
    assert (tmp_path / "elsewhere").read_text(encoding="utf-8") == "keep"


def test_a_per_annotator_export_keeps_its_finished_files_locked_until_the_renames(tmp_path):
    """Files of a per-annotator export wait, closed, for the others: they stay locked meanwhile, so a
    cleaner of the same target in another process leaves them."""
    from annotator.exchange.safe_write import all_or_nothing  # noqa: PLC0415

    first = tmp_path / "out.甲.jsonl"
    with all_or_nothing():
        with atomic_open(first, "w") as out:
            out.write("甲\n")
        (waiting,) = _parts(tmp_path)
        _age(tmp_path / waiting, 600)
        probe = subprocess.run([sys.executable, "-c", "import sys; from annotator.exchange.safe_write import "
                                "clean_stale_parts; print(len(clean_stale_parts(sys.argv[1])))", str(first)],
                               capture_output=True, text=True, timeout=WAIT_S, env={**os.environ, "PYTHONPATH": str(REPO)})
        assert probe.stdout.strip() == "0", probe.stderr
        assert _parts(tmp_path) == [waiting]
    assert first.read_text(encoding="utf-8") == "甲\n" and _parts(tmp_path) == []
