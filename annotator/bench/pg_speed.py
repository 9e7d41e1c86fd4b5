"""PostgreSQL beside SQLite on the same data in the same run (issues 16 and 19): search, and the span
stream under the agreement report.

- Search: N generated documents (the bench corpus) in a SQLite project (FTS5 trigram + jieba word index)
  and the same rows in a PostgreSQL project on a throwaway cluster (pg_trgm + word arrays). Each bench
  query (scale.QUERIES: 3+, 2 and 1 characters; NO_HIT: one found nowhere) runs on both, alternately,
  ``runs`` times; the row is PostgreSQL's median ÷ SQLite's (target ≤ 1.5×), beside SQLite's bare
  instr() scan as the floor. Both must give the same hits: the row says how many queries differed
  (tests/unit/test_search_parity.py is where that is asserted). PostgreSQL's own floor beside it: a bare
  round trip (SELECT 1) on the same connection, which a query found nowhere cannot go below. Beside the
  wall clock, the CPU time each side spent (SQLite: this process; PostgreSQL: this process plus its
  server backend, read from /proc — the throwaway cluster runs here): on a shared machine the wall clock
  of a two-process search also counts the waits for a core between client and server.
- Stream: every accepted span of D documents × A annotators (bench/team.agreement_spans) read through
  storage/span_stream.accepted_by_document on each backend — PostgreSQL through its server-side cursor —
  beside the bare SELECT of the same columns (fetchall, no ordering, no objects), with the peak RSS of
  each; then the full agreement report (project_agreement + the text table) on each backend, beside
  reading and sorting the same rows. The team rows (bench/team.py) time the report again as the lead
  through row-level security.

- Import: the same generated speech files (~3 000 characters) imported through services/importing on
  each backend; CPU per document (SQLite: this process; PostgreSQL: this process plus its server
  backend), and PostgreSQL's import again into a project without the text's trigram-set index
  (``documents_text_grams``): what is left once the index is taken out is what the statements cost.
  Measured for issue 16 (session 8): the index was ~10 of PostgreSQL's ~14 ms of server CPU per
  document (~3 µs per distinct trigram filed one by one, ~2 500 per document). Session 9 (60 documents,
  2 runs each, the same machine at load ~13): 15.2/13.5 → 8.3/8.5 ms per document, the statements
  alone (no text index) ~4.5 ms — an import batch is one transaction on PostgreSQL too (ingest.py), its
  texts' trigrams go to the index's pending list and are filed in bulk at the commit (pg/schema.
  _search_settle: ~4 ms of index work per document left, ~2.4 of it show_trgm itself), and a
  document's sections are one multi-row INSERT (pg/dialect._multi_row). pg_stat_statements on a
  throwaway cluster located the cost (/tmp scripts, not kept): the documents INSERT and the sections.

``python -m annotator.bench.pg_speed [--quick]`` prints the figures alone.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

FULL = {"import_docs": 40, "search_docs": 300, "runs": 7, "docs": 1000, "annotators": 20, "doc_chars": 2000, "spans_per_doc": 8,
        "report_runs": 3}
# A query found nowhere: answered from the trigram index alone on both sides (pg/search._trigram_ids);
# before, PostgreSQL's planner read every text for it on a small project (14–60 ms against 0.3 ms).
NO_HIT = {"5 (no hit)": "量子纠缠态"}
QUICK = {"import_docs": 6, "search_docs": 20, "runs": 3, "docs": 40, "annotators": 4, "doc_chars": 2000, "spans_per_doc": 8,
         "report_runs": 1}


def _median(times: list[float]) -> float:
    times = sorted(times)
    return times[len(times) // 2]


def _pg_project(cluster, name: str):
    """A fresh team project database (schema only), opened by the cluster's superuser."""
    from annotator.storage.pg.backend import PgProject  # noqa: PLC0415

    from annotator.storage.labels import ensure_default_labels  # noqa: PLC0415

    cluster.create_database(name)
    project = PgProject(f"postgresql://postgres@/{name}?host={cluster.root}&port={cluster.port}", create=True)
    ensure_default_labels(project)
    return project


