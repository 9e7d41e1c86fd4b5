"""Hostile project files (hostile_projects.py): refused with a message and left byte-identical, or
opened with nothing lost. Issue 12, points 2 and 8."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from annotator.storage import ProjectError, integrity, open_project
from annotator.storage import documents as docs

sys.path.insert(0, str(Path(__file__).resolve().parent))
import hostile_projects as hostile  # noqa: E402


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.mark.parametrize("case", sorted(hostile.REFUSED))
@pytest.mark.parametrize("readonly", [False, True], ids=["read-write", "read-only"])
def test_hostile_project_is_refused_and_left_byte_identical(tmp_path, case, readonly):
    maker, fragment = hostile.REFUSED[case]
    path = maker(tmp_path)
    before = _snapshot(tmp_path)
    with pytest.raises(ProjectError) as err:
        open_project(path, readonly=readonly)
    message = str(err.value)
    # An empty file is no project to read: read-only, that is the whole message.
    expected = "no such project file" if readonly and path.stat().st_size == 0 else fragment
    assert str(path) in message and expected in message, message
    assert "Traceback" not in message
    # Nothing written, replayed, checkpointed, deleted or created: not the project, not the stray file.
    assert _snapshot(tmp_path) == before


@pytest.mark.parametrize("case", sorted(hostile.RECOVERED))
def test_our_own_leftovers_open_with_nothing_lost(tmp_path, case):
    path, expected_docs = hostile.RECOVERED[case](tmp_path)
    with open_project(path) as project:
        assert len(docs.document_ids(project)) == expected_docs
        assert integrity.check(project) == []
        docs.add_document(project, clean_text="再存一篇\n" + hostile.TEXT, raw_text="x", title="再存")
    with open_project(path) as project:
        assert len(docs.document_ids(project)) == expected_docs + 1


def test_a_stray_log_is_judged_again_after_it_is_moved_aside(tmp_path):
    path = hostile.foreign_wal(tmp_path)
    with pytest.raises(ProjectError, match="move target.db-wal out of the folder"):
        open_project(path)
    hostile.wal(path).rename(tmp_path / "moved-aside.wal")
    with open_project(path) as project:  # what the message tells the user to do works
        assert len(docs.document_ids(project)) == 2 and integrity.check(project) == []


def test_broken_document_json_is_a_message_where_it_is_read(tmp_path):
    path = hostile.non_json_document_metadata(tmp_path)
    with open_project(path) as project:
        with pytest.raises(ProjectError, match=r"document 1 metadata is not valid JSON") as err:
            docs.get_document(project, 1)
        assert str(path) in str(err.value)
        assert docs.get_document(project, 2) is not None  # the other documents still read
        assert integrity.check(project) == ["documents row 1: metadata is not a JSON object"]


def test_text_that_is_not_utf8_is_a_message_where_it_is_read(tmp_path):
    path = hostile.non_utf8_text(tmp_path)
    from annotator.storage import labels

    with open_project(path, readonly=True) as project:
        for read in (lambda: docs.list_documents(project), lambda: docs.get_document(project, 2),
                     lambda: labels.get_labels(project)):
            with pytest.raises(ProjectError, match="not UTF-8") as err:
                read()
            assert str(path) in str(err.value)
        assert docs.get_document(project, 1) is not None  # the rest still reads
