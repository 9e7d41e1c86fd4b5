"""Storage modules moved onto the backend surface (document_trash, comment_edits, progress, span_window),
the events-by-document index, and "opening never creates a team project" — on SQLite and PostgreSQL
(the parametrised ``store`` / ``project_target`` fixtures of tests/conftest.py)."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from annotator.domain.model import Span, Suggestion
from annotator.services.history import document_history
from annotator.storage import ProjectError, comments, document_trash, documents, open_project, search, sections
from annotator.storage import spans as span_store
from annotator.storage.comment_edits import update_comment
from annotator.storage.labels import ensure_annotator
from annotator.storage.progress import team_progress
from annotator.storage.span_window import sections_before, spans_touching
from annotator.structure.outline import parse_outline

# 𠮷 and 😀 are astral (two UTF-16 units): offsets stay code points on both backends.
TEXT = ("一、总体要求\n各级党委要切实加强领导，确保𠮷各项任务落到实处。\n"
        "二、重点任务\n要抓好安全生产😀，增长5.2%，工会会员达到3万人。\n")


def _fill(project) -> int:
    """Two documents; the first with spans of two annotators, gold, an outline correction, status marks,
    notes and its word-index row."""
    first, _ = documents.add_document(project, clean_text=TEXT, raw_text=TEXT, title="甲", sections=parse_outline(TEXT))
    other = TEXT.replace("总体", "全面")
    documents.add_document(project, clean_text=other, raw_text=other, title="乙", sections=parse_outline(other))
    for name in ("张三", "李四"):
        ensure_annotator(project, name)
    start = TEXT.index("确保")
    a = span_store.add_span(project, Span(document_id=first, start=start, end=start + 9, label="directive",
                                          annotator="张三"))
    span_store.add_span(project, replace(a, id=None, annotator="李四", end=start + 7))
    stat = TEXT.index("5.2%")
    span_store.add_span(project, Span(document_id=first, start=stat, end=stat + 4, label="statistic",
                                      annotator="@gold", status="gold"))
    documents.set_status(project, first, "张三", "done")
    documents.set_status(project, first, "李四", "in_progress")
    sections.add_edit(project, first, "shift", 0, {"delta": 1}, "张三")
    comments.add_comment(project, first, "边界？", "李四", a.id)
    comments.add_comment(project, first, "整篇说明", "张三")
    search.index_words(project)
    return first


def _dump(project, doc_id: int) -> dict:
    shot = document_trash.snapshot(project, doc_id)
    words = sorted(shot.words) if isinstance(shot.words, list) else shot.words
    return {"document": shot.document, "words": words,
            **{t: sorted(rows, key=lambda r: str(r.get("id", r.get("annotator")))) for t, rows in shot.children.items()}}


def test_trash_and_restore_give_back_every_row(store):
    doc_id = _fill(store)
    before = _dump(store, doc_id)
    assert before["words"] and all(before[t] for t in ("spans", "comments", "section_edits", "doc_status", "sections"))
    assert document_trash.impact(store, doc_id) == {"spans": {"@gold": 1, "张三": 1, "李四": 1}, "notes": 2}
    trashed = document_trash.trash_document(store, doc_id, by="张三")
    assert documents.get_document(store, doc_id) is None and span_store.list_spans(store, doc_id) == []
    assert store.scalar("SELECT count(*) FROM comments WHERE document_id = ?", [doc_id]) == 0
    assert document_trash.restore_document(store, trashed, by="张三") == doc_id
    assert _dump(store, doc_id) == before
    assert doc_id in {h.document_id for h in search.search(store, "安全生产")}
    with pytest.raises(ValueError, match="in use again"):
        document_trash.restore_document(store, trashed, by="张三")
    with pytest.raises(KeyError):
        document_trash.trash_document(store, 999, by="张三")
    actions = [r[0] for r in store.fetchall("SELECT action FROM events WHERE entity = 'document' ORDER BY id")]
    assert actions[-2:] == ["document.delete", "document.restore"]
    # new rows after a restore get fresh ids (the restored ones did not disturb id allocation)
    new_id, _ = documents.add_document(store, clean_text="新的一篇。", raw_text="x", title="丙")
    assert new_id > doc_id + 1


def test_restore_after_reimport_is_refused_and_writes_nothing(store):
    doc_id = _fill(store)
    trashed = document_trash.trash_document(store, doc_id, by="张三")
    documents.add_document(store, clean_text=TEXT, raw_text=TEXT, title="again")
    count = store.scalar("SELECT count(*) FROM events")
    with pytest.raises(ValueError, match="imported again"):
        document_trash.restore_document(store, trashed)
    assert store.scalar("SELECT count(*) FROM events") == count


def test_update_comment_and_its_event(store):
    doc_id = _fill(store)
    note = comments.list_comments(store, doc_id)[0]
    before, after = update_comment(store, note.id, " 改过的 ", by="张三")
    assert (before.body, after.body) == (note.body, "改过的")
    assert {c.id: c.body for c in comments.list_comments(store, doc_id)}[note.id] == "改过的"
    with pytest.raises(ValueError):
        update_comment(store, note.id, "  ", by="张三")
    with pytest.raises(KeyError):
        update_comment(store, "nope", "x", by="张三")
    edits = [e for e in reversed(store.query("SELECT * FROM events WHERE action = 'comment.edit' ORDER BY id"))]
    assert len(edits) == 1 and edits[0]["entity_id"] == note.id and edits[0]["document_id"] == doc_id


def test_a_note_edit_is_a_step_of_the_rebuilt_history_and_its_undo_cancels_it(store):
    doc_id = _fill(store)
    note = next(c for c in comments.list_comments(store, doc_id) if c.annotator == "张三")
    update_comment(store, note.id, "第一次改", by="张三")
    update_comment(store, note.id, "第二次改", by="张三")
    steps = [s for s in document_history(store, doc_id, "张三") if s.kind == "note_edit"]
    assert [(s.before, s.after) for s in steps] == [(note.body, "第一次改"), ("第一次改", "第二次改")]
    assert steps[-1].comment == {"id": note.id, "document_id": doc_id}
    update_comment(store, note.id, "第一次改", by="张三")  # what Ctrl+Z writes
    steps = [s for s in document_history(store, doc_id, "张三") if s.kind == "note_edit"]
    assert [(s.before, s.after) for s in steps] == [(note.body, "第一次改")]
    assert not [s for s in document_history(store, doc_id, "李四") if s.kind == "note_edit"]


def test_team_progress_counts(store):
    doc_id = _fill(store)
    people, docs = team_progress(store)
    by = {p.name: p for p in people}
    assert set(by) == {"张三", "李四"}
    assert (by["张三"].done, by["张三"].in_progress, by["张三"].not_started, by["张三"].spans) == (1, 0, 1, 1)
    assert (by["李四"].done, by["李四"].in_progress, by["李四"].not_started, by["李四"].spans) == (0, 1, 1, 1)
    assert docs[0].id == doc_id and docs[0].status == {"张三": "done", "李四": "in_progress"}
    assert docs[0].spans == {"张三": 1, "李四": 1} and docs[1].spans == {} and by["张三"].last_change


def test_span_window_is_the_full_read_cut_to_the_range(store):
    rng = random.Random(7)
    paragraph = "各级党委要切实加强领导，确保𠮷各项任务落到实处，增长5.2%。😀工会要服务职工。\n"
    text = "".join(f"{i}、第{i}部分\n" + paragraph * 2 for i in range(1, 40))
    doc_id, _ = documents.add_document(store, clean_text=text, raw_text=text, title="长", sections=parse_outline(text))
    ensure_annotator(store, "张三")
    for i, start in enumerate(sorted(rng.sample(range(0, len(text) - 20), 80))):
        try:
            span_store.add_span(store, Span(document_id=doc_id, start=start, end=start + rng.randint(2, 15),
                                            label="directive" if i % 2 else "statistic", annotator="张三"))
        except ValueError:
            pass
    span_store.replace_suggestions(store, doc_id, [Suggestion(s, s + 5, "directive")
                                                   for s in range(3, len(text) - 10, 97)])
    every = span_store.list_spans(store, doc_id, annotators=["张三"], statuses=["accepted"])
    open_ones = span_store.open_suggestions(store, doc_id, "张三")
    assert every and open_ones
    for _ in range(15):
        lo = rng.randrange(0, len(text))
        hi = lo + rng.randrange(0, 1500)
        accepted, suggested = spans_touching(store, doc_id, "张三", lo, hi)
        assert accepted == [s for s in every if s.start < hi and s.end > lo]
        assert suggested == [s for s in open_ones if s.start < hi and s.end > lo]
    outline = sections.get_sections(store, doc_id)
    limit = outline[len(outline) // 2].start + 1
    assert sections_before(store, doc_id, limit) == [s for s in outline if s.start < limit]


def _plan(project, sql: str, params: list) -> str:
    if project.dialect.sqlite:
        return " ".join(str(r[-1]) for r in project.fetchall("EXPLAIN QUERY PLAN " + sql, params))
    return " ".join(r[0] for r in project.fetchall("EXPLAIN " + sql, params))


def test_a_documents_events_are_read_through_their_index(store):
    doc_id = _fill(store)
    if not store.dialect.sqlite:  # a few rows: make the planner choose as it would on a large log
        store.execute("SET enable_seqscan = off")
    plan = _plan(store, "SELECT * FROM events WHERE document_id = ? ORDER BY id DESC LIMIT ?", [doc_id, 2000])
    assert "events_by_document" in plan, plan
    plan = _plan(store, "SELECT 1 FROM events WHERE document_id = ? AND action = 'suggest.run' LIMIT 1", [doc_id])
    assert "events_by_document" in plan, plan


def test_opening_never_creates_a_team_project(pg_url):
    """An ordinary open (`annotator import URL`, the GUI, any verb) of an empty database is refused with
    the way to create one; nothing is created (no tables, so `team init` still sets up roles and RLS)."""
    import psycopg

    for kwargs in ({}, {"create": True}, {"readonly": True}):
        with pytest.raises(ProjectError, match="annotator team init"):
            open_project(pg_url, **kwargs)
    with psycopg.connect(pg_url, autocommit=True) as conn:
        assert conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()").fetchone()[0] == 0


def test_import_verb_on_an_empty_database_says_to_run_team_init(pg_url, tmp_path):
    from click.testing import CliRunner

    from annotator.cli import cli

    speech = tmp_path / "讲话.txt"
    speech.write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(cli, ["import", pg_url, str(speech)])
    assert result.exit_code != 0 and "annotator team init" in result.output, result.output
    assert "postgresql://" in result.output or "postgres" in result.output
