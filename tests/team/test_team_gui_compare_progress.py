"""tests/gui/test_compare_progress.py on a PostgreSQL project (issue 16; tests/team/gui_on_pg.py says how): its tests
that open a project, imported from there and run here against the server."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from tests.gui import test_compare_progress as gui_tests  # noqa: E402
from tests.gui.conftest import chinese, make_window, settings_file, zh_window  # noqa: E402,F401 - fixtures
from tests.gui.test_compare_progress import (  # noqa: E402,F401 - collected here, on PostgreSQL
    test_compare_from_a_document_with_one_annotator_shows_one_with_two,
    test_compare_model_classifies_every_difference,
    test_compare_window_side_by_side_with_keyboard,
    test_progress_dialog_shows_people_and_opens_compare,
    test_review_window_opens_the_pair_side_by_side,
    test_team_progress_counts,
    two_layers,
)
from tests.team.gui_on_pg import on_postgresql, pg_databases, project_path  # noqa: E402,F401


@pytest.fixture(autouse=True)
def postgresql(pg_databases, tmp_path):
    yield from on_postgresql(pg_databases, tmp_path, [gui_tests])
