"""Multi-megabyte inputs get the same outline as their parts: a document of 10 parts × 3 sections × 2
items (一、（一）1．), repeated to ~2 MB on one line (a flattened web page) and on lines, must give
exactly the outline of one copy, repeated and shifted — every heading found, at its level, with its title
and span. Behaviour only: how fast is the benchmark's business (annotator/bench/linear.py)."""

from __future__ import annotations

from collections import Counter

import pytest

from annotator.bench.corpus import chinese_number
from annotator.structure.outline import parse_outline

_BODY = "各地区各部门要统一思想认识，压实工作责任，细化工作措施，确保各项任务落到实处、见到实效。"
_PARTS, _SECTIONS, _ITEMS = 10, 3, 2
_PER_COPY = _PARTS * (1 + _SECTIONS * (1 + _ITEMS))


def _copy(separator: str) -> str:
    out = []
    for a in range(1, _PARTS + 1):
        out.append(f"{chinese_number(a)}、第{chinese_number(a)}部分的要求。{_BODY}")
        for b in range(1, _SECTIONS + 1):
            out.append(f"（{chinese_number(b)}）关于第{chinese_number(b)}项工作。{_BODY}")
            out += [f"{c}．具体措施{c}。{_BODY}" for c in range(1, _ITEMS + 1)]
    return separator.join(out) + separator


def _shape(sections, shift: int = 0, index_shift: int = 0) -> list[tuple]:
    return [(s.level, s.marker, s.title, s.start + shift, s.end + shift, s.title_start + shift,
             s.title_end + shift, None if s.parent is None else s.parent + index_shift) for s in sections]


@pytest.mark.parametrize("separator", ["", "\n"], ids=["one line", "lines"])
def test_a_multi_megabyte_text_gets_the_outline_of_its_copies(separator):
    one = _copy(separator)
    copies = 2_000_000 // len(one) + 1
    sections = parse_outline(one * copies)
    assert len(sections) == copies * _PER_COPY
    assert Counter(s.level for s in sections) == {1: copies * _PARTS, 2: copies * _PARTS * _SECTIONS,
                                                  3: copies * _PARTS * _SECTIONS * _ITEMS}
    single = parse_outline(one)
    assert len(single) == _PER_COPY
    expected = []
    for k in range(copies):
        expected += _shape(single, k * len(one), k * _PER_COPY)
    assert _shape(sections) == expected
