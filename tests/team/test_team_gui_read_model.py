"""tests/gui/test_read_model.py on a PostgreSQL project (issue 16; tests/team/gui_on_pg.py says how): its tests
that open a project, imported from there and run here against the server."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from tests.gui import test_read_model as gui_tests  # noqa: E402
from tests.gui.conftest import chinese, make_window, settings_file, zh_window  # noqa: E402,F401 - fixtures
from tests.gui.test_read_model import (  # noqa: E402,F401 - collected here, on PostgreSQL
    test_a_new_name_in_preferences_gets_its_own_history,
    test_bulk_imports_say_they_cannot_be_undone,
    test_done_is_undoable_with_an_event,
    test_first_tag_starts_the_document_and_undo_takes_it_back,
    test_reload_writes_nothing,
    test_rename_is_an_undo_step_that_survives_a_restart,
    test_restarted_history_keeps_only_what_was_not_undone,
    test_section_resolve_respects_read_only,
    test_the_session_never_writes,
    test_undo_history_survives_a_restart,
)
from tests.team.gui_on_pg import on_postgresql, pg_databases, project_path  # noqa: E402,F401


@pytest.fixture(autouse=True)
def postgresql(pg_databases, tmp_path):
    yield from on_postgresql(pg_databases, tmp_path, [gui_tests])
