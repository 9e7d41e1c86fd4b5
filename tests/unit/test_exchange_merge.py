"""Merging annotators' own projects: same documents, two annotators, idempotent, nothing overwritten."""

from __future__ import annotations

import pytest
from test_exchange_fixtures import TEXT, TEXT2, at, outline

from annotator.domain.labels import Label
from annotator.domain.model import Span, Suggestion
from annotator.exchange.merge import MergeReport, merge
from annotator.exchange.native import export_native
from annotator.exchange.selection import Selection
from annotator.storage import documents as docs
from annotator.storage import open_project, spans
from annotator.storage.labels import get_labels, save_label
from annotator.storage.sections import get_sections

EVERYTHING = Selection(include_suggestions=True, include_rejected=True)


def _annotator_project(path, name, pieces, *, order=(TEXT, TEXT2)):
    """An annotator's own project: the same texts (imported in the given order) and their spans."""
    project = open_project(path)
    ids = {}
    for text in order:
        ids[text], _ = docs.add_document(project, clean_text=text, raw_text=text, title=text[:4],
                                         sections=outline() if text == TEXT else ())
    for text, piece, label in pieces:
        start, end = at(text, piece)
        spans.add_span(project, Span(document_id=ids[text], start=start, end=end, label=label, annotator=name))
    start, end = at(TEXT, "增长5.2%")
    spans.replace_suggestions(project, ids[TEXT], [Suggestion(start=start, end=end, label="statistic")])
    docs.set_status(project, ids[TEXT], name, "done")
    return project


@pytest.fixture
def team(tmp_path, project_at):
    """Annotators' projects are files; the team project they merge into is on each backend."""
    a = _annotator_project(tmp_path / "zhang.db", "张三", [
        (TEXT, "各级工会要切实加强𠮷职工😀权益维护", "directive"), (TEXT, "60.6亿元", "statistic"),
        (TEXT2, "全年事故下降12%", "statistic")])
    save_label(a, Label(name="measure", colour="#123456"))
    b = _annotator_project(tmp_path / "li.db", "李四", [
        (TEXT, "60.6亿元", "statistic"), (TEXT, "职工😀权益维护。全县", "statistic"),
        (TEXT2, "要加强安全生产", "directive")], order=(TEXT2, TEXT))
    a.close(), b.close()
    target = open_project(project_at("team.db"))
    yield target, [tmp_path / "zhang.db", tmp_path / "li.db"]
    target.close()


def _snapshot(project, tmp_path, name):
    out = tmp_path / f"{name}.jsonl"
    export_native(project, out, EVERYTHING)
    return out.read_text(encoding="utf-8")


def test_two_annotators_same_documents(team, tmp_path):
    target, sources = team
    report = merge(target, sources)
    assert report.ok, report.summary()
    zhang, li = report.sources
    assert (zhang.documents_added, li.documents_added, li.documents_matched) == (2, 0, 2)
    assert (zhang.spans_added, li.spans_added) == (3, 3)
    assert zhang.labels_added == ["measure"] and li.labels_added == []
    assert len(docs.document_ids(target)) == 2
    by_annotator = {}
    for s in spans.list_spans(target):
        by_annotator.setdefault(s.annotator, set()).add((docs.clean_text(target, s.document_id)[s.start:s.end], s.label))
    assert by_annotator == {
        "张三": {("各级工会要切实加强𠮷职工😀权益维护", "directive"), ("60.6亿元", "statistic"), ("全年事故下降12%", "statistic")},
        "李四": {("60.6亿元", "statistic"), ("职工😀权益维护。全县", "statistic"), ("要加强安全生产", "directive")},
    }  # no @suggester: suggestions are regenerated, not merged
    doc = docs.find_by_sha(target, docs.sha256_text(TEXT))
    assert get_sections(target, doc) == outline()
    assert docs.get_status(target, doc, "张三") == "done" and docs.get_status(target, doc, "李四") == "done"


def test_merging_twice_changes_nothing(team, tmp_path):
    target, sources = team
    merge(target, sources)
    before = _snapshot(target, tmp_path, "before")
    again = merge(target, sources + sources)
    assert again.ok
    assert all((s.spans_added, s.documents_added, s.labels_added, s.statuses_updated) == (0, 0, [], 0)
               for s in again.sources)
    assert _snapshot(target, tmp_path, "after") == before


def test_never_overwrites_work_already_in_the_target(team, tmp_path):
    target, sources = team
    merge(target, sources[:1])
    (span,) = [s for s in spans.list_spans(target, annotators=["张三"]) if s.label == "directive"]
    spans.update_span(target, span.id, attributes={"strength": "soft"}, by="组长")
    # 张三 edits the same span in their own project afterwards.
    with open_project(sources[0]) as own:
        spans.update_span(own, span.id, attributes={"strength": "strong"})
    report = merge(target, sources[:1])
    assert report.sources[0].spans_changed_in_source == 1 and report.sources[0].spans_added == 0
    assert spans.get_span(target, span.id).attributes == {"strength": "soft"}


