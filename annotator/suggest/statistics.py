"""Statistic suggestions: a quantity together with the indicator it measures.

Span rule (what the annotator is shown and what the gold set follows):
  * the span ends where the quantity ends, bound words included (…80%以上, …60.6亿元左右);
  * it starts at the indicator: just after the nearest clause boundary before the quantity
    (，；。！？：、 parentheses, a line end) or after the previous quantity of the same clause, whichever
    is later; a leading connective (其中, 此外, 另外, 同时, 并, 以及) is skipped. A comparison such as
    同比 that opens the clause stays inside: it belongs to this statistic;
  * when the indicator would be longer than ``MAX_LEAD`` characters the span starts MAX_LEAD before the
    quantity, so a long narrative clause does not swallow the whole line.
Each quantity is its own statistic: "实现60.6亿元，是上年的2.5倍，增长17.8%" gives three, the last two
inheriting the indicator of the first. Anniversaries (90周年) are names, not statistics.
"""

from __future__ import annotations

import re

from annotator.domain.model import Suggestion
from annotator.suggest import modality
from annotator.suggest.quantities import Quantity, find_quantities

MAX_LEAD = 40
_BOUNDARY = set("，,；;。！？!?：:、（）()\n【】[]")
_LEAD_SKIP = re.compile(r"(?:[\s“”\"'《》]|其中|此外|另外|同时|并且|以及|并|而且)+")

_YEAR = r"(?:(?:19|20)[\dxX]{2}|[二][〇零○][〇零○一二三四五六七八九xX]{2})"
PERIOD_RE = re.compile(
    rf"{_YEAR}(?:(?:—|-|～|至|到){_YEAR})?年(?:度)?"
    r"(?:上半年|下半年|前三季度|第?[一二三四]季度|\d{1,2}(?:—|-|至)\d{1,2}月|\d{1,2}月份?)?(?:底|末|以来)?"
    r"|[“\"]?十[一二三四五六七八九][五]?[”\"]?(?:期间|时期|以来|末|期末|期)"
    r"|过去(?:的)?[一二三四五五]年|[一二三四五六七八九十两\d]+年(?:来|间)|近[一二三四五六七八九十两\d]+年"
    r"|今年以来|去年|今年|上年|前年|本年度|全年|上半年|下半年|前三季度|[一二三四]季度"
)
COMPARISON_RE = re.compile(
    rf"同比|环比|(?:比|较|与)(?:上年|去年|{_YEAR}年|年初|上年末|上年同期|去年同期)(?:同期|底|末)?(?:相比)?"
    rf"|是(?:上年|去年|{_YEAR}年)的"
)
_UP = r"增产|增长|提高|上升|增加(?!值)|提升|扩大|攀升|增幅|增速|翻番|多出"
_DOWN = r"减产|下降|减少|回落|降低|缩小|下滑|压减|减幅|降幅"
DIRECTION_RE = re.compile(rf"(?P<up>{_UP})|(?P<down>{_DOWN})|(?P<flat>持平)")
# Where the indicator stops and the predicate begins. An adverb of the predicate (平均为, 年均增长) goes
# with it, so the indicator is never cut inside a word ("城镇调查失业率平" from 平均为); 为 inside a
# word (认为, 成为, 作为, 因为) is no predicate.
_PREDICATE = re.compile(
    rf"(?:年?平均|年均|均)?(?:实现|到达|达到|达|完成|(?<![认成作因行以称视])为|是|突破|超过|高于|低于|占|"
    rf"(?:控制|保持|稳定|维持)在|(?:降|升|增)至|{_UP}|{_DOWN}|分别)"
)
# Bound words in canonical form: what the number is (at most / at least / about) whatever the wording.
_BOUNDS = (("约", re.compile(r"约|大约|左右|上下|约有|将近|接近|来|把")),
           ("不到", re.compile(r"不足|不到|近|(?<!不)低于|(?<!不)少于|(?<!不)小于|以下|弱")),
           ("不超过", re.compile(r"不超过|不高于|不大于|最多|以内")), ("不少于", re.compile(r"不少于|不低于|不小于|至少|以上")),
           ("超过", re.compile(r"超过|逾|突破|超|(?<!不)高于|多于|(?<!不)大于|多|余|之多|有余|高达|多达|强")))
# Adverbs between the subject and the verb ("全市累计帮扶…") are dropped, not cut at.
# 均 of 平均 belongs to the indicator's name (年平均气温, 平均浓度): only an adverbial 均 is dropped.
_ADVERBS = re.compile(r"共计|共有|累计|合计|总计|年均|(?<![人户平])均|共(?![同享建])")
_WEAK_INDICATOR = re.compile(r"^(?:年均|平均|分别|均|共|全年|累计|其中|同比|环比|比上年|连续)?$")


def _segment_start(text: str, pos: int, floor: int) -> int:
    i = pos
    while i > floor and text[i - 1] not in _BOUNDARY:
        i -= 1
    return i


