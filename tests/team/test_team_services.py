"""The application services on both backends give the same answers (issue 16, "same product, another
store"): one working session — import real speeches with suggestions, two annotators answering them and
tagging, an outline correction and its undo, the history a person undoes from, the agreement report, the
review window's items, a premerge, an adjudication, gold scores, every text export, search, the trash —
run through services/ and storage/ on a SQLite file and on a PostgreSQL project, each observable
compared. Span ids (random) and timestamps (the clock) are the only things allowed to differ; everything
else — counts, offsets, labels, attributes, orders, report figures, export bytes — must be equal.

The storage, exchange and agreement suites run on both backends through conftest's ``project_at``; this
is the cross-check that a session which strings the services together ends in the same state."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from annotator.services import agreement, annotating, exchange, history, importing, suggesting, trash
from annotator.storage import open_project, search
from annotator.storage import sections as section_store
from annotator.storage import spans as span_store
from annotator.storage.spans import SUGGESTER

SEEDS = sorted(Path("/work/shared/seeds").glob("*.txt"))
A, B, LEAD = "甲", "乙", "组长"
# A span id (uuid4 hex, with or without dashes) or an ISO time: what two runs may not share.
_RANDOM = re.compile(r"\b[0-9a-f]{32}\b|\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b"
                     r"|\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?")


def _plain(value) -> str:
    """``value`` as JSON with ids and times blanked (the only parts two stores may not share)."""
    return _RANDOM.sub("·", json.dumps(value, ensure_ascii=False, sort_keys=True, default=_fields))


def _fields(obj):
    if hasattr(obj, "__dataclass_fields__"):
        return {k: getattr(obj, k) for k in obj.__dataclass_fields__}
    if isinstance(obj, (set, frozenset)):
        return sorted(obj, key=repr)
    return repr(obj)


def _spans(project, doc_id):
    return [(s.start, s.end, s.label, s.annotator, s.status, s.attributes)
            for s in sorted(span_store.list_spans(project, doc_id),
                            key=lambda s: (s.start, s.end, s.label, s.annotator, s.status))]


def _session(project, out: Path) -> dict:
    """One working session through the services; returns what a person (or a file) would see of it."""
    seen: dict = {}
    summary = importing.import_files(project, SEEDS[:3], annotator=LEAD, suggest=True)
    docs = [o.document_id for o in summary.outcomes if o.status == "imported"]
    seen["import"] = [(Path(o.path).name, o.status) for o in summary.outcomes]
    assert len(docs) == 3, seen["import"]
    for who in (A, B):
        annotating.login(project, who)
    suggesting.save_settings(project, implicit=True, threshold=0.55)
    seen["settings"] = suggesting.suggestion_settings(project)
    seen["suggested"] = suggesting.suggest_documents(project, docs)
    doc = docs[0]
    suggestions = span_store.open_suggestions(project, doc, A)
    assert len(suggestions) >= 4, "the seed needs suggestions to answer"
    seen["suggestions"] = [(s.start, s.end, s.label, s.attributes) for s in
                           span_store.list_spans(project, doc, annotators=[SUGGESTER])]
    # 甲 accepts every other suggestion and rejects the rest; 乙 accepts the first half, then widens one
    for i, s in enumerate(suggestions):
        (span_store.accept_suggestion if i % 2 == 0 else span_store.reject_suggestion)(project, s, A)
    mine = [span_store.accept_suggestion(project, s, B) for s in suggestions[: len(suggestions) // 2]]
    span_store.update_span(project, mine[0].id, end=mine[0].end + 1, by=B)
    span_store.remove_span(project, mine[-1].id, by=B)
    seen["open_for_b"] = len(span_store.open_suggestions(project, doc, B))
    figures = [s for s in span_store.open_suggestions(project, docs[1], A) if s.label == "statistic"]
    assert figures, "the second seed needs statistics (the CSV table holds only those)"
    for s in figures:
        span_store.accept_suggestion(project, s, A)
    # an outline correction and its undo, as the outline panel does them
    text = project.execute("SELECT clean_text FROM documents WHERE id = ?", [doc]).fetchone()[0]
    outline = annotating.corrected_outline(project, doc, text)
    assert len(outline) >= 2, "the seed needs an outline to correct"
    edit = section_store.add_edit(project, doc, "shift", outline[1].start, {"delta": 1}, annotator=A)
    seen["corrected"] = annotating.reparse_with_corrections(project, doc, text, A)
    section_store.remove_edit(project, edit, annotator=A)
    seen["undone"] = annotating.reparse_with_corrections(project, doc, text, A)
    seen["history_a"] = [(s.kind, s.action, s.op, s.anchor, s.payload, s.before, s.after, s.started,
                          s.span and (s.span.start, s.span.end, s.span.label), s.changes)
                         for s in history.document_history(project, doc, A)]
    seen["history_b"] = [(s.kind, s.action, s.span and (s.span.start, s.span.end), s.changes)
                         for s in history.document_history(project, doc, B)]
    # the lead: report, review items, premerge, one adjudication, gold scores
    report = agreement.agreement_report(project, [A, B])
    seen["report"] = json.loads(agreement.render_report(report, "json"))
    seen["report_table"] = agreement.render_report(report, "table")
    items = agreement.review_items(project, doc, [A, B])
    seen["items"] = [(i.is_open, i.disagreement.kind,
                      [(s.start, s.end, s.label, s.annotator) for s in i.disagreement.spans]) for i in items]
    added = agreement.premerge(project, doc, [A, B], LEAD)
    seen["premerged"] = [(s.start, s.end, s.label, s.attributes) for s in added]
    open_items = [i for i in agreement.review_items(project, doc, [A, B]) if i.is_open]
    assert open_items, "the session must leave something to adjudicate"
    target = open_items[0]
    action = "take_a" if target.span_of(A) is not None else "take_b"
    stored = agreement.resolve(project, target.disagreement, action, LEAD)
    seen["resolved"] = (stored.start, stored.end, stored.label, stored.annotator, stored.provenance)
    seen["gold"] = [(s.start, s.end, s.label, s.provenance) for s in agreement.gold_layer(project, doc)]
    seen["scores"] = agreement.gold_scores(project, [A, B])
    seen["heat"] = agreement.section_heat(report, doc, section_store.get_sections(project, doc))
    seen["spans"] = _spans(project, doc)
    # every text export of everything
    exported = {}
    for fmt in exchange.EXPORT_FORMATS:
        if fmt == "xlsx":
            continue  # a zip with its own timestamps; its rows are the CSV's (tests/unit/test_exchange_tables)
        target_file = out / f"all.{fmt}"
        report = exchange.export_labels(project, target_file, fmt, per_annotator=True)
        exported[fmt] = (report.spans, sorted(p.name for p in report.files),
                         [_RANDOM.sub("·", p.read_text(encoding="utf-8")) for p in sorted(report.files)])
    seen["exports"] = exported
    seen["search"] = {q: [(h.document_id, h.position, h.snippet) for h in search.search(project, q)]
                      for q in ("高质量发展", "发展", "要", "GDP", "量子纠缠态", text[100:104])}
    # the trash: delete the second document, look, bring it back
    from annotator.storage.document_trash import trash_document  # noqa: PLC0415 - the GUI's delete command

    trash_document(project, docs[1], by=LEAD)
    entries = trash.list_trash(project)
    seen["trash"] = [(e.title, e.document_id) for e in entries]
    seen["restored"] = trash.restore(project, entries[0].id, by=LEAD)
    seen["after_restore"] = _spans(project, docs[1])
    seen["project_history"] = [(s.kind, s.action) for s in history.project_history(project, LEAD)]
    return seen


def test_a_working_session_ends_the_same_on_sqlite_and_postgresql(tmp_path, pg_project):
    assert len(SEEDS) >= 3, "the real speeches in /work/shared/seeds are missing"
    answers = {}
    for name, where in (("sqlite", tmp_path / "p.annotator.db"), ("postgresql", pg_project)):
        out = tmp_path / name
        out.mkdir()
        with open_project(where) as project:
            answers[name] = _session(project, out)
    lite, pg = answers["sqlite"], answers["postgresql"]
    # not a comparison of two empty sessions
    assert lite["suggested"] > 0 and lite["history_a"] and lite["history_b"] and lite["items"] and lite["gold"]
    assert all(spans > 0 for spans, _, _ in lite["exports"].values()) and lite["search"]["高质量发展"]
    assert lite["corrected"] != lite["undone"] and lite["trash"] and lite["after_restore"]
    differ = [key for key in lite if _plain(lite[key]) != _plain(pg[key])]
    for key in differ:  # the first difference of each, readable
        a, b = _plain(lite[key]), _plain(pg[key])
        at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        print(f"{key}: sqlite …{a[max(0, at - 80):at + 120]}\n{' ' * len(key)}  pg     …{b[max(0, at - 80):at + 120]}")
    assert differ == []


def test_services_refuse_the_same_things_on_both(project_at):
    """Bad asks are refused with the same words on both backends (conftest's ``backend`` runs it on each)."""
    with open_project(project_at("p.db")) as project:
        annotating.login(project, A)
        with pytest.raises(ValueError):
            suggesting.save_settings(project, threshold=1.5)
        with pytest.raises(ValueError, match="no annotator 无名"):
            agreement.agreement_report(project, [A, "无名"])
        with pytest.raises(ValueError, match="not in the trash"):
            trash.empty_trash(project, [999])
        with pytest.raises(ValueError):
            trash.restore(project, 999)
