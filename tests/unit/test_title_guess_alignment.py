"""The sibling alignment of run-on titles (title_guess._provisional_shapes) is written out for speed;
here it is checked against the plain formulation (best similar cut of each sibling, then
_sibling_term) on run-on documents of parallel headings, so the written-out loop keeps the same result."""

from __future__ import annotations

import bisect
import random

from annotator.structure import title_guess
from annotator.structure.outline import parse_outline
from annotator.structure.title_guess import _PARALLEL_SLACK, _sibling_term, _similarity


def _reference(suspects, siblings, shapes):
    by_index = {sus.index: sus for sus in suspects}
    ordered = {sus.index: (sorted(sus.cuts), [sus.cuts[c][2] for c in sorted(sus.cuts)]) for sus in suspects}
    guesses = {}
    for sus in suspects:
        others = [by_index[j] for j in siblings[sus.index] if j != sus.index and j in by_index]
        if not others:
            continue
        fixed = [shapes[j] for j in siblings[sus.index] if j != sus.index and j not in by_index]
        best = (-1e9, sus.natural[1])
        for cut, (score, _cue, shape) in sus.cuts.items():
            refs = list(fixed)
            for o in others:
                positions, cut_shapes = ordered[o.index]
                lo = bisect.bisect_left(positions, cut - _PARALLEL_SLACK)
                hi = bisect.bisect_right(positions, cut + _PARALLEL_SLACK, lo)
                window = cut_shapes[lo:hi]
                refs.append(max(window, key=lambda r: _similarity(shape, r)) if window else o.natural[1])
            best = max(best, (score + _sibling_term(shape, refs), shape))
        guesses[sus.index] = best[1]
    return guesses


_PHRASES = ["提高政治站位", "在举旗定向上", "展现新作为", "强化责任担当", "在服务大局中", "彰显新业绩", "各地要",
            "习近平总书记强调", "当前", "我们要", "坚持问题导向", "推动高质量发展", "，", "聚焦主责主业"]


def _run_on_document(rng: random.Random, flat: bool) -> str:
    parts = []
    for marker in "一二三四五六七":
        title = "".join(rng.choice(_PHRASES[:12]) for _ in range(rng.randint(2, 5)))
        body = "".join(rng.choice(_PHRASES) for _ in range(rng.randint(3, 12)))
        parts.append(f"{marker}、{title}{body}。")
    return "".join(parts) if flat else "\n".join(parts)


def test_written_out_alignment_matches_the_plain_formulation(monkeypatch):
    calls = []
    real = title_guess._provisional_shapes

    def checked(suspects, siblings, shapes):
        got = real(suspects, siblings, shapes)
        assert got == _reference(suspects, siblings, shapes)
        calls.append(len(got))
        return got

    monkeypatch.setattr(title_guess, "_provisional_shapes", checked)
    rng = random.Random(20261130)
    for k in range(40):
        parse_outline(_run_on_document(rng, flat=k % 2 == 0))
    assert sum(calls) > 40  # the alignment really ran, on many suspects
