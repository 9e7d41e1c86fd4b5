"""F6 / Shift+F6: the keyboard focus goes round the text and the side panels that are shown.

Tab in the text is "next suggestion", so without this a person at the keyboard could not reach the
document list, the outline or the span panel's filters, table and attribute fields at all (walked at
a real display, session 6). Each panel takes the focus on the widget one works in first: the document
list, the outline tree, the span panel's filter (Tab then reaches its label and status filters, the
table and the attribute fields), the guidelines.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget


def stops(window) -> list[QWidget]:
    """The text, then each shown, docked-or-floating panel's first widget, in screen order."""
    out: list[QWidget] = [window.view]
    for key, widget in (("documents", window.doc_table), ("outline", window.outline),
                        ("spans", window.spans.filter_text), ("guidelines", None)):
        dock = window.docks.get(key)
        if dock is None or not dock.isVisible():
            continue
        target = widget if widget is not None else dock.widget()
        if target is not None and target.isEnabled():
            out.append(target)
    return out


def cycle(window, step: int) -> QWidget:
    """Move the focus ``step`` stops on (1 = F6, -1 = Shift+F6); returns the widget that has it."""
    targets = stops(window)
    focus = QApplication.focusWidget()
    here = 0
    for i, target in enumerate(targets):
        holder = window.view if i == 0 else _dock_of(window, target)
        if focus is not None and (focus is holder or holder.isAncestorOf(focus)):
            here = i
            break
    target = targets[(here + step) % len(targets)]
    # A list or tree without a current item makes its first one current when it takes the focus: the
    # outline then moved the text to the first section and selected its heading. Passing through a panel
    # is not a choice: the program's own moves are flagged as syncing (navigation.py ignores them).
    syncing, window.syncing = window.syncing, True
    try:
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)
    finally:
        window.syncing = syncing
    return target


def _dock_of(window, widget: QWidget) -> QWidget:
    return next((d for d in window.docks.values() if d.isAncestorOf(widget)), widget)
