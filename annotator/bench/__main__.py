"""``python -m annotator.bench [--quick] [--scale N] [--json] [--out FILE] [--peers]``

Runs every measurement, each in a process of its own (so its peak RSS is its own), each beside a floor
or a peer measured in the same run on the same data, and prints ratios first. Absolute times on shared
machines move 3× from day to day; the ratios to a floor measured minutes apart do not, so budgets are
ratios (``target``) and absolute figures come second, with the machine, the date and the load average.

--quick      tiny workloads, one run each (the smoke test); numbers not comparable with a full run.
--scale N    documents in the generated project of the scale rows (default 10 000 in a full run: the
             100 000 of the issue take ~10 minutes to generate here; pass --scale 100000 for them).
--json       print the JSON report on stdout instead of the table (for machines).
--out FILE   also write the JSON report there (default bench-out/latest.json).
--peers      also run the installed peers (benchmarks/peers/: Label Studio); never installs anything.
--only scale only the scale rows (e.g. ``--only scale --scale 100000 --compare-scale 10000``); the table then
             has only those. ``--only cli``: the command-line rows (and, with --peers, Label Studio's).
--only ingest  only the ingest rows: the tiers, the stages (with the whole import on their documents) and
             one-line texts of --one-line-mb MB (default 20 in a full run) imported whole.
--compare-scale M  also build an M-document project and print how the memory of open, export and
             agreement grows from M to N documents.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from annotator.bench import corpus, measure, peers, rows as table

FULL = {"tiers": [(10, 5), (100, 3), (1000, 3)], "stage_docs": 100, "stage_runs": 3, "outline_runs": 5,
        "suggest_docs": 5, "suggest_runs": 3, "export_spans": 100_000, "export_runs": 3, "agree_docs": 1000,
        "agree_runs": 3, "memory_docs": 10_000, "memory_runs": 3, "keys": 200, "paint_runs": 5, "cold_runs": 5,
        "cli_runs": 7, "scale": 10_000, "scale_runs": 3, "peer_units": 100_000,
        "linear_outline_chars": 2_500_000, "linear_integrity_chars": 850_000, "linear_runs": 3,
        "one_line_mb": 20, "hostile_chars": 125_000}
QUICK = {"tiers": [(2, 1), (3, 1), (4, 1)], "stage_docs": 3, "stage_runs": 1, "outline_runs": 1,
         "suggest_docs": 1, "suggest_runs": 1, "export_spans": 2_000, "export_runs": 1, "agree_docs": 5,
         "agree_runs": 1, "memory_docs": 200, "memory_runs": 1, "keys": 5, "paint_runs": 1, "cold_runs": 1,
         "cli_runs": 1, "scale": 200, "compare_scale": 20, "scale_runs": 1, "peer_units": 2_000,
         "linear_outline_chars": 20_000, "linear_integrity_chars": 20_000, "linear_runs": 1, "one_line_mb": 0.2,
         "hostile_chars": 5_000}
TIER_NAMES = ("ingest_small", "ingest_medium", "ingest_large")


def machine(qt: str) -> dict:
    model = platform.processor() or "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg() if hasattr(os, "getloadavg") else (0.0, 0.0, 0.0)
    return {"cores": os.cpu_count(), "cpu": model, "python": platform.python_version(), "qt": qt,
            "sqlite": sqlite3.sqlite_version, "platform": platform.platform(), "load_at_start": load[0],
            "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds")}


def child(name: str, **args) -> dict:
    """One figure in its own process (annotator/bench/child.py); its JSON, with its peak RSS.

    A figure that fails is reported as {"error": its last line} and the run goes on: one broken harness
    part must not throw away half an hour of other figures (the table prints the failure)."""
    out = subprocess.run([sys.executable, "-m", "annotator.bench.child", name, json.dumps(args, ensure_ascii=False)],
                         capture_output=True, text=True, timeout=7200)
    if out.returncode != 0:
        lines = [line for line in out.stderr.strip().splitlines() if line.strip()]
        print(f"bench figure {name} failed:\n{out.stderr[-4000:]}", file=sys.stderr, flush=True)
        return {"error": (lines or ["no message"])[-1][:200]}
    return json.loads(out.stdout.strip().splitlines()[-1])


def _qt_version() -> str:
    out = subprocess.run([sys.executable, "-c", "import PySide6.QtCore as q; print(q.qVersion())"],
                         capture_output=True, text=True)
    return out.stdout.strip() or "not installed"


def run(cfg: dict, log, *, with_peers: bool, only: str | None = None) -> dict:
    folder = measure.new_folder()
    results: dict[str, dict] = {}
    try:
        if only == "scale":
            _scale(cfg, folder, results, log)
            return {"machine": machine(_qt_version()), "results": results}
        if only == "cli":
            log("command line (new processes)")
            results["cli"] = child("cli", folder=str(folder / "cli"), runs=cfg["cli_runs"])
            results["labelstudio"] = peers.labelstudio(results["cli"], folder / "peers", enabled=with_peers, log=log)
            return {"machine": machine(_qt_version()), "results": results}
        largest = max(n for n, _ in cfg["tiers"])
        texts = corpus.make_corpus(max(largest, cfg["agree_docs"], cfg["stage_docs"]))
        paths = [str(p) for p in corpus.write_corpus(folder / "corpus", texts)]
        del texts  # the children read the files; this process stays small
        _ingest(cfg, folder, paths, results, log)
        if only == "ingest":
            return {"machine": machine(_qt_version()), "results": results}
        log("outline")
        results["outline"] = child("outline", paths=paths[:cfg["stage_docs"]], folder=str(folder),
                                   runs=cfg["outline_runs"])
        log("outline on a one-line text with inline markers, small and 8× larger (linearity)")
        results["outline_linear"] = child("outline_linear", folder=str(folder), small_chars=cfg["linear_outline_chars"],
                                          runs=cfg["linear_runs"])
        log("outline on a line of nothing but markers (hostile: memory bounded, time linear)")
        results["outline_hostile"] = child("outline_hostile", folder=str(folder), small_chars=cfg["hostile_chars"],
                                           runs=cfg["linear_runs"])
        log("outline on real documents (title guessing, jieba), and `annotator outline` on one from a new process")
        results["outline_real"] = child("outline_real", folder=str(folder / "outline_real"), runs=cfg["outline_runs"],
                                        cli_runs=cfg["cli_runs"])
        log("integrity check, small and 8× larger project (linearity)")
        results["integrity_linear"] = child("integrity_linear", folder=str(folder / "integrity"),
                                            small_chars=cfg["linear_integrity_chars"], runs=cfg["linear_runs"])
        log("suggestions")
        results["suggest"] = child("suggest", folder=str(folder), docs=cfg["suggest_docs"], runs=cfg["suggest_runs"])
        log("export")
        results["export"] = child("export", folder=str(folder), spans=cfg["export_spans"], runs=cfg["export_runs"])
        log("agreement")
        results["agreement"] = child("agreement", paths=paths[:cfg["agree_docs"]], folder=str(folder),
                                     runs=cfg["agree_runs"])
        log("agreement peers (krippendorff, statsmodels)")
        results["agreement_peers"] = child("agreement_peers", folder=str(folder), units=cfg["peer_units"])
        log("memory")
        results["memory"] = child("memory", folder=str(folder / "memory"), docs=cfg["memory_docs"],
                                  runs=cfg["memory_runs"])
        log("command line (new processes)")
        results["cli"] = child("cli", folder=str(folder / "cli"), runs=cfg["cli_runs"])
        results["labelstudio"] = peers.labelstudio(results["cli"], folder / "peers", enabled=with_peers, log=log)
        log("gui (offscreen subprocesses) and its bare-Qt floor")
        results["gui"] = child("gui", folder=str(folder / "gui"), keys=cfg["keys"], runs=cfg["paint_runs"],
                               cold_runs=cfg["cold_runs"])
        results["gui_floor"] = child("gui_floor", folder=str(folder / "gui_floor"), runs=cfg["cold_runs"])
        _scale(cfg, folder, results, log)
        log("team project on PostgreSQL: concurrent annotators' saves, the lead's agreement view")
        from annotator.bench import team as team_bench  # noqa: PLC0415 - psycopg only for these rows
        results["team"] = team_bench.figures(quick=cfg["tiers"] == QUICK["tiers"])
        log("PostgreSQL beside SQLite: search, the agreement span stream and report")
        from annotator.bench import pg_speed  # noqa: PLC0415 - psycopg only for these rows
        results["pg_speed"] = pg_speed.figures(quick=cfg["tiers"] == QUICK["tiers"])
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    qt = _qt_version()
    for key in ("qt", "pyside"):
        results["gui"].pop(key, None)
    return {"machine": machine(qt), "results": results}


def _ingest(cfg: dict, folder: Path, paths: list[str], results: dict, log) -> None:
    for name, (n, runs) in zip(TIER_NAMES, cfg["tiers"]):
        log(f"ingest {n} documents × {runs}")
        results[name] = child("ingest", paths=paths[:n], folder=str(folder), runs=runs)
    log("ingest stages, and the whole import on the same documents")
    results["ingest_stages"] = child("ingest_stages", paths=paths[:cfg["stage_docs"]], folder=str(folder),
                                     runs=cfg["stage_runs"])
    from annotator.bench.ingest_extra import ONE_LINE_SHAPES  # noqa: PLC0415

    for shape in ONE_LINE_SHAPES:
        log(f"ingest one {cfg['one_line_mb']:g} MB one-line text ({shape})")
        results[f"ingest_one_line_{shape}"] = child(f"ingest_one_line_{shape}", folder=str(folder / "one_line"),
                                                    bytes=int(cfg["one_line_mb"] * 1e6))


def _scale(cfg: dict, folder: Path, results: dict, log) -> None:
    """The scale rows on the largest generated project; with --compare-scale M (smaller), build, open,
    lazy list, export and agreement again on M documents, so the table can show how memory grows."""
    from annotator.bench.scale import FIGURES  # noqa: PLC0415

    sizes = [(cfg["scale"], "scale", FIGURES)]
    if cfg.get("compare_scale"):
        sizes.insert(0, (cfg["compare_scale"], "scale_small", ("open", "list_lazy", "export", "agreement")))
    for docs, prefix, figures in sizes:
        log(f"scale: generating a {docs}-document project")
        project = str(folder / prefix / "scale.annotator.db")
        Path(project).parent.mkdir(parents=True, exist_ok=True)
        results[f"{prefix}_build"] = child("scale_build", folder=str(folder), project=project, docs=docs)
        for name in figures:
            log(f"scale {docs}: {name}")
            results[f"{prefix}_{name}"] = child(f"scale_{name}", folder=str(folder), project=project,
                                                runs=cfg["scale_runs"])
        shutil.rmtree(Path(project).parent, ignore_errors=True)  # 100 000 documents take gigabytes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m annotator.bench", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="tiny workloads, one run each (smoke test)")
    parser.add_argument("--scale", type=int, default=None, help="documents in the generated scale project")
    parser.add_argument("--json", action="store_true", help="print the JSON report instead of the table")
    parser.add_argument("--out", type=Path, default=Path("bench-out/latest.json"), help="where to write the JSON")
    parser.add_argument("--peers", action="store_true", help="also run installed peers (never installs)")
    parser.add_argument("--compare-scale", type=int, default=None,
                        help="also run the scale memory rows on this (smaller) number of documents")
    parser.add_argument("--one-line-mb", type=float, default=None, help="size of the one-line ingest texts (MB)")
    parser.add_argument("--only", choices=["scale", "cli", "ingest"], default=None, help="run only these rows")
    args = parser.parse_args(argv)
    started = time.perf_counter()

    def log(text: str) -> None:
        print(f"[{time.perf_counter() - started:6.1f}s] {text}", file=sys.stderr, flush=True)

    cfg = dict(QUICK if args.quick else FULL)
    if args.scale:
        cfg["scale"] = args.scale
    if args.compare_scale:
        cfg["compare_scale"] = args.compare_scale
    if args.one_line_mb is not None:
        cfg["one_line_mb"] = args.one_line_mb
    report = {"quick": args.quick, "config": cfg, **run(cfg, log, with_peers=args.peers, only=args.only)}
    report["machine"]["load_at_end"] = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    report["elapsed_s"] = time.perf_counter() - started
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")  # before the table:
    report["table"] = table.rows(report["results"])  # a table bug must not lose a half-hour run's figures
    args.out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print(table.render(report))
        print(f"\n{report['elapsed_s']:.0f} s; JSON: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
