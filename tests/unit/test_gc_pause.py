"""The outline parser pauses the cyclic garbage collector while it runs (annotator/structure/gc_pause.py);
it must always leave the collector as it found it — after a parse, after an error, and when a caller had
already disabled it."""

from __future__ import annotations

import gc

import pytest

from annotator.structure.gc_pause import gc_paused
from annotator.structure.outline import parse_outline


def test_the_collector_is_paused_during_a_parse_and_running_after_it():
    seen = []

    @gc_paused
    def work(value: int) -> int:
        seen.append(gc.isenabled())
        return value * 2

    assert gc.isenabled()
    assert work(21) == 42
    assert seen == [False]
    assert gc.isenabled()
    assert [s.marker for s in parse_outline("一、总体要求\n正文。\n二、主要任务\n正文。\n")] == ["一、", "二、"]
    assert gc.isenabled()


def test_an_error_inside_leaves_the_collector_running():
    @gc_paused
    def broken() -> None:
        raise ValueError("bad input")

    with pytest.raises(ValueError, match="bad input"):
        broken()
    assert gc.isenabled()


def test_a_caller_that_disabled_the_collector_keeps_it_disabled():
    gc.disable()
    try:
        parse_outline("一、总体要求\n正文。\n")
        assert not gc.isenabled()
    finally:
        gc.enable()
