"""The project store: opening safely, documents, spans and their event log, suggestions, search."""

from __future__ import annotations

import os
import sqlite3
import stat

import pytest

from annotator.domain.model import Section, Span, SpanStatus, Suggestion
from annotator.storage import ProjectError, open_project
from annotator.storage import documents as docs
from annotator.storage import events, search, spans
from annotator.storage.labels import get_labels, list_annotators

TEXT = "一、加强党的领导\n各级工会要切实加强职工权益维护。全县地区生产总值实现60.6亿元，增长5.2%。\n二、𠮷祥如意😀\n完。"


@pytest.fixture
def project(store):
    """Every test taking ``project`` runs on SQLite and on PostgreSQL (tests/conftest.py ``store``)."""
    return store


def _doc(project, text=TEXT, **kw):
    secs = [Section(level=1, marker="一、", title="加强党的领导", start=0, end=text.find("二、"))]
    return docs.add_document(project, clean_text=text, raw_text=text, title="测试", sections=secs, **kw)


def test_new_project_has_schema_labels_and_wal(project):
    assert [label.name for label in get_labels(project)] == ["directive", "statistic"]
    if project.dialect.sqlite:
        assert project.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert project.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert project.integrity_ok()


def test_refuses_a_file_that_is_not_sqlite_and_leaves_it_untouched(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"just some notes\n")
    with pytest.raises(ProjectError) as err:
        open_project(path)
    assert "not an SQLite database" in str(err.value) and str(path) in str(err.value)
    assert path.read_bytes() == b"just some notes\n"


