"""Opening old, newer, damaged, foreign and read-only project files.

Every fixture is copied to tmp first: a test that opened the committed file for writing would migrate
it in place and the next run would test nothing.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest

from annotator.domain.model import Span
from annotator.storage import ProjectError, integrity, open_project
from annotator.storage import documents as docs
from annotator.storage import spans as span_store
from annotator.storage.schema import known_migrations

FIXTURES = Path(__file__).resolve().parents[1] / "data" / "projects"
VERSIONS = sorted(p.name.split(".")[0] for p in FIXTURES.glob("v*.annotator.db"))
PAGE = 4096


def _make_fixture_module():
    spec = importlib.util.spec_from_file_location("make_fixture", FIXTURES / "make_fixture.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def v0001(tmp_path) -> Path:
    copy = tmp_path / "v0001.annotator.db"
    shutil.copyfile(FIXTURES / "v0001.annotator.db", copy)
    return copy


@pytest.fixture
def latest(tmp_path) -> Path:
    """The newest fixture: already at this version's schema, so it opens read-only without an upgrade."""
    copy = tmp_path / f"{VERSIONS[-1]}.annotator.db"
    shutil.copyfile(FIXTURES / f"{VERSIONS[-1]}.annotator.db", copy)
    return copy


def _refused_untouched(path: Path, *message_parts: str, readonly: bool = False) -> ProjectError:
    before = path.read_bytes()
    with pytest.raises(ProjectError) as err:
        open_project(path, readonly=readonly)
    text = str(err.value)
    assert str(path) in text, f"the message should name the file: {text}"
    for part in message_parts:
        assert part in text, text
    assert path.read_bytes() == before, "a refused file must be left byte-identical"
    return err.value


def test_there_is_a_fixture_for_every_schema_step():
    # A new migration needs a fixture made by the version that introduces it (make_fixture.py, run once),
    # named after that step's number: steps added on two branches at once (0004, 0005) each bring theirs.
    assert VERSIONS, "no fixture projects found"
    assert VERSIONS[-1] == f"v{known_migrations()[-1][:4]}"


@pytest.mark.parametrize("version", VERSIONS)
def test_every_fixture_opens_with_its_content_intact(tmp_path, version):
    copy = tmp_path / f"{version}.annotator.db"
    shutil.copyfile(FIXTURES / f"{version}.annotator.db", copy)
    expected = json.loads((FIXTURES / f"{version}.expected.json").read_text(encoding="utf-8"))
    snapshot = _make_fixture_module().snapshot
    with open_project(copy) as project:
        applied = [r[0] for r in project.conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = 'annotator' ORDER BY applied_at, name")]
        assert applied[: len(expected["schema_steps"])] == expected["schema_steps"]
        assert set(applied) == set(known_migrations())
        # json.dumps/loads turns tuples into lists and floats stay floats: compare in the same shape.
        got = json.loads(json.dumps(snapshot(project.conn), ensure_ascii=False))
        for table, rows in got.items():  # a table added after the fixture's version: empty after migrating
            assert rows == expected.get(table, []), f"{table} changed while opening {version}"
        assert integrity.check(project) == []


def test_v0001_is_usable_after_opening(v0001):
    with open_project(v0001) as project:
        doc_id = 1
        text = docs.clean_text(project, doc_id)
        layers = {(s.annotator, s.status) for s in span_store.list_spans(project, doc_id)}
        assert {("张三", "accepted"), ("李四", "accepted"), ("李四", "rejected"), ("@gold", "gold"),
                ("@suggester", "suggested")} <= layers
        start = text.index("坚决遏制")
        added = span_store.add_span(project, Span(document_id=doc_id, start=start, end=start + 4,
                                                  label="directive", annotator="王五"))
    with open_project(v0001) as project:
        assert span_store.get_span(project, added.id) == added
        assert integrity.check(project) == []


def test_a_newer_schema_is_refused_and_left_identical(v0001):
    with sqlite3.connect(v0001) as conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
                     " VALUES ('annotator', '9999_from_the_future', '2030-01-01')")
    conn.close()
    _refused_untouched(v0001, "newer version", "9999_from_the_future")
    _refused_untouched(v0001, "newer version", readonly=True)


