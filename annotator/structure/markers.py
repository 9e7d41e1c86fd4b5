"""The marker scanner: every occurrence of the grammar (``marker_grammar``) at a plausible position.

The scanner is permissive about *what* it matches and records *where* each match stands (line start,
after a sentence end, after a comma, glued to the text before it in a flattened page …) together with
a plausibility; the outline builder decides from ordinals and nesting which candidates are structure.
One compiled alternation over the whole text, guarded by a first-character lookahead, keeps the scan
linear and at several million characters per second.  ``ends_sentence`` is the one decision, shared
with the cleaner, of whether a line break or a "2、" ends a sentence or cuts one in two.

The grammar's names are re-exported here: callers that scan and callers that only ask "which family
is this" import from one place.
"""

from __future__ import annotations

import bisect
import heapq
import re
from dataclasses import dataclass
from typing import Iterator

from annotator.structure.fast_init import fast_frozen_init
from annotator.structure.marker_grammar import (
    CN,
    COMMA,
    COMMA_FAMILIES,
    COMMA_LISTS,
    DIVISIONS,
    FAMILIES,
    FIRST_CHARS,
    GROUP,
    HEADING,
    HSPACE,
    LAST,
    LINE,
    MARKDOWN_PREFIX,
    PATTERN,
    Family,
    MarkerMatch,
    fold_digits,
    match_marker,
    numeral_value,
    ordinal_of,
)

__all__ = ["CLOSERS", "COMMA_FAMILIES", "FAMILIES", "FLATTENED_LINE_MIN", "HSPACE", "ITEM_FAMILIES", "LAST", "SENTENCE_END",
           "Candidate", "MarkerMatch", "ends_sentence", "fold_digits", "match_marker", "scan"]

SENTENCE_END = frozenset("。！？；：!?;:")
_FULL_STOPS = frozenset("。！？!?")
CLOSERS = frozenset("”’」』》\"'")  # a quote closing a sentence: 。” then the marker
# A line break after this many characters without end punctuation is a page-chunk or wrap join in the
# middle of a sentence, not a paragraph end; real headings are far shorter.
BROKEN_LINE_MIN = 80
# A line this long is a page flattened onto one line: markers glued to the text before them count.
FLATTENED_LINE_MIN = 400
_GLUE_AFTER = frozenset("）)」』】]”’")  # a flattened page runs a heading on after a closing bracket

# How much a position says "a heading starts here"; the outline's confidence starts from this.
PLAUSIBILITY = {"line": 1.0, "break": 0.9, "sentence": 0.8, "space": 0.75, "comma": 0.6, "glued": 0.45}

# The same grammar, tried only where a marker can stand outside a flattened line: at the start, or
# after a line break, a stop or comma, a closing quote, a space, a markdown "#" or a photo credit.
# Most occurrences of 一, 二, 第 … sit inside words ("统一", "第二次"); skipping them in C is what keeps
# ordinary text fast.  Flattened lines, where a marker may be glued to a word, are scanned in full.
# Pictographs and bullet shapes ("🏦（一）托管模式", "■一、", "👉1.") decorate a heading in web articles the
# way indentation does: a marker after them stands where it would stand without them.
_DECORATION = "\U0001F000-\U0001FAFF\u2600-\u27BF\u25A0-\u25FF\u2B00-\u2BFF\uFE0F\u200D"
_DECORATIONS = re.compile(f"[{_DECORATION}]")
_OPENERS = "\n。！？；：!?;:，,\t \u3000\xa0”’」』》\"'#摄）)】\\]“" + _DECORATION
# An opener followed by a character a marker can start with: the regex engine scans for this short
# pattern with its character-class fast path, and the full grammar is tried only at the few hits (twice
# as fast as a look-behind tried at every position).
_OPENING = re.compile(rf"[{_OPENERS}](?=[{FIRST_CHARS}])")
# A sentence-opening conjunction before an ordinal ("…的基础之上。然而第二，由于…", "。但是第一，我们说…"): the
# ordinal stands where the conjunction stands.  Only 第N counts so (a 一 after 但是 is a number far more often).
_CONNECTIVES = frozenset(("然而", "但是", "可是", "不过", "而且", "并且", "此外", "另外", "再者", "况且"))
_DI_ORDINAL = re.compile("第(?=[一二三四五六七八九十])")  # a literal first: the engine's fast search


