"""The review (adjudication) window: annotators' spans overlaid on one text, the outline coloured by
per-section agreement, the list of disagreements, and keyboard decisions written to the gold layer.

Data comes from annotator.services.agreement (Qt-free); this window only lays things out, turns keys
into undo commands (commands.py) and reloads after each one. Agreement figures are computed on the
annotators' layers when a document is opened; gold only feeds the "against gold" panel. Its widgets are
built in review_layout.py, the annotators' notes are review_notes.py, the keys keys.py, the decisions
decisions.py.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QColor, QTextCursor, QTextFormat, QUndoStack
from PySide6.QtWidgets import QHeaderView, QMainWindow, QMenu, QTextEdit

from annotator.services import agreement as review_store
from annotator.domain.offsets import Utf16Map
from annotator.gui.review import keys, review_layout
from annotator.gui.review.decisions import Decisions
from annotator.gui.review.overlay import annotator_colour
from annotator.gui.review.panels import SECTION_ROLE, fill_outline
from annotator.gui.review.review_notes import ReviewNotes
from annotator.storage import documents as doc_store
from annotator.storage import sections as section_store
from annotator.storage.labels import get_labels, list_annotators


def compare_pair(item, annotators: list[str]) -> tuple[str, str] | None:
    """Whom V puts side by side for a disagreement: the first annotator with a span there and the first
    whose span differs from theirs; when those who made one agree, one of them and one who made none.
    The first two reviewed opened whatever the disagreement was: with three annotators often two whose
    spans are the same there (walked at a real display, session 8)."""
    spans = [s for s in item.disagreement.spans if s.annotator in annotators] if item is not None else []
    if not spans:
        return tuple(annotators[:2]) if len(annotators) >= 2 else None
    first = spans[0]
    other = next((s.annotator for s in spans if s.key != first.key and s.annotator != first.annotator), None)
    if other is None:
        made = {s.annotator for s in spans}
        other = next((n for n in annotators if n not in made), None)
    return (first.annotator, other) if other is not None else None


class ReviewWindow(Decisions, QMainWindow):
    def __init__(self, project, adjudicator: str, *, annotators: list[str] | None = None,
                 doc_id: int | None = None, language: str = "en", parent=None):
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window, True)  # its own top-level window even with a parent
        self.setObjectName("reviewWindow")
        self.project, self.adjudicator, self.language = project, adjudicator, language
        self.labels = get_labels(project)
        self.label_titles = {label.name: label.title(language) for label in self.labels}
        self.undo_stack = QUndoStack(self)
        self.doc_id: int | None = None
        self.annotators: list[str] = list(annotators or [])
        self.text, self.utf16, self.sections, self.section_titles = "", Utf16Map(""), [], []
        self.heat: list = []
        self._outline_items: list = []
        self._menu: QMenu | None = None
        self.review_notes = ReviewNotes(self)  # the annotators' notes (review_notes.py)
        self._build_layout()
        self.actions_ = keys.build(self)
        self._fill_documents()
        self._fit_screen()
        first = doc_id if doc_id is not None else (self.doc_combo.itemData(0) if self.doc_combo.count() else None)
        if first is not None:
            self.open_document(first, self.annotators or None)

    # -- layout (review_layout.py) ------------------------------------------------------------------
    def _fit_screen(self) -> None:
        review_layout.fit_screen(self)

    def _build_layout(self) -> None:
        review_layout.build(self)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        review_layout.follow_width(self)
        self._sized_columns = None  # the list's columns follow the window's width (review_layout)
        review_layout.size_columns(self)

    def _fill_documents(self) -> None:
        self.doc_combo.blockSignals(True)
        for row in doc_store.list_documents(self.project):
            self.doc_combo.addItem(f"{row['id']}  {row['title'] or self.tr('(untitled)')}", row["id"])
        self.doc_combo.blockSignals(False)

    def _on_document_chosen(self, index: int) -> None:
        doc_id = self.doc_combo.itemData(index)
        if doc_id is not None and doc_id != self.doc_id:
            self.open_document(doc_id)

    # -- opening and reloading ---------------------------------------------------------------------
    def open_document(self, doc_id: int, annotators: list[str] | None = None) -> None:
        """Show ``doc_id`` reviewed by ``annotators`` (default: the current choice, or everyone who
        tagged it). Agreeing spans are pre-merged into gold right away."""
        with_spans = review_store.annotators_with_spans(self.project, doc_id)
        names = list(annotators) if annotators else [n for n in self.annotators if n in with_spans]
        if len(names) < 2:
            names = with_spans
        self.doc_id, self.annotators = doc_id, names
        row = self.doc_combo.findData(doc_id)
        if row >= 0 and row != self.doc_combo.currentIndex():
            self.doc_combo.blockSignals(True)
            self.doc_combo.setCurrentIndex(row)
            self.doc_combo.blockSignals(False)
        self.text = doc_store.clean_text(self.project, doc_id)
        self.utf16 = Utf16Map(self.text)
        self.sections = section_store.get_sections(self.project, doc_id)
        self.section_titles = review_store.section_names(self.sections)
        self.view.set_text(self.text, self.utf16)
        self.picker.set_annotators(list_annotators(self.project), names)
        keys.rebuild_annotator_actions(self, names)
        self._compute_agreement()
        if len(names) < 2:
            self.show_message(self.tr("This document needs spans from at least two annotators to review."))
        self._reload()
        self.step(1, from_row=-1)
        self.setWindowTitle(self.tr("Review — {0}").format(self.doc_combo.currentText().strip()))

    def _compute_agreement(self) -> None:
        """Agreement of the annotators' layers and the outline's heat (reads only: agreed spans become
        gold when the adjudicator asks, M, undoable)."""
        self.heat, self.agreement = [None] * len(self.sections), None
        if len(self.annotators) >= 2:
            self.agreement = review_store.project_agreement(self.project, self.annotators, doc_ids=[self.doc_id])
            self.heat = review_store.section_heat(self.agreement, self.doc_id, self.sections)

    def refresh(self) -> None:
        """Others changed this document's spans (a team's live feed, gui/team_status.py): agreement,
        heat, the list and the overlay are read again; the current disagreement stays selected."""
        if self.doc_id is None:
            return
        self._compute_agreement()
        self._reload()

    def reload_document(self, doc_id: int) -> None:
        """After a command: reload in place, or go back to the command's document (undo elsewhere)."""
        if doc_id != self.doc_id:
            self.open_document(doc_id)
        else:
            self._reload()

    def _reload(self) -> None:
        current = self.current_item()
        names = self.annotators
        self.items = review_store.review_items(self.project, self.doc_id, names) if len(names) >= 2 else []
        self.review_notes.fill()
        gold = review_store.gold_layer(self.project, self.doc_id)
        layers = review_store.load_layers(self.project, names, doc_ids=[self.doc_id])
        self.overlay.set_data(self.utf16, [s for lst in layers.values() for s in lst], gold, self.sections, names)
        self.model.set_items(self.items, self.text, self.section_titles, self.label_titles, tuple(names))
        review_layout.size_columns(self)
        open_counts = [0] * len(self.sections)
        for item in self.items:
            if item.is_open and item.section is not None:
                for index in self._ancestry(item.section):
                    open_counts[index] += 1
        self._outline_items = fill_outline(self.outline_model, self.sections, self.heat, open_counts)
        self.outline.expandAll()
        # The numbers as wide as "0.64" / "12" and no wider: at 1024 px 44-pixel columns and a 20-pixel indent
        # per level left a sub-section 2 characters of its title ("（一…", session 9).
        numbers = self.outline.fontMetrics().horizontalAdvance("0.00") + 12
        for column in (1, 2):
            self.outline.header().setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.outline.header().resizeSection(column, numbers)
        self.outline.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.outline.header().setStretchLastSection(False)
        self.scores.set_scores(review_store.gold_scores(self.project, names, [self.doc_id]) if names else {}, names)
        self._update_summary()
        row = self.model.row_of(current.key) if current is not None else -1
        if row >= 0:
            self.select_row(row)
        else:
            self._show_item(-1)

    def _ancestry(self, index: int) -> list[int]:
        out = []
        while index is not None and 0 <= index < len(self.sections):
            out.append(index)
            index = self.sections[index].parent
        return out

    def _update_summary(self) -> None:
        open_n = sum(item.is_open for item in self.items)
        parts = [self.tr("Open {0} of {1} disagreements").format(open_n, len(self.items))]
        if self.agreement is not None:
            overall = self.agreement.overall

            def f1(mode: str) -> str:
                value = overall[mode].f1 if mode in overall else None
                return "–" if value is None else f"{value:.2f}"
            parts.insert(0, self.tr("Agreement of {0}: strict F1 {1}, relaxed F1 {2}").format(
                ", ".join(self.annotators), f1("strict"), f1("relaxed")))
        if self.project.readonly:
            parts.append(self.tr("read-only project: decisions cannot be saved"))
        self.summary.setText(" · ".join(parts))

    # -- the current disagreement ------------------------------------------------------------------
    def current_item(self):
        row = self.table.selectionModel().currentIndex().row()
        return self.model.items[row] if 0 <= row < len(self.model.items) else None

    def select_disagreement(self, d) -> None:
        """Make the row of disagreement ``d`` (by its spans) the current one, if it is listed."""
        row = self.model.row_of(review_store.ReviewItem(d, None, []).key)
        if row >= 0:
            self.select_row(row)

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    def _show_item(self, row: int) -> None:
        item = self.model.items[row] if 0 <= row < len(self.model.items) else None
        if item is None:
            self.detail.setText(self.tr("No disagreement selected."))
            self.view.setExtraSelections([])
            return
        d = item.disagreement
        self._mark([(s.start, s.end) for s in d.spans])
        self.view.move_to(d.start)
        notes = self.review_notes.by_span()
        lines = [f"<b>{escape(self.model.kind_title(d.kind))}</b>"
                 + (f" — {escape(self.section_titles[item.section])}" if item.section is not None else "")]
        for s in d.spans:
            colour = annotator_colour(self.annotators.index(s.annotator)).name() if s.annotator in self.annotators \
                else "#999"
            lines.append(f'<span style="background:{colour}">&nbsp;&nbsp;</span> {escape(s.annotator)}: '
                         f"{escape(self.model.span_cell(s))} «{escape(self.text[s.start:s.end])}»")
            lines.extend(f"&nbsp;&nbsp;&nbsp;✎ <i>{escape(c.body)}</i>" for c in notes.get(s.id, []))
        if not item.is_open:
            lines.append(self.tr("Decided: {0}").format(escape(self.model.decision(item))))
        self.detail.setText("<br/>".join(lines))
        if item.section is not None and item.section < len(self._outline_items):
            self.outline.setCurrentIndex(self._outline_items[item.section].index())

    def _mark(self, ranges: list[tuple[int, int]]) -> None:
        # Text colour + bold only, so the annotators' colours underneath stay visible.
        selections = []
        for start, end in ranges:
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.view.document())
            cursor.setPosition(self.utf16.to_utf16(start))
            cursor.setPosition(self.utf16.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format.setForeground(QColor("#c00000"))
            selection.format.setProperty(QTextFormat.Property.FontWeight, 700)
            selections.append(selection)
        self.view.setExtraSelections(selections)

    def step(self, delta: int, *, same_section: bool = False, from_row: int | None = None) -> None:
        """Move to the next/previous open disagreement (optionally within the current section)."""
        rows = len(self.model.items)
        start = self.table.selectionModel().currentIndex().row() if from_row is None else from_row
        current = self.current_item()
        section = current.section if current is not None else None
        row = start + delta
        while 0 <= row < rows:
            item = self.model.items[row]
            if item.is_open and (not same_section or item.section == section):
                self.select_row(row)
                return
            row += delta
        self.show_message(self.tr("No more open disagreements that way."))

    def _on_outline_clicked(self, index) -> None:
        number = index.data(SECTION_ROLE)
        if number is None:
            return
        row = next((r for r, item in enumerate(self.model.items) if item.section == number and item.is_open), None)
        if row is not None:
            self.select_row(row)
        else:
            self.view.move_to(self.sections[number].start)

    def open_compare(self):
        """Two annotators side by side (review/compare.py), at the current disagreement (compare_pair)."""
        from annotator.gui.review.compare import CompareWindow  # noqa: PLC0415

        item = self.current_item()
        pair = compare_pair(item, self.annotators)
        self.compare_window = CompareWindow(self.project, doc_id=self.doc_id, annotators=pair,
                                            at=item.disagreement.start if item is not None else None,
                                            language=self.language, parent=self)
        self.compare_window.show()
        return self.compare_window

    def export_gold(self) -> None:
        """The gold layer to a file (Ctrl+E), through the main window's export (window_io.Jobs)."""
        jobs = getattr(self.parent(), "jobs", None)
        if jobs is None:
            self.show_message(self.tr("Export gold from the main window: File → Export gold…"))
            return
        jobs.export_dialog(gold=True, parent=self)

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 6000)
