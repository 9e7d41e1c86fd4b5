"""Span P/R/F1 by mode, label, document and section; hand-computed cases; speed."""

import time
import random

import pytest

from annotator.agreement import SectionIndex, span_agreement
from annotator.domain.model import Span, SpanStatus


def S(start, end, label, who, doc=None, **kw):
    return Span(start, end, label, who, document_id=doc, **kw)


def test_constructed_example_literal():
    # copied from the constructed record of agreement_vectors.json
    a = [(0, 10, "directive"), (12, 20, "statistic"), (25, 30, "directive"), (32, 36, "directive"),
         (40, 50, "statistic")]
    b = [(0, 10, "directive"), (12, 18, "statistic"), (25, 30, "statistic"), (42, 50, "directive"),
         (52, 58, "directive")]
    res = span_agreement({"A": a, "B": b}, lengths={None: 60})
    o = res.overall
    assert (o["strict"].f1, o["relaxed"].f1, o["boundary"].f1, o["overlap"].f1) == pytest.approx(
        (0.2, 0.4, 0.4, 0.8))
    assert res.by_label["directive"]["strict"].f1 == pytest.approx(1 / 3)
    assert res.char_kappa.kappa == pytest.approx(0.31674398987768865)
    assert "inflated" in res.char_kappa.caveat


def test_overlapping_spans_of_different_labels_hand_computed():
    # A: a directive containing a statistic; B: same directive, statistic shifted by one.
    a = [S(0, 20, "directive", "A"), S(5, 9, "statistic", "A")]
    b = [S(0, 20, "directive", "B"), S(6, 9, "statistic", "B"), S(30, 35, "statistic", "B")]
    res = span_agreement({"A": a, "B": b})
    strict = res.pairs[0].modes["strict"]
    assert (strict.tp, strict.fn, strict.fp) == (1, 1, 2)
    assert strict.precision == pytest.approx(1 / 3) and strict.recall == pytest.approx(1 / 2)
    assert strict.f1 == pytest.approx(2 * 1 / (2 * 1 + 1 + 2))
    relaxed = res.pairs[0].modes["relaxed"]
    assert (relaxed.tp, relaxed.fn, relaxed.fp) == (2, 0, 1)
    assert relaxed.f1 == pytest.approx(4 / 5)
    assert res.by_label["statistic"]["strict"].f1 == pytest.approx(0.0)
    assert res.by_label["statistic"]["relaxed"].f1 == pytest.approx(2 / 3)
    assert res.by_label["directive"]["strict"].f1 == pytest.approx(1.0)


def test_relaxed_is_one_to_one():
    a = [S(0, 20, "directive", "A")]
    b = [S(0, 8, "directive", "B"), S(10, 20, "directive", "B")]
    c = span_agreement({"A": a, "B": b}).pairs[0].modes["relaxed"]
    assert (c.tp, c.fn, c.fp) == (1, 0, 1)


def test_three_annotators_mean_over_pairs():
    a = [S(0, 5, "d", "A"), S(10, 15, "d", "A")]
    b = [S(0, 5, "d", "B"), S(10, 15, "d", "B")]
    c = [S(0, 5, "d", "C")]
    res = span_agreement({"A": a, "B": b, "C": c})
    assert [(p.a, p.b) for p in res.pairs] == [("A", "B"), ("A", "C"), ("B", "C")]
    # pair F1s: 1, 2/3, 2/3
    assert res.overall["strict"].f1 == pytest.approx((1 + 2 / 3 + 2 / 3) / 3)
    assert res.overall["strict"].totals.tp == 4


def test_undefined_is_none_not_zero():
    res = span_agreement({"A": [S(0, 5, "d", "A")], "B": [S(0, 5, "d", "B")]}, label="statistic")
    assert res.overall["strict"].f1 is None
    # B worked on the document and found nothing: a real 0; B never opened it: no figures at all.
    assert span_agreement({"A": [S(0, 5, "d", "A")], "B": []}, worked={"B": [None]}).overall["strict"].f1 == 0.0
    assert span_agreement({"A": [S(0, 5, "d", "A")], "B": []}).overall["strict"].f1 is None


