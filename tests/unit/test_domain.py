from dataclasses import dataclass

import pytest
from hypothesis import given, strategies as st

from annotator.domain.intervals import IntervalIndex
from annotator.domain.offsets import Utf16Map
from annotator.domain.selection import snap


@dataclass(frozen=True)
class I:
    start: int
    end: int


def test_interval_overlaps_match_brute_force():
    import random

    rnd = random.Random(7)
    items = [I(s, s + rnd.randint(1, 40)) for s in (rnd.randint(0, 500) for _ in range(300))]
    index = IntervalIndex(items)
    for _ in range(300):
        a = rnd.randint(0, 560)
        b = a + rnd.randint(1, 30)
        expected = sorted((i for i in items if i.start < b and i.end > a), key=lambda i: (i.start, i.end))
        got = sorted(index.overlapping(a, b), key=lambda i: (i.start, i.end))
        assert got == expected
    assert index.at(-5) == [] and len(index) == 300


@pytest.mark.parametrize(
    "text,u16_end",
    [("𠮷一是要加强", 7), ("😀😀a𠮷b", 8), ("一是要加强", 5), ("要\n加强\n", 5)],
)
def test_utf16_map_matches_python_utf16_encoding(text, u16_end):
    m = Utf16Map(text)
    assert m.utf16_length == u16_end
    for cp in range(len(text) + 1):
        u16 = len(text[:cp].encode("utf-16-le")) // 2
        assert m.to_utf16(cp) == u16 and m.to_codepoint(u16) == cp


def test_crlf_source_offsets_count_one_code_point_per_line_break():
    raw = "一、总体要求\r\n𠮷要加强。\r\n"
    text = raw.replace("\r\n", "\n")
    m = Utf16Map(text)
    start = text.index("要加强")
    assert text[start:start + 3] == "要加强" and m.to_utf16(start) == start + 1


@given(st.text(alphabet=st.sampled_from(list("a一。\n😀𠮷 ") + ["\U0001F600"]), max_size=60))
def test_utf16_round_trip_property(text):
    m = Utf16Map(text)
    for cp in range(len(text) + 1):
        assert m.to_codepoint(m.to_utf16(cp)) == cp
    assert m.utf16_length == len(text.encode("utf-16-le")) // 2


def test_snap_trims_spaces_and_punctuation_but_keeps_paired_quotes():
    text = "，  要坚持“两个毫不动摇”。 "
    s, e = snap(text, 0, len(text))
    assert text[s:e] == "要坚持“两个毫不动摇”"


def test_snap_clause_and_sentence():
    text = "过去一年成绩显著。全县要加强统筹，确保完成任务；同时要抓好落实。"
    i = text.index("统筹")
    s, e = snap(text, i, i + 2, "clause")
    assert text[s:e] == "全县要加强统筹"
    s, e = snap(text, i, i + 2, "sentence")
    assert text[s:e] == "全县要加强统筹，确保完成任务；同时要抓好落实。"


def test_snap_of_only_punctuation_is_empty():
    s, e = snap("，。；", 0, 3)
    assert s == e