def _mask(text: str, start: int, end: int, pattern: re.Pattern) -> tuple[str, list[re.Match]]:
    part = text[start:end]
    matches = list(pattern.finditer(part))
    for m in reversed(matches):
        part = part[: m.start()] + " " * (m.end() - m.start()) + part[m.end():]
    return part, matches


def _sentence_start(text: str, pos: int) -> int:
    return modality.sentence_start(text, pos)  # one search per end mark, not a loop over characters


def _indicator(lead: str) -> str:
    """The subject of the clause before its predicate: 全县地区生产总值实现 → 全县地区生产总值."""
    lead = COMPARISON_RE.sub(" ", lead)
    lead = PERIOD_RE.sub(" ", lead)
    lead = lead.strip(" ，,、的")
    cuts = list(_PREDICATE.finditer(lead))
    # The last predicate before the number is the one the number completes ("…增加值增长5%").
    if cuts:
        lead = lead[: cuts[-1].start()]
    lead = _ADVERBS.sub("", lead)
    lead = re.sub(r"\s+", "", lead).strip("的，,、“”")
    # "努力完成全总确定的企业工会建会率": the indicator is the head noun after the last 的.
    if len(lead) > 10 and "的" in lead and len(lead.rsplit("的", 1)[1]) >= 2:
        lead = lead.rsplit("的", 1)[1]
    return lead


def _attributes(text: str, q: Quantity, start: int, last_indicator: str) -> dict:
    sent = _sentence_start(text, start)
    # Comparison bases hold years too ("是2020年的2.5倍"): mask them before looking for the period.
    masked_before, comparisons = _mask(text, sent, q.start, COMPARISON_RE)
    lead_offset = start - sent
    comparison = next((c.group() for c in reversed(comparisons) if c.start() >= lead_offset), "")
    periods = list(PERIOD_RE.finditer(masked_before))
    period = periods[-1].group().strip("，, ") if periods else ""
    lead = text[start:q.start]
    direction = ""
    d = None
    for d in DIRECTION_RE.finditer(lead):
        pass
    if d is not None:
        direction = "增长" if d.group("up") else "下降" if d.group("down") else "持平"
    indicator = _indicator(lead)
    if _WEAK_INDICATOR.match(indicator) or len(indicator) < 2:
        indicator = last_indicator
    attrs = {
        "indicator": indicator,
        "value": q.value,
        "value_text": q.value_text,
        "number": q.number(),
        "number_max": q.number_max(),
        "unit": q.unit or ("ratio" if q.fraction else ""),
        "scale": q.scale,
        "bound": bound(q.pre, q.post),
        "period": period,
        "comparison": comparison,
        "direction": direction,
    }
    return {k: v for k, v in attrs.items() if v not in ("", None)}


def bound(pre: str, post: str) -> str:
    """The canonical bound of a value from its bound words: 超过, 约, 不到, 不少于, 不超过 or ""."""
    for words in (pre, post):
        for name, pattern in _BOUNDS:
            if words and pattern.fullmatch(words):
                return name
        for name, pattern in _BOUNDS:
            if words and pattern.search(words):
                return name
    return ""


def suggest_statistics(text: str, quantities: list[Quantity] | None = None) -> list[Suggestion]:
    """One statistic suggestion per quantity found in ``text`` (offsets in ``text``)."""
    quantities = find_quantities(text) if quantities is None else quantities
    out: list[Suggestion] = []
    prev_end = 0
    last_indicator = ""
    last_sentence = -1
    for q in quantities:
        start = _segment_start(text, q.start, prev_end)
        lead = _LEAD_SKIP.match(text, start, q.start)
        if lead:
            start = lead.end()
        if q.start - start > MAX_LEAD:
            start = q.start - MAX_LEAD
        sentence = _sentence_start(text, q.start)
        if sentence != last_sentence:
            last_indicator, last_sentence = "", sentence
        attrs = _attributes(text, q, start, last_indicator)
        if attrs.get("indicator"):
            last_indicator = attrs["indicator"]
        score = 0.6 if q.placeholder else 0.9 if attrs.get("indicator") else 0.7
        out.append(Suggestion(start=start, end=q.end, label="statistic", attributes=attrs, score=score,
                              rule="quantity:" + (q.unit or q.scale)))
        prev_end = q.end
    return out


_SENTENCE_END = "。！？!?\n"


def attributes_for(text: str, start: int, end: int) -> dict:
    """The attributes a statistic suggestion would carry, for a span a person tagged by hand: the first
    quantity inside ``text[start:end]`` with its normalised number, unit, scale, bound, period,
    comparison, direction and indicator. {} when the span holds no quantity. Only the sentence around
    the span is read, so this costs well under a millisecond on the GUI thread."""
    sent = _sentence_start(text, start)
    stop = min((i for i in (text.find(c, end) for c in _SENTENCE_END) if i >= 0), default=len(text))
    part = text[sent:stop + 1]
    inside = [q for q in find_quantities(part) if start - sent <= q.start and q.end <= end - sent]
    if not inside:
        return {}
    # The indicator is read from the span's own words before the quantity (the person chose the span).
    return _attributes(part, inside[0], start - sent, "")
