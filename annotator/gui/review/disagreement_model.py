"""The disagreement list of the document under review: one row per ReviewItem (open or decided).

One column per annotator under review, filled with that annotator's spans: with three or more
annotators a disagreement's ``a``/``b`` are merely its first two spans in text order (agreement/gold.py),
so columns headed "A: li", "B: wang" showed zhao's span under li's name (walked at a real display with
three annotators, session 8). With two, the columns are still headed A and B (the A/B keys take them).

A small table model over a plain Python list (the napari shape): the window replaces the list after
every change and the views follow the model's reset, never a widget telling another widget.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor

from annotator.services.agreement import (ATTRIBUTE_MISMATCH, BOUNDARY_AND_LABEL_MISMATCH, BOUNDARY_MISMATCH,
                                          LABEL_MISMATCH, MISSING_IN_A, MISSING_IN_B, MISSING_IN_SOME, ReviewItem)
from annotator.domain.model import Span, SpanStatus
from annotator.gui.safety import qt_override

ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
SNIPPET = 28  # characters of text shown in a cell; the tooltip has the whole span


class DisagreementModel(QAbstractTableModel):

    def __init__(self, parent=None):
        super().__init__(parent)
        self.items: list[ReviewItem] = []
        self.text = ""
        self.section_titles: list[str] = []
        self.label_titles: dict[str, str] = {}
        self.names: tuple[str, ...] = ("A", "B")
        self._kinds = {
            BOUNDARY_MISMATCH: self.tr("boundary differs"), LABEL_MISMATCH: self.tr("label differs"),
            BOUNDARY_AND_LABEL_MISMATCH: self.tr("boundary + label differ"),
            ATTRIBUTE_MISMATCH: self.tr("attributes differ"), MISSING_IN_A: self.tr("only B"),
            MISSING_IN_B: self.tr("only A"), MISSING_IN_SOME: self.tr("not everyone"),
        }
        self._methods = {"take": self.tr("taken"), "edit": self.tr("edited"), "relabel": self.tr("relabelled"),
                         "reject": self.tr("rejected"), "add": self.tr("added")}

    def set_items(self, items: list[ReviewItem], text: str, section_titles: list[str],
                  label_titles: dict[str, str], names: tuple[str, ...]) -> None:
        self.beginResetModel()
        self.items, self.text, self.section_titles = list(items), text, section_titles
        self.label_titles, self.names = label_titles, names
        self.endResetModel()

    def kind_title(self, kind: str) -> str:
        return self._kinds.get(kind, kind)

    @property
    def columns(self) -> tuple[str, ...]:
        """"kind", one "@name" per annotator, "text", "decision"."""
        return ("kind", *(f"@{n}" for n in self.names), "text", "decision")

    def annotator_header(self, number: int) -> str:
        name = self.names[number]
        if len(self.names) == 2:  # the A / B keys take these two
            return (self.tr("A: {0}") if number == 0 else self.tr("B: {0}")).format(name)
        return self.tr("{0}: {1}").format(number + 1, name)  # the digit key that takes this annotator's span

    # -- Qt model interface ----------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        column = self.columns[section] if 0 <= section < len(self.columns) else None
        if column is None:
            return None
        if column.startswith("@"):
            return self.annotator_header(section - 1)
        return {"kind": self.tr("Kind"), "text": self.tr("Text"), "decision": self.tr("Decision")}[column]

    def span_cell(self, span: Span | None) -> str:
        """A span as a person reads it: its label and its text (offsets are in the tooltip)."""
        if span is None:
            return "—"
        words = self.text[span.start:span.end].replace("\n", " ")
        if len(words) > 18:
            words = words[:8] + "…" + words[-8:]
        return f"{self.label_titles.get(span.label, span.label)} «{words}»"

    def in_context(self, start: int, end: int, width: int = 10) -> str:
        """The disputed text with a little of what surrounds it: …before【text】after…"""
        words = self.text[start:end]
        if len(words) > SNIPPET:
            words = words[:SNIPPET // 2] + "…" + words[-(SNIPPET // 2):]
        before = self.text[max(0, start - width):start]
        after = self.text[end:end + width]
        return (("…" if start > width else "") + before + "【" + words + "】" + after
                + ("…" if end + width < len(self.text) else "")).replace("\n", " ")

    def decision(self, item: ReviewItem) -> str:
        if item.is_open:
            return ""
        parts = []
        for row in item.resolution:
            method = self._methods.get(row.provenance.get("method", ""), row.provenance.get("method", ""))
            chosen = row.provenance.get("chosen")
            if row.status == SpanStatus.REJECTED:
                parts.append(method)
            else:
                who = f" {chosen}" if chosen else ""
                parts.append(f"{method}{who}: {self.span_cell(row)}")
        return "; ".join(parts)

    @qt_override(None)
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        d = item.disagreement
        column = self.columns[index.column()]
        if role == ITEM_ROLE:
            return item
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "kind":
                return self.kind_title(d.kind)
            if column.startswith("@"):
                mine = [s for s in d.spans if s.annotator == column[1:]]
                return "; ".join(self.span_cell(s) for s in mine) if mine else "—"
            if column == "text":
                return self.in_context(d.start, d.end)
            return self.decision(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [self.kind_title(d.kind)]
            for s in d.spans:
                lines.append(f"{s.annotator}: {self.label_titles.get(s.label, s.label)} [{s.start}, {s.end})"
                             f" «{self.text[s.start:s.end]}»")
            if item.section is not None and item.section < len(self.section_titles):
                lines.insert(0, self.section_titles[item.section])
            return "\n".join(lines)
        if role == Qt.ItemDataRole.ForegroundRole and not item.is_open:
            return QColor("#888888")  # decided rows stay listed (undo, audit) but step back visually
        return None

    def row_of(self, key: tuple) -> int:
        return next((i for i, item in enumerate(self.items) if item.key == key), -1)
