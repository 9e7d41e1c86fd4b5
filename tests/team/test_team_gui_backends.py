"""The main window works the same on a SQLite file and on a PostgreSQL project (issue 16 point 1: "the
GUI accepts a project URL wherever it accepts a .db file"), under the offscreen platform.

One walk on each backend (conftest's ``backend`` parametrises ``project_at``): open the project in the
real main window, tag a statistic and a directive by the keyboard, see both stored (read through a
second connection, as another program would), undo the directive (gone from the store), close, open
again: the statistic is there with its normalised value, the directive is not. The member's seat on a
team project (roles, outbox, conflicts) is tests/team/test_team_gui.py; tests/gui (another owner's)
runs on SQLite only, which is why this lives here.
"""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

TEXT = "一、经济运行\n2025年，全县地区生产总值实现60.6亿元，同比增长5.2%。\n二、工作要求\n各级党委要切实加强领导。\n"
STAT, DIRECTIVE = "全县地区生产总值实现60.6亿元", "各级党委要切实加强领导"


@pytest.fixture
def settings_file(tmp_path):
    from annotator.gui.settings import Settings

    path = tmp_path / "settings.ini"
    settings = Settings(path)
    settings.annotator, settings.language = "张三", "en"
    settings.sync()
    return path


def _open(where, settings_file, qtbot):
    from annotator.app import create_window

    window, project = create_window(where, settings_file=settings_file, first_run=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.session.doc_id is not None, timeout=20_000)
    qtbot.waitUntil(lambda: not window.busy(), timeout=20_000)
    return window, project


def _stored(where) -> dict[str, dict]:
    from annotator.storage import open_project
    from annotator.storage import spans as span_store

    with open_project(where, readonly=True) as other:
        return {s.label: s.attributes for s in span_store.list_spans(other, annotators=["张三"], statuses=["accepted"])}


def test_tag_undo_and_reopen_in_the_main_window(project_at, backend, settings_file, qtbot):
    from PySide6.QtCore import Qt

    from annotator.storage import documents, open_project
    from annotator.structure.outline import parse_outline

    where = project_at("gui.db")
    with open_project(where) as project:
        documents.add_document(project, clean_text=TEXT, raw_text=TEXT, title="统计", sections=parse_outline(TEXT))
    window, project = _open(where, settings_file, qtbot)
    try:
        view = window.view
        view.setFocus()
        for value, key in ((STAT, Qt.Key.Key_2), (DIRECTIVE, Qt.Key.Key_1)):
            start = window.session.text.index(value)
            view.select_range(start, start + len(value))
            qtbot.keyClick(view, key)
        stored = _stored(where)  # saved when the key press returned: no wait, no flush
        assert set(stored) == {"statistic", "directive"}, backend
        assert stored["statistic"]["number"] == 6.06e9 and stored["statistic"]["unit"] == "元"
        assert stored["statistic"]["indicator"] == "全县地区生产总值" and stored["directive"] == {}
        window.controller.undo_group.activeStack().undo()
        assert set(_stored(where)) == {"statistic"}
        assert [s.label for s in window.session.spans if s.annotator == "张三"] == ["statistic"]
    finally:
        window.close()
        project.close()
    window, project = _open(where, settings_file, qtbot)
    try:
        mine = [s for s in window.session.spans if s.annotator == "张三"]
        assert [(window.session.text[s.start:s.end], s.label) for s in mine] == [(STAT, "statistic")]
        assert mine[0].attributes["period"] == "2025年"
    finally:
        window.close()
        project.close()
