"""Several annotators' spans drawn over one text, each annotator in their own colour.

A QSyntaxHighlighter for the same reasons as the workspace's (guide §4): only blocks about to be laid
out are formatted and the document is never modified. Where annotators overlap, the background is
the mean of their colours, so "both" reads as a distinct mixed shade rather than one hiding the other;
gold is a solid underline so it never covers the annotators' colours.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextCharFormat, QTextDocument

from annotator.domain.intervals import IntervalIndex
from annotator.domain.model import Section, Span, SpanStatus
from annotator.domain.offsets import Utf16Map
from annotator.gui.widgets.highlighter import CodePointHighlighter

ANNOTATOR_COLOURS = ("#3d7fd9", "#e8822e", "#3aa655", "#9b59b6", "#c0392b", "#17a2b8", "#b8860b", "#e377c2")
GOLD_COLOUR = "#111111"


def annotator_colour(position: int) -> QColor:
    return QColor(ANNOTATOR_COLOURS[position % len(ANNOTATOR_COLOURS)])


def mix(colours: list[QColor], alpha: int) -> QColor:
    n = len(colours)
    out = QColor(sum(c.red() for c in colours) // n, sum(c.green() for c in colours) // n,
                 sum(c.blue() for c in colours) // n)
    out.setAlpha(alpha)
    return out


class OverlayHighlighter(CodePointHighlighter):
    def __init__(self, document: QTextDocument):
        super().__init__(document)
        self.spans: IntervalIndex[Span] = IntervalIndex([])
        self.gold: IntervalIndex[Span] = IntervalIndex([])
        self.colours: dict[str, QColor] = {}

    def set_data(self, utf16: Utf16Map, spans: list[Span], gold: list[Span], sections: list[Section],
                 annotators: list[str]) -> None:
        self.utf16 = utf16
        self.spans = IntervalIndex(spans)
        self.gold = IntervalIndex([g for g in gold if g.status == SpanStatus.GOLD])
        self.set_headings(sections)
        self.colours = {name: annotator_colour(i) for i, name in enumerate(annotators)}
        self.rehighlight()

    def highlight_spans(self, cp_start: int, cp_end: int, local) -> None:
        items = self.spans.overlapping(cp_start, cp_end)
        golds = self.gold.overlapping(cp_start, cp_end)
        if not items and not golds:
            return
        edges = [x for s in items + golds for x in (s.start, s.end)]
        cuts = sorted({cp_start, cp_end, *(min(max(x, cp_start), cp_end) for x in edges)})
        for a, b in zip(cuts, cuts[1:]):
            who = sorted({s.annotator for s in items if s.start < b and s.end > a}, key=list(self.colours).index)
            in_gold = any(g.start < b and g.end > a for g in golds)
            if not who and not in_gold:
                continue
            fmt = QTextCharFormat(self.format(local(a)))
            if who:
                fmt.setBackground(mix([self.colours[n] for n in who], 70 + 30 * (len(who) - 1)))
            if in_gold:
                fmt.setFontUnderline(True)
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(QColor(GOLD_COLOUR))
            la, lb = local(a), local(b)
            self.setFormat(la, lb - la, fmt)
