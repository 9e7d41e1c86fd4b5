"""Where a doubtful title ends: cuts at jieba word ends scored by body-opening cues, typical heading
length and the parallel shape of sibling titles (新作为/新业绩/新形象).

jieba is most of the outline's time on real text, so it runs only where a cut could win (title_wordless)
and each window is segmented once per process (_WORDS).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from annotator.domain.model import Section
from annotator.nlp import segment
from annotator.structure.markers import FAMILIES
from annotator.structure.title_ends import (
    _CUT_MAX,
    _CUT_MIN,
    _ALIGN_MAX,
    _BAD_BODY_START,
    _BAD_LAST_WORDS,
    _BAD_TITLE_END,
    _HEADING_MAX,
    _HEAD_NOUN_SET,
    _MEDIUM_CUE,
    _MEDIUM_MIN_LENGTH,
    _Natural,
    _PARALLEL_MIN,
    _PARALLEL_SLACK,
    _SEGMENT_CONTEXT,
    _SENTENCE_STOPS,
    _SENTENCE_TITLED,
    _STRONG_HINT,
    _TRAILING,
    _clause_in,
    _length_prior,
    _on_flattened_line,
    _shares_line,
    echoed_subject,
    strong_cue,
    time_frame,
)
from annotator.structure.title_wordless import wordless


Shape = tuple[int, str, str, str, int]  # length, last three characters, first comma position


def _shape(title: str) -> Shape:
    commas = [i for i in (title.find("，"), title.find(",")) if i >= 0]
    ends = (title[-1:], title[-2:-1] if len(title) > 1 else "", title[-3:-2] if len(title) > 2 else "")
    return (len(title), *ends, min(commas) if commas else -1)


def _suffix_agreement(a: Shape, b: Shape) -> int:
    """Shared characters among the last three: 新作为/新业绩/新形象 share the shape of parallel titles."""
    return (a[1] != "" and a[1] == b[1]) + (a[2] != "" and a[2] == b[2]) + (a[3] != "" and a[3] == b[3])


def _similarity(a: Shape, b: Shape) -> float:
    """How parallel two sibling titles look: length, shared ending, same comma position."""
    score = max(0.0, 1.0 - abs(a[0] - b[0]) / 6) + _suffix_agreement(a, b) / 2
    return score + 1.0 if a[4] >= 0 and a[4] == b[4] else score


def _sibling_term(shape: Shape, refs: list[Shape]) -> float:
    """1.5 × the mean _similarity of ``shape`` to ``refs``, minus 1; written out (no call per pair):
    it runs for every cut of every doubtful title against each of its near siblings."""
    if not refs:
        return 0.0
    return 1.5 * _sibling_total(shape, refs) / len(refs) - 1.0


def _sibling_total(shape: Shape, refs: list[Shape]) -> float:
    """The sum of ``shape``'s similarity to each reference (what _sibling_term averages and rescales)."""
    n, e1, e2, e3, comma = shape
    total = 0.0
    for r, f1, f2, f3, r_comma in refs:
        d = n - r if n > r else r - n
        if d < 6:
            total += 1.0 - d / 6
        total += ((e1 != "" and e1 == f1) + (e2 != "" and e2 == f2) + (e3 != "" and e3 == f3)) * 0.5
        if comma >= 0 and comma == r_comma:
            total += 1.0
    return total


@dataclass
class _Suspect:
    index: int
    window: str  # the natural title, which probably ran on into the body
    cuts: dict[int, tuple[float, str, Shape]]  # jieba word end → (score without siblings, cue, shape)
    natural: tuple[float, Shape]  # the same for keeping the natural end
    forced: bool  # the natural end cannot be a title end: some cut must be made
    sentence: bool = False  # the natural end closes a sentence or a line: a whole first sentence
    firm: bool = False  # ... on a page that kept its line breaks: only a speaker's words cut it
    run_on: bool = False  # looked at again because siblings ran on into their bodies
    words: list[tuple[str, int]] | None = None  # jieba's (word, end); None where no cut could win


