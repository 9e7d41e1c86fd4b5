"""Quantities in Chinese report text: where they are and what they say.

A *quantity* is a number that measures something: it carries a unit (元, 人, 个, 倍 …), a percent
sign (%, 百分之…, 个百分点) or a scale word (万, 亿). Bare numbers are not quantities: in speeches they
are years, dates, page counters, phone numbers or IDs far more often than measurements.

Everything runs on ``fold_digits(text)``, which keeps lengths, so offsets are those of the clean text.
Placeholders of template speeches (x亿元, X%, ××个) are quantities with ``value=None``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from annotator.nlp.numerals import cn_to_int, fold_digits

_AR = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# A Chinese counting numeral must start with a digit or 十: 千万 (an adverb), 万一, 百姓 are words.
_CN = r"[一二两三四五六七八九十][〇零一二两三四五六七八九十百千万亿]*(?:点[〇零一二三四五六七八九]+)?"
_PH = r"(?:[xX×ｘＸ]{1,3}|XX)(?:\.[xX×]+)?"
# 百分之七十, 千分之三, 十万分之8.1: a fraction written out in words.
_FRACTION = r"(?:百|千|万|十万|百万)分之"
_NUM = rf"{_FRACTION}(?:{_AR}|{_CN}|{_PH})|{_AR}|{_CN}|{_PH}"
_SCALE = r"万亿|千亿|百亿|千万|百万|亿|万"
# Longest first: 个百分点 before 个, 千瓦时 before 千瓦, 人次 before 人.
UNITS = (
    "个百分点", "百分点", "平方公里", "平方千米", "平方米", "立方米", "千瓦时", "千瓦", "兆瓦", "公里",
    "千米", "公顷", "公斤", "千克", "微克", "毫克", "毫米", "毫升", "人次", "户次", "架次", "车次", "班次", "场次", "批次", "台次", "件次", "个月", "小时", "分钟",
    "美元", "元", "人", "户", "吨", "亩", "米", "个", "家", "项", "所", "件", "场", "次", "名", "位",
    "座", "条", "台", "辆", "套", "册", "篇", "支", "批", "天", "份", "张", "处", "间", "栋", "株",
    "棵", "头", "只", "起", "期", "岁", "倍", "%", "‰",
)
_UNIT = "|".join(re.escape(u) for u in UNITS)
_PRE = r"约|近|超过|逾|不足|不到|将近|接近|大约|高达|多达|突破|超|不少于|不低于|不超过|不高于|至少|最多"
_POST = r"左右|以上|以下|以内|上下|之多|有余"
_SEP = r"——|[-—–~～至到]"

QUANTITY_RE = re.compile(
    rf"(?P<pre>{_PRE})?"
    rf"(?P<num>{_NUM})"
    rf"(?:(?P<unit1>%|{_SCALE}|{_UNIT})?(?P<sep>{_SEP})(?P<num2>{_AR}|{_CN}|{_PH}))?"
    rf"(?P<approx1>多|余)?(?P<scale>{_SCALE})?(?P<approx2>多|余)?"
    rf"(?P<unit>{_UNIT}|(?<=[一二两三四五六七八九\d])成(?=以上|以下|左右|多|[，。；、的]|$)|(?<=\d)分)?"
    rf"(?P<post>{_POST})?"
)

# Counting units that, after a lone 一, make an article ("作为一项任务", "一批", "一起") not a count.
_COUNT_UNITS = frozenset("个家项所件场次名位座条台辆套册篇支批天份张处间栋株棵头只起") | {
    "个月", "小时", "分钟", "人", "户"}
# Discourse counts ("7个方面的问题", "两个层面") structure the speech; they measure nothing.
_DISCOURSE_AFTER = re.compile(r"方面|层面|问题|意见|体会|建议|要求|关系|环节|字")
# After a small Chinese numeral, an abstract noun makes a figure of speech: 两件大事, 三项制度, 两个责任.
_ABSTRACT_AFTER = re.compile(r"大事|制度|原则|底线|红线|责任|作用|能力|意识|思想|精神|理念|观念|重点|任务|"
                             r"目标|机制|体系|优势|短板|难题|矛盾|环境|工作|关口|导向|定位|维度|战略|布局")
# Meetings and sessions are names: 十四届七次全会, x届x次全委会议, 三次党代会.
_SESSION_AFTER = re.compile(r"(?:全体|全委|常委)?(?:全会|会议|大会|党代会|代表大会|常委会)")
_NAME_AFTER = re.compile(r"[\u4e00-\u9fff]{2}(?:[、和与及”，。；]|$)")


def value_small_ok(num: str) -> bool:
    value = cn_to_int(num)
    return value is not None and value < 10


# Numbered slogans and policy names: a count inside them is part of the name.
SLOGAN_RE = re.compile(
    r"[一二两三四五六七八九十]+(?:个|项|大|条)?"
    r"(?:意识|自信|维护|确立|全面|代表|确保|务必|伟大|明确|坚持|毫不动摇|服从|一百年|规定|纪律|注意|"
    r"责任|统筹|文明|必须|区分开来|体系|机制建设|着力|重点任务|工程)"
)
_URLISH = re.compile(
    r"(?:https?://|www\.)[\x21-\x7e]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z0-9.]+"
    r"|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|cn|net|org)[\x21-\x7e]*"
)
# A unit character that starts a longer word is not a unit: 两位数, 一所有, 三条件, 上一个台阶.
_UNIT_WORD_AFTER = re.compile(r"(?<=位)数|(?<=所)(?:有|以(?![上下内])|在|属|谓|得)|(?<=家)(?:庭|长|园|乡|属)|"
                              r"(?<=条)件|(?<=台)阶|(?<=支)(?:持|撑|部)|(?<=处)(?:理|置|于)|"
                              r"(?<=只)(?:有|要|是)|(?<=张)力|(?<=场)(?:景|所|地)|(?<=名)(?:义|称|单)|"
                              r"(?<=期)(?:间|末|限|满|待|望|盼|工程|项目|建设)")


@dataclass(frozen=True)
class Quantity:
    start: int  # includes bound words before the number (约, 近, 超过)
    end: int  # includes bound words after the unit (左右, 以上)
    value: int | float | None  # the number as written before the scale; a range gives its low end
    value_text: str
    unit: str  # "元", "%", "个百分点", "倍", "" when only a scale is written ("12万")
    scale: str  # "万", "亿", "万亿" or ""
    num_start: int
    num_end: int
    placeholder: bool = False


def parse_number(text: str) -> int | float | None:
    """Arabic (1,244 / 60.6), Chinese (十二, 三点五, 二〇二三) or None for placeholders and junk."""
    text = fold_digits(text).replace(",", "")
    if not text:
        return None
    if text[0].isdigit():
        try:
            number = float(text)
        except ValueError:
            return None
        return int(number) if number.is_integer() and "." not in text else number
    whole, _, frac = text.partition("点")
    value = cn_to_int(whole)
    if value is None:
        return None
    if frac:
        digits = [cn_to_int(ch) for ch in frac]
        if any(d is None for d in digits):
            return None
        return float(f"{value}." + "".join(str(d) for d in digits))
    return value


def _split_cn_scale(num: str) -> tuple[str, str]:
    """十二万 → (十二, 万): the scale is reported apart, as it is for 60.6亿."""
    for scale in ("万亿", "亿", "万"):
        if num.endswith(scale) and len(num) > len(scale) and cn_to_int(num[: -len(scale)]) is not None:
            return num[: -len(scale)], scale
    return num, ""


def _masked(text: str) -> str:
    """Blank out URLs and e-mail addresses (same length) so their digits are never counted."""
    return _URLISH.sub(lambda m: " " * len(m.group()), text)


def _slogan_spans(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in SLOGAN_RE.finditer(text)]
    # A Chinese-numeral count inside a short quotation is a slogan's part: “双措并举、二次覆盖”.
    spans += [m.span() for m in re.finditer(r"“[^“”\n]{1,14}”", text)]
    return spans


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in spans)


def find_quantities(text: str) -> list[Quantity]:
    folded = _masked(fold_digits(text))
    slogans = _slogan_spans(folded)
    found: list[Quantity] = []
    for m in QUANTITY_RE.finditer(folded):
        q = _accept(folded, m, slogans, text)
        if q is not None:
            found.append(q)
    return found


def _accept(text: str, m: re.Match, slogans: list[tuple[int, int]], original: str) -> Quantity | None:
    num = m.group("num")
    unit = m.group("unit") or ""
    scale = m.group("scale") or ""
    fraction = re.match(_FRACTION, num)
    if fraction:
        num = num[fraction.end():]
        unit = unit or {"百分之": "%", "千分之": "‰"}.get(fraction.group(), fraction.group())
    chinese = num[0] in "一二两三四五六七八九十"
    placeholder = bool(re.fullmatch(_PH, num))
    if chinese and not scale:
        num, scale = _split_cn_scale(num)
    num_start = m.start("num") + (fraction.end() if fraction else 0)
    before = text[max(0, m.start() - 1): m.start()]
    after = text[m.end(): m.end() + 6]

    if not unit and not scale:
        return None  # a bare number: year, page, ID, phone…
    if placeholder and (before.isascii() and before.isalnum()):
        return None  # "DOCX", "20xx": letters of a word or a year, not a template count
    if not chinese and not placeholder and before and (before.isascii() and (before.isalnum() or before in "./:@_#-")):
        return None  # part of an ID, a version, a URL leftover
    if before == "第":
        return None  # ordinal
    if unit in ("次",) and (_SESSION_AFTER.match(after) or before == "届"):
        return None
    if unit in ("个", "条", "项") and _DISCOURSE_AFTER.match(after):
        return None
    if chinese and unit in ("个", "件", "项", "条", "种") and value_small_ok(num) and _ABSTRACT_AFTER.match(after):
        return None
    # 两个普遍、四个中心和…: a small count fused with a two-character noun is a programme's name.
    if chinese and unit == "个" and value_small_ok(num) and _NAME_AFTER.match(after):
        return None
    # An age right before a noun qualifies it (65岁以上老人); only an age standing alone is measured.
    if unit == "岁" and m.end() < len(text) and "\u4e00" <= text[m.end()] <= "\u9fff" and text[m.end()] != "的":
        return None
    if chinese and (_inside(slogans, m.start(), m.end()) or _inside(slogans, num_start, num_start + 1)):
        return None
    if num == "一" and not scale and unit in _COUNT_UNITS and not (m.group("pre") or m.group("post") or m.group("approx1") or m.group("approx2")):
        return None  # 一项任务, 一批, 一次: an article
    if m.group("unit") and _UNIT_WORD_AFTER.match(text, m.end("unit")):
        return None
    value = None if placeholder else parse_number(num)
    if value is None and not placeholder:
        return None
    start, end = m.start(), m.end()
    return Quantity(
        start=start,
        end=end,
        value=value,
        value_text=original[start:end],
        unit=unit,
        scale=scale,
        num_start=num_start,
        num_end=m.end("num"),
        placeholder=placeholder,
    )
