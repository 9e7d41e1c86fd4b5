"""The span panel of the main window (filter row, table, attribute form), the legend, and how span
changes reach the views: a reload redraws everything once, a keystroke's change only its rows, blocks
and section counts."""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLineEdit, QSplitter,
                               QTableView, QVBoxLayout, QWidget)

from annotator.gui import layout
from annotator.gui.models.span_table import SPAN_ROLE, SpanFilter, SpanTableModel
from annotator.gui.widgets.attribute_editor import AttributeEditor


def _start(span) -> int:
    return span.start


class WindowSpans:
    """Mixed into MainWindow."""

    def _build_span_panel(self) -> None:
        self.span_model = SpanTableModel(self)
        self.span_proxy = SpanFilter(self)
        self.span_proxy.setSourceModel(self.span_model)
        self.span_table = QTableView()
        self.span_table.setObjectName("spanTable")
        self.span_table.setModel(self.span_proxy)
        self.span_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.span_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.span_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.span_table.setSortingEnabled(True)
        self.span_table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # text order until a header is clicked
        self.span_table.verticalHeader().hide()
        self.span_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.span_table.horizontalHeader()
        # Fixed widths: ResizeToContents measures every row (2 000+) after each change.
        for column, width in enumerate((72, 0, 64, 48)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            if width:
                header.resizeSection(column, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Attributes are in the form below the table; the column (hidden by default, the header's context
        # menu brings it back) would take the room the span's text needs.
        self.span_table.setColumnHidden(2, True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for column in (0, 2, 3):
            toggle = QAction(self.span_model.headerData(column, Qt.Orientation.Horizontal), header)
            toggle.setCheckable(True)
            toggle.setChecked(not self.span_table.isColumnHidden(column))
            toggle.toggled.connect(lambda on, c=column: self.span_table.setColumnHidden(c, not on))
            header.addAction(toggle)
        self.span_filter_text = QLineEdit()
        self.span_filter_text.setObjectName("spanFilterText")
        self.span_filter_text.setPlaceholderText(self.tr("Filter spans…"))
        self.span_filter_text.setClearButtonEnabled(True)
        self.span_filter_label = QComboBox()
        self.span_filter_label.setObjectName("spanFilterLabel")
        self.span_filter_label.addItem(self.tr("All labels"), "")
        for label in self.session.labels:
            self.span_filter_label.addItem(label.title(self.language), label.name)
        self.span_filter_status = QComboBox()
        self.span_filter_status.setObjectName("spanFilterStatus")
        for text, value in ((self.tr("All"), ""), (self.tr("Tagged"), "accepted"), (self.tr("Suggested"), "suggested")):
            self.span_filter_status.addItem(text, value)
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.span_filter_text, 1)
        filters.addWidget(self.span_filter_label)
        filters.addWidget(self.span_filter_status)
        self.attributes = AttributeEditor()
        self.attributes.language = self.language
        splitter = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_box = QVBoxLayout(top)
        top_box.setContentsMargins(0, 0, 0, 0)
        top_box.addLayout(filters)
        top_box.addWidget(self.span_table)
        splitter.addWidget(top)
        splitter.addWidget(self.attributes)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.docks["spans"] = layout.make_dock(self, self.tr("Spans"), "spansDock", splitter, layout.RIGHT)
        left, right = layout.preferred_widths(1280)
        self.resizeDocks([self.docks["documents"], self.docks["spans"]], [left, right], Qt.Orientation.Horizontal)


    def _fill_legend(self) -> None:
        chips = " ".join(
            f"<span style='background:{label.colour}; color:{label.colour}'>■■</span>&nbsp;{label.title(self.language)}"
            f"{' (' + label.hotkey + ')' if label.hotkey else ''}" for label in self.session.labels)
        hint = self.tr("solid = tagged, dotted underline = suggested")
        self.legend.setText(f"{chips} &nbsp; <i>{hint}</i>")

    # -- spans -------------------------------------------------------------------------------------
    def _colours(self) -> dict[str, str]:
        return {label.name: label.colour for label in self.session.labels}

    def _shown_index(self):
        """What the highlighter draws: every span, or only the accepted ones when suggestions are hidden."""
        if not self.hide_suggestions:
            return self.session.index
        if self._accepted_index is None:
            from annotator.gui.span_index import SpanIndex  # noqa: PLC0415

            self._accepted_index = SpanIndex(self.session.spans)
        return self._accepted_index

    def set_hide_suggestions(self, hide: bool) -> None:
        self.hide_suggestions = hide
        self.span_filter_status.setCurrentIndex(1 if hide else 0)
        self._apply_highlight()

    def _apply_highlight(self) -> None:
        s = self.session
        self._accepted_index = None
        self.view.highlighter.set_data(s.utf16, self._shown_index(), s.sections, self._colours(), rehighlight=False)
        self.view.rehighlight_lazily()

    def _fill_span_table(self) -> None:
        s = self.session
        titles = {label.name: label.title(self.language) for label in s.labels}
        self.span_model.set_rows(s.spans + s.suggestions, s.text, titles, self._colours())

    def _on_spans_changed(self, _doc_id: int) -> None:
        """Everything reloaded (suggestions arrived, labels imported): redraw everything once."""
        self._apply_highlight()
        self._fill_span_table()
        self._refresh_outline_counts()
        self._update_status()

    def _on_spans_edited(self, added: list, removed: list) -> None:
        """One keystroke's change: only these spans' rows, blocks and section counts are touched."""
        highlighter = self.view.highlighter
        self._accepted_index = None
        highlighter.index = self._shown_index()
        self._syncing = True  # rows moving under the table's current row are not a choice of span
        try:
            for span in removed:
                self.span_model.remove_span(span)
            for span in added:
                self.span_model.add_span(span)
        finally:
            self._syncing = False
        self._select_span_row(self.controller.current)
        highlighter.rehighlight_spans([*removed, *added])
        changed = [s.start for s in [*added, *removed] if s.status == "accepted"]
        if changed:
            self._refresh_outline_counts(changed)
        self._update_status()

    def _refresh_outline_counts(self, at: list[int] | None = None) -> None:
        """Tag counts of the outline: all sections, or only those containing the positions ``at``
        (a keystroke changes the counts of one section and its ancestors, not of the whole tree)."""
        spans = self.session.spans  # in text order: counted by bisection, not copied on every key
        sections = self.session.sections
        numbers = range(min(len(self._outline_items), len(sections)))
        if at is not None:
            from annotator.structure.corrections import innermost_at  # noqa: PLC0415

            wanted = set()
            for pos in at:
                number = innermost_at(sections, pos)
                while number is not None and number not in wanted:
                    wanted.add(number)
                    number = sections[number].parent
            numbers = sorted(n for n in wanted if n < min(len(self._outline_items), len(sections)))
        for number in numbers:
            item = self._outline_items[number]
            section = sections[number]
            count = (bisect_left(spans, section.end, key=_start) - bisect_left(spans, section.start, key=_start))
            parent = item.parent() or self.outline_model.invisibleRootItem()
            count_item = parent.child(item.row(), 1)
            text = str(count) if count else ""
            if count_item is not None and count_item.text() != text:
                count_item.setText(text)

    def _on_span_row(self, current, _previous) -> None:
        """Moving through the span table (mouse or arrow keys) shows that span in the text."""
        if self._syncing or not current.isValid():
            return
        span = self.session.find_span(current.data(SPAN_ROLE))
        if span is not None and span is not self.controller.current:
            self._syncing = True
            self.view.move_to(span.start)
            self.controller.set_current(span)
            self._syncing = False

    def _on_current_span(self, span) -> None:
        label = self.session.label(span.label) if span else None
        self.attributes.show_span(span, label)
        self._select_span_row(span)

    def _select_span_row(self, span) -> None:
        row = self.span_model.row_of_span(span) if span else -1
        self._syncing = True
        if row >= 0:
            index = self.span_proxy.mapFromSource(self.span_model.index(row, 0))
            if index.isValid():
                self.span_table.selectRow(index.row())
                self.span_table.scrollTo(index)
            else:
                self.span_table.clearSelection()
        else:
            self.span_table.clearSelection()
        self._syncing = False

    def edit_attributes(self) -> None:
        """F2: the keyboard goes to the current span's first attribute field (Enter/Esc bring it back)."""
        if not self.attributes.focus_first():
            self.statusBar().showMessage(self.tr("Put the cursor on a tagged span first"), 4000)

