"""tests/gui/test_walkthrough.py on a PostgreSQL project (issue 16; tests/team/gui_on_pg.py says how): its tests
that open a project, imported from there and run here against the server. Not here: the statistic tagged
by hand (it reads the project with its own ``import sqlite3``): test_team_gui_backends.py walks the same
steps on both backends."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from tests.gui import test_walkthrough as gui_tests  # noqa: E402
from tests.gui.conftest import chinese, make_window, settings_file, zh_window  # noqa: E402,F401 - fixtures
from tests.gui.test_walkthrough import (  # noqa: E402,F401 - collected here, on PostgreSQL
    test_a_note_is_saved_by_keyboard,
    test_delete_question_without_spans_reads_well,
    test_f6_reaches_every_panel_by_keyboard,
    test_first_window_fits_the_screen,
    test_import_summary_says_why_in_chinese,
    test_span_panel_sorted_by_keyboard,
    test_status_column_shows_its_words,
    test_the_speech_just_imported_is_opened,
    test_view_menu_entries_are_told_apart_in_chinese,
)
from tests.team.gui_on_pg import on_postgresql, pg_databases, project_path  # noqa: E402,F401


@pytest.fixture(autouse=True)
def postgresql(pg_databases, tmp_path):
    yield from on_postgresql(pg_databases, tmp_path, [gui_tests])
