"""Menus and keyboard shortcuts of the review window, in one table-like place.

Every resolution key acts on the current disagreement. The shortcuts have window context so they
work wherever focus is inside the review window (text, list or outline), and nowhere else — the
workspace's tagging keys never reach gold.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence

MAX_NUMBERED = 9  # annotators reachable by digit keys


def _action(window, text: str, slot, shortcut=None, name: str = "") -> QAction:
    action = QAction(text, window)
    if shortcut:
        keys = shortcut if isinstance(shortcut, list) else [shortcut]
        action.setShortcuts([QKeySequence(k) for k in keys])
    if name:
        action.setObjectName(name)
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)  # window-wide shortcut even while the action sits in a closed menu
    return action


def build(window) -> dict[str, QAction]:
    tr, a = window.tr, {}
    a["next"] = _action(window, tr("Next open disagreement"), lambda: window.step(1), "N", "reviewNext")
    a["previous"] = _action(window, tr("Previous open disagreement"), lambda: window.step(-1), "P", "reviewPrevious")
    a["next_section"] = _action(window, tr("Next open in this section"), lambda: window.step(1, same_section=True),
                                "Shift+N", "reviewNextInSection")
    a["previous_section"] = _action(window, tr("Previous open in this section"),
                                    lambda: window.step(-1, same_section=True), "Shift+P", "reviewPreviousInSection")
    a["take_a"] = _action(window, tr("Take A"), lambda: window.take("a"), "A", "reviewTakeA")
    a["take_b"] = _action(window, tr("Take B"), lambda: window.take("b"), "B", "reviewTakeB")
    a["edit"] = _action(window, tr("Edit boundaries (use the text selection)"), window.edit_from_selection, "E",
                        "reviewEdit")
    a["relabel"] = _action(window, tr("Relabel…"), window.relabel, "L", "reviewRelabel")
    a["reject"] = _action(window, tr("Reject (both wrong)"), window.reject, "R", "reviewReject")
    a["add"] = _action(window, tr("Add a gold span over the selection…"), window.add_from_selection, "G", "reviewAdd")
    a["reopen"] = _action(window, tr("Reopen (remove the decision)"), window.reopen, ["Delete", "Backspace"],
                          "reviewReopen")
    undo = window.undo_stack.createUndoAction(window, tr("Undo"))
    undo.setShortcuts([QKeySequence.StandardKey.Undo])
    redo = window.undo_stack.createRedoAction(window, tr("Redo"))
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence.StandardKey.Redo])
    window.addActions([undo, redo])
    a["undo"], a["redo"] = undo, redo

    bar = window.menuBar()
    edit = bar.addMenu(tr("&Decide"))
    edit.addActions([undo, redo])
    edit.addSeparator()
    for key in ("take_a", "take_b", "edit", "relabel", "reject", "add", "reopen"):
        edit.addAction(a[key])
    go = bar.addMenu(tr("&Go"))
    for key in ("next", "previous", "next_section", "previous_section"):
        go.addAction(a[key])
    window.section_menu = bar.addMenu(tr("&Section"))
    window.take_menu = edit.addMenu(tr("Take the span of annotator…"))
    return a


def rebuild_annotator_actions(window, annotators: list[str]) -> None:
    """Digit keys follow the chosen annotators: n takes annotator n's span, Ctrl+n accepts all of
    their spans in the current section, Alt+n rejects their spans nobody else made there."""
    for action in getattr(window, "_annotator_actions", []):
        window.removeAction(action)
        action.deleteLater()
    window._annotator_actions = []
    window.section_menu.clear()
    window.take_menu.clear()
    tr = window.tr
    for number, name in enumerate(annotators[:MAX_NUMBERED], start=1):
        take = _action(window, tr("{0}. {1}").format(number, name), lambda n=name: window.take_annotator(n),
                       str(number), f"reviewTake_{number}")
        accept = _action(window, tr("Accept all of {0}'s spans in this section").format(name),
                         lambda n=name: window.bulk(n, accept=True), f"Ctrl+{number}", f"reviewAcceptAll_{number}")
        reject = _action(window, tr("Reject {0}'s spans nobody else made in this section").format(name),
                         lambda n=name: window.bulk(n, accept=False), f"Alt+{number}", f"reviewRejectAll_{number}")
        window.take_menu.addAction(take)
        window.section_menu.addActions([accept, reject])
        window._annotator_actions += [take, accept, reject]
