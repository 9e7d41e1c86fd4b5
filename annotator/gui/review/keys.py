"""Menus and keyboard shortcuts of the review window, in one table-like place.

Every resolution key acts on the current disagreement. The shortcuts have window context so they
work wherever focus is inside the review window (text, list or outline), and nowhere else — the
workspace's tagging keys never reach gold.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

from annotator.gui.actions import make_action

MAX_NUMBERED = 9  # annotators reachable by digit keys


def _action(window, text: str, slot, shortcut=None, name: str = "") -> QAction:
    # Window-wide keys: the review window is top-level, so its children's focus is enough.
    return make_action(window, text, slot, shortcut, widget=window, name=name)


def build(window) -> dict[str, QAction]:
    a = {}
    a["next"] = _action(window, QCoreApplication.translate("ReviewKeys", "Next open disagreement"),
        lambda: window.step(1), "N", "reviewNext")
    a["previous"] = _action(window, QCoreApplication.translate("ReviewKeys", "Previous open disagreement"),
        lambda: window.step(-1), "P", "reviewPrevious")
    a["next_section"] = _action(window, QCoreApplication.translate("ReviewKeys", "Next open in this section"),
        lambda: window.step(1, same_section=True),
                                "Shift+N", "reviewNextInSection")
    a["previous_section"] = _action(window, QCoreApplication.translate("ReviewKeys", "Previous open in this section"),
                                    lambda: window.step(-1, same_section=True), "Shift+P", "reviewPreviousInSection")
    a["take_a"] = _action(window, QCoreApplication.translate("ReviewKeys", "Take A"),
        lambda: window.take("a"), "A", "reviewTakeA")
    a["take_b"] = _action(window, QCoreApplication.translate("ReviewKeys", "Take B"),
        lambda: window.take("b"), "B", "reviewTakeB")
    a["edit"] = _action(window, QCoreApplication.translate("ReviewKeys", "Edit boundaries (use the text selection)"),
        window.edit_from_selection, "E",
                        "reviewEdit")
    a["relabel"] = _action(window, QCoreApplication.translate("ReviewKeys", "Relabel…"),
        window.relabel, "L", "reviewRelabel")
    a["reject"] = _action(window, QCoreApplication.translate("ReviewKeys", "Reject (both wrong)"),
        window.reject, "R", "reviewReject")
    a["add"] = _action(window, QCoreApplication.translate("ReviewKeys", "Add a gold span over the selection…"),
        window.add_from_selection, "G", "reviewAdd")
    a["reopen"] = _action(window, QCoreApplication.translate("ReviewKeys", "Reopen (remove the decision)"),
        window.reopen, ["Delete", "Backspace"],
                          "reviewReopen")
    a["premerge"] = _action(window, QCoreApplication.translate("ReviewKeys", "Pre-merge agreed spans into gold"),
                            window.premerge, "M", "reviewPremerge")
    a["side_by_side"] = _action(window, QCoreApplication.translate("ReviewKeys", "Two annotators side by side"),
                                window.open_compare, "V", "reviewSideBySide")
    a["export_gold"] = _action(window, QCoreApplication.translate("ReviewKeys", "Export gold…"),
                               window.export_gold, "Ctrl+E", "reviewExportGold")
    undo = window.undo_stack.createUndoAction(window, QCoreApplication.translate("ReviewKeys", "Undo"))
    undo.setShortcuts([QKeySequence.StandardKey.Undo])
    redo = window.undo_stack.createRedoAction(window, QCoreApplication.translate("ReviewKeys", "Redo"))
    redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence.StandardKey.Redo])
    window.addActions([undo, redo])
    a["undo"], a["redo"] = undo, redo

    bar = window.menuBar()
    edit = bar.addMenu(QCoreApplication.translate("ReviewKeys", "&Decide"))
    edit.addActions([undo, redo])
    edit.addSeparator()
    for key in ("premerge", "take_a", "take_b", "edit", "relabel", "reject", "add", "reopen"):
        edit.addAction(a[key])
    edit.addSeparator()
    edit.addAction(a["export_gold"])
    go = bar.addMenu(QCoreApplication.translate("ReviewKeys", "&Go"))
    for key in ("next", "previous", "next_section", "previous_section", "side_by_side"):
        go.addAction(a[key])
    window.section_menu = bar.addMenu(QCoreApplication.translate("ReviewKeys", "&Section"))
    # The side panel (annotators, gold, notes) starts hidden on a narrow screen (review_layout.fit_screen)
    view = bar.addMenu(QCoreApplication.translate("ReviewKeys", "&View"))
    side = window.side_dock.toggleViewAction()
    side.setObjectName("reviewSidePanel")
    side.setShortcut(QKeySequence("F9"))
    side.triggered.connect(lambda _on: setattr(window, "side_chosen", True))  # kept at any width from now
    view.addAction(side)
    window.addAction(side)
    a["side_panel"] = side
    window.take_menu = edit.addMenu(QCoreApplication.translate("ReviewKeys", "Take the span of annotator…"))
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
    for number, name in enumerate(annotators[:MAX_NUMBERED], start=1):
        take = _action(window, QCoreApplication.translate("ReviewKeys", "{0}. {1}").format(number, name),
            lambda n=name: window.take_annotator(n),
                       str(number), f"reviewTake_{number}")
        accept = _action(window, QCoreApplication.translate("ReviewKeys", "Accept all of {0}'s spans in this section").format(name),
                         lambda n=name: window.bulk(n, accept=True), f"Ctrl+{number}", f"reviewAcceptAll_{number}")
        reject = _action(window, QCoreApplication.translate("ReviewKeys", "Reject {0}'s spans nobody else made in this section").format(name),
                         lambda n=name: window.bulk(n, accept=False), f"Alt+{number}", f"reviewRejectAll_{number}")
        window.take_menu.addAction(take)
        window.section_menu.addActions([accept, reject])
        window._annotator_actions += [take, accept, reject]
