"""Team-project rows of the benchmark (issue 16): commit latency under 20 concurrent annotators and the
lead's agreement view over 1 000 documents × 20 annotators, on a throwaway PostgreSQL cluster.

Each figure stands beside a floor measured on the same server in the same run:
- commit latency (p95 of a member's save through TeamLink: RLS, op-id record, event, commit) beside
  pgbench running a bare INSERT + COMMIT with the same number of concurrent clients (C, no Python);
- the lead's agreement view (read every accepted span through RLS as the lead, then pairwise span
  agreement of 20 annotators) beside the bare SELECT of the same rows by the owner (no RLS, no maths).
Correctness under that load (0 lost, 0 duplicated) is asserted by tests/team/test_team_load.py; here
the counts are only reported. Without PostgreSQL server binaries the rows say so instead of failing.

``python -m annotator.bench.team [--quick]`` prints the figures alone.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from annotator.bench import team_load
from annotator.bench.team_cluster import SUPERUSER, Cluster, unavailable

FULL = {"annotators": 20, "load_s": 20.0, "docs": 1000, "doc_chars": 2000, "spans_per_doc": 8, "report_docs": 20}
QUICK = {"annotators": 5, "load_s": 5.0, "docs": 100, "doc_chars": 2000, "spans_per_doc": 8, "report_docs": 10}


def _pgbench_p95(cluster: Cluster, folder: Path, dbname: str, clients: int, seconds: float) -> dict:
    """p95 latency of a bare one-row INSERT + COMMIT with ``clients`` concurrent connections (pgbench)."""
    script = folder / "insert.sql"
    script.write_text("INSERT INTO bench_floor (payload) VALUES ('x');\n", encoding="utf-8")
    import psycopg  # noqa: PLC0415

    with psycopg.connect(cluster.admin_dsn(dbname), autocommit=True) as conn:
        conn.execute("CREATE TABLE IF NOT EXISTS bench_floor (id bigserial PRIMARY KEY, payload text)")
    out = subprocess.run([str(cluster.bin / "pgbench"), "-h", str(cluster.root), "-p", str(cluster.port), "-U",
                          SUPERUSER, "-n", "-c", str(clients), "-j", "2", "-T", str(max(1, int(seconds))), "-f",
                          str(script), "-l", "--log-prefix", str(folder / "pgb"), dbname],
                         capture_output=True, text=True, timeout=seconds + 120)
    if out.returncode != 0:
        raise RuntimeError(f"pgbench failed: {out.stderr[-300:]}")
    latencies = sorted(int(line.split()[2]) / 1e6 for f in folder.glob("pgb.*") for line in f.read_text().splitlines()
                       if len(line.split()) > 2)
    return {"p95_s": latencies[int(0.95 * (len(latencies) - 1))], "median_s": latencies[len(latencies) // 2],
            "transactions": len(latencies)}


def agreement_spans(doc_ids, names, cfg: dict, labels=team_load.LABELS, seed: int = 7):
    """(id, document, start, end, label, annotator) rows of annotators who mostly agree: per document
    ``spans_per_doc`` shared candidates, each taken with p = 0.8, its end moved one time in ten. The same
    rows for the SQLite and the PostgreSQL project of the agreement rows."""
    rng = random.Random(seed)
    n = 0
    for doc in doc_ids:
        candidates = [(s, s + rng.randint(4, 40), rng.choice(labels))
                      for s in sorted(rng.sample(range(0, cfg["doc_chars"] - 50, 50), cfg["spans_per_doc"]))]
        for who in names:
            for start, end, label in candidates:
                if rng.random() < 0.8:
                    end += 1 if rng.random() < 0.1 else 0
                    n += 1
                    yield (f"b{n}", doc, start, end, label, who)


def _agreement_project(cluster: Cluster, folder: Path, cfg: dict) -> dict:
    """1 000 documents, 20 annotators who mostly agree (agreement_spans), loaded with COPY."""
    import psycopg  # noqa: PLC0415

    project = team_load.setup_project(cluster, folder, "agree", cfg["annotators"], cfg["docs"],
                                      doc_chars=cfg["doc_chars"])
    names = [n for n, r in project["members"].items() if r == "annotator"]
    with psycopg.connect(project["admin_dsn"], autocommit=True) as conn, conn.transaction():
        with conn.cursor().copy('COPY spans (id, document_id, start, "end", label, annotator, status, created,'
                                " updated) FROM STDIN") as copy:
            n = 0
            for row in agreement_spans(project["doc_ids"], names, cfg):
                copy.write_row((*row, "accepted", "t", "t"))
                n += 1
        project["spans"] = n
    project["annotator_names"] = names
    return project


def full_report(project, names: list[str]) -> dict:
    """The full agreement report (annotator.agreement: project_agreement + the text table) over every
    document, beside its floor: reading every accepted span and sorting them (what any report pays).
    Peak RSS of each step where the OS says (VmHWM, reset between steps)."""
    from annotator.agreement.project import project_agreement  # noqa: PLC0415
    from annotator.agreement.report import render_table  # noqa: PLC0415
    from annotator.bench.scale import _reset_peak  # noqa: PLC0415

    _reset_peak()
    t0 = time.perf_counter()
    result = project_agreement(project, names)
    render_table(result)
    seconds = time.perf_counter() - t0
    peak = _reset_peak()
    t0 = time.perf_counter()
    rows = sorted(project.fetchall('SELECT document_id, start, "end", label, annotator FROM spans WHERE status = ?',
                                   ["accepted"]))
    floor = time.perf_counter() - t0
    return {"report_s": seconds, "report_floor_s": floor, "report_ratio": seconds / floor, "report_spans": len(rows),
            "report_pairs": len(result.pairs), "report_peak_rss_mb": peak, "report_floor_peak_rss_mb": _reset_peak(),
            "report_f1": result.overall["strict"].f1}


def sqlite_agreement(folder: Path, cfg: dict) -> dict:
    """The same report on a SQLite project with the same shape (documents from the bench corpus)."""
    from annotator.bench import corpus, measure  # noqa: PLC0415
    from annotator.storage import open_project  # noqa: PLC0415
    from annotator.storage.project import now  # noqa: PLC0415

    path = folder / "agree.annotator.db"
    measure.build_big_project(path, cfg["docs"], corpus.load_pool(), spans_per_doc=0, index=False)
    names = [f"ann{i:02d}" for i in range(cfg["annotators"])]
    with open_project(path) as project:
        with project.write():
            for who in names:
                project.conn.execute("INSERT OR IGNORE INTO annotators (name, created) VALUES (?, ?)", [who, now()])
            project.conn.executemany(measure.SPAN_SQL, [
                (*row, "accepted", "{}", "manual", "{}", "t", "t")
                for row in agreement_spans(range(1, cfg["docs"] + 1), names, cfg, labels=("directive", "statistic"))])
    with open_project(path, readonly=True) as project:
        return {"docs": cfg["docs"], "annotators": len(names), **full_report(project, names)}


def _agreement_view(project: dict, report_docs: int) -> dict:
    """The lead's live overview (pooled pairwise F1 per document, computed by the server through RLS)
    and the full agreement report over every document, read through RLS as the lead."""
    import psycopg  # noqa: PLC0415

    from annotator.storage import open_project  # noqa: PLC0415
    from annotator.storage import team_ops  # noqa: PLC0415

    with psycopg.connect(project["admin_dsn"]) as owner:
        t0 = time.perf_counter()
        rows = owner.execute('SELECT id, document_id, start, "end", label, annotator, attributes FROM spans'
                             " WHERE status = 'accepted'").fetchall()
        floor = time.perf_counter() - t0
    with psycopg.connect(team_load.conninfo(project, "lead")) as lead:
        t0 = time.perf_counter()
        heat = team_ops.agreement_heat(lead)
        heat_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        layers = team_ops.accepted_layers(lead)
        fetch_s = time.perf_counter() - t0
    if sum(len(v) for v in layers.values()) != len(rows) or len(heat) != len(project["doc_ids"]):
        raise RuntimeError("the lead must see every layer")  # a harness check, not a budget
    url = (f"postgresql://lead@127.0.0.1:{project['port']}/{project['dbname']}?passfile={project['passfile']}")
    with open_project(url, readonly=True, create=False) as as_lead:
        report = full_report(as_lead, project["annotator_names"])
    return {"seconds": heat_s, "fetch_s": fetch_s, "floor_s": floor, "spans": len(rows), "annotators": len(layers),
            "docs": len(project["doc_ids"]), "mean_f1": sum(h[3] or 0 for h in heat) / len(heat), **report}


def figures(quick: bool = False) -> dict[str, Any]:
    cfg = QUICK if quick else FULL
    why = unavailable()
    if why:
        return {"skipped": why}
    folder = Path(tempfile.mkdtemp(prefix="annotator-bench-team-"))
    cluster = Cluster()
    try:
        project = team_load.setup_project(cluster, folder / "load", "load", cfg["annotators"], 30)
        floor = _pgbench_p95(cluster, folder, "load", cfg["annotators"], cfg["load_s"])
        results = team_load.finish(team_load.start(project, folder / "load", seconds=cfg["load_s"], lead=True))
        load = team_load.check(project, results)
        agreement = _agreement_view(_agreement_project(cluster, folder / "agree", cfg), cfg["report_docs"])
        agreement_sqlite = sqlite_agreement(folder, cfg)
    finally:
        cluster.stop(remove=True)
        shutil.rmtree(folder, ignore_errors=True)
    return {"config": cfg, "load": load, "floor": floor, "agreement": agreement, "agreement_sqlite": agreement_sqlite}


def rows(r: dict, row) -> list[dict[str, Any]]:
    """Table rows (``row`` is annotator.bench.rows._row)."""
    t = r["team"]
    if "skipped" in t:
        return [row(f"team rows (PostgreSQL server and its pgbench peer) skipped: {t['skipped']}", None, "", "", None)]
    load, floor, a, cfg = t["load"], t["floor"], t["agreement"], t["config"]
    out = [
        row(f"team save, p95, {cfg['annotators']} annotators + lead tagging ({load['ops']} saves: lost {load['lost']},"
            f" duplicated {load['duplicated']}, pending {load['pending']})", load["p95_s"] * 1e3,
            "ms", f"pgbench bare INSERT+COMMIT, {cfg['annotators']} clients, p95", floor["p95_s"] * 1e3),
        row("  median", load["median_s"] * 1e3, "ms", "same, median", floor["median_s"] * 1e3),
        row(f"lead's agreement view (server: pooled F1 per doc), {a['docs']} docs × {a['annotators']} annotators "
            f"({a['spans']} spans)", a["seconds"], "s", "owner's bare SELECT of the same spans", a["floor_s"],
            target_text="≤ 5 s abs"),
        row("  every span read through RLS as the lead", a["fetch_s"], "s", "same", a["floor_s"]),
        row(f"  full agreement report (annotator.agreement + table), all {a['docs']} docs, {a['report_pairs']} pairs,"
            " PostgreSQL as the lead", a["report_s"], "s", "read + sort the same spans as the lead", a["report_floor_s"],
            target_text="≤ 5 s abs", rss=a.get("report_peak_rss_mb")),
    ]
    sq = t.get("agreement_sqlite")
    if sq:
        out.append(row(f"  full agreement report, same shape on SQLite ({sq['docs']} docs × {sq['annotators']}"
                       " annotators)", sq["report_s"], "s", "read + sort the same spans", sq["report_floor_s"],
                       target_text="≤ 5 s abs", rss=sq.get("report_peak_rss_mb")))
        out[-1]["met"] = sq["report_s"] <= 5
    out[4]["met"] = a["report_s"] <= 5
    out[2]["met"] = a["seconds"] <= 5
    return out


if __name__ == "__main__":
    print(json.dumps(figures("--quick" in sys.argv), indent=1, default=str))
