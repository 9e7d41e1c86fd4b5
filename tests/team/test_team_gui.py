"""The desktop app on a team project (issue 16 points 3 and 4 from a user's seat), on a real server.

Alice (an annotator role, password in a pgpass file) opens the project by URL in the real main window
and tags; the server is stopped, she tags again and the status bar says one edit waits; the server comes
back and the edit arrives exactly once. A lead's change to her span makes her edit a conflict she can
see; another member's progress appears without restarting. Under CI=true these fail without PostgreSQL
(tests/team/conftest.py).
"""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from annotator.domain.model import Span  # noqa: E402


@pytest.fixture
def alice_window(member_window):
    window, url = member_window("alice")
    return window, url


def _tag(window, start: int, end: int, label: str = "directive") -> Span:
    from annotator.gui.commands import AddSpan

    s = window.session
    window.controller.push(AddSpan(s, Span(document_id=s.doc_id, start=start, end=end, label=label,
                                           annotator=s.annotator)))
    return s.spans[[x.start for x in s.spans].index(start)]


def _on_server(team, span_id: str) -> int:
    with team.admin() as conn:
        return conn.execute("SELECT count(*) FROM spans WHERE id = %s", [span_id]).fetchone()[0]


def test_open_by_url_tag_offline_and_back_exactly_once(team, alice_window, qtbot):
    window, url = alice_window
    status = window.team_status
    assert "All edits are on the server" in status.button.text()
    first = _tag(window, 0, 4)
    assert _on_server(team, first.id) == 1  # online: saved on the server when the command returns

    team.cluster.stop()
    second = _tag(window, 5, 12)
    assert status.pending() == 1  # kept in the outbox on this computer, durable
    status.refresh()
    assert "1 edit waiting for the server" in status.button.text()
    assert second in window.session.spans  # the person sees the tag they made

    team.cluster.start()
    team.cluster.wait_ready()
    qtbot.waitUntil(lambda: status.pending() == 0, timeout=30_000)  # the worker sends it, not the UI
    assert _on_server(team, second.id) == 1
    with team.admin() as conn:
        assert conn.execute("SELECT count(*) FROM spans WHERE annotator = 'alice'").fetchone()[0] == 2
    qtbot.waitUntil(lambda: "All edits are on the server" in status.button.text(), timeout=5_000)
    # recent projects keep the URL without any password
    assert all("pw-" not in p for p in window.preferences.recent_projects())


def test_a_lead_change_makes_the_edit_a_conflict_that_is_shown(team, alice_window, qtbot):
    from annotator.gui.commands import UpdateSpan

    window, _url = alice_window
    span = _tag(window, 0, 4)
    with team.connect("lena") as lead:  # the lead relabels Alice's span meanwhile
        lead.execute("UPDATE spans SET label = 'statistic', updated = '2030-01-01T00:00:00.000Z' WHERE id = %s",
                     [span.id])
    messages = []
    window.session.message.connect(messages.append)
    window.controller.push(UpdateSpan(window.session, span, {"start": 1}))
    assert any("changed by someone else" in m for m in messages)
    with team.admin() as conn:  # nothing of the lead's was overwritten
        assert conn.execute('SELECT label, start FROM spans WHERE id = %s', [span.id]).fetchone() == ("statistic", 0)
    window.team_status.refresh()
    assert "1 conflict" in window.team_status.button.text()
    window.team_status.show_conflicts()
    dialog = window.team_status.dialog
    assert dialog.table.rowCount() == 1
    assert dialog.table.item(0, 2).text().startswith("Someone else changed this span")  # in the person's words
    assert not dialog.details.isVisible()
    dialog.details_button.click()  # the server's own words, behind "Details"
    assert dialog.details.isVisible() and "changed by someone else" in dialog.details.toPlainText()
    dialog.table.selectRow(0)
    dialog.dismiss_selected()
    assert dialog.table.rowCount() == 0


def test_another_members_progress_appears_without_restarting(team, alice_window, qtbot):
    from annotator.services import team_edits
    from annotator.storage.outbox import Outbox, TeamLink

    window, _url = alice_window
    status = window.team_status
    qtbot.waitUntil(lambda: status.progress is not None, timeout=15_000)
    before = status.live_changes
    link = TeamLink("bob", lambda: team.connect("bob"), Outbox(window.settings.qsettings.fileName() + ".bob"))
    assert team_edits.set_status(link, team.doc_id, "bob", "done").where == "server"
    link.close()
    qtbot.waitUntil(lambda: status.live_changes > before, timeout=15_000)  # ≤ one poll interval + a read
    assert "1 done" in status.progress_label.text()


