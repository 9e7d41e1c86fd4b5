"""Which doubtful titles need no words: a proof, per suspect, that no cut of it can win.

jieba is most of the title guessing's time, and in a new process (the command line, a first import) most
of that is loading jieba itself and its dictionary.  A suspect's words only matter where some cut could
win _decide, and whether one could is bounded without them: every part of a cut's score except one
(the one-character word ending there, _BAD_LAST_WORDS, which can only lower it) is fixed by the position
alone, so it is scored at every position from _CUT_MIN (a superset of the word ends) against the best
each sibling could answer.  Exact, not a heuristic: a suspect is left unsegmented only where its natural
end is kept whatever jieba says.
"""

from __future__ import annotations

from typing import Callable

from annotator.domain.model import Section
from annotator.structure.markers import FAMILIES
from annotator.structure.title_ends import (
    _BAD_BODY_START,
    _BAD_TITLE_END,
    _CUT_MAX,
    _CUT_MIN,
    _HEADING_MAX,
    _MEDIUM_CUE,
    _MEDIUM_MIN_LENGTH,
    _Natural,
    _PARALLEL_MIN,
    _SENTENCE_STOPS,
    _SENTENCE_TITLED,
    _STRONG_HINT,
    _TRAILING,
    _clause_in,
    _FRAME_HINT,
    _length_prior,
    _on_flattened_line,
    echoed_subject,
)

# A decision needs a score of at least 2.0 (_decide); bounds are compared with this margin below it so
# that float sums taken in another order can never make a bound fall short of the real score.
_NEEDED = 2.0 - 1e-6


class _Answers:
    """What one sibling's shape could be while a suspect is decided: exactly its natural shape (a sibling
    that is not a suspect), or any of the shapes a suspect may take (its natural end with or without the
    trailing comma, a cut at any position), kept as the sets of its possible last characters, pairs of
    them and triples, so the best suffix agreement with a cut is found in a few set lookups."""

    __slots__ = ("exact", "first", "second", "third", "pairs12", "pairs13", "pairs23", "triples", "comma")

    def __init__(self, window: str, suspect: bool) -> None:
        titles = [window, window.rstrip(_TRAILING)] if suspect else [window.rstrip(_TRAILING)]
        comma = _first_comma(window)
        if not suspect:
            title = titles[0]
            length = len(title)
            self.exact = (length, title[-1:], title[-2:-1], title[-3:-2], comma if comma < length else -1)
            return
        self.exact = None
        ends = {(t[-1:], t[-2:-1], t[-3:-2]) for t in titles}
        ends.update((window[q - 1], window[q - 2], window[q - 3]) for q in range(_CUT_MIN, min(_CUT_MAX, len(window) - 1) + 1))
        self.first = {e[0] for e in ends} - {""}
        self.second = {e[1] for e in ends} - {""}
        self.third = {e[2] for e in ends} - {""}
        self.pairs12 = {(e[0], e[1]) for e in ends}
        self.pairs13 = {(e[0], e[2]) for e in ends}
        self.pairs23 = {(e[1], e[2]) for e in ends}
        self.triples = ends
        self.comma = comma  # the first comma of every shape of it that has one


def _first_comma(title: str) -> int:
    commas = [k for k in (title.find("，"), title.find(",")) if k >= 0]
    return min(commas) if commas else -1


def _bounds(answers: _Answers, n: int, e1: str, e2: str, e3: str, comma: int) -> tuple[float, int]:
    """(the most _similarity a cut of shape (n, e1, e2, e3, comma) can have to this sibling, the most
    suffix agreement).  Exact against a fixed shape; an upper bound against a suspect's shapes."""
    exact = answers.exact
    if exact is not None:
        r, f1, f2, f3, r_comma = exact
        agree = (e1 == f1) + (e2 == f2) + (e3 == f3)  # e1..e3 are never empty: every cut is ≥ _CUT_MIN
        d = n - r if n > r else r - n
        sim = (1.0 - d / 6 if d < 6 else 0.0) + agree * 0.5 + (1.0 if comma >= 0 and comma == r_comma else 0.0)
        return sim, agree
    if (e1, e2, e3) in answers.triples:
        agree = 3
    elif (e1, e2) in answers.pairs12 or (e1, e3) in answers.pairs13 or (e2, e3) in answers.pairs23:
        agree = 2
    elif e1 in answers.first or e2 in answers.second or e3 in answers.third:
        agree = 1
    else:
        agree = 0
    return 1.0 + agree * 0.5 + (1.0 if comma >= 0 and comma == answers.comma else 0.0), agree


