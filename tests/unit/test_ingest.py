"""The import pipeline end to end (files → project), including a re-import of an edited file."""

from __future__ import annotations

from annotator.domain.model import Span
from annotator.ingest import import_paths
from annotator.storage import open_project
from annotator.storage import spans as span_store
from annotator.storage.documents import list_documents

SPEECH = "一、加强领导\n各级党委要切实加强领导。\n二、狠抓落实\n全县生产总值增长5.2%。\n"


def test_batch_goes_on_after_a_bad_file_and_dedupes(tmp_path, project_at):
    good = tmp_path / "a.txt"
    good.write_text(SPEECH, encoding="gb18030")
    copy = tmp_path / "copy.txt"
    copy.write_text(SPEECH, encoding="utf-8")
    bad = tmp_path / "b.docx"
    bad.write_bytes(b"not a zip")
    with open_project(project_at("p.db")) as project:
        summary = import_paths(project, [bad, good, copy, tmp_path / "missing.txt"])
        assert [o.status for o in summary.outcomes] == ["failed", "imported", "duplicate", "failed"]
        assert "b.docx" in summary.outcomes[0].path and summary.outcomes[0].reason
        (doc,) = list_documents(project)
        assert doc["char_count"] == len(SPEECH.strip()) or doc["char_count"] == len(SPEECH)


def test_reimporting_an_edited_file_moves_spans_instead_of_duplicating(tmp_path, project_at):
    path = tmp_path / "speech.txt"
    path.write_text(SPEECH, encoding="utf-8")
    with open_project(project_at("p.db")) as project:
        (outcome,) = import_paths(project, [path]).outcomes
        text = project.execute("SELECT clean_text FROM documents").fetchone()[0]
        start = text.index("全县生产总值")
        span_store.add_span(project, Span(document_id=outcome.document_id, start=start, end=start + 12,
                                          label="statistic", annotator="张三"))
        path.write_text("同志们：\n" + SPEECH, encoding="utf-8")
        (again,) = import_paths(project, [path]).outcomes
        assert again.status == "updated" and again.document_id == outcome.document_id
        assert "1 spans moved" in again.reason
        assert len(list_documents(project)) == 1
        new_text = project.execute("SELECT clean_text FROM documents").fetchone()[0]
        (span,) = span_store.list_spans(project, annotators=["张三"])
        assert new_text[span.start:span.end] == "全县生产总值增长5.2%"


# -- folders: every file either imported or listed with its reason --
import errno  # noqa: E402
import os  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from annotator import ingest  # noqa: E402

BAD_NAME = "\u5de5\u4f5c".encode("gbk") + b".txt"  # 工作.txt saved by a GBK system: not UTF-8


def _speech(n: int) -> str:
    return SPEECH.replace("5.2%", f"{n}.{n}%")


def _folder(tmp_path: Path) -> Path:
    """A folder as users hand them over: nested, a bad file, a GBK name, links in and out."""
    root = tmp_path / "speeches"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / "locked").mkdir()
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (root / "a.txt").write_text(_speech(1), encoding="utf-8")
    (root / "sub" / "deeper" / "b.md").write_text(_speech(2), encoding="gb18030")
    (root / "locked" / "c.txt").write_text(_speech(3), encoding="utf-8")
    (root / "bad.docx").write_bytes(b"not a zip")
    (root / "notes.pdf").write_bytes(b"%PDF")  # other types inside folders are passed over
    with open(os.path.join(os.fsencode(root / "sub"), BAD_NAME), "wb") as handle:
        handle.write(_speech(4).encode("utf-8"))
    (outside / "secret.txt").write_text(_speech(5), encoding="utf-8")
    (root / "out_file.txt").symlink_to(outside / "secret.txt")
    (root / "out_dir").symlink_to(outside)
    (root / "sub" / "in_file.txt").symlink_to(root / "a.txt")
    (root / "sub" / "loop").symlink_to(root)
    (root / "dangling.txt").symlink_to(root / "gone.txt")
    return root


@pytest.fixture()
def locked_folder(monkeypatch):
    """Make one folder unreadable the way a permission problem does (tests may run as root)."""
    real = os.scandir

    def scandir(path):
        if os.fspath(path).endswith("locked"):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(ingest.os, "scandir", scandir)


