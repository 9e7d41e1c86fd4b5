"""integrity.check finds broken offsets, counts and JSON, reading each document's text once."""

from __future__ import annotations

import sqlite3

from annotator.domain.model import Span
from annotator.storage import documents as docs
from annotator.storage import integrity, open_project
from annotator.storage import spans as store

TEXT = "一、总体要求\n全年地区生产总值增长5.5%左右，𠮷安村要带头示范😀。\r\n"


def _project(tmp_path, spans_per_doc: int = 30):
    project = open_project(tmp_path / "p.db")
    for n in range(3):
        text = f"第{n}篇\n" + TEXT * (n + 1)
        doc_id, _ = docs.add_document(project, clean_text=text, raw_text=text, title=str(n))
        store.add_spans(project, [Span(id="", document_id=doc_id, start=i, end=i + 2, label="directive",
                                       annotator="张三") for i in range(spans_per_doc)])
    return project


def test_a_healthy_project_has_no_problems(tmp_path):
    with _project(tmp_path) as project:
        assert integrity.check(project) == []


def test_each_text_is_measured_once_not_once_per_span(tmp_path):
    """The old check called length(clean_text) per span: quadratic (> 9 min on a 19.9 MB document)."""
    with _project(tmp_path, spans_per_doc=35) as project:
        calls = []
        # A user function of the same name replaces SQLite's built-in length() on this connection.
        project.conn.create_function("length", 1, lambda value: calls.append(1) or len(value))
        try:
            assert integrity.check(project) == []
        finally:
            project.conn.create_function("length", 1, None)
        assert len(calls) == 3  # one per document, whatever the number of spans and sections


def test_broken_offsets_counts_and_json_are_named(tmp_path):
    path = tmp_path / "p.db"
    _project(tmp_path).close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys=OFF")
    length = conn.execute("SELECT length(clean_text) FROM documents WHERE id = 1").fetchone()[0]
    span_id = conn.execute("SELECT id FROM spans WHERE document_id = 1 LIMIT 1").fetchone()[0]
    conn.execute('UPDATE spans SET "end" = ? WHERE id = ?', [length + 5, span_id])
    conn.execute("UPDATE documents SET char_count = char_count + 1 WHERE id = 2")
    conn.execute("INSERT INTO events (ts, action, after) VALUES ('t', 'x', '{broken')")
    conn.close()
    with open_project(path) as project:
        problems = integrity.check(project)
    assert any(p.startswith(f"span {span_id} [") and p.endswith(f"does not fit document 1 ({length} characters)")
               for p in problems)
    assert any(p.startswith("document 2: char_count") for p in problems)
    assert any(p.startswith("events row") and "after is not valid JSON" in p for p in problems)
    assert len(problems) == 3, problems