def test_a_refused_login_is_a_clear_message_without_the_password(team, alice_window, qtbot):
    from annotator.gui.team_open import open_team_project

    window, _url = alice_window
    bad = team.cluster.url("alice", team.dbname, password="not-her-secret")
    assert open_team_project(window, bad) is None
    text = window.team_open_error
    assert "not-her-secret" not in text and "***" in text
    assert window.isVisible()  # the open project stays open


def test_offline_edits_chain_in_order_and_a_lead_change_meanwhile_is_a_conflict(team, alice_window, qtbot):
    from annotator.gui.commands import UpdateSpan

    window, _url = alice_window
    status = window.team_status
    first, second = _tag(window, 0, 4), _tag(window, 5, 12)
    status.stop()  # this test sends the outbox itself, at the moment it chooses
    status._thread.join(timeout=10)
    team.cluster.stop()
    messages = []
    window.session.message.connect(messages.append)
    window.controller.push(UpdateSpan(window.session, first, {"label": "statistic"}))
    window.controller.push(UpdateSpan(window.session, window.session.find_span(first.id), {"end": 5}))
    window.controller.push(UpdateSpan(window.session, second, {"label": "statistic"}))
    assert status.pending() == 3 and any("Saved on this computer" in m for m in messages)
    team.cluster.start()
    team.cluster.wait_ready()
    with team.connect("lena") as lead:  # the lead changes the second span before Alice's edits arrive
        lead.execute("UPDATE spans SET start = 6, updated = '2030-01-01T00:00:00.000Z' WHERE id = %s", [second.id])
    window.session.team.flush()
    assert status.pending() == 0
    with team.admin() as conn:
        rows = dict(conn.execute('SELECT id, label || \':\' || start || \'-\' || "end" FROM spans').fetchall())
    assert rows[first.id] == "statistic:0-5"  # both offline edits, in order
    assert rows[second.id] == "directive:6-12"  # the lead's change stands
    conflicts = window.session.team.conflicts()
    assert [c["kind"] for c in conflicts] == ["span.update"] and "changed by someone else" in conflicts[0]["detail"]
    status.refresh()
    assert "1 conflict" in status.button.text()


def test_a_leads_open_review_follows_the_teams_spans(team, tmp_path, qtbot, monkeypatch):
    from annotator.app import create_window
    from annotator.gui.settings import Settings
    from annotator.services import team_edits
    from annotator.storage.outbox import Outbox, TeamLink

    monkeypatch.setenv("ANNOTATOR_HOME", str(tmp_path / "home"))
    links = {who: TeamLink(who, lambda who=who: team.connect(who), Outbox(tmp_path / f"{who}.outbox"))
             for who in ("alice", "bob")}

    def tag(who, start, end):
        span = Span(document_id=team.doc_id, start=start, end=end, label="directive", annotator=who)
        assert team_edits.add_span(links[who], span)[1].where == "server"

    tag("alice", 0, 4)
    tag("bob", 5, 12)
    settings = Settings(tmp_path / "lena.ini")
    settings.annotator, settings.language = "lena", "en"
    settings.sync()
    url = team.cluster.url("lena", team.dbname) + f"?passfile={team.passfile}"
    window, project = create_window(url, settings_file=tmp_path / "lena.ini", first_run=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.session.doc_id is not None, timeout=20_000)
    try:
        window.open_review()
        review = window._review
        assert len(review.items) == 2  # each one's span is a disagreement
        tag("bob", 0, 4)  # bob now agrees with alice on the first span
        qtbot.waitUntil(lambda: window.team_status.review_refreshes > 0, timeout=15_000)
        qtbot.waitUntil(lambda: len(review.items) == 1, timeout=15_000)
    finally:
        for link in links.values():
            link.close()
        window.close()
        project.close()


def test_notes_offline_go_to_the_outbox_and_an_outline_correction_is_refused_for_an_annotator(team, alice_window,
                                                                                             qtbot):
    from annotator.gui.commands import AddComment, OutlineEdit

    window, _url = alice_window
    status = window.team_status
    status.stop()
    status._thread.join(timeout=10)
    messages = []
    window.session.message.connect(messages.append)
    sections_before = list(window.session.sections)
    window.controller.push(OutlineEdit(window.session, "remove", 4))
    assert any("only a lead" in m for m in messages)  # said at once, nothing queued or changed
    assert window.session.sections == sections_before and status.pending() == 0
    team.cluster.stop()
    window.controller.push(AddComment(window.session, "离线批注 😀"))
    assert status.pending() == 1 and any("Saved on this computer" in m for m in messages)
    team.cluster.start()
    team.cluster.wait_ready()
    window.session.team.flush()
    with team.admin() as conn:
        assert conn.execute("SELECT count(*) FROM comments WHERE body = '离线批注 😀'").fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM section_edits").fetchone()[0] == 0