def _copy_documents(lite_path: Path, pg) -> int:
    """The SQLite project's documents into the PostgreSQL project, ids kept."""
    import sqlite3  # noqa: PLC0415 - the bench reads its own generated file

    from annotator.storage.pg import schema  # noqa: PLC0415

    source = sqlite3.connect(lite_path)
    try:
        rows = source.execute("SELECT id, title, raw_text, raw_zlib, clean_text, sha256, char_count, imported_at"
                              " FROM documents ORDER BY id").fetchall()
    finally:
        source.close()
    with pg.raw_connection().cursor().copy("COPY documents (id, title, raw_text, raw_zlib, clean_text, sha256,"
                                           " char_count, imported_at) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
    schema.sync_identities(pg, tables=("documents",))
    return len(rows)


def _backend_cpu(pid: int) -> float | None:
    """CPU seconds (user + system) the server process ``pid`` has used; None when /proc cannot say."""
    import os  # noqa: PLC0415

    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def search_figures(cluster, folder: Path, cfg: dict) -> dict:
    from annotator.bench import corpus, measure  # noqa: PLC0415
    from annotator.bench.scale import QUERIES  # noqa: PLC0415
    from annotator.storage import open_project, search  # noqa: PLC0415

    path = folder / "search.annotator.db"
    measure.build_big_project(path, cfg["search_docs"], corpus.load_pool(), spans_per_doc=0, index=True)
    with open_project(path) as lite:
        search.index_words(lite)
    pg = _pg_project(cluster, "search")
    try:
        _copy_documents(path, pg)
        search.index_words(pg)
        pg.execute("ANALYZE")
        out: dict[str, Any] = {"docs": cfg["search_docs"], "queries": {}, "differ": 0}
        backend = pg.scalar("SELECT pg_backend_pid()")
        with open_project(path, readonly=True) as lite:
            for name, query in {**QUERIES, **NO_HIT}.items():
                times: dict[str, list[float]] = {"sqlite": [], "pg": [], "floor": [], "round_trip": []}
                cpu = {"sqlite": 0.0, "pg": 0.0}
                server_before = _backend_cpu(backend)
                answers = {}
                for project in (lite, pg):  # a first search loads caches on either side: not timed
                    search.search(project, query, limit=200)
                for _ in range(cfg["runs"]):
                    for side, project in (("sqlite", lite), ("pg", pg)):
                        started, used = time.perf_counter(), time.process_time()
                        hits = search.search(project, query, limit=200)
                        times[side].append(time.perf_counter() - started)
                        cpu[side] += time.process_time() - used
                        answers[side] = [(h.document_id, h.position, h.snippet) for h in hits]
                    started = time.perf_counter()
                    lite.conn.execute("SELECT id FROM documents WHERE instr(clean_text, ?) > 0 LIMIT 200",
                                      [query]).fetchall()
                    times["floor"].append(time.perf_counter() - started)
                    started = time.perf_counter()  # PostgreSQL's own floor: one statement there and back
                    pg.execute("SELECT 1").fetchall()
                    times["round_trip"].append(time.perf_counter() - started)
                server_after = _backend_cpu(backend)  # SELECT 1 adds next to nothing to the backend's count
                server = None if server_before is None or server_after is None else server_after - server_before
                same = answers["sqlite"] == answers["pg"]
                out["differ"] += not same
                out["queries"][name] = {"query": query, "hits": len(answers["sqlite"]), "same": same,
                                        **{f"{k}_s": _median(v) for k, v in times.items()},
                                        "ratio": _median(times["pg"]) / _median(times["sqlite"]),
                                        "sqlite_cpu_s": cpu["sqlite"] / cfg["runs"],
                                        "pg_cpu_s": None if server is None else (cpu["pg"] + server) / cfg["runs"]}
        return out
    finally:
        pg.close()


def _stream(project, names: list[str]) -> tuple[float, int, float | None]:
    from annotator.bench.scale import _reset_peak  # noqa: PLC0415
    from annotator.storage.span_stream import accepted_by_document  # noqa: PLC0415

    _reset_peak()
    started = time.perf_counter()
    n = sum(len(spans) for _doc, spans in accepted_by_document(project, names))
    return time.perf_counter() - started, n, _reset_peak()


def _bare(project) -> tuple[float, int, float | None]:
    from annotator.bench.scale import _reset_peak  # noqa: PLC0415

    _reset_peak()
    started = time.perf_counter()
    rows = project.fetchall('SELECT id, document_id, start, "end", label, annotator, attributes FROM spans'
                            " WHERE status = ?", ["accepted"])
    return time.perf_counter() - started, len(rows), _reset_peak()


def stream_figures(cluster, folder: Path, cfg: dict) -> dict:
    from annotator.bench import team  # noqa: PLC0415
    from annotator.storage import open_project  # noqa: PLC0415
    from annotator.storage.project import now  # noqa: PLC0415

    team_cfg = {**team.FULL, **{k: cfg[k] for k in ("docs", "annotators", "doc_chars", "spans_per_doc")}}
    lite_figures = team.sqlite_agreement(folder, team_cfg)  # builds folder/agree.annotator.db, runs the report
    names = [f"ann{i:02d}" for i in range(cfg["annotators"])]
    pg = _pg_project(cluster, "stream")
    try:
        _copy_documents(folder / "agree.annotator.db", pg)
        stamp = now()
        with pg.write():
            pg.executemany("INSERT INTO annotators (name, created) VALUES (?, ?) ON CONFLICT DO NOTHING",
                           [(n, stamp) for n in names])
        with pg.raw_connection().cursor().copy('COPY spans (id, document_id, start, "end", label, annotator,'
                                               " status, created, updated) FROM STDIN") as copy:
            for row in team.agreement_spans(range(1, cfg["docs"] + 1), names, team_cfg,
                                            labels=("directive", "statistic")):
                copy.write_row((*row, "accepted", stamp, stamp))
        pg.execute("ANALYZE")
        out: dict[str, Any] = {"docs": cfg["docs"], "annotators": cfg["annotators"],
                               "sqlite_report": lite_figures, "pg_report": team.full_report(pg, names)}
        with open_project(folder / "agree.annotator.db", readonly=True) as lite:
            for side, project in (("sqlite", lite), ("pg", pg)):
                bare_s, bare_n, bare_rss = _bare(project)
                stream_s, stream_n, stream_rss = _stream(project, names)
                out[side] = {"stream_s": stream_s, "spans": stream_n, "stream_peak_rss_mb": stream_rss,
                             "bare_s": bare_s, "bare_rows": bare_n, "bare_peak_rss_mb": bare_rss}
            out["report_pairs"] = {**report_pairs(lite, pg, cfg["report_runs"]), "runs": cfg["report_runs"]}
        return out
    finally:
        pg.close()


def _report_once(project) -> dict:
    """One full agreement report: wall, this process's CPU, the server backend's CPU (PostgreSQL) and
    the round trips (every call to the server passes the backend's watchdog, ``_watched``, once)."""
    from annotator.agreement.project import project_agreement  # noqa: PLC0415
    from annotator.agreement.report import render_table  # noqa: PLC0415

    names = [r[0] for r in project.fetchall("SELECT name FROM annotators WHERE name NOT LIKE '@%' ORDER BY name")]
    pid = None if project.dialect.sqlite else project.raw_connection().info.backend_pid
    trips = [0]
    if pid is not None:
        real = project._watched

        def counted(*args, **kwargs):
            trips[0] += 1
            return real(*args, **kwargs)
        project._watched = counted
    server0 = _backend_cpu(pid) if pid else None
    cpu0, t0 = time.process_time(), time.perf_counter()
    result = project_agreement(project, names)
    render_table(result)
    wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
    server = (_backend_cpu(pid) - server0) if pid and server0 is not None else None
    if pid is not None:
        del project._watched
    return {"s": wall, "cpu_s": cpu, "server_cpu_s": server, "round_trips": trips[0] if pid else None,
            "f1": result.overall["strict"].f1}


def report_pairs(lite, pg, runs: int) -> dict:
    """The full report on each backend, alternately (SQLite, PostgreSQL, SQLite, …), ``runs`` times each:
    the two sides see the same load. Medians of each figure."""
    seen: dict[str, list[dict]] = {"sqlite": [], "pg": []}
    for _ in range(runs):
        for side, project in (("sqlite", lite), ("pg", pg)):
            seen[side].append(_report_once(project))
    return {side: {key: _median([r[key] for r in rs]) if rs[0][key] is not None else None for key in rs[0]}
            for side, rs in seen.items()}


def _import_cpu(project, files: list[Path], server_pid: int | None) -> tuple[float, float | None]:
    """(CPU seconds per imported document in this process, and in the server backend ``server_pid``)."""
    from annotator.services import importing  # noqa: PLC0415

    server_before = _backend_cpu(server_pid) if server_pid else None
    used = time.process_time()
    summary = importing.import_files(project, files, annotator="bench")
    client = (time.process_time() - used) / max(1, summary.imported)
    if server_before is None:
        return client, None
    return client, (_backend_cpu(server_pid) - server_before) / max(1, summary.imported)


def import_figures(cluster, folder: Path, cfg: dict) -> dict:
    """CPU per imported document on each backend, and on PostgreSQL without the text's trigram index."""
    import random  # noqa: PLC0415

    from annotator.bench import corpus  # noqa: PLC0415
    from annotator.storage import open_project  # noqa: PLC0415

    pool, rng = corpus.load_pool(), random.Random(16)
    files = []
    for i in range(cfg["import_docs"] + 1):  # the first warms each side up (imports, caches): not counted
        path = folder / f"import{i:04d}.txt"
        path.write_text(corpus.make_document(pool, rng, 3000, i), encoding="utf-8")
        files.append(path)
    out: dict[str, Any] = {"docs": cfg["import_docs"]}
    with open_project(folder / "import.annotator.db") as lite:
        _import_cpu(lite, files[:1], None)
        out["sqlite_cpu_s"] = _import_cpu(lite, files[1:], None)[0]
    for side, index in (("pg", True), ("pg_no_text_index", False)):
        pg = _pg_project(cluster, f"import_{side}")
        try:
            if not index:
                pg.execute("DROP INDEX documents_text_grams")
            _import_cpu(pg, files[:1], None)
            out[f"{side}_client_cpu_s"], out[f"{side}_server_cpu_s"] = _import_cpu(
                pg, files[1:], pg.scalar("SELECT pg_backend_pid()"))
        finally:
            pg.close()
    return out


def figures(quick: bool = False) -> dict[str, Any]:
    from annotator.bench.team_cluster import Cluster, unavailable  # noqa: PLC0415

    cfg = QUICK if quick else FULL
    why = unavailable()
    if why:
        return {"skipped": why}
    folder = Path(tempfile.mkdtemp(prefix="annotator-bench-pg-"))
    cluster = Cluster()
    try:
        return {"config": cfg, "search": search_figures(cluster, folder, cfg),
                "stream": stream_figures(cluster, folder, cfg), "import": import_figures(cluster, folder, cfg)}
    finally:
        cluster.stop(remove=True)
        shutil.rmtree(folder, ignore_errors=True)


def rows(r: dict, row) -> list[dict[str, Any]]:
    """Table rows (``row`` is annotator.bench.rows._row)."""
    p = r["pg_speed"]
    if "skipped" in p:
        return [row(f"PostgreSQL-beside-SQLite rows (SQLite as the peer) skipped: {p['skipped']}", None, "", "", None)]
    s, st = p["search"], p["stream"]
    out = []
    for name, q in s["queries"].items():
        out.append(row(f"search on PostgreSQL, {name} chars ({q['query']}, {q['hits']} hits, {s['docs']} docs"
                       f"{'' if q['same'] else ', HITS DIFFER'})", q["pg_s"] * 1e3, "ms",
                       "the same search on SQLite (peer)", q["sqlite_s"] * 1e3, target=1.5))
        out.append(row("  SQLite's search", q["sqlite_s"] * 1e3, "ms", "instr() scan, same LIMIT", q["floor_s"] * 1e3))
        if q.get("pg_cpu_s") and q.get("sqlite_cpu_s"):  # the same, free of the waits for a shared core
            out.append(row("  CPU time of PostgreSQL's search (client + server backend)", q["pg_cpu_s"] * 1e3, "ms",
                           "SQLite's CPU time", q["sqlite_cpu_s"] * 1e3))
        if q.get("round_trip_s"):  # what no PostgreSQL search can go below: asking the server anything
            out.append(row("  PostgreSQL's search", q["pg_s"] * 1e3, "ms", "a bare round trip (SELECT 1)",
                           q["round_trip_s"] * 1e3))
    imp = p.get("import")
    if imp and imp.get("pg_server_cpu_s") is not None:
        pg_total = imp["pg_client_cpu_s"] + imp["pg_server_cpu_s"]
        out.append(row(f"import on PostgreSQL, CPU per document (client + server backend, {imp['docs']} docs)",
                       pg_total * 1e3, "ms", "SQLite's import, CPU per document (peer)", imp["sqlite_cpu_s"] * 1e3))
        out.append(row("  server CPU per document", imp["pg_server_cpu_s"] * 1e3, "ms",
                       "the same import without the text's trigram-set index", imp["pg_no_text_index_server_cpu_s"] * 1e3))
    for side, title in (("sqlite", "SQLite"), ("pg", "PostgreSQL (server-side cursor)")):
        f = st[side]
        out.append(row(f"agreement span stream on {title}, {st['docs']} docs × {st['annotators']} annotators "
                       f"({f['spans']} spans)", f["stream_s"], "s", "bare SELECT of the same columns (fetchall)",
                       f["bare_s"], rss=f["stream_peak_rss_mb"]))
    for side, title in (("sqlite_report", "SQLite"), ("pg_report", "PostgreSQL, as the owner")):
        f = st[side]
        out.append(row(f"  full agreement report on {title}", f["report_s"], "s", "read + sort the same spans",
                       f["report_floor_s"], target_text="≤ 5 s abs", rss=f.get("report_peak_rss_mb")))
        out[-1]["met"] = f["report_s"] <= 5
    pairs = st.get("report_pairs")
    if pairs:  # the same report, the two backends taking turns under the same load
        lite, pg = pairs["sqlite"], pairs["pg"]
        out.append(row(f"  full agreement report on PostgreSQL, taking turns with SQLite (median of {pairs['runs']})",
                       pg["s"], "s", "the same report on SQLite, in between (peer)", lite["s"], target=1.5))
        out.append(row(f"  its CPU: client + server backend ({pg['round_trips']} round trips)",
                       pg["cpu_s"] + (pg["server_cpu_s"] or 0), "s", "SQLite's CPU (one process)", lite["cpu_s"]))
    return out


if __name__ == "__main__":
    print(json.dumps(figures("--quick" in sys.argv), indent=1, default=str))