def _segment_window(window: str) -> str:
    # Only cuts up to _CUT_MAX are scored: jieba reads a little past that (so the last words are
    # segmented with their right context), not the whole 120-character window.
    return window[:min(_CUT_MAX, len(window) - 1) + _SEGMENT_CONTEXT]


# Words of windows already segmented, by window text.  A document is parsed again and again (each hand
# correction replays over a re-parse, the GUI re-opens it, a batch re-imports it): its doubtful titles
# are the same strings each time, and jieba is most of the outline's time on real text.  Bounded; the
# lists are never mutated by their readers.
_WORDS: dict[str, list[tuple[str, int]]] = {}
_WORDS_MAX = 20_000


def _segment_all(pieces: list[str]) -> list[list[tuple[str, int]]]:
    """(word, end offset) of each piece: from the cache, the others from one jieba call over all of them
    joined by line breaks.

    jieba cuts each run of Han characters on its own (a line break is never inside a word), so the
    words are those of cutting each piece alone; one call for all of them costs far less than a call
    per piece."""
    known = {p: _WORDS.get(p) for p in pieces}  # read once: another thread may clear the cache
    missing = [p for p, words in known.items() if words is None]
    if missing:
        found: list[list[tuple[str, int]]] = [[] for _ in missing]
        bounds = []
        pos = 0
        for piece in missing:
            bounds.append(pos)
            pos += len(piece) + 1
        k = 0
        for word, begin, end in segment.cut_with_offsets("\n".join(missing)):
            while k + 1 < len(bounds) and begin >= bounds[k + 1]:
                k += 1
            if word != "\n":
                found[k].append((word, end - bounds[k]))
        known.update(zip(missing, found))
        if len(_WORDS) + len(missing) > _WORDS_MAX:
            _WORDS.clear()
        _WORDS.update(zip(missing, found))
    return [known[p] for p in pieces]


# A plan period opening the body ("规划背景“十三五”期间，中医药…", "发展现状“十一五”期间，…"): a title may name the period
# ("“十四五”时期工作回顾"), never open with it after its first words and go on with a comma.  Every match holds a
# _FRAME_HINT word, so title_wordless still knows a cut may win there.
_QUOTED_PERIOD = re.compile("“[^”，。]{1,8}”(?:期间|以来)，")


_OPENERS_HINT = re.compile("[《“]")
_PAIRS = {"《": "》", "“": "”"}


def _bracketed(window: str) -> list[bool]:
    """For each offset of ``window``: does a 《 or “ opened before it stay open there?  An unclosed one
    (cut off by the window's end) counts as open to the end."""
    inside = [False] * (len(window) + 1)
    depth = {"《": 0, "“": 0}
    closers = {v: k for k, v in _PAIRS.items()}
    for k, ch in enumerate(window):
        inside[k] = depth["《"] > 0 or depth["“"] > 0
        if ch in depth:
            depth[ch] += 1
        elif ch in closers and depth[closers[ch]] > 0:
            depth[closers[ch]] -= 1
    inside[len(window)] = depth["《"] > 0 or depth["“"] > 0
    return inside


# Two-character conjunctions and prepositions open a clause and lean on what follows: no title ends on one
# ("（二）如果由于|我们的工作做得不好，…": the body-opening 我们 sits inside the clause they open).
_LEANING_WORDS = frozenset(("如果", "由于", "因为", "为了", "虽然", "但是", "对于", "关于", "根据", "按照", "随着", "通过",
                            "即使", "只要", "只有", "除了", "假如", "尽管", "无论", "不管"))


