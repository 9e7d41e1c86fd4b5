"""Issue 16 point 3 on the direct edit path: two people editing the same span on a team server never
overwrite each other silently (storage/spans.py ``expect``), each through their own connection."""

from __future__ import annotations

import pytest

from annotator.domain.model import Span
from annotator.storage import documents as docs
from annotator.storage import open_project
from annotator.storage import spans as span_store

TEXT = "一、要坚持稳中求进。二、全年增长百分之五。𠮷😀\r\n三、完"


@pytest.fixture
def two(pg_project):
    """Two open connections to one team project, and one span both of them read."""
    a = open_project(pg_project)
    doc, _ = docs.add_document(a, clean_text=TEXT, raw_text=TEXT, title="讲话")
    span = span_store.add_span(a, Span(document_id=doc, start=2, end=9, label="directive", annotator="张三"))
    b = open_project(pg_project)
    yield a, b, span
    a.close()
    b.close()


def test_a_stale_update_is_refused_and_nothing_is_overwritten(two):
    a, b, seen = two
    seen_b = span_store.get_span(b, seen.id)
    span_store.update_span(a, seen.id, by="李四", expect=seen, label="statistic")
    with pytest.raises(span_store.SpanConflict, match="changed by someone else") as caught:
        span_store.update_span(b, seen.id, by="张三", expect=seen_b, start=3)
    assert caught.value.current.label == "statistic"
    stored = span_store.get_span(a, seen.id)
    assert (stored.label, stored.start) == ("statistic", 2)  # the first edit stands, the second changed nothing


def test_a_delete_of_a_changed_span_is_refused(two):
    a, b, seen = two
    span_store.update_span(a, seen.id, by="李四", expect=seen, attributes={"level": "强"})
    with pytest.raises(span_store.SpanConflict):
        span_store.remove_span(b, seen.id, by="张三", expect=seen)
    assert span_store.get_span(a, seen.id).attributes == {"level": "强"}


def test_an_edit_of_a_deleted_span_is_refused(two):
    a, b, seen = two
    span_store.remove_span(a, seen.id, by="李四", expect=seen)
    with pytest.raises(span_store.SpanConflict, match="deleted by someone else"):
        span_store.update_span(b, seen.id, by="张三", expect=seen, label="statistic")
    assert span_store.get_span(b, seen.id) is None


def test_an_edit_of_what_is_still_there_passes_and_chains(two):
    a, b, seen = two
    _before, after = span_store.update_span(b, seen.id, by="张三", expect=seen, end=10)
    _before, again = span_store.update_span(a, seen.id, by="张三", expect=after, label="statistic")
    assert (again.end, again.label) == (10, "statistic")
    assert span_store.remove_span(b, seen.id, by="张三", expect=again).id == seen.id


def test_without_expect_the_old_behaviour_stays(two):
    a, b, seen = two
    span_store.update_span(a, seen.id, by="李四", label="statistic")
    span_store.update_span(b, seen.id, by="张三", start=3)  # no version named: last writer wins, as before
    assert span_store.get_span(a, seen.id).start == 3
