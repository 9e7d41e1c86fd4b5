"""tests/gui/test_save_state.py's claims on a team project (issue 16 point 4: "a save is reported as saved
only once it is durable somewhere"). Its window tests are SQLite by nature (a syncer thread fsyncs the WAL
after commits that did not wait for the disk; PRAGMA synchronous) and are not imported: a team project's
commit is durable on the server when it returns, and the status bar says where each edit is. The same
steps here — a tag by key (its ``_tag`` helper), the status bar, closing the window — in a member's window.
"""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QLabel  # noqa: E402

from tests.gui.test_save_state import _tag  # noqa: E402


def _alices(team) -> int:
    with team.admin() as conn:
        return conn.execute("SELECT count(*) FROM spans WHERE annotator = 'alice'").fetchone()[0]


def test_a_tag_by_key_is_on_the_server_when_it_returns_and_nothing_claims_a_disk_save(team, member_window,
                                                                                     qtbot):
    window, _ = member_window("alice")
    assert window.save_state.syncer is None  # no "Saving…" for a disk this project does not write
    label = window.statusBar().findChild(QLabel, "saveState")
    assert label is None or not label.isVisible()
    _tag(window, qtbot, 10)
    assert len(window.session.spans) == 1 and _alices(team) == 1  # on the server when the key returned
    window.team_status.refresh()
    assert "All edits are on the server" in window.team_status.button.text()


def test_closing_the_window_with_the_server_away_keeps_the_edit_and_it_arrives_once(team, member_window, qtbot):
    window, _ = member_window("alice")
    team.cluster.stop()
    _tag(window, qtbot, 20)
    waiting = window.team_status.pending()  # the span, and the document's "in progress" its first tag sets
    assert waiting == 2 and len(window.session.spans) == 1  # durable in the outbox on this computer
    window.team_status.refresh()
    assert "2 edits waiting for the server" in window.team_status.button.text()
    window.close()
    assert window.team_status.writer.pending() == waiting  # closing lost nothing
    team.cluster.start()
    team.cluster.wait_ready()
    again, _ = member_window("alice")  # the next start sends what waits
    qtbot.waitUntil(lambda: again.team_status.pending() == 0, timeout=30_000)
    assert _alices(team) == 1  # exactly once
    with team.admin() as conn:
        assert conn.execute("SELECT status FROM doc_status WHERE annotator = 'alice'").fetchone()[0] == "in_progress"
    again.team_status.refresh()
    assert "All edits are on the server" in again.team_status.button.text()