def _by_name(summary) -> dict[str, tuple[str, str]]:
    return {Path(o.path).name: (o.status, o.reason) for o in summary.outcomes}


def test_folder_import_reports_every_problem_and_goes_on(tmp_path, locked_folder, project_at):
    root = _folder(tmp_path)
    with open_project(project_at("p.db")) as project:
        summary = import_paths(project, [root])
        outcomes = _by_name(summary)
        titles = {d["title"] for d in list_documents(project)}
    assert outcomes["a.txt"][0] == "imported"
    assert outcomes["b.md"][0] == "imported"
    assert outcomes["工作.txt".replace("工作", "\ufffd\ufffd\ufffd\ufffd")][0] == "imported"
    assert outcomes["in_file.txt"][0] == "duplicate"  # a link inside the folder is followed
    assert outcomes["bad.docx"] == ("failed", "corrupt .docx (not a valid zip archive)")
    assert outcomes["locked"][0] == "failed" and "permission denied" in outcomes["locked"][1]
    assert outcomes["dangling.txt"][0] == "failed" and "broken symbolic link" in outcomes["dangling.txt"][1]
    for link in ("out_file.txt", "out_dir"):
        status, reason = outcomes[link]
        assert status == "skipped" and "outside the imported folder" in reason and "--follow-symlinks" in reason
    assert "secret.txt" not in outcomes and "notes.pdf" not in outcomes
    assert not any("loop" in reason for _, reason in outcomes.values())  # inside links are not walked twice
    assert summary.imported == 3 and len(summary.failed) == 3 and len(summary.skipped) == 2
    assert "一、加强领导" in titles or len(titles) == 3


def test_non_utf8_name_is_stored_and_shown_with_replacement_characters(tmp_path, project_at):
    folder = tmp_path / "in"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), BAD_NAME), "wb") as handle:
        handle.write(_speech(6).encode("utf-8"))
    with open_project(project_at("p.db")) as project:
        (outcome,) = import_paths(project, [folder]).outcomes
        assert outcome.status == "imported"
        source = project.execute("SELECT source_path FROM documents").fetchone()[0]
    assert source.endswith("\ufffd\ufffd\ufffd\ufffd.txt") and source == outcome.path
    source.encode("utf-8")  # printable and storable: no lone surrogates left


def test_follow_symlinks_imports_outside_targets_and_stops_at_loops(tmp_path, project_at):
    root = _folder(tmp_path)
    with open_project(project_at("p.db")) as project:
        summary = import_paths(project, [root], follow_symlinks=True)
    outcomes = _by_name(summary)
    assert outcomes["out_file.txt"][0] == "imported"
    assert outcomes["secret.txt"][0] == "duplicate"  # the same file again through out_dir
    assert outcomes["loop"][0] == "skipped" and "loop" in outcomes["loop"][1]


def test_disk_full_while_saving_fails_that_file_and_saves_nothing_of_it(tmp_path, monkeypatch, project_at):
    from annotator.storage import documents

    files = []
    for n in range(3):
        path = tmp_path / f"{n}.txt"
        path.write_text(_speech(n + 10), encoding="utf-8")
        files.append(path)
    real = documents.add_document

    def add_document(project, **kwargs):
        if kwargs["source_path"].endswith("1.txt"):
            with project.write():
                real(project, **kwargs)  # the document's rows are written, then the disk fills up
                raise OSError(errno.ENOSPC, "No space left on device")
        return real(project, **kwargs)

    monkeypatch.setattr(documents, "add_document", add_document)
    with open_project(project_at("p.db")) as project:
        summary = import_paths(project, files)
        assert [o.status for o in summary.outcomes] == ["imported", "failed", "imported"]
        assert "disk is full" in summary.outcomes[1].reason and summary.outcomes[1].path.endswith("1.txt")
        assert len(list_documents(project)) == 2


