"""Agreement a lead can rely on: pairs scored on shared documents only, uα per label with notes that
name the document and offset, maximum one-to-one matching, sections in document order, per-category α
undefined (not 1.0) for unused categories."""

from __future__ import annotations

import random

import pytest

from annotator.agreement.align import maximum_pairs, overlap_candidates
from annotator.agreement.coefficients import alpha_details
from annotator.agreement.report import render_table
from annotator.agreement.spans import span_agreement
from annotator.domain.model import Span


def S(start, end, label, who, doc=1, status="accepted"):
    return Span(start, end, label, who, document_id=doc, status=status)


def test_a_document_one_annotator_never_touched_is_not_the_others_miss():
    a = [S(0, 4, "d", "A", 1), S(10, 14, "d", "A", 1), S(0, 4, "d", "A", 2), S(6, 9, "s", "A", 2)]
    b = [S(0, 4, "d", "B", 1), S(10, 13, "d", "B", 1)]
    res = span_agreement({"A": a, "B": b}, document_names={1: "县委讲话", 2: "报告"})
    assert res.overall["strict"].totals.fn == 1 and res.overall["strict"].f1 == pytest.approx(0.5)
    assert res.shared_documents[("A", "B")] == {1}
    assert any("left out 1 only one of them worked on: document 2 (报告)" in n for n in res.notes)


def test_a_pair_with_no_shared_document_has_no_figures():
    res = span_agreement({"A": [S(0, 4, "d", "A", 1)], "B": [S(0, 4, "d", "B", 2)], "C": [S(0, 4, "d", "C", 1)]})
    pairs = {(p.a, p.b): p for p in res.pairs}
    assert pairs[("A", "B")].modes["strict"].f1 is None
    assert pairs[("A", "C")].modes["strict"].f1 == 1.0
    assert any("A / B: no document both worked on" in n for n in res.notes)
    assert "n/a" in render_table(res)


def test_a_chosen_worked_set_and_rejections_count_as_worked_on():
    a = [S(0, 4, "d", "A", 1), S(0, 4, "d", "A", 2)]
    b = [S(0, 4, "d", "B", 1), S(5, 8, "d", "B", 2, status="rejected")]
    res = span_agreement({"A": a, "B": b})
    assert res.shared_documents[("A", "B")] == {1, 2}  # B rejected a suggestion in 2: B looked
    assert res.overall["strict"].totals.fn == 1
    res = span_agreement({"A": a, "B": b[:1]}, worked={"B": {1, 2}})
    assert res.overall["strict"].totals.fn == 1


def test_u_alpha_per_label_with_overlapping_labels_and_a_note_that_names_the_document():
    text = {1: "x" * 40, 2: "y" * 30}
    a = [S(0, 10, "d", "A", 1), S(5, 15, "s", "A", 1), S(0, 5, "d", "A", 2)]
    b = [S(0, 10, "d", "B", 1), S(5, 15, "s", "B", 1), S(0, 5, "d", "B", 2), S(3, 8, "d", "B", 2)]
    res = span_agreement({"A": a, "B": b}, texts=text, document_names={1: "一号", 2: "二号"})
    assert res.u_alpha is None
    assert res.u_alpha_by_label["s"] == pytest.approx(1.0)
    assert res.u_alpha_by_label["d"] is None
    assert any("B has two overlapping 'd' spans in document 2 (二号) at offset 3" in n for n in res.notes), res.notes
    assert any("u-alpha over all labels not computed" in n and "document 1 (一号) at offset 5" in n for n in res.notes)


def test_relaxed_matching_is_maximum():
    a = [S(1, 4, "d", "A"), S(4, 5, "d", "A")]
    b = [S(0, 2, "d", "B"), S(2, 5, "d", "B")]
    res = span_agreement({"A": a, "B": b})
    assert res.overall["relaxed"].f1 == 1.0 and res.overall["overlap"].f1 == 1.0


