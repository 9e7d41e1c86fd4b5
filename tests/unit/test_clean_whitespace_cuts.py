"""clean_assemble._whitespace_cuts finds breaks with str.find and skips bare ones (a speed change, issue 19): its cuts
must be exactly those of the straightforward scan that visits every break run, on every edge case
(a break opening or closing the text, CRLF, full-width and no-break spaces, blank-line runs)."""

from __future__ import annotations

import random
import re

from annotator.structure.clean import clean
from annotator.structure.clean_assemble import _EDGE_CHARS, _EDGE_SPACES, _whitespace_cuts

_EVERY_RUN = re.compile(r"[ \t\u3000\xa0\r]*\n[ \t\u3000\xa0\r\n]*")


def _reference(text: str) -> list[tuple[int, int]]:
    """The scan before the change: one step per whitespace run holding a break, bare ones included."""
    cuts, n = [], len(text)
    edge = _EDGE_SPACES.match(text)
    if edge:
        cuts.append(edge.span())
    for m in _EVERY_RUN.finditer(text):
        start, end = m.span()
        if start == 0 or end == n:
            cuts.append((start, end))
            continue
        if end - start == 1:
            continue
        first, last = text.index("\n", start), text.rindex("\n", start, end)
        if first > start:
            cuts.append((start, first))
        if last > first:
            cuts.append((first + 1, last))
        if end > last + 1:
            cuts.append((last + 1, end))
    k = n
    while k > 0 and text[k - 1] in _EDGE_CHARS:
        k -= 1
    if k < n:
        cuts.append((k, n))
    merged: list[tuple[int, int]] = []
    for start, end in cuts:
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def test_edge_cases_match_the_full_scan():
    for text in ["", "\n", "\n\n", "a", "a\n", "\na", "\na\n", "a\nb", " \n", "\n ", "a \nb", "a\n b", "a\n\n\nb",
                 "a\r\nb", "a\r\n\r\nb\r\n", "\u3000\u3000a\n\u3000\u3000b\n", "a\xa0\n\xa0b", "a\n \n", " a", "a ",
                 "\t\n\ta\n\n", "𠮷\n😀\n\n𠮷 \n"]:
        assert _whitespace_cuts(text) == _reference(text), repr(text)


def test_random_texts_match_the_full_scan():
    rng = random.Random(19)
    alphabet = ["a", "讲", "𠮷", "\n", "\n", " ", "\t", "\u3000", "\xa0", "\r"]
    for _ in range(6000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, rng.choice((8, 24, 80)))))
        assert _whitespace_cuts(text) == _reference(text), repr(text)


def test_clean_text_keeps_single_breaks_and_collapses_blank_runs():
    raw = "\n第一段。\n第二段。  \n\n\n\u3000\u3000第三段。\n"
    result = clean(raw)
    assert result.text == "第一段。\n第二段。\n\n第三段。"
    assert all(raw[s:e] == result.text[c:c + e - s] for s, e, c in result.kept)  # clean offsets map back
