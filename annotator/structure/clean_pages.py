"""Running heads and page numbers of a PDF extracted page by page.

Text taken from a PDF one page at a time (a doc-sharing site's download, a RAG pipeline's chunks) repeats
the page's furniture at every page: a running head ("百度文库 - 好好学习，天天向上", a report's short title)
next to a page number ("-1", "- 2 -", "3").  Neither line says anything alone, so no line rule can tell
them from a table cell or a heading; together they can: the same short line beside a number that counts
up by one from page to page, three pages or more.  Both lines then go, wherever they stand (a sentence
that runs over a page break is then whole again, but for the blank lines).
"""

from __future__ import annotations

import re

_NUMBER_LINE = re.compile(r"^[ \t\u3000]*[-—–－]?[ \t\u3000]*(\d{1,4})[ \t\u3000]*[-—–－]?[ \t\u3000]*\r?$", re.M)
_HEAD_MAX = 40  # a running head is a short line: a title, a site's slogan
_MIN_PAGES = 3
_SENTENCE_END = re.compile("[。！？；]")
REASON = "page:running-head"


def _neighbour(text: str, start: int, end: int, forward: bool) -> tuple[int, int] | None:
    """The nearest non-blank line before (or after) the line [start, end), as a span without its break."""
    if forward:
        i = end
        while i < len(text):
            nl = text.find("\n", i + 1)
            nl = len(text) if nl < 0 else nl
            s = i + 1
            if text[s:nl].strip():
                return s, nl
            if nl >= len(text):
                return None
            i = nl
        return None
    i = start - 1  # the "\n" before this line
    while i > 0:
        s = text.rfind("\n", 0, i) + 1
        if text[s:i].strip():
            return s, i
        i = s - 1
    return None


def page_furniture(text: str) -> list[tuple[int, int, str]]:
    """Regions (start, end, reason) of running heads and their page numbers; none unless three pages or
    more show the same head beside numbers counting up by one."""
    numbers = [(m.start(), m.end(), int(m.group(1))) for m in _NUMBER_LINE.finditer(text)]
    if len(numbers) < _MIN_PAGES or "\n" not in text:
        return []
    groups: dict[tuple[bool, str], list[tuple[int, int, int, int, int]]] = {}
    for start, end, value in numbers:
        for forward in (False, True):
            span = _neighbour(text, start, end, forward)
            if span is None:
                continue
            head = text[span[0]:span[1]].strip()
            if len(head) <= _HEAD_MAX and not _SENTENCE_END.search(head) and not _NUMBER_LINE.match(head):
                groups.setdefault((forward, head), []).append((start, end, value, span[0], span[1]))
    regions: list[tuple[int, int, str]] = []
    for members in groups.values():
        if len(members) < _MIN_PAGES:
            continue
        values = [m[2] for m in members]
        if any(b != a + 1 for a, b in zip(values, values[1:])):
            continue  # not a page count: figures, a list's numbers
        for start, end, _value, head_start, head_end in members:
            regions.append((start, end, REASON))
            regions.append((head_start, head_end, REASON))
    return sorted(set(regions))
