"""A sample project for the exchange tests (imported by the other test_exchange_* modules).

Two documents with astral characters (𠮷, emoji), a three-level outline, overlapping spans of
different labels, two annotators, gold, a suggestion and a rejection.
"""

from __future__ import annotations

from annotator.domain.model import Section, Span, SpanStatus, Suggestion
from annotator.storage import documents as docs
from annotator.storage import open_project, spans
from annotator.storage.labels import GOLD

TEXT = (
    "同志们：\n"
    "一、加强党的领导\n"
    "各级工会要切实加强𠮷职工😀权益维护。全县地区生产总值实现60.6亿元，增长5.2%。\n"
    "（一）抓好落实\n"
    "一要抓好春耕生产，粮食产量下降-3.2%。\n"
    "二、其他工作\n"
    "要坚持👨‍👩‍👧问题导向。完。"
)
TEXT2 = "第二篇讲话😀。要加强安全生产，全年事故下降12%。"


def at(text: str, piece: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(piece, start + 1)
    return start, start + len(piece)


def outline(text: str = TEXT) -> list[Section]:
    one, two = text.index("一、"), text.index("二、")
    sub, item = text.index("（一）"), text.index("一要")
    return [
        Section(level=1, marker="一、", title="加强党的领导", start=one, end=two, title_start=one + 2,
                title_end=one + 8, kind="cn-dun", ordinal=1),
        Section(level=2, marker="（一）", title="抓好落实", start=sub, end=two, parent=0, kind="cn-paren", ordinal=1),
        Section(level=3, marker="一要", title="抓好春耕生产", start=item, end=two, parent=1, kind="yi-yao",
                ordinal=1, confidence=0.8, source="manual"),
        Section(level=1, marker="二、", title="其他工作", start=two, end=len(text), kind="cn-dun", ordinal=2),
    ]


def span(doc_id: int, text: str, piece: str, label: str, annotator: str, **kw) -> Span:
    start, end = at(text, piece)
    status = SpanStatus.GOLD if annotator == GOLD else kw.pop("status", SpanStatus.ACCEPTED)
    return Span(document_id=doc_id, start=start, end=end, label=label, annotator=annotator, status=status, **kw)


def build(path, *, suggestions: bool = True):
    """The sample project at ``path``; returns the open project and the two document ids."""
    project = open_project(path)
    d1, _ = docs.add_document(project, clean_text=TEXT, raw_text=TEXT, title="县委工作会议讲话",
                              source_path="speeches/2024-县委.docx", metadata={"date": "2024-02-01"},
                              sections=outline())
    d2, _ = docs.add_document(project, clean_text=TEXT2, raw_text=TEXT2, title="安全生产")
    stat = {"indicator": "地区生产总值", "value": 60.6, "unit": "亿元"}
    for s in [
        span(d1, TEXT, "各级工会要切实加强𠮷职工😀权益维护", "directive", "张三", attributes={"strength": "strong"}),
        # Overlaps the directive above with another label.
        span(d1, TEXT, "职工😀权益维护。全县地区生产总值实现60.6亿元", "statistic", "张三", attributes=stat),
        span(d1, TEXT, "60.6亿元", "statistic", "李四", attributes={"value": 60.6, "value_text": "=HYPERLINK(\"x\")"}),
        span(d1, TEXT, "粮食产量下降-3.2%", "statistic", "李四", attributes={"value": -3.2, "value_text": "-3.2%"}),
        span(d1, TEXT, "要坚持👨‍👩‍👧问题导向", "directive", "张三"),
        span(d1, TEXT, "60.6亿元", "statistic", GOLD, provenance={"agreed": ["张三", "李四"]}),
        span(d2, TEXT2, "要加强安全生产", "directive", "李四"),
        span(d2, TEXT2, "全年事故下降12%", "statistic", "张三", attributes={"value": 12, "unit": "%"}),
    ]:
        spans.add_span(project, s)
    if suggestions:
        start, end = at(TEXT, "增长5.2%")
        spans.replace_suggestions(project, d1, [Suggestion(start=start, end=end, label="statistic", rule="pct",
                                                           attributes={"value": 5.2})])
        (suggestion,) = spans.list_spans(project, d1, annotators=["@suggester"])
        spans.reject_suggestion(project, suggestion, "张三")
    return project, d1, d2


def test_sample_has_astral_characters_and_overlaps(tmp_path):
    project, d1, _ = build(tmp_path / "p.db")
    stored = spans.list_spans(project, d1, annotators=["张三"], statuses=["accepted"])
    assert any(ord(ch) > 0xFFFF for ch in TEXT) and any(ord(ch) > 0xFFFF for ch in TEXT2)
    first, second = stored[0], stored[1]
    assert first.label != second.label and second.start < first.end
    project.close()
