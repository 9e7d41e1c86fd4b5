"""An empty list of names or ids asks the same on both backends: storage builds ``x IN ()`` from one
(SQLite: false; ``NOT IN ()``: true), a syntax error on PostgreSQL — the review window of a team
project with no annotator layers yet crashed on it (issue 16). pg/dialect._translate says it as an
empty array of x's type."""

from __future__ import annotations

from annotator.domain.model import Span
from annotator.storage import documents
from annotator.storage import spans as span_store


def test_empty_lists_of_names_and_ids(store):
    doc, _ = documents.add_document(store, clean_text="各级党委要切实加强领导。", raw_text="x", title="t")
    span_store.add_span(store, Span(document_id=doc, start=0, end=4, label="directive", annotator="张三"))
    assert span_store.list_spans(store, annotators=[]) == []
    assert span_store.list_spans(store, doc, annotators=[], statuses=["accepted"]) == []
    assert len(span_store.list_spans(store, annotators=["张三"], statuses=["accepted"])) == 1
    for sql, expected in (("SELECT count(*) FROM spans WHERE annotator IN ()", 0),
                          ("SELECT count(*) FROM spans WHERE annotator NOT IN ()", 1),
                          ("SELECT count(*) FROM documents WHERE id not in ( ) AND title = 't'", 1),
                          ("SELECT count(*) FROM documents WHERE id IN () OR title = 'IN ()'", 0)):
        assert store.scalar(sql) == expected, sql
