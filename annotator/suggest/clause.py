"""One clause and its cue: what a directive suggester sees before it looks at the sentence around.

``analyse_clause`` finds the cue of a clause cut at ，：(a modal such as 要/必须/应, 请 at its head, or, in a
forward-looking text, an adverb of manner or an instruction verb that opens it) with who it addresses and
what is to be done. Whether that cue is *live* in its sentence (reported, a purpose, a prediction…) is
decided in annotator.suggest.directives, which reads the clauses around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from annotator.suggest import cues

_TRIM = " \t\u3000，,；;：:。！？!?、"


@dataclass
class Cue:
    strength: str
    kind: str  # "modal", "please", "lead", "middle"
    actor: str
    action: str
    word: str = ""  # the cue as written (要, 必须, 请…): the learner weighs each one


def _skip_prefix(clause: str) -> int:
    pos = 0
    while True:
        m = cues.MARKER_RE.match(clause, pos) or cues.CONNECTIVE_RE.match(clause, pos)
        if not m or m.end() == pos:
            return pos
        pos = m.end()


# Compiled once: built inside _action it was formatted and looked up in re's cache on every call.
_ACTION_LEAD_RE = re.compile(rf"(?:把|将)?(?:{cues._ADV})地?|也|还|更|都|就|要|一定|能")


def _action(clause: str, pos: int) -> str:
    """The verb phrase after the cue, without the adverbs of manner in front of it."""
    rest = clause[pos:].rstrip(_TRIM)
    while True:
        m = _ACTION_LEAD_RE.match(rest)
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
    modal cues count, and not the adverbial ones (坚决打赢…并取得决定性成果 narrates).
    """
    begin = _skip_prefix(clause)
    if cues.INTENT_RE.match(clause, begin):
        return None  # 中国将…, 我们愿…: a declaration of intent, not an order
    for m in cues.MODAL_RE.finditer(clause, begin):
        if (past and m.group() in cues.ADVERBIAL_CUES) or cues.in_title(clause, m.start()):
            continue
        if cues.PREDICTION_RE.search(clause, begin, m.start()):
            return None  # 只要…就一定能…: a prediction, whatever follows
        return Cue(m.lastgroup, "modal", _actor(clause, begin, m.start()), _action(clause, m.end()), m.group())
    please = cues.PLEASE_RE.match(clause, begin) or cues.PLEASE_INNER_RE.search(clause, begin)
    if please:
        return Cue("normal", "please", "", _action(clause, please.end()), please.group()[-1])  # 请 or 望
    if past:
        return None
    body = begin
    actor = cues.ACTOR_RE.match(clause, begin)
    if actor and cues.LEAD_RE.match(clause, actor.end()):
        body = actor.end()
    lead = cues.LEAD_RE.match(clause, body)
    if lead:
        if (cues.COPULA_RE.search(clause, lead.end()) or clause[lead.end():lead.end() + 1] in ("着", "了", "过", "中")
                or cues.NOUN_PHRASE_END_RE.search(clause.rstrip(_TRIM))):
            return None  # "维护职工权益是…", "凝聚着…", "发展中老问题…": a statement or a noun, not an order
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
