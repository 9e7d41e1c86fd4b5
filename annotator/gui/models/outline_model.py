"""The outline tree: one item per section (marker + title, with the number of tags inside)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel

from annotator.domain.model import Section, Span

SECTION_ROLE = Qt.ItemDataRole.UserRole + 1
LOW_CONFIDENCE_ROLE = Qt.ItemDataRole.UserRole + 5
# Below this the parser guessed where the title ends (no punctuation, no line end): worth a look.
LOW_CONFIDENCE = 0.8


def build_outline_model(model: QStandardItemModel, sections: list[Section], spans: list[Span]) -> list[QStandardItem]:
    """Fill ``model``; returns the item of each section, by section index."""
    model.clear()
    model.setHorizontalHeaderLabels([QCoreApplication.translate("OutlineModel", "Section"), QCoreApplication.translate("OutlineModel", "Tags")])
    starts = sorted(s.start for s in spans)
    items: list[QStandardItem] = []
    from bisect import bisect_left  # noqa: PLC0415

    for index, section in enumerate(sections):
        title = section.title if len(section.title) <= 40 else section.title[:39] + "…"
        item = QStandardItem(f"{section.marker}{title}")
        item.setEditable(False)
        item.setData(index, SECTION_ROLE)
        tip = section.title
        if section.confidence < 1.0:
            # Section.confidence is the parser's belief that this line is a heading at all, and that
            # this is its title: both are in question, not only where the title ends.
            tip += "\n" + QCoreApplication.translate(
                "OutlineModel", "Uncertain heading (confidence {0:.0%}): is this a heading, and is this its "
                "title? Ctrl+Shift+H removes it, Ctrl+T sets the title end.").format(section.confidence)
        low = section.confidence < LOW_CONFIDENCE and section.source != "manual"
        item.setData(low, LOW_CONFIDENCE_ROLE)
        if low:
            # Marked, not hidden: the annotator checks the heading (remove it, or fix its title end).
            item.setText(f"{section.marker}{title} ⚠")
            font = QFont()
            font.setItalic(True)
            item.setFont(font)
            item.setForeground(QBrush(QColor("#9a6700")))
            tip += "\n" + QCoreApplication.translate("OutlineModel", "Check this heading: press Ctrl+T at the end of its title to correct it")
        item.setToolTip(tip)
        count = bisect_left(starts, section.end) - bisect_left(starts, section.start)
        count_item = QStandardItem(str(count) if count else "")
        count_item.setEditable(False)
        count_item.setData(index, SECTION_ROLE)
        count_item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        parent = model.invisibleRootItem() if section.parent is None else items[section.parent]
        parent.appendRow([item, count_item])
        items.append(item)
    return items
