"""Alignment: every disagreement class, one-to-one pairing, order, documents."""

from annotator.agreement import (
    ATTRIBUTE_MISMATCH, BOUNDARY_AND_LABEL_MISMATCH, BOUNDARY_MISMATCH, EXACT_MATCH, LABEL_MISMATCH,
    MISSING_IN_A, MISSING_IN_B, Disagreement, Match, align,
)
from annotator.domain.model import Span

# The constructed vector from ../shared/data/agreement_vectors.json, copied as a literal.
A = [(0, 10, "directive"), (12, 20, "statistic"), (25, 30, "directive"), (32, 36, "directive"),
     (40, 50, "statistic")]
B = [(0, 10, "directive"), (12, 18, "statistic"), (25, 30, "statistic"), (42, 50, "directive"),
     (52, 58, "directive")]


def _key(span):
    return None if span is None else (span.start, span.end, span.label)


def test_every_category_in_document_order():
    got = [(x.kind, _key(x.a), _key(x.b)) for x in align(A, B)]
    assert got == [
        (EXACT_MATCH, (0, 10, "directive"), (0, 10, "directive")),
        (BOUNDARY_MISMATCH, (12, 20, "statistic"), (12, 18, "statistic")),
        (LABEL_MISMATCH, (25, 30, "directive"), (25, 30, "statistic")),
        (MISSING_IN_B, (32, 36, "directive"), None),
        (BOUNDARY_AND_LABEL_MISMATCH, (40, 50, "statistic"), (42, 50, "directive")),
        (MISSING_IN_A, None, (52, 58, "directive")),
    ]
    assert isinstance(align(A, B)[0], Match)
    assert all(isinstance(x, Disagreement) for x in align(A, B)[1:])


def test_attribute_mismatch_on_exact_span():
    a = [Span(0, 5, "statistic", "ann1", attributes={"unit": "亿元"})]
    b = [Span(0, 5, "statistic", "ann2", attributes={"unit": "万元"})]
    (item,) = align(a, b)
    assert item.kind == ATTRIBUTE_MISMATCH
    (item,) = align(a, b, compare_attributes=False)
    assert item.kind == EXACT_MATCH


def test_same_label_preferred_over_larger_overlap():
    # A's directive overlaps B's statistic exactly and B's directive only partly:
    # the same label wins, and the statistic is left missing in A.
    a = [(10, 20, "directive")]
    b = [(10, 20, "statistic"), (15, 30, "directive")]
    got = [(x.kind, _key(x.a), _key(x.b)) for x in align(a, b)]
    # both entries start at 10 and their earliest end is 20: ties are broken by kind name
    assert got == [(BOUNDARY_MISMATCH, (10, 20, "directive"), (15, 30, "directive")),
                   (MISSING_IN_A, None, (10, 20, "statistic"))]


def test_one_to_one_larger_overlap_wins_and_leftover_is_missing():
    a = [(0, 10, "directive")]
    b = [(0, 3, "directive"), (2, 10, "directive")]
    got = [(x.kind, _key(x.a), _key(x.b)) for x in align(a, b)]
    assert got == [(MISSING_IN_A, None, (0, 3, "directive")),
                   (BOUNDARY_MISMATCH, (0, 10, "directive"), (2, 10, "directive"))]


def test_touching_spans_do_not_overlap_and_overlapping_labels_on_one_side():
    a = [(0, 5, "directive"), (0, 8, "statistic")]  # one annotator's spans overlap each other
    b = [(5, 9, "directive"), (0, 8, "statistic")]
    kinds = sorted(x.kind for x in align(a, b))
    assert kinds == sorted([EXACT_MATCH, MISSING_IN_B, MISSING_IN_A])


def test_documents_are_aligned_separately_and_ordered():
    a = [Span(0, 5, "directive", "x", document_id=2), Span(0, 5, "directive", "x", document_id=1)]
    b = [Span(0, 5, "statistic", "y", document_id=1)]
    got = [(x.document_id, x.kind) for x in align(a, b)]
    assert got == [(1, LABEL_MISMATCH), (2, MISSING_IN_B)]


def test_deterministic_regardless_of_input_order():
    import random
    rng = random.Random(3)
    a = [(s, s + rng.randint(1, 9), rng.choice("xy")) for s in range(0, 200, 7)]
    b = [(s + rng.randint(-2, 2), s + rng.randint(3, 9), rng.choice("xy")) for s in range(0, 200, 7)]
    b = [s for s in b if s[0] >= 0]
    first = [x.to_json() for x in align(a, b)]
    rng.shuffle(a)
    rng.shuffle(b)
    assert [x.to_json() for x in align(a, b)] == first
    # every span appears exactly once
    assert sum(1 for x in first if x["a"]) == len(a) and sum(1 for x in first if x["b"]) == len(b)
