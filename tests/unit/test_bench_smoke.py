"""The benchmark harness runs end to end (``--quick``) and its JSON is complete.

No timing assertions: this machine is shared and a smoke test must not flake on load. What is checked
is that every measurement ran and produced a number, so a broken harness is caught before a real run.
"""

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

EXPECTED = {
    "ingest_small": {"docs", "chars", "runs", "seconds", "chars_per_s", "floor_chars_per_s", "ratio_to_floor",
                     "project_mb_per_1000_docs"},
    "ingest_stages": {f"{stage}_{what}" for stage in ("read", "clean", "outline", "store")
                      for what in ("chars_per_s", "share")},
    "outline": {"chars", "chars_per_s"},
    "suggest": {"ms_per_30k", "first_call_ms", "suggestions_per_doc", "docs"},
    "export": {"spans", "seconds", "ratio_to_json_dumps"},
    "agreement": {"docs", "spans", "seconds"},
    "memory": {"docs", "peak_rss_mb", "rss_after_imports_mb", "rss_after_open_mb", "ru_maxrss_mb", "open_ms", "list_ms", "file_mb_per_1000_docs",
               "build_s"},
    "gui": {"first_paint_ms", "first_paint_max_ms", "open_settled_ms", "keystrokes", "spans_after",
            "commit_median_ms", "commit_p99_ms", "keystroke_median_ms", "keystroke_p99_ms",
            "keystroke_painted_median_ms", "floor_insert_median_ms", "floor_insert_p99_ms", "commit_ratio_to_floor",
            "cold_wall_ms", "cold_in_process_ms", "cold_process_total_ms"},
}
EXPECTED["ingest_medium"] = EXPECTED["ingest_large"] = EXPECTED["ingest_small"]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench") / "quick.json"
    # A subprocess, as a user runs it: the GUI part starts its own offscreen Qt processes.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "annotator.bench", "--quick", "--json", str(out)],
                          capture_output=True, text=True, timeout=300, env=env,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr[-3000:]
    assert "measurement" in done.stdout  # the table was printed
    return json.loads(out.read_text(encoding="utf-8"))


def test_every_measurement_is_a_number(report):
    results = report["results"]
    assert set(results) == set(EXPECTED)
    for section, keys in EXPECTED.items():
        assert set(results[section]) == keys, section
        for key, value in results[section].items():
            assert isinstance(value, (int, float)) and not isinstance(value, bool), f"{section}.{key}={value!r}"
            assert math.isfinite(value) and value >= 0, f"{section}.{key}={value!r}"


def test_machine_and_table(report):
    machine = report["machine"]
    for key in ("cores", "cpu", "python", "qt", "sqlite", "date"):
        assert machine[key], key
    assert report["quick"] is True
    assert all(isinstance(row["value"], (int, float)) for row in report["table"])
    # Every keystroke stored exactly one span on top of the document's 2 000.
    gui = report["results"]["gui"]
    assert gui["spans_after"] == 2000 + gui["keystrokes"]