def test_existing_label_definitions_are_kept(team, tmp_path):
    target, sources = team
    save_label(target, Label(name="measure", colour="#ff0000"))
    report = merge(target, sources[:1])
    assert next(l for l in get_labels(target) if l.name == "measure").colour == "#ff0000"
    assert any("measure" in n for n in report.sources[0].notes)


def test_gold_is_merged(team, tmp_path):
    target, sources = team
    with open_project(sources[1]) as own:
        doc = docs.find_by_sha(own, docs.sha256_text(TEXT2))
        start, end = at(TEXT2, "要加强安全生产")
        spans.add_span(own, Span(document_id=doc, start=start, end=end, label="directive", annotator="@gold",
                                 status="gold", provenance={"adjudicator": "李四"}))
    merge(target, sources)
    (gold,) = spans.list_spans(target, annotators=["@gold"])
    assert gold.provenance == {"adjudicator": "李四"} and gold.status == "gold"


def test_bad_sources_are_reported_and_the_good_ones_merged(team, tmp_path):
    target, sources = team
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database")
    report = merge(target, [junk, tmp_path / "missing.db", target.path, sources[0]])
    errors = [s.error for s in report.sources]
    assert "not an SQLite database" in errors[0] and "no such project" in errors[1]
    assert "target project itself" in errors[2] and errors[3] is None
    assert not report.ok and report.sources[3].spans_added == 3
    assert junk.read_bytes() == b"not a database"


# -- the event log: deletions travel, edits fast-forward, conflicts are reported ---------------------------

def _zhang_directive(project):
    (span,) = [s for s in spans.list_spans(project, annotators=["张三"]) if s.label == "directive"]
    return span


def test_a_deletion_in_the_source_is_deleted_in_the_target_with_provenance(team):
    from annotator.storage.events import history

    target, sources = team
    merge(target, sources[:1])
    gone = _zhang_directive(target)
    with open_project(sources[0]) as own:
        spans.remove_span(own, gone.id, by="张三")
    report = merge(target, sources[:1]).sources[0]
    assert report.spans_deleted == 1 and report.conflicts == []
    assert "1 deleted as in the source" in MergeReport([report]).summary()
    assert spans.get_span(target, gone.id) is None
    (event,) = [e for e in history(target) if e["action"] == "merge.delete"]
    assert event["entity_id"] == gone.id and event["after"]["source"] == "zhang.db" and event["after"]["deleted_by"] == "张三"
    again = merge(target, sources[:1]).sources[0]
    assert (again.spans_deleted, again.spans_added, again.conflicts) == (0, 0, [])


def test_a_deletion_in_the_source_of_a_span_edited_in_the_target_is_a_conflict(team):
    target, sources = team
    merge(target, sources[:1])
    span = _zhang_directive(target)
    spans.update_span(target, span.id, attributes={"strength": "soft"}, by="组长")
    with open_project(sources[0]) as own:
        spans.remove_span(own, span.id, by="张三")
    report = merge(target, sources[:1]).sources[0]
    assert report.spans_deleted == 0 and spans.get_span(target, span.id) is not None
    assert len(report.conflicts) == 1 and "deleted in the source by 张三" in report.conflicts[0]


def test_a_span_deleted_in_the_target_is_not_brought_back(team):
    target, sources = team
    merge(target, sources[:1])
    span = _zhang_directive(target)
    spans.remove_span(target, span.id, by="组长")
    report = merge(target, sources[:1]).sources[0]
    assert report.spans_added == 0 and report.spans_not_restored == 1 and spans.get_span(target, span.id) is None
    with open_project(sources[0]) as own:
        spans.update_span(own, span.id, label="statistic")
    report = merge(target, sources[:1]).sources[0]
    assert spans.get_span(target, span.id) is None
    assert len(report.conflicts) == 1 and "deleted in the target by 组长" in report.conflicts[0]


def test_an_edit_made_only_in_the_source_fast_forwards(team, tmp_path):
    target, sources = team
    merge(target, sources[:1])
    span = _zhang_directive(target)
    with open_project(sources[0]) as own:
        spans.update_span(own, span.id, attributes={"strength": "strong"}, label="statistic")
    report = merge(target, sources[:1]).sources[0]
    assert report.spans_updated == 1 and report.conflicts == []
    assert (spans.get_span(target, span.id).label, spans.get_span(target, span.id).attributes) == (
        "statistic", {"strength": "strong"})
    before = _snapshot(target, tmp_path, "ff")
    again = merge(target, sources[:1]).sources[0]
    assert again.spans_updated == 0 and _snapshot(target, tmp_path, "ff2") == before


