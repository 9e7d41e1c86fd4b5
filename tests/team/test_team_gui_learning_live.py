"""tests/gui/test_learning_live.py on a PostgreSQL project (issue 16; tests/team/gui_on_pg.py says how): the
suggestion model retrains after N answers in a process of its own, which reaches the team project by its
URL on standard input (never its command line: a URL may hold a password). Not here: the job's priority
test (no project)."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from tests.gui import test_learning_live as gui_tests  # noqa: E402
from tests.gui.conftest import make_window, settings_file  # noqa: E402,F401 - fixtures
from tests.gui.test_learning_live import (  # noqa: E402,F401 - collected here, on PostgreSQL
    test_new_scores_redraw_rows_not_text_and_a_doubt_flip_redraws_its_text,
    test_retrains_after_n_answers_without_blocking_and_reranks,
    test_setting_zero_never_retrains_and_preferences_show_it,
    test_the_job_trains_only_when_due_and_names_a_bad_project,
    test_the_project_reaches_the_job_by_standard_input_never_its_command_line,
)
from tests.team.gui_on_pg import on_postgresql, pg_databases, project_path  # noqa: E402,F401


@pytest.fixture(autouse=True)
def postgresql(pg_databases, tmp_path):
    yield from on_postgresql(pg_databases, tmp_path, [gui_tests])
