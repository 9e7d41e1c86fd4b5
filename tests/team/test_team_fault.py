"""Fault: the server is stopped (cleanly, then as by a crash) and restarted while annotators tag through
their outboxes; afterwards every edit each process was told is saved arrived exactly once."""

from __future__ import annotations

import os
import threading
import time

import pytest

pytest.importorskip("psycopg")

from annotator.bench import team_load  # noqa: E402
from annotator.bench.team_cluster import Cluster, server_bin  # noqa: E402

pytestmark = pytest.mark.team
SECONDS = float(os.environ.get("ANNOTATOR_TEAM_FAULT_S", "16"))


@pytest.fixture
def own_cluster():
    """Its own server: stopping the session's would break the tests around it."""
    if server_bin() is None:
        pytest.fail("no PostgreSQL server binaries") if os.environ.get("CI") else pytest.skip("no server")
    c = Cluster()
    yield c
    c.stop(remove=True)


def _outages(cluster: Cluster, first_after: float, log: list) -> None:
    time.sleep(first_after)
    for mode in ("fast", "immediate"):  # a clean shutdown, then one like a power cut (no checkpoint)
        cluster.stop(mode=mode)
        log.append(("down", mode, time.monotonic()))
        time.sleep(2.5)
        cluster.start()
        log.append(("up", mode, time.monotonic()))
        time.sleep(2.0)


def test_server_restarts_while_annotators_tag_every_edit_arrives_once(own_cluster, tmp_path):
    project = team_load.setup_project(own_cluster, tmp_path, "fault", annotators=4, docs=10)
    procs = team_load.start(project, tmp_path, seconds=SECONDS, lead=True)
    log: list = []
    # The processes need a few seconds to start on a busy machine: the first outage comes after that.
    outages = threading.Thread(target=_outages, args=(own_cluster, 4.0, log))
    outages.start()
    results = team_load.finish(procs)
    outages.join()
    assert [e[0] for e in log] == ["down", "up", "down", "up"]
    report = team_load.check(project, results)
    print("fault:", report, log)
    assert report["saved_in_outbox"] > 0, "no edit was made while the server was down: the test saw no outage"
    assert report["lost"] == 0 and report["duplicated"] == 0 and report["version_mismatch"] == 0
    assert report["pending"] == 0 and report["conflicts"] == 0
    assert set(report["outcomes"]) <= {"applied"}, report["outcomes"]
