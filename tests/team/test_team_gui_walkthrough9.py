"""tests/gui/test_walkthrough9.py on a PostgreSQL project (issue 16; tests/team/gui_on_pg.py says how): its tests
that open a project, imported from there and run here against the server."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from tests.gui import test_walkthrough9 as gui_tests  # noqa: E402
from tests.gui.conftest import make_window, settings_file  # noqa: E402,F401 - fixtures
from tests.gui.test_walkthrough9 import (  # noqa: E402,F401 - collected here, on PostgreSQL
    test_a_block_off_screen_that_changes_height_repaints_nothing_on_screen,
    test_a_block_that_changes_height_when_rehighlighted_is_repainted,
    test_review_outline_shows_the_titles_of_sub_sections_at_1024,
    test_selecting_a_suggestion_or_a_statistic_never_widens_the_span_panel,
    test_the_legend_is_never_cut_mid_word,
    test_the_toolbar_does_not_move_when_a_key_adds_an_undo_step,
)
from tests.team.gui_on_pg import on_postgresql, pg_databases, project_path  # noqa: E402,F401


@pytest.fixture(autouse=True)
def postgresql(pg_databases, tmp_path):
    yield from on_postgresql(pg_databases, tmp_path, [gui_tests])
