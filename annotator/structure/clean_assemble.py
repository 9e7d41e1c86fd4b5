"""Turn "regions of the raw text to drop" into a CleanResult, normalising whitespace on the way.

Whitespace is normalised after the chrome is gone (removing a line leaves blank lines behind), but
every dropped space is still recorded against the raw text, so ``kept`` maps each clean code point
back to its raw position.
"""

from __future__ import annotations

import bisect
import re

from annotator.domain.model import CleanResult, RemovedRegion

WHITESPACE = "whitespace"
SPACES = " \t\u3000\xa0\r"

# Any whitespace run that contains a line break becomes "\n" (one break) or "\n\n" (a blank line).
# A bare "\n" between two words (most line breaks) cuts nothing: _whitespace_cuts finds the breaks with
# str.find and looks at a run only where a space or another break touches one (a regex scan over every
# character was a fifth of the cleaner's time, issue 19).
_RUN_REST = re.compile(r"[ \t\u3000\xa0\r\n]*")
_EDGE_SPACES = re.compile(r"[ \t\u3000\xa0\r]+")  # matched at the start only
_EDGE_CHARS = frozenset(" \t\u3000\xa0\r")


def normalise(regions: list[tuple[int, int, str]], length: int) -> list[tuple[int, int, str]]:
    """Sorted, non-overlapping regions; where two overlap, the earlier-starting one keeps the overlap.

    Touching regions with the same reason become one, so a report lists a 温馨提示 block once.
    """
    out: list[tuple[int, int, str]] = []
    for start, end, reason in sorted(regions, key=lambda r: (r[0], -r[1])):
        start, end = max(start, 0), min(end, length)
        if out and start < out[-1][1]:
            start = out[-1][1]
        if start >= end:
            continue
        if out and start == out[-1][1] and reason == out[-1][2]:
            out[-1] = (out[-1][0], end, reason)
        else:
            out.append((start, end, reason))
    return out


def _gaps(regions: list[tuple[int, int, str]], length: int) -> list[tuple[int, int]]:
    gaps, pos = [], 0
    for start, end, _ in regions:
        if start > pos:
            gaps.append((pos, start))
        pos = end
    if pos < length:
        gaps.append((pos, length))
    return gaps


def _whitespace_cuts(text: str) -> list[tuple[int, int]]:
    """Ranges of ``text`` to drop so that blank-line runs collapse to one and lines lose edge spaces.

    The break runs come in text order and do not overlap, so the cuts are produced sorted; a bare
    line break (most of them) cuts nothing and is skipped at once."""
    cuts: list[tuple[int, int]] = []
    n = len(text)
    edge = _EDGE_SPACES.match(text)
    if edge:
        cuts.append(edge.span())
    find, rest, spaces = text.find, _RUN_REST.match, _EDGE_CHARS
    pos = 0
    while (brk := find("\n", pos)) >= 0:
        start = brk
        while start > pos and text[start - 1] in spaces:  # trailing spaces of the line before
            start -= 1
        end = rest(text, brk + 1).end()  # the run: every space and break that follows
        pos = end
        if start == 0 or end == n:
            cuts.append((start, end))  # no leading or trailing breaks in the clean text
            continue
        if end - start == 1:
            continue  # a bare break
        last = text.rindex("\n", start, end)
        if brk > start:
            cuts.append((start, brk))
        if last > brk:
            cuts.append((brk + 1, last))  # extra blank lines (one blank line survives)
        if end > last + 1:
            cuts.append((last + 1, end))  # indentation of the next paragraph
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


def assemble(raw: str, regions: list[tuple[int, int, str]]) -> CleanResult:
    n = len(raw)
    chrome = normalise(regions, n)
    gaps = _gaps(chrome, n)
    provisional = "".join(raw[s:e] for s, e in gaps)

    # Map each whitespace cut from provisional offsets back to raw offsets, run by run.
    ws: list[tuple[int, int, str]] = []
    gap_index, gap_pstart = 0, 0
    for pstart, pend in _whitespace_cuts(provisional):
        while pstart < pend:
            while gap_pstart + (gaps[gap_index][1] - gaps[gap_index][0]) <= pstart:
                gap_pstart += gaps[gap_index][1] - gaps[gap_index][0]
                gap_index += 1
            raw_start, raw_end = gaps[gap_index]
            offset = pstart - gap_pstart
            take = min(pend - pstart, raw_end - raw_start - offset)
            ws.append((raw_start + offset, raw_start + offset + take, WHITESPACE))
            pstart += take

    every = normalise(chrome + ws, n)
    kept: list[tuple[int, int, int]] = []
    pieces: list[str] = []
    clean_pos = 0
    for start, end in _gaps(every, n):
        kept.append((start, end, clean_pos))
        pieces.append(raw[start:end])
        clean_pos += end - start
    removed = [RemovedRegion(s, e, raw[s:e], reason) for s, e, reason in every]
    return CleanResult(text="".join(pieces), removed=removed, kept=kept)


def clean_to_raw(kept: list[tuple[int, int, int]], clean_offset: int) -> int:
    """Raw offset of a clean offset (an offset at the very end maps to the end of the last run)."""
    starts = [k[2] for k in kept]
    i = bisect.bisect_right(starts, clean_offset) - 1
    if i < 0:
        return 0
    raw_start, raw_end, clean_start = kept[i]
    return min(raw_start + clean_offset - clean_start, raw_end)
