"""tests/gui/test_folder_import.py on a PostgreSQL project (issue 16; tests/team/gui_on_pg.py says how): its tests
that open a project, imported from there and run here against the server."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from tests.gui import test_folder_import as gui_tests  # noqa: E402
from tests.gui.conftest import chinese, make_window, settings_file, zh_window  # noqa: E402,F401 - fixtures
from tests.gui.test_folder_import import (  # noqa: E402,F401 - collected here, on PostgreSQL
    folder,
    test_gui_folder_import_preview_then_summary_lists_skipped,
)
from tests.team.gui_on_pg import on_postgresql, pg_databases, project_path  # noqa: E402,F401


@pytest.fixture(autouse=True)
def postgresql(pg_databases, tmp_path):
    yield from on_postgresql(pg_databases, tmp_path, [gui_tests])
