"""An SQLite file with nothing in it, opened read-only (``list``, ``search``, the viewer): said to be an
empty database, not "needs an upgrade" (which sent people looking for an older version); left as it was."""

from __future__ import annotations

import sqlite3

import pytest

from annotator.storage import ProjectError, open_project
from annotator.storage import documents as docs


def _empty_database(path) -> None:
    conn = sqlite3.connect(path)  # test setup only: another app's freshly created, still empty database
    conn.execute("CREATE TABLE t(x)")
    conn.execute("DROP TABLE t")
    conn.commit()
    conn.close()


def test_an_empty_sqlite_database_read_only_is_named_empty_and_left_alone(tmp_path):
    path = tmp_path / "empty.db"
    _empty_database(path)
    before = path.read_bytes()
    with pytest.raises(ProjectError) as err:
        open_project(path, readonly=True)
    assert str(path) in str(err.value) and "an empty SQLite database, not a project yet" in str(err.value)
    assert "upgrade" not in str(err.value)
    assert path.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["empty.db"]


def test_an_empty_sqlite_database_opened_to_write_becomes_a_project(tmp_path):
    path = tmp_path / "empty.db"
    _empty_database(path)
    with open_project(path) as project:
        docs.add_document(project, clean_text="一是要加强。", raw_text="一是要加强。", title="t")
    with open_project(path, readonly=True) as project:
        assert len(docs.document_ids(project)) == 1
