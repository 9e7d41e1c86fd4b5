"""Sort the suggesters' errors into the classes of issue 17, so the evaluation can say *what* goes wrong.

Each function takes the erroneous span's text (and for statistics its value) and returns a short class
name. The classes are descriptive (for the report), never used by the suggesters themselves.
"""

from __future__ import annotations

import re

_VAGUE = re.compile(r"几|多|余|上[千万亿百]|数以|数[十百千万亿]|[一二三四五六七八九][一二三四五六七八九](?=[十百千万亿个户人])")
_FRACTION = re.compile(r"分之|半|成(?![本员果绩])")
_DURATION = re.compile(r"(?:年|个月|天|小时|分钟|周|季度)(?:[内里来间后前]|$)|个月|时间")
_FIGURATIVE = re.compile(r"一万年|万丈|几十只|千万[条双只]|一千年|万年")
_DISCOURSE = re.compile(r"[一二两三四五六七八九十]+(?:个|条|点|项|种)(?:积极性|缺点|问题|方面|条件|原则|关系|意见|办法|东西|错误|不好)")
_NAME = re.compile(r"[一二两三四五六七八九十]+(?:项|个|大|条)[\u4e00-\u9fff]{0,3}(?:行动|工程|市场|资源|活动|计划|示范区|中心|服务)|“[^”]{0,12}”")
_ORDINAL = re.compile(r"第[一二三四五六七八九十\d]|[一二三四五六七八九十]+届|号|期|次会议|次全会")


def statistic_miss(value: str) -> str:
    if _FRACTION.search(value):
        return "fraction in words"
    if _VAGUE.search(value):
        return "vague amount"
    if not re.search(r"[\d一二两三四五六七八九十百千万亿]", value):
        return "no number"
    if not re.search(r"[%‰\u4e00-\u9fff]$", value) or re.fullmatch(r"[\d.,]+", value):
        return "bare number"
    return "counter / other"


def statistic_false(span: str) -> str:
    if _FIGURATIVE.search(span):
        return "figurative number"
    if _DISCOURSE.search(span):
        return "discourse count"
    if _NAME.search(span):
        return "programme name / slogan"
    if _ORDINAL.search(span):
        return "ordinal / session / date"
    if _DURATION.search(span):
        return "duration"
    return "other"


def boundary(gold_value: str, proposed_value: str) -> str:
    """Why a found value's text differs from the gold one."""
    if proposed_value in gold_value:
        return "value cut short"
    if gold_value in proposed_value:
        return "value runs on"
    return "value shifted"


_MISS_CUES = [
    ("不可/不能/不用 (prohibition)", re.compile(r"不可|不能|不用|不宜")),
    ("劝", re.compile(r"劝")),
    ("bare 应/须", re.compile(r"(?<![要必])[应须]")),
    ("请", re.compile(r"请")),
    ("一定…决不", re.compile(r"一定|决不|绝不")),
    ("建议 / 希望", re.compile(r"建议|希望")),
    ("要 / 必须", re.compile(r"要|必须")),
]


def directive_miss(span: str, heading: bool) -> str:
    if heading:
        return "heading"
    for name, pattern in _MISS_CUES:
        if pattern.search(span):
            return name
    return "no explicit cue"


_FALSE_CUES = [
    ("reported prohibition (说…不准/不要)", re.compile(r"(?:说|提出|警告|认为)[^。]{0,12}[:：“]?[^。]{0,6}(?:不准|不要|不得|要)")),
    ("可以 = can/possible", re.compile(r"可以")),
    ("积极 in 积极性", re.compile(r"积极性")),
    ("prediction / intent (能/将/愿/会)", re.compile(r"就能|一定能|能够|将|愿|会|就要|总有一天")),
    ("建议 as a noun", re.compile(r"建议")),
    ("要 = will / want / in order to", re.compile(r"要")),
]


def directive_false(span: str, rule: str) -> str:
    if rule.split(":")[0] in ("lead", "middle", "prep") or rule.startswith("heading:lead"):
        return "narrative verb (review / statement)"
    for name, pattern in _FALSE_CUES:
        if pattern.search(span):
            return name
    return "other"
