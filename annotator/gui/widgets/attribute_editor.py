"""Attribute fields of the selected span, built from its label's schema.

Usable by keyboard: F2 in the text (MainWindow.edit_attributes) focuses the first field, Tab moves
between fields, Enter saves and Escape returns to the text (``doneEditing``)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from annotator.domain.labels import Label
from annotator.domain.model import Span
from annotator.gui.safety import qt_override


class AttributeEditor(QWidget):
    attributesEdited = Signal(object, dict)  # span, new attributes
    doneEditing = Signal()  # Enter / Escape in a field: the keyboard goes back to the text

    def __init__(self, parent=None):
        super().__init__(parent)
        self.layout_ = QFormLayout(self)
        self.span: Span | None = None
        self.label: Label | None = None
        self.fields: dict[str, QWidget] = {}
        self.language = "en"
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.show_span(None, None)

    def show_span(self, span: Span | None, label: Label | None) -> None:
        same_form = (span is not None and self.span is not None and label is not None and label is self.label
                     and (span.status == "suggested") == (self.span.status == "suggested"))
        same_span = same_form and span.id == self.span.id
        self.span, self.label = span, label
        if same_form:
            # Same label, same kind: fill the fields in place (rebuilding the form cost ~5 ms a keystroke).
            # The span just saved keeps the field being typed in as it is.
            self._refresh_values(keep_focused=same_span)
            return
        while self.layout_.rowCount():
            self.layout_.removeRow(0)
        self.fields = {}
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        if span is None or label is None:
            self.layout_.addRow(QLabel(self.tr("Select a span to see its attributes")))
            return
        readonly = span.status == "suggested"
        for field in label.attributes:
            value = span.attributes.get(field.name)
            if field.type == "choice":
                widget = QComboBox()
                widget.addItems([""] + list(field.choices))
                widget.setCurrentText("" if value is None else str(value))
                widget.currentTextChanged.connect(self._commit)
                widget.setEnabled(not readonly)
            else:
                widget = QLineEdit("" if value is None else str(value))
                widget.setReadOnly(readonly)
                widget.editingFinished.connect(self._commit)
            widget.setObjectName(f"attr_{field.name}")
            widget.installEventFilter(self)
            self.fields[field.name] = widget
            self.layout_.addRow(field.display.get(self.language) or field.display.get("en") or field.name, widget)
        if readonly:
            self.layout_.addRow(QLabel(self.tr("Suggestion: accept it (Enter) to edit its attributes")))
        self.layout_.addRow(self.error)

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
        if event.type() == QEvent.Type.KeyPress and obj in self.fields.values():
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
                widget.setCurrentText(text)
            elif not (keep_focused and widget.hasFocus()):
                widget.setText(text)
            widget.blockSignals(False)

    def values(self) -> dict:
        """Current field values, coerced by the schema; raises ValueError on a bad value."""
        out = dict(self.span.attributes) if self.span else {}
        for field in self.label.attributes:
            widget = self.fields[field.name]
            raw = widget.currentText() if isinstance(widget, QComboBox) else widget.text().strip()
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
