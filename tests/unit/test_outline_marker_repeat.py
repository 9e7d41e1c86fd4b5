"""A text of chapter and article markers glued together ("第一章第一条" over and over: a pasted index, a
broken conversion) parses in a bounded number of placements and to a bounded outline.  Each re-arranging
pass of the outline drops one lone run there, so 25 passes over every candidate once made a half-million
repeat take minutes.  Behaviour only (how many times candidates are placed, what comes out); the time of
such a text is the benchmark's business (annotator/bench/outline_hostile.py); the command line on the
issue's half-million repeat is tests/integration/test_outline_marker_repeat_cli.py."""

from __future__ import annotations

from annotator.structure import outline
from annotator.structure.markers import scan

UNIT = "第一章第一条"


def _count_placements(monkeypatch) -> list[int]:
    placed: list[int] = []
    real = outline.arrange

    def counting(cands, *args, **kwargs):
        placed.append(len(cands))
        return real(cands, *args, **kwargs)

    monkeypatch.setattr(outline, "arrange", counting)
    return placed


def test_a_long_repeat_places_each_candidate_a_few_times(monkeypatch):
    text = UNIT * 100_000
    candidates = len(scan(text))
    placed = _count_placements(monkeypatch)
    sections = outline.parse_outline(text)
    assert candidates >= 100_000
    # both readings of a full stop, each a few passes over the candidates (it was 25 each)
    assert sum(placed) <= 2 * 4 * candidates
    assert len(sections) <= 2
    for s in sections:
        assert text[s.start:s.start + len(s.marker)] == s.marker and s.end <= len(text)


def test_a_short_repeat_still_settles_as_before(monkeypatch):
    # Below the placement budget the passes go on as they always did (up to 25 of them).
    text = UNIT * 1_000
    placed = _count_placements(monkeypatch)
    outline.parse_outline(text)
    assert len(placed) > 2 * 3
