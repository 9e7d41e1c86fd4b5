"""The agreement engine's two ways to count (engine.py's combinations of sub-layers, singles.py's
all-pairs arrays once no pair lists disagreements any more) give the same figures, with many
annotators (the grouped path: more than 4) as with few; and the project stream hands out its own rows
(storage/span_stream.StreamedSpan) while the report lists real Spans, on both backends.

Data: hypothesis-generated layers of 2–7 annotators — shared spans, moved ends, other labels, missing
spans, attributes, an annotator's own overlapping spans (which singles.py leaves to the combination
path), sections, documents some annotators never opened."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.agreement.project import project_agreement
from annotator.agreement.spans import compare, span_agreement
from annotator.domain.model import Span
from annotator.storage import documents as docs
from annotator.storage import open_project
from annotator.storage import spans as span_store
from annotator.storage.span_stream import StreamedSpan, accepted_by_document

LABELS = ("directive", "statistic")


@st.composite
def layers(draw):
    names = [f"a{i}" for i in range(draw(st.integers(2, 7)))]
    lengths = {d: draw(st.integers(10, 80)) for d in range(1, draw(st.integers(1, 4)) + 1)}
    spans = {n: [] for n in names}
    serial = 0
    for d, size in lengths.items():
        pool = [(s, min(size, s + draw(st.integers(1, 15))), draw(st.sampled_from(LABELS)))
                for s in draw(st.lists(st.integers(0, size - 1), max_size=6))]
        for n in names:
            for s, e, lab in pool:
                choice = draw(st.integers(0, 6))  # 0–2 shared, 3 moved end, 4 other label, 5 moved start, 6 none
                if choice == 6:
                    continue
                start = max(0, s - 1) if choice == 5 else s
                end = min(size, e + 1) if choice == 3 else e
                label = LABELS[1 - LABELS.index(lab)] if choice == 4 else lab
                if any((x.start, x.end, x.label) == (start, end, label) for x in spans[n] if x.document_id == d):
                    continue
                serial += 1
                attrs = {"level": draw(st.integers(0, 1))} if draw(st.integers(0, 3)) == 0 else {}
                spans[n].append(Span(start, end, label, n, attributes=attrs, id=f"s{serial}", document_id=d))
    worked = {n: {d for d in lengths if draw(st.integers(0, 4)) > 0 or any(x.document_id == d for x in spans[n])}
              for n in names}
    outline = {d: [(0, size // 2, "一、"), (size // 2, size, "二、"), (size // 2 + 1, size - 1, "二、 › （一）")]
               for d, size in lengths.items()}
    return names, spans, lengths, worked, outline


def _figures(result) -> dict:
    out = result.to_json()
    out.pop("disagreements")  # listed only while below the cap; counted in total and kinds either way
    out["notes"] = [n for n in out["notes"] if "disagreements; the first" not in n]
    out["pair_views"] = [{"label": {k: {m: c.to_json() for m, c in v.items()} for k, v in sorted(p.by_label.items())},
                          "doc": {str(k): {m: c.to_json() for m, c in v.items()} for k, v in p.by_document.items()},
                          "section": {str(k): {m: c.to_json() for m, c in v.items()}
                                      for k, v in sorted(p.by_section.items(), key=str)}}
                         for p in result.pairs]
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(layers())
def test_counting_without_lists_equals_counting_with_them(data):
    names, spans, lengths, worked, outline = data
    listed = span_agreement(spans, sections=outline, lengths=lengths, worked=worked)
    counted = span_agreement(spans, sections=outline, lengths=lengths, worked=worked, cap=0)
    assert counted.disagreements == []
    assert _figures(counted) == _figures(listed)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(layers())
def test_many_annotators_pair_by_pair_equal_compare(data):
    names, spans, lengths, worked, outline = data
    for cap in (None, 0):
        result = span_agreement(spans, sections=outline, lengths=lengths, worked=worked, cap=cap)
        for pair in result.pairs:
            shared = worked[pair.a] & worked[pair.b]
            alone = compare([s for s in spans[pair.a] if s.document_id in shared],
                            [s for s in spans[pair.b] if s.document_id in shared], sections=outline)
            assert {m: c.to_json() for m, c in pair.modes.items()} == {m: c.to_json() for m, c in alone.modes.items()}
            assert ({k: {m: c.to_json() for m, c in v.items()} for k, v in pair.by_label.items()}
                    == {k: {m: c.to_json() for m, c in v.items()} for k, v in alone.by_label.items()})
            assert ({k: {m: c.to_json() for m, c in v.items()} for k, v in pair.by_section.items()}
                    == {k: {m: c.to_json() for m, c in v.items()} for k, v in alone.by_section.items()})


def test_stream_rows_and_listed_spans_on_both_backends(project_at):
    with open_project(project_at("stream.db")) as project:
        doc_id, _ = docs.add_document(project, clean_text="一二三四五六七八九十" * 3, raw_text="x", title="t")
        span_store.add_spans(project, [Span(0, 4, "directive", "甲", document_id=doc_id),
                                       Span(6, 9, "statistic", "甲", attributes={"unit": "亿元"}, document_id=doc_id),
                                       Span(0, 5, "directive", "乙", document_id=doc_id)])
        for who in ("甲", "乙"):
            docs.set_status(project, doc_id, who, "done")
        streamed = list(accepted_by_document(project, ["甲", "乙"]))
        assert [d for d, _ in streamed] == [doc_id]
        rows = streamed[0][1]
        assert all(isinstance(r, StreamedSpan) for r in rows)
        assert [(r.annotator, r.start, r.end, r.label, r.attributes) for r in rows] == [
            ("乙", 0, 5, "directive", {}), ("甲", 0, 4, "directive", {}), ("甲", 6, 9, "statistic", {"unit": "亿元"})]
        assert rows[2].as_span() == Span(6, 9, "statistic", "甲", attributes={"unit": "亿元"}, id=rows[2].id,
                                         document_id=doc_id)
        result = project_agreement(project, ["甲", "乙"])
        assert result.disagreements and all(type(s) is Span for d in result.disagreements for s in d.item.spans)
        assert result.disagreement_total == 2  # the boundary mismatch, 甲's statistic missing in 乙
