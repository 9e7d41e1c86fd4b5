"""tests/gui/test_deferred_views.py on a PostgreSQL project (issue 16; tests/team/gui_on_pg.py says how): its tests
that open a project, imported from there and run here against the server."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from tests.gui import test_deferred_views as gui_tests  # noqa: E402
from tests.gui.conftest import chinese, make_window, settings_file, zh_window  # noqa: E402,F401 - fixtures
from tests.gui.test_deferred_views import (  # noqa: E402,F401 - collected here, on PostgreSQL
    test_a_key_repaints_what_it_changed_and_nothing_is_left_stale,
    test_a_run_of_keys_is_shown_once_the_loop_runs,
    test_f2_right_after_a_tag_edits_the_new_span,
    test_messages_get_the_width_at_1024,
    test_outline_counts_follow_a_tag,
)
from tests.team.gui_on_pg import on_postgresql, pg_databases, project_path  # noqa: E402,F401


@pytest.fixture(autouse=True)
def postgresql(pg_databases, tmp_path):
    yield from on_postgresql(pg_databases, tmp_path, [gui_tests])