def _make_suspect(i: int, s: Section, text: str, nat: _Natural, words: list[tuple[str, int]] | None,
                  run_on: bool = False, crowded: bool = False) -> _Suspect:
    window = text[nat.start:nat.end]
    inline = FAMILIES[s.kind].inline
    # A body-opening word ("当前…", "各地…") is common inside titles too; it counts when the "title"
    # is far too long to be one, or when a sibling heading was already seen running on (``run_on``).
    medium_ok = not inline and (len(window) > _MEDIUM_MIN_LENGTH or run_on)
    upper = min(_CUT_MAX, len(window) - 1)
    cuts = {}
    commas = [k for k in (window.find("，"), window.find(",")) if k >= 0]
    comma = min(commas) if commas else -1  # the first comma of every cut title that reaches it: _shape
    # Every strong cue holds a _STRONG_HINT word: without one in the window no cut is tried against it.
    strong = _STRONG_HINT.search(window) is not None
    cue_at = strong_cue().match if strong else None
    inside = _bracketed(window) if _OPENERS_HINT.search(window) else None
    echo = "是" in window
    for word, cut in words or ():
        if not _CUT_MIN <= cut <= upper or (inside is not None and inside[cut]):
            continue  # a title never ends inside an open 《…》 or “…” (依据《上海市再生资源回收|管理办法》…)
        score, cue = _length_prior(cut), ""
        frame = ((window[cut - 2:cut] in _HEAD_NOUN_SET and time_frame().match(window, cut))
                 or (window[cut] == "“" and _QUOTED_PERIOD.match(window, cut)))
        if (cue_at is not None and cue_at(window, cut)) or frame or (echo and echoed_subject(window, cut)):
            score, cue = score + 2.5, "strong"
        elif medium_ok and _MEDIUM_CUE.match(window, cut):
            score, cue = score + 1.5, "medium"
        last = window[cut - 1]
        if (last in _BAD_TITLE_END or window[cut] in _BAD_BODY_START or word in _BAD_LAST_WORDS
                or word in _LEANING_WORDS):
            score -= 2.0
        cuts[cut] = (score, cue, (cut, last, window[cut - 2], window[cut - 3], comma if 0 <= comma < cut else -1))
    bonus = 1.0 if nat.how in ("punct", "line") else 0.0
    flat = _on_flattened_line(text, nat.start)  # where a sentence end is also where a run-on title stops
    if s.kind in _SENTENCE_TITLED and nat.how in ("punct", "line"):
        cuts = {}  # an article's title is its first sentence, however long
    return _Suspect(
        index=i, window=window, cuts=cuts, natural=(_length_prior(len(window)) + bonus, _shape(window)),
        forced=nat.how == "window" or (not inline and len(window) > 2 * _HEADING_MAX),
        sentence=(nat.how == "line" or (nat.how == "punct" and nat.char in _SENTENCE_STOPS))
        and (not flat or _clause_in(window)),
        # With its line breaks kept, a paragraph's marker is followed by its first clause up to the
        # first stop, colon or semicolon ("（一）敌军分布，到今年八月底止，…；"): that clause is its title.
        # Not where a sibling shares its line after a full stop (``crowded``: "一、…。二、…。三、…"): those
        # paragraphs ran together, and the first is judged like the others (title_ends._shares_line).
        # A flattened page keeps its colons and semicolons: an item of a list after a colon that ends on
        # a semicolon ("采取下列措施：（一）兴建…，依法…，并采取防护性措施；（二）…") is that clause, as on a page.
        firm=not crowded and nat.how in ("punct", "line") and (inline or _opens_line_or_list(text, s.start))
        and (not flat or (nat.char in "；;" and _after_colon_or_semicolon(text, s.start))),
        run_on=run_on, words=words,
    )


