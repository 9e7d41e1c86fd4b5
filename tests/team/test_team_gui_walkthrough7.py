"""tests/gui/test_walkthrough7.py on a PostgreSQL project (issue 16; tests/team/gui_on_pg.py says how): its tests
that open a project, imported from there and run here against the server."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from tests.gui import test_walkthrough7 as gui_tests  # noqa: E402
from tests.gui.conftest import chinese, make_window, settings_file, zh_window  # noqa: E402,F401 - fixtures
from tests.gui.test_walkthrough7 import (  # noqa: E402,F401 - collected here, on PostgreSQL
    report_project,
    test_attribute_choices_in_the_ui_language_stored_as_the_schema_says,
    test_corpus_search_by_keyboard_opens_the_document_at_the_hit,
    test_far_apart_dirty_rectangles_paint_the_same_pixels,
    test_label_import_reasons_in_chinese,
    test_new_span_row_stays_in_view_when_the_attribute_form_grows,
    test_one_label_only_is_what_the_text_shows_and_tab_walks,
    test_passing_through_the_outline_with_f6_leaves_the_text_where_it_was,
    test_reimporting_the_open_document_shows_its_new_text_and_f4_walks_the_flagged,
    test_the_current_span_shows_its_own_label_colour,
    test_the_lazy_highlighting_pass_leaves_the_screen_alone,
    test_typing_a_search_keeps_the_keyboard_in_the_search_box,
    test_undo_import_names_the_step_after_a_restart,
)
from tests.team.gui_on_pg import on_postgresql, pg_databases, project_path  # noqa: E402,F401


@pytest.fixture(autouse=True)
def postgresql(pg_databases, tmp_path):
    yield from on_postgresql(pg_databases, tmp_path, [gui_tests])
