"""tests/gui/test_store_factory.py on a PostgreSQL project (issue 16; tests/team/gui_on_pg.py says how): the
window's workers open the team project through the factory the composition root built, each on its own
thread; a bare URL, as a bare path, is refused with a clear message."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from tests.gui import test_store_factory as gui_tests  # noqa: E402
from tests.gui.conftest import make_window, settings_file  # noqa: E402,F401 - fixtures
from tests.gui.test_store_factory import (  # noqa: E402,F401 - collected here, on PostgreSQL
    test_a_path_is_refused_with_a_clear_message,
    test_the_window_workers_open_the_project_through_its_factory,
)
from tests.team.gui_on_pg import ProjectUrl, on_postgresql, pg_databases, sample_project  # noqa: E402,F401


@pytest.fixture
def project_path(pg_databases, tmp_path):
    """The sample team project's URL; its export goes to the test's folder (``.parent``)."""
    return ProjectUrl(sample_project(pg_databases, tmp_path), tmp_path)


@pytest.fixture(autouse=True)
def postgresql(pg_databases, tmp_path):
    yield from on_postgresql(pg_databases, tmp_path, [gui_tests])
