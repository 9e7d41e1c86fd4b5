"""The PostgreSQL-beside-SQLite rows of the benchmark (annotator/bench/pg_speed.py): a clear line instead
of a failure without a server, and the table built from the figures (measured by `python -m annotator.bench`)."""

from __future__ import annotations

from annotator.bench import pg_speed, rows
from annotator.bench import team_cluster


def test_without_a_server_the_rows_say_why(monkeypatch):
    monkeypatch.setattr(team_cluster, "server_bin", lambda: None)
    result = pg_speed.figures(quick=True)
    assert "no PostgreSQL server" in result["skipped"]
    table = rows.rows({"pg_speed": result})
    assert len(table) == 1 and "skipped: no PostgreSQL server" in table[0]["what"]


def test_rows_from_figures():
    query = {"query": "工会", "hits": 200, "same": True, "sqlite_s": 0.04, "pg_s": 0.05, "floor_s": 0.02}
    report = {"report_s": 2.0, "report_floor_s": 0.5, "report_peak_rss_mb": 130.0}
    side = {"stream_s": 0.6, "spans": 127883, "stream_peak_rss_mb": 110.0, "bare_s": 0.3, "bare_rows": 127883}
    figures = {"config": dict(pg_speed.FULL),
               "search": {"docs": 300, "differ": 0, "queries": {"2": query, "1": {**query, "same": False, "pg_s": 0.1}}},
               "stream": {"docs": 1000, "annotators": 20, "sqlite": side, "pg": side, "sqlite_report": report,
                          "pg_report": {**report, "report_s": 6.0}}}
    table = rows.rows({"pg_speed": figures})
    searches = [r for r in table if r["what"].startswith("search on PostgreSQL")]
    assert [r["ratio"] for r in searches] == [1.25, 2.5] and [r["met"] for r in searches] == [True, False]
    assert "HITS DIFFER" in searches[1]["what"] and "HITS DIFFER" not in searches[0]["what"]
    streams = [r for r in table if r["what"].startswith("agreement span stream")]
    assert len(streams) == 2 and streams[0]["ratio"] == 2.0 and streams[0]["peak_rss_mb"] == 110.0
    reports = [r for r in table if "full agreement report" in r["what"]]
    assert [r["met"] for r in reports] == [True, False] and reports[0]["ratio"] == 4.0


def test_the_round_trip_floor_is_shown_beside_postgresqls_search():
    query = {"query": "量子纠缠态", "hits": 0, "same": True, "sqlite_s": 0.0004, "pg_s": 0.0012, "floor_s": 0.0001,
             "round_trip_s": 0.0003}
    side = {"stream_s": 0.6, "spans": 10, "stream_peak_rss_mb": 1.0, "bare_s": 0.3, "bare_rows": 10}
    report = {"report_s": 2.0, "report_floor_s": 0.5}
    figures = {"config": dict(pg_speed.QUICK), "search": {"docs": 20, "differ": 0, "queries": {"5 (no hit)": query}},
               "stream": {"docs": 40, "annotators": 4, "sqlite": side, "pg": side, "sqlite_report": report,
                          "pg_report": report}}
    table = rows.rows({"pg_speed": figures})
    [floor] = [r for r in table if "bare round trip" in str(r.get("floor_what", "")) or "bare round trip" in str(r)]
    assert floor["ratio"] == 4.0  # 1.2 ms against the 0.3 ms any question to the server costs


def test_import_rows_put_the_text_index_beside_the_server_cpu():
    side = {"stream_s": 0.6, "spans": 10, "stream_peak_rss_mb": 1.0, "bare_s": 0.3, "bare_rows": 10}
    report = {"report_s": 2.0, "report_floor_s": 0.5}
    imported = {"docs": 40, "sqlite_cpu_s": 0.008, "pg_client_cpu_s": 0.009, "pg_server_cpu_s": 0.014,
                "pg_no_text_index_client_cpu_s": 0.009, "pg_no_text_index_server_cpu_s": 0.004}
    figures = {"config": dict(pg_speed.FULL), "search": {"docs": 300, "differ": 0, "queries": {}},
               "stream": {"docs": 1, "annotators": 2, "sqlite": side, "pg": side, "sqlite_report": report,
                          "pg_report": report}, "import": imported}
    table = rows.rows({"pg_speed": figures})
    total = next(r for r in table if r["what"].startswith("import on PostgreSQL"))
    server = next(r for r in table if r["what"].strip().startswith("server CPU per document"))
    assert total["ratio"] == (0.009 + 0.014) / 0.008 and server["ratio"] == 3.5
