"""Saved web pages → the text a reader sees in the browser.

Uses the standard library's tokenizer only: nothing is ever fetched (no images, frames, scripts or
style sheets), and no script runs. Layout is approximated the way a browser would render it to
plain text: block elements end lines, whitespace collapses, hidden content is dropped.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

from annotator.domain.model import ReadResult
from annotator.io.docx_numbering import format_number
from annotator.io.errors import ReadError
from annotator.io.html_charset import decode_html
from annotator.io.html_defuse import MAX_ATTRIBUTES, cap_attributes, defuse, hide_lone_lt, stand_in_for_lt
from annotator.io.limits import TextBudget, clamp_number

# Content a browser never shows as text.
_SKIP = {"script", "style", "noscript", "template", "iframe", "object", "svg", "math", "canvas",
         "audio", "video", "select", "datalist"}
_BLOCK = {"address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
          "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
          "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li",
          "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead",
          "tfoot", "tr", "ul"}
_CELLS = {"td", "th"}
_BOLD = {"b", "strong"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
         "source", "track", "wbr"}
# HTML's whitespace, not Python's \s (which would also eat NBSP and U+3000 indentation).
_WS = re.compile(r"[ \t\n\f\r]+")
# CSS Text 3: a line break in the source between two East Asian wide characters renders as nothing,
# so hard-wrapped Chinese HTML must not gain spaces in the middle of words.
_WIDE = re.compile(r"[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff]")
# <ol type="…">: the marker a browser draws, as Word numFmt names (shared formatter).
_OL_TYPES = {"1": "decimal", "a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
def read_html(path: Path, data: bytes) -> ReadResult:
    try:
        return _read_html(path, data)
    except TooMuchMarkup as exc:
        raise ReadError(path, f"over {MAX_MARKUP:,} HTML tags ({len(data) / 2**20:.1f} MB); not a saved page "
                              "anyone annotates (damaged or generated file?)",
                        code="too-many-tags", params={"limit": MAX_MARKUP, "size_mb": len(data) / 2**20}) from exc


def _read_html(path: Path, data: bytes) -> ReadResult:
    text, encoding, source, warnings = decode_html(path, data)
    lone_lt = stand_in_for_lt(text)
    body, tail = defuse(text, lone_lt or "&lt;")
    body = hide_lone_lt(body, lone_lt or "&lt;")
    body, dropped = cap_attributes(body)
    if dropped:
        warnings.append(f"{dropped:,} attributes past the first {MAX_ATTRIBUTES:,} of a tag were ignored "
                        "(damaged or generated page?)")
    parser = _TextExtractor(lone_lt)
    # An end tag without a name: html.parser skips it without a callback, so it would escape the count
    # of markup, yet costs as much as a tag (~10 µs): 20 MB of "</>" took a minute.
    parser._markup = body.count("</>")
    if parser._markup > MAX_MARKUP:
        raise TooMuchMarkup(MAX_MARKUP)
    # Fed in slices, so text between tags is unescaped a megabyte at a time (one 20 MB run of
    # entities peaked at 400 MB); html.parser keeps an entity or tag cut at a slice's end for the next.
    for start in range(0, len(body), _FEED_SLICE):
        parser.feed(body[start:start + _FEED_SLICE])
    parser.close()
    if tail:
        parser.handle_data(html.unescape(tail))  # after the last ">" everything is text
    title = parser.title()
    metadata = {"size_bytes": len(data), "charset_source": source}
    text = parser.text()
    if parser.frames:
        from annotator.io.readers import has_visible_text  # noqa: PLC0415 - readers loads this module lazily

        if not has_visible_text(text):  # "empty file" would send the user away from the pages that hold the text
            shown = ", ".join(parser.frames)
            raise ReadError(path, f"empty file (no text found): the page only shows other pages in frames ({shown}); "
                                  "import those files instead", code="empty-file")
    return ReadResult(text=text, encoding=encoding, format="html", title=title,
                      metadata=metadata, warnings=warnings)


# A saved speech page has a few thousand tags, a 5 MB statistics page a few hundred thousand.
# Twenty megabytes of "<li>" are five million, a minute and a half in html.parser: refuse past this.
MAX_MARKUP = 500_000
_FEED_SLICE = 1 << 20


class TooMuchMarkup(Exception):
    pass


class _TextExtractor(HTMLParser):
    def __init__(self, lone_lt: str | None = None):
        super().__init__(convert_charrefs=True)
        self._lone_lt = lone_lt  # hide_lone_lt's stand-in for "<"
        self._lines: list[str] = []
        self._line: list[str] = []
        self._pending_ws: str | None = None  # whitespace seen since the last word on this line
        self._skip_tag: str | None = None
        self._skip_depth = 0
        self._pre = 0
        self._in_title = False
        self._title: list[str] = []
        # One entry per open list: [last number, format] for <ol>, None for <ul>. Browsers draw
        # "1." before ordered items; like Word's list numbers, that marker is text the reader sees.
        self._lists: list[list | None] = []
        self._budget = TextBudget()
        # A bold run that opens a source line and ends one ("…如下。\n<b>一、各地自查</b>\n各市…": a page
        # that sets its headings in bold inside one block) is a heading line: the break after it is kept,
        # not joined like a wrap between two CJK characters.
        self._bold_open = False
        self._bold_first: int | None = None  # where in self._line that run's text begins
        self._bold_end: int | None = None  # len(self._line) when that run closed
        self._markup = 0  # tags, comments and declarations seen: html.parser spends ~15 µs on each
        self.frames: list[str] = []  # <frame>/<iframe> sources, the first few

    def _count_markup(self) -> None:
        self._markup += 1
        if self._markup > MAX_MARKUP:
            raise TooMuchMarkup(MAX_MARKUP)

    def handle_comment(self, data):
        self._count_markup()

    def handle_decl(self, decl):
        self._count_markup()

    def handle_pi(self, data):
        self._count_markup()

    def unknown_decl(self, data):
        self._count_markup()

    # -- tokenizer callbacks --
    def handle_starttag(self, tag, attrs):
        self._count_markup()
        if self._skip_tag:
            if tag == self._skip_tag:
                self._skip_depth += 1
            return
        if tag == "title":
            self._in_title = True
            return
        if tag in ("frame", "iframe") and len(self.frames) < 5:
            # Never fetched; named if the page has no text of its own (a frameset of an old site).
            source = next((value for name, value in attrs if name == "src" and value), None)
            if source:
                self.frames.append("".join(ch for ch in source.strip()[:200] if ch.isprintable()))
        if tag not in _VOID and (tag in _SKIP or _is_hidden(attrs)):
            self._skip_tag, self._skip_depth = tag, 1
            return
        if tag == "br":
            self._end_line(force=True)
        elif tag == "ol":
            self._end_line()
            start = _int_attr(attrs, "start", 1)
            self._lists.append([start - 1, _OL_TYPES.get(dict(attrs).get("type") or "1", "decimal")])
            self._budget.spend(1)  # an empty <ol> per 4 bytes must still count towards the limit
        elif tag in ("ul", "menu", "dir"):
            self._end_line()
            self._lists.append(None)
        elif tag == "li":
            self._end_line()
            current = self._lists[-1] if self._lists else None
            if current is not None:
                current[0] = clamp_number(_int_attr(attrs, "value", current[0] + 1))
                self._line.append(_marker(current[0], current[1]) + ". ")
        elif tag in _BLOCK:
            self._end_line()
            if tag == "pre":
                self._pre += 1
        elif tag in _CELLS and self._line:
            self._line.append("\t")
            self._pending_ws = None
        elif tag in _BOLD and (not self._line or "\n" in (self._pending_ws or "")):
            self._bold_open = True

    def handle_startendtag(self, tag, attrs):
        # <br/>, <div/>: an XHTML self-closed element opens and closes at once.
        self.handle_starttag(tag, attrs)
        if tag not in _VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        self._count_markup()
        if self._skip_tag:
            if tag == self._skip_tag:
                self._skip_depth -= 1
                if not self._skip_depth:
                    self._skip_tag = None
            return
        if tag == "title":
            self._in_title = False
        elif tag in _BOLD:
            if self._bold_open and self._line:
                self._bold_end = len(self._line)
            self._bold_open = False
        elif tag in ("ol", "ul", "menu", "dir"):
            if self._lists:
                self._lists.pop()
            self._end_line()
        elif tag in _BLOCK:
            if tag == "pre" and self._pre:
                self._pre -= 1
            self._end_line()

    def handle_data(self, data):
        if self._lone_lt and self._lone_lt in data:
            data = data.replace(self._lone_lt, "<")
        if self._skip_tag:
            return
        if self._in_title:
            self._title.append(data)
        elif self._pre:
            first, *rest = data.split("\n")
            self._word(first)
            for piece in rest:
                self._end_line(force=True)
                self._word(piece)
        else:
            pos = 0
            for match in _WS.finditer(data):
                self._word(data[pos:match.start()])
                if self._line:
                    self._pending_ws = (self._pending_ws or "") + match.group()
                pos = match.end()
            self._word(data[pos:])

    # -- line building --
    def _word(self, word: str) -> None:
        if not word:
            return
        if self._pending_ws is not None and self._line and not self._line[-1].endswith((" ", "\t")):
            if "\n" in self._pending_ws and self._bold_end == len(self._line):
                # A bold run that opened its source line and ends it: a heading line of its own.
                first = self._bold_first or 0
                heading = self._line[first:]
                if first:
                    self._line = self._line[:first]
                    self._end_line()
                    self._line = heading
                self._end_line()
                self._line.append(word)
                return
            joined_wide = ("\n" in self._pending_ws and _WIDE.match(self._line[-1][-1])
                           and _WIDE.match(word[0]))
            if not joined_wide:
                self._line.append(" ")
        self._pending_ws = None
        if self._bold_open and self._bold_first is None:
            self._bold_first = len(self._line)
        self._line.append(word)

    def _end_line(self, force: bool = False) -> None:
        # Nested blocks (<div><p>…) must not pile up blank lines; <br> always breaks.
        if self._line or force:
            line = "".join(self._line).rstrip(" \t")
            self._budget.spend(len(line) + 1)
            self._lines.append(line)
        self._line = []
        self._pending_ws = None
        self._bold_open, self._bold_first, self._bold_end = False, None, None

    def text(self) -> str:
        self._end_line()
        text = "\n".join(self._lines).strip("\n")
        return re.sub(r"\n{3,}", "\n\n", text)

    def title(self) -> str | None:
        title = _WS.sub(" ", "".join(self._title)).strip()
        return title or None


def _int_attr(attrs, name: str, default: int) -> int:
    """An integer attribute as a browser reads it, clamped so its marker stays a few characters."""
    value = dict(attrs).get(name)
    match = _LEADING_INT.match(value or "")
    if not match:
        return clamp_number(default)
    return clamp_number(int(match.group().strip()[:13]))  # past 12 digits the clamp decides anyway


_LEADING_INT = re.compile(r"\s*[-+]?[0-9]+")


def _marker(value: int, fmt: str) -> str:
    # Browsers letter lists a…z, aa, ab… (bijective base 26), unlike Word's aa, bb; bounded since
    # values are clamped (at most 4 letters).
    if fmt in ("lowerLetter", "upperLetter") and value >= 1:
        letters = []
        while value:
            value, rest = divmod(value - 1, 26)
            letters.append(chr(ord("a") + rest))
        text = "".join(reversed(letters))
        return text if fmt == "lowerLetter" else text.upper()
    return format_number(value, fmt)


def _is_hidden(attrs) -> bool:
    for name, value in attrs:
        if name == "hidden" or (name == "style" and value and _HIDDEN_STYLE.search(value)):
            return True
    return False
