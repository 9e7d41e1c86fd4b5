"""tests/gui/test_doubtful_suggestions.py on a PostgreSQL project (issue 16; tests/team/gui_on_pg.py says how): its tests
that open a project, imported from there and run here against the server."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from tests.gui import test_doubtful_suggestions as gui_tests  # noqa: E402
from tests.gui.conftest import chinese, make_window, settings_file, zh_window  # noqa: E402,F401 - fixtures
from tests.gui.test_doubtful_suggestions import (  # noqa: E402,F401 - collected here, on PostgreSQL
    test_a_doubtful_suggestion_is_dashed_and_says_so,
    test_sureness_is_kept_in_provenance_and_never_copied_to_an_accepted_span,
)
from tests.team.gui_on_pg import on_postgresql, pg_databases, project_path  # noqa: E402,F401


@pytest.fixture(autouse=True)
def postgresql(pg_databases, tmp_path):
    yield from on_postgresql(pg_databases, tmp_path, [gui_tests])