@pytest.mark.parametrize("error", [OSError(errno.EIO, "Input/output error"), PermissionError(13, "Permission denied")])
def test_read_errors_name_the_file(tmp_path, monkeypatch, error, project_at):
    from annotator.io import readers

    path = tmp_path / "a.txt"
    path.write_text(SPEECH, encoding="utf-8")

    def broken_open(*args, **kwargs):
        raise error

    monkeypatch.setattr(readers, "open", broken_open, raising=False)
    with open_project(project_at("p.db")) as project:
        (outcome,) = import_paths(project, [path]).outcomes
    assert outcome.status == "failed" and outcome.path == str(path)
    assert outcome.reason in ("cannot be read (Input/output error)", "permission denied")


# -- the CLI: messages and exit codes --
def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "annotator", *args], cwd=cwd, capture_output=True,
                          env={**os.environ, "ANNOTATOR_HOME": str(cwd)}, timeout=300)


def test_cli_import_exit_codes_and_messages(tmp_path):
    root = _folder(tmp_path)
    good = root / "a.txt"
    ok = _cli("import", "p.db", str(good), cwd=tmp_path)
    assert ok.returncode == 0, ok.stderr
    partial = _cli("import", "p.db", str(root), cwd=tmp_path)
    assert partial.returncode == 1
    err = partial.stderr.decode("utf-8")
    assert "Traceback" not in err
    assert f"failed {root / 'bad.docx'}: corrupt .docx" in err
    assert f"skipped {root / 'out_file.txt'}: symbolic link" in err
    assert b"failed 2" in partial.stdout  # bad.docx and the dangling link (root reads 'locked')
    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = _cli("import", "p.db", str(empty), cwd=tmp_path)
    assert nothing.returncode == 2 and b"no files found" in nothing.stderr
    (tmp_path / "not_a_project.db").write_bytes(b"hello, I am a text file" * 100)
    bad_project = _cli("import", "not_a_project.db", str(good), cwd=tmp_path)
    assert bad_project.returncode == 2 and b"not_a_project.db" in bad_project.stderr
    assert b"Traceback" not in bad_project.stderr


def test_cli_prints_non_utf8_names_without_crashing(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), BAD_NAME), "wb") as handle:
        handle.write(b"\x00\x01binary")
    result = _cli("import", "p.db", str(folder), cwd=tmp_path)
    assert result.returncode == 1
    err = result.stderr.decode("utf-8")
    assert "Traceback" not in err and "\ufffd\ufffd\ufffd\ufffd.txt: not a text file" in err
    clean = subprocess.run([sys.executable, "-m", "annotator", "clean",
                            os.path.join(os.fsencode(folder), BAD_NAME)], capture_output=True, timeout=300)
    assert clean.returncode == 1 and b"Traceback" not in clean.stderr and "\ufffd".encode() in clean.stderr


def test_display_path_never_fails():
    from annotator.paths import display_path

    undecodable = os.fsdecode(b"/tmp/\xb9\xa4\xd7\xf7.txt")  # surrogate-escaped, as os.listdir returns it
    assert display_path(undecodable) == "/tmp/\ufffd\ufffd\ufffd\ufffd.txt"
    assert display_path(b"/tmp/\xff.txt") == "/tmp/\ufffd.txt"
    assert display_path("/tmp/\ud800x.txt").encode("utf-8")  # a lone surrogate of another origin
    assert display_path(Path("/tmp/讲话.txt")) == "/tmp/讲话.txt"


def test_the_open_project_itself_is_never_read_as_a_document(tmp_path, monkeypatch):
    # Reading the project with open() would drop this process's locks on it (POSIX): refuse by identity.
    import builtins

    from annotator.ingest import import_paths
    from annotator.storage import open_project

    path = tmp_path / "p.db"
    with open_project(path) as project:
        real_open = builtins.open

        def guarded(file, *args, **kwargs):
            assert not str(file).startswith(str(path)), f"{file} was opened"
            return real_open(file, *args, **kwargs)

        monkeypatch.setattr(builtins, "open", guarded)
        summary = import_paths(project, [path, str(path) + "-wal"])
        monkeypatch.setattr(builtins, "open", real_open)
    reasons = [o.reason for o in summary.outcomes if o.status == "failed"]
    assert any("open project" in (r or "") for r in reasons), reasons