def test_edits_on_both_sides_name_both_versions(team):
    target, sources = team
    merge(target, sources[:1])
    span = _zhang_directive(target)
    spans.update_span(target, span.id, attributes={"strength": "soft"}, by="组长")
    with open_project(sources[0]) as own:
        spans.update_span(own, span.id, attributes={"strength": "strong"})
    (conflict,) = merge(target, sources[:1]).sources[0].conflicts
    assert '"soft"' in conflict and '"strong"' in conflict and "target's version was kept" in conflict


def test_annotators_comments_reach_the_merged_project_once(tmp_path, project_at):
    """The adjudicator works in the merged project: the notes annotators left there must arrive, on the
    right document (ids differ between projects) and span, once however often the source is merged, and
    a note the lead removed in the target is not brought back."""
    from annotator.storage import comments

    a = _annotator_project(tmp_path / "zhang.db", "张三", [(TEXT, "60.6亿元", "statistic")])
    b = _annotator_project(tmp_path / "li.db", "李四", [(TEXT2, "要加强安全生产", "directive")], order=(TEXT2, TEXT))
    span_id = spans.list_spans(a)[0].id
    text_doc_a = next(s.document_id for s in spans.list_spans(a) if s.annotator == "张三")
    text2_doc_b = next(s.document_id for s in spans.list_spans(b) if s.annotator == "李四")
    comments.add_comment(a, text_doc_a, "单位是亿元还是万元？𠮷", "张三", span_id=span_id)
    kept = comments.add_comment(b, text2_doc_b, "这句是否算指令😀", "李四")
    gone = comments.add_comment(b, text2_doc_b, "稍后删除", "李四")
    a.close(), b.close()
    target = open_project(project_at("team.db"))
    try:
        report = merge(target, [tmp_path / "zhang.db", tmp_path / "li.db"])
        assert [s.comments_added for s in report.sources] == [1, 2]
        assert "comments added: 2" in report.summary()
        by_body = {}
        for doc_id in {s.document_id for s in spans.list_spans(target)}:
            for c in comments.list_comments(target, doc_id):
                by_body[c.body] = (c, doc_id)
        note, doc_id = by_body["单位是亿元还是万元？𠮷"]
        assert note.span_id == span_id and note.annotator == "张三"
        assert any(s.id == span_id and s.document_id == doc_id for s in spans.list_spans(target))
        assert by_body["这句是否算指令😀"][0].id == kept.id
        # the lead removes one note; merging everything again brings nothing back and nothing twice
        comments.remove_comment(target, gone.id, by="陈组长")
        again = merge(target, [tmp_path / "zhang.db", tmp_path / "li.db"])
        assert [s.comments_added for s in again.sources] == [0, 0]
        remaining = [c.body for d in {s.document_id for s in spans.list_spans(target)}
                     for c in comments.list_comments(target, d)]
        assert sorted(remaining) == sorted(["单位是亿元还是万元？𠮷", "这句是否算指令😀"])
    finally:
        target.close()


def _interrupt_once(monkeypatch, module, name):
    """``module.name`` raises KeyboardInterrupt (a second Ctrl+C) the first time it is called."""
    real, fired = getattr(module, name), []

    def wrapped(*args, **kwargs):
        if not fired:
            fired.append(True)
            if name != "open_project":
                raise KeyboardInterrupt
            opened = real(*args, **kwargs)
            close = opened.close

            def late_close():  # runs in merge_one's `finally`, after the source's COMMIT
                close()
                raise KeyboardInterrupt
            opened.close = late_close
            return opened
        return real(*args, **kwargs)
    monkeypatch.setattr(module, name, wrapped)


def test_a_signal_just_after_a_sources_commit_reports_it_merged(team, monkeypatch):
    # Seen under load in CI: the second SIGTERM landed after the first source's COMMIT, and the report said
    # "undone, nothing of it is in the target" while its 12 documents were there.
    import annotator.exchange.merge as merging
    from annotator.exchange.merge import MergeInterrupted

    target, sources = team
    _interrupt_once(monkeypatch, merging, "open_project")
    with pytest.raises(MergeInterrupted) as caught:
        merge(target, sources)
    report = caught.value.report
    assert report.rolled_back is None and [s.path for s in report.sources] == [str(sources[0])]
    assert report.sources[0].documents_added == 2 and report.not_merged == [str(sources[1])]
    assert len(docs.document_ids(target)) == 2 and "stopped while merging" not in report.summary()


def test_a_signal_inside_a_sources_transaction_rolls_it_back(team, monkeypatch):
    import annotator.exchange.merge as merging
    from annotator.exchange.merge import MergeInterrupted

    target, sources = team
    _interrupt_once(monkeypatch, merging, "_comments")  # the last step before the COMMIT
    with pytest.raises(MergeInterrupted) as caught:
        merge(target, sources)
    report = caught.value.report
    assert report.sources == [] and report.rolled_back == str(sources[0])
    assert report.not_merged == [str(sources[1])] and docs.document_ids(target) == []
    assert merge(target, sources).ok and len(docs.document_ids(target)) == 2
