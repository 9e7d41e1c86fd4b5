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

import bisect
import re
from dataclasses import dataclass

from annotator.structure.fast_init import fast_frozen_init
from annotator.structure.markers import ends_sentence

from annotator.structure.clean_rules import ChunkSettings

NUMBER = "page-chunk-number"
JOIN = "page-chunk-join"


@fast_frozen_init  # one per numbered paragraph of every text (see fast_init)
@dataclass(frozen=True)
class _Marker:
    pos: int  # paragraph start (after indentation)
    end: int  # end of "12、"
    value: int


def ends_unterminated(text: str, pos: int, floor: int = 0) -> bool:
    """Does the text before ``pos`` stop mid-sentence?  The same decision the outline makes about a
    line break (markers.ends_sentence): a list item ends its sentence or its note (“（5分）”), a page
    chunk cuts a sentence anywhere."""
    return not ends_sentence(text, pos, floor)


def _candidates(text: str, para_starts: list[int], settings: ChunkSettings) -> list[_Marker]:
    out = []
    match, n = settings.marker.match, len(text)  # once per paragraph of every text: names bound once
    for pos in para_starts:
        while pos < n and text[pos] in " \t\u3000\xa0":
            pos += 1
        m = match(text, pos)
        if m:
            out.append(_Marker(pos, m.end(), int(m.group(1))))
    return out


def _chains(text: str, cands: list[_Marker]) -> list[list[_Marker]]:
    """Every run n, n+1, n+2 … in document order that starts at 1 or 2, disjoint, in document order.

    A chain is scored by its length, then by how many of its markers follow an unfinished sentence
    (chunk evidence); ties go to the latest predecessor, so a second copy of a page starts a chain of
    its own.  One pass builds the best chain ending at each marker; the chains are then read back from
    the last marker down, each marker used once — all of them, so that cleaning twice removes nothing
    more than cleaning once (a page pasted several times holds several runs).
    """
    # value → (score, candidate index) of the best chain end that no later marker continues yet:
    # a marker continues one chain only, so the chains stay disjoint paths (a later list item "3、"
    # cannot fork off the page-chunk chain once chunk "3、" has continued it).
    best_for: dict[int, tuple[tuple[int, int], int]] = {}
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
                del best_for[cand.value - 1]
        links.append((score, prev))
        if score[0] and score >= best_for.get(cand.value, ((0, 0), -1))[0]:
            best_for[cand.value] = (score, i)
    taken = [False] * len(cands)
    chains = []
    for i in range(len(cands) - 1, -1, -1):
        if taken[i] or not links[i][0][0]:
            continue
        chain = []
        j = i
        while j >= 0 and not taken[j] and links[j][0][0]:
            taken[j] = True
            chain.append(cands[j])
            j = links[j][1]
        chains.append(chain[::-1])
    return chains[::-1]


def median(values) -> float:  # noqa: ANN001
    """statistics.median, without importing statistics: it pulls in decimal, fractions and random, ~15 ms
    of every command-line start."""
    data = sorted(values)
    n = len(data)
    if not n:
        raise ValueError("no median for empty data")
    return data[n // 2] if n % 2 else (data[n // 2 - 1] + data[n // 2]) / 2


def _regularise(chain: list[_Marker], by_value: dict[int, list[_Marker]], others: set[int],
                listed: dict[int, list[int]] | None = None) -> list[_Marker]:
    """Swap a link for a same-numbered marker nearer the regular spacing (a list item vs a chunk);
    markers of other chains (``others``: their positions) are not available."""
    if len(chain) < 3:
        return chain
    listed = {} if listed is None else listed  # value → positions of by_value[value]
    step = median(b.pos - a.pos for a, b in zip(chain, chain[1:]))
    out = list(chain)
    for k, marker in enumerate(out):
        lo = out[k - 1].pos if k else -1
        hi = out[k + 1].pos if k + 1 < len(out) else float("inf")
        expected = out[k - 1].pos + step if k else out[k + 1].pos - step
        same = by_value[marker.value]
        positions = listed.get(marker.value)
        if positions is None:  # listed once per value for all the chains (pages of "1." items have many)
            positions = listed[marker.value] = [c.pos for c in same]
        a, b = bisect.bisect_right(positions, lo), bisect.bisect_left(positions, hi)
        if b - a > 1:  # else the marker is the only one of its number between its neighbours: it stays
            out[k] = _nearest(same, positions, a, b, expected, others, marker)
    return out


def _nearest(same: list[_Marker], positions: list[int], a: int, b: int, expected: float, others: set[int],
             marker: _Marker) -> _Marker:
    """``min`` by distance to ``expected`` over the markers ``same[a:b]`` that are ``marker`` or in no other
    chain, the first of equals (the one before ``expected``) — found from where ``expected`` falls, not by
    listing every marker between the neighbours (a page of "1." items holds thousands)."""
    p = bisect.bisect_left(positions, expected, a, b)
    left = next((same[i] for i in range(p - 1, a - 1, -1) if same[i].pos not in others or same[i] is marker), None)
    right = next((same[i] for i in range(p, b) if same[i].pos not in others or same[i] is marker), None)
    if left is None or right is None:
        found = left or right
        return marker if found is None else found  # (marker lies between its neighbours: never None)
    return left if abs(left.pos - expected) <= abs(right.pos - expected) else right

_TITLE_MAX = 30


def _opens_title_line(text: str, end: int) -> bool:
    """Does the number head a short unpunctuated line of its own ("2.确保小区配套幼儿园如期移交\n")?
    A list item titles its paragraph so; a chunk number lands wherever the chunk cut the text."""
    line_end = text.find("\n", end, end + 2 * _TITLE_MAX)  # bounded: a page on one line has no line end
    line = text[end:line_end].strip(" \t\u3000\xa0") if line_end >= 0 else ""
    return 2 <= len(line) <= _TITLE_MAX and _TITLE_PUNCT.search(line) is None


_TITLE_PUNCT = re.compile("[。！？；，,;：:]")  # (one C call a line, not a generator per character)


def _accept(text: str, chain: list[_Marker], settings: ChunkSettings) -> bool:
    if len(chain) < settings.min_run:
        return False
    if 2 * sum(_opens_title_line(text, m.end) for m in chain) >= len(chain):
        return False  # numbered titles over their paragraphs: the document's own list
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
    """Regions that remove every accepted run of chunk numbers (and the breaks they introduced)."""
    cands = _candidates(text, para_starts, settings)
    by_value: dict[int, list[_Marker]] = {}
    for cand in cands:
        by_value.setdefault(cand.value, []).append(cand)
    regions: list[tuple[int, int, str]] = []
    chains = _chains(text, cands)
    members = {m.pos for chain in chains for m in chain}
    listed: dict[int, list[int]] = {}
    for chain in chains:
        chain = _regularise(chain, by_value, members, listed)
        if not _accept(text, chain, settings):
            continue
        regions.append((chain[0].pos, chain[0].end, NUMBER))
        for prev, marker in zip(chain, chain[1:]):
            if ends_unterminated(text, marker.pos, prev.end):
                tail = marker.pos
                while tail > prev.end and text[tail - 1] in " \t\u3000\xa0\n":
                    tail -= 1
                regions.append((tail, marker.end, JOIN))
            else:
                regions.append((marker.pos, marker.end, NUMBER))
    return regions
