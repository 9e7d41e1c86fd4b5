"""The span panel of the main window (filter row, table, attribute form), the legend, and how span
changes reach the views: a reload redraws everything once, a keystroke's change only its rows, blocks
and section counts.

``SpanPanel`` is a controller of the main window: it builds the panel's widgets (the window docks them)
and keeps them in step with the session. What it uses of the window: ``session``, ``language``,
``view`` (its highlighter), ``controller`` (the current span, attribute edits), ``navigation`` (the
outline's items for the per-section counts), ``outline_model``, ``syncing``, ``update_status`` and
``statusBar``. Strings keep the "WindowSpans" translation context they had as a mixin.
"""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFrame, QHBoxLayout, QHeaderView, QLineEdit, QSplitter,
                               QScrollArea, QTableView, QVBoxLayout, QWidget)

from annotator.gui.models.span_table import SPAN_ROLE, SpanFilter, SpanTableModel
from annotator.gui.safety import qt_override
from annotator.gui.widgets.attribute_editor import AttributeEditor

translate = QCoreApplication.translate


def _start(span) -> int:
    return span.start



class _FormScroll(QScrollArea):
    """The attribute form's scroll area claims the form's height up to 15 lines of text (about the eight
    fields of a statistic) or 45 % of a taller panel: the table above keeps the rest, and a longer form
    scrolls instead of being cut."""

    def __init__(self, form: QWidget):
        # A scroll area: at 1024×700 the form's last rows and its error line were cut at the panel's
        # bottom edge with no way to reach them (session 10). Never a horizontal bar: the form wraps.
        super().__init__()
        self.setObjectName("attributeScroll")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(form)
        form.installEventFilter(self)

    @qt_override(False)
    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if obj is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()  # a form built for another label: the splitter gives it its room
        return super().eventFilter(obj, event)

    def minimumSizeHint(self):  # noqa: N802 - Qt override
        hint = super().minimumSizeHint()
        inner = self.widget().minimumSizeHint().height() if self.widget() is not None else 0
        # up to 15 lines, or 45 % of the panel when it is taller (1920×1080: the whole form, no scrolling)
        panel = self.parentWidget().height() if self.parentWidget() is not None else 0
        room = max(15 * self.fontMetrics().lineSpacing(), int(panel * 0.45))
        return QSize(hint.width(), max(hint.height(), min(inner, room)))

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if event.size().height() != event.oldSize().height():
            self.updateGeometry()  # the panel grew or shrank: the room the form may claim with it