def test_per_document_and_per_section_with_innermost_section():
    outline = [(0, 100, "一、总体要求"), (10, 50, "一、总体要求/（一）"), (50, 100, "一、总体要求/（二）")]
    a = [S(12, 20, "d", "A", 1), S(60, 70, "d", "A", 1), S(2, 6, "s", "A", 1), S(0, 4, "d", "A", 2)]
    b = [S(12, 20, "d", "B", 1), S(61, 70, "d", "B", 1), S(0, 4, "d", "B", 2)]
    res = span_agreement({"A": a, "B": b}, sections={1: outline})
    sec = res.by_section
    assert sec[(1, "一、总体要求/（一）")]["strict"].f1 == 1.0
    assert sec[(1, "一、总体要求/（二）")]["strict"].f1 == 0.0
    assert sec[(1, "一、总体要求/（二）")]["relaxed"].f1 == 1.0
    assert sec[(1, "一、总体要求")]["strict"].totals.fn == 1  # the statistic at 2 is in the parent only
    assert res.by_document[2]["strict"].f1 == 1.0
    assert res.by_document[1]["strict"].f1 == pytest.approx(2 / 5)
    assert all(k[0] == 1 for k in sec)  # document 2 had no outline


def test_section_index_innermost_and_outside():
    idx = SectionIndex([(5, 50, "a"), (10, 20, "a/b"), (10, 15, "a/b/c")])
    assert [idx.path_at(p) for p in (0, 5, 10, 14, 15, 20, 49, 50)] == [
        "", "a", "a/b/c", "a/b/c", "a/b", "a", "a", ""]


def test_status_rules_and_gold_refused():
    a = [S(0, 5, "d", "A"), S(8, 9, "d", "A", status=SpanStatus.SUGGESTED)]
    b = [S(0, 5, "d", "B"), S(8, 9, "d", "B", status=SpanStatus.REJECTED)]
    assert span_agreement({"A": a, "B": b}).overall["strict"].f1 == 1.0
    with pytest.raises(ValueError):
        span_agreement({"A": a, "gold": [S(0, 5, "d", "gold", status=SpanStatus.GOLD)]})


def test_disagreements_carry_text_and_json_roundtrip():
    import json
    text = "要坚持稳中求进，全年增长5.2%。"
    res = span_agreement({"A": [S(0, 7, "directive", "A", 1)], "B": [S(0, 6, "directive", "B", 1)]},
                         texts={1: text})
    (d,) = res.disagreements
    assert (d.text_a, d.text_b) == (text[0:7], text[0:6])
    data = json.loads(json.dumps(res.to_json(), ensure_ascii=False))
    assert data["overall"]["strict"]["f1"] == 0.0 and data["disagreements"][0]["kind"] == "boundary_mismatch"
    assert data["u_alpha"] is not None


def _corpus(ndocs=1000, per=30, length=3000, seed=11):
    rng = random.Random(seed)
    out = {n: [] for n in "ABC"}
    for d in range(ndocs):
        pos = 0
        for _ in range(per):
            s = pos + rng.randint(4, 40)
            e = s + rng.randint(5, 50)
            pos = e
            label = rng.choice(["directive", "statistic"])
            for n in "ABC":
                r = rng.random()
                if r < 0.1:
                    continue
                shift = rng.randint(-3, 3) if r < 0.2 else 0
                lab = ({"directive": "statistic", "statistic": "directive"}[label] if r < 0.25 else label)
                out[n].append(Span(s + shift, e, lab, n, document_id=d))
    outline = [(0, length, "一、"), (0, length // 2, "一、/（一）"), (length // 2, length, "一、/（二）")]
    return out, {d: outline for d in range(ndocs)}, {d: length for d in range(ndocs)}


def test_1000_documents_3_annotators():  # the time budget is in annotator.bench
    spans, sections, lengths = _corpus()
    res = span_agreement(spans, sections=sections, lengths=lengths)
    assert len(res.by_document) == 1000 and res.char_kappa is not None
    assert 0.5 < res.overall["strict"].f1 < 0.9
