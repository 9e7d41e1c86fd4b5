"""Offscreen GUI timings, each in a fresh subprocess so Qt state (and jieba's thread) is clean.

The parent (``gui_timings``) builds a project with a small document and a 100 000-character document
carrying 2 000 of the annotator's spans, writes a settings file naming that annotator, then runs this
module as ``python -m annotator.gui.bench CHILD_ARGS`` for first paint and keystrokes, and a bare
``python -c`` for cold start (the whole process is the measurement there).

The parent imports this module without loading Qt (Qt is imported inside the child function), so
``python -m annotator.bench`` stays Qt-free in its own process.
"""

from __future__ import annotations

import importlib
import json
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ANNOTATOR = "张三"
BIG_CHARS, BIG_SPANS = 100_000, 2_000


def build_project(folder: Path, pool) -> tuple[Path, Path, int, int]:
    """Project + settings file; returns (project, settings, small_id, big_id)."""
    from annotator.bench import corpus  # noqa: PLC0415
    from annotator.storage import events, open_project  # noqa: PLC0415
    from annotator.storage.documents import add_document  # noqa: PLC0415
    from annotator.storage.project import now  # noqa: PLC0415
    from annotator.structure.outline import parse_outline  # noqa: PLC0415

    rng = random.Random(21)
    path = folder / "gui.db"
    project = open_project(path)
    ids = []
    for serial, size in enumerate((corpus.MIN_CHARS, BIG_CHARS)):
        text = corpus.make_document(pool, rng, size, serial)[:size]
        doc_id, _ = add_document(project, clean_text=text, raw_text=text, title=f"bench {size}",
                                 sections=parse_outline(text))
        # Suggestions already ran once (as after any first visit), so opening does not start the
        # suggester thread and the timing is of opening alone.
        with project.write():  # record() joins the caller's transaction; alone it would leave one open
            events.record(project, "suggest.run", annotator=ANNOTATOR, document_id=doc_id)
        ids.append((doc_id, text))
    big_id, big_text = ids[1]
    clauses = sorted({(m.start(), m.end()) for m in corpus._CLAUSE.finditer(big_text)})
    chosen = sorted(rng.sample(clauses, min(BIG_SPANS, len(clauses))))
    stamp = now()
    rows = [(f"bench-{i}", big_id, s, e, "statistic" if i % 3 == 0 else "directive", ANNOTATOR, "accepted",
             "{}", "manual", "{}", stamp, stamp) for i, (s, e) in enumerate(chosen)]
    with project.write():
        project.conn.execute("INSERT OR IGNORE INTO annotators (name, created) VALUES (?, ?)", [ANNOTATOR, stamp])
        project.conn.executemany(
            'INSERT INTO spans (id, document_id, start, "end", label, annotator, status, attributes, source,'
            " provenance, created, updated) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    project.close()
    settings = folder / "settings.ini"
    settings.write_text(f"[layout]\nversion=1\n\n[user]\nannotator={ANNOTATOR}\nlanguage=en\n", encoding="utf-8")
    return path, settings, ids[0][0], big_id


def _env() -> dict:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


# -- child: first paint and keystrokes ---------------------------------------------------------------
def _child(project_path: str, settings: str, small_id: int, big_id: int, keys: int, runs: int) -> dict:
    import PySide6 as pyside  # noqa: PLC0415 - only the child process loads Qt
    from PySide6 import QtCore as qtcore  # noqa: PLC0415
    from PySide6 import QtWidgets as widgets  # noqa: PLC0415
    from annotator.app import create_window  # noqa: PLC0415
    from annotator.storage import spans as span_store  # noqa: PLC0415

    app = widgets.QApplication(sys.argv[:1])
    window, project = create_window(project_path, settings_file=settings, first_run=False)
    window.show()
    while not (window.windowHandle() and window.windowHandle().isExposed() and window.session.doc_id):
        app.processEvents()
    session, view = window.session, window.view

    def open_big() -> tuple[float, float]:
        session.open_document(small_id)
        app.processEvents()
        started = time.perf_counter()
        session.open_document(big_id)
        view.viewport().repaint()  # synchronous: returns once the visible text is painted
        painted = time.perf_counter()
        app.processEvents()  # whatever the open queued (outline tree layout, span table)
        return (painted - started) * 1000, (time.perf_counter() - started) * 1000

    opens = [open_big() for _ in range(runs)]
    assert len(session.text) == BIG_CHARS and len(session.spans) == BIG_SPANS, "wrong document opened"

    # The storage call's return is the moment the span is durable; wrap it to take that time.
    returned: list[float] = []
    original = span_store.add_span

    def timed_add_span(*args, **kwargs):
        result = original(*args, **kwargs)
        returned.append(time.perf_counter())
        return result

    span_store.add_span = timed_add_span
    commit, whole, paint = [], [], []
    step = (len(session.text) - 100) // keys
    for k in range(keys):
        start = 50 + k * step + 7  # ranges no stored span starts at (those are clause-aligned)
        view.select_range(start, start + 9, scroll=False)
        before = len(returned)
        t0 = time.perf_counter()
        window.controller.tag("directive")
        t1 = time.perf_counter()
        view.viewport().repaint()
        t2 = time.perf_counter()
        if len(returned) == before:
            raise RuntimeError(f"keystroke {k} stored nothing (selection {start}..{start + 9})")
        commit.append((returned[-1] - t0) * 1000)
        whole.append((t1 - t0) * 1000)
        paint.append((t2 - t0) * 1000)
    span_store.add_span = original
    stored = len(session.spans)
    window.close()
    project.close()
    return {
        "qt": qtcore.qVersion(), "pyside": pyside.__version__,
        "first_paint_ms": statistics.median(o[0] for o in opens),
        "first_paint_max_ms": max(o[0] for o in opens),
        "open_settled_ms": statistics.median(o[1] for o in opens),
        "keystrokes": keys, "spans_after": stored,
        "commit_median_ms": statistics.median(commit), "commit_p99_ms": _pct(commit, 0.99),
        "keystroke_median_ms": statistics.median(whole), "keystroke_p99_ms": _pct(whole, 0.99),
        "keystroke_painted_median_ms": statistics.median(paint),
    }


# -- cold start ---------------------------------------------------------------------------------------
_COLD = """
import time
_t0 = time.perf_counter()
import sys
from PySide6.QtWidgets import QApplication
from annotator.app import create_window
app = QApplication(sys.argv[:1])
window, project = create_window(sys.argv[1], settings_file=sys.argv[2], first_run=False)
window.show()
while not (window.windowHandle() and window.windowHandle().isExposed()):
    app.processEvents()
print("ready %.3f" % ((time.perf_counter() - _t0) * 1000), flush=True)
app.processEvents()
project.close()
"""


def cold_start(project: Path, settings: Path, runs: int) -> dict:
    walls, inner, totals = [], [], []
    for _ in range(runs):
        started = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", _COLD, str(project), str(settings)], env=_env(),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = proc.stdout.readline()
        ready = time.perf_counter()
        _, err = proc.communicate(timeout=120)
        if not line.startswith("ready"):
            raise RuntimeError(f"cold start failed: {err[-2000:]}")
        walls.append((ready - started) * 1000)
        inner.append(float(line.split()[1]))
        totals.append((time.perf_counter() - started) * 1000)
    return {"wall_ms": statistics.median(walls), "in_process_ms": statistics.median(inner),
            "process_total_ms": statistics.median(totals)}


def gui_timings(folder: Path, pool, *, keys: int, runs: int, cold_runs: int) -> dict:
    from annotator.bench.measure import durable_insert_floor  # noqa: PLC0415

    project, settings, small_id, big_id = build_project(folder, pool)
    args = [str(project), str(settings), str(small_id), str(big_id), str(keys), str(runs)]
    out = subprocess.run([sys.executable, "-m", "annotator.gui.bench", *args], env=_env(), capture_output=True,
                         text=True, timeout=600)
    if out.returncode != 0:
        raise RuntimeError(f"GUI child failed: {out.stderr[-3000:]}")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    floor = durable_insert_floor(folder, max(keys, 50))
    result["floor_insert_median_ms"] = statistics.median(floor) * 1000
    result["floor_insert_p99_ms"] = _pct(floor, 0.99) * 1000
    result["commit_ratio_to_floor"] = result["commit_median_ms"] / result["floor_insert_median_ms"]
    result.update({f"cold_{k}": v for k, v in cold_start(project, settings, cold_runs).items()})
    return result


if __name__ == "__main__":
    path, settings_file, small, big, n_keys, n_runs = sys.argv[1:7]
    profile_to = os.environ.get("ANNOTATOR_BENCH_PROFILE")  # a pyinstrument report of the whole child
    profiler = None
    if profile_to:
        profiler = importlib.import_module("pyinstrument").Profiler(interval=0.0005)
        profiler.start()
    measured = _child(path, settings_file, int(small), int(big), int(n_keys), int(n_runs))
    if profiler is not None:
        profiler.stop()
        Path(profile_to).write_text(profiler.output_text(unicode=True, show_all=False), encoding="utf-8")
    print(json.dumps(measured))
