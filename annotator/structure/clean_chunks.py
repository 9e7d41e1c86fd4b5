"""Page-chunk numbers of download-site previews.

A preview cuts the document into fixed-size chunks and numbers them "1、" "2、" … at paragraph starts,
with no regard for words ("为成功举\\n\\n2、办世博会"). The speech's own list items look the same, so a
run is accepted only on evidence a real list does not produce:

* consecutive numbers from 1 (or 2, when the first marker was lost) at paragraph starts;
* long chunks (a list item is usually a short line);
* most chunk starts follow text that stops without 。！？；： — a real item follows a finished sentence;
* roughly even spacing in characters (unless nearly every boundary cuts a sentence).

Where a boundary cuts a sentence the marker and the break go ("举办"); where it falls between sentences
only the marker goes and the paragraph break stays.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median

from annotator.structure.clean_rules import ChunkSettings

TERMINALS = frozenset("。！？!?；;：:…")
CLOSERS = "”’」』）)》】\"' \t\u3000\xa0\n"
NUMBER = "page-chunk-number"
JOIN = "page-chunk-join"


@dataclass(frozen=True)
class _Marker:
    pos: int  # paragraph start (after indentation)
    end: int  # end of "12、"
    value: int


def ends_unterminated(text: str, pos: int, floor: int = 0) -> bool:
    """Does the text before ``pos`` stop mid-sentence? (Closing quotes after a 。 do not count.)"""
    i = pos
    while i > floor and text[i - 1] in CLOSERS:
        i -= 1
    return i > floor and text[i - 1] not in TERMINALS


def _candidates(text: str, para_starts: list[int], settings: ChunkSettings) -> list[_Marker]:
    out = []
    for pos in para_starts:
        while pos < len(text) and text[pos] in " \t\u3000\xa0":
            pos += 1
        m = settings.marker.match(text, pos)
        if m:
            out.append(_Marker(pos, m.end(), int(m.group(1))))
    return out


def _longest_chain(text: str, cands: list[_Marker]) -> list[_Marker]:
    """The best run n, n+1, n+2 … in document order, starting at 1 or 2.

    A chain is scored by its length, then by how many of its markers follow an unfinished
    sentence (chunk evidence); ties go to the latest predecessor. One pass: the best chain ending
    in each value so far is all a later marker can extend.
    """
    best_for: dict[int, tuple[tuple[int, int], int]] = {}  # value → (score, candidate index)
    links: list[tuple[tuple[int, int], int]] = []  # per candidate: (score, predecessor or -1)
    floor = 0
    for i, cand in enumerate(cands):
        cut = int(ends_unterminated(text, cand.pos, floor))
        floor = cand.end
        score, prev = ((1, 0), -1) if cand.value in (1, 2) else ((0, 0), -1)
        if cand.value - 1 in best_for:
            (length, cuts), j = best_for[cand.value - 1]
            if (length + 1, cuts + cut) > score:
                score, prev = (length + 1, cuts + cut), j
        links.append((score, prev))
        if score[0] and score >= best_for.get(cand.value, ((0, 0), -1))[0]:
            best_for[cand.value] = (score, i)
    if not links:
        return []
    i = max(range(len(links)), key=lambda k: links[k][0])
    chain = []
    while i >= 0 and links[i][0][0]:
        chain.append(cands[i])
        i = links[i][1]
    return _regularise(chain[::-1], cands)


def _regularise(chain: list[_Marker], cands: list[_Marker]) -> list[_Marker]:
    """Swap a link for a same-numbered marker nearer the regular spacing (a list item vs a chunk)."""
    if len(chain) < 3:
        return chain
    step = median(b.pos - a.pos for a, b in zip(chain, chain[1:]))
    by_value: dict[int, list[_Marker]] = {}
    for cand in cands:
        by_value.setdefault(cand.value, []).append(cand)
    out = list(chain)
    for k, marker in enumerate(out):
        lo = out[k - 1].pos if k else -1
        hi = out[k + 1].pos if k + 1 < len(out) else float("inf")
        expected = out[k - 1].pos + step if k else out[k + 1].pos - step
        options = [c for c in by_value[marker.value] if lo < c.pos < hi]
        out[k] = min(options, key=lambda c: abs(c.pos - expected))
    return out


def _accept(text: str, chain: list[_Marker], settings: ChunkSettings) -> bool:
    if len(chain) < settings.min_run:
        return False
    lengths = [b.pos - a.pos for a, b in zip(chain, chain[1:])]
    mid = median(lengths)
    if mid < settings.min_median_chars:
        return False
    cut = sum(ends_unterminated(text, m.pos, a.end) for a, m in zip(chain, chain[1:])) / len(lengths)
    even = sum(abs(length - mid) <= settings.evenness * mid for length in lengths) / len(lengths)
    if cut >= settings.strong_unterminated:
        return True
    return cut >= settings.min_unterminated and even >= settings.min_even_share


def chunk_regions(
    text: str, para_starts: list[int], settings: ChunkSettings
) -> list[tuple[int, int, str]]:
    """Regions that remove an accepted run of chunk numbers (and the breaks they introduced)."""
    chain = _longest_chain(text, _candidates(text, para_starts, settings))
    if not _accept(text, chain, settings):
        return []
    regions = [(chain[0].pos, chain[0].end, NUMBER)]
    for prev, marker in zip(chain, chain[1:]):
        if ends_unterminated(text, marker.pos, prev.end):
            tail = marker.pos
            while tail > prev.end and text[tail - 1] in " \t\u3000\xa0\n":
                tail -= 1
            regions.append((tail, marker.end, JOIN))
        else:
            regions.append((marker.pos, marker.end, NUMBER))
    return regions
