"""Span colouring with a QSyntaxHighlighter reading the session's interval index.

Why not char formats written into the document: that marks the document modified, fills its undo
history and costs a full relayout per change; the highlighter only formats blocks Qt is about to lay
out, and an edit re-highlights just the blocks the span touches (guide §4: ~9 ms vs ~24 ms a frame).

Drawing: an accepted span gets its label's colour as background; where spans of different labels
overlap, the later label shows as a coloured underline on top, so overlaps stay visible; a suggestion
is a dotted underline in its label's colour on a faint fill, dashed and unfilled when the suggester
doubts it (``provenance["low_confidence"]``). Headings are bold, and larger by level.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QSyntaxHighlighter, QTextCharFormat, QTextDocument

from annotator.domain.intervals import IntervalIndex
from annotator.domain.model import Section, Span
from annotator.domain.offsets import Utf16Map
from annotator.gui.models.span_table import low_confidence
from annotator.gui.safety import report_once


def heading_key(section: Section) -> tuple[int, int]:
    """The heading line only (marker + title), not the whole section body."""
    return (section.start, max(section.title_end, section.start + len(section.marker)))


class CodePointHighlighter(QSyntaxHighlighter):
    """What every highlighter here shares: Qt hands over a block in UTF-16 units, our data is in code
    points; headings are emphasised. Subclasses draw their spans in ``highlight_spans``."""

    SCALE_HEADINGS = False  # larger type for level 1–2 headings

    def __init__(self, document: QTextDocument):
        super().__init__(document)
        self.utf16 = Utf16Map("")
        self.headings: IntervalIndex[Section] = IntervalIndex([])
        self.deferred = False  # True while the view loads a text: blocks are highlighted afterwards

    def set_headings(self, sections: list[Section]) -> None:
        self.headings = IntervalIndex(sections, key=heading_key)

    def rehighlight_range(self, start: int, end: int) -> None:
        """Re-highlight only the blocks covering code points [start, end)."""
        doc = self.document()
        first = doc.findBlock(self.utf16.to_utf16(start))
        last = doc.findBlock(self.utf16.to_utf16(max(start, end - 1)))
        block = first
        while block.isValid():
            self.rehighlightBlock(block)
            if block == last:
                break
            block = block.next()

    def blocks_of(self, spans) -> list:
        """The blocks the given spans touch, each once, in document order (accepting a suggestion removes
        and adds a span over the same characters: one pass over that paragraph, not two)."""
        doc = self.document()
        blocks: dict[int, object] = {}
        for span in spans:
            block = doc.findBlock(self.utf16.to_utf16(span.start))
            last = doc.findBlock(self.utf16.to_utf16(max(span.start, span.end - 1))).blockNumber()
            while block.isValid() and block.blockNumber() <= last:
                blocks.setdefault(block.blockNumber(), block)
                block = block.next()
        return [blocks[number] for number in sorted(blocks)]

    def rehighlight_spans(self, spans) -> None:
        """Re-highlight the blocks the given spans touch, each block once."""
        for block in self.blocks_of(spans):
            self.rehighlightBlock(block)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt override
        # Qt calls this for every block of a new text (1 000+ for a long report) while ``deferred``: the
        # early return comes before anything else, the guard (safety.qt_override's) is inline.
        if self.deferred:
            return
        try:
            self._highlight_block(text)
        except Exception:  # noqa: BLE001 - Qt calls this: nothing may escape (gui/safety.py)
            report_once("CodePointHighlighter.highlightBlock")

    def _highlight_block(self, text: str) -> None:
        u16_start = self.currentBlock().position()
        cp_start = self.utf16.to_codepoint(u16_start)
        cp_end = cp_start + len(text)
        if cp_end <= cp_start:
            return

        def local(cp: int) -> int:
            """Code point → UTF-16 offset inside this block (clamped to the block)."""
            return self.utf16.to_utf16(min(max(cp, cp_start), cp_end)) - u16_start

        for section in self.headings.overlapping(cp_start, cp_end):
            fmt = QTextCharFormat()
            fmt.setFontWeight(QFont.Weight.Bold)
            if self.SCALE_HEADINGS and section.level <= 2:
                fmt.setFontPointSize(self.document().defaultFont().pointSizeF() * (1.25 if section.level == 1 else 1.1))
            a, b = (local(x) for x in heading_key(section))
            self.setFormat(a, b - a, fmt)
        self.highlight_spans(cp_start, cp_end, local)

    def highlight_spans(self, cp_start: int, cp_end: int, local) -> None:
        raise NotImplementedError


class SpanHighlighter(CodePointHighlighter):
    SCALE_HEADINGS = True

    def __init__(self, document: QTextDocument):
        super().__init__(document)
        self.index: IntervalIndex[Span] = IntervalIndex([])
        self.colours: dict[str, QColor] = {}

    def set_data(self, utf16: Utf16Map, index: IntervalIndex, sections: list[Section], colours: dict[str, str],
                 rehighlight: bool = True) -> None:
        self.utf16 = utf16
        self.index = index
        self.set_headings(sections)
        self.colours = {name: QColor(value) for name, value in colours.items()}
        if rehighlight:
            self.rehighlight()

    def _fill(self, label: str, alpha: int) -> QColor:
        colour = QColor(self.colours.get(label, QColor("#999999")))
        colour.setAlpha(alpha)
        return colour

    def highlight_spans(self, cp_start: int, cp_end: int, local) -> None:
        items = self.index.overlapping(cp_start, cp_end)
        if not items:
            return
        # Elementary segments between span boundaries: each gets one format combining every span on it.
        cuts = sorted({cp_start, cp_end, *(max(cp_start, s.start) for s in items), *(min(cp_end, s.end) for s in items)})
        for a, b in zip(cuts, cuts[1:]):
            covering = [s for s in items if s.start < b and s.end > a]
            if not covering:
                continue
            accepted = [s for s in covering if s.status != "suggested"]
            suggested = [s for s in covering if s.status == "suggested"]
            fmt = QTextCharFormat(self.format(local(a)))
            if accepted:
                fmt.setBackground(self._fill(accepted[0].label, 90))
                if len({s.label for s in accepted}) > 1:
                    other = next(s for s in accepted if s.label != accepted[0].label)
                    fmt.setFontUnderline(True)
                    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                    fmt.setUnderlineColor(self._fill(other.label, 255))
            elif suggested:
                # A suggestion the suggester doubts (a reported call, a hypothesis…: suggest/modality.py) is
                # dashed and unfilled, so the eye can skip it; it stays in Tab's walk like every other.
                doubtful = all(low_confidence(s) for s in suggested)
                # setFontUnderline(True) means a *single* underline in Qt: it must come before the style
                # (called after it, every suggestion was drawn solid, not dotted as the legend says).
                fmt.setFontUnderline(True)
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline if doubtful
                                      else QTextCharFormat.UnderlineStyle.DotLine)
                fmt.setUnderlineColor(self._fill(suggested[0].label, 160 if doubtful else 255))
                if not doubtful:
                    fmt.setBackground(self._fill(suggested[0].label, 28))
            la, lb = local(a), local(b)
            self.setFormat(la, lb - la, fmt)