def test_a_database_without_team_init_is_named_in_the_status_bar(cluster, tmp_path, qtbot, monkeypatch):
    import psycopg

    from annotator.app import create_window
    from annotator.gui.settings import Settings
    from annotator.storage.pg import schema as pg_schema

    monkeypatch.setenv("ANNOTATOR_HOME", str(tmp_path / "home"))
    name = f"plaingui_{tmp_path.name[-12:]}".replace("-", "_")
    with psycopg.connect(cluster.create_database(name), autocommit=True) as conn:
        pg_schema.migrate(conn)
        conn.execute("INSERT INTO documents (title, raw_text, clean_text, sha256, char_count, imported_at)"
                     " VALUES ('d', '一、要坚持。', '一、要坚持。', 'x', 6, now()::text)")
    settings = Settings(tmp_path / "owner.ini")
    settings.annotator, settings.language = "owner", "en"
    settings.sync()
    url = f"postgresql:///{name}?host={cluster.root}&port={cluster.port}&user=postgres"
    window, project = create_window(url, settings_file=tmp_path / "owner.ini", first_run=False)
    qtbot.addWidget(window)
    try:
        assert "No team setup" in window.team_status.button.text()
        assert "annotator team init" in window.team_status.button.toolTip()
        assert window.session.team.pending() == 0
    finally:
        window.close()
        project.close()


def test_a_tag_on_a_hung_server_does_not_freeze_the_window(team, alice_window, qtbot, hang):
    """Every server process stopped (SIGSTOP): the kernel accepts and keeps connections, nobody answers.
    The tag (pushed on the UI thread) returns on the outbox; after SIGCONT it arrives exactly once."""
    import signal
    import threading
    import time

    _cluster_pids, _signal = hang
    window, _url = alice_window
    status = window.team_status
    first = _tag(window, 0, 4)
    pids = _cluster_pids(team.cluster)
    _signal(pids, signal.SIGSTOP)
    rescue = threading.Timer(60, lambda: _signal(pids, signal.SIGCONT))  # a hang fails the test, not the run
    rescue.start()
    try:
        began = time.monotonic()
        second = _tag(window, 5, 12)
        seconds = time.monotonic() - began
        assert status.pending() >= 1 and second in window.session.spans
        print(f"window: the tag on a hung server returned after {seconds:.2f} s "
              f"(bound {window.session.team.bound_s} s)")
    finally:
        rescue.cancel()
        _signal(pids, signal.SIGCONT)
    team.cluster.wait_ready()
    qtbot.waitUntil(lambda: status.pending() == 0, timeout=60_000)
    with team.admin() as conn:
        assert conn.execute("SELECT count(*) FROM spans WHERE id = %s", [second.id]).fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM spans WHERE id = %s", [first.id]).fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM events WHERE entity = 'span' AND entity_id = %s",
                            [second.id]).fetchone()[0] == 1


