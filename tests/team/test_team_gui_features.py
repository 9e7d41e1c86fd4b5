"""tests/gui/test_features.py on a PostgreSQL project (issue 16; tests/team/gui_on_pg.py says how): its tests
that open a project, imported from there and run here against the server. Not here: "open project
switches in place and is remembered" (it compares the remembered project with the FILE name it gave; a
remembered team project is reopened by test_real_display_team.py)."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from tests.gui import test_features as gui_tests  # noqa: E402
from tests.gui.conftest import chinese, make_window, settings_file, zh_window  # noqa: E402,F401 - fixtures
from tests.gui.test_features import (  # noqa: E402,F401 - collected here, on PostgreSQL
    test_corpus_search_opens_the_document_at_the_hit,
    test_find_in_document_highlights_and_steps,
    test_hide_suggestions_filter_and_sort_the_span_panel,
    test_incremental_updates_match_the_store,
    test_label_dialogs_offer_the_format_registry,
    test_rename_and_delete_documents,
    test_shift_keys_tag_the_clause_and_the_sentence,
)
from tests.team.gui_on_pg import on_postgresql, pg_databases, project_path  # noqa: E402,F401


@pytest.fixture(autouse=True)
def postgresql(pg_databases, tmp_path):
    yield from on_postgresql(pg_databases, tmp_path, [gui_tests])
