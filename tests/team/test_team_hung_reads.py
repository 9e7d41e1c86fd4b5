"""Reads from a server that does not answer return, with a message naming the server (issue 16, point 4).

Three ways a server stops answering, none of which closes the connection: a socket that accepts and
never says a byte (SilentServer), a network that drops every packet both ways (DroppingProxy), and the
real test cluster with every process stopped by SIGSTOP (the kernel still accepts and acknowledges).
Every read the window and the CLI make — the document list, a document, its spans, outline and search,
and the CLI's ``list`` and ``search`` — must fail as "not answering" instead of waiting, and work again
once the server is back. A busy server (one that answers the probe) is left to finish its query.

Timing is never asserted: HANG_GUARD_S only turns a hang into a failure instead of a stuck run.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

pytest.importorskip("psycopg")

from team_netfault import DroppingProxy, SilentServer, SlowLoginProxy, run_guarded  # noqa: E402

pytestmark = pytest.mark.team
HANG_GUARD_S = 60
ROOT = Path(__file__).resolve().parents[2]


def _returns(fn):
    """``fn()`` in a thread; (value or None, exception or None). Fails if it is still waiting at the guard."""
    out = run_guarded(fn, HANG_GUARD_S, f"still waiting after {HANG_GUARD_S} s: a read on a silent server hangs")
    return out.get("value"), out.get("error")


def _gui_reads(project, doc_id):
    """The reads the window makes when it shows a document (and the CLI's list/search)."""
    from annotator.storage import documents, search, sections, spans

    return {
        "document list": lambda: documents.list_documents(project, annotator="alice"),
        "document": lambda: documents.get_document(project, doc_id),
        "spans": lambda: spans.list_spans(project, doc_id),
        "outline": lambda: sections.get_sections(project, doc_id),
        "search": lambda: search.search(project, "稳中求进"),
    }


def _url(team, who, port=None):
    if port:  # through the proxy: the pgpass file names the server's own port, so the password goes here
        return f"postgresql://{who}:{team.passwords[who]}@127.0.0.1:{port}/{team.dbname}"
    return f"postgresql://{who}@127.0.0.1:{team.cluster.port}/{team.dbname}?passfile={team.passfile}"


def _open(url, **bounds):
    from annotator.storage.pg.backend import PgProject

    project = PgProject(url, create=False)
    if bounds:
        project.bound_reads(**bounds)
    return project


def test_a_server_that_accepts_and_never_answers_is_named_not_waited_for():
    from annotator.storage.pg.backend import ServerNotAnswering
    from annotator.storage.project import open_project

    silent = SilentServer()
    try:
        url = f"postgresql://alice:s3cret-pw@127.0.0.1:{silent.port}/team?connect_timeout=2"
        _value, error = _returns(lambda: open_project(url))
        assert isinstance(error, ServerNotAnswering), error
        text = str(error)
        assert f"127.0.0.1:{silent.port}" in text and "not answering" in text and "s3cret-pw" not in text
        assert silent.accepted  # it did take the connection: this is the hung case, not a refused one
    finally:
        silent.close()


def test_opening_on_a_silent_server_probes_it_instead_of_waiting_out_the_connect_timeout():
    """No connect_timeout in the URL (the app's own 10 s applies): the open is given up once a probe goes
    unanswered too — the probe's own connection shows that path ran — with the same clear error."""
    from annotator.storage.pg.backend import ServerNotAnswering
    from annotator.storage.project import open_project

    silent = SilentServer()
    try:
        url = f"postgresql://alice:s3cret-pw@127.0.0.1:{silent.port}/team"
        _value, error = _returns(lambda: open_project(url))
        assert isinstance(error, ServerNotAnswering), error
        text = str(error)
        assert f"127.0.0.1:{silent.port}" in text and "not answering" in text and "s3cret-pw" not in text
        assert len(silent.accepted) >= 2, "the connection and the probe"
    finally:
        silent.close()


def test_a_server_slow_to_log_in_is_waited_for_not_called_hung(team):
    """A loaded server answers the probe at once but takes seconds to log a member in: opening waits
    for it (no false alarm) and the project works."""
    from annotator.storage import documents
    from annotator.storage.pg.backend import OPEN_ANSWER_S, PgProject

    proxy = SlowLoginProxy(team.cluster.port, delay_s=OPEN_ANSWER_S * 2.5)
    try:
        project, error = _returns(lambda: PgProject(_url(team, "alice", proxy.port), create=False))
        assert error is None, error
        try:
            assert proxy.delayed >= 1  # the login really was slow
            assert team.doc_id in documents.document_ids(project)
        finally:
            project.close()
    finally:
        proxy.close()


def test_the_cli_names_a_silent_server_and_exits(tmp_path):
    silent = SilentServer()
    try:
        url = f"postgresql://alice:s3cret-pw@127.0.0.1:{silent.port}/team?connect_timeout=2"
        for verb in (["list", url], ["search", url, "稳中求进"]):
            done = subprocess.run([sys.executable, "-m", "annotator", *verb], capture_output=True, text=True,
                                  timeout=HANG_GUARD_S, cwd=tmp_path,
                                  env={**os.environ, "PYTHONPATH": str(ROOT), "ANNOTATOR_HOME": str(tmp_path)})
            out = done.stdout + done.stderr
            assert done.returncode != 0, out
            assert f"127.0.0.1:{silent.port}" in out and "not answering" in out, out
            assert "s3cret-pw" not in out and "Traceback" not in out, out
    finally:
        silent.close()


def test_every_read_on_a_network_that_drops_packets_returns_then_works_again(team):
    from annotator.storage.pg.backend import ServerNotAnswering

    proxy = DroppingProxy(team.cluster.port)
    project = _open(_url(team, "alice", proxy.port), answer_s=1.0, probe_s=1.0, limit_s=30.0)
    try:
        reads = _gui_reads(project, team.doc_id)
        for name, read in reads.items():
            _value, error = _returns(read)
            assert error is None, f"{name}: {error}"
        proxy.drop()
        for name, read in reads.items():
            _value, error = _returns(read)
            assert isinstance(error, ServerNotAnswering), f"{name}: {error!r}"
            assert f"127.0.0.1:{proxy.port}" in str(error) and team.passwords["alice"] not in str(error), str(error)
        assert project.not_answering_since  # what the status bar shows
        proxy.restore()
        project.reachable_again()  # the window's worker says so when its own connection works again
        for name, read in reads.items():
            _value, error = _returns(read)
            assert error is None, f"{name} after the network came back: {error}"
        assert not project.not_answering_since
    finally:
        proxy.restore()
        project.close()
        proxy.close()


def test_every_read_on_a_stopped_cluster_returns_and_the_cli_says_so(team, hang, tmp_path):
    from annotator.storage.pg.backend import ServerNotAnswering

    cluster_pids, send = hang
    project = _open(_url(team, "alice"), answer_s=1.0, probe_s=1.0, limit_s=30.0)
    pids = cluster_pids(team.cluster)
    rescue = threading.Timer(4 * HANG_GUARD_S, lambda: send(pids, signal.SIGCONT))  # never leave it stopped
    rescue.start()
    try:
        reads = _gui_reads(project, team.doc_id)
        assert _returns(reads["document"])[1] is None
        send(pids, signal.SIGSTOP)
        for name, read in reads.items():
            _value, error = _returns(read)
            assert isinstance(error, ServerNotAnswering), f"{name}: {error!r}"
        # the CLI opens its own connection: the stopped postmaster never answers the login
        done = subprocess.run([sys.executable, "-m", "annotator", "list", _url(team, "alice") + "&connect_timeout=2"],
                              capture_output=True, text=True, timeout=HANG_GUARD_S, cwd=tmp_path,
                              env={**os.environ, "PYTHONPATH": str(ROOT), "ANNOTATOR_HOME": str(tmp_path)})
        out = done.stdout + done.stderr
        assert done.returncode != 0 and "not answering" in out and f"127.0.0.1:{team.cluster.port}" in out, out
        assert "Traceback" not in out, out
    finally:
        send(pids, signal.SIGCONT)
        rescue.cancel()
    team.cluster.wait_ready()
    project.reachable_again()
    try:
        for name, read in _gui_reads(project, team.doc_id).items():
            _value, error = _returns(read)
            assert error is None, f"{name} after SIGCONT: {error}"
    finally:
        project.close()


def test_a_busy_server_is_waited_for_and_a_runaway_call_is_stopped_at_its_limit(team):
    """The probe tells busy from gone: a query longer than answer_s finishes; one past limit_s is stopped by
    the server's statement_timeout (the same limit) and reported as too slow, not as a lost server."""
    from annotator.storage.pg.backend import ServerNotAnswering, ServerTooSlow

    project = _open(_url(team, "alice"), answer_s=0.5, probe_s=1.0, limit_s=4.0)
    try:
        value, error = _returns(lambda: project.scalar("SELECT 7 FROM pg_sleep(1.5)"))
        assert error is None and value == 7, error
        _value, error = _returns(lambda: project.scalar("SELECT 1 FROM pg_sleep(20)"))
        assert isinstance(error, ServerTooSlow) and not isinstance(error, ServerNotAnswering), repr(error)
        assert "longer than 4 s" in str(error)
        assert _returns(lambda: project.scalar("SELECT 1"))[0] == 1  # the connection is still good
    finally:
        project.close()


def test_the_cli_names_a_server_that_stops_answering_in_the_middle_of_a_verb(team, hang, monkeypatch):
    """The server is stopped (SIGSTOP) after the CLI opened the project, just before its read: the verb
    exits with the message naming the server, no traceback."""
    from click.testing import CliRunner

    from annotator.cli import cli
    from annotator.storage import documents
    from annotator.storage.pg import backend

    cluster_pids, send = hang
    pids = cluster_pids(team.cluster)
    real = documents.list_documents
    monkeypatch.setattr(backend, "ANSWER_S", 1.0)  # the CLI's own bounds, shortened for the test
    monkeypatch.setattr(backend, "PROBE_S", 1.0)

    def stop_then_read(*args, **kwargs):
        pids[:] = cluster_pids(team.cluster)  # with the backend serving the CLI, forked after the first list
        send(pids, signal.SIGSTOP)
        return real(*args, **kwargs)
    monkeypatch.setattr(documents, "list_documents", stop_then_read)
    rescue = threading.Timer(2 * HANG_GUARD_S, lambda: send(pids, signal.SIGCONT))
    rescue.start()
    try:
        result, error = _returns(lambda: CliRunner().invoke(cli, ["list", _url(team, "alice")]))
    finally:
        send(pids, signal.SIGCONT)
        rescue.cancel()
    team.cluster.wait_ready()
    assert error is None, error
    assert result.exit_code == 2, result.output
    assert "not answering" in result.output and f"127.0.0.1:{team.cluster.port}" in result.output, result.output
    assert "Traceback" not in result.output and isinstance(result.exception, SystemExit)


def test_connections_carry_keepalives_a_user_timeout_and_the_servers_own_limit(team):
    """The kernel notices a dead network too (keepalives on an idle connection, tcp_user_timeout on unsent
    data), and the server ends a runaway call itself (statement_timeout = the call's limit); a URL's own
    settings win over ours."""
    from annotator.storage.pg import backend, deadline

    project = _open(_url(team, "alice") + "&keepalives_idle=30")
    try:
        from psycopg.conninfo import conninfo_to_dict

        dsn = conninfo_to_dict(project.conn.info.dsn)
        assert dsn["keepalives"] == "1" and dsn["tcp_user_timeout"] == deadline.NETWORK_OPTIONS["tcp_user_timeout"]
        assert dsn["keepalives_idle"] == "30"  # the URL's
        assert project.scalar("SHOW statement_timeout") == f"{int(backend.LIMIT_S // 60)}min"
        project.bound_reads(answer_s=1.5, probe_s=1.5, limit_s=15)
        assert project.scalar("SHOW statement_timeout") == "15s"
    finally:
        project.close()
