"""The workspace's panels: documents and outline on the left, spans on the right, the text in the
middle — and the rules that keep the text the widest thing on screen.

Docks keep the width a person gave them, unless that leaves the text less than ``TEXT_SHARE`` of the
window: then they shrink (down to ``DOCK_MIN``) and, when even that is not enough, the span panel
collapses (it comes back from the View menu). Focus mode hides every panel and the toolbar.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QDockWidget, QHeaderView, QWidget

from annotator.gui.safety import qt_override

TEXT_SHARE = 0.55  # the text column gets at least this share of the window's width
DOCK_MIN = 150  # narrower than this a panel is useless: collapse it instead
LEFT, RIGHT = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea


def make_dock(window, title: str, name: str, widget: QWidget, area) -> QDockWidget:
    dock = QDockWidget(title, window)
    dock.setObjectName(name)
    dock.setWidget(widget)
    dock.setMinimumWidth(DOCK_MIN)
    widget.setMinimumWidth(0)
    window.addDockWidget(area, dock)
    return dock


def preferred_widths(total: int) -> tuple[int, int]:
    """(left, right) widths for a window ``total`` pixels wide: together at most 1 - TEXT_SHARE."""
    budget = int(total * (1 - TEXT_SHARE))
    left = max(DOCK_MIN, min(300, int(budget * 0.45)))
    right = max(DOCK_MIN, min(380, budget - left))
    return left, right


def first_size(window, width: int = 1280, height: int = 800) -> None:
    """The size of a window opened for the first time (no saved geometry): ``width``×``height`` where
    the screen has room, never larger than its free area — on a 1024×700 screen a 1280×800 window put
    the span panel and the status bar off screen. A saved geometry is Qt's to fit (restoreGeometry)."""
    screen = window.screen()
    area = screen.availableGeometry() if screen is not None else None
    if area is not None:
        # the frame (title bar, borders) is not part of the size and not known before the window shows
        if width > area.width() - 16 or height > area.height() - 40:
            width, height = min(width, area.width() - 16), min(height, area.height() - 40)
            window.move(area.topLeft())  # a window as big as the screen: from its corner, not centred off it
    window.resize(max(640, width), max(480, height))


def fit_docks(window) -> None:
    """Shrink (or collapse) side panels so the text keeps ``TEXT_SHARE`` of the window."""
    if getattr(window, "focus_mode", False):
        return
    total = window.width()
    left = [d for d in window.docks.values() if window.dockWidgetArea(d) == LEFT and d.isVisible() and not d.isFloating()]
    right = [d for d in window.docks.values() if window.dockWidgetArea(d) == RIGHT and d.isVisible() and not d.isFloating()]
    used = (max((d.width() for d in left), default=0) + max((d.width() for d in right), default=0))
    want_left, want_right = preferred_widths(total)
    grown = total - getattr(window, "_fitted_width", total) > 200  # maximised, moved to a big screen
    window._fitted_width = total
    if used <= total * (1 - TEXT_SHARE):
        if grown and left and right and used < want_left + want_right:
            # panels sized for a small window would leave 1 200-pixel lines: give them their room back
            window.resizeDocks([left[0], right[0]], [want_left, want_right], Qt.Orientation.Horizontal)
        return
    if left and right and want_left + want_right > total * (1 - TEXT_SHARE):
        # Not room for both: the span panel collapses; the documents/outline column stays.
        for dock in right:
            dock.hide()
        right = []
        want_left = max(DOCK_MIN, min(300, int(total * (1 - TEXT_SHARE))))
    docks, widths = [], []
    if left:
        docks.append(left[0])
        widths.append(want_left)
    if right:
        docks.append(right[0])
        widths.append(want_right)
    if docks:
        window.resizeDocks(docks, widths, Qt.Orientation.Horizontal)


def set_focus_mode(window, on: bool) -> None:
    """Hide every panel and the toolbar (and bring back exactly those that were shown)."""
    if on == window.focus_mode:
        return
    if on:
        window._before_focus = [d for d in window.docks.values() if d.isVisible()]
        window._toolbar_before_focus = window.toolbar.isVisible()
        for dock in window.docks.values():
            dock.hide()
        window.toolbar.hide()
    else:
        for dock in getattr(window, "_before_focus", window.docks.values()):
            dock.show()
        window.toolbar.setVisible(getattr(window, "_toolbar_before_focus", True))
    window.focus_mode = on
    window.view.setFocus()
    if not on:
        fit_docks(window)


def text_share(window) -> float:
    """How much of the window's width the text column has (tests and the screenshot script)."""
    return window.view.width() / max(1, window.width())


def bring_forward(window) -> None:
    """Show a window opened by a key (review, compare, progress) in front, with the keyboard: under a
    window manager (openbox at a real display) Ctrl+Shift+R opened the review window behind the main
    one, and its keys went to the text underneath (walked, session 10)."""
    window.show()
    window.raise_()
    window.activateWindow()


class TitleFirst(QObject):
    """The document list gives its room to the titles: in a narrow dock (the 1024-pixel default, a
    window restored small) the length and status columns took 132 of 150 pixels and every title read
    "…" or "在云…" (walked at 1366×768, session 10). Below ``NARROW`` pixels the length column goes and
    the status column shrinks; wider, both come back at their usual widths."""

    NARROW = 280

    def __init__(self, table, widths: dict[int, int]):
        super().__init__(table)
        self.table, self.widths = table, widths
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the title gets what is left
        for column, width in widths.items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        table.viewport().installEventFilter(self)

    @qt_override(False)
    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize and event.size().width() != event.oldSize().width():
            self.fit(event.size().width())
        return False

    def fit(self, width: int) -> None:
        narrow = width < self.NARROW
        header = self.table.horizontalHeader()
        for column, usual in self.widths.items():
            if column == 1:
                self.table.setColumnHidden(column, narrow)
            else:
                header.resizeSection(column, max(44, min(usual, int(width * 0.3))) if narrow else usual)
