"""The heading-marker grammar, declared once as data: the one registry of marker families.

``FAMILIES`` lists every family (一、 （一） 1. 第一条 一是 ① …): how its marker is written, how deep it
usually sits (GB/T 9704 order; a prior only, the document decides) and where it may stand.  Three users
share it: the outline's scanner (``markers.scan``: where a marker stands and how plausible it is there),
the cleaner's decision between page-chunk numbers and list items, and the GUI's manual "add heading"
tool (``match_marker``: which marker, if any, opens a line the user marked as a heading).  The whole
grammar compiles to one alternation (``PATTERN``), families sharing a lead compiled once, so a scan
tries a handful of alternatives where a marker could start rather than every family in turn.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from annotator.nlp.numerals import cn_to_int

HSPACE = " \t\u3000\xa0"

LAST = -1  # ordinal of 最后: "one more than whatever came before"
NEXT = -2  # ordinal of 又其一 ("其一，…又其一，…又其一，"): the same, and the list may go on after it

CN = "[一二三四五六七八九十○〇]{1,3}"  # 一○ is ten in older texts (○ as zero)
_CN_LONG = "[一二三四五六七八九十百零○〇]{1,6}"  # articles of a law run past a hundred
_STEMS = "甲乙丙丁戊己庚辛壬癸"
# The counter words an ordinal 第N takes when it numbers items or parts (第一件, 第二点 …): one list for every
# family below that reads them.  条 and 项 are the articles and items of a law (their own families, first).
COUNTERS = ("件", "个", "点", "种", "类", "方面")
_COUNTER = "|".join(COUNTERS)
_SEQUENCE_ORDINALS = {"首先": 1, "其次": 2, "再次": 3, "再其次": 3, "最后": LAST}

# Where a family may stand.  "line": only at a line start (after an optional markdown "#"); "heading":
# anywhere a paragraph or sentence may begin, and glued to the preceding text in a flattened page;
# "sentence": after a sentence end; "comma": also after a comma inside a sentence.
LINE, HEADING, SENTENCE, COMMA = "line", "heading", "sentence", "comma"


@dataclass(frozen=True)
class Family:
    id: str
    rank: int  # GB/T 9704 §7.3.3 order (1 = 一、); breaks ties only, the document decides nesting
    inline: bool  # an enumeration inside running text (一是, 第一，, 首先) rather than a heading line
    example: str
    pattern: str  # the marker; group "n" holds the numeral where there is one
    numeral: str  # how "n" is read: "cn", "digit", "circled", "stem", "latin", "upper" or "word"
    where: str  # LINE, HEADING, SENTENCE or COMMA
    # Families of one kin are one list written two ways: a speaker's 一要…三要 goes on with 四是, a scoring
    # table's 1、 with 2. (outline_arrange lets a member continue a run of its kin; see there).
    kin: str = ""


# After a decimal number: spaces then a title, or a CJK title at once; not a unit, a digit or a point.
# A 、 may also close it ("1.1、用户…", "2.2.1、自行配备…"): Chinese writers put the 、 of "1、" after
# a decimal number too, in agreements and rules scraped from PDFs, in technical notes ("2.1、从节点过滤：")
# and markdown ("#### 2.1、插入语句") alike.  A line start is still required, so "Vitest 4.1、esbuild"
# (versions listed in running text) stays text.
_DECIMAL_END = (r"(?![.．\d])(?:[ \u3000]?、[ \u3000]*(?=[^\s\d、])|[ \u3000]+(?=[^\s\d])|(?=[\u4e00-\u9fff]))"
                r"(?![万亿元倍个年月日岁吨米克])")

# Order matters: at one position the first alternative that matches wins (第一章 before 第一，).
_REGISTRY = (
    # "(二 )", "1 .": text extracted from a PDF sets a space before half-width punctuation, as it does in
    # "1 、" below and in "(含试点 范围 )" around such markers.
    Family("cn-paren", 2, False, "（一）", rf"[（(](?P<n>{CN}) ?[）)]", "cn", HEADING),
    Family("digit-paren", 4, False, "（1）", r"[（(](?P<n>\d{1,3})[）)]", "digit", HEADING),
    Family("latin-paren", 4, False, "(a)", r"[（(](?P<n>[a-h])[）)]", "latin", SENTENCE),
    # The divisions of a Chinese law, plan or book, in their one order (立法技术规范; a 规划纲要's 篇/章/节):
    # 卷 > 编 = 篇 > 分编 > 部分 > 章 > 节 > 条 > 款 > 项.  The ranks say so; a document uses a few of them.
    Family("volume", -6, False, "第一卷", rf"第(?P<n>{_CN_LONG})卷", "cn", HEADING),
    Family("book", -5, False, "第一编", rf"第(?P<n>{_CN_LONG})编", "cn", HEADING),
    # "第一篇，是从…" in a speech: the marker takes its comma, as 第一个问题， does.
    Family("piece", -5, False, "第一篇", rf"第(?P<n>{_CN_LONG})篇[，,：:]?", "cn", HEADING),
    Family("subbook", -4, False, "第一分编", rf"第(?P<n>{_CN_LONG})分编", "cn", HEADING),
    Family("part", -3, False, "第一部分", rf"第(?P<n>{_CN_LONG})部分", "cn", HEADING),
    Family("chapter", -2, False, "第一章", rf"第(?P<n>{_CN_LONG})章", "cn", HEADING),
    Family("section", -1, False, "第一节", rf"第(?P<n>{_CN_LONG})节", "cn", HEADING),
    # "第一条，反对；第二条，不怕": a 条 followed by a comma counts items in running speech (di-tiao below), the
    # way 第一点， does; an article of a law is set off by a space or a line end, never a comma.
    Family("article", 0, False, "第一条", rf"第(?P<n>{_CN_LONG})条(?![，,])", "cn", HEADING),
    Family("clause", 1, False, "第一款", rf"第(?P<n>{_CN_LONG})款", "cn", HEADING),
    Family("item", 2, False, "第一项", rf"第(?P<n>{_CN_LONG})项", "cn", HEADING),
    Family("question", 1, False, "第一个问题", rf"第(?P<n>{_CN_LONG})个问题[，,、：:]?", "cn", SENTENCE),
    # "第一件　将农民组织在农会里" (maoxuan_md_hunan_nongmin's 十四件大事), "第一类　…", "第二点　…": an ordinal and its
    # counter word (COUNTERS) alone before a space at a line start title a part, as 第一章　 does; the same counters
    # after a comma or 是 count items inside a paragraph (di-noun, di-cn below).
    Family("di-counter", 1, False, "第一件　", rf"第(?P<n>{_CN_LONG})(?:{_COUNTER})[ \u3000]+(?=[^\s\d])", "cn",
           LINE),
    # "第一方面，…第二方面，", "第一个方向，", "第一种：", "第一个证据，…第四个证据，": an ordinal, a classifier
    # and a short noun, then a comma or colon (a longer noun is a name: "第二个百年奋斗目标，"), or 是: a speaker
    # goes on "第一个特点，…。第二个特点是敌人的强大。" (the noun then holds no 是 itself).
    Family("di-noun", 5, True, "第一方面，",
           rf"第(?P<n>{_CN_LONG})(?:个?(?:方面|方向|种)|个(?:(?!是)[\u4e00-\u9fff]){{1,3}}?)(?:[，,：:]|是[，,：:]?)", "cn",
           SENTENCE),
    Family("di-shi", 5, True, "第一是", rf"第(?P<n>{_CN_LONG})是", "cn", COMMA),
    Family("di-cn", 5, True, "第一，", rf"第(?P<n>{_CN_LONG})(?:{_COUNTER})?[，,、：:]", "cn", COMMA),
    # Its own family: "第一点，…第四点，" then "这是第一条。第二条，…" is a list inside the 第四点.
    Family("di-tiao", 5, True, "第一条，", rf"第(?P<n>{_CN_LONG})条[，,]", "cn", COMMA),
    Family("aspect", 5, True, "一方面，", r"(?P<n>[另又])?一方面[，,]?", "word", SENTENCE),
    Family("qi-cn", 5, True, "其一，", r"(?:又其一|其(?P<n>[一二三四五六七八九十]))[，,、：:]", "cn", COMMA),
    Family("cn-shi", 5, True, "一是", rf"(?P<n>{CN})是", "cn", COMMA, kin="cn-verb"),
    Family("cn-yao", 5, True, "一要", rf"(?P<n>{CN})要", "cn", COMMA, kin="cn-verb"),
    Family("cn-yue", 5, True, "一曰", rf"(?P<n>{CN})曰", "cn", COMMA),  # "止忧之法有五：一曰…，二曰…"
    Family("cn-dun", 1, False, "一、", rf"(?P<n>{CN})(?:、|[.．](?!\d))", "cn", HEADING),
    Family("cn-comma", 5, True, "一，", rf"(?P<n>{CN})[，,](?=[^\s\d一二三四五六七八九十])", "cn", SENTENCE),
    # "一　中国向何处去", and a numeral alone on its line ("## 一" over an untitled part of a speech).
    Family("cn-space", 1, False, "一 ", rf"(?P<n>{CN})(?:[ \u3000]+(?=[^\s\d])|[ \u3000]*(?=\r?\n|$))", "cn",
           LINE),
    Family("stem", 1, False, "甲　", rf"(?P<n>[{_STEMS}])(?:、|[ \u3000]+)(?=[^\s\d{_STEMS}])", "stem", LINE),
    # "4.1 Brainstorming", "10.2 SHA-3", "1.1研究背景" (and "4.1.2" a level deeper): the numbering of
    # technical and academic texts; the last number is the ordinal, restarting under each part.  Only at
    # a line start, and never before a unit ("3.5亿元" opening a line is an amount).
    Family("decimal3", 4, False, "1.1.1", r"\d{1,2}[.．]\d{1,2}[.．](?P<n>\d{1,2})" + _DECIMAL_END, "digit", LINE),
    Family("decimal", 3, False, "1.1", r"\d{1,2}[.．](?P<n>\d{1,2})" + _DECIMAL_END, "digit", LINE),
    Family("digit-dot", 3, False, "1.", r"(?P<n>\d{1,3})(?:[.．]| [.．](?=[\u4e00-\u9fff]))(?![\d.．])", "digit",
           HEADING, kin="digit"),
    # "1 、", "A 、": text copied from a PDF or an HTML table puts a space before the 、.
    Family("digit-dun", 3, False, "1、", r"(?P<n>\d{1,3})[ \u3000]?、", "digit", SENTENCE, kin="digit"),
    Family("digit-rparen", 4, False, "1）", r"(?P<n>\d{1,3})[）)]", "digit", SENTENCE),
    # "1\t组织领导\t8": a table's row number in its own cell (a TAB after it: no date or unit reads so).
    Family("digit-space", 3, False, "1 ", r"(?P<n>\d{1,3})(?:[ \u3000]+(?=[^\s\d年月日%％])|\t+(?=[^\s\d]))", "digit",
           LINE),
    Family("latin-dot", 3, False, "A.", r"(?P<n>[A-H])(?:[.．]|[ \u3000]?、)(?=[^\sA-Za-z0-9.．])", "upper", LINE),
    # 最后 counts only when a comma, colon or 是 sets it off: "最后我想总结的是，…" is the speaker winding up.
    Family("sequence", 5, True, "首先，", r"(?P<n>首先|再其次|其次|再次|最后(?=[，,：:是]))[，,]?", "word", SENTENCE),
    Family("circled", 5, True, "①", r"(?P<n>[\u2460-\u2473])", "circled", SENTENCE),
)
FAMILIES: dict[str, Family] = {f.id: f for f in _REGISTRY}

# The divisions above the article (卷 编 篇 分编 部分 章 节): parts of a whole text, numbered on through it.
DIVISIONS = frozenset(f.id for f in _REGISTRY if f.rank < 0)

# Families whose members may follow a comma inside a paragraph ("…三件事，一是…，二是…").
COMMA_FAMILIES = frozenset(f.id for f in _REGISTRY if f.where == COMMA)
# Heading families that may also enumerate inside a sentence, after a comma.
COMMA_LISTS = frozenset({"cn-dun"})

FIRST_CHARS = "（(第另又一二三四五六七八九十○〇其首再最\\d\u2460-\u2473" + _STEMS + "A-H"
# Families sharing a leading part are compiled as one alternative (the lead matched once, then the
# tails tried in registry order): the scanner then tries a handful of alternatives where a character
# such as 一 (very common in running text) could start a marker, not every family in turn.
_LEADS = (rf"第(?P<n>{_CN_LONG})", rf"(?P<n>{CN})", r"[（(]", r"(?P<n>\d{1,3})")


def _compile() -> tuple[re.Pattern, dict[str, tuple[int, Family, str]]]:
    groups: dict[str, list[int]] = {}
    for k, family in enumerate(_REGISTRY):
        lead = next((lead for lead in _LEADS if family.pattern.startswith(lead)), f"#{k}")
        groups.setdefault(lead, []).append(k)
    alternatives = []
    numeral_group: dict[int, str] = {}  # family index → name of the group holding its numeral
    for index, (lead, members) in enumerate(groups.items()):
        if lead.startswith("#"):
            k = members[0]
            alternatives.append(f"(?P<g{k}>{_REGISTRY[k].pattern.replace('(?P<n>', f'(?P<n{k}>')})")
            numeral_group[k] = f"n{k}"
            continue
        tails = "|".join(
            f"(?P<g{k}>{_REGISTRY[k].pattern[len(lead):].replace('(?P<n>', f'(?P<n{k}>')})" for k in members)
        alternatives.append(lead.replace("(?P<n>", f"(?P<lead{index}>") + f"(?:{tails})")
        for k in members:
            numeral_group[k] = f"lead{index}" if "(?P<n>" in lead else f"n{k}"
    body = rf"(?=[{FIRST_CHARS}])(?:" + "|".join(alternatives) + ")"
    pattern = re.compile(body)
    names = set(pattern.groupindex)
    return pattern, {f"g{k}": (k, f, numeral_group[k] if numeral_group[k] in names else "")
                     for k, f in enumerate(_REGISTRY)}


PATTERN, GROUP = _compile()


@functools.lru_cache(maxsize=4096)
def numeral_value(raw: str) -> int | None:
    """"12" → 12, "十二" → 12; cached: a document repeats the same few numerals thousands of times."""
    return int(raw) if raw.isdigit() else cn_to_int(raw)


def ordinal_of(family: Family, raw: str | None) -> int | None:
    kind = family.numeral
    if kind == "word":
        if family.id == "aspect":
            return 2 if raw else 1
        return _SEQUENCE_ORDINALS[raw]
    if raw is None:
        return NEXT if family.id == "qi-cn" else None  # 又其一: the group is empty
    if kind == "circled":
        return ord(raw) - 0x2460 + 1
    if kind == "stem":
        return _STEMS.index(raw) + 1
    if kind in ("latin", "upper"):
        return ord(raw.lower()) - ord("a") + 1
    value = numeral_value(raw)
    limit = 1000 if family.id in ("article", "clause", "item") or family.id in DIVISIONS else 100
    return value if value and 0 < value < limit else None


_FULLWIDTH = re.compile("[\uff10-\uff19\uff0e\uff05]")


def fold_digits(text: str) -> str:
    """Full-width digits, point and percent → ASCII, same length (offsets kept).  Only the few
    full-width characters are touched: str.translate walks every character and costs more than the
    whole marker scan on a long text."""
    if _FULLWIDTH.search(text) is None:
        return text
    return _FULLWIDTH.sub(lambda m: chr(ord(m.group()) - 0xFEE0), text)


MARKDOWN_PREFIX = re.compile(r"[ \t\u3000]*#{1,6}[ \t\u3000]+")


@dataclass(frozen=True)
class MarkerMatch:
    """A marker opening a line: what the GUI's "add heading" tool records for a hand-made heading."""

    start: int  # of the marker (after indentation and any markdown "#")
    end: int  # of the marker; the title starts after the spaces that follow
    title_start: int
    family: str
    ordinal: int


def match_marker(line: str, start: int = 0) -> MarkerMatch | None:
    """The marker at the start of ``line[start:]`` (indentation and a markdown prefix skipped), or None.

    Every family of the registry is recognised, wherever it may otherwise stand: a person marking a
    heading by hand has already decided it is one.
    """
    prefix = MARKDOWN_PREFIX.match(line, start)
    i = prefix.end() if prefix else start
    while i < len(line) and line[i] in HSPACE:
        i += 1
    m = PATTERN.match(fold_digits(line), i)
    if m is None or m.lastgroup is None:
        return None
    _k, family, numeral = GROUP[m.lastgroup]
    ordinal = ordinal_of(family, m.group(numeral) if numeral else None)
    if ordinal is None:
        return None
    j = m.end()
    while j < len(line) and line[j] in HSPACE:
        j += 1
    return MarkerMatch(m.start(), m.end(), j, family.id, ordinal)
