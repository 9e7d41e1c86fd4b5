"""The main window's status bar: room for the messages a person must read.

Qt draws a temporary message (``showMessage``) only in the width the permanent widgets leave. With the
label legend, the counts and a team project's two widgets that is almost nothing at 1024 px, and
"Importing: this cannot be undone…" was cut after a few characters. So while a message is shown the
widgets registered here step aside (hidden; shown again when the message times out or is cleared),
and the whole message is also the status bar's tooltip in case it is longer than even the full width.
The team's "edits waiting for the server" button is not registered: whether a tag is safe must stay
in sight.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget


_DIRECT = Qt.FindChildOption.FindDirectChildrenOnly


class MessageRoom(QObject):
    def __init__(self, bar: QStatusBar):
        super().__init__(bar)
        self.bar = bar
        self._yielding: list[QWidget] = []
        self._hidden: list[QWidget] = []
        bar.messageChanged.connect(self._on_message)

    def add_permanent(self, widget: QWidget, *, yields: bool = True) -> None:
        """A permanent widget; with ``yields`` it is hidden while a temporary message is shown."""
        self.bar.addPermanentWidget(widget)
        if yields:
            self._yielding.append(widget)
            if self.bar.currentMessage():
                self._step_aside(widget)

    def _step_aside(self, widget: QWidget) -> None:
        if not widget.isHidden():
            widget.hide()
            self._hidden.append(widget)

    def _on_message(self, text: str) -> None:
        if text:
            for widget in self._yielding:
                self._step_aside(widget)
            self.bar.setToolTip(text)
        else:
            hidden, self._hidden = self._hidden, []
            for widget in hidden:
                widget.show()
            self.bar.setToolTip("")


def build(window) -> None:
    """The legend of label colours and the counts line, both stepping aside for messages."""
    window.message_room = MessageRoom(window.statusBar())
    window.legend = QLabel()
    window.legend.setObjectName("labelLegend")
    window.message_room.add_permanent(window.legend)
    window.status_label = QLabel()
    window.status_label.setObjectName("statusCounts")
    window.message_room.add_permanent(window.status_label)
    window.legend_fit = LegendFit(window)


class LegendFit(QObject):
    """The legend's explanation of solid / dotted / dashed only when the bar has room for all of it: at
    1024 px it was cut mid-word ("… dashec") by the counts. Without it the legend keeps the colours, and
    the whole explanation is the legend's tooltip."""

    MARGIN = 40  # the bar's own spacing and a count growing by a digit or two

    def __init__(self, window):
        super().__init__(window)
        self.window, self.bar, self.legend = window, window.statusBar(), window.legend
        self.full, self.short = window.spans.legend_text(), window.spans.legend_text(hint=False)
        self.legend.setText(self.full)
        self.full_width = self.legend.sizeHint().width()
        self.legend.setToolTip(self.full)
        self.bar.installEventFilter(self)
        self.legend.installEventFilter(self)  # squeezed later (the counts are filled after the first layout)

    def fit(self) -> None:
        others = sum(w.sizeHint().width() for w in self.bar.findChildren(QWidget, options=_DIRECT)
                     if w is not self.legend and w.isVisible())
        text = self.full if self.full_width + others + self.MARGIN <= self.bar.width() else self.short
        if self.legend.text() != text:
            self.legend.setText(text)

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize:
            if obj is self.bar:
                self.fit()
            elif obj is self.legend and self.legend.text() == self.full and self.legend.width() < self.full_width:
                self.legend.setText(self.short)
        return False
