"""tests/gui/test_not_a_speech.py on a PostgreSQL project (issue 16; tests/team/gui_on_pg.py says how): its tests
that open a project, imported from there and run here against the server."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from tests.gui import test_not_a_speech as gui_tests  # noqa: E402
from tests.gui.conftest import chinese, make_window, settings_file, zh_window  # noqa: E402,F401 - fixtures
from tests.gui.test_not_a_speech import (  # noqa: E402,F401 - collected here, on PostgreSQL
    test_import_files_with_a_non_speech_shows_the_preview,
)
from tests.team.gui_on_pg import on_postgresql, pg_databases, project_path  # noqa: E402,F401


@pytest.fixture(autouse=True)
def postgresql(pg_databases, tmp_path):
    yield from on_postgresql(pg_databases, tmp_path, [gui_tests])
