"""Deleting and importing documents in a team project need the server (issue 16, point 4).

Tags and notes wait in the outbox; a deletion or an import does not: it is refused with a message
before anything is read, written or queued, when the server does not answer (stopped, or hung by
SIGSTOP) and while the lead's own edits still wait to be sent. Once the server answers and the outbox is
empty, both work as on a project file. services/team_edits.DesktopWriter.documents_refusal says why.
"""

from __future__ import annotations

import signal
import threading

import pytest

pytest.importorskip("pytestqt")
pytest.importorskip("psycopg")

pytestmark = pytest.mark.team


@pytest.fixture
def lead_window(member_window):
    window, url = member_window("lena")
    return window


def _documents(team) -> int:
    with team.admin() as conn:
        return conn.execute("SELECT count(*) FROM documents").fetchone()[0]


def _speech(tmp_path):
    path = tmp_path / "新讲话.txt"
    path.write_text("在全市工作会议上的讲话\n一、坚持稳中求进\n要抓好落实。\n二、深化改革\n全年增长百分之五。\n",
                    encoding="utf-8")
    return path


def test_delete_and_import_are_refused_while_the_server_is_away_then_work(team, lead_window, tmp_path, qtbot, hang):
    window = lead_window
    doc = window.session.doc_id
    cluster_pids, send = hang

    # hung (SIGSTOP): the check returns within its bound and nothing is asked of the person
    pids = cluster_pids(team.cluster)
    send(pids, signal.SIGSTOP)
    rescue = threading.Timer(90, lambda: send(pids, signal.SIGCONT))
    rescue.start()
    try:
        assert window.team.trash.delete(doc, "doc 0", confirm=False) is False
    finally:
        rescue.cancel()
        send(pids, signal.SIGCONT)
    assert "not deleted" in window.team_refusal and "not answering" in window.team_refusal
    assert window.session.team.pending() == 0  # nothing queued to happen later
    team.cluster.wait_ready()

    # stopped: an import is refused before any file is read
    team.cluster.stop()
    window.session.project.reachable_again()  # not the hold: a real attempt, refused by a stopped server
    window.team_refusal = ""
    window.import_paths([str(_speech(tmp_path))])
    assert "Nothing was imported" in window.team_refusal
    assert getattr(window.jobs, "import_progress", None) is None  # no import was started
    team.cluster.start()
    team.cluster.wait_ready()
    assert _documents(team) == 1

    # an edit still waiting in the outbox: the deletion would overtake it, so it waits too
    from annotator.storage.team_ops import Op

    writer = window.session.team
    writer.link.outbox.put(writer.link.project, Op("doc.status", "lena", {"document_id": doc, "status": "done"}))
    assert writer.documents_refusal() == "waiting"
    qtbot.waitUntil(lambda: writer.pending() == 0, timeout=30_000)  # the window's worker sends it
    qtbot.waitUntil(lambda: writer.documents_refusal() == "", timeout=30_000)

    # the server answers and nothing waits: both work
    assert window.team.trash.delete(doc, "doc 0", confirm=False) is True
    assert _documents(team) == 0
    window.team_refusal = ""
    window.import_paths([str(_speech(tmp_path))])
    assert not window.team_refusal
    qtbot.waitUntil(lambda: _documents(team) == 1, timeout=60_000)