def _after_connectives(folded: str) -> list[int]:
    """Openings the opener scan does not see: a 第N after a conjunction (``_CONNECTIVES``), and 首先 inside a
    sentence ("党的文艺工作者首先应该在抗日这一点上…团结起来。其次，应该…": the first of a 首先…其次 list is
    as often an adverb after its subject; outline._rejected keeps it only with a 其次 in its paragraph).  A
    search for two literals, then a look at the characters before: a few per thousand characters."""
    found = [m.start() for m in _DI_ORDINAL.finditer(folded, 2) if folded[m.start() - 2:m.start()] in _CONNECTIVES]
    i = folded.find("首先", 1)
    while i >= 0:
        if "\u4e00" <= folded[i - 1] <= "\u9fff" and _paired(folded, i):
            found.append(i)
        i = folded.find("首先", i + 2)
    return sorted(found) if found else found


_PAIR_SPAN = 300  # how far the 其次 of a 首先 inside a sentence may stand (a paragraph of a speech or two)


def _paired(text: str, i: int) -> bool:
    """Does a 其次 follow the 首先 at ``i`` on its line, not too far?  Without it 首先 inside a sentence is an
    adverb ("不能首先设定这是坏人"), and even a dropped candidate can upset the lists around it."""
    stop = i + _PAIR_SPAN
    line_end = text.find("\n", i, stop)  # bounded: on a text of one line an open search reads to its end
    return text.find("其次", i + 2, line_end if line_end >= 0 else stop) >= 0


def _at_openings(folded: str) -> list[re.Match]:
    """What ``finditer`` of the grammar behind a look-behind on the openers would give: the marker
    matches that start the text or follow an opener, without overlaps, in order."""
    return list(_iter_openings(folded))


def _iter_openings(folded: str) -> Iterator[re.Match]:
    """``_at_openings`` one match at a time: a match object holds a slot for every group of the grammar
    (~1 KB), so a text made of markers must not keep them all alive at once."""
    end = 0
    first = PATTERN.match(folded, 0)
    if first is not None:
        yield first
        end = first.end()
    match = PATTERN.match
    hits = map(re.Match.end, _OPENING.finditer(folded))  # (map: no Python frame per hit)
    connected = _after_connectives(folded)
    for at in heapq.merge(hits, connected) if connected else hits:
        if at < end:
            continue
        m = match(folded, at)
        if m is not None:
            yield m
            end = m.end()


_NEXT_NUMERAL = re.compile(rf"{CN}|\d{{1,2}}")
_CN_NUMERALS = frozenset(CN[1:CN.index("]")])  # what _NEXT_NUMERAL can start with, beside a digit (\d: isdecimal)
_UNKNOWN = object()
@fast_frozen_init  # one per marker occurrence: made by the ten thousand (see fast_init)
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
    spaced: bool = False  # a horizontal space follows ("第六条　为了…"): how a flattened law still sets it off
    # An item marker opening a line after the end of a sentence or an item ("…；\n（九）"), not a wrapped
    # citation ("依照本条第（一）项、\n（九）项"); only item families ask, so only they pay for it.
    after_end: bool = False

    @property
    def opens_paragraph(self) -> bool:
        return self.position in ("line", "break", "space")

    @property
    def plausibility(self) -> float:
        return PLAUSIBILITY[self.position]


def _line_start_before(text: str, i: int) -> int | None:
    """Start of the line if only spaces or a markdown heading prefix stand before ``i``, else None."""
    p = text.rfind("\n", max(0, i - 12), i)
    if p < 0 and i > 12:
        return None
    start = p + 1
    head = text[start:i]
    if not head.strip(HSPACE) or MARKDOWN_PREFIX.fullmatch(head):
        return start
    return None


def _class_chars(ranges: str) -> tuple[frozenset[str], bool]:
    """The characters of a character-class body of single characters and ranges ("a-z\u2600-\u27BF…")
    below U+10000, and whether it also holds characters beyond (those are left to the regex)."""
    chars, astral, k = set(), False, 0
    while k < len(ranges):
        lo = hi = ranges[k]
        if k + 2 < len(ranges) and ranges[k + 1] == "-":
            hi, k = ranges[k + 2], k + 3
        else:
            k += 1
        astral = astral or hi >= "\U00010000"
        chars.update(chr(c) for c in range(ord(lo), min(ord(hi), 0xFFFF) + 1))
    return frozenset(chars), astral