def _after_colon_or_semicolon(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\u3000\xa0":
        j -= 1
    return j >= 0 and text[j] in "：；:;"


def _opens_line_or_list(text: str, i: int) -> bool:
    """Does the marker at ``i`` open a line, or a list item after a colon or semicolon?  A heading marker
    right after a full stop inside a line is where paragraphs ran together, and its title may run on."""
    j = i - 1
    while j >= 0 and text[j] in " \t\u3000\xa0#":
        j -= 1
    return j < 0 or text[j] in "\n：；:;"


def _decide(sus: _Suspect, refs: list[Shape]) -> tuple[int, float] | None:
    """A (cut, confidence) inside the window, or None to keep the natural end."""
    natural_score, natural_shape = sus.natural
    best = (natural_score + _sibling_term(natural_shape, refs), len(sus.window), "natural")
    for cut, (score, cue, shape) in sus.cuts.items():
        best = max(best, (score + _sibling_term(shape, refs), cut, cue))
    score, cut, cue = best
    if cue == "natural":
        return None
    if cue == "strong" and score >= 2.0:
        return cut, 0.7
    shape = sus.cuts[cut][2]
    # Parallel titles share their ending after different openings (在举旗定向上展现新作为 / …新业绩); a cut a
    # few characters in, right after an opening the siblings share (由于目前我国… / 鉴于目前我国…), only
    # looks parallel because the sentences start alike.
    parallel = bool(refs) and cut >= _PARALLEL_MIN and sum(_suffix_agreement(shape, r) for r in refs) >= len(refs)
    if sus.firm and not sus.run_on:
        return None
    if sus.run_on and cue and score >= 2.0:
        return cut, 0.5  # its siblings ran on, and its body visibly opens here
    if sus.sentence and not (parallel and score >= 2.0):
        # A heading that is a whole sentence ("（二）为使…得到充分的体现。") is written that way on
        # purpose; only a speaker's words (a strong cue) or siblings cut to the same parallel shape
        # (新作为/新业绩/新形象) show that it ran on into its body.
        return None
    if score >= 2.0 and (cue or parallel):
        return cut, 0.5
    return (cut, 0.3) if sus.forced else None


def _infer_cuts(text: str, sections: list[Section], naturals: list[_Natural], suspects: list[_Suspect],
                siblings: dict[int, list[int]]) -> dict[int, tuple[int, float]]:
    """Section index → (title end, confidence) for suspects whose title end had to be guessed."""
    shapes = {i: _shape(text[nat.start:nat.end].rstrip(_TRAILING)) for i, nat in enumerate(naturals)}
    if len(suspects) <= _ALIGN_MAX:
        shapes.update(_provisional_shapes(suspects, siblings, shapes))
    cuts: dict[int, tuple[int, float]] = {}
    seen: dict[int, tuple[list[Shape], tuple[int, float] | None]] = {}
    for _round in range(2):
        for sus in suspects:
            refs = [shapes[j] for j in siblings[sus.index] if j != sus.index]
            before = seen.get(sus.index)
            # _decide depends on the suspect and its siblings' shapes only: when those did not move
            # since the first round, neither does the answer (most of them, on real text).
            found = before[1] if before is not None and before[0] == refs else _decide(sus, refs)
            seen[sus.index] = (refs, found)
            if found:
                cuts[sus.index] = found
                shapes[sus.index] = sus.cuts[found[0]][2]
            else:
                cuts.pop(sus.index, None)
                shapes[sus.index] = sus.natural[1]
    return {i: (naturals[i].start + cut, conf) for i, (cut, conf) in cuts.items()}


def _provisional_shapes(suspects: list[_Suspect], siblings: dict[int, list[int]],
                        shapes: dict[int, Shape]) -> dict[int, Shape]:
    """A first guess for every suspect (its best cut, ignoring the natural end), lining up siblings that
    all ran on into their bodies: each cut is compared with the most similar cut of every other one.

    This is most of the title guessing's time (every cut of a suspect against the cuts of about the
    same length of each sibling suspect), so _most_similar and _sibling_term are written out in one
    loop here: the same choices and the same float sums in the same order, hence the same guesses."""
    by_index = {sus.index: sus for sus in suspects}
    # Each suspect's cuts in order, so the cuts of about the same length are found by bisection.
    # With them, the last characters and first commas any of its shapes can have: a cut of another
    # suspect agrees with it at most on those (the ceiling that skips cuts which cannot win).
    ordered = {}
    for sus in suspects:
        positions = sorted(sus.cuts)
        cut_shapes = [sus.cuts[c][2] for c in positions]
        every = cut_shapes + [sus.natural[1]]
        ordered[sus.index] = (positions, cut_shapes, sus.natural[1], {r[1] for r in every}, {r[2] for r in every},
                              {r[3] for r in every}, {r[4] for r in every})
    left, right, slack = bisect.bisect_left, bisect.bisect_right, _PARALLEL_SLACK
    guesses = {}
    for sus in suspects:
        own = sus.index
        others = [ordered[j] for j in siblings[own] if j != own and j in by_index]
        if not others:
            continue  # only a sibling suspect reads this guess (_decide reads the shapes of siblings)
        fixed = [shapes[j] for j in siblings[own] if j != own and j not in by_index]
        n_refs = len(fixed) + len(others)
        best = (-1e9, sus.natural[1])
        # max() of (value, shape) pairs does not depend on their order, so the cuts go best base score
        # first: a cut that could not win even if every sibling suspect had a cut of the same length
        # agreeing with it wherever some shape of that sibling could is skipped.
        for cut, (score, _cue, shape) in sorted(sus.cuts.items(), key=lambda item: -item[1][0]):
            n, e1, e2, e3, comma = shape
            total = _sibling_total(shape, fixed)  # kept running: the chosen siblings below add to it
            ceiling = 0.0  # the most every other suspect's most similar shape can add
            for _p, _s, _d, ends1, ends2, ends3, commas in others:
                ceiling += 1.0 + ((e1 != "" and e1 in ends1) + (e2 != "" and e2 in ends2)
                                  + (e3 != "" and e3 in ends3)) * 0.5 + (1.0 if comma >= 0 and comma in commas else 0.0)
            if score + (1.5 * (total + ceiling) / n_refs - 1.0) + 1e-9 < best[0]:
                continue
            for positions, cut_shapes, default, _e1, _e2, _e3, _c in others:
                # _most_similar: parallel titles have about the same length, so only those cuts are tried
                lo = left(positions, cut - slack)
                hi = right(positions, cut + slack, lo)
                ref = default
                if lo < hi:
                    best_score = -1.0
                    for k in range(lo, hi):
                        cand = cut_shapes[k]
                        r, f1, f2, f3, r_comma = cand
                        d = n - r if n > r else r - n
                        sim = (1.0 - d / 6 if d < 6 else 0.0) + (
                            (e1 != "" and e1 == f1) + (e2 != "" and e2 == f2) + (e3 != "" and e3 == f3)) / 2
                        if comma >= 0 and comma == r_comma:
                            sim += 1.0
                        if sim > best_score:
                            ref, best_score = cand, sim
                r, f1, f2, f3, r_comma = ref  # then _sibling_term's sum, term by term as it adds them
                d = n - r if n > r else r - n
                if d < 6:
                    total += 1.0 - d / 6
                total += ((e1 != "" and e1 == f1) + (e2 != "" and e2 == f2) + (e3 != "" and e3 == f3)) * 0.5
                if comma >= 0 and comma == r_comma:
                    total += 1.0
            best = max(best, (score + (1.5 * total / n_refs - 1.0), shape))
        guesses[own] = best[1]
    return guesses


def _suspects(text: str, sections: list[Section], naturals: list[_Natural], siblings: dict[int, list[int]],
              wanted: list[tuple[int, bool]], known: list[_Suspect] = ()) -> list[_Suspect]:
    """The suspects ``wanted`` ((section index, run_on) pairs), with jieba's word ends where a cut could
    matter.  Segmenting is most of the outline's time on real text, and for many suspects no cut can
    win whatever the words are (see title_wordless): those get no words, which decides them the same.
    ``known`` suspects are reused where their words were already cut."""
    done = {sus.index: sus for sus in known if sus.words is not None}
    windows = {i: _segment_window(text[naturals[i].start:naturals[i].end]) for i, _ in wanted}
    skip = wordless(text, sections, naturals, siblings, dict(wanted),
                    cached=lambda i: i in done or windows[i] in _WORDS)
    need = [i for i, _ in wanted if i not in done and i not in skip]
    words = dict(zip(need, _segment_all([windows[i] for i in need])))
    out = []
    for i, run_on in wanted:
        if i in done and done[i].run_on == run_on:
            out.append(done[i])
        else:
            out.append(_make_suspect(i, sections[i], text, naturals[i], words.get(i), run_on,
                                     _shares_line(text, sections, siblings, i)))
    return out
