"""Attribute fields of the selected span, built from its label's schema.

Usable by keyboard: F2 in the text (MainWindow.edit_attributes) focuses the first field, Tab moves
between fields, Enter saves and Escape returns to the text (``doneEditing``)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QStackedLayout, QWidget

from annotator.domain.labels import Label
from annotator.domain.model import Span
from annotator.gui.safety import qt_override


def _wrapping(label: QLabel) -> QLabel:
    label.setWordWrap(True)
    return label


class AttributeEditor(QWidget):
    attributesEdited = Signal(object, dict)  # span, new attributes
    doneEditing = Signal()  # Enter / Escape in a field: the keyboard goes back to the text

    def __init__(self, parent=None):
        super().__init__(parent)
        # One form per (label, suggestion or not), built once and kept: walking suggestions with Tab /
        # Enter switches between a suggestion's read-only form and an accepted span's form on every key,
        # and rebuilding a form cost 3–5 ms each time (twice a keystroke).
        self.stack = QStackedLayout(self)
        self.pages: dict[tuple | None, tuple[QWidget, dict[str, QWidget], QLabel]] = {}
        self.span: Span | None = None
        self.label: Label | None = None
        self.fields: dict[str, QWidget] = {}
        self.language = "en"
        self.error = QLabel()
        self.show_span(None, None)

    def _page(self, label: Label | None, readonly: bool):
        key = None if label is None else (label.name, readonly, id(label))
        page = self.pages.get(key)
        if page is None:
            page = self._build_page(label, readonly)
            self.pages[key] = page
            self.stack.addWidget(page[0])
        return page

    def _build_page(self, label: Label | None, readonly: bool):
        widget = QWidget()
        form = QFormLayout(widget)
        # Nothing here may ask for width: the stack is as wide as its widest page, and the span panel with
        # it. A one-line hint of 300 px widened the panel the first time a suggestion was selected: the
        # text column shrank by 65 px and the whole document re-wrapped under the reader (session 9).
        # Labels wrap, long field names go above their field when the panel is narrow.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        fields: dict[str, QWidget] = {}
        error = _wrapping(QLabel())
        error.setStyleSheet("color: #b00020")
        if label is None:
            form.addRow(_wrapping(QLabel(self.tr("Select a span to see its attributes"))))
            return widget, fields, error
        if readonly:
            # First, not last: at 1024×700 the last rows of the form are below the panel's edge (session 10)
            form.addRow(_wrapping(QLabel(self.tr("Suggestion: accept it (Enter) to edit its attributes"))))
        for field in label.attributes:
            if field.type == "choice":
                editor = QComboBox()
                editor.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
                editor.setMinimumContentsLength(6)  # not as wide as its longest choice: the panel stays put
                # Shown in the UI's language, stored as the schema says ("normal" read "normal" in Chinese)
                editor.addItem("", "")
                for choice in field.choices:
                    editor.addItem(QCoreApplication.translate("LabelChoice", choice), choice)
                editor.currentIndexChanged.connect(self._commit)
                editor.setEnabled(not readonly)
            else:
                editor = QLineEdit()
                editor.setReadOnly(readonly)
                editor.editingFinished.connect(self._commit)
            editor.setObjectName(f"attr_{field.name}" + ("_suggested" if readonly else ""))
            editor.installEventFilter(self)
            fields[field.name] = editor
            form.addRow(field.display.get(self.language) or field.display.get("en") or field.name, editor)
        form.addRow(error)
        return widget, fields, error

    def show_span(self, span: Span | None, label: Label | None) -> None:
        if span is None or label is None:
            span, label = None, None
        same_span = (span is not None and self.span is not None and span.id == self.span.id
                     and label is self.label and span.status == self.span.status)
        page, fields, error = self._page(label, span is not None and span.status == "suggested")
        changed_page = self.stack.currentWidget() is not page
        self.span, self.label, self.fields, self.error = span, label, fields, error
        if changed_page:
            self.stack.setCurrentWidget(page)
        if span is not None:
            if not same_span:
                error.setText("")
            # The span just saved keeps the field being typed in as it is.
            self._refresh_values(keep_focused=same_span)

    def focus_first(self) -> bool:
        """Focus the first editable field; False when there is none (no span, or a suggestion)."""
        for widget in self.fields.values():
            if widget.isEnabled() and not getattr(widget, "isReadOnly", lambda: False)():
                if not self.isVisible():
                    return False  # the span panel is hidden (View menu / focus mode)
                widget.show()  # a field added to the form a moment ago is shown only by a queued event
                widget.setFocus()
                if isinstance(widget, QLineEdit):
                    widget.selectAll()
                return True
        return False

    @qt_override(False)
    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.KeyPress and any(obj is w for w in self.fields.values()):
            if event.key() == Qt.Key.Key_Escape:
                self.doneEditing.emit()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._commit()
                self.doneEditing.emit()
                return True
        return super().eventFilter(obj, event)

    def _refresh_values(self, keep_focused: bool = True) -> None:
        for field in self.label.attributes:
            widget = self.fields[field.name]
            value = self.span.attributes.get(field.name)
            text = "" if value is None else str(value)
            widget.blockSignals(True)
            if isinstance(widget, QComboBox):
                index = widget.findData(text)
                if index < 0:  # a value the schema does not list (an imported label): shown as it is
                    widget.addItem(text, text)
                    index = widget.count() - 1
                widget.setCurrentIndex(index)
            elif not (keep_focused and widget.hasFocus()):
                widget.setText(text)
            widget.blockSignals(False)

    def values(self) -> dict:
        """Current field values, coerced by the schema; raises ValueError on a bad value."""
        out = dict(self.span.attributes) if self.span else {}
        for field in self.label.attributes:
            widget = self.fields[field.name]
            raw = (widget.currentData() or "") if isinstance(widget, QComboBox) else widget.text().strip()
            value = field.coerce(raw)
            if value is None:
                out.pop(field.name, None)
            else:
                out[field.name] = value
        return out

    def _commit(self, *_args) -> None:
        if self.span is None or self.label is None or self.span.status == "suggested":
            return
        try:
            values = self.values()
        except ValueError as exc:
            self.error.setText(str(exc))
            return
        self.error.setText("")
        if values != self.span.attributes:
            self.attributesEdited.emit(self.span, values)