def test_a_truncated_file_is_refused_and_left_untouched(v0001):
    data = v0001.read_bytes()
    v0001.write_bytes(data[: len(data) // 2])
    _refused_untouched(v0001, "damaged")


def test_a_garbage_header_is_refused(v0001):
    data = v0001.read_bytes()
    v0001.write_bytes(b"\xde\xad\xbe\xef" * 25 + data[100:])
    _refused_untouched(v0001, "not an SQLite database")


@pytest.mark.parametrize("page", range(1, 36))
def test_a_page_of_garbage_is_refused_wherever_it_is(v0001, page):
    data = bytearray(v0001.read_bytes())
    assert len(data) == 36 * PAGE, "the fixture changed size: update the page range"
    # A fixed pattern, not os.urandom, so a failure reproduces.
    data[page * PAGE:(page + 1) * PAGE] = (bytes(range(256)) * (PAGE // 256))[::-1]
    v0001.write_bytes(bytes(data))
    _refused_untouched(v0001, "damaged")


def test_a_file_that_is_not_sqlite_is_refused(tmp_path):
    for name, content in [("notes.db", "会议记录：下周再议。\n".encode()), ("zip.db", b"PK\x03\x04" + bytes(500))]:
        path = tmp_path / name
        path.write_bytes(content)
        _refused_untouched(path, "not an SQLite database")


def test_an_empty_sqlite_header_only_file_is_refused(tmp_path):
    path = tmp_path / "stub.db"
    path.write_bytes(b"SQLite format 3\x00" + bytes(84))
    _refused_untouched(path, "damaged")


def test_explicit_read_only_open_refuses_writes(latest):
    before = latest.read_bytes()
    with open_project(latest, readonly=True) as project:
        assert project.readonly
        assert len(docs.list_documents(project)) == 3
        doc_id = docs.document_ids(project)[0]
        with pytest.raises(ProjectError, match="read-only") as err:
            span_store.add_span(project, Span(document_id=doc_id, start=0, end=2, label="directive",
                                              annotator="张三"))
        assert str(latest) in str(err.value)
        with pytest.raises(ProjectError, match="read-only"):
            docs.set_status(project, doc_id, "张三", "in_progress")
    assert latest.read_bytes() == before


def test_a_file_without_write_permission_opens_read_only(latest):
    os.chmod(latest, stat.S_IRUSR)
    try:
        if os.access(latest, os.W_OK):
            pytest.skip("running as root: file permissions are not enforced")
        before = latest.read_bytes()
        with open_project(latest) as project:
            assert project.readonly
            with pytest.raises(ProjectError, match="read-only"):
                docs.set_status(project, 1, "张三", "done")
        assert latest.read_bytes() == before
    finally:
        os.chmod(latest, stat.S_IRUSR | stat.S_IWUSR)


def test_integrity_check_names_broken_references_and_offsets(v0001):
    # Damage our own invariants the way a buggy older version or a hand edit could (foreign keys off).
    with sqlite3.connect(v0001) as conn:
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("UPDATE spans SET document_id = 99 WHERE id = 's-zhang-1'")
        conn.execute("UPDATE spans SET \"end\" = 500 WHERE id = 's-zhang-2'")
        conn.execute("UPDATE documents SET char_count = 7 WHERE id = 3")
    conn.close()
    with open_project(v0001) as project:
        problems = integrity.check(project)
    assert any("spans row s-zhang-1 points at a missing documents row" in p for p in problems), problems
    assert any("span s-zhang-2 [" in p and "does not fit document 1" in p for p in problems), problems
    assert any("document 3: char_count 7" in p for p in problems), problems
    assert len(problems) == 3
