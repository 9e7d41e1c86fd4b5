"""Quantities in Chinese report text: where they are and what they say.

A *quantity* is a number that measures something: it carries a unit (元, 人, 斤, 倍 …), a percent
sign (%, 百分之…, 个百分点), a scale word (万, 亿) or is a fraction in words (三分之二, 一半). Bare
numbers are not quantities: in speeches they are years, dates, page counters or IDs far more often than
measurements. Speeches also count loosely — 几十万个, 二十几户, 七八十户, 两百多亿斤, 上千万, 数以亿计 —
and those are quantities too, with a range instead of one value.

Everything runs on ``fold_digits(text)``, which keeps lengths, so offsets are those of the clean text.
Placeholders of template speeches (x亿元, X%, ××个) are quantities with ``value=None``. Which of the
matches are *not* statistics (discourse counts, durations, names, figures of speech) is decided in
annotator.suggest.nonstat.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from annotator.nlp.numerals import cn_range, cn_to_int, fold_digits
from annotator.suggest import nonstat, units

_AR = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# A Chinese counting numeral must start with a digit, 十 or 几 (几十万): 千万 (an adverb), 万一, 百姓 are
# words. 上千万 / 数十万 are loose counts ("reaching ten million", "several hundred thousand").
# After a bound or measuring word a bare magnitude is a count too: 旅游收入超万亿元 (24), 成交额均超百亿美元 (28),
# 传播量突破百亿次 (23), 亩产千斤 (14) — "one" is left unsaid.
_CN = (r"(?:[一二两三四五六七八九十几][〇零一二两三四五六七八九十百千万亿几]*|上(?=[百千万亿])[百千万亿]+"
       r"|数(?=[十百千万亿])[十百千万亿]+|(?<=[超逾破产足近])(?:万亿|千亿|百亿|千万|百万|亿|万|千|百)(?=[\u4e00-\u9fff])"
       # 千把人, 万把块钱 (oral speech): "a thousand or so", one left unsaid as after a bound word.
       r"|(?<![一二两三四五六七八九十百千万亿])[百千万](?=把))"
       r"(?:点[〇零一二三四五六七八九]+)?")
_PH = r"(?:[xX×ｘＸ]{1,3}|XX)(?:\.[xX×]+)?"
# 百分之七十, 千分之三, 十万分之8.1, 三分之二: a fraction written out in words.
_FRACTION = r"(?:[一二两三四五六七八九十百千万]+|\d+)分之"
_HALF = r"一多半|一大半|多一半|一半|过半|半数|大半|半(?=倍)"
# 百分之一、二、三 (17): a spoken list of percents is one loose value, from the first to the last.
# 百分百复工 (30): "a hundred percent" of something done; before 的 it is a figure of speech (自以为是百分之百的
# 马克思主义, 13), so only the form before a verb counts.
# 1/3, 2/3 written with a slash: a share when 占/的/为 stands before it or a bound word after it (占全国1/3以上, 占全国
# 增量的1/4, 56; 负担原估算投资5亿元的2/3, 48) — elsewhere a slash pair is a date or a score (see _accept).
_SLASH = r"(?<![\d/.])\d{1,2}/\d{1,2}(?![\d/.%])"
# 1万6千多户, 1亿3千多万, 3万多亿元 (78; 参数数量1亿3千多万, search-index file 43859148732): Arabic digits with Chinese
# magnitudes between them are one number (the scale after it, if any, applies to its last part: _mixed_to_cn).
_MIXED = (r"(?<![\d.])\d{1,4}(?:[亿万千百]\d{1,4})+[千百十]?(?![\d.])|(?<![\d.])\d{1,4}万(?=[多余]亿)"
          # 5千多户 (78): 千 is no scale of the table, so it stays in the number — before a counter only (not 500千伏安, 3千米)
          r"|(?<![\d.])\d{1,3}[千百](?=[多余]?[人户元个家名项所座台辆头亩吨斤条次件间套])")
_MIXED_RE = re.compile(r"\d{1,4}(?:[亿万千百十]\d{0,4})+")  # what _MIXED matched, read by _mixed_to_cn
# The list of a spoken list of percents may go on to 的 (占总人口百分之四、五的地、富…, 79), as any figure does.
_NUM = rf"百分百(?![分万亿的])|{_SLASH}|{_FRACTION}(?:{_AR}|{_CN}|{_PH})(?:、(?:[一二两三四五六七八九十]{{1,3}}|\d{{1,3}})(?![\u4e00-\u9fff](?<!的)))*|数以[十百千万亿]+计|{_HALF}|{_MIXED}|{_AR}|{_CN}|{_PH}"
_SCALE = r"万亿|千亿|百亿|千万|百万|亿|万"
SCALES = {"万亿": 10**12, "千亿": 10**11, "百亿": 10**10, "千万": 10**7, "百万": 10**6, "亿": 10**8, "万": 10**4}
# The unit tables (legal units of measurement, currencies, counters, compound units) live in
# annotator.suggest.units, with their sources.
_UNIT = units.UNIT
_PRE = (r"约有|约|近|超过|逾|不足|不到|将近|接近|大约|高达|多达|突破|超|不少于|不低于|不超过|不高于|不小于|不大于|至少|最多|"
        r"高于|低于|多于|少于|大于|小于")
# 三分之一强 / 四分之一弱 (speech): a little more / less than the fraction.
_POST = r"左右|以上|以下|以内|上下|之多|有余|(?<=[\d一二三四五六七八九十%])[强弱](?=[，。；、的,;]|$)"
_SEP = r"——|[-—–~～至到]"
_FRACTION_RE = re.compile(_FRACTION)
_PH_RE = re.compile(_PH)
_FEW_RE = re.compile(r"几[个项条种点]?")
_SHARE_BEFORE = re.compile(r"(?:占|的|为|达|约|近|超过)[^，,。；;：:、\d]{0,8}$")
# A score on a scale has no unit either: 公众满意度从84.7提升至89.6 (55), 满意度达到92.3, 综合得分为86.5.
_RATIO_BEFORE = re.compile(r"(?:比|倍差|系数|指数|比值|比率|差距|倍数|满意度|得分|评分)[^，,。；;：:、]{0,8}?"
                           r"(?:缩小到|缩小至|缩小为|扩大到|降至|降到|下降|下降到|提高到|提高至|上升到|上升至|增至|为|达到|达"
                           r"|提升到|提升至|升至|从|由)$")

# A space the PDF text layer left between a number and its scale or unit (14.71 亿元, 5.2 %).
_GAP = rf"(?:(?<=[\d万亿])[ \u00a0\u3000](?=(?:{_SCALE}|多|余|{_UNIT})))?"
QUANTITY_RE = re.compile(
    rf"(?P<pre>{_PRE})?"
    # A sign before an Arabic number: temperatures below zero (−5℃, 零下12℃); kept only for them (see _accept).
    rf"(?P<sign>零下|(?<![\dA-Za-z])[-−－](?=\d))?"
    rf"(?P<num>{_NUM})"
    # 百分之七十到百分之八十 (26): the second end of a range written out in words as well.
    rf"(?:(?P<unit1>%|{_SCALE}|{_UNIT})?(?P<sep>{_SEP})(?P<num2>(?:百分之|千分之)?(?:{_AR}|{_CN}|{_PH})))?"
    # 三百来斤, 两千来号人, 十来个 (oral speech): 来 after a round numeral is "about".
    rf"{_GAP}(?P<approx1>多|余|(?<=[十百千万\d])来(?=(?:{_SCALE})?(?:{_UNIT}))|(?<=[百千万])把(?={_UNIT}))?"
    # 九个亿, 三个多亿 (oral speech): a counter between the number and a bare 亿 — not 3个万亿级产业 or 迈上4个万亿元
    # 台阶, where 个 counts industries or thresholds.
    rf"(?:个(?P<approx0>多)?(?=亿(?!元?级|量级)))?"
    rf"(?P<scale>{_SCALE})?(?P<approx2>多|余)?{_GAP}"
    rf"(?P<unit>{_UNIT}|(?<=[一二两三四五六七八九\d])成(?=以上|以下|左右|多|[，。；、的]|$)|(?<=\d)分)?"
    rf"(?P<half>(?<=倍)半|(?<=[倍成%])多)?"
    rf"(?P<post>{_POST})?"
)


@dataclass(frozen=True)
class Quantity:
    start: int  # includes bound words before the number (约, 近, 超过)
    end: int  # includes bound words after the unit (左右, 以上)
    value: int | float | None  # the number as written before the scale; a range gives its low end
    value_text: str
    unit: str  # "元", "%", "个百分点", "倍", "" when only a scale is written ("12万") or a fraction
    scale: str  # "万", "亿", "万亿" or ""
    num_start: int
    num_end: int
    placeholder: bool = False
    value_max: int | float | None = None  # the high end of a range or a loose count (七八十 → 80)
    fraction: bool = False  # 三分之二, 一半: value is the ratio itself (0.666…)
    pre: str = ""  # bound words before (约, 超过, 不到…)
    post: str = ""  # approximation and bound words after (多, 余, 左右, 以上…)

    def number(self) -> float | None:
        """The value in plain units: 1.39万亿 → 1.39e12, 85% → 85 (the unit says it is a percentage)."""
        return None if self.value is None else _scaled(self.value, self.scale)

    def number_max(self) -> float | None:
        return None if self.value_max is None else _scaled(self.value_max, self.scale)


def _scaled(value: float, scale: str) -> float:
    number = value * SCALES.get(scale, 1)
    return int(number) if float(number).is_integer() else round(number, 10)


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


_CN_DIGITS = "零一二三四五六七八九"


def _mixed_to_cn(num: str, scale: str) -> str:
    """1万6千 → 一万六千; 1亿3千 with the scale 万 → 一亿三千万 (the scale belongs to the last part, which _accept divides out
    again); 3万 with 亿 stays 三万 (30 000 亿)."""
    def spell(digits: str) -> str:
        n, out = int(digits), ""
        for value, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            if n >= value:
                out += _CN_DIGITS[n // value] + name
                n %= value
            elif out and n:
                out += "" if out.endswith("零") else "零"
        return out or "零"
    # 2万3 is 23 000 as 一万三 is: a last single digit after a magnitude counts the next lower one
    lower = re.search(r"([亿万千百])(\d)$", num)
    if lower:
        num += {"亿": "千万", "万": "千", "千": "百", "百": "十"}[lower.group(1)]
    cn = re.sub(r"\d+", lambda d: spell(d.group()), num)
    return cn + scale if scale and scale in SCALES and any(ch in cn for ch in "万亿") and scale != "亿" else cn


def _split_cn_scale(num: str) -> tuple[str, str]:
    """十二万 → (十二, 万): the scale is reported apart, as it is for 60.6亿.

    一亿一千万 has a 亿 inside: it is returned whole with scale 万, and ``_read`` divides by it.
    """
    for scale in ("万亿", "千万", "亿", "万"):
        head = num[: -len(scale)]
        if num.endswith(scale) and head:
            if any(ch in head for ch in "万亿"):
                return num, num[-1]
            if cn_to_int(head.replace("几", "二")) is not None or cn_range(head) is not None:
                return head, scale
    return num, ""


def _read(num: str) -> tuple[float | None, float | None, bool]:
    """(value, value_max, fraction) of the numeral part of a match."""
    if num in ("一半", "过半", "半数", "大半", "半", "一多半", "一大半", "多一半"):
        return 0.5, None, num != "半"
    if "/" in num:
        top, bottom = (int(x) for x in num.split("/"))
        return (round(top / bottom, 6), None, True) if 0 < top < bottom else (None, None, False)
    frac = _FRACTION_RE.match(num)
    if frac and "、" in num:
        items = [parse_number(x) for x in num[frac.end():].split("、")]
        if None not in items and parse_number(frac.group()[:-2]) in (100, 1000):
            return min(items), max(items), False
        return None, None, False
    if frac:
        denominator = parse_number(frac.group()[:-2])
        top = num[frac.end():]
        if len(top) == 2 and all(ch in _DIGIT_VALUES for ch in top) \
                and _DIGIT_VALUES[top[1]] == _DIGIT_VALUES[top[0]] + 1 and denominator not in (100, 1000):
            # 十分之七八: seven or eight tenths, not 78/10 read digit by digit
            return round(_DIGIT_VALUES[top[0]] / denominator, 6), round(_DIGIT_VALUES[top[1]] / denominator, 6), True
        numerator = parse_number(top)
        loose = cn_range(num[frac.end():]) if numerator is None else None
        if loose and denominator in (100, 1000):
            return loose[0], loose[1], False  # 百分之十几: a loose count, as 二十几户 is
        if denominator in (100, 1000) or numerator is None or not denominator:
            return numerator, None, False  # 百分之/千分之: reported as % / ‰ with the numerator as value
        return round(numerator / denominator, 6), None, True
    value = parse_number(num)
    if value is not None:
        return value, None, False
    loose = cn_range(num.replace("数", "几"))
    if loose is not None:
        return loose[0], loose[1], False
    return None, None, False


# A ratio written with colons after a ratio word in its clause: 城乡居民收入比由…的5：1缩小到2.6：1 (38), 三次产业比为
# 3.9：59.5：36.6 (44). Without the ratio word a colon pair is a time or a score, not a statistic.
_COLON_RATIO_RE = re.compile(r"(?<![\d.:：])\d+(?:\.\d+)?(?:[：:]\d+(?:\.\d+)?){1,3}(?![\d.:：])")
_RATIO_WORD_RE = re.compile(r"比(?!分|赛|较|如|方)(?:为|是|由|例|重|值|率)?|之比")


def _colon_ratios(folded: str, original: str, taken: list[Quantity]) -> list[Quantity]:
    """The colon ratios of the text; a quantity found inside one (3.9 of 3.9：59.5：36.6) is dropped from
    ``taken``."""
    out = []
    for m in _COLON_RATIO_RE.finditer(folded):
        clause = max(folded.rfind(ch, 0, m.start()) for ch in "，,。；;！？\n")
        if not _RATIO_WORD_RE.search(folded, max(clause + 1, m.start() - 24), m.start()):
            continue
        taken[:] = [q for q in taken if not (q.start < m.end() and m.start() < q.end)]
        parts = [float(x) for x in re.split(r"[：:]", m.group())]
        value = round(parts[0] / parts[1], 6) if len(parts) == 2 and parts[1] else parts[0]
        out.append(Quantity(start=m.start(), end=m.end(), value=value, value_text=original[m.start():m.end()],
                            unit="", scale="", num_start=m.start(), num_end=m.end(), fraction=len(parts) == 2))
    return out


_SPOKEN_LIST_BEFORE = re.compile(r"(?<![一二两三四五六七八九十第])(?:[一二三四五六七八九]、){1,4}$")
_DIGIT_VALUES = {ch: i for i, ch in enumerate("〇一二三四五六七八九") if i}
_PH_BEFORE = re.compile(r"(?<![A-Za-z])[pP][hH]\s*值?\s*(?:为|是|在|达到|达|约|介于|范围)?\s*$")


def _unit_in_context(text: str, m: re.Match, unit: str, end: int, chinese: bool) -> tuple[str, int]:
    """Units that are units only in some contexts: a plain C or 度 needs a temperature word in its clause (度电
    is a kWh), an administrative division (7镇8乡) another count after it or a governing verb (辖, 设) before."""
    if not unit or not (unit in ("C", "度") or units.is_admin(unit)):
        return unit, end
    clause = text[max(0, m.start() - 16):m.start()]
    clause = clause[max(clause.rfind(c) for c in "，,。；;：:\n") + 1:]
    if unit in ("C", "度") and not units.TEMPERATURE_WORD_RE.search(clause) \
            and not (unit == "度" and text.startswith("电", end)):
        return "", m.start("unit")
    if units.is_admin(unit):
        follows = re.match(r"\s*(?:\d|[一二两三四五六七八九十])", text[end:end + 2])
        if (chinese or not follows) and not units.ADMIN_LEAD_RE.search(clause):
            return "", m.start("unit")
    return unit, end


def find_quantities(text: str) -> list[Quantity]:
    folded = nonstat.masked(fold_digits(text))
    context = nonstat.Context(folded)
    found: list[Quantity] = []
    for m in QUANTITY_RE.finditer(folded):
        q = _accept(folded, m, context, text)
        if q is not None:
            found.append(q)
    ratios = _colon_ratios(folded, text, found)
    return sorted(found + ratios, key=lambda q: q.start) if ratios else found


def _accept(text: str, m: re.Match, context: "nonstat.Context", original: str) -> Quantity | None:
    num = m.group("num")
    unit = m.group("unit") or ""
    scale = m.group("scale") or ""
    fraction = _FRACTION_RE.match(num)
    if fraction and fraction.group() in ("百分之", "千分之"):
        unit = unit or {"百分之": "%", "千分之": "‰"}[fraction.group()]
    elif fraction and not unit:
        unit = ""  # 十分之一, 十万分之8.1: a ratio
    if num == "百分百":
        num, unit = "百分之一百", unit or "%"
    elif num[:1] in ("百", "千", "万", "亿"):
        num = "一" + num  # 超万亿元: the bare magnitude of _CN
    if num.startswith("数以"):
        num, scale = "一", num[2:-1]
    elif num.startswith("上"):
        num, scale = "一", num[1:]
    if "/" in num and not (_SHARE_BEFORE.search(text, max(0, m.start() - 12), m.start()) or m.group("post")):
        return None  # 3/4 alone: a date or a score
    if _MIXED_RE.fullmatch(num):
        num = _mixed_to_cn(num, scale)
    chinese = num[0] in "一二两三四五六七八九十几数"
    placeholder = bool(_PH_RE.fullmatch(num))
    if chinese and not scale:
        num, scale = _split_cn_scale(num)
    if scale and scale not in SCALES:
        return None
    value, value_max, is_fraction = (None, None, False) if placeholder else _read(num)
    if scale and chinese and num.endswith(scale) and value is not None:
        value = value / SCALES[scale]  # 一亿一千万 → 11000 万
        value = int(value) if float(value).is_integer() else value
    if fraction or num.startswith(("一半", "过半", "半数", "大半", "一多半", "一大半", "多一半")):
        is_fraction = is_fraction or not unit
    end = m.end()
    if m.group("unit") and nonstat.unit_starts_word(text, m.end("unit")):
        # 14亿人口, 五千万人民, 上千万家庭: the counted noun's first character is no unit.
        unit, end = "", m.start("unit")
    unit, end = _unit_in_context(text, m, unit, end, chinese)
    counted = chinese and not unit and not scale and num[-1:] in ("百", "千") \
        and nonstat.COUNTED_NOUN_RE.match(text, end)
    # A ratio has no unit: 城乡居民收入倍差缩小到1.94 (19), 城乡居民收入比缩小到2.39，比上年下降0.06 (a
    # provincial statistical communiqué, search-index file 14442989667). Only a decimal after a measuring verb,
    # with a ratio word before it in the clause: a bare integer there is still a year or an ID.
    ratio = not chinese and not placeholder and "." in num and bool(_RATIO_BEFORE.search(text, max(0, m.start() - 24),
                                                                                       m.start()))
    if not (unit or scale or is_fraction or counted or ratio) and not chinese and not placeholder \
            and _PH_BEFORE.search(text, max(0, m.start() - 12), m.start()):
        unit = "pH"  # pH值6.5～8.5: a value on the pH scale has no unit
    if not (unit or scale or is_fraction or counted or ratio):
        return None  # a bare number: year, page, ID, phone…
    if value is None and not placeholder:
        return None
    if not scale and _FEW_RE.fullmatch(num):
        return None  # 几个方面: "a few", no number at all
    if nonstat.reject(text, m, unit, scale, num, value, chinese, placeholder, context, end):
        return None
    start = m.start()
    sign = m.group("sign")
    if sign and unit in units.TEMPERATURE_UNITS:
        value = -value if value is not None else None
    elif sign and not m.group("pre"):
        start = m.start("num")  # a dash before a count is a list mark or a range's end, not a minus
    pre = m.group("pre") or ""
    if m.group("num").startswith("上"):
        pre = pre or "约"
    if m.group("num").startswith("数以"):
        pre = pre or "不少于"
    post = "".join(m.group(g) or "" for g in ("approx1", "approx0", "approx2") + (("half", "post") if end == m.end() else ()))
    if m.group("num") in ("一多半", "一大半", "多一半", "大半"):
        post = post or "多"  # more than half
    if m.group("half") == "半":
        value = (value or 0) + 0.5
        post = post.replace("半", "")
    if m.group("num2"):
        value_max = _read(m.group("num2"))[0]
    spoken = _SPOKEN_LIST_BEFORE.search(text, max(0, start - 12), start) if chinese and not pre and not scale \
        and value is not None and value < 10 else None
    if spoken:
        # 大小三、四、五、六块 (oral speech): the list of digits before the last one is one loose value, as
        # 百分之一、二、三 is — from the first to the last.
        first = cn_to_int(spoken.group()[0])
        value, value_max, start = min(first, value), max(first, value), spoken.start()
    return Quantity(start=start, end=end, value=value, value_text=original[start:end], unit=unit, scale=scale,
                    num_start=m.start("num"), num_end=m.end("num"), placeholder=placeholder,
                    value_max=value_max, fraction=is_fraction, pre=pre, post=post)
