"""Agreement over a stored project, gold pre-merge and resolutions written through storage, the CLI verb."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from click.testing import CliRunner

from annotator.agreement import project as ap
from annotator.agreement.align import BOUNDARY_MISMATCH, LABEL_MISMATCH, MISSING_IN_A, MISSING_IN_B
from annotator.domain.model import Section, Span, SpanStatus
from annotator.storage import documents as docs
from annotator.storage import open_project
from annotator.storage import spans as span_store
from annotator.storage.labels import GOLD

TEXT = ("一、总体要求\n各级党委要切实加强领导。全县地区生产总值实现60.6亿元，增长5.2%。\n"
        "二、重点任务\n要坚决打好污染防治攻坚战。粮食产量达到120万吨。要扎实推进乡村振兴。\n")
S2 = TEXT.index("二、")


def _sections():
    return [Section(level=1, marker="一、", title="总体要求", start=0, end=S2, title_start=2, title_end=6),
            Section(level=1, marker="二、", title="重点任务", start=S2, end=len(TEXT), title_start=S2 + 2,
                    title_end=S2 + 6)]


def at(fragment: str, label: str, who: str, doc: int) -> Span:
    start = TEXT.index(fragment)
    return Span(start, start + len(fragment), label, who, document_id=doc)


@pytest.fixture
def proj(tmp_path, project_at):
    p = open_project(project_at("p.db"))
    doc, _ = docs.add_document(p, clean_text=TEXT, raw_text=TEXT, title="讲话", sections=_sections())
    li = [at("各级党委要切实加强领导", "directive", "li", doc),          # agreed
          at("全县地区生产总值实现60.6亿元", "statistic", "li", doc),    # boundary mismatch
          at("要坚决打好污染防治攻坚战", "directive", "li", doc),        # agreed
          at("粮食产量达到120万吨", "statistic", "li", doc)]            # label mismatch
    wang = [at("各级党委要切实加强领导", "directive", "wang", doc),
            at("全县地区生产总值实现60.6亿元，增长5.2%", "statistic", "wang", doc),
            at("要坚决打好污染防治攻坚战", "directive", "wang", doc),
            at("粮食产量达到120万吨", "directive", "wang", doc),
            at("要扎实推进乡村振兴", "directive", "wang", doc)]        # missing in li
    for s in li + wang:
        span_store.add_span(p, s)
    # Suggestions and rejections are nobody's judgement: they must not count.
    span_store.add_span(p, replace(at("增长5.2%", "statistic", "@suggester", doc), status=SpanStatus.SUGGESTED))
    p.doc = doc
    yield p
    p.close()


def test_project_agreement_uses_accepted_spans_and_reference_sections(proj):
    result = ap.project_agreement(proj)
    assert result.annotators == ["li", "wang"]
    assert result.span_counts == {"li": 4, "wang": 5}
    strict = result.overall["strict"].totals
    assert (strict.tp, strict.fn, strict.fp) == (2, 2, 3)
    sections = {k[1] for k in result.by_section}
    assert sections == {"一、总体要求", "二、重点任务"}
    heat = ap.section_heat(result, proj.doc, _sections())
    assert heat[0] == pytest.approx(2 * 1 / (2 * 1 + 1 + 1))  # 1 agreed, 1 each side unmatched
    assert heat[1] == pytest.approx(2 * 1 / (2 * 1 + 1 + 2))


def test_section_heat_pools_children(proj):
    secs = _sections()
    secs.append(Section(level=2, marker="（一）", title="x", start=S2 + 7, end=len(TEXT), parent=1))
    result = ap.project_agreement(proj, ["li", "wang"])
    outline = {k[1] for k in result.by_section}
    assert "二、重点任务" in outline
    heat = ap.section_heat(result, proj.doc, secs)
    assert heat[1] is not None and heat[2] is None  # child not in stored outline: no counts of its own


def test_premerge_writes_gold_with_provenance_and_is_idempotent(proj):
    open_items = ap.premerge_document(proj, proj.doc, ["li", "wang"], "zhao", when="2024-05-01T00:00:00+00:00")
    assert [d.kind for d in open_items] == [BOUNDARY_MISMATCH, LABEL_MISMATCH, MISSING_IN_A]
    gold = ap.gold_layer(proj, proj.doc)
    assert len(gold) == 2 and all(g.annotator == GOLD and g.status == SpanStatus.GOLD for g in gold)
    prov = gold[0].provenance
    assert prov["method"] == "premerge" and prov["agreed_by"] == ["li", "wang"]
    assert prov["adjudicator"] == "zhao" and prov["at"] == "2024-05-01T00:00:00+00:00"
    assert [o["annotator"] for o in prov["from"]] == ["li", "wang"]
    again = ap.premerge_document(proj, proj.doc, ["li", "wang"], "zhao")
    assert len(again) == 3 and len(ap.gold_layer(proj, proj.doc)) == 2


def test_resolutions_store_gold_and_close_disagreements(proj):
    items = ap.premerge_document(proj, proj.doc, ["li", "wang"], "zhao")
    boundary, label, missing = items
    row = ap.resolve(proj, boundary, "take_b", "zhao")
    assert (row.start, row.end) == (boundary.b.start, boundary.b.end)
    stored = span_store.get_span(proj, row.id)
    assert stored.annotator == GOLD and stored.provenance["method"] == "take"
    assert stored.provenance["chosen"] == "wang" and stored.provenance["adjudicator"] == "zhao"
    relabelled = ap.resolve(proj, label, "relabel", "zhao", label="statistic")
    assert relabelled.label == "statistic" and relabelled.provenance["method"] == "relabel"
    rejected = ap.resolve(proj, missing, "reject", "zhao")
    assert rejected.status == SpanStatus.REJECTED
    assert ap.premerge_document(proj, proj.doc, ["li", "wang"], "zhao") == []
    ap.remove_gold(proj, [rejected], by="zhao")  # undo reopens the disagreement
    (left,) = [i for i in ap.review_items(proj, proj.doc, ["li", "wang"]) if i.is_open]
    assert left.disagreement.kind == MISSING_IN_A
    ap.restore_gold(proj, [rejected])
    assert span_store.get_span(proj, rejected.id).status == SpanStatus.REJECTED


def test_edit_and_add(proj):
    boundary = ap.premerge_document(proj, proj.doc, ["li", "wang"], "zhao")[0]
    row = ap.resolve(proj, boundary, "edit", "zhao", start=boundary.start, end=boundary.start + 4)
    assert row.end - row.start == 4 and row.label == "statistic" and row.provenance["method"] == "edit"
    added = ap.resolve(proj, None, "add", "zhao", document_id=proj.doc, start=0, end=2, label="directive")
    assert added.provenance["method"] == "add"
    with pytest.raises(span_store.DuplicateSpan):
        ap.resolve(proj, None, "add", "zhao", document_id=proj.doc, start=0, end=2, label="directive")
    with pytest.raises(ValueError):
        ap.resolve(proj, boundary, "frobnicate", "zhao")


def test_bulk_plan_accept_and_reject_in_section(proj):
    ap.premerge_document(proj, proj.doc, ["li", "wang"], "zhao")
    items = ap.review_items(proj, proj.doc, ["li", "wang"])
    secs = _sections()
    assert [i.section for i in items] == [0, 1, 1]
    plan = ap.bulk_plan(items, "wang", 1, accept=True, sections=secs)
    assert len(plan) == 2 and all(p[1] == "take" for p in plan)
    rows = ap.resolve_many(proj, plan, "zhao")
    assert {r.provenance["chosen"] for r in rows} == {"wang"}
    items = ap.review_items(proj, proj.doc, ["li", "wang"])
    assert [i.is_open for i in items] == [True, False, False]
    # li's extra spans only: the boundary mismatch also involves wang, so it stays open
    assert ap.bulk_plan(items, "li", 0, accept=False, sections=secs) == []


def test_reject_all_only_sole_spans(proj):
    ap.premerge_document(proj, proj.doc, ["li", "wang"], "zhao")
    items = ap.review_items(proj, proj.doc, ["li", "wang"])
    plan = ap.bulk_plan(items, "wang", None, accept=False)
    assert [p[0].kind for p in plan] == [MISSING_IN_A] and plan[0][1] == "reject"


def test_gold_scores_only_adjudicated_documents(proj):
    other, _ = docs.add_document(proj, clean_text="另一篇讲话。", raw_text="另一篇讲话。")
    span_store.add_span(proj, Span(0, 3, "directive", "li", document_id=other))
    before = ap.gold_scores(proj, ["li", "wang"])  # no gold anywhere yet: nothing to score against
    assert before["li"].strict.tp == before["li"].strict.fp == 0
    items = ap.premerge_document(proj, proj.doc, ["li", "wang"], "zhao")
    for d in items:
        ap.resolve(proj, d, "take_b", "zhao")
    scores = ap.gold_scores(proj, ["li", "wang"])
    assert scores["wang"].strict.f1 == 1.0
    assert scores["li"].strict.tp == 2 and scores["li"].strict.fp == 2  # the other document is not counted


def test_missing_in_b_and_three_annotators(proj):
    span_store.add_span(proj, at("二、重点任务", "directive", "li", proj.doc))
    span_store.add_span(proj, at("各级党委要切实加强领导", "directive", "chen", proj.doc))
    kinds = [d.kind for d in ap.premerge_document(proj, proj.doc, ["li", "wang"], "zhao")]
    assert MISSING_IN_B in kinds
    three = ap.premerge_document(proj, proj.doc, ["li", "wang", "chen"], "zhao")
    assert three and all(d.kind for d in three)


# --- the CLI verb --------------------------------------------------------------------------------


def _cli():
    import click

    from annotator.cli.agreement import register

    group = click.Group()
    register(group)
    return group


def test_cli_table_json_html(proj, tmp_path):
    path = str(proj.path)
    runner = CliRunner()
    out = runner.invoke(_cli(), ["agreement", path])
    assert out.exit_code == 0, out.output
    assert "Annotators: li, wang" in out.output and "二、重点任务" in out.output
    out = runner.invoke(_cli(), ["agreement", path, "--format", "json", "--label", "directive"])
    data = json.loads(out.output)
    assert data["annotators"] == ["li", "wang"] and set(data["by_label"]) == {"directive"}
    target = tmp_path / "r.html"
    out = runner.invoke(_cli(), ["agreement", path, "--annotators", "li,wang", "--format", "html", "-o", str(target)])
    assert out.exit_code == 0 and target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_cli_errors(proj):
    runner = CliRunner()
    path = str(proj.path)
    assert "at least two" in runner.invoke(_cli(), ["agreement", path, "--annotators", "li"]).output
    assert "no annotator nobody" in runner.invoke(_cli(), ["agreement", path, "--annotators", "li,nobody"]).output
    assert "no label" in runner.invoke(_cli(), ["agreement", path, "--label", "x"]).output


def test_cli_verb_does_not_import_qt():
    import subprocess
    import sys

    code = ("import sys, annotator.cli.agreement, annotator.services.agreement; "
            "assert not any(m.startswith('PySide6') for m in sys.modules)")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_cli_documents_option_and_shared_document_notes(proj):
    doc2, _ = docs.add_document(proj, clean_text="第二篇：要加强安全生产。", raw_text="x", title="第二篇")
    span_store.add_span(proj, Span(4, 11, "directive", "li", document_id=doc2))  # wang never opened it
    runner = CliRunner()
    out = runner.invoke(_cli(), ["agreement", str(proj.path)])
    assert out.exit_code == 0 and f"left out 1 only one of them worked on: document {doc2} (第二篇)" in out.output
    out = runner.invoke(_cli(), ["agreement", str(proj.path), "--documents", str(proj.doc)])
    assert out.exit_code == 0 and "left out" not in out.output
    assert "document ids" in runner.invoke(_cli(), ["agreement", str(proj.path), "--documents", "x"]).output
