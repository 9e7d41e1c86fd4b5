"""tests/gui/test_defects.py on a PostgreSQL project (issue 16; tests/team/gui_on_pg.py says how): its tests
that open a project, imported from there and run here against the server."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from tests.gui import test_defects as gui_tests  # noqa: E402
from tests.gui.conftest import chinese, make_window, settings_file, zh_window  # noqa: E402,F401 - fixtures
from tests.gui.test_defects import (  # noqa: E402,F401 - collected here, on PostgreSQL
    stats_project,
    test_defect1_statistic_with_percent_saved_whole,
    test_defect2_redo_by_ctrl_shift_z_and_ctrl_y,
    test_defect3_keys_live_after_clicking_a_document_or_section,
    test_defect4_review_window_fits_the_screen,
    test_defect4_text_gets_most_of_the_width,
    test_defect4_view_menu_and_focus_mode,
    test_defect5_document_cursor_and_scroll_restored_after_a_crash,
    test_defect6_qt_and_review_strings_in_chinese,
    test_defect7_demote_without_previous_sibling_records_nothing,
    test_defect8_new_span_selected_and_attributes_by_keyboard,
)
from tests.team.gui_on_pg import on_postgresql, pg_databases, project_path  # noqa: E402,F401


@pytest.fixture(autouse=True)
def postgresql(pg_databases, tmp_path):
    yield from on_postgresql(pg_databases, tmp_path, [gui_tests])
