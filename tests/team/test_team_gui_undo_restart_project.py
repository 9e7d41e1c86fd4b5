"""tests/gui/test_undo_restart_project.py on a PostgreSQL project (issue 16; tests/team/gui_on_pg.py says how): its tests
that open a project, imported from there and run here against the server."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from tests.gui import test_undo_restart_project as gui_tests  # noqa: E402
from tests.gui.conftest import chinese, make_window, settings_file, zh_window  # noqa: E402,F401 - fixtures
from tests.gui.test_undo_restart_project import (  # noqa: E402,F401 - collected here, on PostgreSQL
    test_a_deletion_can_be_undone_after_a_restart_until_the_trash_is_emptied,
    test_an_import_is_one_undo_step_also_after_a_restart,
    test_declining_to_empty_the_trash_keeps_it,
    test_guidelines_can_be_undone_after_a_restart_in_order,
    test_guidelines_steps_come_back_once_not_on_every_document,
)
from tests.team.gui_on_pg import on_postgresql, pg_databases, project_path  # noqa: E402,F401


@pytest.fixture(autouse=True)
def postgresql(pg_databases, tmp_path):
    yield from on_postgresql(pg_databases, tmp_path, [gui_tests])
