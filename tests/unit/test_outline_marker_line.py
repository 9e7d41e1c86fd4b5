"""A line made of nothing but markers (hostile input: "一、二、三、（一）1.2.①" over and over, a flattened page
of a numbered form, a pasted index) parses to a bounded outline, and the scanner streams its matches in
the order a full listing would give. Behaviour only: the memory and time of such a line are the
benchmark's business (annotator/bench/outline_hostile.py)."""

from __future__ import annotations

import re

import pytest

from annotator.structure import markers
from annotator.structure.markers import FLATTENED_LINE_MIN, PATTERN, fold_digits, scan
from annotator.structure.outline import parse_outline

_SHAPES = {
    "glued": "一、二、三、（一）1.2.①",
    "after commas": "，一是，二是，三是，（一）",
    "after stops": "。一、。二、。（一）。1．",
    "spaced": " 一、 二、 （一） 1． 第一条 ",
}


def _well_formed(text: str, sections) -> None:
    for i, s in enumerate(sections):
        assert 0 <= s.start < s.end <= len(text)
        assert s.start <= s.title_start <= s.title_end <= s.end
        assert text[s.start:s.start + len(s.marker)] == s.marker
        assert s.parent is None or (0 <= s.parent < i and sections[s.parent].level < s.level)


@pytest.mark.parametrize("shape", sorted(_SHAPES))
@pytest.mark.parametrize("separator", ["", "\n"], ids=["one line", "lines"])
def test_a_text_of_markers_only_parses_to_a_bounded_outline(shape, separator):
    unit = _SHAPES[shape] + separator
    text = (unit * (30_000 // len(unit) + 1))[:30_000]
    sections = parse_outline(text)
    _well_formed(text, sections)
    # at most one heading per marker written, each at least a character long
    assert len(sections) <= sum(1 for _ in PATTERN.finditer(fold_digits(text)))
    assert len(scan(text)) <= len(text) // 2


def _listed(folded: str, newlines: list[int]) -> list[tuple[int, int, str | None]]:
    """The scanner's matches as a full listing gives them: openings, then every match inside a long line
    that no opening match starts at, sorted by start."""
    found = markers._at_openings(folded)
    bounds = [-1, *newlines, len(folded)]
    seen = {m.start() for m in found}
    for a, b in zip(bounds, bounds[1:]):
        if b - a - 1 >= FLATTENED_LINE_MIN:
            found += [m for m in PATTERN.finditer(folded, a + 1, b) if m.start() not in seen]
    return sorted((m.start(), m.end(), m.lastgroup) for m in found)


@pytest.mark.parametrize("shape", sorted(_SHAPES))
def test_streamed_matches_are_the_listed_ones(shape):
    prose = "各地区各部门要统一思想认识，压实工作责任。"
    long_line = (_SHAPES[shape] + prose) * (FLATTENED_LINE_MIN // len(prose) + 2)
    text = fold_digits("\n".join([prose + _SHAPES[shape], long_line, "一、总体要求", long_line[::-1], "（二）"]))
    newlines = [m.start() for m in re.finditer("\n", text)]
    streamed = markers._matches(text, newlines)
    assert not isinstance(streamed, list)  # one match object at a time, whatever the text holds
    assert [(m.start(), m.end(), m.lastgroup) for m in streamed] == _listed(text, newlines)
