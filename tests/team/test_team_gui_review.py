"""tests/gui/test_review.py on a PostgreSQL project (issue 16; tests/team/gui_on_pg.py says how): its tests
that open a project (the adjudication window: the lead's gold, pre-merge, undo), imported from there and
run here against the server."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from tests.gui import test_review as gui_tests  # noqa: E402
from tests.gui.conftest import chinese, make_window, settings_file, zh_window  # noqa: E402,F401 - fixtures
from tests.gui.test_review import (  # noqa: E402,F401 - collected here, on PostgreSQL
    test_accept_all_of_one_annotator_in_a_section_is_one_undo_step,
    test_choosing_annotators_and_reopening_keeps_decisions,
    test_disagreement_model_passes_the_model_tester,
    test_edit_uses_the_selection,
    test_keys_resolve_undo_and_provenance,
    test_navigation_and_section_moves,
    test_opening_writes_nothing_premerge_is_asked_for_and_undoable,
    test_premerged_and_lists_disagreements,
    test_relabel_through_the_label_popup,
    test_reopen_and_refusals,
    test_screenshot,
    window,
)
from tests.team.gui_on_pg import on_postgresql, pg_databases, project_path  # noqa: E402,F401


@pytest.fixture(autouse=True)
def postgresql(pg_databases, tmp_path):
    yield from on_postgresql(pg_databases, tmp_path, [gui_tests])
