"""tests/gui/test_open_fast.py on a PostgreSQL project (issue 16; tests/team/gui_on_pg.py says how): its tests
that open a project, imported from there and run here against the server."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from tests.gui import test_open_fast as gui_tests  # noqa: E402
from tests.gui.conftest import chinese, make_window, settings_file, zh_window  # noqa: E402,F401 - fixtures
from tests.gui.test_open_fast import (  # noqa: E402,F401 - collected here, on PostgreSQL
    test_a_late_full_read_of_an_earlier_document_is_dropped,
    test_long_document_settles_to_exactly_what_is_stored,
    test_spans_touching_is_list_spans_cut_to_the_range,
    test_tagging_far_down_a_long_document_right_after_opening,
)
from tests.team.gui_on_pg import on_postgresql, pg_databases, project_path  # noqa: E402,F401


@pytest.fixture(autouse=True)
def postgresql(pg_databases, tmp_path):
    yield from on_postgresql(pg_databases, tmp_path, [gui_tests])
