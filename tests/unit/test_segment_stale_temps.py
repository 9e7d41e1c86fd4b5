"""A killed jieba shard build no longer leaves its temporary file in the cache folder for ever
(nlp/shard_temps.py): the next process that opens the shards removes it, and never touches the file of a
build that is still running, a fresh file, or anything it did not name itself."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.nlp import segment, shard_temps

# A build that stops just before renaming its finished temporary file (still holding its lock), so the
# test can look at it running and then kill it the way a user or the OOM killer would.
_STUCK_BUILD = """
import os, sys, time
from annotator.nlp import segment
os.replace = lambda *a: (print("writing", flush=True), time.sleep(600))
segment._build_shards(segment._import_jieba(), segment._shard_path(segment._import_jieba()))
"""

LATER = time.time() + 2 * shard_temps.STALE_SECONDS  # "now" for a cleaner that runs much later


def _age(path: Path) -> None:
    old = time.time() - 2 * shard_temps.STALE_SECONDS
    os.utime(path, (old, old), follow_symlinks=False)


def _temps(folder: Path) -> list[Path]:
    return sorted(folder.glob(".jieba-*.tmp"))


@pytest.mark.skipif(shard_temps.fcntl is None, reason="flock: POSIX only (Windows: an open file cannot be deleted)")
def test_a_killed_build_is_cleaned_up_but_never_a_running_one(tmp_path, monkeypatch):
    monkeypatch.setenv("ANNOTATOR_CACHE", str(tmp_path))
    env = {**os.environ, "ANNOTATOR_CACHE": str(tmp_path)}
    child = subprocess.Popen([sys.executable, "-c", _STUCK_BUILD], env=env, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "writing"
        (running,) = _temps(tmp_path)
        _age(running)  # even an old-looking file of a running build (a very busy machine) is left alone
        assert shard_temps.remove_stale(tmp_path, now=LATER) == []
        assert running.exists()
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
    assert running.exists()  # what a killed build leaves behind
    _age(running)
    jieba = segment._import_jieba()
    opened = segment._open_shards(jieba)  # the next process to open the shards (it builds them here)
    assert opened.total > 0
    assert _temps(tmp_path) == [] and segment._shard_path(jieba).exists()


def test_only_old_unlocked_files_of_its_own_name_are_removed(tmp_path):
    stale = tmp_path / ".jieba-abc123.tmp"
    fresh = tmp_path / ".jieba-def456.tmp"  # may be a build that has not taken its lock yet
    foreign = [tmp_path / "jieba-abc.tmp", tmp_path / ".other-abc.tmp", tmp_path / ".jieba-abc.shards"]
    for path in [stale, fresh, *foreign]:
        path.write_bytes(b"x" * 10)
    target = tmp_path / "elsewhere.txt"
    target.write_bytes(b"keep")
    link = tmp_path / ".jieba-link.tmp"
    link.symlink_to(target)
    for path in [stale, *foreign, link]:
        _age(path)
    assert shard_temps.remove_stale(tmp_path) == [stale]
    assert not stale.exists()
    assert all(p.exists() for p in [fresh, *foreign, link, target])


@pytest.mark.skipif(shard_temps.fcntl is None, reason="flock: POSIX only")
def test_a_locked_old_file_is_kept(tmp_path):
    held = tmp_path / ".jieba-held.tmp"
    held.write_bytes(b"x")
    _age(held)
    fd = os.open(held, os.O_RDWR)
    try:
        shard_temps.hold(fd)  # as a running build holds its file
        assert shard_temps.remove_stale(tmp_path) == []
    finally:
        os.close(fd)
    assert shard_temps.remove_stale(tmp_path) == [held]


def test_a_missing_or_unreadable_folder_is_no_error(tmp_path):
    assert shard_temps.remove_stale(tmp_path / "absent") == []
