"""Two annotators side by side on one document (INCEpTION's curation view, Label Studio's compare).

Left and right show the same text, each with one annotator's spans in the label colours. A span that
takes part in a difference (label, boundary, both, attributes, or made by one only — the agreement
code's alignment, compare_model.py) is drawn with a red wavy underline, so differences stand out at a
glance while agreed spans look as in the workspace. The two texts scroll together. The list below has
one row per difference; N / J / F8 go to the next, P / K / Shift+F8 to the previous, in both texts at
once (outlined). A section can be chosen (Alt+S), whole document by default. Read-only: decisions are
taken in the review window (Ctrl+Shift+R in the workspace), where the same differences are listed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QTextCharFormat
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHeaderView, QLabel, QMainWindow, QSplitter,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from annotator.services.agreement import (ATTRIBUTE_MISMATCH, BOUNDARY_AND_LABEL_MISMATCH, BOUNDARY_MISMATCH,
                                          LABEL_MISMATCH, MISSING_IN_A, MISSING_IN_B)
from annotator.domain.intervals import IntervalIndex
from annotator.domain.offsets import Utf16Map
from annotator.gui.actions import make_action
from annotator.gui.review.compare_model import Comparison, compare
from annotator.gui.review.overlay import annotator_colour
from annotator.gui.safety import describe
from annotator.gui.widgets.highlighter import SpanHighlighter
from annotator.gui.widgets.text_view import SpeechView
from annotator.storage import documents as doc_store
from annotator.storage.labels import get_labels

SNIPPET = 30
DIFFERENCE_COLOUR = "#d32f2f"


class CompareHighlighter(SpanHighlighter):
    """The workspace's drawing of accepted spans; a differing span is in red with a red wavy underline."""

    def __init__(self, document):
        super().__init__(document)
        self.different: set[str] = set()

    def highlight_spans(self, cp_start: int, cp_end: int, local) -> None:
        super().highlight_spans(cp_start, cp_end, local)
        items = [s for s in self.index.overlapping(cp_start, cp_end) if s.id in self.different]
        for span in items:
            a, b = local(max(span.start, cp_start)), local(min(span.end, cp_end))
            for pos in range(a, b):  # keep each character's fill, add the underline
                fmt = QTextCharFormat(self.format(pos))
                fmt.setFontUnderline(True)
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
                fmt.setUnderlineColor(QColor(DIFFERENCE_COLOUR))
                fmt.setForeground(QColor(DIFFERENCE_COLOUR))  # red text too: the underline alone was faint
                self.setFormat(pos, 1, fmt)


class _Side(QWidget):
    def __init__(self, object_name: str):
        super().__init__()
        self.header = QLabel()
        self.header.setObjectName(f"{object_name}Header")
        self.header.setTextFormat(Qt.TextFormat.RichText)
        self.view = SpeechView()
        self.view.setObjectName(object_name)
        self.view.highlighter.setDocument(None)
        self.view.highlighter = CompareHighlighter(self.view.document())
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.header)
        box.addWidget(self.view, 1)