# What _position steps back over, tested a character at a time by set membership (a regex call per
# character cost a tenth of the scan): spaces and the decorations below U+10000; pictographs beyond it
# (U+1F000…) are asked of _DECORATIONS.
_DECORATION_BMP, _ASTRAL_DECORATIONS = _class_chars(_DECORATION)
_STEP_BACK = frozenset(HSPACE) | _DECORATION_BMP


def _position(text: str, i: int, newlines: list[int]) -> str | None:
    """What precedes a candidate at ``i``: the places where a heading or enumeration can begin."""
    j = i - 1
    while j >= 0 and (text[j] in _STEP_BACK or (_ASTRAL_DECORATIONS and text[j] >= "\U00010000"
                                                and _DECORATIONS.match(text, j))):
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
    if ch in _OPENING_QUOTES and j == i - 1:
        return _quote_opens_block(text, j, newlines)
    if spaced and not (ch.isascii() and ch.isalnum()):
        return "space"
    if j == i - 1 and "\u4e00" <= ch <= "\u9fff" and text.startswith("首先", i) and _paired(text, i):
        return "comma"  # inside its sentence, as an item after a comma stands (see _after_connectives)
    if j == i - 1 and j > 0 and text[i] == "第" and text[j - 1:i] in _CONNECTIVES:
        where = _position(text, j - 1, newlines)  # "。然而第二，": where the conjunction stands
        if where not in (None, "glued"):
            return where
    if ch in _GLUE_AFTER:
        return "glued"  # "…（市审批服务局按职责分工负责）2．简化…": an item ends in a note, the next runs on
    if "\u4e00" <= ch <= "\u9fff" and _in_flattened_line(i, newlines, len(text)):
        return "glued"
    return None


_OPENING_QUOTES = "“\""


def _quote_opens_block(text: str, quote: int, newlines: list[int]) -> str | None:
    """A marker right after a quote mark that opens a paragraph or a table cell stands where the quote
    stands: a quoted list set as its own paragraph ("\n“（一）任何解决…；（二）…”") and a spreadsheet
    cell quoted on export ("记录薄\t\"14.记录薄 …") open with their first item.  Anywhere else a quote
    before a marker begins a citation inside a sentence."""
    j = quote - 1
    while j >= 0 and text[j] in " \u3000\xa0":
        j -= 1
    if j < 0 or text[j] == "\n":
        return _position(text, quote, newlines)
    return "space" if text[j] == "\t" else None


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


_BREAK_OR_SPACE = frozenset("\n" + HSPACE)  # (a constant: the concatenation ran at every step of the loops below)


def ends_sentence(text: str, pos: int, floor: int = 0) -> bool:
    """Does the text before ``pos`` end a sentence, a heading or a list item (not a cut mid-sentence)?

    Shared by the outline (is this line break a paragraph end?) and the cleaner (is this "2、" a page
    chunk number or a list item?): one decision for both.  A closing bracket ends an item — scoring
    rules end each item with "（5分）" or "（牵头单位：…）" — as does a closing quote after a stop.
    """
    k = pos
    while k > floor and text[k - 1] in _BREAK_OR_SPACE:
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
    while k >= 0 and text[k] in _BREAK_OR_SPACE:
        k -= 1
    line_start = text.rfind("\n", 0, k) + 1
    # A table row (cells joined by TABs, as the importer renders <td>) ends at its line end however long
    # its last cell runs ("30\t定位欠佳，多次定位扣 5 分未戴手套…据熟练程度适当扣分"): a row is not prose
    # a page-chunk join cut in two.
    return (k - line_start + 1 >= BROKEN_LINE_MIN and not _ends_in_trailer(text, line_start, k + 1)
            and text.find("\t", line_start, k + 1) < 0)


