"""Markdown emphasis marks: the `**` around a bold run go, the words inside stay.

Markdown copies of articles and speeches (WeChat exports, blog mirrors, anthology repositories) set
their headings in bold: ``**一、API以及数据链路安全治理挑战**``, ``**一是应用程序内的API获取不全面。**边界…``,
``**（1）动态、静态API全量清点**``.  Left in the text, the `**` sits where the outline expects a line
start or a sentence end before a marker, and in every title; the annotator reads them as noise too.
Each delimiter pair is a removal region like any chrome (reason ``markdown:emphasis``), so the removal
report lists it and offsets into the raw file stay exact.  Only *paired* double delimiters on one line
are touched: a single ``*`` (footnotes, multiplication), a masked name (``g****t``) or a code comment
(``/**/``) stay.  ``****`` glued between two non-ASCII characters (``财信****证券``, ``🏦****（一）``: two bold runs
that met) goes too.  Plain text never pairs ``**`` around words, so this runs on every format.

Markdown with raw HTML inside (law collections, VuePress sites, WeChat exports: ``<p id="t1">&emsp;&emsp;<b>第一条</b>
&emsp;为了…</p>``, ``## 第一章&emsp;总则{align="center"}``) carries the same noise one level up: tags of the
usual inline and paragraph elements, space entities and attribute lists at a line end.  They go as removal
regions too (reason ``markdown:html``), so the marker stands at its paragraph start again and the title is the
words.  Only a closed list of element names and the *space* entities are touched: ``&amp;``, ``&lt;`` and the
like stand for a character that removing would lose, and ``<<论持久战>>`` or ``a<b`` is no tag.
"""

from __future__ import annotations

import re

REASON = "markdown:emphasis"
HTML_REASON = "markdown:html"

# Opening `**`: not after another `*`, a slash or a backslash; not before a space, `*` or `/`.
# Closing `**`: not after a space, slash or backslash; not before `*` or `/`.  Same line only.
_PAIR = re.compile(r"(?<![*/\\])\*\*(?![\s*/])[^\n]*?(?<![\s/\\*])\*\*(?![*/])")
# Between two non-ASCII characters (Chinese, full-width punctuation, an emoji set before a bold heading:
# "**🏦****（一）托管模式**"); ASCII on either side is left alone (a masked "g****t", "138****5678").
_WIDE = r"[^\x00-\x7f\s]"
_JOIN = re.compile(rf"(?<={_WIDE})\*{{4}}(?={_WIDE})")


def emphasis_regions(raw: str) -> list[tuple[int, int, str]]:
    """(start, end, reason) of every `**` delimiter of a bold run and of every `****` join."""
    if "**" not in raw:
        return []
    regions: list[tuple[int, int, str]] = []
    for m in _JOIN.finditer(raw):
        regions.append((m.start(), m.end(), REASON))
    joined = {r[0] for r in regions}
    for m in _PAIR.finditer(raw):
        if m.start() in joined or m.end() - 2 in joined:
            continue
        regions.append((m.start(), m.start() + 2, REASON))
        regions.append((m.end() - 2, m.end(), REASON))
    return sorted(regions)


_TAG = re.compile(
    r"</?(?:p|b|strong|i|em|u|s|span|font|div|br|sup|sub|center|small|big|mark|h[1-6])"
    r"(?:\s+[a-zA-Z-]+(?:=(?:\"[^\"<>\n]*\"|'[^'<>\n]*'|[^\s<>\"']+))?)*\s*/?>",
    re.IGNORECASE,
)
_SPACE_ENTITY = re.compile(r"&(?:emsp|ensp|nbsp|thinsp);|&#(?:12288|160|8195|8194);")
# A VuePress/kramdown attribute list closing a line: "## 第一章&emsp;总则{align=center}".
_ATTRS = re.compile(r"\{[ ]*(?:align|style|class|id|\.[\w-]+|#[\w-]+)[^{}\n]{0,80}\}[ \t]*(?=\n|$)")


def html_regions(raw: str) -> list[tuple[int, int, str]]:
    """(start, end, reason) of every inline HTML tag, space entity and line-end attribute list."""
    regions: list[tuple[int, int, str]] = []
    if "<" in raw:
        regions += [(m.start(), m.end(), HTML_REASON) for m in _TAG.finditer(raw)]
    if "&" in raw:
        regions += [(m.start(), m.end(), HTML_REASON) for m in _SPACE_ENTITY.finditer(raw)]
    if "{" in raw:
        regions += [(m.start(), m.end(), HTML_REASON) for m in _ATTRS.finditer(raw)]
    return sorted(regions)


def blank_out(raw: str, regions: list[tuple[int, int, str]]) -> str:
    """raw with every region turned into spaces: the same length, so offsets into it are raw offsets."""
    parts, pos = [], 0
    for start, end, _reason in regions:
        parts.append(raw[pos:start])
        parts.append(" " * (end - start))
        pos = end
    parts.append(raw[pos:])
    return "".join(parts)
