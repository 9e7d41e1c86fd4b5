"""The outbox's sender and the live feed connect like the window opens: a server that takes the
connection and then says nothing is given up after a probe, not after libpq's connect timeout, and the
failure reads "not answering" (issue 16 point 4: what the status bar says about a hung server).

SilentServer accepts every connection and never answers, as a SIGSTOPped cluster does. Timing is never
asserted: HANG_GUARD_S only turns a hang into a failure; the seconds are printed.
"""

from __future__ import annotations

import time

import pytest

pytest.importorskip("psycopg")

from team_netfault import SilentServer, run_guarded  # noqa: E402

pytestmark = pytest.mark.team
HANG_GUARD_S = 60


def _returns(fn):
    out = run_guarded(fn, HANG_GUARD_S, f"still connecting after {HANG_GUARD_S} s: the status bar would never say so")
    return out.get("value"), out.get("error"), out["seconds"]


@pytest.fixture
def silent():
    server = SilentServer()
    yield server
    server.close()


def _silent_url(server) -> str:
    # No connect_timeout in the URL: the connector's own (5 s, per address) would apply without the probe.
    return f"postgresql://alice:s3cret-pw@127.0.0.1:{server.port}/team"


def test_a_silent_server_is_named_not_answering_after_a_probe(silent):
    import psycopg

    from annotator.storage.pg.deadline import ProbedConnector

    connect = ProbedConnector(_silent_url(silent), answer_s=0.5, probe_s=0.5)
    _value, error, seconds = _returns(connect)
    assert isinstance(error, psycopg.OperationalError), error
    assert "not answering" in str(error) and "s3cret-pw" not in str(error)
    assert len(silent.accepted) >= 2, "the connection and the probe: the probe path ran"
    print(f"background connect to a silent server gave up after {seconds:.2f} s")

    # Right after, the next attempt (the feed's, after the sender's) fails at once without a new connection.
    before = len(silent.accepted)
    _value, error, _seconds = _returns(connect)
    assert isinstance(error, psycopg.OperationalError) and "not answering" in str(error)
    time.sleep(0.3)  # a connection the attempt made would have been accepted by now
    assert len(silent.accepted) == before


def test_the_sender_queues_and_the_feed_fails_with_not_answering(silent, tmp_path):
    from annotator.services.live import LiveFeed
    from annotator.storage.outbox import Outbox, TeamLink
    from annotator.storage.pg.deadline import ProbedConnector
    from annotator.storage.team_ops import Op

    connect = ProbedConnector(_silent_url(silent), answer_s=0.5, probe_s=0.5, hold_s=0.0)
    link = TeamLink(_silent_url(silent), connect, Outbox(tmp_path / "outbox.sqlite3"))
    op = Op("span.add", "alice", {"document_id": 1, "start": 0, "end": 2, "label": "directive"})
    saved, error, _seconds = _returns(lambda: link.submit(op))
    assert error is None and saved.where == "outbox" and link.pending_count() == 1
    assert "not answering" in link.status()["last_error"] and "s3cret-pw" not in link.status()["last_error"]

    _feed, error, _seconds = _returns(lambda: LiveFeed(connect))
    assert error is not None and "not answering" in str(error)
    link.close()


def test_the_connector_connects_to_a_server_that_answers(team):
    from annotator.services.live import LiveFeed
    from annotator.storage.pg.deadline import ProbedConnector

    url = team.cluster.url("alice", team.dbname) + f"?passfile={team.passfile}"
    connect = ProbedConnector(url, answer_s=0.5, probe_s=0.5)
    with connect() as conn:
        assert conn.execute("SELECT current_user").fetchone()[0] == "alice"
    feed = LiveFeed(connect)
    try:
        assert feed.poll() == []
    finally:
        feed.close()