class CompareWindow(QMainWindow):
    def __init__(self, project, *, doc_id: int | None = None, annotators: tuple[str, str] | None = None,
                 language: str = "en", at: int | None = None, parent=None):
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setObjectName("compareWindow")
        self.project, self.language = project, language
        self.labels = get_labels(project)
        self.colours = {label.name: label.colour for label in self.labels}
        self.label_titles = {label.name: label.title(language) for label in self.labels}
        self.comparison: Comparison | None = None
        self._notice = ""  # said above the texts until another document is chosen
        self._at = at  # open on the difference at this offset (the review's current disagreement)
        self.utf16 = Utf16Map("")
        self._kinds = {
            BOUNDARY_MISMATCH: self.tr("boundary differs"), LABEL_MISMATCH: self.tr("label differs"),
            BOUNDARY_AND_LABEL_MISMATCH: self.tr("boundary + label differ"),
            ATTRIBUTE_MISMATCH: self.tr("attributes differ"),
        }
        self._build()
        self.setWindowTitle(self.tr("Compare two annotators"))
        self._fill_documents(self._with_two(doc_id))
        if annotators:
            self._choose(annotators)
        self.refresh()
        self._fit_screen()

    # -- layout -------------------------------------------------------------------------------------
    def _build(self) -> None:
        self.doc_combo, self.a_combo, self.b_combo, self.section_combo = (QComboBox() for _ in range(4))
        for combo, name in ((self.doc_combo, "compareDocument"), (self.a_combo, "compareA"),
                            (self.b_combo, "compareB"), (self.section_combo, "compareSection")):
            combo.setObjectName(name)
        self.doc_combo.setMinimumContentsLength(18)
        self.section_combo.setMinimumContentsLength(14)
        toolbar = self.addToolBar(self.tr("Compare"))
        toolbar.setObjectName("compareToolbar")
        for text, combo in ((self.tr("Document: "), self.doc_combo), (self.tr(" Left: "), self.a_combo),
                            (self.tr(" Right: "), self.b_combo), (self.tr(" Section: "), self.section_combo)):
            label = QLabel(text)
            label.setBuddy(combo)
            toolbar.addWidget(label)
            toolbar.addWidget(combo)
        self.summary = QLabel()
        self.summary.setObjectName("compareSummary")
        self.summary.setWordWrap(True)
        self.left, self.right = _Side("compareLeft"), _Side("compareRight")
        texts = QSplitter()
        texts.addWidget(self.left)
        texts.addWidget(self.right)
        texts.setChildrenCollapsible(False)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("differenceTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.table.horizontalHeader()
        for column, width in ((0, 170), (1, 220), (2, 220)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setHorizontalHeaderLabels([self.tr("Difference"), self.tr("Left"), self.tr("Right"),
                                              self.tr("Text in context")])
        work = QSplitter(Qt.Orientation.Vertical)
        work.addWidget(texts)
        work.addWidget(self.table)
        work.setStretchFactor(0, 3)
        work.setStretchFactor(1, 1)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(4, 4, 4, 0)
        column.addWidget(self.summary)
        column.addWidget(work, 1)
        self.setCentralWidget(holder)

        self.actions_ = {}
        for key, text, slot, keys in (
                ("next", self.tr("Next difference"), lambda: self.step(1), ["N", "J", "F8"]),
                ("previous", self.tr("Previous difference"), lambda: self.step(-1), ["P", "K", "Shift+F8"]),
                ("section", self.tr("Choose a section"), self.section_combo.showPopup, ["Alt+S"]),
                ("refresh", self.tr("Read the spans again"), self.refresh, ["F5"]),
                ("close", self.tr("Close"), self.close, ["Escape"])):
            self.actions_[key] = make_action(self, text, slot, keys, widget=self, name=f"compare_{key}")
        menu = self.menuBar().addMenu(self.tr("&Go"))
        menu.addActions(list(self.actions_.values()))

        self.doc_combo.currentIndexChanged.connect(self._on_document)
        for combo in (self.a_combo, self.b_combo, self.section_combo):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.currentCellChanged.connect(lambda row, *_: self._show(row))
        # Same text, same width, same fonts: the two layouts match line for line, so one scroll value
        # fits both. (Each side follows the other; equal values stop the echo.)
        lbar, rbar = self.left.view.verticalScrollBar(), self.right.view.verticalScrollBar()
        lbar.valueChanged.connect(lambda v: rbar.value() != v and rbar.setValue(v))
        rbar.valueChanged.connect(lambda v: lbar.value() != v and lbar.setValue(v))

    def _fit_screen(self) -> None:
        from annotator.gui.review.review_layout import fit_window  # noqa: PLC0415

        fit_window(self)

    # -- choices ------------------------------------------------------------------------------------
    def _with_two(self, doc_id: int | None) -> int | None:
        """``doc_id`` when two annotators tagged it, else the first document two annotators tagged (said
        in the status bar): opening on a document nobody compared would show two empty texts."""
        from annotator.storage.progress import team_progress  # noqa: PLC0415

        try:
            _people, documents = team_progress(self.project)
        except Exception:  # noqa: BLE001 - the window still opens on the document asked for
            return doc_id
        tagged = [d for d in documents if len(d.spans) >= 2]
        if doc_id is None or any(d.id == doc_id for d in tagged) or not tagged:
            return doc_id
        self._notice = self.tr("This document has fewer than two annotators; showing “{0}”.").format(tagged[0].title)
        return tagged[0].id

    def _fill_documents(self, doc_id: int | None) -> None:
        self.doc_combo.blockSignals(True)
        for row in doc_store.list_documents(self.project):
            self.doc_combo.addItem(f"{row['id']}  {row['title'] or self.tr('(untitled)')}", row["id"])
        if doc_id is not None and self.doc_combo.findData(doc_id) >= 0:
            self.doc_combo.setCurrentIndex(self.doc_combo.findData(doc_id))
        self.doc_combo.blockSignals(False)
        self._fill_people()

    def _fill_people(self) -> None:
        from annotator.services.agreement import annotators_with_spans  # noqa: PLC0415

        doc_id = self.doc_combo.currentData()
        names = annotators_with_spans(self.project, doc_id) if doc_id is not None else []
        keep = (self.a_combo.currentText(), self.b_combo.currentText())
        for combo in (self.a_combo, self.b_combo):
            combo.blockSignals(True)
            combo.clear()
            combo.addItems(names)
        if len(names) >= 2:
            self.a_combo.setCurrentIndex(names.index(keep[0]) if keep[0] in names else 0)
            other = [n for n in names if n != self.a_combo.currentText()]
            self.b_combo.setCurrentIndex(names.index(keep[1]) if keep[1] in other else names.index(other[0]))
        for combo in (self.a_combo, self.b_combo):
            combo.blockSignals(False)

    def _choose(self, annotators: tuple[str, str]) -> None:
        for combo, name in zip((self.a_combo, self.b_combo), annotators):
            if combo.findText(name) >= 0:
                combo.blockSignals(True)
                combo.setCurrentIndex(combo.findText(name))
                combo.blockSignals(False)

    def _on_document(self, _index: int) -> None:
        self._notice = ""
        self._fill_people()
        self.section_combo.blockSignals(True)
        self.section_combo.clear()
        self.section_combo.blockSignals(False)
        self.refresh()

    def _fill_sections(self, comparison: Comparison) -> None:
        if self.section_combo.count():
            return
        self.section_combo.blockSignals(True)
        self.section_combo.addItem(self.tr("Whole document"), None)
        for index, section in enumerate(comparison.sections):
            title = section.title if len(section.title) <= 24 else section.title[:23] + "…"
            self.section_combo.addItem("  " * (section.level - 1) + f"{section.marker}{title}", index)
        self.section_combo.blockSignals(False)

    # -- data ---------------------------------------------------------------------------------------
    def refresh(self) -> None:
        doc_id, a, b = self.doc_combo.currentData(), self.a_combo.currentText(), self.b_combo.currentText()
        if doc_id is None or not a or not b or a == b:
            self.summary.setText(self.tr("Choose a document two annotators have tagged, and the two annotators."))
            return
        try:
            comparison = compare(self.project, doc_id, a, b, self.section_combo.currentData())
        except Exception as exc:  # noqa: BLE001 - a damaged row: say so, keep the window usable
            self.summary.setText(self.tr("This document cannot be compared: {0}").format(describe(exc)))
            return
        first_load = self.comparison is None or self.comparison.doc_id != doc_id
        self.comparison = comparison
        self._fill_sections(comparison)
        if first_load:
            self.utf16 = Utf16Map(comparison.text)
        for side, (pane, name) in enumerate(((self.left, a), (self.right, b))):
            highlighter = pane.view.highlighter
            highlighter.different = comparison.different_ids(side)
            highlighter.set_data(self.utf16, IntervalIndex(comparison.spans_of(side)), comparison.sections,
                                 self.colours, rehighlight=False)
            if first_load:
                pane.view.set_text(comparison.text, self.utf16)
            else:
                pane.view.rehighlight_lazily()
            only = sum(1 for d in comparison.differences if (d.a if side == 0 else d.b) is not None
                       and (d.b if side == 0 else d.a) is None)
            colour = annotator_colour(side).name()
            pane.header.setText(self.tr('<span style="background:{0}">&nbsp;&nbsp;</span> <b>{1}</b> — '
                                        '{2} spans, {3} only here').format(colour, name, len(comparison.spans_of(side)), only))
        self._fill_table(comparison)
        self._update_summary(comparison)
        self.setWindowTitle(self.tr("Compare {0} and {1} — {2}").format(a, b, self.doc_combo.currentText().strip()))
        if comparison.differences:
            self.table.setCurrentCell(self._row_at(comparison, self._at), 0)
            self._at = None
        else:
            self._show(-1)
            self.statusBar().showMessage(self.tr("No differences here."), 4000)  # not the last section's count
            self.left.view.move_to(comparison.bounds[0])

    @staticmethod
    def _row_at(comparison: Comparison, at: int | None) -> int:
        """The difference that covers ``at``, else the first one after it (else the last); 0 without one."""
        if at is None:
            return 0
        rows = comparison.differences
        covering = next((i for i, d in enumerate(rows) if d.start <= at < max(d.end, d.start + 1)), None)
        if covering is not None:
            return covering
        return next((i for i, d in enumerate(rows) if d.start >= at), len(rows) - 1)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        """The texts are laid out only once the window is shown: scrolling to the current difference in
        the constructor left both sides at the top, the difference selected in the list out of sight
        (walked at a real display, session 8)."""
        super().showEvent(event)
        if not getattr(self, "_scrolled_once", False):
            self._scrolled_once = True
            QTimer.singleShot(0, lambda: self._show(self.table.currentRow()))

    def kind_title(self, kind: str) -> str:
        """What differs, in words; a span made by one only names that annotator."""
        a, b = self.comparison.names if self.comparison else ("", "")
        if kind in (MISSING_IN_A, MISSING_IN_B):
            return self.tr("only {0}").format(b if kind == MISSING_IN_A else a)
        return self._kinds.get(kind, kind)

    def _span_cell(self, span) -> str:
        if span is None:
            return "—"
        text = self.comparison.text[span.start:span.end]
        text = text if len(text) <= SNIPPET else text[:SNIPPET - 1] + "…"
        return f"{self.label_titles.get(span.label, span.label)} «{text}»"

    def _fill_table(self, comparison: Comparison) -> None:
        a, b = comparison.names
        self.table.blockSignals(True)
        self.table.clearContents()
        self.table.setRowCount(len(comparison.differences))
        self.table.setHorizontalHeaderLabels([self.tr("Difference"), a, b, self.tr("Text in context")])
        for row, d in enumerate(comparison.differences):
            lo, hi = max(0, d.start - 12), min(len(comparison.text), d.end + 12)
            context = comparison.text[lo:hi].replace("\n", " ")
            cells = (self.kind_title(d.kind), self._span_cell(d.a), self._span_cell(d.b), context)
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setToolTip(comparison.text[d.start:d.end] if column == 3 else value)
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)

    def _update_summary(self, comparison: Comparison) -> None:
        counts = comparison.counts()
        a, b = comparison.names
        parts = [f"{self.kind_title(kind)} {n}" for kind, n in counts.items()]
        self.summary.setText(self.tr("{0} and {1}: {2} spans the same, {3} differences{4}").format(
            a, b, comparison.matches, len(comparison.differences), f" ({', '.join(parts)})" if parts else "")
            + " · " + self.tr("red, wavy underline: differs · N / P: next / previous difference")
            + (f"\n{self._notice}" if self._notice else ""))

    # -- navigation ---------------------------------------------------------------------------------
    def step(self, delta: int) -> None:
        rows = self.table.rowCount()
        if not rows:
            self.statusBar().showMessage(self.tr("No differences here."), 4000)
            return
        row = self.table.currentRow()
        target = row + delta if row >= 0 else (0 if delta > 0 else rows - 1)
        if not 0 <= target < rows:
            self.statusBar().showMessage(self.tr("No more differences that way."), 4000)
            return
        self.table.setCurrentCell(target, 0)

    def _show(self, row: int) -> None:
        comparison = self.comparison
        if comparison is None or not 0 <= row < len(comparison.differences):
            self.left.view.mark([])
            self.right.view.mark([])
            return
        d = comparison.differences[row]
        for pane, span in ((self.left, d.a), (self.right, d.b)):
            # the side without a span outlines where the other side's span is, in grey
            pane.view.mark([(span.start, span.end)] if span else [(d.start, d.end)],
                           "#ffb300" if span else "#9e9e9e")
        self.left.view.move_to(d.start)  # the right side follows through the scroll bars
        self.right.view.move_to(d.start)
        self.statusBar().showMessage(self.tr("Difference {0} of {1}").format(row + 1, len(comparison.differences)))
