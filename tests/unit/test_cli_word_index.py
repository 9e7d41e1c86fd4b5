"""`annotator import` and the jieba word index: built after the command returns (default), before it
returns (--index now) or not at all (--index none / --no-index, then `annotator index-words`).

Search must be complete whatever state the word index is in (it only ranks whole-word 2-character
hits first), so every mode is also checked to find the same documents. No timing is asserted: the
background mode is checked to *finish*, with a generous deadline that only a hang would miss.
"""

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

SEEDS = sorted(Path("/work/shared/seeds").glob("*.txt"))


def _cli(*args, cwd):
    return subprocess.run([sys.executable, "-m", "annotator", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


def _word_rows(project: Path) -> int:
    conn = sqlite3.connect(project)
    try:
        return conn.execute("SELECT count(*) FROM documents_words").fetchone()[0]
    finally:
        conn.close()


def _search(project: Path, query: str, cwd) -> set[str]:
    out = _cli("search", str(project), query, cwd=cwd)
    assert out.returncode == 0, out.stderr
    return {line.split()[0] for line in out.stdout.splitlines()[:-1]}


def test_seeds_are_present():
    assert len(SEEDS) >= 2, "the real speeches in /work/shared/seeds are missing"


def test_none_leaves_the_index_empty_and_index_words_fills_it(tmp_path):
    project = tmp_path / "p.db"
    done = _cli("import", str(project), *map(str, SEEDS[:2]), "--index", "none", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert _word_rows(project) == 0
    before = _search(project, "发展", tmp_path)
    built = _cli("index-words", str(project), cwd=tmp_path)
    assert built.returncode == 0, built.stderr
    assert "2 documents indexed" in built.stdout
    assert _word_rows(project) == 2
    assert _search(project, "发展", tmp_path) == before  # the index ranks; it never adds or drops a hit
    again = _cli("index-words", str(project), cwd=tmp_path)
    assert "0 documents indexed" in again.stdout


def test_no_index_is_index_none(tmp_path):
    project = tmp_path / "p.db"
    assert _cli("import", str(project), str(SEEDS[0]), "--no-index", cwd=tmp_path).returncode == 0
    assert _word_rows(project) == 0


def test_now_builds_it_before_returning(tmp_path):
    project = tmp_path / "p.db"
    done = _cli("import", str(project), *map(str, SEEDS[:2]), "--index", "now", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert _word_rows(project) == 2


def test_default_builds_it_in_a_detached_process(tmp_path):
    project = tmp_path / "p.db"
    done = _cli("import", str(project), *map(str, SEEDS[:2]), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    deadline = time.monotonic() + 240  # a hang, not a slow machine, would miss this
    while _word_rows(project) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _word_rows(project) == 2
    # The project is not left locked: another import (and its own background index) goes through.
    more = _cli("import", str(project), str(SEEDS[2]), cwd=tmp_path)
    assert more.returncode == 0, more.stderr
    while _word_rows(project) < 3 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _word_rows(project) == 3


def test_a_failed_file_is_still_reported_on_stderr_without_a_terminal(tmp_path):
    # Without a terminal the messages are printed without rich; same words, file named.
    project = tmp_path / "p.db"
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    done = _cli("import", str(project), str(SEEDS[0]), str(bad), "--index", "none", cwd=tmp_path)
    assert done.returncode == 1
    assert f"failed {bad}" in done.stderr or "failed bad.txt" in done.stderr, done.stderr
    assert "imported 1," in done.stdout
