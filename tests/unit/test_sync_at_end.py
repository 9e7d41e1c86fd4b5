"""Project.sync_at_end (issue 19: a cold CLI import made ~27 fsyncs, one per commit): commits inside the
block are kept, the connection is back at synchronous=FULL after it (raised or not), a block that
committed nothing writes nothing, and a new project is made with the same contents as before."""

import subprocess
import sys
from pathlib import Path

import pytest

from annotator.storage import open_project
from annotator.storage.labels import get_labels

ROOT = Path(__file__).resolve().parents[2]


def _synchronous(project) -> int:
    return project.scalar("PRAGMA synchronous")


def test_commits_inside_are_kept_and_full_sync_comes_back(tmp_path):
    path = tmp_path / "p.db"
    project = open_project(path, create=True)
    assert _synchronous(project) == 2  # FULL
    with project.sync_at_end():
        assert _synchronous(project) == 1  # NORMAL inside
        project.set_meta("one", "1")
        project.set_meta("two", "2")
        with project.sync_at_end():  # nested: joins the outer block
            project.set_meta("three", "3")
        assert _synchronous(project) == 1
    assert _synchronous(project) == 2
    project.close()
    reopened = open_project(path, readonly=True)
    assert [reopened.meta(k) for k in ("one", "two", "three")] == ["1", "2", "3"]
    reopened.close()


def test_an_error_inside_still_restores_full_sync_and_keeps_earlier_commits(tmp_path):
    project = open_project(tmp_path / "p.db", create=True)
    with pytest.raises(RuntimeError):
        with project.sync_at_end():
            project.set_meta("kept", "yes")
            with project.write():
                project.set_meta("rolled back", "yes")
                raise RuntimeError("boom")
    assert _synchronous(project) == 2
    assert project.meta("kept") == "yes" and project.meta("rolled back") is None
    project.close()


def test_a_block_that_commits_nothing_writes_nothing(tmp_path):
    project = open_project(tmp_path / "p.db", create=True)
    saves = project.scalar("PRAGMA user_version")
    with project.sync_at_end():
        project.meta("anything")
    assert project.scalar("PRAGMA user_version") == saves  # no barrier commit
    project.close()


def test_a_read_only_project_is_left_alone(tmp_path):
    open_project(tmp_path / "p.db", create=True).close()
    project = open_project(tmp_path / "p.db", readonly=True)
    with project.sync_at_end():
        assert project.meta("created")
    project.close()


def test_a_new_project_has_its_default_labels_identity_and_schema_once(tmp_path):
    project = open_project(tmp_path / "p.db", create=True)
    names = [label.name for label in get_labels(project)]
    assert names and len(names) == len(set(names))
    assert project.scalar("PRAGMA application_id") != 0
    assert project.meta("created") and project.meta("app_version")
    assert project.integrity_ok()
    project.close()


def test_a_cli_import_leaves_its_document_in_the_file_and_no_log_behind(tmp_path):
    speech = tmp_path / "s.txt"
    speech.write_text("一、总体要求\n坚持稳中求进，全年增长5%。\n二、主要任务\n要加快建设。\n", encoding="utf-8")
    project = tmp_path / "p.db"
    done = subprocess.run([sys.executable, "-m", "annotator", "import", str(project), str(speech), "--index", "none"],
                          capture_output=True, text=True, timeout=120, cwd=ROOT,
                          env={**__import__("os").environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
    # The process has exited: the log was checkpointed into the file (nothing left waiting in it).
    assert not (tmp_path / "p.db-wal").exists() or (tmp_path / "p.db-wal").stat().st_size == 0
    opened = open_project(project, readonly=True)
    assert opened.scalar("SELECT count(*) FROM documents") == 1
    opened.close()
