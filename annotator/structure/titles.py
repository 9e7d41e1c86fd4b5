"""Where a heading's title ends.

Usually punctuation or a line break says so (confidence 1.0); a space before the body — common in
flattened web scrapes — or the next marker is nearly as good.  Some scrapes run the heading straight into
the body ("一、提高政治站位,在举旗定向上展现新作为习近平总书记强调,…"); for those the boundary is inferred from
cues that open body text, the parallel shape of sibling titles, typical heading length and jieba word
boundaries (never cutting inside a word).  jieba runs only on these rare short windows.
"""

from __future__ import annotations

import bisect

from annotator.domain.model import Section
from annotator.structure.markers import FAMILIES
from annotator.structure.title_ends import (
    _NEAR,
    _Natural,
    _RUN_ON_MIN,
    _SENTENCE_TITLED,
    _TRAILING,
    _natural_end,
    _suspect,
)
from annotator.structure.title_guess import (
    _infer_cuts,
    _suspects,
)


def assign_titles(text: str, sections: list[Section]) -> None:
    """Fill title, title_start, title_end and confidence of every section, in place."""
    naturals: list[_Natural] = []
    for i, s in enumerate(sections):
        limit = sections[i + 1].start if i + 1 < len(sections) else len(text)
        naturals.append(_natural_end(text, s, max(limit, s.title_start)))
    doubtful = [i for i, (s, nat) in enumerate(zip(sections, naturals)) if _suspect(s, nat, text)]
    siblings = _sibling_groups(sections) if doubtful else {}
    suspects = _suspects(text, sections, naturals, siblings, [(i, False) for i in doubtful])
    cuts = _infer_cuts(text, sections, naturals, suspects, siblings) if suspects else {}
    if cuts:
        # Headings of one run are written alike: where some ran on into their bodies ("一、关于前一段疫情
        # 防控工作新冠肺炎疫情发生后，…"), a sibling whose "title" looked short enough may have too
        # ("二、关于下一步经济工作当前经济运行总体平稳，…").  Those are looked at again, with the body-opening
        # words allowed, and all suspects decided together.
        seen = set(doubtful)
        again = [i for i in range(len(sections)) if i not in seen and naturals[i].how != "window"
                 and naturals[i].end - naturals[i].start >= _RUN_ON_MIN
                 and not FAMILIES[sections[i].kind].inline and sections[i].kind not in _SENTENCE_TITLED
                 and any(j in cuts for j in siblings[i] if j != i)]
        if again:
            suspects = _suspects(text, sections, naturals, siblings,
                                 [(i, False) for i in doubtful] + [(i, True) for i in again], suspects)
            cuts = _infer_cuts(text, sections, naturals, suspects, siblings)
    for i, s in enumerate(sections):
        nat = naturals[i]
        end, confidence = cuts.get(i, (nat.end, 1.0 if nat.how in ("punct", "line") else 0.9))
        while end > nat.start and text[end - 1] in _TRAILING:
            end -= 1
        s.title_start, s.title_end = nat.start, end
        s.title = text[nat.start:end]
        s.confidence = confidence


def _sibling_groups(sections: list[Section]) -> dict[int, list[int]]:
    """Section index → the indexes of its run of siblings (same parent, same family, one count from 1)."""
    runs: dict[tuple[int | None, str], list[int]] = {}
    groups: dict[int, list[int]] = {}
    for i, s in enumerate(sections):
        key = (s.parent, s.kind)
        if s.ordinal == 1 or key not in runs:
            runs[key] = []
        runs[key].append(i)
        groups[i] = runs[key]
    # Only near siblings are compared, so a huge run of headings stays linear.
    near: dict[int, list[int]] = {}
    for i, group in groups.items():
        k = bisect.bisect_left(group, i)
        near[i] = group[max(0, k - _NEAR):k + _NEAR + 1]
    return near
