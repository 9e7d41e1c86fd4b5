"""tests/gui/test_read_reasons.py on a PostgreSQL project (issue 16; tests/team/gui_on_pg.py says how): why a
file could not be imported, in the UI language, when the window's project is a team project. Not here:
the translation table's own test (no project)."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from tests.gui import test_read_reasons as gui_tests  # noqa: E402
from tests.gui.conftest import chinese, make_window, settings_file, zh_window  # noqa: E402,F401 - fixtures
from tests.gui.test_read_reasons import (  # noqa: E402,F401 - collected here, on PostgreSQL
    test_chinese_preview_says_why_a_file_cannot_be_read,
    test_chinese_ui_says_why_a_file_failed_in_chinese,
    test_english_ui_shows_the_readers_own_words,
)
from tests.team.gui_on_pg import on_postgresql, pg_databases, project_path  # noqa: E402,F401


@pytest.fixture(autouse=True)
def postgresql(pg_databases, tmp_path):
    yield from on_postgresql(pg_databases, tmp_path, [gui_tests])
