"""Every editing key of the window while the team server is away (issue 16 point 4, from the seat of an
annotator): each key does what it does online — the edit kept in the outbox, the status bar counting it
— and nothing raises into the Qt loop (pytest-qt fails a test on any exception there). A label key did:
its duplicate check read the server first. When the server is back, everything arrives exactly once and
the server holds what the window shows."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402


def _server_spans(team) -> set:
    with team.admin() as conn:
        return {tuple(r) for r in conn.execute(
            "SELECT start, \"end\", label FROM spans WHERE annotator = 'alice'").fetchall()}


def test_every_editing_key_works_offline_and_arrives_once(team, member_window, qtbot):
    window, _ = member_window("alice")
    view, actions = window.view, window.actions_
    view.setFocus()
    team.cluster.stop()

    view.select_range(0, 4)
    qtbot.keyClick(view, Qt.Key.Key_1)  # tag the selection
    view.select_range(6, 12)
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert len(window.session.spans) == 2
    view.select_range(6, 12)
    qtbot.keyClick(view, Qt.Key.Key_2)  # the same span again: refused from what the window holds
    assert len(window.session.spans) == 2
    view.move_to(30)
    actions["tag_clause"].trigger()  # Shift+1
    assert len(window.session.spans) == 3
    window.controller.set_current(window.session.spans[0])
    actions["delete"].trigger()
    assert len(window.session.spans) == 2
    actions["undo"].trigger()
    actions["redo"].trigger()
    actions["undo"].trigger()  # the deleted span is back
    assert len(window.session.spans) == 3
    actions["done"].trigger()  # Ctrl+D
    window.team_status.refresh()
    waiting = window.team_status.pending()
    assert waiting >= 5 and f"{waiting} edits waiting for the server" in window.team_status.button.text()

    team.cluster.start()
    team.cluster.wait_ready()
    qtbot.waitUntil(lambda: window.team_status.pending() == 0, timeout=30_000)
    shown = {(s.start, s.end, s.label) for s in window.session.spans}
    assert len(shown) == 3 and _server_spans(team) == shown
    with team.admin() as conn:
        assert conn.execute("SELECT status FROM doc_status WHERE annotator = 'alice'").fetchone()[0] == "done"
        assert conn.execute("SELECT count(*) FROM spans WHERE annotator = 'alice'").fetchone()[0] == 3
