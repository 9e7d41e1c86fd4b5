"""``python -m annotator.bench [--quick] [--json OUT.json]``: run every measurement, print the table,
write the JSON (default bench-out/latest.json).

--quick shrinks every workload (a few documents, a few keystrokes, one run) so the smoke test can
check the harness end to end in seconds; its numbers are not comparable with a full run.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import shutil
import sqlite3
import sys
import time
from pathlib import Path

from annotator.bench import corpus, measure

# Full run: ~3–4 minutes on 2 shared cores. Runs are medians; the 1 000-document ingest is the costly one.
FULL = {"tiers": [(10, 5), (100, 3), (1000, 3)], "stage_docs": 100, "stage_runs": 3, "outline_runs": 5,
        "suggest_docs": 5, "suggest_runs": 3, "export_spans": 100_000, "export_runs": 3, "agree_docs": 1000,
        "agree_runs": 3, "memory_docs": 10_000, "memory_runs": 3, "keys": 200, "paint_runs": 5, "cold_runs": 5}
QUICK = {"tiers": [(2, 1), (3, 1), (4, 1)], "stage_docs": 3, "stage_runs": 1, "outline_runs": 1,
         "suggest_docs": 1, "suggest_runs": 1, "export_spans": 2_000, "export_runs": 1, "agree_docs": 5,
         "agree_runs": 1, "memory_docs": 200, "memory_runs": 1, "keys": 5, "paint_runs": 1, "cold_runs": 1}
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
    return {"cores": os.cpu_count(), "cpu": model, "python": platform.python_version(), "qt": qt,
            "sqlite": sqlite3.sqlite_version, "platform": platform.platform(),
            "date": datetime.datetime.now().astimezone().isoformat(timespec="seconds")}


def run(cfg: dict, log) -> dict:
    from annotator.gui.bench import gui_timings  # noqa: PLC0415 - the Qt side of the harness lives with the GUI

    pool = corpus.load_pool()
    folder = measure.new_folder()
    results: dict[str, dict] = {}
    try:
        largest = max(n for n, _ in cfg["tiers"])
        texts = corpus.make_corpus(max(largest, cfg["agree_docs"], cfg["stage_docs"]))
        paths = corpus.write_corpus(folder / "corpus", texts)
        for name, (n, runs) in zip(TIER_NAMES, cfg["tiers"]):
            log(f"ingest {n} documents × {runs}")
            results[name] = measure.ingest(paths[:n], folder, runs)
        log("ingest stages")
        results["ingest_stages"] = measure.ingest_stages(paths[:cfg["stage_docs"]], folder, cfg["stage_runs"])
        log("outline")
        results["outline"] = measure.outline_speed(texts[:cfg["stage_docs"]], cfg["outline_runs"])
        log("suggestions")
        results["suggest"] = measure.suggestions(pool, cfg["suggest_docs"], cfg["suggest_runs"])
        log("export")
        results["export"] = measure.export(cfg["export_spans"], cfg["export_runs"])
        log("agreement")
        results["agreement"] = measure.agreement(texts[:cfg["agree_docs"]], cfg["agree_runs"])
        log("memory")
        results["memory"] = measure.memory(folder, cfg["memory_docs"], pool, cfg["memory_runs"])
        log("gui (offscreen subprocesses)")
        gui = gui_timings(folder, pool, keys=cfg["keys"], runs=cfg["paint_runs"], cold_runs=cfg["cold_runs"])
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    qt = gui.pop("qt")
    gui.pop("pyside", None)
    results["gui"] = gui
    return {"machine": machine(qt), "results": results}


def rows(r: dict) -> list[tuple]:
    """(what, value, unit, target, met, ratio to floor or None)."""
    out = []
    for name in TIER_NAMES:
        t = r[name]
        out.append((f"ingest {t['docs']} docs ({t['chars'] / 1e6:.1f} M chars)", t["chars_per_s"] / 1e6, "M chars/s",
                    "≥ 1", t["chars_per_s"] >= 1e6, t["ratio_to_floor"]))
    st = r["ingest_stages"]
    for stage in ("read", "clean", "outline", "store"):
        out.append((f"  stage {stage} ({st[stage + '_share']:.0%} of ingest)", st[stage + "_chars_per_s"] / 1e6,
                    "M chars/s", "", None, None))
    out.append(("outline parse alone", r["outline"]["chars_per_s"] / 1e6, "M chars/s", "", None, None))
    s = r["suggest"]
    out.append(("suggestions per 30 000 chars", s["ms_per_30k"], "ms", "≤ 300", s["ms_per_30k"] <= 300, None))
    g = r["gui"]
    out += [
        ("GUI first paint 100 k chars, 2 000 spans", g["first_paint_ms"], "ms", "≤ 200", g["first_paint_ms"] <= 200,
         None),
        ("  open until events settled", g["open_settled_ms"], "ms", "", None, None),
        (f"tag keystroke → committed, median ({g['keystrokes']})", g["commit_median_ms"], "ms", "≤ 5",
         g["commit_median_ms"] <= 5, g["commit_ratio_to_floor"]),
        ("  committed, p99", g["commit_p99_ms"], "ms", "", None, g["commit_p99_ms"] / g["floor_insert_p99_ms"]),
        ("  whole keystroke handler, median", g["keystroke_median_ms"], "ms", "", None, None),
        ("  whole keystroke handler, p99", g["keystroke_p99_ms"], "ms", "", None, None),
        ("  floor: bare INSERT+COMMIT (WAL, FULL)", g["floor_insert_median_ms"], "ms", "", None, None),
        ("cold start → window shown (wall)", g["cold_wall_ms"], "ms", "≤ 1000", g["cold_wall_ms"] <= 1000, None),
        ("  in-process", g["cold_in_process_ms"], "ms", "≤ 1000", g["cold_in_process_ms"] <= 1000, None),
    ]
    e = r["export"]
    out.append((f"export {e['spans']} spans", e["seconds"], "s", "≤ 2", e["seconds"] <= 2, e["ratio_to_json_dumps"]))
    a = r["agreement"]
    out.append((f"agreement {a['docs']} docs × 3 annotators ({a['spans']} spans)", a["seconds"], "s", "≤ 3",
                a["seconds"] <= 3, None))
    m = r["memory"]
    out += [
        (f"peak RSS (VmHWM) open {m['docs']}-doc project + list", m["peak_rss_mb"], "MB", "", None, None),
        ("  RSS after imports", m["rss_after_imports_mb"], "MB", "", None, None),
        ("  RSS after open_project", m["rss_after_open_mb"], "MB", "", None, None),
        ("  open_project + list_documents", m["open_ms"] + m["list_ms"], "ms", "", None, None),
        ("project file per 1 000 docs (~3 k chars)", m["file_mb_per_1000_docs"], "MB", "", None, None),
        ("project file per 1 000 docs (ingested corpus)", r[TIER_NAMES[-1]]["project_mb_per_1000_docs"], "MB", "",
         None, None),
    ]
    return out


def render(report: dict) -> str:
    m = report["machine"]
    lines = [f"{m['date']}  {m['cores']} cores  {m['cpu']}  Python {m['python']}  Qt {m['qt']}  "
             f"SQLite {m['sqlite']}{'  (QUICK: not comparable)' if report['quick'] else ''}", ""]
    lines.append(f"{'measurement':<52} {'value':>10} {'unit':<10} {'target':<8} {'ok':<6} {'÷floor':>7}")
    for what, value, unit, target, met, ratio in rows(report["results"]):
        ok = "" if met is None else ("yes" if met else "MISSED")
        lines.append(f"{what:<52} {value:>10.3f} {unit:<10} {target:<8} {ok:<6} "
                     f"{'' if ratio is None else f'{ratio:.1f}':>7}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m annotator.bench", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="tiny workloads, one run each (smoke test)")
    parser.add_argument("--json", type=Path, default=Path("bench-out/latest.json"), help="where to write the JSON")
    args = parser.parse_args(argv)
    started = time.perf_counter()

    def log(text: str) -> None:
        print(f"[{time.perf_counter() - started:6.1f}s] {text}", file=sys.stderr, flush=True)

    report = {"quick": args.quick, **run(QUICK if args.quick else FULL, log)}
    report["elapsed_s"] = time.perf_counter() - started
    report["table"] = [dict(zip(("what", "value", "unit", "target", "met", "ratio_to_floor"), row))
                       for row in rows(report["results"])]
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    print(render(report))
    print(f"\n{report['elapsed_s']:.0f} s; JSON: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
