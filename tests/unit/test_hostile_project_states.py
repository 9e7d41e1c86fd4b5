"""Label import and export against a project that is busy, read-only, not SQLite or truncated.

Each is a message naming the project and the cause; the project is left byte-identical; a label import
that meets a project failure midway stops there (every later line would fail alike, or wait a minute
each for a lock) and its report says which lines were saved.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import textwrap

import click
import pytest
from click.testing import CliRunner
from test_project_open import _read_only_folder

from annotator.cli.exchange import register
from annotator.exchange import importing
from annotator.services.exchange import export_labels, import_labels
from annotator.storage import ProjectError, documents, integrity, open_project
from annotator.storage import project as project_module

from tests.data.bad_label_files import task, write_tasks

HOLDER = textwrap.dedent("""
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    if sys.argv[2] == "exclusive":  # nobody else may even read (another tool's exclusive locking mode)
        conn.execute("PRAGMA locking_mode=EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
    else:  # an ordinary writer in the middle of a long transaction
        conn.execute("BEGIN IMMEDIATE")
    conn.execute("CREATE TABLE held_by_another_program (x)")
    print("held", flush=True)
    sys.stdin.readline()
    conn.execute("ROLLBACK")
""")


@pytest.fixture
def held(tmp_path):
    """``held(path, mode)``: another process holds the project locked until the test ends."""
    children = []

    def hold(path, mode):
        child = subprocess.Popen([sys.executable, "-c", HOLDER, str(path), mode], stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        children.append(child)
        assert child.stdout.readline().strip() == "held", child.stderr.read()
        return child

    yield hold
    for child in children:
        if child.returncode is None:  # not released by the test already
            child.communicate("\n", timeout=60)


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _cli():
    @click.group()
    def group():
        pass

    register(group)
    return group


def _project_with_documents(path, count=2):
    labels = path.parent / "seed.json"
    write_tasks(labels, (task(n, chars=100, regions=1) for n in range(1, count + 1)))
    with open_project(path) as project:
        import_labels(project, labels, "labelstudio", annotator="甲")
    return path


def test_an_exclusively_locked_project_is_busy_not_damaged(tmp_path, held):
    path = _project_with_documents(tmp_path / "p.db")
    holder = held(path, "exclusive")
    for readonly in (False, True):
        with pytest.raises(ProjectError) as err:
            open_project(path, readonly=readonly).close()
        assert "busy: another program holds it locked" in str(err.value) and "damaged" not in str(err.value)
        assert str(path) in str(err.value)
    holder.communicate("\n", timeout=60)
    with open_project(path) as project:
        assert integrity.check(project) == [] and len(documents.document_ids(project)) == 2


def test_a_label_import_meeting_a_busy_project_stops_at_once(tmp_path, held, monkeypatch):
    monkeypatch.setattr(project_module, "LOCK_PATIENCE_S", 0.3)
    path = _project_with_documents(tmp_path / "p.db")
    labels = tmp_path / "tasks.json"
    write_tasks(labels, (task(n, chars=100, regions=1) for n in range(10, 16)))
    waits = []
    real = project_module.Project._with_lock_retry
    monkeypatch.setattr(project_module.Project, "_with_lock_retry", lambda self, fn: waits.append(1) or real(self, fn))
    with open_project(path) as project:
        held(path, "immediate")
        report = import_labels(project, labels, "labelstudio", annotator="甲")
    assert len(waits) == 1, "each later line waited for the lock again"
    assert report.imported == 0 and report.interrupted_at == 1 and "busy" in report.stopped_by
    assert "stopped at task 1:" in report.summary() and "import the file again" in report.summary()


def test_a_project_failure_midway_keeps_the_lines_before_and_says_so(tmp_path, monkeypatch):
    path = _project_with_documents(tmp_path / "p.db", count=0)
    labels = tmp_path / "tasks.json"
    write_tasks(labels, (task(n, chars=100, regions=1) for n in range(1, 6)))
    real, calls = importing.document_for, []

    def disk_fills(project, *args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise ProjectError(project.path, "the disk is full: the change was not saved and nothing was half-written")
        return real(project, *args, **kwargs)

    monkeypatch.setattr(importing, "document_for", disk_fills)
    with open_project(path) as project:
        report = import_labels(project, labels, "labelstudio", annotator="甲")
        assert report.imported == 2 and report.interrupted_at == 3 and len(calls) == 3
        assert report.documents_created == 2 and report.spans_added == 2
        assert len(documents.document_ids(project)) == 2 and integrity.check(project) == []
    assert any("stopped at task 3:" in note and "the disk is full" in note for note in report.notes)
    calls.clear()  # the same failure at the same task through the CLI
    result = CliRunner().invoke(_cli(), ["import-labels", str(path), str(labels), "--format", "labelstudio",
                                         "--annotator", "甲"])
    assert result.exit_code == 1 and "note: stopped at task 3" in result.output


def test_a_project_on_a_read_only_disk_refuses_the_import_and_still_exports(tmp_path):
    folder = tmp_path / "disk"
    folder.mkdir()
    _project_with_documents(folder / "p.db")
    labels = tmp_path / "tasks.json"
    write_tasks(labels, (task(n, chars=100, regions=1) for n in range(10, 13)))
    with _read_only_folder(folder) as view:
        path = view / "p.db"
        before = _digest(path)
        result = CliRunner().invoke(_cli(), ["import-labels", str(path), str(labels), "--format", "labelstudio",
                                             "--annotator", "甲"])
        assert result.exit_code == 1, result.output
        assert "stopped at task 1:" in result.output and "read-only" in result.output
        assert "Traceback" not in result.output
        with open_project(path) as project:
            report = export_labels(project, tmp_path / "out.jsonl", "native")
            assert report.documents == 2
        assert _digest(path) == before


@pytest.mark.parametrize("damage", ["not_sqlite", "truncated"])
@pytest.mark.parametrize("verb", ["import-labels", "export"])
def test_a_broken_project_file_is_named_and_left_as_it_was(tmp_path, damage, verb):
    path = _project_with_documents(tmp_path / "p.db", count=30)
    with open_project(path) as project:  # everything in the file itself, no -wal beside it
        project.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = path.read_bytes()
    path.write_bytes(b"{\"not\": \"a project\"}\n" * 50 if damage == "not_sqlite" else data[: len(data) // 3])
    labels = tmp_path / "tasks.json"
    write_tasks(labels, iter([task(99, chars=50, regions=1)]))
    before = {p.name: _digest(p) for p in tmp_path.iterdir() if p.is_file()}
    args = (["import-labels", str(path), str(labels), "--format", "labelstudio", "--annotator", "甲"]
            if verb == "import-labels" else ["export", str(path), "--format", "native", "-o", str(tmp_path / "o.jsonl")])
    result = CliRunner().invoke(_cli(), args)
    assert result.exit_code == 1 and result.output.startswith(f"Error: {path}: ")
    assert ("not a project file" if damage == "not_sqlite" else "damaged") in result.output
    assert "Traceback" not in result.output
    assert {p.name: _digest(p) for p in tmp_path.iterdir() if p.is_file()} == before


def test_a_label_import_filling_a_real_disk_stops_with_the_lines_before_it_saved(tmp_path):
    from test_hostile_exports import _mount_tmpfs  # skips with the reason where no tmpfs can be mounted

    disk = tmp_path / "tiny"
    _mount_tmpfs(disk, "size=1m")
    try:
        labels = tmp_path / "tasks.json"
        write_tasks(labels, (task(n, chars=2000, regions=10) for n in range(1, 301)))  # ~10 MB of project
        result = CliRunner().invoke(_cli(), ["import-labels", str(disk / "p.db"), str(labels), "--format",
                                             "labelstudio", "--annotator", "甲"])
        assert result.exit_code == 1 and "Traceback" not in result.output
        assert "the disk is full" in result.output and "nothing was half-written" in result.output
        first_line = result.output.splitlines()[0]
        saved = int(first_line.split(": ", 1)[1].split(" lines imported")[0])
        assert 0 < saved < 300 and f"note: stopped at task {saved + 1}:" in result.output
        with open_project(disk / "p.db", readonly=True) as project:
            assert integrity.check(project) == [] and len(documents.document_ids(project)) == saved
    finally:
        subprocess.run(["umount", "-l", str(disk)], capture_output=True)


def test_a_busy_project_during_import_is_named_in_words_not_by_exception_class():
    from annotator.ingest import save_failure
    from annotator.storage.errors import ProjectError

    message = save_failure(ProjectError("/x/p.db", "busy: another program holds it locked; nothing was changed"))
    assert "ProjectError" not in message
    assert "busy: another program holds it locked" in message and "nothing of this file was saved" in message
