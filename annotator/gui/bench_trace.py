"""Where a keystroke's wall time goes beyond its CPU time, phase by phase, idle and beside busy loops (issue 13).

``python -m annotator.gui.bench_trace [--keys N] [--rounds N] [--hogs N]`` builds the GUI benchmark project
(gui/bench.py: 100 000 characters, 2 000 spans, 400 open suggestions), then runs ``--rounds`` pairs of
children, interleaved: one on the machine as it is, one beside ``--hogs`` busy loops (``python -c 'while 1:
pass'``, default one per core), each loop killed after its child. Each child opens the big document at
1366×768 and presses the keys of gui/bench.py (1 on a selection, Tab, Enter, X), and for every key records:

- phases, each as wall time and as the GUI thread's own CPU time (``time.thread_time``):
  ``store`` (the storage calls: the write and its commit), ``read`` (the lookups a key makes: a duplicate,
  the suggestions a change answers), ``views`` (session.apply: the lists, and what its signal runs — the
  panels asked to redraw later; it includes the suggestion lookup of ``read``), ``handler`` (key in →
  handler returned: all of the above and the dispatch), ``text`` (the touched blocks re-highlighted, ``flush_now``), ``paint`` (the dirty regions
  drawn), and ``frame`` (all of it: key in → drawn);
- ``others_cpu``: CPU time of the process's other threads during the key (our threads competing for the
  interpreter lock or a core: the syncer, the position writer);
- ``preempted``: involuntary context switches of the GUI thread during the key (the scheduler took its core).

And a floor in the same child: a bare QPlainTextEdit of the same text and size, typing one character
(layout of its block and repaint) — a bare Qt app's key → paint under the same load.

A phase whose wall grows far more than its CPU under load waits for something (a lock, the disk, another
thread); a phase whose wall grows like the floor's waits for a core (the scheduler). Printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

PHASES = ("store", "read", "views", "text", "paint", "frame")


def _pct(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else 0.0


class Probe:
    """Wall and GUI-thread CPU of the calls made during one key, summed per phase."""

    def __init__(self):
        self.row: dict[str, float] = {}
        self.depth: dict[str, int] = {}

    def wrap(self, phase: str, fn):
        def probed(*args, **kwargs):
            if self.depth.get(phase):
                return fn(*args, **kwargs)  # nested (a store call inside a store call): counted once
            self.depth[phase] = 1
            t, c, (waits, taken) = time.perf_counter(), time.thread_time(), _switches()
            try:
                return fn(*args, **kwargs)
            finally:
                self.depth[phase] = 0
                after = _switches()
                for key, value in ((phase, (time.perf_counter() - t) * 1000), (f"{phase}_cpu", (time.thread_time() - c) * 1000),
                                   (f"{phase}_waits", after[0] - waits), (f"{phase}_preempted", after[1] - taken)):
                    self.row[key] = self.row.get(key, 0.0) + value
        return probed


def _burner():
    from PySide6.QtCore import QEvent, QObject  # noqa: PLC0415

    class Burn(QObject):
        """Spins for ``seconds`` of this thread's CPU on every key press of the widget it filters."""

        def __init__(self, seconds: float):
            super().__init__()
            self.seconds = seconds

        def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
            if event.type() == QEvent.Type.KeyPress:
                until = time.thread_time() + self.seconds
                while time.thread_time() < until:
                    pass
            return False
    return Burn


def _switches() -> tuple[int, int]:
    """The GUI thread's voluntary (it blocked: a lock, the interpreter lock, the disk) and involuntary (the
    scheduler took its core) context switches so far."""
    usage = resource.getrusage(getattr(resource, "RUSAGE_THREAD", resource.RUSAGE_SELF))
    return usage.ru_nvcsw, usage.ru_nivcsw


