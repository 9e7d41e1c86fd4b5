"""tests/gui/test_workspace.py's read-only test on a PostgreSQL project (issue 16; tests/team/gui_on_pg.py says
how): a project opened read-only shows the notice and refuses a tag. Its first step takes the write
permission off the project FILE — SQLite by nature: a server project has no file, so here that step
finds the project "still writable" (as it does for root) and the test opens it read-only explicitly,
the branch the test itself takes then. (A member whose ROLE may not write: test_team_gui.py.)"""

from __future__ import annotations

import os

import pytest

pytest.importorskip("pytestqt")

from tests.gui import test_workspace as gui_tests  # noqa: E402
from tests.gui.conftest import make_window, settings_file  # noqa: E402,F401 - fixtures
from tests.gui.test_workspace import test_read_only_project_shows_notice_and_refuses_changes  # noqa: E402,F401
from tests.team.gui_on_pg import ProjectUrl, on_postgresql, pg_databases, sample_project  # noqa: E402,F401


@pytest.fixture
def project_path(pg_databases, tmp_path):
    """The sample team project's URL; the window's settings go to the test's folder (``.parent``)."""
    return ProjectUrl(sample_project(pg_databases, tmp_path), tmp_path)


@pytest.fixture(autouse=True)
def postgresql(pg_databases, tmp_path, monkeypatch):
    real_chmod, real_access = os.chmod, os.access

    def is_url(path) -> bool:
        return isinstance(path, str) and path.startswith("postgresql://")

    monkeypatch.setattr(os, "chmod", lambda path, *a, **k: None if is_url(path) else real_chmod(path, *a, **k))
    monkeypatch.setattr(os, "access", lambda path, *a, **k: True if is_url(path) else real_access(path, *a, **k))
    yield from on_postgresql(pg_databases, tmp_path, [gui_tests])