class SpanPanel(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.language = window.language
        self.hide_suggestions = False
        self.only_label = ""  # the span panel's label filter: the text shows that label only ("": all)
        self._edits: list[tuple[list, list]] = []  # keystrokes' (removed, added) not yet shown in the panels
        self._touched: list = []  # spans whose blocks of text are not re-highlighted yet

    def build(self) -> QWidget:
        """The panel's widgets, in a splitter for the window to dock."""
        self.model = SpanTableModel(self)
        self.proxy = SpanFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("spanTable")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # text order until a header is clicked
        self.table.verticalHeader().hide()
        # The current span's row stays in sight when the table shrinks: a statistic's form (eight fields)
        # replacing a suggestion's (three) pushed the row just scrolled to below the bottom edge.
        self.table.viewport().installEventFilter(self)
        self.table.verticalHeader().setDefaultSectionSize(self.window.fontMetrics().height() + 6)
        header = self.table.horizontalHeader()
        # Fixed widths: ResizeToContents measures every row (2 000+) after each change.
        # The label and status columns as wide as their words in the UI's language ("tagged" was "tagg…",
        # English "suggested 80%" was "suggest…" at a real display), but never at the cost of the span's
        # text: in a 250-pixel panel the text column needs the rest (English says "likely 80%", short).
        metrics = self.table.fontMetrics()
        status = min(84, 12 + max(metrics.horizontalAdvance(text) for text in (
            translate("SpanTableModel", "tagged"), translate("SpanTableModel", "likely {0:.0%}").format(1.0),
            translate("SpanTableModel", "unsure {0:.0%}").format(0.44))))
        label = min(72, 12 + max([metrics.horizontalAdvance(lab.title(self.language)) for lab in self.session.labels]
                                 or [60]))
        for column, width in enumerate((max(48, label), 0, 64, max(48, status))):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            if width:
                header.resizeSection(column, width)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Attributes are in the form below the table; the column (hidden by default, the header's context
        # menu brings it back) would take the room the span's text needs.
        self.table.setColumnHidden(2, True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        for column in (0, 2, 3):
            toggle = QAction(self.model.headerData(column, Qt.Orientation.Horizontal), header)
            toggle.setCheckable(True)
            toggle.setChecked(not self.table.isColumnHidden(column))
            toggle.toggled.connect(lambda on, c=column: self.table.setColumnHidden(c, not on))
            header.addAction(toggle)
        self.filter_text = QLineEdit()
        self.filter_text.setObjectName("spanFilterText")
        self.filter_text.setPlaceholderText(translate("WindowSpans", "Filter spans…"))
        self.filter_text.setClearButtonEnabled(True)
        self.filter_label = QComboBox()
        self.filter_label.setObjectName("spanFilterLabel")
        self.filter_label.addItem(translate("WindowSpans", "All labels"), "")
        for label in self.session.labels:
            self.filter_label.addItem(label.title(self.language), label.name)
        self.filter_status = QComboBox()
        self.filter_status.setObjectName("spanFilterStatus")
        for text, value in ((translate("WindowSpans", "All"), ""), (translate("WindowSpans", "Tagged"), "accepted"), (translate("WindowSpans", "Suggested"), "suggested")):
            self.filter_status.addItem(text, value)
        # The label filter and "tagged" are also what the text shows (issue 13: "show one label only").
        self.filter_label.currentIndexChanged.connect(lambda _i: self.set_only_label(self.filter_label.currentData()))
        self.filter_status.currentIndexChanged.connect(self._status_filter_changed)
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.filter_text, 1)
        filters.addWidget(self.filter_label)
        filters.addWidget(self.filter_status)
        self.attributes = AttributeEditor()
        self.attributes.language = self.language
        splitter = QSplitter(Qt.Orientation.Vertical)
        top = QWidget()
        top_box = QVBoxLayout(top)
        top_box.setContentsMargins(0, 0, 0, 0)
        top_box.addLayout(filters)
        top_box.addWidget(self.table)
        splitter.addWidget(top)
        splitter.addWidget(_FormScroll(self.attributes))
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        return splitter

    @qt_override(False)
    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize and obj is self.table.viewport():
            index = self.table.currentIndex()
            if index.isValid() and self.table.selectionModel().isRowSelected(index.row(), index.parent()):
                self.table.scrollTo(index)
        return False

    def legend_text(self, hint: bool = True) -> str:
        """The label colours; with ``hint`` also what solid / dotted / dashed mean (status_bar.py drops it
        when the bar has no room: it was cut mid-word at 1024 px)."""
        chips = " ".join(
            f"<span style='background:{label.colour}; color:{label.colour}'>■■</span>&nbsp;{label.title(self.language)}"
            f"{' (' + label.hotkey + ')' if label.hotkey else ''}" for label in self.session.labels)
        if not hint:
            return chips
        words = translate("WindowSpans", "solid = tagged, dotted underline = suggested, dashed = doubtful suggestion")
        return f"{chips} &nbsp; <i>{words}</i>"

    # -- spans -------------------------------------------------------------------------------------
    def reset_index(self) -> None:
        """Another document or other spans: the accepted-only index is built again when next needed,
        and edits not shown yet are dropped (they were of the previous document: the panels are
        filled afresh for the new one)."""
        self._edits.clear()
        self._touched.clear()

    def colours(self) -> dict[str, str]:
        return {label.name: label.colour for label in self.session.labels}

    def shows(self, span) -> bool:
        """Whether the text draws ``span`` (and Tab stops on it) under the panel's filters."""
        return ((not self.hide_suggestions or span.status != "suggested")
                and (not self.only_label or span.label == self.only_label))

    def shown_index(self):
        """What the highlighter draws: every span, or those the filters leave (read through, not copied)."""
        if not self.hide_suggestions and not self.only_label:
            return self.session.index
        from annotator.gui.span_index import ShownIndex  # noqa: PLC0415

        return ShownIndex(lambda: self.session.index, self.shows)

    def sort_by(self, column: int) -> None:
        """View → Sort spans: a column (0 label, 3 status) or -1 for the order of the text — what a
        header click does, by keyboard; the table keeps the current span in view."""
        self.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
        if self.table.currentIndex().isValid():
            self.table.scrollTo(self.table.currentIndex())

    def set_hide_suggestions(self, hide: bool) -> None:
        if hide == self.hide_suggestions:
            return
        self.hide_suggestions = hide
        if hide or self.filter_status.currentIndex() == 1:  # "suggested only" stays when unhiding
            self.filter_status.setCurrentIndex(1 if hide else 0)
        self._filters_changed()

    def set_only_label(self, name: str | None) -> None:
        if (name or "") != self.only_label:
            self.only_label = name or ""
            self._filters_changed()

    def _status_filter_changed(self, _index: int) -> None:
        """"Tagged" in the status filter is "hide suggestions" (the View menu's toggle follows)."""
        hide = self.filter_status.currentData() == "accepted"
        if hide != self.hide_suggestions:
            action = getattr(self.window, "actions_", {}).get("hide_suggestions")
            if action is not None:
                action.setChecked(hide)  # its toggled signal calls set_hide_suggestions
            else:
                self.set_hide_suggestions(hide)

    def _filters_changed(self) -> None:
        self.window.controller.shown = self.shows if (self.hide_suggestions or self.only_label) else None
        self.apply_highlight()

    def apply_highlight(self) -> None:
        s = self.session
        self.window.view.highlighter.set_data(s.utf16, self.shown_index(), s.sections, self.colours(), rehighlight=False)
        self.window.view.rehighlight_lazily()

    def fill_table(self) -> None:
        s = self.session
        titles = {label.name: label.title(self.language) for label in s.labels}
        self.model.set_rows(s.spans + s.suggestions, s.text, titles, self.colours())

    def on_spans_changed(self, _doc_id: int) -> None:
        """Everything reloaded (suggestions arrived, labels imported): redraw everything once."""
        self._edits.clear()  # the full fill below covers whatever keystrokes had queued
        self._touched.clear()
        self.apply_highlight()
        self.fill_table()
        self._refresh_outline_counts()
        self.window.update_status()

    def on_spans_edited(self, added: list, removed: list) -> None:
        """One keystroke's change. The session's lists and the highlighter's index are already current
        (the next key reads them); the touched blocks of text are re-highlighted on the next turn of the
        event loop, the rows, section counts and status bar when the keys pause (gui/coalesce.py), both
        coalesced over keys in a row."""
        self.window.view.highlighter.index = self.shown_index()
        self._edits.append((list(removed), list(added)))
        self._touched.extend(removed)
        self._touched.extend(added)
        self.window.deferred.schedule("text", self._show_text)
        self.window.deferred.schedule("spans", self._show_edits, idle=True)

    def _show_text(self) -> None:
        touched, self._touched = self._touched, []
        if touched:
            view = self.window.view
            view.rehighlight_quietly(view.highlighter.blocks_of(touched), [(s.start, s.end) for s in touched])

    def flush(self) -> None:
        """Bring the text, table, outline counts and status bar up to date now (they normally follow on
        the next turn of the event loop, the panels when the keys pause)."""
        self.window.deferred.flush()

    def _show_edits(self) -> None:
        edits, self._edits = self._edits, []
        if not edits:
            return
        removed = [s for r, _a in edits for s in r]
        added = [s for _r, a in edits for s in a]
        self.window.syncing = True  # rows moving under the table's current row are not a choice of span
        try:
            for gone, new in edits:  # in the order the commands ran (a tag then its undo, …)
                for span in gone:
                    self.model.remove_span(span)
                for span in new:
                    self.model.add_span(span)
        finally:
            self.window.syncing = False
        self._select_span_row(self.window.controller.current)
        changed = [s.start for s in [*added, *removed] if s.status == "accepted"]
        if changed:
            self._refresh_outline_counts(changed)
        self.window.update_status()

    def _refresh_outline_counts(self, at: list[int] | None = None) -> None:
        """Tag counts of the outline: all sections, or only those containing the positions ``at``
        (a keystroke changes the counts of one section and its ancestors, not of the whole tree)."""
        spans = self.session.spans  # in text order: counted by bisection, not copied on every key
        sections = self.session.sections
        numbers = range(min(len(self.window.navigation.outline_items), len(sections)))
        if at is not None:
            from annotator.structure.corrections import innermost_at  # noqa: PLC0415

            wanted = set()
            for pos in at:
                number = innermost_at(sections, pos)
                while number is not None and number not in wanted:
                    wanted.add(number)
                    number = sections[number].parent
            numbers = sorted(n for n in wanted if n < min(len(self.window.navigation.outline_items), len(sections)))
        for number in numbers:
            item = self.window.navigation.outline_items[number]
            section = sections[number]
            count = (bisect_left(spans, section.end, key=_start) - bisect_left(spans, section.start, key=_start))
            parent = item.parent() or self.window.outline_model.invisibleRootItem()
            count_item = parent.child(item.row(), 1)
            text = str(count) if count else ""
            if count_item is not None and count_item.text() != text:
                count_item.setText(text)

    def on_span_row(self, current, _previous) -> None:
        """Moving through the span table (mouse or arrow keys) shows that span in the text."""
        if self.window.syncing or not current.isValid():
            return
        span = self.session.find_span(current.data(SPAN_ROLE))
        if span is not None and span is not self.window.controller.current:
            self.window.syncing = True
            self.window.view.move_to(span.start)
            self.window.controller.set_current(span)
            self.window.syncing = False

    def on_current_span(self, _span) -> None:
        """The span under the cursor changed: its row and attribute form follow when the keys pause
        (holding Tab through suggestions refreshes the form a few times a second, not once per key)."""
        self.window.deferred.schedule("current", self._show_current, idle=True)

    def _show_current(self) -> None:
        span = self.window.controller.current
        label = self.session.label(span.label) if span else None
        self.attributes.show_span(span, label)
        self._select_span_row(span)

    def _select_span_row(self, span) -> None:
        row = self.model.row_of_span(span) if span else -1
        self.window.syncing = True
        if row >= 0:
            index = self.proxy.mapFromSource(self.model.index(row, 0))
            if index.isValid():
                self.table.selectRow(index.row())
                self.table.scrollTo(index)
            else:
                self.table.clearSelection()
        else:
            self.table.clearSelection()
        self.window.syncing = False

    def edit_attributes(self) -> None:
        """F2: the keyboard goes to the current span's first attribute field (Enter/Esc bring it back)."""
        self.flush()  # "1 then F2" typed faster than the loop turns: the form must show the new span first
        if not self.attributes.focus_first():
            self.window.statusBar().showMessage(translate("WindowSpans", "Put the cursor on a tagged span first"), 4000)

