"""The O(project) part of the open check runs once per file state (issue 19, trust_verdicts.py): a project
opened again unchanged skips it; any change, a damaged copy, a foreign schema or a log beside the file
is judged in full; the structural check runs on every open whatever the verdict store says."""

from __future__ import annotations

import shutil
import sqlite3
import time

import pytest

from annotator.storage import ProjectError, open_project, trust, trust_verdicts
from annotator.storage import documents as docs

TEXT = "一、总体要求\n要坚持稳中求进。\n二、重点任务\n全年增长5%。\n"


@pytest.fixture
def scans(monkeypatch):
    """Records, per open, whether the O(project) scan ran; states count as old enough to remember
    (the racy-state rule is tested on its own below)."""
    seen: list[bool] = []
    real = trust.check

    def spy(conn, **kwargs):
        seen.append(kwargs.get("scan", True))
        return real(conn, **kwargs)

    monkeypatch.setattr(trust, "check", spy)
    monkeypatch.setattr(trust_verdicts, "RACY_NS", -10**12)
    return seen


def _project(path, n=20):
    with open_project(path) as project:
        for i in range(n):
            docs.add_document(project, clean_text=f"第{i}篇\n{TEXT}", raw_text="x", title=f"讲话{i}")
    return path


def _later():
    # A filesystem stamps times with a coarse clock: let it move so a change is a new state even where
    # the size stays the same (this is what RACY_NS guards against outside the tests).
    time.sleep(0.05)


def test_an_unchanged_project_opens_without_the_scan_the_second_time(tmp_path, scans):
    path = _project(tmp_path / "p.db")
    scans.clear()
    for readonly in (True, False, True):
        open_project(path, readonly=readonly).close()
    # The first open scans and remembers; the read-write open changed nothing (no save), so the state
    # held; the third open is as cheap as the second.
    assert scans == [True, False, False]


def test_a_save_is_a_new_state_and_is_scanned_once(tmp_path, scans):
    path = _project(tmp_path / "p.db")
    open_project(path).close()
    _later()
    with open_project(path) as project:
        docs.add_document(project, clean_text="新的一篇\n" + TEXT, raw_text="x", title="新")
    scans.clear()
    open_project(path, readonly=True).close()
    open_project(path, readonly=True).close()
    assert scans == [True, False]


def test_a_page_damaged_after_the_verdict_is_still_refused(tmp_path, scans):
    path = _project(tmp_path / "p.db", n=60)
    open_project(path, readonly=True).close()
    open_project(path, readonly=True).close()
    assert scans[-1] is False  # the verdict is there
    _later()
    size = path.stat().st_size
    with open(path, "r+b") as handle:  # the project is closed: damage one page in place, same size
        handle.seek(size - 4096 + 100)
        handle.write(b"\xff" * 2000)
    assert path.stat().st_size == size
    with pytest.raises(ProjectError, match="damaged"):
        open_project(path)
    assert scans[-1] is True


def test_a_damaged_copy_moved_into_place_is_refused(tmp_path, scans):
    path = _project(tmp_path / "p.db", n=60)
    open_project(path, readonly=True).close()
    copy = tmp_path / "copy.db"
    shutil.copyfile(path, copy)
    with open(copy, "r+b") as handle:
        handle.seek(copy.stat().st_size - 4096 + 100)
        handle.write(b"\x00\xff" * 1000)
    copy.replace(path)  # another inode, whatever the times say
    with pytest.raises(ProjectError, match="damaged"):
        open_project(path, readonly=True)


def test_bad_json_written_by_another_tool_after_the_verdict_is_refused(tmp_path, scans):
    path = _project(tmp_path / "p.db")
    open_project(path, readonly=True).close()
    _later()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE labels SET display = '[1, 2' WHERE rowid = 1")
    conn.commit()
    conn.close()
    with pytest.raises(ProjectError, match="not a JSON object"):
        open_project(path, readonly=True)


def test_a_foreign_schema_is_refused_even_with_a_verdict_for_its_state(tmp_path, scans):
    """The structural check does not depend on the verdict store: even a verdict recorded for the
    changed file (as if the store were wrong) does not let a trigger we did not make through."""
    path = _project(tmp_path / "p.db")
    conn = sqlite3.connect(path)
    conn.execute("CREATE TRIGGER sneaky AFTER INSERT ON spans BEGIN SELECT 1; END")
    conn.commit()
    conn.close()
    header = open_project.__globals__["_read_header"](path)
    trust_verdicts.remember(path, trust_verdicts.identity(path, header))
    assert trust_verdicts.known(path, trust_verdicts.identity(path, header))
    for readonly in (False, True):
        with pytest.raises(ProjectError, match="trigger"):
            open_project(path, readonly=readonly)
    assert scans == [False, False]


def test_a_verdict_never_travels_with_the_file(tmp_path, scans):
    path = _project(tmp_path / "p.db")
    open_project(path, readonly=True).close()
    elsewhere = tmp_path / "copied.db"
    shutil.copyfile(path, elsewhere)
    scans.clear()
    open_project(elsewhere, readonly=True).close()
    assert scans == [True]


def test_a_racy_state_is_not_remembered(tmp_path, monkeypatch):
    path = _project(tmp_path / "p.db")  # just written: its times are "now"
    header = open_project.__globals__["_read_header"](path)
    state = trust_verdicts.identity(path, header)
    trust_verdicts.remember(path, state)
    assert not trust_verdicts.known(path, state)
    monkeypatch.setattr(trust_verdicts.time, "time_ns", lambda: state[6] + trust_verdicts.RACY_NS + 1)
    trust_verdicts.remember(path, state)
    assert trust_verdicts.known(path, state)


def test_a_garbled_verdict_store_means_a_scan(tmp_path, scans):
    path = _project(tmp_path / "p.db")
    open_project(path, readonly=True).close()
    store = trust_verdicts._store(path)
    assert store.exists()
    store.write_text("{not json", encoding="utf-8")
    scans.clear()
    open_project(path, readonly=True).close()
    assert scans == [True]


def test_the_expected_schema_is_kept_and_equals_a_fresh_build(tmp_path):
    applied = tuple(trust.known_migrations())
    built = trust._build_expected(applied)
    trust.expected_schema.cache_clear()
    assert trust.expected_schema(applied) == built  # built and kept
    key = trust._schema_key(applied)
    assert key and trust_verdicts.read_kept(f"schema-{key}") is not None
    trust.expected_schema.cache_clear()
    assert trust.expected_schema(applied) == built  # read back from the data folder
    # Fewer migrations applied (an older project) is another key, never the newest schema.
    older = applied[:-1]
    assert trust._schema_key(older) != key
    trust.expected_schema.cache_clear()
    assert trust.expected_schema(older) == trust._build_expected(older)


def test_a_garbled_kept_schema_is_built_again(tmp_path):
    applied = tuple(trust.known_migrations())
    trust_verdicts.keep(f"schema-{trust._schema_key(applied)}", ["not", "a", "schema"])
    trust.expected_schema.cache_clear()
    assert trust.expected_schema(applied) == trust._build_expected(applied)
