"""Where a heading's title ends.

Usually punctuation or a line break says so (confidence 1.0); a space before the body — common in
flattened web scrapes — or the next marker is nearly as good.  Some scrapes run the heading straight into
the body ("一、提高政治站位,在举旗定向上展现新作为习近平总书记强调,…"); for those the boundary is inferred from
cues that open body text, the parallel shape of sibling titles, typical heading length and jieba word
boundaries (never cutting inside a word).  jieba runs only on these rare short windows.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from annotator.domain.model import Section
from annotator.nlp import segment
from annotator.structure.markers import FAMILIES, HSPACE

_PUNCT_END = frozenset("。；：？！!?;:")
_WINDOW = 120  # no heading is longer; past this the title end is guessed
_HEADING_MAX = 30  # a heading that "ends" at punctuation further away than this may have run on
_INLINE_MAX = 60  # an enumeration item's first sentence is its title unless it is this long
_CUT_MIN, _CUT_MAX = 4, 50
_NEAR = 3  # siblings on each side that a guessed title is lined up against
_ALIGN_MAX = 64  # more run-on headings than this is not a speech: skip the quadratic sibling alignment
_TRAILING = "，,、 \t\u3000\xa0"

# Openings of body text right after a heading.  Strong: a speaker's words or a time frame, which titles
# rarely contain.  Medium: an addressee ("全市各级工会要…"), common inside titles too, so it only counts
# when the would-be title is far too long to be one.
_STRONG_CUE = re.compile(
    r"(?:习近平)?总书记[^，。,]{0,20}?(?:强调|指出|说|要求)"
    r"|[\u4e00-\u9fff]{1,4}(?:书记|主席|同志|省长|市长|县长|部长)[^，。,]{0,12}?(?:强调|指出)"
    r"|(?:党的)?[一二三四五六七八九十]{2,3}大以来"
    r"|(?:近年来|近几年|今年以来|去年以来|多年来|长期以来|一年来|同志们|实践证明|事实证明)"
)
_MEDIUM_CUE = re.compile(
    r"(?:全市|全县|全省|全区|全镇|各级|各地|各部门|各单位|我们|我市|我县|我省|我区|当前|目前)"
)
_MEDIUM_MIN_LENGTH = 45
# A title does not end on these, and a body does not begin with these.
_BAD_TITLE_END = frozenset("的和与及或在对把被将从了着、，,")
_BAD_BODY_START = frozenset("的了着和与及或之、，,。；")
# One-character words that lean on what follows: a title does not stop right after them.
_BAD_LAST_WORDS = frozenset("新更最再各全不要是为把向以于让使被将对在从和与及或的之其该")


@dataclass
class _Natural:
    start: int
    end: int
    how: str  # "punct", "line", "space", "marker", "window"


def _natural_end(text: str, s: Section, limit: int) -> _Natural:
    start = s.title_start
    while start < limit and text[start] in HSPACE:
        start += 1
    stop = min(limit, start + _WINDOW)
    for i in range(start, stop):
        ch = text[i]
        if ch in _PUNCT_END:
            return _Natural(start, i, "punct")
        if ch == "\n":
            return _Natural(start, i, "line")
        if ch in HSPACE:
            return _Natural(start, i, "space")
    if stop == len(text):
        return _Natural(start, stop, "line")
    return _Natural(start, stop, "marker" if stop == limit else "window")


def _suspect(s: Section, nat: _Natural) -> bool:
    length = nat.end - nat.start
    if nat.how == "window":
        return True
    if FAMILIES[s.kind].inline:
        return length > _INLINE_MAX
    if nat.how == "line":
        return length > 2 * _HEADING_MAX
    return length > _HEADING_MAX


def _length_prior(n: int) -> float:
    if n < 6:
        return -3.0
    if n < 8:
        return -1.0
    if n <= 30:
        return 0.5
    return 0.5 - (n - 30) / 10


def _suffix_agreement(title: str, ref: str) -> int:
    """Shared characters among the last three: 新作为/新业绩/新形象 share the shape of parallel titles."""
    return sum(1 for k in (1, 2, 3) if len(title) >= k and len(ref) >= k and title[-k] == ref[-k])


def _similarity(title: str, ref: str) -> float:
    """How parallel two sibling titles look: length, shared ending shape, same comma position."""
    score = max(0.0, 1.0 - abs(len(title) - len(ref)) / 6) + _suffix_agreement(title, ref) / 2
    comma_t = next((i for i, ch in enumerate(title) if ch in "，,"), -1)
    comma_r = next((i for i, ch in enumerate(ref) if ch in "，,"), -1)
    if comma_t >= 0 and comma_t == comma_r:
        score += 1.0
    return score


@dataclass
class _Suspect:
    index: int
    window: str  # the natural title, which probably ran on into the body
    boundaries: list[int]  # jieba word ends inside the window
    last_words: dict[int, str]  # boundary → the word ending there
    bonus: float  # the natural end is punctuation or a line end
    medium_ok: bool
    forced: bool  # the natural end cannot be a title end: some cut must be made


def _best_cut(sus: _Suspect, refs: list[str], with_natural: bool) -> tuple[float, int, str]:
    """(score, cut, cue) of the best title end; cut == len(window) keeps the natural end."""
    def sibling_term(title: str) -> float:
        return 1.5 * sum(_similarity(title, r) for r in refs) / len(refs) - 1.0 if refs else 0.0

    window = sus.window
    best = (-1e9, len(window), "natural")
    if with_natural:
        best = (_length_prior(len(window)) + sus.bonus + sibling_term(window), len(window), "natural")
    for cut in sus.boundaries:
        score, cue = _score_cut(sus, cut)
        best = max(best, (score + sibling_term(window[:cut]), cut, cue))
    return best


def _score_cut(sus: _Suspect, cut: int) -> tuple[float, str]:
    """Score of ending the title at ``cut`` before siblings are considered, and the cue that fired."""
    title, body = sus.window[:cut], sus.window[cut:]
    score, cue = _length_prior(len(title)), ""
    if _STRONG_CUE.match(body):
        score, cue = score + 2.5, "strong"
    elif sus.medium_ok and _MEDIUM_CUE.match(body):
        score, cue = score + 1.5, "medium"
    if title[-1] in _BAD_TITLE_END or body[0] in _BAD_BODY_START or sus.last_words[cut] in _BAD_LAST_WORDS:
        score -= 2.0
    return score, cue


def _best_cut_at(sus: _Suspect, cut: int, refs: list[str]) -> float:
    score = _score_cut(sus, cut)[0]
    if refs:
        score += 1.5 * sum(_similarity(sus.window[:cut], r) for r in refs) / len(refs) - 1.0
    return score


def _decide(sus: _Suspect, refs: list[str]) -> tuple[int, float] | None:
    """A (cut, confidence) inside the window, or None to keep the natural end."""
    score, cut, cue = _best_cut(sus, refs, with_natural=True)
    if cue == "natural":
        return None
    if cue == "strong" and score >= 2.0:
        return cut, 0.7
    title = sus.window[:cut]
    parallel = bool(refs) and sum(_suffix_agreement(title, r) for r in refs) >= len(refs)
    if score >= 2.0 and (cue or parallel):
        return cut, 0.5
    return (cut, 0.3) if sus.forced else None


def _make_suspect(i: int, s: Section, text: str, nat: _Natural) -> _Suspect:
    window = text[nat.start:nat.end]
    inline = FAMILIES[s.kind].inline
    upper = min(_CUT_MAX, len(window) - 1)
    last_words = {end: w for w, _b, end in segment.cut_with_offsets(window) if _CUT_MIN <= end <= upper}
    return _Suspect(
        index=i, window=window, boundaries=list(last_words), last_words=last_words,
        bonus=1.0 if nat.how in ("punct", "line") else 0.0,
        medium_ok=not inline and len(window) > _MEDIUM_MIN_LENGTH,
        forced=nat.how == "window" or (not inline and len(window) > 2 * _HEADING_MAX),
    )


def _infer_cuts(text: str, sections: list[Section], naturals: list[_Natural],
                suspects: list[_Suspect]) -> dict[int, tuple[int, float]]:
    """Section index → (title end, confidence) for suspects whose title end had to be guessed."""
    siblings = _sibling_groups(sections)
    by_index = {sus.index: sus for sus in suspects}
    titles = {i: text[nat.start:nat.end] for i, nat in enumerate(naturals)}
    if len(suspects) <= _ALIGN_MAX:
        titles.update(_provisional_titles(suspects, siblings, titles))
    cuts: dict[int, tuple[int, float]] = {}
    for _round in range(2):
        for sus in suspects:
            refs = [titles[j].rstrip(_TRAILING) for j in siblings[sus.index] if j != sus.index]
            found = _decide(sus, refs)
            if found:
                cuts[sus.index] = found
                titles[sus.index] = sus.window[:found[0]]
            else:
                cuts.pop(sus.index, None)
                titles[sus.index] = by_index[sus.index].window
    return {i: (naturals[i].start + cut, conf) for i, (cut, conf) in cuts.items()}


def _provisional_titles(suspects: list[_Suspect], siblings: dict[int, list[int]],
                        titles: dict[int, str]) -> dict[int, str]:
    """A first guess for every suspect (its best cut, ignoring the natural end), lining up siblings that
    all ran on into their bodies: each cut is compared with the most similar cut of every other one."""
    by_index = {sus.index: sus for sus in suspects}
    guesses = {}
    for sus in suspects:
        others = [by_index[j] for j in siblings[sus.index] if j != sus.index and j in by_index]
        fixed = [titles[j] for j in siblings[sus.index] if j != sus.index and j not in by_index]
        best = (-1e9, len(sus.window))
        for cut in sus.boundaries:
            title = sus.window[:cut]
            refs = fixed + [max((o.window[:c] for c in o.boundaries), default=o.window,
                                key=lambda ref: _similarity(title, ref)) for o in others]
            best = max(best, (_best_cut_at(sus, cut, refs), cut))
        guesses[sus.index] = sus.window[:best[1]]
    return guesses


def assign_titles(text: str, sections: list[Section]) -> None:
    """Fill title, title_start, title_end and confidence of every section, in place."""
    naturals: list[_Natural] = []
    for i, s in enumerate(sections):
        limit = sections[i + 1].start if i + 1 < len(sections) else len(text)
        naturals.append(_natural_end(text, s, max(limit, s.title_start)))
    suspects = [_make_suspect(i, s, text, nat) for i, (s, nat) in enumerate(zip(sections, naturals))
                if _suspect(s, nat)]
    cuts = _infer_cuts(text, sections, naturals, suspects) if suspects else {}
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
