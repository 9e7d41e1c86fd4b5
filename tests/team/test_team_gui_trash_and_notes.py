"""tests/gui/test_trash_and_notes.py on a PostgreSQL project (issue 16; tests/team/gui_on_pg.py says how): its tests
that open a project, imported from there and run here against the server."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from tests.gui import test_trash_and_notes as gui_tests  # noqa: E402
from tests.gui.conftest import chinese, make_window, settings_file, zh_window  # noqa: E402,F401 - fixtures
from tests.gui.test_trash_and_notes import (  # noqa: E402,F401 - collected here, on PostgreSQL
    rich,
    test_a_note_edit_survives_a_restart_and_ctrl_z_undoes_it,
    test_declined_confirmation_deletes_nothing,
    test_delete_document_in_the_window_is_undoable,
    test_notes_dialog_edits_and_deletes_by_keyboard_with_undo,
    test_restore_after_reimport_is_refused,
    test_trash_and_restore_give_back_every_row,
    test_update_comment_storage,
)
from tests.team.gui_on_pg import on_postgresql, pg_databases, project_path  # noqa: E402,F401


@pytest.fixture(autouse=True)
def postgresql(pg_databases, tmp_path):
    yield from on_postgresql(pg_databases, tmp_path, [gui_tests])
