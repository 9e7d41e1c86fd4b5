"""A table of contents (目录) before the body: its lines are no headings.

Regulations and laws copied from law databases open with a 目录 listing 第一章 总则 … 第七章 附则 (and often
their 节) one per line, with nothing between them, and the body then restarts at 第一章 with the same
titles (reg_sh_gonglu_flk; law_fan_dianxin_zhapian and reg_lifafa_2015_crlf had theirs cut out of the
stored text).  Read as headings, the contents came out as a second run of chapters.  A run of heading
lines with no body between them whose opening lines the document later repeats in order — same markers,
same titles — is a contents list: its markers are dropped from the candidates (the text stays as it is).  A run of
real short chapters is never repeated by the same markers, so it stays.
"""

from __future__ import annotations

import bisect
import re

from annotator.structure.markers import Candidate

_ENTRY_MAX = 40  # a contents line: marker and a short title (and perhaps a page number)
_GAP_MAX = 24  # between two contents lines: blank lines, indentation, a markdown prefix
# Spaces, leader dots and a page number at the end are how a contents line differs from its heading.
_NOISE = re.compile(r"[\s\u3000.…·•\-—_]+|\d+$")
_SENTENCE = frozenset("。！？；，,;!?")


def _title_of(text: str, cand: Candidate) -> tuple[int, str] | None:
    """Where ``cand``'s line ends and its title as a contents line would show it; None unless the marker
    opens a short line with a title and no sentence punctuation."""
    if cand.position != "line":
        return None
    end = text.find("\n", cand.end, cand.end + _ENTRY_MAX + 1)
    if end < 0:
        if len(text) - cand.end > _ENTRY_MAX:
            return None
        end = len(text)
    title = _NOISE.sub("", text[cand.end:end].strip())
    title = _NOISE.sub("", title)
    if not title or any(ch in _SENTENCE for ch in title):
        return None
    return end, title


def contents_entries(text: str, cands: list[Candidate]) -> set[int]:
    """Starts of the candidates that are lines of a table of contents (see the module's doc)."""
    if len(cands) < 4:
        return set()
    info = [_title_of(text, c) for c in cands]
    keys: dict[tuple[str, int, str], list[int]] = {}
    for i, (cand, entry) in enumerate(zip(cands, info)):
        if entry is not None:
            keys.setdefault((cand.family, cand.ordinal, entry[1]), []).append(i)
    drop: set[int] = set()
    i = 0
    while i < len(cands):
        if info[i] is None:
            i += 1
            continue
        j = i  # the run of contents-like lines i..j, nothing but spacing between them
        last = {cands[i].family: cands[i].ordinal}
        while (j + 1 < len(cands) and info[j + 1] is not None and cands[j + 1].start - info[j][0] <= _GAP_MAX
               and not text[info[j][0]:cands[j + 1].start].strip(" \t\u3000\r\n#")
               and cands[j + 1].ordinal > last.get(cands[j + 1].family, 0)):  # a restart is the body's
            j += 1
            last[cands[j].family] = cands[j].ordinal
        if j > i and _repeated(cands, info, keys, i, j):
            drop.update(cands[k].start for k in range(i, j + 1))
        i = j + 1
    return drop


def _repeated(cands: list[Candidate], info: list, keys: dict, i: int, j: int) -> bool:
    """Do the run i..j's lines come again, in order, after it, by the same markers and titles?  Its first two
    are enough: an excerpt's body may stop before the contents' last chapters (reg_sh_gonglu_flk keeps 3 of 7)."""
    at = j
    for k in range(i, j + 1):
        later = keys[(cands[k].family, cands[k].ordinal, info[k][1])]
        n = bisect.bisect_right(later, at)
        if n == len(later):
            return k - i >= 2
        at = later[n]
    return True
