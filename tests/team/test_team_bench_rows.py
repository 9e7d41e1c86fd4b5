"""The team rows of the benchmark: a clear line instead of a failure without a server, and the table
built from the figures (the figures themselves are measured by `python -m annotator.bench`)."""

from __future__ import annotations

from annotator.bench import rows, team


def test_without_a_server_the_rows_say_why(monkeypatch):
    monkeypatch.setattr(team, "server_bin", lambda: None)
    result = team.figures(quick=True)
    assert "no PostgreSQL server" in result["skipped"]
    table = rows.rows({"team": result})
    assert len(table) == 1 and "skipped: no PostgreSQL server" in table[0]["what"] and table[0]["what"].startswith("team rows")


def test_rows_from_figures():
    figures = {"config": dict(team.FULL), "floor": {"p95_s": 0.02, "median_s": 0.005},
               "load": {"ops": 1000, "lost": 0, "duplicated": 0, "pending": 0, "p95_s": 0.3, "median_s": 0.2},
               "agreement": {"seconds": 0.8, "fetch_s": 4.0, "floor_s": 0.8, "spans": 127883, "annotators": 20,
                             "docs": 1000, "report_s": 7.3, "report_docs": 20}}
    table = rows.rows({"team": figures})
    assert table[0]["ratio"] == 15.0 and table[0]["unit"] == "ms"
    view = next(r for r in table if r["what"].startswith("lead's agreement view"))
    assert view["met"] is True and view["target"] == "≤ 5 s abs"
    assert any("first 20 docs only" in r["what"] for r in table)