def test_offline_accept_reject_and_done_by_keyboard_arrive_exactly_once(team, alice_window, qtbot):
    """Server stopped → Enter accepts a suggestion, X rejects the next, Ctrl+D marks the document done:
    each is shown at once and waits in the outbox; server back → each arrives exactly once."""
    from PySide6.QtCore import Qt

    window, _url = alice_window
    status, session, view = window.team_status, window.session, window.view
    stamp = "2026-01-01T00:00:00.000Z"
    with team.connect("lena", autocommit=True) as lead:  # the lead's suggester run: three suggestions
        for start, end in ((0, 4), (5, 12), (13, 20)):
            lead.execute('INSERT INTO spans (id, document_id, start, "end", label, annotator, status, created, updated)'
                         " VALUES (%s, %s, %s, %s, 'directive', '@suggester', 'suggested', %s, %s)",
                         [f"sug-{start}", team.doc_id, start, end, stamp, stamp])
    session.resync()
    assert [s.start for s in session.suggestions] == [0, 5, 13]
    window.activateWindow()  # shortcuts fire in the active window only
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=10_000)
    view.setFocus()

    team.cluster.stop()
    view.move_to(0)
    window.controller.set_current(session.suggestions[0])
    qtbot.keyClick(view, Qt.Key.Key_Return)  # accept; the cursor moves to the next suggestion
    assert [s.start for s in session.spans] == [0] and [s.start for s in session.suggestions] == [5, 13]
    qtbot.keyClick(view, Qt.Key.Key_X)  # reject the one at 5
    assert [s.start for s in session.suggestions] == [13]
    qtbot.keyClick(view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert session.status == "done"
    # kept on this computer, in order: the answer, the document's first "in progress" (it goes with the
    # first answer's command), the rejection, "done"
    assert status.pending() == 4
    status.refresh()
    assert "4 edits waiting for the server" in status.button.text()
    row = window.doc_model.rows[window.doc_model.row_of(session.doc_id)]
    assert row["status"] == "done"  # the document list says so too, though the server cannot be read
    qtbot.waitUntil(lambda: not window.deferred.pending())  # the span table shows the accepted span
    assert any(s.start == 0 and s.status == "accepted" for s in window.span_model.rows)
    assert not any(s.start == 5 for s in window.span_model.rows)

    team.cluster.start()
    team.cluster.wait_ready()
    qtbot.waitUntil(lambda: status.pending() == 0, timeout=30_000)
    with team.admin() as conn:
        rows = conn.execute("SELECT start, status FROM spans WHERE annotator = 'alice' ORDER BY start").fetchall()
        done = conn.execute("SELECT status FROM doc_status WHERE annotator = 'alice' AND document_id = %s",
                            [team.doc_id]).fetchall()
    assert rows == [(0, "accepted"), (5, "rejected")]  # exactly once each
    assert done == [("done",)]
    qtbot.waitUntil(lambda: "All edits are on the server" in status.button.text(), timeout=5_000)


def test_reads_on_a_hung_server_return_and_the_status_bar_says_not_answering(team, alice_window, qtbot, hang):
    """SIGSTOP on every server process: the window's reads (the document list, the document re-read) each
    return on the UI thread; the status bar says the server is not answering; after SIGCONT the window's
    worker reaches the server again and the note goes away."""
    import signal
    import threading

    _cluster_pids, _signal = hang
    window, _url = alice_window
    status = window.team_status
    qtbot.waitUntil(lambda: "Server" not in status.button.text(), timeout=10_000)
    pids = _cluster_pids(team.cluster)
    _signal(pids, signal.SIGSTOP)
    rescue = threading.Timer(90, lambda: _signal(pids, signal.SIGCONT))  # a hang fails the test, not the run
    rescue.start()
    try:
        shown = [r["id"] for r in window.doc_model.rows]
        window.navigation.refresh_documents()  # a read on the UI thread: returns, the list stays as it was
        assert [r["id"] for r in window.doc_model.rows] == shown
        window.session.resync()  # the document re-read: returns (the next reads fail at once: held)
        assert window.session.project.not_answering_since
        status.refresh()
        assert "Server not answering" in status.button.text()
    finally:
        rescue.cancel()
        _signal(pids, signal.SIGCONT)
    team.cluster.wait_ready()
    qtbot.waitUntil(lambda: "Server" not in status.button.text(), timeout=60_000)
    window.navigation.refresh_documents()
    assert window.session.project.not_answering_since == 0


def test_opening_a_hung_server_keeps_the_window_responsive_and_says_what_happens(alice_window, qtbot):
    """File ▸ Open team project on a server that takes the connection and never answers: the window keeps
    running its event loop (a timer started before keeps firing), a dialog names the server (never its
    password) and says it is being checked, and the open ends with "not answering"; the open project
    stays open."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from annotator.gui.team_open import open_team_project
    from team_netfault import SilentServer

    window, _url = alice_window
    silent = SilentServer()
    beats, labels = [], []
    heartbeat = QTimer()
    heartbeat.setInterval(50)

    def beat():
        beats.append(1)
        labels.extend(w.labelText() for w in QApplication.topLevelWidgets()
                      if w.objectName() == "teamConnecting" and w.isVisible())
    heartbeat.timeout.connect(beat)
    heartbeat.start()
    try:
        url = f"postgresql://alice:s3cret-pw@127.0.0.1:{silent.port}/team"
        assert open_team_project(window, url) is None
    finally:
        heartbeat.stop()
        silent.close()
    assert len(beats) >= 5, "the event loop did not run while connecting: the window was frozen"
    shown = [text for text in labels if text]  # the dialog, once shown (after SHOW_AFTER_MS)
    assert shown and all(f"127.0.0.1:{silent.port}" in t and "s3cret-pw" not in t for t in shown)
    assert any("checking whether the server is alive" in t for t in shown)
    assert "not answering" in window.team_open_error and "s3cret-pw" not in window.team_open_error
    assert window.isVisible() and window.session.doc_id is not None