# The last unit of a line that ends a row or a paragraph without end punctuation: a table's last cell
# after a TAB ("…扣0.5分\t2": a score) or a short credit after a sentence end and a space ("…故居。 新华社
# 记者 李学仁/摄").  Prose cut in two by a page-chunk join ends in neither shape.
_TRAILER = re.compile(r"(?:\t|[。！？!?][ \u3000\xa0]+)[^\n\t。！？；：!?;:，,]{1,20}")
_TRAILER_MAX = 24


def _ends_in_trailer(text: str, line_start: int, end: int) -> bool:
    """Does the line ``text[line_start:end]`` close with a cell or a caption (``_TRAILER``)?  Looks at the
    last few characters only, so a long flattened line costs no more than a short one."""
    tail_start = max(line_start, end - _TRAILER_MAX)
    return any(m.end() == end for m in _TRAILER.finditer(text, tail_start, end))


def _runs_into_next_numeral(folded: str, end: int, ordinal: int) -> bool:
    """"一、二季度", "抓好一、二、三产业": a numeral one higher right after the marker is a list of numbers."""
    following = folded[end:end + 1]
    if following not in _CN_NUMERALS and not following.isdecimal():
        return False  # most markers: no numeral follows (tested without a regex call)
    m = _NEXT_NUMERAL.match(folded, end)
    if not m:
        return False
    raw = m.group()
    value = numeral_value(raw)
    return value == ordinal + 1


_LEGAL = frozenset({"article", "clause", "item"})
ITEM_FAMILIES = frozenset({"cn-paren", "digit-paren", "digit-dot"})  # lists of items that may skip ahead in an excerpt (outline_arrange)
_PARTS = DIVISIONS
_REFERENCE_NEXT = frozenset("《“的所规")  # what follows 第一章 when it is cited, never when it is a heading


def _separated(text: str, end: int) -> bool:
    """Does a space, a colon or a line end follow the marker ("第三条　", "第三条："), as in a heading?"""
    return end >= len(text) or text[end] in " \t\n\u3000\xa0：:，,"


# What follows an article or chapter that opens a paragraph when it is cited there ("第十五条规定…",
# "第八条至第十条…", "第三章的…"), never when it heads the paragraph.
_CITING_NEXT = re.compile(r"[《“的所和及与、至或中,，]|规定|之")


def _opens_its_paragraph(family: str, text: str, end: int) -> bool:
    """An article or part that opens its paragraph and runs straight into its words ("第八条行政执法事前…"):
    markdown whose raw-HTML spacing (<b>第八条</b>&emsp;) the cleaner took away, a scrape that dropped the
    space.  It heads the paragraph like a separated one unless its next words cite it."""
    return (family in _LEGAL or family in _PARTS) and end < len(text) and text[end] not in "\n" \
        and _CITING_NEXT.match(text, end) is None


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
    # when no paragraph end lies between its marks — a line break, or on a page flattened onto one line
    # a sentence end and a space (“补偿成本、适当获利*的原则…。  5.开展…": an OCR-lost ” must not hide
    # the rest of the page).
    search = _PARAGRAPH_END.search
    for m in _QUOTE_MARK.finditer(text):
        at = m.start()
        if depth and search(text, previous, at):
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


def _block_quotation(text: str, opened: int, closed: int) -> bool:
    """Is the quotation ``text[opened:closed + 1]`` a paragraph of its own (“ opens its line, ” ends it)?
    A text set apart that way is part of the document's content — "…四个条件：\n\n“（一）…；（二）…”" lists
    them as its own items — unlike a list cited inside a sentence ("…规定：“（一）…；（二）…”的")."""
    k = closed + 1
    while k < len(text) and text[k] in HSPACE + "\r":
        k += 1
    if k < len(text) and text[k] != "\n":
        return False
    j = opened - 1
    while j >= 0 and text[j] in HSPACE:
        j -= 1
    return j < 0 or text[j] == "\n"


_QUOTE_MARK = re.compile("[“”]")
_PARAGRAPH_END = re.compile("\n|[。！？][ \t\u3000\xa0]")


