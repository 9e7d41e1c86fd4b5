"""The benchmark harness runs end to end (``--quick``) and its report is complete.

No timing assertions: this machine is shared and a smoke test must not flake on load. What is checked
is that every measurement ran in its own process and produced a number, that every row of the table
carries its floor or peer and the ratio (or says why a peer was not run), that the machine and date are
recorded, and that ``--json`` gives machines the report on stdout.
"""

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest

FIGURES = {"ingest_small", "ingest_medium", "ingest_large", "ingest_stages", "outline", "suggest", "export",
           "agreement", "agreement_peers", "memory", "cli", "labelstudio", "gui", "gui_floor", "scale_build",
           "scale_open", "scale_list", "scale_list_lazy", "scale_search_3+", "scale_search_2", "scale_search_1",
           "scale_export", "scale_agreement", "outline_linear", "integrity_linear", "scale_small_build",
           "scale_small_open", "scale_small_list_lazy", "scale_small_export", "scale_small_agreement",
           "outline_real"}
# Each figure ran in a child process of its own and reports that process's peak memory.
OWN_PROCESS = FIGURES - {"agreement_peers", "labelstudio"}


@pytest.fixture(scope="module")
def run(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench") / "quick.json"
    # A subprocess, as a user runs it: the GUI part starts its own offscreen Qt processes.
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "annotator.bench", "--quick", "--scale", "50", "--json",
                           "--out", str(out)], capture_output=True, text=True, timeout=900, env=env,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout), json.loads(out.read_text(encoding="utf-8"))


def _numbers(value, where: str):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _numbers(item, f"{where}.{key}")
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        yield where, value


def test_json_on_stdout_is_the_written_report(run):
    printed, written = run
    assert printed == written
    assert written["quick"] is True
    assert written["config"]["scale"] == 50


def test_every_figure_ran_and_is_a_finite_number(run):
    results = run[1]["results"]
    assert FIGURES <= set(results)
    for name in FIGURES:
        assert "error" not in results[name], f"bench figure {name} failed: {results[name].get('error')}"
    for name in OWN_PROCESS:
        assert results[name]["peak_rss_mb"] > 0, name
    for where, value in _numbers(results, "results"):
        assert math.isfinite(value) and value >= 0, f"{where}={value!r}"
    assert results["scale_build"]["docs"] == 50
    # The open row's second figure is a real re-open of an unchanged project: the verdict of the first
    # open's full scan was remembered (storage/trust_verdicts.py), else it would measure the scan again.
    assert results["scale_open"]["verdict_remembered"] is True


def test_every_row_has_its_floor_or_peer_and_ratio(run):
    report = run[1]
    for key in ("cores", "cpu", "python", "qt", "sqlite", "date"):
        assert report["machine"][key], key
    table = report["table"]
    assert len(table) > 20
    for row in table:
        assert row["what"]
        if row["ratio"] is None:
            # Only a peer that was not run, or the agreement hook, may lack a ratio, and they say why.
            assert "peer" in row["what"] + row["vs"], row
        else:
            assert math.isfinite(row["ratio"]) and row["ratio"] > 0, row
            if row["ours"] is not None:
                assert row["vs"] and row["floor"] is not None, row


def test_gui_keystrokes_stored_spans(run):
    # The GUI harness (annotator/gui/bench.py) sends tag, accept, reject and next keys at two window
    # sizes; the tags and accepts store spans, so the document ends with more than its 2 000.
    gui = run[1]["results"]["gui"]
    assert 2000 < gui["spans_after"] <= 2000 + 8 * gui["keystrokes"]


def test_scale_search_finds_at_least_what_the_floor_finds(run):
    # Same LIMIT: search matches text or title, the floor text only; a search that returned less would
    # be measuring a cheaper, wrong answer.
    results = run[1]["results"]
    for name in ("scale_search_3+", "scale_search_2", "scale_search_1"):
        assert results[name]["hits"] >= results[name]["floor_hits"], name
    assert results["scale_search_3+"]["floor_hits"] > 0


def test_scale_memory_is_compared_across_two_sizes_and_the_room_is_split(run):
    results, table = run[1]["results"], run[1]["table"]
    assert results["scale_small_build"]["docs"] < results["scale_build"]["docs"]
    growth = [row for row in table if "peak RSS at" in row["what"]]
    assert {row["what"].split(":")[0].strip() for row in growth} == {"open", "lazy list", "export", "agreement"}
    # The raw text is stored (compressed) and counted apart from the clean text.
    assert results["scale_build"]["room_raw"] > 0 and results["scale_build"]["room_text"] > 0
    assert any("raw text (zlib)" in row["what"] for row in table)


def test_the_lazy_list_reads_one_screen_not_every_row(tmp_path):
    from annotator.bench.measure import build_big_project
    from annotator.bench import corpus
    from annotator.storage import open_project
    from annotator.storage.documents import document_ids, list_documents

    path = tmp_path / "p.annotator.db"
    build_big_project(path, 130, corpus.load_pool(), index=False)
    with open_project(path, readonly=True) as project:
        every = list_documents(project, annotator="张三")
        assert len(document_ids(project)) == len(every) == 130
        page = list_documents(project, annotator="张三", limit=60, offset=100)
        assert page == every[100:160]
