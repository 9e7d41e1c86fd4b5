"""A server that accepts connections but never answers must not freeze the window (issue 16 point 4).

Every process of the test cluster is stopped with SIGSTOP (the kernel still accepts TCP and keeps the
open connections, nobody answers): a tag made through the desktop app's writer returns — on the
outbox — instead of waiting forever, and after SIGCONT it reaches the server exactly once. A database
that ``team init`` never set up says so (status text, outbox) instead of keeping edits forever.
"""

from __future__ import annotations

import os
import signal
import time

import pytest

pytest.importorskip("psycopg")

from annotator.domain.model import Span  # noqa: E402
from team_netfault import run_guarded  # noqa: E402

pytestmark = pytest.mark.team
HANG_GUARD_S = 60  # only to fail instead of hanging the suite; the figure is printed, never asserted


def _writer(team, who, tmp_path, **kw):
    from annotator.services.team_edits import DesktopWriter
    from annotator.storage.outbox import Outbox
    from annotator.storage.pg.backend import PgProject

    url = team.cluster.url(who, team.dbname) + f"?passfile={team.passfile}&connect_timeout=3"
    return DesktopWriter.for_project(PgProject(url, create=False), Outbox(tmp_path / f"{who}.outbox"), **kw)


def _in_thread(fn):
    """Run ``fn`` where a hang cannot take the test run with it; returns (result, seconds)."""
    out = run_guarded(fn, HANG_GUARD_S, f"the edit still waits after {HANG_GUARD_S} s: the window would be frozen")
    if "error" in out:
        raise out["error"]
    return out["value"], out["seconds"]


def test_a_tag_on_a_hung_server_returns_lands_in_the_outbox_and_is_sent_once(team, tmp_path, hang):
    _cluster_pids, _signal = hang
    alice = _writer(team, "alice", tmp_path, bound_s=2.0)
    pids = _cluster_pids(team.cluster)
    try:
        first, where = alice.add_span(Span(document_id=team.doc_id, start=0, end=4, label="directive",
                                           annotator="alice"))
        assert where == "server"
        _signal(pids, signal.SIGSTOP)
        try:
            (span, where), seconds = _in_thread(lambda: alice.add_span(Span(
                document_id=team.doc_id, start=5, end=12, label="directive", annotator="alice")))
            assert where == "outbox" and alice.pending() == 1
            # the next edits queue at once behind it (no new attempt on the UI thread)
            note = alice.new_comment(team.doc_id, "服务器没有回应时写的", "alice")
            where2, seconds2 = _in_thread(lambda: alice.add_comment(note))
            assert where2 == "outbox" and alice.pending() == 2
            print(f"hung server: the tag returned after {seconds:.2f} s (bound {alice.bound_s} s), "
                  f"the next edit after {seconds2:.3f} s")
        finally:
            _signal(pids, signal.SIGCONT)
        team.cluster.wait_ready()
        _in_thread(alice.flush)
        assert alice.pending() == 0 and not alice.conflicts()
        with team.admin() as conn:
            assert conn.execute("SELECT count(*) FROM spans WHERE id = %s", [span.id]).fetchone()[0] == 1
            assert conn.execute("SELECT count(*) FROM spans WHERE annotator = 'alice'").fetchone()[0] == 2
            assert conn.execute("SELECT count(*) FROM comments WHERE id = %s", [note.id]).fetchone()[0] == 1
            # the tag's operation is recorded once, whether its first attempt's COMMIT got through or not
            events = conn.execute("SELECT count(*) FROM events WHERE entity = 'span' AND entity_id = %s",
                                  [span.id]).fetchone()[0]
            assert events == 1
        # and the writer is online again for the next edit
        assert alice.add_span(Span(document_id=team.doc_id, start=20, end=24, label="directive",
                                   annotator="alice"))[1] == "server"
    finally:
        _signal(pids, signal.SIGCONT)
        alice.close()
        alice.project.close()


def test_a_database_without_team_init_says_so_and_keeps_nothing_forever(cluster, tmp_path):
    """Opened by URL as its owner: edits go straight to the server; offline they fail with what to do."""
    from annotator.services.team_edits import DesktopWriter
    from annotator.storage.outbox import Outbox
    from annotator.services.annotating import login
    from annotator.storage.pg.backend import ServerUnavailable
    from annotator.storage.project import open_project
    from annotator.storage.pg import schema as pg_schema
    from annotator.storage.team_ops import NO_TEAM, Op
    import psycopg

    name = f"plain_{os.getpid()}_{time.monotonic_ns()}"
    dsn = cluster.create_database(name)
    with psycopg.connect(dsn, autocommit=True) as conn:
        pg_schema.migrate(conn)
        conn.execute("INSERT INTO documents (title, raw_text, clean_text, sha256, char_count, imported_at)"
                     " VALUES ('d', '一、要坚持。', '一、要坚持。', 'x', 6, now()::text)")
    url = f"postgresql:///{name}?host={cluster.root}&port={cluster.port}&user=postgres"
    project = open_project(url)  # what the app does with a URL: the default labels, no team setup
    login(project, "postgres")
    outbox = Outbox(tmp_path / "plain.outbox")
    writer = DesktopWriter.for_project(project, outbox)
    try:
        assert not writer.member.ready and writer.member.lead
        assert "team init" in writer.problem
        doc = project.scalar("SELECT min(id) FROM documents")
        assert writer.add_span(Span(document_id=doc, start=0, end=2, label="directive", annotator="postgres"))[1] == "server"
        assert writer.rename_document(doc, "新标题", "d", "postgres") == "server"
        # an op waiting from before (another app version, the database re-made): refused with the reason
        outbox.put(writer.link.project, Op("doc.status", "postgres", {"document_id": doc, "status": "done"}))
        assert writer.flush() == 1 and writer.pending() == 0
        assert [c["detail"] for c in writer.conflicts()] == [NO_TEAM]
        cluster.stop()
        try:
            with pytest.raises(ServerUnavailable, match="team init"):
                writer.add_span(Span(document_id=doc, start=3, end=5, label="directive", annotator="postgres"))
            assert writer.pending() == 0  # nothing kept that could never be sent exactly once
        finally:
            cluster.start()
            cluster.wait_ready()
    finally:
        writer.close()
        project.close()
