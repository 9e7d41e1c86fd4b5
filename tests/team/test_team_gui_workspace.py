"""tests/gui/test_workspace.py on a PostgreSQL project (issue 16; tests/team/gui_on_pg.py says how):
tag by keyboard, undo/redo, restart, suggestions, structure corrections, imports, attributes and label
exchange in the real main window, every row read back from the server. Not here: the read-only test
(it takes the write permission off the project FILE; on a server read-only is a role's, tested in
test_team_gui.py)."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from tests.gui import test_workspace as gui_tests  # noqa: E402
from tests.gui.conftest import make_window, settings_file  # noqa: E402,F401 - fixtures, used by name
from tests.gui.test_workspace import (  # noqa: E402,F401 - collected here, on PostgreSQL
    test_astral_characters_tag_at_code_point_offsets,
    test_attribute_edit_is_saved_and_undoable,
    test_context_menu_offers_the_tagging_actions,
    test_duplicate_is_refused_and_delete_removes,
    test_export_and_import_labels_from_the_workspace,
    test_import_in_worker_and_document_navigation,
    test_outline_and_text_stay_in_sync,
    test_structure_corrections_survive_reparse_and_undo,
    test_suggestions_accept_reject_by_keyboard,
    test_tag_by_keyboard_undo_redo_and_restart,
)

from tests.team.gui_on_pg import on_postgresql, pg_databases, project_path  # noqa: E402,F401


@pytest.fixture(autouse=True)
def postgresql(pg_databases, tmp_path):
    yield from on_postgresql(pg_databases, tmp_path, [gui_tests])
