"""Gold pre-merge, resolution operations with provenance, scoring against gold."""

import pytest

from annotator.agreement import (
    ATTRIBUTE_MISMATCH, BOUNDARY_MISMATCH, GOLD_ANNOTATOR, LABEL_MISMATCH, MISSING_IN_A,
    MISSING_IN_SOME, add, edit, premerge_gold, reject, relabel, score_against_gold, span_agreement,
    take_a, take_b,
)
from annotator.domain.model import Span, SpanStatus

WHEN = "2024-05-01T10:00:00+00:00"


def S(start, end, label, who, doc=1, **kw):
    return Span(start, end, label, who, document_id=doc, **kw)


def two():
    a = [S(0, 5, "directive", "li", id="a1"), S(10, 20, "statistic", "li", attributes={"unit": "%"}, id="a2"),
         S(30, 40, "directive", "li", id="a3"), S(50, 55, "statistic", "li", id="a4")]
    b = [S(0, 5, "directive", "wang", id="b1"), S(10, 20, "statistic", "wang", attributes={"unit": "亿元"}, id="b2"),
         S(30, 38, "directive", "wang", id="b3"), S(50, 55, "directive", "wang", id="b4"),
         S(60, 70, "directive", "wang", id="b5")]
    return {"li": a, "wang": b}


def test_premerge_two_annotators():
    res = premerge_gold(two(), when=WHEN)
    assert [(g.start, g.end, g.label) for g in res.gold] == [(0, 5, "directive")]
    g = res.gold[0]
    assert g.status == SpanStatus.GOLD and g.annotator == GOLD_ANNOTATOR
    assert g.provenance["method"] == "premerge" and g.provenance["agreed_by"] == ["li", "wang"]
    assert [f["id"] for f in g.provenance["from"]] == ["a1", "b1"]
    assert [d.kind for d in res.disagreements] == [ATTRIBUTE_MISMATCH, BOUNDARY_MISMATCH, LABEL_MISMATCH,
                                                   MISSING_IN_A]


def test_premerge_ignoring_attributes_merges_attribute_mismatch():
    res = premerge_gold(two(), compare_attributes=False, when=WHEN)
    assert len(res.gold) == 2 and res.gold[1].attributes == {"unit": "%"}  # first annotator's values


def test_premerge_three_annotators_clusters():
    spans = {"a": [S(0, 5, "d", "a"), S(10, 15, "d", "a")],
             "b": [S(0, 5, "d", "b"), S(10, 16, "d", "b")],
             "c": [S(0, 5, "d", "c")]}
    res = premerge_gold(spans, when=WHEN)
    assert [(g.start, g.end) for g in res.gold] == [(0, 5)]
    (d,) = res.disagreements
    assert d.kind == MISSING_IN_SOME and len(d.spans) == 2
    spans["c"].append(S(10, 14, "d", "c"))
    (d,) = premerge_gold(spans, when=WHEN).disagreements
    assert d.kind == BOUNDARY_MISMATCH and len(d.extra) == 1


def test_duplicates_merge_once_per_agreeing_copy():
    spans = {"a": [S(0, 5, "d", "a"), S(0, 5, "d", "a")], "b": [S(0, 5, "d", "b")]}
    res = premerge_gold(spans, when=WHEN)
    assert len(res.gold) == 1 and [d.kind for d in res.disagreements] == ["missing_in_B"]  # a has the extra copy


def test_resolutions_carry_provenance():
    d_attr, d_bound, d_label, d_missing = premerge_gold(two(), when=WHEN).disagreements
    g = take_b(d_attr, adjudicator="zhao", when=WHEN)
    assert g.attributes == {"unit": "亿元"} and g.provenance["chosen"] == "wang"
    assert g.provenance["adjudicated_by"] == "zhao" and g.provenance["adjudicated_at"] == WHEN
    assert g.provenance["disagreement"] == ATTRIBUTE_MISMATCH
    assert [f["id"] for f in g.provenance["from"]] == ["a2", "b2"]
    g = take_a(d_bound, adjudicator="zhao", when=WHEN)
    assert (g.start, g.end, g.status) == (30, 40, SpanStatus.GOLD)
    g = edit(d_bound, start=31, end=39, adjudicator="zhao", when=WHEN)
    assert (g.start, g.end, g.label, g.provenance["method"]) == (31, 39, "directive", "edit")
    g = relabel(d_label, "statistic", base="b", adjudicator="zhao", when=WHEN)
    assert (g.label, g.provenance["chosen"]) == ("statistic", "wang")
    with pytest.raises(ValueError):
        take_a(d_missing, adjudicator="zhao")
    r = reject(d_missing, adjudicator="zhao", when=WHEN)
    assert r.status == SpanStatus.REJECTED and r.provenance["method"] == "reject"
    n = add(1, 80, 90, "directive", adjudicator="zhao", when=WHEN)
    assert n.provenance == {"method": "add", "adjudicated_by": "zhao", "adjudicated_at": WHEN}
    with pytest.raises(ValueError):
        edit(d_bound, start=5, end=5, adjudicator="zhao")
    assert take_a(d_bound, adjudicator="zhao").provenance["adjudicated_at"]  # defaults to now


def test_score_against_gold_and_gold_is_not_an_annotator():
    spans = two()
    gold = premerge_gold(spans, when=WHEN).gold + [
        Span(30, 40, "directive", GOLD_ANNOTATOR, status=SpanStatus.GOLD, document_id=1),
        Span(60, 70, "directive", GOLD_ANNOTATOR, status=SpanStatus.REJECTED, document_id=1)]
    scores = score_against_gold(spans, gold)
    li = scores["li"].strict
    assert (li.tp, li.fp, li.fn) == (2, 2, 0)
    wang = scores["wang"]
    assert (wang.strict.tp, wang.strict.fp, wang.strict.fn) == (1, 4, 1)
    assert wang.relaxed.tp == 2
    with pytest.raises(ValueError):
        span_agreement({"li": spans["li"], "gold": gold})
