"""Repainting only what a keystroke changed in the speech view (widgets/text_view.py): the lines of the
touched spans, the touched paragraphs, and the dirty region as full-width bands. Functions of the view
so SpeechView stays readable in one sitting (tests/unit/test_class_size.py)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF


def update_lines(view, ranges) -> None:
    """Repaint the lines the code-point ``ranges`` lie on (on screen), not their whole paragraphs.

    A span's format change alters its own characters only; repainting its paragraph redrew every line
    of it (a paragraph of a report is 5–15 lines at 1920×1080). QTextLayout.draw skips the lines outside
    the clip, so a smaller dirty rectangle is less to draw, not just less area. (On the benchmark's
    report, whose paragraphs are short, the median frame did not move measurably: session 8.)"""
    document, offset, viewport = view.document(), view.contentOffset(), view.viewport()
    bleed = max(4, view.fontMetrics().lineSpacing() // 2)  # an underline is drawn below its line
    width = viewport.width()
    for start, end in ranges:
        first, last = view.utf16.to_utf16(start), view.utf16.to_utf16(max(start, end))
        block = document.findBlock(first)
        while block.isValid() and block.position() <= last:
            top = view.blockBoundingGeometry(block).translated(offset).top()
            if top > viewport.height():
                break
            layout = block.layout()
            if layout is None or layout.lineCount() == 0:
                block = block.next()
                continue
            local = block.position()
            a = layout.lineForTextPosition(max(0, first - local))
            b = layout.lineForTextPosition(min(block.length() - 1, max(0, last - local)))
            shift = layout.position().y()
            y0 = shift + (a.y() if a.isValid() else 0.0)
            y1 = shift + ((b.y() + b.height()) if b.isValid() else layout.boundingRect().height())
            rect = QRectF(0, top + y0, width, y1 - y0).toAlignedRect().adjusted(0, -bleed, 0, bleed)
            if rect.intersects(viewport.rect()):
                viewport.update(rect)
            block = block.next()


def update_blocks(view, blocks) -> None:
    """Repaint the rectangles of those of ``blocks`` that are on screen."""
    offset, viewport = view.contentOffset(), view.viewport()
    # An underline is drawn a little below its line, past the block's rectangle: erase that too.
    bleed = max(4, view.fontMetrics().lineSpacing() // 2)
    for block in blocks:
        rect = view.blockBoundingGeometry(block).translated(offset).toAlignedRect().adjusted(0, -bleed, 0, bleed)
        if rect.intersects(viewport.rect()):
            viewport.update(rect)


def bands(view, region) -> list:
    """The dirty region as full-width horizontal bands, touching ones merged: one changed line came
    as three rectangles (1, 24 and 1 pixels high, of widths 1208, 1210, 1208: a selection's edge, the
    line, an underline's bleed), each a paint of its own with the blocks walked again (session 8)."""
    width = view.viewport().width()
    merged: list[list[int]] = []
    for rect in sorted(region, key=lambda r: r.top()):
        if merged and rect.top() <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], rect.bottom())
        else:
            merged.append([rect.top(), rect.bottom()])
    return [QRect(0, top, width, bottom - top + 1) for top, bottom in merged]


def update_below(view, blocks) -> None:
    """Blocks whose height changed: repaint from the topmost one in view down to the bottom of the view.

    The view paints from its first visible block down, so a block above or below the view that gained
    lines moves nothing on screen. The whole view was repainted for each (8 ms at 1920×1080), and before
    that ``layout.update.emit(rect)`` raised TypeError (PySide6 takes that signal without arguments) and
    left the rest of the keystroke's blocks unpainted (session 9)."""
    offset, viewport = view.contentOffset(), view.viewport()
    tops = [view.blockBoundingGeometry(block).translated(offset) for block in blocks]
    shown = [rect.top() for rect in tops if rect.bottom() >= 0 and rect.top() <= viewport.height()]
    if shown:
        top = max(0, int(min(shown)))
        viewport.update(0, top, viewport.width(), viewport.height() - top)