def wordless(text: str, sections: list[Section], naturals: list[_Natural], siblings: dict[int, list[int]],
             suspects: dict[int, bool], cached: Callable[[int], bool] | None = None) -> set[int]:
    """Suspects (index → run_on) whose words cannot change any decision: _decide keeps their natural end
    whatever jieba says, and so does every suspect that reads their shapes.

    - An article's first sentence is never cut (_make_suspect drops its cuts).
    - A forced suspect (no natural end) and a run-on sibling are always segmented; so is a window holding
      a speaker's words or a time frame (every strong cue holds a _STRONG_HINT or _FRAME_HINT word).
    - Otherwise a cut is made only where its score reaches 2.0 and it is parallel to its siblings (or,
      for a title that does not close a sentence, opens the body with a medium cue).  Both are bounded
      at every position against each sibling: exactly for a sibling whose shape is fixed, from above
      for a sibling suspect (whatever shape it takes).
    Suspects that read one another's shapes (siblings) are decided together, so a group is left
    unsegmented only if every member is.  A group whose words are all ``cached`` already is not looked
    at: its words cost nothing, and the decisions are the same either way."""
    always = {i for i in suspects
              if sections[i].kind in _SENTENCE_TITLED and naturals[i].how in ("punct", "line")}
    answers: dict[int, _Answers] = {}

    def answers_of(j: int) -> _Answers:
        if j not in answers:
            answers[j] = _Answers(text[naturals[j].start:naturals[j].end], j in suspects)
        return answers[j]

    def cannot_cut(i: int) -> bool:
        if i in always:
            return True
        nat = naturals[i]
        window = text[nat.start:nat.end]
        inline = FAMILIES[sections[i].kind].inline
        if suspects[i] or nat.how == "window" or (not inline and len(window) > 2 * _HEADING_MAX):
            return False  # a run-on sibling, or forced: some cut is always made
        if _STRONG_HINT.search(window) or _FRAME_HINT.search(window):
            return False
        if "是" in window and any(echoed_subject(window, cut) for cut in range(_CUT_MIN, min(_CUT_MAX, len(window) - 1) + 1)):
            return False  # the body's subject echoes the title: a strong cue (title_ends.echoed_subject)
        flat = _on_flattened_line(text, nat.start)
        sentence = ((nat.how == "line" or (nat.how == "punct" and nat.char in _SENTENCE_STOPS))
                    and (not flat or _clause_in(window)))
        medium_ok = not inline and len(window) > _MEDIUM_MIN_LENGTH
        refs = [answers_of(j) for j in siblings[i] if j != i]
        n_refs = len(refs)
        comma = _first_comma(window)
        for cut in range(_CUT_MIN, min(_CUT_MAX, len(window) - 1) + 1):
            score = _length_prior(cut)
            cue = medium_ok and _MEDIUM_CUE.match(window, cut) is not None
            if cue:
                score += 1.5
            if window[cut - 1] in _BAD_TITLE_END or window[cut] in _BAD_BODY_START:
                score -= 2.0
            if not n_refs:
                if cue and not sentence and score >= _NEEDED:
                    return False  # with no siblings only a body-opening cue cuts, and not a whole sentence
                continue
            e1, e2, e3 = window[cut - 1], window[cut - 2], window[cut - 3]
            c = comma if 0 <= comma < cut else -1
            total, agree = 0.0, 0
            for answer in refs:
                sim, a = _bounds(answer, cut, e1, e2, e3, c)
                total += sim
                agree += a
            if score + 1.5 * total / n_refs - 1.0 < _NEEDED:
                continue
            if (cue and not sentence) or (cut >= _PARALLEL_MIN and agree >= n_refs):
                return False
        return True

    skip = set(always)
    seen: set[int] = set()
    for first in suspects:
        if first in seen:
            continue
        group, todo = [], [first]  # the suspects linked to ``first`` through sibling suspects
        seen.add(first)
        while todo:
            i = todo.pop()
            group.append(i)
            for j in siblings[i]:
                if j in suspects and j not in seen:
                    seen.add(j)
                    todo.append(j)
        if cached is not None and all(cached(i) for i in group):
            continue
        if all(cannot_cut(i) for i in group):
            skip.update(group)
    return skip
