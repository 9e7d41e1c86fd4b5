"""Hostile markup made harmless before html.parser sees it, without changing what a browser shows.

html.parser is correct but slow on some inputs: constructs that never close make it re-scan to the end
(quadratic), a tag with a million attributes keeps regex state per attribute, and a "<" that opens
nothing is handed over one character per call. Each function here rewrites exactly those spots in
one linear pass; html_reader.py reads the result. tests/unit/test_hostile_imports.py reads thousands of
random pages with the stand-in for "<" and with "&lt;" and finds the same text.
"""

from __future__ import annotations

import re


# html.parser re-scans to the end of the input for every construct that never closes ("<a<a<a…",
# "</</…", "<!--x>" repeated, "<![CDATA[" without "]]>"): 80 KB took 15 s, 20 MB would never end.
# ``defuse`` turns exactly those openers into text first, in one linear pass. It changes nothing a
# browser shows: html.parser itself falls back to emitting an unclosed construct as text, and "&lt;"
# is unescaped back to "<" in the data.
_COMMENT_CLOSE = re.compile(r"--\s*>")
_SECTION_CLOSE = re.compile(r"\]\s*\]\s*>")  # <![CDATA[ … ]]>
_MS_SECTION_CLOSE = re.compile(r"\]\s*>")  # <![if …]> … <![endif]>
_SECTION_OPEN = re.compile(r"<!\[([a-zA-Z][-_.a-zA-Z0-9]*)?")
_LONE_LT = re.compile(r"<(?![a-zA-Z/!?])")  # html.parser's starttagopen is "<[a-zA-Z]"
_CDATA_LIKE = {"cdata", "temp", "ignore", "include", "rcdata"}
_MS_LIKE = {"if", "else", "endif"}


def defuse(text: str, lt: str = "&lt;") -> tuple[str, str]:
    """(markup, tail): the text up to its last ">", with every opener that can never be closed
    escaped as ``lt`` ("&lt;" or stand_in_for_lt's character), and what follows that ">", which can
    only be text (linear time)."""
    last_gt = text.rfind(">")
    # After the last ">" nothing can close: html.parser would try every "<" against the whole rest.
    body, tail = text[: last_gt + 1], text[last_gt + 1:]
    if "<!" in body:
        body = _escape_after(body, "<!--", _last_end(_COMMENT_CLOSE, body), lt)
        if "<![" in body:
            section_end = _last_end(_SECTION_CLOSE, body)
            ms_end = _last_end(_MS_SECTION_CLOSE, body)

            def marked(match: re.Match) -> str:
                # _markupbase raises on an unknown keyword; a known one needs its closer later on.
                name = (match.group(1) or "").lower()
                limit = section_end if name in _CDATA_LIKE else ms_end if name in _MS_LIKE else -1
                return match.group() if match.start() < limit else lt + match.group()[1:]

            body = _SECTION_OPEN.sub(marked, body)
    return body, tail


# Noncharacters: never text anyone writes; one the page does not hold stands in for a lone "<".
_LT_STAND_INS = "\ufdd0\ufdd1\ufdd2\ufdd3\uffff"


def stand_in_for_lt(text: str) -> str | None:
    """A character found nowhere in ``text`` to write a "<" that is text (None: the page holds all)."""
    return next((ch for ch in _LT_STAND_INS if ch not in text), None)


def hide_lone_lt(body: str, lt: str) -> str:
    """``body`` with every "<" that opens nothing ("<<<", "< ", "<1", "<一") written as ``lt``, which the
    extractor turns back into "<" (a stand-in character, or "&lt;" that html.parser unescapes).

    html.parser treats such a "<" as text too, but hands it over one character per call (~17 µs
    each, our handler included): 3 MB of "<" took 50 s, and 20 MB would take minutes. "&lt;" costs a
    Python call per entity in html.unescape instead; a plain character joins the text around it, and
    so do the openers ``defuse`` escapes with it. In attribute values, comments and scripts it is
    never shown.
    """
    return _LONE_LT.sub(lt, body) if _LONE_LT.search(body) else body


def _last_end(pattern: re.Pattern, text: str) -> int:
    end = -1
    for match in pattern.finditer(text):
        end = match.end()
    return end


def _escape_after(text: str, opener: str, limit: int, lt: str) -> str:
    """Escape every ``opener`` that starts at or after ``limit`` (no closer follows it)."""
    head, rest = text[: max(limit, 0)], text[max(limit, 0):]
    return head + rest.replace(opener, lt + opener[1:])


# One start tag with millions of attributes ("<p a a a …>", 8 MB) took html.parser 30 s and 1.6 GB: its
# tag-end regex keeps backtracking state per attribute, and each 1 MB slice fed re-scans the open tag.
# Real tags have a handful of attributes (a few dozen in generated markup), so attributes past
# MAX_ATTRIBUTES are cut before parsing; only ``hidden``/``style``/``start``/``value``/``type`` matter here.
MAX_ATTRIBUTES = 1000
# A tag worth walking: 1024 units of attribute text (a quoted value counts as one, so a long data: URI
# does not qualify) — at most a few per page, found without leaving the regex engine. Possessive
# and fixed-count: memory stays flat whatever the input.
_LONG_TAG = re.compile(r"""<[a-zA-Z](?=(?:[^<>"']|"[^"]*"|'[^']*'){1024})""")
# The rest of a start tag up to its ">" (quoted values may hold ">"), possessive so it never backtracks.
_TAG_REST = re.compile(r"""(?:[^<>"']+|"[^"]*"|'[^']*')*+(?=/?>)|""")
_ATTR_START = re.compile(r""""[^"]*"|'[^']*'|(?<=[\s"'/])[^\s/>="']""")  # a quoted value, or a name


def cap_attributes(body: str) -> tuple[str, int]:
    """``body`` with every start tag cut to its first MAX_ATTRIBUTES attributes, and how many were cut.

    Attributes are walked with html.parser's own patterns, so the cut falls where the parser itself
    would separate two attributes (never inside a quoted value) and what remains parses the same.
    """
    from html import parser as _hp  # noqa: PLC0415 - its regexes, not a second tokenizer of our own

    pieces, dropped, done = [], 0, 0
    for match in _LONG_TAG.finditer(body):
        if match.start() < done:
            continue
        name = _hp.tagfind_tolerant.match(body, match.start() + 1)
        if name is None:
            continue
        k, count = name.end(), 0
        while count < MAX_ATTRIBUTES and (attr := _hp.attrfind_tolerant.match(body, k)) is not None \
                and attr.end() > k:
            count += 1
            k = attr.end()
        rest = _TAG_REST.match(body, k)
        if count == MAX_ATTRIBUTES and rest.end() > k:  # more follow: drop them, up to the tag's end
            pieces.append(body[done:k])
            dropped += sum(m.group()[0] not in "\"'" for m in _ATTR_START.finditer(body, k, rest.end()))
            done = rest.end()
    if not pieces:
        return body, 0
    pieces.append(body[done:])
    return "".join(pieces), dropped
