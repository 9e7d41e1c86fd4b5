"""Qt's own (non-native) file dialog, sized to be read: every window that opens one goes through here.

Where the platform has no file dialog of its own (a bare X session, Xvfb, some desktops), Qt shows
its widget dialog at about 610×430: at a real display (session 7) the size, type and date columns
were cut to "14....KiB", "纯...档", "2026/1..." and the side bar's "计算机" to "计…".
``fit_next`` before each static QFileDialog call fits the dialog it opens: two thirds of the screen,
columns as wide as their contents.
Native dialogs are the platform's business and are left alone.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QHeaderView, QListView, QTreeView

_FITTED = "annotatorFitted"


def fit(dialog: QFileDialog) -> None:
    """Two thirds of the screen (never smaller than it was), columns as wide as their contents."""
    screen = dialog.screen() or QApplication.primaryScreen()
    if screen is not None:
        area = screen.availableGeometry()
        dialog.resize(max(dialog.width(), min(area.width() * 2 // 3, 1100)),
                      max(dialog.height(), min(area.height() * 2 // 3, 700)))
        frame = dialog.frameGeometry()
        frame.moveCenter(area.center())
        dialog.move(frame.topLeft())
    sidebar = dialog.findChild(QListView, "sidebar")
    if sidebar is not None:
        sidebar.setMinimumWidth(max(sidebar.minimumWidth(), sidebar.fontMetrics().horizontalAdvance("计算机计算机") + 48))
    view = dialog.findChild(QTreeView, "treeView")
    if view is not None:
        _widen(view)


def _widen(view: QTreeView) -> None:
    """Size, type and date columns as wide as what they hold in the UI's language (the rows arrive later,
    from a file system thread: measured on sample texts, not on rows)."""
    metrics, header = view.fontMetrics(), view.header()
    date = QLocale().toString(QDateTime(QDate(2026, 12, 30), QTime(23, 59)), QLocale.FormatType.ShortFormat)
    samples = {1: QLocale().formattedDataSize(1023 * 1024 + 1000) + "  ", 2: "Markdown 文档 文本文档",
               3: date + "  "}
    for column, sample in samples.items():
        if column < header.count():
            header.resizeSection(column, max(header.sectionSize(column), metrics.horizontalAdvance(sample) + 16))
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)


def fit_next() -> None:
    """Call just before a static QFileDialog function: once its dialog runs, it is fitted (a timer fires
    inside the dialog's own event loop). Cheaper than an application-wide event filter, which would sit
    on every event of the app, keystrokes included."""
    def fit_active() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QFileDialog) and not dialog.property(_FITTED):
            dialog.setProperty(_FITTED, True)
            try:
                fit(dialog)
            except Exception:  # noqa: BLE001 - a dialog left at Qt's size is better than an error here
                pass
    QTimer.singleShot(0, fit_active)