def _quoted(i: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    k = bisect.bisect_left(starts, i) - 1
    return k >= 0 and spans[k][0] < i < spans[k][1]


def _matches(folded: str, newlines: list[int]) -> Iterator[re.Match]:
    """Marker matches at openings everywhere, plus every match inside flattened lines, in order.

    Streamed (the two ordered streams merged), never listed: a flattened line of nothing but markers
    ("一、二、三、（一）1.2.①…") matches at every few characters, and a list of its match objects took
    ~360 MB per million characters before any was judged."""
    found = _iter_openings(folded)
    bounds = [-1, *newlines, len(folded)]
    long_lines = [(a + 1, b) for a, b in zip(bounds, bounds[1:]) if b - a - 1 >= FLATTENED_LINE_MIN]
    if not long_lines:
        return found
    return _merged(found, (m for start, end in long_lines for m in PATTERN.finditer(folded, start, end)))


def _merged(openings: Iterator[re.Match], inside: Iterator[re.Match]) -> Iterator[re.Match]:
    """Both ordered streams by start; a match inside a long line that starts where an opening match
    starts is that match again, and is left out."""
    ahead = next(inside, None)
    for m in openings:
        start = m.start()
        while ahead is not None and ahead.start() < start:
            yield ahead
            ahead = next(inside, None)
        if ahead is not None and ahead.start() == start:
            ahead = next(inside, None)
        yield m
    if ahead is not None:
        yield ahead
        yield from inside


def scan(text: str) -> list[Candidate]:
    """Every marker-shaped string at a plausible position, in document order."""
    folded = fold_digits(text)
    newlines = [m.start() for m in re.finditer("\n", folded)]
    quotes = [q for q in _quotations(folded) if not _block_quotation(folded, *q)]
    quote_starts = [a for a, _b in quotes]
    found: list[Candidate] = []
    last_dot = 0  # ordinal of the last 1. item found
    ordinals: dict[tuple[str, str | None], int | None] = {}  # (group, numeral as written) → ordinal_of
    for m in _matches(folded, newlines):
        group = m.lastgroup
        if group is None:
            continue
        _k, family, numeral = GROUP[group]
        raw = m.group(numeral) if numeral else None
        ordinal = ordinals.get((group, raw), _UNKNOWN)  # a text repeats a few numerals thousands of times
        if ordinal is _UNKNOWN:
            ordinal = ordinals[(group, raw)] = ordinal_of(family, raw)
        start, end = m.span()
        if family.id == "digit-dot" and last_dot and (ordinal is None or folded[start - 1:start].isdigit()):
            # "…43.942.742．师资队伍…": a flattened table's last figure glued to the next item's number; the
            # item is the tail of the digits that continues the list ("2．" after "1．").
            tail = str(last_dot + 1)
            if folded.endswith(tail, 0, m.end(numeral)) and _in_flattened_line(start, newlines, len(folded)):
                start, ordinal = m.end(numeral) - len(tail), last_dot + 1
                position = "glued"
            else:
                continue
        elif ordinal is None:
            continue
        else:
            position = _position(folded, start, newlines)
        if position is None:
            continue
        if position != "line" and _quoted(start, quotes, quote_starts):
            continue  # “…下列情形除外：(一)…；(二)…”: a cited text's list is not this document's outline
        flat_line_family = family.where == LINE and _in_flattened_line(start, newlines, len(folded))
        if flat_line_family and position == "sentence":
            # A family that only ever opens a line ("甲　", "一　"), found after a sentence end of a page flattened
            # onto one line: its line start is where it stands, a paragraph break lost ("…其表现如下：甲　少数…").
            position = "break"
        if (not _allowed(family, position, flat_line_family)
                and not (family.id == "decimal" and position == "glued" and m.group()[-1] in HSPACE)
                and not (family.id == "sequence" and ordinal == 1 and position == "comma" and _paired(folded, start))):
            # A section number glued to a sentence a page end cut off, its title set off by a space ("…重新建立链
            # 1．2 文件…"): an amount ("增长1.2倍", "7.3级") has no space.  It still needs a sibling (outline._rejected).
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
        separated = (_separated(folded, end) or folded.startswith("【", end)
                     or (position == "line" and _opens_its_paragraph(family.id, folded, end)))
        spaced = end < len(folded) and folded[end] in HSPACE
        after_end = position == "line" and family.id in ITEM_FAMILIES and ends_sentence(folded, start)
        found.append(Candidate(start, end, text[start:end], family.id, ordinal, position, full_stop, separated,
                               spaced, after_end))
        if family.id == "digit-dot":
            last_dot = ordinal
    return found
