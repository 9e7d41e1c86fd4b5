"""Directive suggestions: instructions, with who is addressed, what is to be done and how firmly.

Unit rule for ``unit="clause"`` (the default): text is cut into sentences at 。！？ and line ends, and
sentences into segments at ；. Within a segment the clauses (cut at ，：) are scanned in order; the
directive starts at the first clause that carries a live cue and runs to the end of the segment,
because a cue governs the clauses that follow it up to the ；/。 ("要广泛凝聚共识，组织动员…，切实增强…；"
is one instruction). Leading section markers (一是, （二）, 首先，) are left out of the span.
With ``unit="sentence"`` the whole sentence is the span when any of its segments carries a live cue.

A cue is *live* unless the sentence reports the past: modal cues (要, 必须, 希望…) are always live;
adverbs and clause-opening verbs (切实, 推进…) are dropped in sentences with 了/已/取得/去年… and in
paragraphs that open as a review (一年来, 过去一年, 2019年，).
Headings (a marked line without sentence punctuation, or a section title when ``sections`` are given)
are directives when their title opens with an instruction verb or carries a modal cue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator

from annotator.domain.model import Section, Suggestion
from annotator.suggest import cues

_SENTENCE_END = "。！？!?"
_TRIM = " \t\u3000，,；;：:。！？!?、"
_HEADING_LINE = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十]{1,3}[章部分节]?[，,、\s])")
_TOP_HEADING = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}、|第[一二三四五六七八九十]{1,3}[章部分])")
_STRENGTH_SCORE = {"strong": 0.9, "normal": 0.85, "soft": 0.8}


@dataclass
class Cue:
    strength: str
    kind: str  # "modal", "please", "lead", "middle"
    actor: str
    action: str


def _pieces(text: str, start: int, end: int, stops: str) -> Iterator[tuple[int, int]]:
    """Split text[start:end] after each stop character; pieces keep their punctuation."""
    i = start
    for j in range(start, end):
        if text[j] in stops:
            yield i, j + 1
            i = j + 1
    if i < end:
        yield i, end


def _skip_prefix(clause: str) -> int:
    pos = 0
    while True:
        m = cues.MARKER_RE.match(clause, pos) or cues.CONNECTIVE_RE.match(clause, pos)
        if not m or m.end() == pos:
            return pos
        pos = m.end()


def _action(clause: str, pos: int) -> str:
    """The verb phrase after the cue, without the adverbs of manner in front of it."""
    rest = clause[pos:].rstrip(_TRIM)
    while True:
        m = re.match(rf"(?:把|将)?(?:{cues._ADV})地?|也|还|更|都|就|要|一定|能", rest)
        if not m or not m.end():
            break
        rest = rest[m.end():]
    return rest[:30]


def _actor(clause: str, begin: int, cue_at: int) -> str:
    head = cues.ACTOR_TAIL.sub("", clause[begin:cue_at]).strip(" ，,")
    if head and len(head) <= 18 and cues.ACTOR_RE.fullmatch(head):
        return head
    return ""


def analyse_clause(clause: str, past: bool) -> Cue | None:
    """The cue a clause carries, or None.

    ``past``: the clause's sentence (or its section) reports past work or states a need, so only
    modal cues count.
    """
    begin = _skip_prefix(clause)
    m = cues.MODAL_RE.search(clause, begin)
    if m:
        strength = m.lastgroup
        return Cue(strength, "modal", _actor(clause, begin, m.start()), _action(clause, m.end()))
    please = cues.PLEASE_RE.match(clause, begin)
    if please:
        return Cue("normal", "please", "", _action(clause, please.end()))
    if past:
        return None
    body = begin
    actor = cues.ACTOR_RE.match(clause, begin)
    if actor and cues.LEAD_RE.match(clause, actor.end()):
        body = actor.end()
    lead = cues.LEAD_RE.match(clause, body)
    if lead:
        if (cues.COPULA_RE.search(clause, lead.end()) or clause[lead.end():lead.end() + 1] in ("着", "了", "过")
                or cues.NOUN_PHRASE_END_RE.search(clause.rstrip(_TRIM))):
            return None  # "维护职工权益是…", "凝聚着…": a statement about the action, not an order
        return Cue("normal", "lead", clause[begin:body].strip(), _action(clause, body))
    if cues.COPULA_RE.search(clause, body):
        return None
    prep = cues.PREP_RE.match(clause, body)
    verb = cues.VERB_RE.search(clause, prep.end()) if prep and not cues.PREP_NOT_RE.search(clause.rstrip(_TRIM)) else None
    if verb and clause[verb.end():verb.end() + 1] not in ("着", "了", "过", "的"):
        return Cue("normal", "prep", "", _action(clause, verb.start()))
    middle = cues.MIDDLE_RE.search(clause, body)
    if middle:
        return Cue("normal", "middle", "", _action(clause, middle.start()))
    return None


def _blocks(text: str, sections: Iterable[Section] | None) -> Iterator[tuple[int, int, bool]]:
    """(start, end, is_heading) over the text: section titles, then the lines between them."""
    titles = sorted({(s.title_start, s.title_end) for s in sections or () if s.title_end > s.title_start})
    pos = 0
    for t_start, t_end in titles + [(len(text), len(text))]:
        for line_start, line_end in _pieces(text, pos, t_start, "\n"):
            yield line_start, line_end, False
        if t_end > t_start:
            yield t_start, t_end, True
        pos = max(pos, t_end)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    m = cues.MARKER_RE.match(text, start, end)
    if m:
        start = m.end()
    while start < end and text[start] in _TRIM + "“”\"":
        start += 1
    while end > start and text[end - 1] in _TRIM + "\n":
        end -= 1
    return start, end


def _heading(text: str, start: int, end: int) -> Suggestion | None:
    start, end = _trim(text, start, end)
    title = text[start:end]
    if not title:
        return None
    # The first clause carries the instruction; what follows is its purpose ("…，筑牢…的思想基础").
    cue = analyse_clause(re.split(r"[，,]", title, maxsplit=1)[0], past=False)
    if cue is None or cue.kind == "middle" and len(title) > 40:
        return None
    return Suggestion(start, end, "directive", _attrs(cue), _STRENGTH_SCORE[cue.strength] - 0.05,
                      rule=f"heading:{cue.kind}")


def _attrs(cue: Cue) -> dict:
    attrs = {"actor": cue.actor, "action": cue.action, "strength": cue.strength}
    return {k: v for k, v in attrs.items() if v}


def _is_heading_line(text: str, start: int, end: int) -> bool:
    line = text[start:end].strip()
    return (len(line) <= 60 and bool(_HEADING_LINE.match(line))
            and not any(ch in line for ch in _SENTENCE_END + "；;"))


def suggest_directives(text: str, sections: Iterable[Section] | None = None,
                       unit: str = "clause") -> list[Suggestion]:
    if unit not in ("clause", "sentence"):
        raise ValueError(f"unit must be 'clause' or 'sentence', not {unit!r}")
    out: list[Suggestion] = []
    top_levels = {(s.title_start, s.title_end) for s in sections or () if s.level == 1}
    review_section = False
    for b_start, b_end, is_heading in _blocks(text, sections):
        if is_heading or _is_heading_line(text, b_start, b_end):
            if (b_start, b_end) in top_levels or _TOP_HEADING.match(text, b_start, b_end):
                review_section = bool(cues.REVIEW_HEADING_RE.search(text, b_start, b_end))
            s = None if review_section else _heading(text, b_start, b_end)
            if s:
                out.append(s)
            continue
        first = next(_pieces(text, b_start, b_end, _SENTENCE_END), (b_start, b_end))
        review = review_section or bool(cues.RETRO_OPEN_RE.search(text, *first))
        for s_start, s_end in _pieces(text, b_start, b_end, _SENTENCE_END):
            out.extend(_sentence(text, s_start, s_end, review, unit))
    return out


def _sentence(text: str, start: int, end: int, review: bool, unit: str) -> list[Suggestion]:
    past = review or bool(cues.RETRO_RE.search(text, start, end))
    found: list[Suggestion] = []
    for g_start, g_end in _pieces(text, start, end, "；;"):
        statement = past or bool(cues.STATEMENT_RE.search(text, g_start, g_end))
        for c_start, c_end in _pieces(text, g_start, g_end, "，,：:"):
            cue = analyse_clause(text[c_start:c_end], statement)
            if cue is None:
                continue
            s, e = _trim(text, c_start, g_end)
            if e - s >= 4:
                found.append(Suggestion(s, e, "directive", _attrs(cue), _STRENGTH_SCORE[cue.strength]
                                        - (0.15 if cue.kind in ("lead", "middle") else 0), rule=cue.kind))
            break
    if unit == "sentence" and found:
        s, e = _trim(text, start, end)
        best = max(found, key=lambda f: _STRENGTH_SCORE[f.attributes.get("strength", "normal")])
        return [Suggestion(s, e, "directive", dict(best.attributes), best.score, best.rule)]
    return found
