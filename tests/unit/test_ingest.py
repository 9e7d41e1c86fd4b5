"""The import pipeline end to end (files → project), including a re-import of an edited file."""

from __future__ import annotations

from annotator.domain.model import Span
from annotator.ingest import import_paths
from annotator.storage import open_project
from annotator.storage import spans as span_store
from annotator.storage.documents import list_documents

SPEECH = "一、加强领导\n各级党委要切实加强领导。\n二、狠抓落实\n全县生产总值增长5.2%。\n"


def test_batch_goes_on_after_a_bad_file_and_dedupes(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text(SPEECH, encoding="gb18030")
    copy = tmp_path / "copy.txt"
    copy.write_text(SPEECH, encoding="utf-8")
    bad = tmp_path / "b.docx"
    bad.write_bytes(b"not a zip")
    with open_project(tmp_path / "p.db") as project:
        summary = import_paths(project, [bad, good, copy, tmp_path / "missing.txt"])
        assert [o.status for o in summary.outcomes] == ["failed", "imported", "duplicate", "failed"]
        assert "b.docx" in summary.outcomes[0].path and summary.outcomes[0].reason
        (doc,) = list_documents(project)
        assert doc["char_count"] == len(SPEECH.strip()) or doc["char_count"] == len(SPEECH)


def test_reimporting_an_edited_file_moves_spans_instead_of_duplicating(tmp_path):
    path = tmp_path / "speech.txt"
    path.write_text(SPEECH, encoding="utf-8")
    with open_project(tmp_path / "p.db") as project:
        (outcome,) = import_paths(project, [path]).outcomes
        text = project.conn.execute("SELECT clean_text FROM documents").fetchone()[0]
        start = text.index("全县生产总值")
        span_store.add_span(project, Span(document_id=outcome.document_id, start=start, end=start + 12,
                                          label="statistic", annotator="张三"))
        path.write_text("同志们：\n" + SPEECH, encoding="utf-8")
        (again,) = import_paths(project, [path]).outcomes
        assert again.status == "updated" and again.document_id == outcome.document_id
        assert "1 spans moved" in again.reason
        assert len(list_documents(project)) == 1
        new_text = project.conn.execute("SELECT clean_text FROM documents").fetchone()[0]
        (span,) = span_store.list_spans(project, annotators=["张三"])
        assert new_text[span.start:span.end] == "全县生产总值增长5.2%"
