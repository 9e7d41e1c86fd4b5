"""The export benchmark builds what it says and reports consistent figures (the 100 000-span budget run
is ``python -m annotator.exchange.bench``; here a small run keeps the unit suite quick)."""

from __future__ import annotations

import pytest

from annotator.exchange.bench import _floor_is_the_same_rows, bench_export


def test_bench_export_small_run():
    result = bench_export(n_spans=2_500)
    assert result["spans"] == 2_500 and result["documents"] == 3
    assert result["seconds"] > 0 and result["json_dumps_seconds"] > 0
    # seconds is rounded to the millisecond: the rate must agree with it to within that rounding.
    assert 2_500 / (result["seconds"] + 0.001) <= result["spans_per_second"] <= 2_500 / max(result["seconds"] - 0.001, 1e-9)
    # The ratio is reported, never asserted: on a loaded machine either side can be the slower one.
    assert result["ratio_to_json_dumps"] > 0


def test_pairs_and_the_floor_check(tmp_path):
    result = bench_export(n_spans=1_200, runs=3)
    assert len(result["pair_ratios"]) == len(result["pair_cpu_ratios"]) == 3
    assert sorted(result["pair_ratios"])[1] == result["ratio_to_json_dumps"]  # the median pair


def test_a_floor_of_other_rows_is_refused(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text('{"a": 1}\n{"b": 2}\n', encoding="utf-8")
    _floor_is_the_same_rows(out, ['{"a": 1}', '{"b": 2}'])
    with pytest.raises(AssertionError):
        _floor_is_the_same_rows(out, ['{"a": 1}'])