def _brute_force_size(a, b, cands):
    best = 0
    edges = list(cands)

    def go(k, used_a, used_b, size):
        nonlocal best
        best = max(best, size)
        if size + (len(edges) - k) <= best:
            return
        for idx in range(k, len(edges)):
            i, j = edges[idx]
            if i not in used_a and j not in used_b:
                go(idx + 1, used_a | {i}, used_b | {j}, size + 1)

    go(0, frozenset(), frozenset(), 0)
    return best


def test_maximum_pairs_matches_brute_force_on_random_spans():
    rng = random.Random(14)
    for _ in range(300):
        def spans(who):
            out = []
            for _ in range(rng.randint(0, 6)):
                s = rng.randint(0, 20)
                out.append(S(s, s + rng.randint(1, 6), rng.choice("dd s"), who))
            return sorted(out, key=lambda x: (x.start, x.end))
        a, b = spans("A"), spans("B")
        cands = overlap_candidates(a, b)
        pairs = maximum_pairs(a, b, cands)
        assert len({i for i, _ in pairs}) == len({j for _, j in pairs}) == len(pairs)
        assert all((i, j) in set(cands) for i, j in pairs)
        assert len(pairs) == _brute_force_size(a, b, cands)


def test_sections_in_document_order_and_documents_numerically():
    outline = [(0, 10, "第一部分"), (10, 20, "第二部分"), (20, 30, "第三部分")]
    spans = {n: [S(1, 3, "d", n, 1), S(11, 13, "d", n, 1), S(21, 23, "d", n, 1), S(1, 3, "d", n, 10),
                 S(1, 3, "d", n, 2)] for n in "AB"}
    res = span_agreement(spans, sections={1: outline, 2: outline, 10: outline})
    keys = list(res.by_section)
    assert keys[:3] == [(1, "第一部分"), (1, "第二部分"), (1, "第三部分")]
    assert [k[0] for k in keys] == [1, 1, 1, 2, 10]
    assert list(res.by_document) == [1, 2, 10]


def test_long_section_paths_fit_the_table():
    path = "一、" + "坚持以人民为中心的发展思想" * 5
    spans = {n: [S(1, 3, "d", n, 1)] for n in "AB"}
    table = render_table(span_agreement(spans, sections={1: [(0, 10, path)]}))
    assert path not in table and max(len(line) for line in table.splitlines()) < 160


def test_per_category_is_none_for_a_category_nobody_used():
    per = alpha_details([["a", "a", "b", "a"], ["a", "b", "b", "a"]], categories=["a", "b", "c"]).per_category()
    assert per["c"] is None and per["a"] is not None and per["a"] < 1.0
    assert alpha_details([["a", "a"], ["a", "a"]]).per_category() == {"a": None}  # no variation: undefined


def test_project_agreement_uses_document_status_and_names_left_out_documents(tmp_path, project_at):
    from annotator.agreement.project import project_agreement
    from annotator.storage import documents as docs
    from annotator.storage import open_project
    from annotator.storage import spans as span_store

    with open_project(project_at("p.db")) as project:
        ids = [docs.add_document(project, clean_text=f"第{i}篇：要加强安全生产。", raw_text="x", title=f"讲话{i}")[0]
               for i in range(3)]
        for who in "AB":
            span_store.add_span(project, S(4, 11, "directive", who, ids[0]))
        span_store.add_span(project, S(4, 11, "directive", "A", ids[1]))  # B never opened document 2
        span_store.add_span(project, S(4, 11, "directive", "A", ids[2]))
        docs.set_status(project, ids[2], "B", "done")  # B read document 3 and found nothing
        res = project_agreement(project, ["A", "B"])
        assert res.shared_documents[("A", "B")] == {ids[0], ids[2]}
        assert res.overall["strict"].totals.fn == 1 and res.overall["strict"].totals.tp == 1
        assert any(f"document {ids[1]} (讲话1)" in n for n in res.notes)
