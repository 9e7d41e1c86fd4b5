"""tests/gui/test_walkthrough8.py on a PostgreSQL project (issue 16; tests/team/gui_on_pg.py says how): its tests
that open a project, imported from there and run here against the server."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from tests.gui import test_walkthrough8 as gui_tests  # noqa: E402
from tests.gui.conftest import chinese, make_window, settings_file, zh_window  # noqa: E402,F401 - fixtures
from tests.gui.test_walkthrough8 import (  # noqa: E402,F401 - collected here, on PostgreSQL
    review,
    test_a_and_b_take_the_first_and_second_annotator_with_three,
    test_a_key_in_a_long_paragraph_repaints_its_lines_and_leaves_nothing_stale,
    test_each_annotator_has_a_column_and_no_span_is_shown_under_another_name,
    test_label_import_notes_and_rarer_reasons_in_chinese,
    test_progress_counts_a_document_with_spans_but_no_mark_as_in_progress,
    test_review_and_compare_windows_are_placed_inside_the_screen,
    test_side_by_side_opens_on_the_current_disagreement_and_shows_it,
    test_tab_leaves_the_text_still_when_the_next_suggestion_is_on_screen,
    test_the_lead_exports_gold_only_from_the_review_window,
    test_the_text_in_context_stays_in_sight_with_three_annotators_at_1024,
    test_undo_goes_back_to_the_disagreement_it_took_back,
)
from tests.team.gui_on_pg import on_postgresql, pg_databases, project_path  # noqa: E402,F401


@pytest.fixture(autouse=True)
def postgresql(pg_databases, tmp_path):
    yield from on_postgresql(pg_databases, tmp_path, [gui_tests])
