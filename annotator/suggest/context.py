"""Where a suggestion stands in its document: the title line, paragraphs that own up to shortcomings,
sentence ends. Kept apart from annotator.suggest.directives so that module stays readable in one sitting."""

from __future__ import annotations

import re

from annotator.suggest import cues

SENTENCE_END = "。！？!?"
# A line that opens with an outline marker (一、 （二） 第三，): shared with annotator.suggest.directives.
_HEADING_LINE = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十]{1,3}[章部分节]?[，,、\s])")


_END_RE = re.compile(r"[。！？!?\n]")


def sentence_end(text: str, pos: int) -> int:
    m = _END_RE.search(text, pos)
    return m.start() if m else max(pos, len(text))


def title_end(text: str) -> int:
    """The end of the document's title line, or 0: a first line with no sentence punctuation, not an outline
    heading, followed by more text. A title names the talk or the plan (忠实践行“八八战略” 坚决做到“两个维护”…,
    19; 必须强调团结和进步 and 关心群众生活，注意工作方法, 1940 and 1934 titles): no gold document marks one."""
    end = text.find("\n")
    line = text[:end].strip() if end > 0 else ""
    if (not line or len(line) > 80 or not text[end:].strip() or _HEADING_LINE.match(line)
            or any(ch in line for ch in SENTENCE_END + "；;")):
        return 0
    return end


def in_shortcomings(text: str, pos: int) -> bool:
    """True when the paragraph around ``pos`` opens (in its first sentence) by owning up to shortcomings."""
    p_start = text.rfind("\n", 0, pos) + 1
    return bool(cues.SHORTCOMING_OPEN_RE.search(text, p_start, sentence_end(text, p_start)))
