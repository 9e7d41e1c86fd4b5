"""The team rows of the benchmark: a clear line instead of a failure without a server, and the table
built from the figures (the figures themselves are measured by `python -m annotator.bench`)."""

from __future__ import annotations

from annotator.bench import rows, team, team_cluster


def test_without_a_server_the_rows_say_why(monkeypatch):
    monkeypatch.setattr(team_cluster, "server_bin", lambda: None)
    result = team.figures(quick=True)
    assert "no PostgreSQL server" in result["skipped"]
    table = rows.rows({"team": result})
    assert len(table) == 1 and "skipped: no PostgreSQL server" in table[0]["what"]


def test_rows_from_figures():
    figures = {"config": dict(team.FULL), "floor": {"p95_s": 0.02, "median_s": 0.005},
               "load": {"ops": 1000, "lost": 0, "duplicated": 0, "pending": 0, "p95_s": 0.3, "median_s": 0.2},
               "agreement": {"seconds": 0.8, "fetch_s": 4.0, "floor_s": 0.8, "spans": 127883, "annotators": 20,
                             "docs": 1000, "report_s": 7.3, "report_floor_s": 0.9, "report_pairs": 190,
                             "report_peak_rss_mb": 120.0},
               "agreement_sqlite": {"docs": 1000, "annotators": 20, "report_s": 3.1, "report_floor_s": 0.4}}
    table = rows.rows({"team": figures})
    assert table[0]["ratio"] == 15.0 and table[0]["unit"] == "ms"
    view = next(r for r in table if r["what"].startswith("lead's agreement view"))
    assert view["met"] is True and view["target"] == "≤ 5 s abs"
    full = [r for r in table if "full agreement report" in r["what"]]
    assert len(full) == 2 and "all 1000 docs, 190 pairs" in full[0]["what"] and full[0]["met"] is False
    assert full[0]["peak_rss_mb"] == 120.0 and full[1]["met"] is True and "SQLite" in full[1]["what"]