def test_refuses_another_apps_sqlite_database(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (x)")
    before = path.read_bytes()
    with pytest.raises(ProjectError, match="not an annotator project"):
        open_project(path)
    assert path.read_bytes() == before


def test_refuses_a_project_from_a_newer_version(tmp_path):
    path = tmp_path / "new.db"
    open_project(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('annotator', '9999_future', 'x')")
    with pytest.raises(ProjectError, match="newer version"):
        open_project(path)


def test_read_only_file_opens_read_only(tmp_path):
    path = tmp_path / "ro.db"
    with open_project(path) as p:
        _doc(p)
    os.chmod(path, stat.S_IRUSR)
    try:
        if os.access(path, os.W_OK):
            pytest.skip("running as root: file permissions are not enforced")
        with open_project(path) as p:
            assert p.readonly
            assert docs.list_documents(p)
            with pytest.raises(ProjectError, match="read-only"):
                _doc(p, text="另一篇")
    finally:
        os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)


def test_explicit_read_only_open(tmp_path):
    path = tmp_path / "p.db"
    with open_project(path) as p:
        _doc(p)
    with open_project(path, readonly=True) as p:
        assert p.readonly and len(docs.list_documents(p)) == 1
        with pytest.raises(ProjectError, match="read-only"):
            docs.set_status(p, 1, "张三", "done")


def test_reimport_same_clean_text_is_not_duplicated(project):
    first = _doc(project)
    second = _doc(project)
    assert first == (first[0], True) and second == (first[0], False)
    assert len(docs.list_documents(project)) == 1
    assert docs.get_document(project, first[0])["char_count"] == len(TEXT)


def test_sections_round_trip(project):
    doc_id, _ = _doc(project)
    from annotator.storage.sections import get_sections

    (sec,) = get_sections(project, doc_id)
    assert (sec.level, sec.marker, sec.title, sec.start) == (1, "一、", "加强党的领导", 0)


def test_span_lifecycle_with_events(project):
    doc_id, _ = _doc(project)
    start = TEXT.index("各级")
    span = spans.add_span(project, Span(document_id=doc_id, start=start, end=start + 15, label="directive",
                                        annotator="张三", attributes={"strength": "normal"}))
    assert span.id and span.created
    with pytest.raises(spans.DuplicateSpan):
        spans.add_span(project, Span(document_id=doc_id, start=start, end=start + 15, label="directive",
                                     annotator="张三"))
    # Another annotator may tag the same text, and another label may overlap.
    spans.add_span(project, Span(document_id=doc_id, start=start, end=start + 15, label="directive", annotator="李四"))
    spans.add_span(project, Span(document_id=doc_id, start=start + 2, end=start + 20, label="statistic", annotator="张三"))
    before, after = spans.update_span(project, span.id, label="statistic", by="张三")
    assert before.label == "directive" and after.label == "statistic"
    removed = spans.remove_span(project, span.id)
    assert removed.id == span.id and spans.get_span(project, span.id) is None
    # Undo of a removal re-stores the same span, id and times included.
    restored = spans.add_span(project, removed, action="span.restore")
    assert restored == removed
    actions = [e["action"] for e in reversed(events.history(project, document_id=doc_id))]
    assert actions == ["document.import", "span.add", "span.add", "span.add", "span.update", "span.remove", "span.restore"]
    assert set(list_annotators(project)) == {"张三", "李四"}


def test_event_log_is_append_only(project):
    _doc(project)
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        project.execute("DELETE FROM events")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        project.execute("UPDATE events SET action = 'x'")


def test_span_offsets_are_validated(project):
    doc_id, _ = _doc(project)
    for start, end in [(-1, 3), (5, 5), (0, len(TEXT) + 1)]:
        with pytest.raises(ValueError):
            spans.add_span(project, Span(document_id=doc_id, start=start, end=end, label="directive", annotator="a"))
    with pytest.raises(ValueError, match="unknown label"):
        spans.add_span(project, Span(document_id=doc_id, start=0, end=2, label="nope", annotator="a"))
    assert spans.list_spans(project, doc_id) == []


def test_suggestions_accept_reject_and_rerun(project):
    doc_id, _ = _doc(project)
    a = Suggestion(start=0, end=6, label="directive", rule="cue:要")
    b = Suggestion(start=10, end=20, label="statistic", attributes={"value": 60.6})
    assert spans.replace_suggestions(project, doc_id, [a, b, a]) == 2
    open_ = spans.open_suggestions(project, doc_id, "张三")
    assert [(s.start, s.label) for s in open_] == [(0, "directive"), (10, "statistic")]
    accepted = spans.accept_suggestion(project, open_[1], "张三")
    assert accepted.status == SpanStatus.ACCEPTED and accepted.attributes == {"value": 60.6}
    spans.reject_suggestion(project, open_[0], "张三")
    assert spans.open_suggestions(project, doc_id, "张三") == []
    assert len(spans.open_suggestions(project, doc_id, "李四")) == 2
    # A new run does not bring back what 张三 rejected.
    spans.replace_suggestions(project, doc_id, [a, b])
    assert spans.open_suggestions(project, doc_id, "张三") == []


def test_chinese_search_one_two_and_three_characters(project):
    doc_id, _ = _doc(project)
    other, _ = docs.add_document(project, clean_text="今年要抓好安全生产工作。", raw_text="x", title="安全")
    assert [h.document_id for h in search.search(project, "生产总值")] == [doc_id]
    assert {h.document_id for h in search.search(project, "生产")} == {doc_id, other}  # before word indexing
    assert search.index_words(project) == 2
    assert {h.document_id for h in search.search(project, "工会")} == {doc_id}
    assert {h.document_id for h in search.search(project, "县")} == {doc_id}
    hit = search.search(project, "安全生产")[0]
    assert hit.document_id == other and hit.position == 5 and "安全生产" in hit.snippet
    assert search.search(project, "   ") == []


def test_two_connections_write_without_losing_anything(project_target):
    a, b = open_project(project_target), open_project(project_target)
    doc_id, _ = _doc(a)
    for i in range(20):
        who = a if i % 2 else b
        spans.add_span(who, Span(document_id=doc_id, start=i, end=i + 1, label="directive", annotator=f"x{i % 2}"))
    assert len(spans.list_spans(a, doc_id)) == 20 and a.integrity_ok()
    a.close()
    b.close()
