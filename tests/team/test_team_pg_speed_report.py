"""The agreement report's benchmark rows on both backends taking turns (annotator/bench/pg_speed.py
report_pairs): the same report on the same spans, its CPU split client/server and its round trips."""

from __future__ import annotations

import pytest

pytest.importorskip("psycopg")

from annotator.bench import pg_speed, rows  # noqa: E402
from annotator.domain.model import Span  # noqa: E402
from annotator.storage import documents, open_project, spans  # noqa: E402

TEXT = "一、总体要求\n各级党委要切实加强领导，确保全年增长5.2%。𠮷\n二、重点任务\n要坚持稳中求进。😀\n"


def _fill(project) -> None:
    doc, _ = documents.add_document(project, clean_text=TEXT, raw_text=TEXT, title="讲话", annotator="lead")
    for who, shift in (("li", 0), ("wang", 1), ("zhao", 0)):
        for start in (7, 20, 33):
            spans.add_span(project, Span(start=start + shift, end=start + 6, label="directive", annotator=who,
                                         document_id=doc))


def test_both_backends_take_turns_on_the_same_report(tmp_path, pg_project):
    with open_project(tmp_path / "p.db") as lite, open_project(pg_project) as pg:
        _fill(lite)
        _fill(pg)
        pairs = pg_speed.report_pairs(lite, pg, 1)
    assert pairs["sqlite"]["f1"] == pairs["pg"]["f1"] and 0 < pairs["pg"]["f1"] < 1
    assert pairs["sqlite"]["round_trips"] is None and pairs["pg"]["round_trips"] > 0
    assert pairs["pg"]["cpu_s"] > 0


def test_the_rows_put_the_backends_side_by_side():
    side = {"stream_s": 0.6, "spans": 10, "stream_peak_rss_mb": 1.0, "bare_s": 0.3, "bare_rows": 10}
    report = {"report_s": 2.0, "report_floor_s": 0.5}
    pairs = {"runs": 3, "sqlite": {"s": 4.0, "cpu_s": 3.0, "server_cpu_s": None, "round_trips": None, "f1": 0.6},
             "pg": {"s": 5.0, "cpu_s": 2.5, "server_cpu_s": 0.5, "round_trips": 55, "f1": 0.6}}
    figures = {"config": dict(pg_speed.FULL), "search": {"docs": 1, "differ": 0, "queries": {}},
               "stream": {"docs": 1, "annotators": 2, "sqlite": side, "pg": side, "sqlite_report": report,
                          "pg_report": report, "report_pairs": pairs}}
    table = rows.rows({"pg_speed": figures})
    turns = next(r for r in table if "taking turns" in r["what"])
    cpu = next(r for r in table if "55 round trips" in r["what"])
    assert turns["ratio"] == 1.25 and turns["met"] is True and cpu["ratio"] == 1.0
