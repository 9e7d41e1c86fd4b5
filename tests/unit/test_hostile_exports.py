"""Exports to a full disk, a read-only folder or a folder that is not there: a message naming the
export file and the cause, the previous file (if any) unchanged, no temporary left behind, and for
a per-annotator export none of the files or all of them.

The real full disk is a small tmpfs (root and mount(8) needed: CI runs as root; elsewhere these skip
with the reason). The per-annotator case is also simulated so that it runs everywhere.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess

import click
import pytest
from click.testing import CliRunner
from test_exchange_fixtures import build

from annotator.cli.exchange import register
from annotator.exchange import safe_write
from annotator.exchange.safe_write import ExportWriteError
from annotator.services.exchange import export_labels, make_selection

FORMATS = ["native", "doccano", "labelstudio", "prodigy", "conll", "csv", "xlsx"]


def _mount_tmpfs(where, options: str):
    if os.name != "posix" or os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a real small or read-only disk needs root and mount(8) (CI runs as root)")
    where.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(where)], capture_output=True, text=True)
    if done.returncode:
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.strip() or done.returncode}): no real small disk")


@pytest.fixture
def full_disk(tmp_path):
    """A 64 KB tmpfs holding an old export and filled to the last byte."""
    where = tmp_path / "disk"
    _mount_tmpfs(where, "size=64k")
    try:
        (where / "old.out").write_text("previous export\n", encoding="utf-8")
        with open(where / "filler", "wb", buffering=0) as filler:  # unbuffered: close() has nothing to flush
            with pytest.raises(OSError) as full:
                while True:
                    filler.write(b"\0" * 4096)
        assert full.value.errno == errno.ENOSPC
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


@pytest.fixture
def readonly_folder(tmp_path):
    where = tmp_path / "ro"
    _mount_tmpfs(where, "ro,size=64k")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], capture_output=True)


@pytest.fixture
def project(project_at):
    """The sample project on each backend (conftest.project_at): what the export reads is the store's."""
    opened, _, _ = build(project_at("p.db"))
    yield opened
    opened.close()


def _everyone(fmt: str = "native"):
    if fmt == "conll":  # one annotator's tags per CoNLL file
        return make_selection("张三")
    return make_selection(include_suggestions=True, include_rejected=True)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_full_disk_keeps_the_old_file_and_says_so(project, full_disk, fmt):
    before = sorted(p.name for p in full_disk.iterdir())
    with pytest.raises(ExportWriteError) as err:
        export_labels(project, full_disk / "old.out", fmt, _everyone(fmt))
    assert err.value.filename == str(full_disk / "old.out")
    assert str(err.value) == "cannot write the export: the disk is full; the existing file is unchanged"
    assert (full_disk / "old.out").read_text(encoding="utf-8") == "previous export\n"
    assert sorted(p.name for p in full_disk.iterdir()) == before  # no .part left


def test_a_full_disk_per_annotator_keeps_none_of_the_files(project, full_disk):
    (full_disk / "filler").unlink()  # room for a file or two, not for all of them
    with open(full_disk / "filler", "wb", buffering=0) as filler:
        filler.write(b"\0" * (56 * 1024))
    with pytest.raises(ExportWriteError, match="the disk is full"):
        export_labels(project, full_disk / "new.jsonl", "native", _everyone(), per_annotator=True)
    assert sorted(p.name for p in full_disk.iterdir()) == ["filler", "old.out"]


@pytest.mark.parametrize("fmt", ["native", "xlsx"])
def test_a_read_only_folder_is_named(project, readonly_folder, fmt):
    with pytest.raises(ExportWriteError) as err:
        export_labels(project, readonly_folder / "x.out", fmt)
    assert str(err.value) == (f"cannot write the export: folder {readonly_folder} is on a read-only file system; "
                              "no file was created")


def test_a_missing_folder_is_named(project, tmp_path):
    with pytest.raises(ExportWriteError) as err:
        export_labels(project, tmp_path / "nowhere" / "x.jsonl", "doccano")
    assert err.value.filename == str(tmp_path / "nowhere" / "x.jsonl")
    assert "folder" in str(err.value) and "does not exist" in str(err.value)


def test_per_annotator_files_appear_together_or_not_at_all(project, tmp_path, monkeypatch):
    """Simulated: the third file's fsync finds the disk full; the two written before are not kept."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "all.张三.jsonl").write_text("old 张三\n", encoding="utf-8")
    real, calls = os.fsync, []

    def fsync(fd):
        calls.append(fd)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(fd)

    monkeypatch.setattr(safe_write.os, "fsync", fsync)
    with pytest.raises(ExportWriteError) as err:
        export_labels(project, out / "all.jsonl", "native", _everyone(), per_annotator=True)
    assert "the disk is full" in str(err.value) and "none of the 2 files written before it was kept" in str(err.value)
    assert sorted(p.name for p in out.iterdir()) == ["all.张三.jsonl"]
    assert (out / "all.张三.jsonl").read_text(encoding="utf-8") == "old 张三\n"
    monkeypatch.undo()
    report = export_labels(project, out / "all.jsonl", "native", _everyone(), per_annotator=True)
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in report.files) and len(report.files) > 3


def test_the_cli_names_the_export_file_not_the_project(tmp_path, monkeypatch):
    project, _, _ = build(tmp_path / "p.db")
    project.close()

    def no_space(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(safe_write.os, "fsync", no_space)

    @click.group()
    def cli():
        pass

    register(cli)
    target = tmp_path / "out.json"
    result = CliRunner().invoke(cli, ["export", str(tmp_path / "p.db"), "--format", "labelstudio", "-o", str(target)])
    assert result.exit_code == 1
    assert result.output.strip() == f"Error: {target}: cannot write the export: the disk is full; no file was created"
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("p.db")) == []
