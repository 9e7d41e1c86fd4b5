"""Where a heading's title ends on its own: at punctuation, a line break, a space or the next marker —
and whether that end is doubtful (a title that may have run on into its body; see title_guess).

Also the cues that open body text, shared with the guessing: a speaker's words, a time frame, an
addressee.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from dataclasses import dataclass

from annotator.domain.model import Section
from annotator.structure.marker_grammar import DIVISIONS
from annotator.structure.markers import FAMILIES, FLATTENED_LINE_MIN, HSPACE, match_marker
from annotator.structure.title_wraps import clock_colon, skip_blank_line, space_is_wrap, spaced_number

_PUNCT_END = frozenset("。；：？！!?;:")
_SENTENCE_STOPS = frozenset("。？！!?")
_TITLE_STOP = re.compile("[" + re.escape("".join(sorted(_PUNCT_END))) + "\n \t\u3000\xa0]")  # what may end a title
_SENTENCE_TITLED = frozenset({"article", "clause", "item"})  # 第一条/款/项 of laws and rules
_WINDOW = 120  # no heading is longer; past this the title end is guessed
_ARTICLE_WINDOW = 400  # an article's title is its first sentence, which may run long
_HEADING_MAX = 30  # a heading that "ends" at punctuation further away than this may have run on
_INLINE_MAX = 60  # an enumeration item's first sentence is its title unless it is this long
_CUT_MIN, _CUT_MAX = 4, 50
_SEGMENT_CONTEXT = 8
_NEAR = 3  # siblings on each side that a guessed title is lined up against
_PARALLEL_SLACK = 6
_PARALLEL_MIN = 8  # shortest cut that sibling parallelism alone may justify
_RUN_ON_MIN = 12  # a sibling "title" this long may hold the start of its body too
_ALIGN_MAX = 64  # more run-on headings than this is not a speech: skip the quadratic sibling alignment
_TRAILING = "，,、 \t\u3000\xa0"

# Openings of body text right after a heading.  Strong: a speaker's words or a time frame, which titles
# rarely contain.  Medium: an addressee ("全市各级工会要…"), common inside titles too, so it only counts
# when the would-be title is far too long to be one.
_STRONG_CUE_PATTERN = (
    r"(?:习近平)?总书记[^，。,]{0,20}?(?:强调|指出|说|要求)"
    r"|[\u4e00-\u9fff]{1,4}(?:书记|主席|同志|省长|市长|县长|部长)[^，。,]{0,12}?(?:强调|指出)"
    r"|(?:党的)?[一二三四五六七八九十]{2,3}大以来"
    r"|(?:近年来|近几年|今年以来|去年以来|多年来|长期以来|一年来|同志们)"
    r"|(?:实践|事实)证明[，,：:]"  # a sentence opener takes a comma; "把经实践证明的经验…" is inside a title
)
# Every strong cue holds one of these words.  Finding them is ~30× faster than the cue itself (whose
# "any 1–4 characters then 书记" alternative is tried at every position), so the cue runs only where
# one of them occurs: most titles are checked at the speed of a literal search.
_STRONG_HINT = re.compile("书记|主席|同志|省长|市长|县长|部长|大以来|近年来|近几年|今年以来|去年以来|多年来|长期以来"
                          "|一年来|实践证明|事实证明")


# The cues are compiled on first use (with functools.cache): their character classes over all of CJK take
# ~7 ms to compile, which every command-line start paid, while most documents never need them.
@functools.cache
def strong_cue() -> re.Pattern[str]:
    return re.compile(_STRONG_CUE_PATTERN)


@functools.cache
def time_frame() -> re.Pattern[str]:
    return re.compile(_TIME_FRAME_PATTERN)


# A body opening with its subject and 是, the subject named by the title just before ("2025年工作回顾|2025年是
# “十四五”规划收官之年", "构建高水平社会主义市场经济体制|高水平社会主义市场经济体制是…", "“十四五”时期发展成就和
# “十五五”时期主要目标任务|“十四五”时期是…"): a flattened page ran the heading into its first sentence.
_SUBJECT_MIN, _SUBJECT_MAX = 3, 16


def echoed_subject(window: str, cut: int) -> bool:
    """Does ``window[cut:]`` open with a subject the title ``window[:cut]`` holds, then 是?  The whole subject:
    a cut inside it ("…市场|经济体制是", whose "场经济体制" the title holds too) is no body start."""
    k = window.find("是", cut + _SUBJECT_MIN, cut + _SUBJECT_MAX + 1)
    if k < 0:
        return False
    subject = window[cut:k]
    return (not any(ch in "，。；：、,;:" for ch in subject) and subject in window[:cut]
            and window[cut - 1:k] not in window[:cut - 1])


def _strong_cue_in(text: str, start: int, end: int) -> bool:
    return _STRONG_HINT.search(text, start, end) is not None and strong_cue().search(text, start, end) is not None


# A time frame opening the body ("新冠肺炎疫情发生后，党中央…") right after a heading that ends on the
# noun such headings end on ("关于前一段疫情防控工作").
_TIME_FRAME_PATTERN = r"[\u4e00-\u9fff]{2,10}?(?:发生后|发生以来|以来|之后|期间)，"
_HEAD_NOUNS = ("工作", "问题", "情况", "建设", "任务", "要求", "措施", "意见", "目标", "原则", "成效", "形势")
_HEAD_NOUN_SET = frozenset(_HEAD_NOUNS)  # all two characters long
_MEDIUM_CUE = re.compile(
    r"(?:全市|全县|全省|全区|全镇|各级|各地|各部门|各单位|我们|我市|我县|我省|我区|当前|目前"
    r"|结合|根据|按照|为了|针对|随着|对于|由于)"  # prepositions opening the body's first clause
    r"|本(?:意见|办法|规定|通知|条例|规划|方案|细则|决定)所(?:称|指)"  # a definition opening the body
    r"|自[^，。,]{1,12}以来，"  # "自70年代以来，我局每年…"
)
_MEDIUM_MIN_LENGTH = 45
# A title does not end on these, and a body does not begin with these.
_BAD_TITLE_END = frozenset("的和与及或在对把被将从了着、，,")
_BAD_BODY_START = frozenset("的了着和与及或之、，,。；")
# One-character words that lean on what follows: a title does not stop right after them.
_BAD_LAST_WORDS = frozenset("新更最再各全不要是为把向以于让使被将对在从和与及或的之其该")


def _length_prior(n: int) -> float:
    # Four-character headings (总体要求, 工作目标) are common in official documents; shorter ones are not.
    if n < 4:
        return -3.0
    if n < 6:
        return -0.5
    if n < 8:
        return 0.0
    if n <= 30:
        return 0.5
    return 0.5 - (n - 30) / 10


# Where a time frame (time_frame()) may open the body: every one ends with one of these.
_FRAME_HINT = re.compile("(?:以来|之后|期间|发生后)，")


@dataclass
class _Natural:
    start: int
    end: int
    how: str  # "punct", "line", "space", "marker", "window"
    char: str = ""  # the punctuation that ended it, for "punct"


# A division or an article followed by a colon ("第一条：“留心各样的事情…”", a company rule's "第一条：为加强…"):
# the grammar leaves the colon out of the marker, and no title ends on it — the title starts after it.
_COLON_LED = DIVISIONS | {"article", "clause", "item"}


def _natural_end(text: str, s: Section, limit: int) -> _Natural:
    start = s.title_start
    while start < limit and text[start] in HSPACE:
        start += 1
    if start + 1 < limit and text[start] in "：:" and s.kind in _COLON_LED:
        start += 1  # "第一条：“留心各样的事情…”": the colon sets the words off from the marker, no title ends there
    stop = min(limit, start + (_ARTICLE_WINDOW if s.kind in _SENTENCE_TITLED else _WINDOW))
    # The common case in one regex step: the first stop character with no opening bracket before it
    # (so it is not inside a note) ends the title at punctuation, or at a line break that is no wrap.
    # Everything else takes the general path below, which decides exactly as before.
    # (No stop in the window takes the general path too: a sentence title may run past the window.)
    i = _PLAIN_RUN.match(text, start, stop).end()
    if i < stop:
        ch = text[i]
        if ch in _PUNCT_END and not clock_colon(text, i):
            return _Natural(start, i, "punct", ch)
        if ch == "\n" and not _hard_wrap(text, i):
            return _Natural(start, _split_title_end(text, start, i, limit), "line")
    found = _TITLE_STOP.search(text, start, stop)
    while found is not None:
        if found.group() in "：:" and clock_colon(text, found.start()):
            found = _TITLE_STOP.search(text, found.start() + 1, stop)  # "下午17：00前": a time of day
        elif found.group() in _PUNCT_END and _inside_brackets(text, start, found.start()):
            # "简化审批流程（牵头单位：市审批服务局）": punctuation inside a note does not end the title
            close = _CLOSE_BRACKET.search(text, found.start(), stop)
            found = _TITLE_STOP.search(text, close.end(), stop) if close else None
        elif found.group() == "\n" and _hard_wrap(text, found.start()):
            # "…能打硬仗的\n“审计铁军”。" (and past the blank line of a double-spaced page: title_wraps)
            found = _TITLE_STOP.search(text, skip_blank_line(text, found.start() + 1), stop)
        elif found.group() == " " and spaced_number(text, found.start()) > 0:
            found = _TITLE_STOP.search(text, spaced_number(text, found.start()), stop)  # "扣 5 分": a spaced number
        elif found.group() in HSPACE and found.start() > start and text[found.start() - 1] in "（(“":
            found = _TITLE_STOP.search(text, found.start() + 1, stop)  # "扣分（ 1-2分）": no title ends on "（"
        elif found.group() in HSPACE and _inside_book_title(text, start, found.start()):
            # "根据《住房和城乡建设部 上海市人民政府共建…》": a joint document's issuers are set apart by a space
            found = _TITLE_STOP.search(text, found.start() + 1, stop)
        elif found.group() == " " and _latin_gap(text, found.start(), stop):
            found = _TITLE_STOP.search(text, found.start() + 1, stop)  # "了解 `AnalyzerAdapter` 类的…"
        elif found.group() in HSPACE and _space_inside_clause(text, found.start(), stop):
            found = _TITLE_STOP.search(text, found.start() + 1, stop)  # "将本旬 （周）调度报表", "“ 119” 、“ 110”"
        elif found.group() == " " and space_is_wrap(text, found.start()):
            found = _TITLE_STOP.search(text, found.start() + 1, stop)  # "一是要推进大 师工作室建设，…"
        else:
            break
    if (found is None and stop < limit and stop - start == _WINDOW and _COMMA.search(text, start, stop)
            and (FAMILIES[s.kind].inline or not _on_flattened_line(text, start))):
        # A paragraph that opens with its marker may be titled by a whole first sentence longer than
        # any heading phrase ("一、会议指出，2018年5月18日至19日，…作出了全面部署。"); on a page with
        # its line breaks that sentence ends the title.  A flattened page keeps the shorter window (a part's
        # title runs on there) — not for a run-in item (一是…), a sentence wherever it stands — and so
        # does a "sentence" without a single comma (a title run into its body, not a clause structure).
        far = _SENTENCE_END_IN_LINE.search(text, stop, min(limit, start + _ARTICLE_WINDOW))
        if far is not None and far.group() in _PUNCT_END:
            return _Natural(start, far.start(), "punct", far.group())
    if found is not None:
        i, ch = found.start(), found.group()
        if ch in _PUNCT_END:
            return _Natural(start, i, "punct", ch)
        if ch == "\n":
            return _Natural(start, _split_title_end(text, start, i, limit), "line")
        if ch == "\t":
            # A tab parts the cells of a table row ("一、\t巩固成果…\t31") or a title from its page number
            # in a table of contents ("一、总体要求\t\t\t2"); a title never holds one.
            return _Natural(start, i, "line")
        line_end = _short_line_end(text, i, stop, start)
        if line_end is not None:
            return _Natural(start, line_end, "line")  # "第一章　总　则": spaces inside a title line
        if stop == limit and _SPACED_OUT.fullmatch(text, start, limit):
            # "第一章  总    则第一条  为…" on a flattened page: a title spaced out character by character, the
            # next marker glued to it (banfa_anshun_chubeiliang_oneline's seven chapters)
            return _Natural(start, limit - (len(text[start:limit]) - len(text[start:limit].rstrip(HSPACE))), "line")
        return _Natural(start, i, "space")
    return _no_stop(text, start, stop, limit)


def _no_stop(text: str, start: int, stop: int, limit: int) -> _Natural:
    """Nothing ended the title before ``stop``: the text, the next marker or the window did."""
    if stop == len(text):
        return _Natural(start, stop, "line")
    return _Natural(start, stop, "marker" if stop == limit else "window")


# Characters that are neither a title stop (_TITLE_STOP) nor an opening bracket, which may hold a note
# whose punctuation does not end the title.
_PLAIN_RUN = re.compile("[^" + re.escape("".join(sorted(_PUNCT_END))) + "\n \t\u3000\xa0（(]*")
_CLOSE_BRACKET = re.compile("[）)]")
_COMMA = re.compile("[，,]")
_SENTENCE_END_IN_LINE = re.compile("[" + re.escape("".join(sorted(_PUNCT_END))) + "\n]")
_LATIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz`")


def _latin_gap(text: str, i: int, stop: int) -> bool:
    """Is the space at ``i`` the one Chinese writers put around a Latin word ("不接 IAP 审核", "了解
    `AnalyzerAdapter` 类") rather than where a flattened title stops?  One space, with a Latin letter
    (or a code backtick) on one side; a digit does not count ("一、2023年工作回顾 2023年是…")."""
    return (i + 1 < stop and text[i + 1] not in " \t\u3000\xa0\n"
            and (text[i - 1] in _LATIN or text[i + 1] in _LATIN))
_CLAUSE_GOES_ON = frozenset("，,、（(")


def _space_inside_clause(text: str, i: int, stop: int) -> bool:
    """Is the space at ``i`` one a PDF copy or a table cell sets before punctuation that goes on with the
    sentence ("将本旬 （周）调度报表", "确认书” ， 以系部为单位", "“ 119” 、“ 110”")?  No title ends before a
    comma or a bracketed note — unless a marker opens there ("总体要求 （一）…")."""
    k = i
    while k < stop and text[k] in HSPACE:
        k += 1
    return (k < stop and text[k] in _CLAUSE_GOES_ON and text[k - 1] != "\t"
            and match_marker(text[k:k + 12]) is None)


_WRAP_MIN = 60  # a line this long cut without end punctuation is a fixed-width wrap (copied PDF, web text)


_CLAUSE_END = frozenset("，,、")
_WIDTH_MIN_LINES = 8  # lines of one length before that length is taken for the page width


_NOT_CUT = _PUNCT_END | frozenset(HSPACE)  # a line ending on one of these is not cut mid-sentence


@functools.lru_cache(maxsize=4)
def _wrap_width(text: str) -> int:
    """The width a copied PDF wrapped this text at: the most common length of its lines that end
    mid-sentence, when at least a third of such lines share it (±1) and few lines run past it; else no
    width (a huge number). Heading lines end without punctuation too: in a report with many of similar
    length (一、加强组织领导，为工会工作创造良好条件) and a paragraph a line, their length is not a page width,
    and taking it for one ran each title on into its body (the "longer" test below).
    Cached per text (str hashes are cached too, so a repeated lookup costs nothing)."""
    # (Comprehensions over the split lines, not a find loop: this ran once per text over every line.)
    lines = text.split("\n")
    lines.pop()  # what follows the last line break ends no line
    long_lines = [line for line in lines if len(line) >= 12]
    lengths = [len(line) for line in long_lines]  # every line of 12 characters or more, however it ends
    cut_lengths = [len(line) for line in long_lines if line[-1] not in _NOT_CUT]
    counts = Counter(cut_lengths)  # (first seen first, as the ties below need)
    cut = len(cut_lengths)
    if not counts:
        return 1 << 30
    width = max(counts, key=lambda n: counts[n] + counts.get(n - 1, 0) + counts.get(n + 1, 0))
    near = counts[width] + counts.get(width - 1, 0) + counts.get(width + 1, 0)
    # A page width bounds every line: where many lines run past it (paragraphs on one line each, their
    # short title lines all cut "mid-sentence"), the common length is the titles', not a page's. The
    # PDF copies in the corpus have 0–8 % of their lines longer; a report with one paragraph a line, ~80 %.
    longer = sum(1 for n in lengths if n > width + 2)
    if near < _WIDTH_MIN_LINES or 3 * near < cut or 5 * longer > len(lengths):
        return 1 << 30
    return width - 1


def _hard_wrap(text: str, newline: int) -> bool:
    """Is the line break at ``newline`` a wrap inside a sentence rather than a paragraph or heading end?
    The line before it is long and stops mid-sentence, and the next line goes straight on (no indent,
    no blank line, no marker of its own)."""
    line_start = text.rfind("\n", 0, newline) + 1
    last = text[newline - 1] if newline else "\n"
    if last in _PUNCT_END or last in HSPACE or last == "\n":
        return False
    # A line ending on a comma stops mid-sentence whatever its length ("…点名批评或曝光的，" / "分别扣20分。"
    # in a table cell); otherwise it must be long, or as long as the document's own wrapped lines.
    if (last not in _CLAUSE_END and newline - line_start < min(_WRAP_MIN, _wrap_width(text))
            and not _cell_wrap(text, line_start, newline)):
        return False
    nxt = skip_blank_line(text, newline + 1)
    if nxt >= len(text) or text[nxt] in "\n\r" + HSPACE:
        return False
    return match_marker(text[nxt:nxt + 12]) is None


_CELL_LOOKBACK = 160  # a table row this close before a line puts the line in that row's last cell


def _cell_wrap(text: str, line_start: int, newline: int) -> bool:
    """Is the line break at ``newline`` a wrap inside a table cell?  An HTML table's cell keeps its <p>
    lines, cut wherever the author pressed return ("…推进农业\n废弃物综合利用…（10分）。"): the line stops
    mid-word after a clause, a row (a line with a TAB) stands just above it, and the next line is no row of its own and
    ends the sentence or the criterion ("…（10分）。", "…，得1分"; "县水利局", the row's next cell, does not)."""
    if (text.rfind("\t", max(0, line_start - _CELL_LOOKBACK), line_start) < 0
            or _COMMA.search(text, line_start, newline) is None):
        return False  # no table, or a line without a clause in it: a heading line ("七、奖励办法")
    next_end = text.find("\n", newline + 1)
    next_end = next_end if next_end >= 0 else len(text)
    while next_end > newline + 1 and text[next_end - 1] in HSPACE + "\r":
        next_end -= 1
    ends = next_end > newline + 1 and (text[next_end - 1] in _CELL_END or _SCORE_END.match(text, next_end - 3))
    return bool(ends) and text.find("\t", newline + 1, next_end) < 0


_SCORE_END = re.compile(r"\D\d分")  # "…，得1分": a scoring rule's criterion ends on its score


_CELL_END = frozenset("。；;！？!?）)")


def _split_title_end(text: str, start: int, newline: int, limit: int) -> int:
    """Where a title line that cannot end where it does goes on: a bold heading split over two
    paragraphs ("**二、RASP技术在**" / "**API及数据链路安全治理中的应用**") ends on a word that leans on
    what follows (在, 的, 和 …); the next short, unpunctuated line without a marker of its own is the rest
    of it.  Any other line end is the title's end."""
    if newline - start > _HEADING_MAX or newline == start or text[newline - 1] not in _BAD_TITLE_END:
        return newline
    nxt = newline
    while nxt < limit and text[nxt] in "\n\r" + HSPACE:
        nxt += 1
    end = text.find("\n", nxt, min(limit, nxt + _HEADING_MAX + 1))
    if nxt >= limit or end < 0 or text.count("\n", newline, nxt) > 2:
        return newline
    rest = text[nxt:end].rstrip(HSPACE + "\r")
    if not rest or any(ch in _PUNCT_END for ch in rest) or match_marker(rest) is not None:
        return newline
    return nxt + len(rest)


def _inside_book_title(text: str, start: int, i: int) -> bool:
    """Is ``i`` inside a 《…》 opened after ``start``?  A title never ends inside the name of a document."""
    opened = text.rfind("《", start, i)
    return opened >= 0 and text.find("》", opened, i) < 0


def _inside_brackets(text: str, start: int, i: int) -> bool:
    if text.find("（", start, i) < 0 and text.find("(", start, i) < 0:
        return False  # the common case, answered without copying the span
    span = text[start:i]
    return span.count("（") + span.count("(") > span.count("）") + span.count(")")


_SPACED_OUT = re.compile("[\u4e00-\u9fff](?:[ \u3000]+[\u4e00-\u9fff]){1,3}[ \u3000]*")


def _short_line_end(text: str, i: int, stop: int, start: int) -> int | None:
    """The end of a short title line that ``i`` (a space) sits in, or None if the space ends the title.

    On a line of its own a heading may hold spaces ("总　则", "罚　则"); in flattened text a space is where
    the title stopped.  So: the line must end within a heading's length, with no end punctuation."""
    nl = text.find("\n", i, min(stop, start + _HEADING_MAX + 1))
    if nl < 0 and min(stop, len(text)) - start <= _HEADING_MAX and stop >= len(text):
        nl = len(text)
    if nl < 0 or any(ch in _PUNCT_END for ch in text[i:nl]):
        return None
    end = nl
    while end > i and text[end - 1] in HSPACE:
        end -= 1
    return end


def _on_flattened_line(text: str, pos: int) -> bool:
    """A page flattened onto one line lost the breaks after its headings: a sentence end proves nothing."""
    before = text.rfind("\n", max(0, pos - FLATTENED_LINE_MIN), pos)
    after = text.find("\n", pos, pos + FLATTENED_LINE_MIN)
    if before < 0 and pos >= FLATTENED_LINE_MIN or after < 0 and len(text) - pos >= FLATTENED_LINE_MIN:
        return True
    return (after if after >= 0 else len(text)) - before > FLATTENED_LINE_MIN


def _shares_line(text: str, sections: list[Section], siblings: dict[int, list[int]], i: int) -> bool:
    """Does heading ``i`` open a line that a sibling heading shares after a full stop ("一、…。二、…。三、…")?
    Then the paragraphs of that run ran together, however short the page: the line start proves no
    paragraph start for the first of them any more than a sentence end does for the others."""
    start = sections[i].start
    k = start
    while k > 0 and text[k - 1] in HSPACE:  # back over the indentation only: a one-line page is long
        k -= 1
    if k > 0 and text[k - 1] != "\n":
        return False  # "…处理：（1）…。（2）…": a list after a colon stays a list inside its paragraph
    for j in siblings.get(i, ()):
        if j != i:
            a, b = sorted((start, sections[j].start))
            # The later one after a full stop: "（1）…；（2）…" after a colon is a list inside a paragraph.
            k = b - 1
            while k > a and text[k] in HSPACE:
                k -= 1
            if text[k] in _SENTENCE_STOPS and text.find("\n", a, b) < 0:
                return True
    return False


def _clause_in(window: str) -> bool:
    """Does the "title" break into clauses early, as a first sentence does ("第一年作战，敌人以…")?  A
    flattened page lost the line break after a heading, but a heading phrase that ran on into its body
    ("关于1996年度地震重点危险区的判定年度地震趋势会商会是…") has no comma where a title would end, and one
    whose body opens with an addressee or a definition before the first comma ("加强功能建设各地区、
    各部门要遵循…，", "明确工作职责本意见所称政务新媒体，") is a heading phrase run on, not a clause."""
    k = window.find("，", 0, _HEADING_MAX)
    if k < _CUT_MIN:
        return False
    cue = _MEDIUM_CUE.search(window, _CUT_MIN, k + 1)
    return cue is None or cue.start() < _CUT_MIN


def _suspect(s: Section, nat: _Natural, text: str = "") -> bool:
    length = nat.end - nat.start
    if nat.how == "window":
        return True
    if length > 8 and _strong_cue_in(text, nat.start + 4, nat.end):
        return True  # a speaker's words or a time frame inside a short "title": it ran on
    if FAMILIES[s.kind].inline:
        return length > _INLINE_MAX
    if nat.how == "line":
        return length > 2 * _HEADING_MAX
    return length > _HEADING_MAX
