"""Line wraps that a flattened PDF page turned into spaces.

A PDF page extracted onto one line (a RAG chunk, a copy-paste) keeps one space where each printed line
ended, however the sentence runs on: "一是要推进大 师工作室建设，…". A title that stops at the first space
is then cut inside a word ("要推进大"). One-line web scrapes use a space for the opposite purpose — the
end of a heading ("一、总体要求 为深入贯彻…") — so a space is taken for a wrap only where the page shows
a print width: many of its space-separated pieces share one length, and the piece ending at this space
has that length. Witnesses: plan_zhongjian_sheji_oneline and plan_zhongjian_erju_oneline (two pages
of different plans, 28 characters a line) and notice_hubei_shuju_oneline (28 a line too); the one-line
scrapes of the corpus have no such width (their pieces are headings and whole paragraphs).
"""

from __future__ import annotations

import functools
import re

_NO_WIDTH = 1 << 30
_MIN_PIECES = 5  # pieces of one width before that width is the page's (a third of them too; see below)
_PIECE_MIN = 24  # half-width units (12 CJK characters): shorter pieces are headings, numbers, names
_BELOW, _ABOVE = 4, 2  # half-width units a wrapped piece may fall short of (indent) or run past the width
_LOOKBACK = 160  # no printed line is longer (in characters)
_SAMPLE = 200_000  # the width is read off the text's start: a page width does not change along a document
_SPACE_OR_BREAK = re.compile("[ \n]")
_NON_ASCII = re.compile("[^\x00-\x7f]+")


def _span_units(text: str, start: int, end: int) -> int:
    """Print width in half-width units: ASCII (digits, Latin, hyphens) is half a CJK character."""
    span = text[start:end]
    return 2 * len(span) - len(_NON_ASCII.sub("", span))


def _is_break(text: str, i: int) -> bool:
    """Is the space at ``i`` one that can end a printed line?  A lone space beside a digit or Latin letter
    is the space writers put around them ("领域4 个大师", "2026 年"), inside a printed line."""
    if text[i] != " ":
        return text[i] == "\n"
    before = text[i - 1] if i else "\n"
    after = text[i + 1] if i + 1 < len(text) else "\n"
    if before == " " or after == " ":
        return True  # two spaces: a paragraph or cell end, never a title inside a line
    return before not in _ASCII_ALNUM and after not in _ASCII_ALNUM


_ASCII_ALNUM = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


@functools.lru_cache(maxsize=4)
def space_wrap_width(text: str) -> int:
    """The print width (half-width units) of a page flattened with a space at each line end, or a huge
    number when its pieces show none.  Linear: one pass over the spaces and line breaks."""
    counts: dict[int, int] = {}
    pieces = 0
    sample = text[:_SAMPLE]
    prev = -1
    for m in _SPACE_OR_BREAK.finditer(sample):
        i = m.start()
        if not _is_break(sample, i):
            continue
        units = _span_units(sample, prev + 1, i)
        prev = i
        if units >= _PIECE_MIN and sample[i] == " ":  # lines ended by a line break are _wrap_width's
            counts[units] = counts.get(units, 0) + 1
            pieces += 1
    if not counts:
        return _NO_WIDTH
    best = max(counts, key=lambda n: sum(counts.get(n + d, 0) for d in range(-1, 2)))
    near = sum(counts.get(best + d, 0) for d in range(-_BELOW, _ABOVE + 1))
    if near < _MIN_PIECES or 3 * near < pieces:
        return _NO_WIDTH
    return best


def space_is_wrap(text: str, i: int) -> bool:
    """Is the space at ``i`` (where a title would stop) a printed line's end or a space inside a printed
    line, on a page flattened with spaces at its wraps?  Then the title goes on past it."""
    width = space_wrap_width(text)
    if width == _NO_WIDTH or i + 1 >= len(text) or text[i + 1] in " \n" or text[i - 1] == " ":
        return False
    start = _break_before(text, i, max(0, i - _LOOKBACK))
    if start < 0:
        return False
    end = i
    if not _is_break(text, i):  # a space inside a printed line: measure the whole line around it
        end = _break_after(text, i + 1, min(len(text), i + _LOOKBACK))
        if end < 0:
            return False
    units = _span_units(text, start + 1, end)
    return width - _BELOW <= units <= width + _ABOVE


