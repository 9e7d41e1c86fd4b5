"""Menus, toolbar and keyboard shortcuts of the main window, in one table-like place.

Tagging keys (label hotkeys, Enter/A, X, Tab, Delete) are bound to the text view only (WidgetShortcut),
so typing a "1" into the search box or an attribute field never tags anything.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from annotator.gui import panes
from annotator.gui.team_open import open_team_project


def unique_keys(keys) -> list[QKeySequence]:
    """Key sequences without repeats: a key bound twice is an "ambiguous shortcut" and does nothing
    (Redo was dead on Linux, where StandardKey.Redo already is Ctrl+Shift+Z)."""
    out: list[QKeySequence] = []
    for key in keys:
        sequences = QKeySequence.keyBindings(key) if isinstance(key, QKeySequence.StandardKey) else [QKeySequence(key)]
        for sequence in sequences:
            if not sequence.isEmpty() and sequence not in out:
                out.append(sequence)
    return out


def make_action(window, text: str, slot, shortcut=None, *, widget=None, name: str = "", checkable: bool = False) -> QAction:
    """A QAction with shortcuts; with ``widget`` its keys work only while focus is inside that widget."""
    action = QAction(text, window)
    if shortcut:
        keys = shortcut if isinstance(shortcut, list) else [shortcut]
        action.setShortcuts(unique_keys(keys))
    if name:
        action.setObjectName(name)
    if checkable:
        action.setCheckable(True)
        action.toggled.connect(slot)
    else:
        action.triggered.connect(lambda _checked=False: slot())
    if widget is not None:
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        widget.addAction(action)
    return action


def build(window) -> dict[str, QAction]:
    """Create every action of ``window`` (a MainWindow) and its menus; returns them by name."""
    return _Builder(window).build()


class _Builder(QObject):
    # A QObject only so its strings have a translation context lupdate and Qt agree on ("_Builder").
    def __init__(self, window):
        super().__init__(window)
        self.window = window

    def build(self) -> dict[str, QAction]:
        window = self.window
        c, view, a = window.controller, window.view, {}

        # File
        a["import_files"] = make_action(window, self.tr("Import files…"), window.jobs.import_files, QKeySequence.StandardKey.Open,
                                    name="importFiles")
        a["import_folder"] = make_action(window, self.tr("Import folder…"), window.jobs.import_folder, name="importFolder")
        a["import_samples"] = make_action(window, self.tr("Import the sample speeches"), window.jobs.import_samples, name="importSamples")
        a["open_project"] = make_action(window, self.tr("Open project…"), window.preferences.open_project_dialog, name="openProject")
        a["open_team"] = make_action(window, self.tr("Open team project…"), lambda: open_team_project(window),
                                     name="openTeamProject")
        a["export"] = make_action(window, self.tr("Export labels…"), window.jobs.export_dialog, "Ctrl+E", name="export")
        a["export_gold"] = make_action(window, self.tr("Export gold…"), lambda: window.jobs.export_dialog(gold=True),
                                       name="exportGold")
        a["import_labels"] = make_action(window, self.tr("Import labels…"), window.jobs.import_labels_dialog,
                                     name="importLabels")
        a["import_report"] = make_action(window, self.tr("Import report of this document"), window.jobs.show_import_report,
                                     name="importReport")
        a["rename_doc"] = make_action(window, self.tr("Rename document…"), window.navigation.rename_document, name="renameDocument")
        a["delete_doc"] = make_action(window, self.tr("Delete document…"), window.navigation.delete_document, name="deleteDocument")
        a["undo_delete"], a["redo_delete"] = window.team.trash.undo_action(window), window.team.trash.redo_action(window)
        a["empty_trash"] = window.team.trash.empty_action(window)
        a["quit"] = make_action(window, self.tr("Quit"), window.close, QKeySequence.StandardKey.Quit)
        # Bulk writes run in a worker; how they are taken back is said before they run (issue 15): an import
        # of speeches is one step of Ctrl+Alt+Z (commands_documents.UndoImport), one of labels is none.
        for key in ("import_files", "import_folder", "import_samples"):
            a[key].setStatusTip(self.tr("Can be undone as one step: Ctrl+Alt+Z moves the imported documents to the trash."))
        a["import_labels"].setStatusTip(self.tr("Cannot be undone with Ctrl+Z: imported labels are removed one by one."))
        file_menu = window.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(a["open_project"])
        file_menu.addAction(a["open_team"])  # a PostgreSQL server's project by URL (team_open.py)
        window.recent_menu = file_menu.addMenu(self.tr("Recent projects"))
        window.recent_menu.setObjectName("recentProjects")
        window.recent_menu.aboutToShow.connect(window.preferences.fill_recent_menu)
        for key in (None, "import_files", "import_folder", "import_samples", None, "export", "export_gold",
                    "import_labels", None, "import_report", "rename_doc", "delete_doc",
                    "undo_delete", "redo_delete", "empty_trash", None, "quit"):
            file_menu.addSeparator() if key is None else file_menu.addAction(a[key])
        window.doc_table.addActions([a["rename_doc"], a["delete_doc"], a["undo_delete"]])

        # Edit
        undo = c.undo_group.createUndoAction(window, self.tr("Undo"))
        undo.setShortcuts([QKeySequence.StandardKey.Undo])
        redo = c.undo_group.createRedoAction(window, self.tr("Redo"))
        redo.setShortcuts(unique_keys(["Ctrl+Shift+Z", QKeySequence.StandardKey.Redo, "Ctrl+Y"]))
        # The toolbar shows the bare word: its text becomes "Undo Accept suggestion" with each step, and a
        # button changing width re-laid out and repainted the whole toolbar on every key (the menu keeps it).
        undo.setIconText(self.tr("Undo"))
        redo.setIconText(self.tr("Redo"))
        a["undo"], a["redo"] = undo, redo
        a["delete"] = make_action(window, self.tr("Delete span"), c.delete_current, [QKeySequence.StandardKey.Delete, "Backspace"],
                              widget=view, name="deleteSpan")
        edit_menu = window.menuBar().addMenu(self.tr("&Edit"))
        edit_menu.addActions([undo, redo])
        edit_menu.addSeparator()
        for label in window.session.labels:
            title = label.title(window.language)
            act = make_action(window, self.tr("Tag as {0}").format(title), lambda n=label.name: c.tag(n), label.hotkey or None,
                          widget=view, name=f"tag_{label.name}")
            a[f"tag_{label.name}"] = act
            edit_menu.addAction(act)
        a["tag_clause"] = make_action(window, self.tr("Tag the clause at the cursor"), lambda: c.tag_unit("clause"),
                                      "Shift+1", widget=view, name="tagClause")
        a["tag_sentence"] = make_action(window, self.tr("Tag the sentence at the cursor"),
                                        lambda: c.tag_unit("sentence"), "Shift+2", widget=view, name="tagSentence")
        a["edit_attributes"] = make_action(window, self.tr("Edit attributes of the current span"),
                                           window.spans.edit_attributes, "F2", widget=view, name="editAttributes")
        edit_menu.addActions([a["tag_clause"], a["tag_sentence"], a["edit_attributes"]])
        a["next_flagged"] = make_action(window, self.tr("Next span to review after a re-import"), c.next_flagged, "F4",
                                        widget=view, name="nextFlagged")
        a["clear_flag"] = make_action(window, self.tr("Mark the flagged span checked"), c.clear_flag, "Shift+F4",
                                      widget=view, name="clearFlag")
        edit_menu.addActions([a["next_flagged"], a["clear_flag"]])
        a["add_note"] = make_action(window, self.tr("Add a note (span under the cursor, else document)…"),
                                    c.add_note, "Ctrl+M", widget=view, name="addNote")
        a["notes"] = make_action(window, self.tr("Notes of this document (edit, delete)…"), window.team.show_notes,
                                 "Ctrl+Shift+M", name="showNotes")
        edit_menu.addActions([a["add_note"], a["notes"]])
        grow = window.extender  # extend.py: clause and word (jieba) steps of the selection
        for key, text, slot, keys in (
                ("extend_clause", self.tr("Extend selection to the next clause"), lambda: grow.by_clause(True), "Ctrl+Shift+Right"),
                ("shrink_clause", self.tr("Extend selection to the previous clause"), lambda: grow.by_clause(False), "Ctrl+Shift+Left"),
                ("extend_word", self.tr("Extend selection by a word"), lambda: grow.by_word(True), "Alt+Shift+Right"),
                ("shrink_word", self.tr("Extend selection back by a word"), lambda: grow.by_word(False), "Alt+Shift+Left")):
            a[key] = make_action(window, text, slot, keys, widget=view, name=key)
            edit_menu.addAction(a[key])
        edit_menu.addSeparator()
        a["find"] = make_action(window, self.tr("Find in document…"), window.find_bar.open_bar,
                                QKeySequence.StandardKey.Find, name="find")
        a["find_next"] = make_action(window, self.tr("Find next"), lambda: window.find_bar.step(1),
                                     ["F3", QKeySequence.StandardKey.FindNext], name="findNext")
        a["find_prev"] = make_action(window, self.tr("Find previous"), lambda: window.find_bar.step(-1),
                                     ["Shift+F3", QKeySequence.StandardKey.FindPrevious], name="findPrev")
        edit_menu.addActions([a["find"], a["find_next"], a["find_prev"]])
        edit_menu.addSeparator()
        edit_menu.addAction(a["delete"])
        a["preferences"] = make_action(window, self.tr("Preferences…"), window.preferences.show_preferences, name="preferences")
        edit_menu.addAction(a["preferences"])

        # Suggestions
        a["accept"] = make_action(window, self.tr("Accept suggestion"), c.accept_current, ["Return", "Enter", "A"], widget=view,
                              name="accept")
        a["reject"] = make_action(window, self.tr("Reject suggestion"), c.reject_current, ["X"], widget=view, name="reject")
        a["next_suggestion"] = make_action(window, self.tr("Next suggestion"), c.next_suggestion, ["Tab"], widget=view,
                                       name="nextSuggestion")
        a["prev_suggestion"] = make_action(window, self.tr("Previous suggestion"), lambda: c.next_suggestion(backwards=True),
                                       ["Shift+Tab", "Backtab"], widget=view, name="prevSuggestion")
        a["accept_section"] = make_action(window, self.tr("Accept all in this section"), lambda: c.resolve_section(True),
                                      "Ctrl+Shift+A", name="acceptSection")
        a["reject_section"] = make_action(window, self.tr("Reject all in this section"), lambda: c.resolve_section(False),
                                      "Ctrl+Shift+X", name="rejectSection")
        a["run_suggestions"] = make_action(window, self.tr("Suggest again for this document"), window.jobs.run_suggestions,
                                       name="runSuggestions")
        menu = window.menuBar().addMenu(self.tr("&Suggestions"))
        menu.addActions([a[k] for k in ("accept", "reject", "next_suggestion", "prev_suggestion")])
        menu.addSeparator()
        menu.addActions([a["accept_section"], a["reject_section"], a["run_suggestions"]])

        # Structure
        a["add_heading"] = make_action(window, self.tr("Add heading at selection"), c.add_heading, "Ctrl+H", name="addHeading")
        a["remove_heading"] = make_action(window, self.tr("Remove heading"), c.remove_heading, "Ctrl+Shift+H", name="removeHeading")
        a["promote"] = make_action(window, self.tr("Promote heading"), lambda: c.shift_heading(-1), "Alt+Left", name="promote")
        a["demote"] = make_action(window, self.tr("Demote heading"), lambda: c.shift_heading(1), "Alt+Right", name="demote")
        a["title_end"] = make_action(window, self.tr("Title ends at cursor"), c.set_title_end, "Ctrl+T", name="titleEnd")
        menu = window.menuBar().addMenu(self.tr("S&tructure"))
        menu.addActions([a[k] for k in ("add_heading", "remove_heading", "promote", "demote", "title_end")])

        # Navigate
        a["next_doc"] = make_action(window, self.tr("Next document"), lambda: window.navigation.step_document(1), "Ctrl+PgDown", name="nextDoc")
        a["prev_doc"] = make_action(window, self.tr("Previous document"), lambda: window.navigation.step_document(-1), "Ctrl+PgUp",
                                name="prevDoc")
        a["next_section"] = make_action(window, self.tr("Next section"), lambda: window.navigation.step_section(1), "Alt+Down",
                                    name="nextSection")
        a["prev_section"] = make_action(window, self.tr("Previous section"), lambda: window.navigation.step_section(-1), "Alt+Up",
                                    name="prevSection")
        a["search"] = make_action(window, self.tr("Search all speeches…"), window.navigation.focus_search,
                                  "Ctrl+Shift+F", name="searchSpeeches")
        a["done"] = make_action(window, self.tr("Mark document done"), window.navigation.toggle_done, "Ctrl+D", name="markDone")
        a["review"] = make_action(window, self.tr("Review and adjudicate…"), window.open_review, "Ctrl+Shift+R",
                              name="review")
        menu = window.menuBar().addMenu(self.tr("&Navigate"))
        menu.addActions([a[k] for k in ("next_doc", "prev_doc", "next_section", "prev_section", "search")])
        menu.addSeparator()
        a["compare"] = make_action(window, self.tr("Compare two annotators side by side…"), window.team.open_compare,
                                   "Ctrl+Shift+C", name="compare")
        a["progress"] = make_action(window, self.tr("Progress of the team…"), window.team.show_progress, "Ctrl+Shift+P",
                                    name="progress")
        menu.addAction(a["done"])
        menu.addActions([a["review"], a["compare"], a["progress"]])

        # View: every panel can be hidden; focus mode hides them all.
        menu = window.menuBar().addMenu(self.tr("&View"))
        for key, dock in window.docks.items():
            toggle = dock.toggleViewAction()
            toggle.setObjectName(f"show_{key}")
            # Turned on, a panel comes to the front: Guidelines shares a tab with Spans and was shown behind it
            toggle.triggered.connect(lambda on, d=dock: on and d.raise_())
            a[f"show_{key}"] = toggle
            menu.addAction(toggle)
        a["focus_mode"] = make_action(window, self.tr("Focus mode (text only)"), window.set_focus_mode, "F11",
                                      name="focusMode", checkable=True)
        a["hide_suggestions"] = make_action(window, self.tr("Hide suggestions"), window.spans.set_hide_suggestions,
                                            "Ctrl+Shift+S", name="hideSuggestions", checkable=True)
        a["next_pane"] = make_action(window, self.tr("Next panel"), lambda: panes.cycle(window, 1), "F6",
                                     name="nextPane")
        a["prev_pane"] = make_action(window, self.tr("Previous panel"), lambda: panes.cycle(window, -1), "Shift+F6",
                                     name="prevPane")
        menu.addSeparator()
        menu.addActions([a["focus_mode"], a["hide_suggestions"], a["next_pane"], a["prev_pane"]])
        sort = menu.addMenu(self.tr("Sort spans"))  # what a click on the span table's header does
        for key, text, column in (("sort_text_order", self.tr("In text order"), -1),
                                  ("sort_label", self.tr("By label"), 0), ("sort_status", self.tr("By status"), 3)):
            a[key] = make_action(window, text, lambda c=column: window.spans.sort_by(c), name=key)
            sort.addAction(a[key])

        # Toolbar: the labels first, they are what people click most.
        toolbar = window.toolbar = window.addToolBar(self.tr("Tagging"))
        toolbar.setObjectName("taggingToolbar")
        for label in window.session.labels:
            toolbar.addAction(a[f"tag_{label.name}"])
        toolbar.addSeparator()
        toolbar.addActions([a["accept"], a["reject"], a["next_suggestion"]])
        toolbar.addSeparator()
        toolbar.addActions([undo, redo, a["done"], a["prev_doc"], a["next_doc"]])
        toolbar_toggle = toolbar.toggleViewAction()
        toolbar_toggle.setObjectName("show_toolbar")
        a["show_toolbar"] = toolbar_toggle
        menu.insertAction(a["focus_mode"], toolbar_toggle)
        for act in a.values():
            act.setToolTip(f"{act.text()} ({act.shortcut().toString()})" if not act.shortcut().isEmpty() else act.text())
        return a
