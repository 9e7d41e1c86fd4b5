"""Keystroke latency and first paint of the main window, idle and under load (issue 13).

``python -m annotator.gui.bench_keys [--keys N] [--runs N] [--load N]`` builds the GUI benchmark project
(gui/bench.py: a 100 000-character report with 2 000 spans and 400 open suggestions), then runs
gui/bench.py's offscreen child twice: on an idle machine and with ``--load`` busy processes (default:
one per core) spinning beside it and a process writing and fsyncing 32 MiB files (``--no-disk``: none),
the "under load" of the issue. Each run reports, per kind of key
(tag with 1, accept with Enter, reject with X, next suggestion with Tab), median / p95 of the whole
handler (key event in → handler returned), of the frame it is seen in and of everything it changed
drawn, each as wall and as CPU time, and first paint beside its floor (a bare QPlainTextEdit
``setPlainText`` of the same text, same run, same size), and cold start: a new process until the
document is painted, wall and CPU.

A module of its own (not gui/bench.py) so the core benchmark's calling convention can change without
this one; the figures are printed, never asserted (budgets are ratios in the benchmark, not tests).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _spin(stop_at: float) -> None:
    x = 0
    while time.time() < stop_at:
        x = (x * 31 + 7) % 1_000_003


def _disk(folder: str, stop_at: float) -> None:
    """Disk activity beside the GUI: 32 MiB written and fsynced, again and again (a sync, a backup, a
    build). The GUI's own fsyncs queue behind it: what made each keystroke's commit slow."""
    block = os.urandom(1 << 20)
    target = Path(folder) / "disk-load.bin"
    while time.time() < stop_at:
        with open(target, "wb") as out:  # a file of its own, never the project (registry.py)
            for _ in range(32):
                out.write(block)
            out.flush()
            os.fsync(out.fileno())
    target.unlink(missing_ok=True)


def _run_child(project: Path, settings: Path, small: int, big: int, keys: int, runs: int) -> dict:
    from annotator.gui import bench  # noqa: PLC0415 - Qt-free at import

    args = [str(project), str(settings), str(small), str(big), str(keys), str(runs)]
    out = subprocess.run([sys.executable, "-m", "annotator.gui.bench", *args], env=bench._env(),
                         capture_output=True, text=True, timeout=900)
    if out.returncode != 0:
        raise RuntimeError(f"GUI child failed: {out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _summary(result: dict) -> dict:
    keep = ("first_paint_ms", "first_paint_ratio_to_bare", "open_settled_ms", "commit_median_ms", "commit_p99_ms",
            "durable_median_ms", "durable_p95_ms")
    out = {k: round(result[k], 2) for k in keep if k in result}
    for size in ("1366x768", "1920x1080"):
        for kind in ("tag", "accept", "reject", "next", "all_keys"):
            # handler: key in → handler returned; frame: + the text's blocks and the text view's repaint;
            # painted: + the panels it left for a pause in typing, drawn (gui/bench.py); _cpu: CPU time
            for stat in ("median", "p95", "cpu_median", "cpu_p95", "frame_median", "frame_p95", "frame_cpu_median",
                         "frame_cpu_p95", "painted_median", "painted_p95", "painted_cpu_median", "painted_cpu_p95"):
                key = f"{size}_{kind}_{stat}_ms"
                if key in result:
                    out[key] = round(result[key], 2)
        for key in (f"{size}_first_paint_ms", f"{size}_bare_paint_ms", f"{size}_first_paint_ratio",
                    f"{size}_first_paint_cpu_ms", f"{size}_bare_paint_cpu_ms", f"{size}_first_paint_cpu_ratio"):
            if key in result:
                out[key] = round(result[key], 2)
    return out


def measure(keys: int = 100, runs: int = 3, load: int | None = None, cold: int = 3, disk: bool = True) -> dict:
    from annotator.bench import corpus  # noqa: PLC0415
    from annotator.gui import bench  # noqa: PLC0415

    load = (os.cpu_count() or 1) if load is None else load
    with tempfile.TemporaryDirectory() as tmp:
        # one project per run: the keystrokes of the first run add spans the second would open
        results = {}
        for name, hogs in (("idle", 0), ("loaded", load)):
            folder = Path(tmp) / name
            folder.mkdir()
            project, settings, small, big = bench.build_project(folder, corpus.load_pool())
            procs = [multiprocessing.Process(target=_spin, args=(time.time() + 900,), daemon=True)
                     for _ in range(hogs)]
            if hogs and disk:
                procs.append(multiprocessing.Process(target=_disk, args=(str(folder), time.time() + 900), daemon=True))
            for proc in procs:
                proc.start()
            try:
                results[name] = _summary(_run_child(project, settings, small, big, keys, runs))
                if cold:  # a new process until the document is painted (gui/bench.cold_start)
                    started = bench.cold_start(project, settings, cold)
                    results[name].update({f"cold_{k}": round(v, 1) for k, v in started.items()})
            finally:
                for proc in procs:
                    proc.terminate()
                    proc.join()
            results[name]["busy_processes"] = hogs
            results[name]["disk_writer"] = bool(hogs and disk)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keys", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--load", type=int, default=None, help="busy processes beside the loaded run")
    parser.add_argument("--cold", type=int, default=3, help="cold starts per run (0: none)")
    parser.add_argument("--no-disk", action="store_true", help="no disk writer beside the loaded run")
    args = parser.parse_args(argv)
    print(json.dumps(measure(args.keys, args.runs, args.load, args.cold, not args.no_disk), indent=1,
                     ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
