"""A network that stops carrying packets under an open connection (issue 16 point 4): nothing is refused,
nothing is closed, the server is up — the packets are lost both ways (DroppingProxy).

The kernel's own checks (keepalives, tcp_user_timeout: pg/deadline.NETWORK_OPTIONS) would end such a
connection only after ~15–25 s, and never for a server that is stopped rather than cut off (its kernel
still acknowledges: test_team_hung_server.py), and a server cannot enforce statement_timeout on a query
it never received. So the client's watchdog decides (pg/deadline.py): a tag made meanwhile goes to the
outbox within the writer's bound, a read fails naming the server, and once the network carries packets
again the tag reaches the server exactly once. Timing is never asserted: the guard only turns a hang
into a failure.
"""

from __future__ import annotations

import time

import pytest

pytest.importorskip("psycopg")

from annotator.domain.model import Span  # noqa: E402
from team_netfault import DroppingProxy, run_guarded  # noqa: E402

pytestmark = pytest.mark.team
HANG_GUARD_S = 60


def _guarded(fn):
    out = run_guarded(fn, HANG_GUARD_S, f"still waiting after {HANG_GUARD_S} s: the window would be frozen")
    return out.get("value"), out.get("error")


def test_a_tag_on_a_cut_network_waits_in_the_outbox_and_arrives_once(team, tmp_path):
    from annotator.services.team_edits import DesktopWriter
    from annotator.storage import documents
    from annotator.storage.outbox import Outbox
    from annotator.storage.pg.backend import PgProject, ServerNotAnswering

    proxy = DroppingProxy(team.cluster.port)
    # through the proxy: the pgpass file names the server's own port, so the password goes in the URL
    url = f"postgresql://alice:{team.passwords['alice']}@127.0.0.1:{proxy.port}/{team.dbname}?connect_timeout=3"
    writer = DesktopWriter.for_project(PgProject(url, create=False), Outbox(tmp_path / "alice.outbox"), bound_s=2.0)
    try:
        assert writer.add_span(Span(document_id=team.doc_id, start=0, end=4, label="directive",
                                    annotator="alice"))[1] == "server"
        proxy.drop()
        (span, where), error = _guarded(lambda: writer.add_span(Span(
            document_id=team.doc_id, start=5, end=12, label="directive", annotator="alice")))
        assert error is None, repr(error)
        assert where == "outbox" and writer.pending() == 1  # durable on this machine, not reported as saved
        _value, error = _guarded(lambda: documents.get_document(writer.project, team.doc_id))
        assert isinstance(error, ServerNotAnswering), repr(error)
        message = str(error)
        assert ("not answering" in message or "did not answer" in message) and f"127.0.0.1:{proxy.port}" in message, message
        assert team.passwords["alice"] not in message, message
        proxy.restore()
        deadline = time.monotonic() + HANG_GUARD_S  # the sender's backoff and hold may skip a round or two
        while writer.pending() and time.monotonic() < deadline:
            _guarded(writer.flush)
            time.sleep(0.2)
        assert writer.pending() == 0 and not writer.conflicts()
        with team.admin() as conn:
            assert conn.execute("SELECT count(*) FROM spans WHERE annotator = 'alice'").fetchone()[0] == 2
            assert conn.execute("SELECT count(*) FROM spans WHERE id = %s", [span.id]).fetchone()[0] == 1
            assert conn.execute("SELECT count(*) FROM events WHERE entity = 'span' AND entity_id = %s",
                                [span.id]).fetchone()[0] == 1
        writer.project.reachable_again()  # the window's worker says so once its own connection works
        _value, error = _guarded(lambda: documents.get_document(writer.project, team.doc_id))
        assert error is None, repr(error)
    finally:
        proxy.restore()
        writer.close()
        writer.project.close()
        proxy.close()


def test_team_init_names_a_server_that_stops_answering_midway(team, hang, monkeypatch):
    """``team init`` on an existing project (roles, policies, the search layout): the server is stopped
    (SIGSTOP) after the command connected, just before that work. The command fails naming the server
    instead of waiting forever (its calls are watched too, with room for a long index build)."""
    import signal
    import threading

    from annotator.storage.pg import backend, security
    from annotator.storage.pg.backend import ServerNotAnswering

    cluster_pids, send = hang
    monkeypatch.setattr(backend, "ANSWER_S", 1.0)  # the command's bounds, shortened for the test
    monkeypatch.setattr(backend, "PROBE_S", 1.0)
    real, pids = security.apply, []

    def stop_then_apply(conn):
        pids[:] = cluster_pids(team.cluster)  # with the backend serving this command
        send(pids, signal.SIGSTOP)
        return real(conn)
    monkeypatch.setattr(security, "apply", stop_then_apply)
    url = f"postgresql://postgres@/{team.dbname}?host={team.cluster.root}&port={team.cluster.port}"
    rescue = threading.Timer(2 * HANG_GUARD_S, lambda: send(pids, signal.SIGCONT))
    rescue.start()
    try:
        _value, error = _guarded(lambda: backend.init_team_project(url))
    finally:
        send(pids, signal.SIGCONT)
        rescue.cancel()
    team.cluster.wait_ready()
    assert isinstance(error, ServerNotAnswering), repr(error)
    assert "not answering" in str(error) and str(team.cluster.port) in str(error), str(error)
    monkeypatch.setattr(security, "apply", real)
    backend.init_team_project(url).close()  # and it works once the server answers again