def _break_before(text: str, i: int, floor: int) -> int:
    """The last line-ending space or line break before ``i`` (from ``floor``), or -1.  Jumps from space
    to space (str.rfind), so a long printed line costs a few calls, not a character loop."""
    k = i
    while True:
        j = max(text.rfind(" ", floor, k), text.rfind("\n", floor, k))
        if j < 0 or text[j] == "\n" or _is_break(text, j):
            return j
        k = j


def _break_after(text: str, i: int, ceiling: int) -> int:
    """The first line-ending space or line break from ``i`` (before ``ceiling``), or -1."""
    k = i
    while True:
        found = [j for j in (text.find(" ", k, ceiling), text.find("\n", k, ceiling)) if j >= 0]
        if not found:
            return -1
        j = min(found)
        if text[j] == "\n" or _is_break(text, j):
            return j
        k = j + 1


# --- Double-spaced wraps: a PDF extracted with a blank line after every printed line --------------------
# A doc-sharing download or a page-by-page extraction may keep each printed line as a paragraph of its
# own ("第一条  为保证我分行…有效调动个" / "" / "金客户经理的积极性，…"): every line then ends in a blank line,
# the wraps inside a sentence as well as the paragraph ends.  Where nearly every line is so followed, the
# blank line says nothing, and a wrap is read from the line itself (its width, a sentence cut mid-way),
# as in a single-spaced copy.
_DOUBLE_MIN_LINES = 8
_DOUBLE_SHARE = 0.8
_LINE_WITH_BREAK = re.compile(r"[^\n]{12,}\n(\r?\n)?")


@functools.lru_cache(maxsize=4)
def double_spaced(text: str) -> bool:
    """Is (nearly) every line of 12 characters or more followed by one blank line?  Linear, cached."""
    lines = followed = 0
    for m in _LINE_WITH_BREAK.finditer(text[:_SAMPLE]):
        lines += 1
        followed += m.group(1) is not None and m.end() < len(text) and text[m.end()] not in "\r\n"
    return lines >= _DOUBLE_MIN_LINES and followed >= _DOUBLE_SHARE * lines


def skip_blank_line(text: str, nxt: int) -> int:
    """Past one blank line at ``nxt`` on a double-spaced page (else ``nxt`` unchanged)."""
    if nxt < len(text) and text[nxt] in "\r\n" and double_spaced(text):
        k = nxt + (2 if text.startswith("\r\n", nxt) else 1)
        if k < len(text) and text[k] not in "\r\n":
            return k
    return nxt


# "扣 5 分", "超过 3 个月", "2 笔以上": a PDF copy (or Word's autospace) sets a number off by one space on each
# side inside a clause.  A title that ends before a number ("一、2023年工作回顾 2023年是…") has no space after it.
_SPACED_NUMBER = re.compile(r" \d{1,6}(?:\.\d{1,3})?%? (?=[\u4e00-\u9fff])")


def spaced_number(text: str, i: int) -> int:
    """Where the pair of spaces around a number inside a clause that opens at ``i`` ends (past the second
    space), or -1 when the space at ``i`` is no such."""
    if i == 0 or text[i - 1] in " \t\u3000\n":
        return -1
    m = _SPACED_NUMBER.match(text, i)
    return m.end() if m else -1


# "2019年10月17日下午17：00前…", "9:30": the colon of a time of day (one or two digits, then two) ends no title.
_CLOCK = re.compile(r"[：:][0-5]\d(?!\d)")


def clock_colon(text: str, i: int) -> bool:
    """Is the colon at ``i`` the one of a time of day?"""
    return (i > 0 and text[i - 1].isdigit() and text[i] in "：:" and _CLOCK.match(text, i) is not None
            and not (i > 2 and text[i - 3].isdigit()))