def _child(project: str, settings: str, small: int, big: int, keys: int, pace_ms: int = 0, pool: bool = False) -> dict:
    if pool:  # "before": Qt's paint thread pool left on (gui/compose.NO_PAINT_POOL not applied)
        from annotator.gui import compose  # noqa: PLC0415

        compose.NO_PAINT_POOL = ("ANNOTATOR_TRACE_POOL_LEFT_ON", "1")
    from PySide6.QtCore import QRect, Qt  # noqa: PLC0415
    from PySide6.QtTest import QTest  # noqa: PLC0415
    from PySide6.QtWidgets import QApplication, QPlainTextEdit  # noqa: PLC0415

    from annotator.gui.compose import create_window  # noqa: PLC0415
    from annotator.storage import gui_queries  # noqa: PLC0415
    from annotator.storage import spans as span_store  # noqa: PLC0415

    app = QApplication(sys.argv[:1])
    Burn = _burner()  # noqa: N806 - a class made once Qt is loaded
    window, handle = create_window(project, settings_file=settings, first_run=False)
    window.resize(1366, 768)
    window.show()
    while not (window.windowHandle() and window.windowHandle().isExposed() and window.session.doc_id):
        app.processEvents()
    session, view = window.session, window.view
    session.open_document(big)
    app.processEvents()
    window.activateWindow()
    while QApplication.activeWindow() is not window:
        app.processEvents()
    probe = Probe()
    for name in ("add_span", "remove_span", "update_span", "accept_suggestion", "reject_suggestion"):
        if hasattr(span_store, name):
            setattr(span_store, name, probe.wrap("store", getattr(span_store, name)))
    span_store.find_identical = probe.wrap("read", span_store.find_identical)
    gui_queries.open_suggestions_at = probe.wrap("read", gui_queries.open_suggestions_at)
    session.apply = probe.wrap("views", session.apply)
    deferred = window.deferred
    flush_now = probe.wrap("text", deferred.flush_now)
    rows: dict[str, list[dict]] = {"tag": [], "next": [], "accept": [], "reject": [], "bare": [], "bare_same_cpu": []}

    def press(kind: str, key, target=None, flush=True) -> None:
        target = target or view
        probe.row = {}
        switched, others = _switches(), time.process_time() - time.thread_time()
        t0, c0 = time.perf_counter(), time.thread_time()
        QTest.keyClick(target, key)
        t1, c1 = time.perf_counter(), time.thread_time()
        handled = _switches()
        if flush:
            flush_now()
        t2, c2 = time.perf_counter(), time.thread_time()
        flushed = _switches()
        target.viewport().repaint(QRect(0, 0, 1, 1))  # every dirty region of the window, synchronously
        t3, c3 = time.perf_counter(), time.thread_time()
        row = dict(probe.row)
        after = _switches()
        row.update(handler=(t1 - t0) * 1000, handler_cpu=(c1 - c0) * 1000, paint=(t3 - t2) * 1000,
                   paint_cpu=(c3 - c2) * 1000, frame=(t3 - t0) * 1000, frame_cpu=(c3 - c0) * 1000,
                   others_cpu=(time.process_time() - time.thread_time() - others) * 1000,
                   waits=after[0] - switched[0], preempted=after[1] - switched[1],
                   handler_waits=handled[0] - switched[0], paint_waits=after[0] - flushed[0],
                   paint_preempted=after[1] - flushed[1])
        rows[kind].append(row)
        if flush:
            deferred.flush()  # the panels, outside the key's frame (as when the keys pause)
            view.viewport().repaint(QRect(0, 0, 1, 1))
        app.processEvents()
        if pace_ms:  # a person's pace: the process sleeps between keys, as a GUI waiting for input does
            time.sleep(pace_ms / 1000)

    view.setFocus()
    step = (len(session.text) - 100) // keys
    for k in range(keys):
        start = 50 + k * step + 7
        view.select_range(start, start + 9, scroll=False)
        deferred.flush()
        view.viewport().repaint(QRect(0, 0, 1, 1))
        app.processEvents()
        press("tag", Qt.Key.Key_1)
    view.select_range(0, 0)
    for k in range(min(keys, len(session.suggestions) // 3)):
        press("next", Qt.Key.Key_Tab)
        press("accept" if k % 2 == 0 else "reject", Qt.Key.Key_Return if k % 2 == 0 else Qt.Key.Key_X)
    # the floor: a bare editor of the same text and size, one character typed, its block laid out and drawn
    bare = QPlainTextEdit()
    bare.resize(view.size())
    bare.setPlainText(session.text)
    bare.show()
    while not (bare.windowHandle() and bare.windowHandle().isExposed()):
        app.processEvents()
    bare.activateWindow()
    bare.setFocus()
    bare.viewport().repaint()
    for _ in range(keys):
        press("bare", Qt.Key.Key_A, target=bare, flush=False)
    # the floor for our CPU: the same bare editor whose key handler first burns the median CPU of our
    # frames — what the scheduler alone makes of that much work beside the busy loops
    ours = sorted(r["frame_cpu"] for kind in ("tag", "next", "accept", "reject") for r in rows[kind])
    burn = Burn(ours[len(ours) // 2] / 1000 if ours else 0.0)
    bare.installEventFilter(burn)
    for _ in range(keys):
        press("bare_same_cpu", Qt.Key.Key_A, target=bare, flush=False)
    bare.removeEventFilter(burn)
    rows["threads"] = [{"name": t.name} for t in threading.enumerate()] + _task_times()
    window.close()
    handle.close()
    return rows


def _task_times() -> list[dict]:
    """CPU time of each thread of this process, by its kernel name (Qt's threads are not Python's)."""
    out = []
    for task in Path("/proc/self/task").iterdir() if Path("/proc/self/task").exists() else ():
        try:
            fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
            status = (task / "status").read_text()
            out.append({"task": (task / "comm").read_text().strip(), "cpu_ms": (int(fields[11]) + int(fields[12])) * 10,
                        "switches": [line.split()[1] for line in status.splitlines() if "ctxt_switches" in line]})
        except OSError:
            continue
    return out


def _summary(rows: dict[str, list[dict]]) -> dict:
    out = {"threads": rows.get("threads", [])}
    keys = [r for kind in ("tag", "next", "accept", "reject") for r in rows[kind]]
    for name, sample in (("all_keys", keys), ("tag", rows["tag"]), ("next", rows["next"]), ("accept", rows["accept"]),
                         ("bare_floor", rows["bare"]), ("bare_same_cpu", rows["bare_same_cpu"])):
        fields = sorted({f for r in sample for f in r})
        out[name] = {f: {"median": round(statistics.median([r.get(f, 0.0) for r in sample]), 2),
                         "p95": round(_pct([r.get(f, 0.0) for r in sample], 0.95), 2)} for f in fields}
        out[name]["n"] = len(sample)
    return out


def _run_child(project: Path, settings: Path, small: int, big: int, keys: int, folder: Path, pace_ms: int = 0,
               pool: bool = False) -> dict:
    from annotator.gui import bench  # noqa: PLC0415

    out_file = folder / "trace.json"
    code = subprocess.run([sys.executable, "-m", "annotator.gui.bench_trace", "--child", str(project), str(settings),
                           str(small), str(big), str(keys), str(out_file), str(pace_ms), "pool" if pool else "-"],
                          env=bench._env(),
                          capture_output=True, text=True, timeout=1200)
    if code.returncode != 0:
        raise RuntimeError(code.stderr[-3000:])
    return json.loads(out_file.read_text(encoding="utf-8"))


def measure(keys: int, rounds: int, hogs: int, pace_ms: int = 0, compare_pool: bool = False) -> dict:
    from annotator.bench import corpus  # noqa: PLC0415
    from annotator.gui import bench  # noqa: PLC0415

    variants = [("", False), ("pool_on_", True)] if compare_pool else [("", False)]
    runs: dict[str, list[dict]] = {f"{v}{load}": [] for v, _ in variants for load in ("as_is", "busy")}
    with tempfile.TemporaryDirectory() as tmp:
        for round_ in range(rounds):
            for (load, count), (variant, pool) in ((lc, v) for lc in (("as_is", 0), ("busy", hogs)) for v in variants):
                name = f"{variant}{load}"  # interleaved: the machine drifts
                folder = Path(tmp) / f"{name}{round_}"
                folder.mkdir()
                project, settings, small, big = bench.build_project(folder, corpus.load_pool())
                loops = [subprocess.Popen([sys.executable, "-c", "while 1: pass"]) for _ in range(count)]
                try:
                    rows = _run_child(project, settings, small, big, keys, folder, pace_ms, pool)
                finally:
                    for loop in loops:  # by their own ids, no one else's
                        loop.kill()
                        loop.wait()
                runs[name].append(rows)
    merged = {name: {kind: [r for rows in got for r in rows[kind]] for kind in got[0]} for name, got in runs.items()}
    return {"keys_per_child": keys, "rounds": rounds, "busy_loops": hogs, "cores": os.cpu_count(), "pace_ms": pace_ms,
            "load_before": os.getloadavg()[0], **{name: _summary(rows) for name, rows in merged.items()}}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--child":
        project, settings, small, big, keys, out, pace, pool = argv[1:9]
        rows = _child(project, settings, int(small), int(big), int(keys), int(pace), pool == "pool")
        Path(out).write_text(json.dumps(rows), encoding="utf-8")
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keys", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--hogs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--pace", type=int, default=0, help="ms the process sleeps between keys (a person's pace)")
    parser.add_argument("--compare-pool", action="store_true", help="also run with Qt's paint thread pool on (before)")
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.keys, args.rounds, args.hogs, args.pace, args.compare_pool), indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
