"""Load: 20 annotator processes tag one team project at once while a lead adjudicates; afterwards every
write each process was told is saved is on the server exactly once (asserted). Timings are printed
for the log only: the figures that matter are in the benchmark (annotator/bench/team.py)."""

from __future__ import annotations

import os

import pytest

pytest.importorskip("psycopg")

from annotator.bench import team_load  # noqa: E402

pytestmark = pytest.mark.team
SECONDS = float(os.environ.get("ANNOTATOR_TEAM_LOAD_S", "12"))


def test_twenty_annotators_and_a_lead_lose_and_double_nothing(cluster, tmp_path):
    project = team_load.setup_project(cluster, tmp_path, "load", annotators=20, docs=30)
    results = team_load.finish(team_load.start(project, tmp_path, seconds=SECONDS, lead=True))
    report = team_load.check(project, results)
    print("load:", report)
    assert len(results) == 21
    assert all(len(r["ops"]) > 0 for name, r in results.items() if name != "lead"), "an annotator never wrote"
    assert report["lost"] == 0 and report["duplicated"] == 0 and report["version_mismatch"] == 0
    assert report["pending"] == 0 and report["conflicts"] == 0
    assert set(report["outcomes"]) <= {"applied"}, report["outcomes"]
