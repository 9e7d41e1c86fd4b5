"""The heading-marker grammar, declared once as data, and the scanner built from it.

``FAMILIES`` is the one registry of marker families (一、 （一） 1. 第一条 一是 ① …): each entry says how
the marker is written, how deep it usually sits (GB/T 9704 order; a prior only, the document decides)
and where it may stand.  Three users share it: the outline parser (``scan``), the cleaner's decision
between page-chunk numbers and list items (``ends_sentence``), and the GUI's manual "add heading" tool
(``match_marker``: which marker, if any, opens a line the user marked as a heading).

The scanner is permissive about *what* it matches and records *where* each match stands (line start,
after a sentence end, after a comma, glued to the text before it in a flattened page …) together with
a plausibility; the outline builder decides from ordinals and nesting which candidates are structure.
One compiled alternation over the whole text, guarded by a first-character lookahead, keeps the scan
linear and at several million characters per second.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from annotator.nlp.numerals import cn_to_int

LAST = -1  # ordinal of 最后: "one more than whatever came before"

_CN = "[一二三四五六七八九十○〇]{1,3}"  # 一○ is ten in older texts (○ as zero)
_CN_LONG = "[一二三四五六七八九十百零○〇]{1,6}"  # articles of a law run past a hundred
_STEMS = "甲乙丙丁戊己庚辛壬癸"
_SEQUENCE_ORDINALS = {"首先": 1, "其次": 2, "再次": 3, "最后": LAST}

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


# Order matters: at one position the first alternative that matches wins (第一章 before 第一，).
_REGISTRY = (
    Family("cn-paren", 2, False, "（一）", rf"[（(](?P<n>{_CN})[）)]", "cn", HEADING),
    Family("digit-paren", 4, False, "（1）", r"[（(](?P<n>\d{1,3})[）)]", "digit", HEADING),
    Family("latin-paren", 4, False, "(a)", r"[（(](?P<n>[a-h])[）)]", "latin", SENTENCE),
    Family("part", -3, False, "第一部分", rf"第(?P<n>{_CN_LONG})部分", "cn", HEADING),
    Family("chapter", -2, False, "第一章", rf"第(?P<n>{_CN_LONG})章", "cn", HEADING),
    Family("section", -1, False, "第一节", rf"第(?P<n>{_CN_LONG})节", "cn", HEADING),
    Family("article", 0, False, "第一条", rf"第(?P<n>{_CN_LONG})条", "cn", HEADING),
    Family("clause", 1, False, "第一款", rf"第(?P<n>{_CN_LONG})款", "cn", HEADING),
    Family("item", 2, False, "第一项", rf"第(?P<n>{_CN_LONG})项", "cn", HEADING),
    Family("question", 1, False, "第一个问题", rf"第(?P<n>{_CN_LONG})个问题[，,、：:]?", "cn", SENTENCE),
    # "第一方面，…第二方面，", "第一个方向，", "第一种：": an ordinal, a classifier noun, then a comma or colon.
    Family("di-noun", 5, True, "第一方面，", rf"第(?P<n>{_CN_LONG})个?(?:方面|方向|种)[，,：:]", "cn", SENTENCE),
    Family("di-shi", 5, True, "第一是", rf"第(?P<n>{_CN_LONG})是", "cn", COMMA),
    Family("di-cn", 5, True, "第一，", rf"第(?P<n>{_CN_LONG})[点个]?[，,、：:]", "cn", COMMA),
    Family("aspect", 5, True, "一方面，", r"(?P<n>另)?一方面[，,]?", "word", SENTENCE),
    Family("qi-cn", 5, True, "其一，", r"其(?P<n>[一二三四五六七八九十])[，,、：:]", "cn", COMMA),
    Family("cn-shi", 5, True, "一是", rf"(?P<n>{_CN})是", "cn", COMMA),
    Family("cn-yao", 5, True, "一要", rf"(?P<n>{_CN})要", "cn", COMMA),
    Family("cn-yue", 5, True, "一曰", rf"(?P<n>{_CN})曰", "cn", COMMA),  # "止忧之法有五：一曰…，二曰…"
    Family("cn-dun", 1, False, "一、", rf"(?P<n>{_CN})(?:、|[.．](?!\d))", "cn", HEADING),
    Family("cn-comma", 5, True, "一，", rf"(?P<n>{_CN})[，,](?=[^\s\d一二三四五六七八九十])", "cn", SENTENCE),
    # "一　中国向何处去", and a numeral alone on its line ("## 一" over an untitled part of a speech).
    Family("cn-space", 1, False, "一 ", rf"(?P<n>{_CN})(?:[ \u3000]+(?=[^\s\d])|[ \u3000]*(?=\r?\n|$))", "cn",
           LINE),
    Family("stem", 1, False, "甲　", rf"(?P<n>[{_STEMS}])(?:、|[ \u3000]+)(?=[^\s\d{_STEMS}])", "stem", LINE),
    Family("digit-dot", 3, False, "1.", r"(?P<n>\d{1,3})[.．](?![\d.．])", "digit", HEADING),
    # "1 、", "A 、": text copied from a PDF or an HTML table puts a space before the 、.
    Family("digit-dun", 3, False, "1、", r"(?P<n>\d{1,3})[ \u3000]?、", "digit", SENTENCE),
    Family("digit-rparen", 4, False, "1）", r"(?P<n>\d{1,3})[）)]", "digit", SENTENCE),
    Family("digit-space", 3, False, "1 ", r"(?P<n>\d{1,3})[ \u3000]+(?=[^\s\d年月日%％])", "digit", LINE),
    Family("latin-dot", 3, False, "A.", r"(?P<n>[A-H])(?:[.．]|[ \u3000]?、)(?=[^\sA-Za-z0-9.．])", "upper", LINE),
    Family("sequence", 5, True, "首先，", r"(?P<n>首先|其次|再次|最后)[，,]?", "word", SENTENCE),
    Family("circled", 5, True, "①", r"(?P<n>[\u2460-\u2473])", "circled", SENTENCE),
)
FAMILIES: dict[str, Family] = {f.id: f for f in _REGISTRY}

# Families whose members may follow a comma inside a paragraph ("…三件事，一是…，二是…").
COMMA_FAMILIES = frozenset(f.id for f in _REGISTRY if f.where == COMMA)
# Heading families that may also enumerate inside a sentence, after a comma.
COMMA_LISTS = frozenset({"cn-dun"})

SENTENCE_END = frozenset("。！？；：!?;:")
_FULL_STOPS = frozenset("。！？!?")
CLOSERS = frozenset("”’」』》\"'")  # a quote closing a sentence: 。” then the marker
HSPACE = " \t\u3000\xa0"
# A line break after this many characters without end punctuation is a page-chunk or wrap join in the
# middle of a sentence, not a paragraph end; real headings are far shorter.
BROKEN_LINE_MIN = 80
# A line this long is a page flattened onto one line: markers glued to the text before them count.
FLATTENED_LINE_MIN = 400
_GLUE_AFTER = frozenset("）)」』】]”’")  # a flattened page runs a heading on after a closing bracket

# How much a position says "a heading starts here"; the outline's confidence starts from this.
PLAUSIBILITY = {"line": 1.0, "break": 0.9, "sentence": 0.8, "space": 0.75, "comma": 0.6, "glued": 0.45}

_FIRST = "（(第另一二三四五六七八九十○〇其首再最\\d\u2460-\u2473" + _STEMS + "A-H"
# Families sharing a leading part are compiled as one alternative (the lead matched once, then the
# tails tried in registry order): the scanner then tries a handful of alternatives where a character
# such as 一 (very common in running text) could start a marker, not every family in turn.
_LEADS = (rf"第(?P<n>{_CN_LONG})", rf"(?P<n>{_CN})", r"[（(]", r"(?P<n>\d{1,3})")


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
    body = rf"(?=[{_FIRST}])(?:" + "|".join(alternatives) + ")"
    pattern = re.compile(body)
    names = set(pattern.groupindex)
    return pattern, {f"g{k}": (k, f, numeral_group[k] if numeral_group[k] in names else "")
                     for k, f in enumerate(_REGISTRY)}


_PATTERN, _GROUP = _compile()
# The same grammar, tried only where a marker can stand outside a flattened line: at the start, or
# after a line break, a stop or comma, a closing quote, a space, a markdown "#" or a photo credit.
# Most occurrences of 一, 二, 第 … sit inside words ("统一", "第二次"); skipping them in C is what keeps
# ordinary text fast.  Flattened lines, where a marker may be glued to a word, are scanned in full.
# Pictographs and bullet shapes ("🏦（一）托管模式", "■一、", "👉1.") decorate a heading in web articles the
# way indentation does: a marker after them stands where it would stand without them.
_DECORATION = "\U0001F000-\U0001FAFF\u2600-\u27BF\u25A0-\u25FF\u2B00-\u2BFF\uFE0F\u200D"
_DECORATIONS = re.compile(f"[{_DECORATION}]")
_OPENERS = "\n。！？；：!?;:，,\t \u3000\xa0”’」』》\"'#摄）)】\\]" + _DECORATION
# An opener followed by a character a marker can start with: the regex engine scans for this short
# pattern with its character-class fast path, and the full grammar is tried only at the few hits (twice
# as fast as a look-behind tried at every position).
_OPENING = re.compile(rf"[{_OPENERS}](?=[{_FIRST}])")


def _at_openings(folded: str) -> list[re.Match]:
    """What ``finditer`` of the grammar behind a look-behind on the openers would give: the marker
    matches that start the text or follow an opener, without overlaps, in order."""
    found = []
    end = 0
    first = _PATTERN.match(folded, 0)
    if first is not None:
        found.append(first)
        end = first.end()
    for hit in _OPENING.finditer(folded):
        at = hit.end()
        if at < end:
            continue
        m = _PATTERN.match(folded, at)
        if m is not None:
            found.append(m)
            end = m.end()
    return found


_NEXT_NUMERAL = re.compile(rf"{_CN}|\d{{1,2}}")
_FULLWIDTH = re.compile("[\uff10-\uff19\uff0e\uff05]")


def fold_digits(text: str) -> str:
    """Full-width digits, point and percent → ASCII, same length (offsets kept).  Only the few
    full-width characters are touched: str.translate walks every character and costs more than the
    whole marker scan on a long text."""
    if _FULLWIDTH.search(text) is None:
        return text
    return _FULLWIDTH.sub(lambda m: chr(ord(m.group()) - 0xFEE0), text)


_MARKDOWN_PREFIX = re.compile(r"[ \t\u3000]*#{1,6}[ \t\u3000]+")


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int  # end of the marker (title begins after any spaces)
    marker: str  # as written in the original text
    family: str
    ordinal: int  # LAST for 最后
    position: str  # "line", "break" (sentence end + space), "sentence", "space", "comma" or "glued"
    after_full_stop: bool = False  # right after 。！？ (not ；：), where flattened text may hide a paragraph
    separated: bool = False  # a space, colon, line end or 【label】 follows ("第六条　", "第六条【…】")

    @property
    def opens_paragraph(self) -> bool:
        return self.position in ("line", "break", "space")

    @property
    def plausibility(self) -> float:
        return PLAUSIBILITY[self.position]


@functools.lru_cache(maxsize=4096)
def _numeral_value(raw: str) -> int | None:
    """"12" → 12, "十二" → 12; cached: a document repeats the same few numerals thousands of times."""
    return int(raw) if raw.isdigit() else cn_to_int(raw)


def _ordinal(family: Family, raw: str | None) -> int | None:
    kind = family.numeral
    if kind == "word":
        if family.id == "aspect":
            return 2 if raw else 1
        return _SEQUENCE_ORDINALS[raw]
    if raw is None:
        return None
    if kind == "circled":
        return ord(raw) - 0x2460 + 1
    if kind == "stem":
        return _STEMS.index(raw) + 1
    if kind in ("latin", "upper"):
        return ord(raw.lower()) - ord("a") + 1
    value = _numeral_value(raw)
    limit = 1000 if family.id in ("article", "clause", "item", "chapter", "section") else 100
    return value if value and 0 < value < limit else None


def _line_start_before(text: str, i: int) -> int | None:
    """Start of the line if only spaces or a markdown heading prefix stand before ``i``, else None."""
    p = text.rfind("\n", max(0, i - 12), i)
    if p < 0 and i > 12:
        return None
    start = p + 1
    head = text[start:i]
    if not head.strip(HSPACE) or _MARKDOWN_PREFIX.fullmatch(head):
        return start
    return None


def _position(text: str, i: int, newlines: list[int]) -> str | None:
    """What precedes a candidate at ``i``: the places where a heading or enumeration can begin."""
    j = i - 1
    while j >= 0 and (text[j] in HSPACE or _DECORATIONS.match(text, j)):
        j -= 1
    spaced = j < i - 1 and any(ch in HSPACE for ch in text[j + 1:i])
    if j < 0:
        return "line"
    ch = text[j]
    if ch == "\n":
        return None if _broken_line_before(text, j) else "line"
    if ch == "#" and _line_start_before(text, i) is not None:
        return "line"
    if ch in SENTENCE_END or (ch in CLOSERS and j > 0 and text[j - 1] in SENTENCE_END):
        # In flattened text a space after the sentence end is where a paragraph break used to be.
        return "break" if spaced else "sentence"
    if ch in "，,":
        return "comma"
    if ch == "摄" and j > 0 and text[j - 1] in "/／":
        return "break"  # a photo caption ("新华社记者 王某/摄") ends where the text resumes
    if spaced and not (ch.isascii() and ch.isalnum()):
        return "space"
    if ch in _GLUE_AFTER:
        return "glued"  # "…（市审批服务局按职责分工负责）2．简化…": an item ends in a note, the next runs on
    if "\u4e00" <= ch <= "\u9fff" and _in_flattened_line(i, newlines, len(text)):
        return "glued"
    return None


def _in_flattened_line(i: int, newlines: list[int], length: int) -> bool:
    k = bisect.bisect_left(newlines, i)
    start = newlines[k - 1] + 1 if k else 0
    end = newlines[k] if k < len(newlines) else length
    return end - start >= FLATTENED_LINE_MIN


def _previous_char(text: str, i: int) -> str:
    j = i - 1
    while j > 0 and text[j] in CLOSERS:
        j -= 1
    return text[j] if j >= 0 else ""


def ends_sentence(text: str, pos: int, floor: int = 0) -> bool:
    """Does the text before ``pos`` end a sentence, a heading or a list item (not a cut mid-sentence)?

    Shared by the outline (is this line break a paragraph end?) and the cleaner (is this "2、" a page
    chunk number or a list item?): one decision for both.  A closing bracket ends an item — scoring
    rules end each item with "（5分）" or "（牵头单位：…）" — as does a closing quote after a stop.
    """
    k = pos
    while k > floor and text[k - 1] in "\n" + HSPACE:
        k -= 1
    if k <= floor:
        return True
    ch = text[k - 1]
    if ch in SENTENCE_END or ch in "…）)】]":
        return True
    if ch in CLOSERS:
        return k - 1 > floor and (text[k - 2] in SENTENCE_END or text[k - 2] in "…")
    return False


def _broken_line_before(text: str, newline: int) -> bool:
    """True when the line before ``newline`` is a long run of prose cut mid-sentence (page chunks)."""
    if ends_sentence(text, newline + 1):
        return False
    k = newline
    while k >= 0 and text[k] in "\n" + HSPACE:
        k -= 1
    line_start = text.rfind("\n", 0, k) + 1
    return k - line_start + 1 >= BROKEN_LINE_MIN


def _runs_into_next_numeral(folded: str, end: int, ordinal: int) -> bool:
    """"一、二季度", "抓好一、二、三产业": a numeral one higher right after the marker is a list of numbers."""
    m = _NEXT_NUMERAL.match(folded, end)
    if not m:
        return False
    raw = m.group()
    value = _numeral_value(raw)
    return value == ordinal + 1


_LEGAL = frozenset({"article", "clause", "item"})
_PARTS = frozenset({"part", "chapter", "section"})
_REFERENCE_NEXT = frozenset("《“的所规")  # what follows 第一章 when it is cited, never when it is a heading


def _separated(text: str, end: int) -> bool:
    """Does a space, a colon or a line end follow the marker ("第三条　", "第三条："), as in a heading?"""
    return end >= len(text) or text[end] in " \t\n\u3000\xa0：:，,"


def _allowed(family: Family, position: str, flattened: bool = False) -> bool:
    if family.where == LINE:
        # A page flattened onto one line lost its line starts; a sentence end is where they were.
        return position == "line" or (flattened and position in ("break", "sentence"))
    if position == "comma":
        # "苏联和我们不同，一、沙皇俄国是帝国主义，二、…": a numbered list inside a sentence; the outline
        # keeps such members only where a neighbour stands in the same paragraph.
        return family.where == COMMA or family.id in COMMA_LISTS
    if position == "glued":
        return family.where == HEADING
    return True


_QUOTE_MAX = 1000  # a quotation longer than this is more likely an unclosed quote mark than a citation


def _quotations(text: str) -> list[tuple[int, int]]:
    """Outermost spans “…” closed within their paragraph, in one pass over the quote marks.

    Quotes nest: a cited rule quoting a term (“下列物质应当认定为…规定的“有毒物质”：（一）…”) keeps its
    list inside the outer quotation after the inner one closed."""
    spans, opened, depth, previous = [], None, 0, 0
    # Only the quote marks are visited (not every line break): a quote is closed within its paragraph
    # when no line break lies between its marks.
    for m in _QUOTE_MARK.finditer(text):
        at = m.start()
        if depth and text.find("\n", previous, at) >= 0:
            opened, depth = None, 0  # the paragraph ended inside a quotation: an unclosed mark
        previous = at
        if m.group() == "“":
            if not depth:
                opened = at
            depth += 1
        elif depth:
            depth -= 1
            if not depth:
                if at - opened <= _QUOTE_MAX:
                    spans.append((opened, at))
                opened = None
    return spans


_QUOTE_MARK = re.compile("[“”]")


def _quoted(i: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    k = bisect.bisect_left(starts, i) - 1
    return k >= 0 and spans[k][0] < i < spans[k][1]


def _matches(folded: str, newlines: list[int]) -> list[re.Match]:
    """Marker matches at openings everywhere, plus every match inside flattened lines, in order."""
    found = _at_openings(folded)
    bounds = [-1, *newlines, len(folded)]
    long_lines = [(a + 1, b) for a, b in zip(bounds, bounds[1:]) if b - a - 1 >= FLATTENED_LINE_MIN]
    if not long_lines:
        return found
    seen = {m.start() for m in found}
    for start, end in long_lines:
        found.extend(m for m in _PATTERN.finditer(folded, start, end) if m.start() not in seen)
    found.sort(key=lambda m: m.start())
    return found


def scan(text: str) -> list[Candidate]:
    """Every marker-shaped string at a plausible position, in document order."""
    folded = fold_digits(text)
    newlines = [m.start() for m in re.finditer("\n", folded)]
    quotes = _quotations(folded)
    quote_starts = [a for a, _b in quotes]
    found: list[Candidate] = []
    for m in _matches(folded, newlines):
        group = m.lastgroup
        if group is None:
            continue
        _k, family, numeral = _GROUP[group]
        ordinal = _ordinal(family, m.group(numeral) if numeral else None)
        if ordinal is None:
            continue
        start, end = m.span()
        position = _position(folded, start, newlines)
        if position is None:
            continue
        if position != "line" and _quoted(start, quotes, quote_starts):
            continue  # “…下列情形除外：(一)…；(二)…”: a cited text's list is not this document's outline
        if not _allowed(family, position, family.where == LINE and _in_flattened_line(start, newlines, len(folded))):
            continue
        if family.id in _LEGAL and position in ("glued", "comma", "space") and not _separated(folded, end):
            continue  # "依照第九十九条规定": a reference to an article, not an article
        if family.id in _PARTS and position != "line" and folded[end:end + 1] in _REFERENCE_NEXT:
            continue  # "…课本。第一章《中国社会》，是…", "第三章规定的": a part of a book named, not a heading
        if family.id == "sequence" and m.group().startswith("再次") and end == start + 2:
            continue  # "再次强调" is an adverb; as a marker 再次 takes a comma
        if ordinal != LAST and family.numeral in ("cn", "digit") and _runs_into_next_numeral(folded, end, ordinal):
            continue
        full_stop = position == "glued" or (position == "sentence" and _previous_char(folded, start) in _FULL_STOPS)
        separated = _separated(folded, end) or folded.startswith("【", end)
        found.append(Candidate(start, end, text[start:end], family.id, ordinal, position, full_stop, separated))
    return found


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
    prefix = _MARKDOWN_PREFIX.match(line, start)
    i = prefix.end() if prefix else start
    while i < len(line) and line[i] in HSPACE:
        i += 1
    m = _PATTERN.match(fold_digits(line), i)
    if m is None or m.lastgroup is None:
        return None
    _k, family, numeral = _GROUP[m.lastgroup]
    ordinal = _ordinal(family, m.group(numeral) if numeral else None)
    if ordinal is None:
        return None
    j = m.end()
    while j < len(line) and line[j] in HSPACE:
        j += 1
    return MarkerMatch(m.start(), m.end(), j, family.id, ordinal)
